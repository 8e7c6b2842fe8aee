package extract

import (
	"testing"

	"github.com/shopspring/decimal"
)

// decStr renders an optional figure for comparison ("" when absent).
func decStr(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

type fundWant struct {
	row                                            string
	level                                          int
	initial, budget, executed, weight, rate, score string
}

func checkFunds(t *testing.T, got []FundRow, want []fundWant) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("funds: %d rows, want %d: %s", len(got), len(want), dumpJSON(got))
	}
	for i, w := range want {
		g := got[i]
		gw := fundWant{g.Row, g.Level, decStr(g.InitialWan), decStr(g.BudgetWan), decStr(g.ExecutedWan),
			decStr(g.Weight), decStr(g.Rate), decStr(g.Score)}
		if gw != w {
			t.Errorf("fund row %d:\n got %+v\nwant %+v", i, gw, w)
		}
	}
}

type indWant struct {
	level1, level2, level3, target, actual, weight, score, reason string
	partOf                                                        int
}

func checkIndicators(t *testing.T, got []Indicator, want []indWant) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("indicators: %d rows, want %d: %s", len(got), len(want), dumpJSON(got))
	}
	for i, w := range want {
		g := got[i]
		gw := indWant{g.Level1, g.Level2, g.Level3, g.Target, g.Actual, decStr(g.Weight), decStr(g.Score), g.Reason, g.PartOf}
		if gw != w {
			t.Errorf("indicator %d:\n got %+v\nwant %+v", i, gw, w)
		}
	}
}

func TestTableLangfang(t *testing.T) {
	r := extractText(t, "langfang.txt", loadTableSample(t, "langfang_shipinxuexiao_2019_xiangmu_table.txt"))
	if r.Genre != ProjectTable || r.Year != 2019 || r.Unit != "廊坊市食品工程学校" || r.Title != "项目支出绩效自评表" {
		t.Errorf("head: genre %q year %d unit %q title %q", r.Genre, r.Year, r.Unit, r.Title)
	}
	if r.Project == nil || *r.Project != (ProjectInfo{Name: "办公宿舍楼、食堂及餐厅暖通改造经费", Department: "廊坊市发改委", Implementer: "廊坊市食品工程学校"}) {
		t.Errorf("project: %+v", r.Project)
	}
	checkFunds(t, r.Funds, []fundWant{
		{"年度资金总额", 0, "43.2", "43.2", "37.24", "10", "86", "9"},
		{"其中:当年财政拨款", 1, "43.2", "43.2", "37.24", "", "", ""},
	})
	f := r.Funds[0]
	if f.Decimals["initial"] != 1 || f.Decimals["executed"] != 2 || f.Decimals["rate"] != 0 || f.Written["rate"] != "86%" {
		t.Errorf("decimals %v written %v", f.Decimals, f.Written)
	}
	if r.Goals == nil || r.Goals.Expected != "43.2" || r.Goals.Actual != "37.24" {
		t.Errorf("goals: %+v", r.Goals)
	}
	reason := "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。"
	checkIndicators(t, r.Indicators, []indWant{
		{"产出指标", "数量指标", "指标1工程资金金额", "43.2", "37.24", "10", "9", reason, 0},
		{"产出指标", "质量指标", "指标1工程完工率", "100", "100", "10", "10", "", 0},
		{"产出指标", "质量指标", "指标2工程验收合格率", "100", "100", "10", "10", "", 0},
		{"产出指标", "时效指标", "指标1项目完成及时率", "100", "100", "10", "10", "", 0},
		{"产出指标", "成本指标", "指标1成本控制率", "100", "100", "10", "10", "", 0},
		{"效益指标", "经济效益指标", "指标1安全率", "100", "100", "10", "10", "0", 0},
		{"效益指标", "社会效益指标", "指标1学校发展能力", "100", "100", "10", "10", "0", 0},
		{"效益指标", "可持续影响指标", "指标1长期使用性", "100", "100", "10", "10", "", 0},
		{"满意度指标", "服务对象满意度指标", "指标1学生满意度", "100", "100", "10", "10", "0", 0},
	})
	if r.TotalRow != nil || r.TotalScore != nil {
		t.Errorf("the sample is cut before its total, got %+v", r.TotalRow)
	}
	if len(r.Items) != 1 {
		t.Fatalf("items: %s", dumpJSON(r.Items))
	}
	it := r.Items[0]
	if it.Seq != 1 || it.Name != "办公宿舍楼、食堂及餐厅暖通改造经费" || decStr(it.BudgetWan) != "43.2" || decStr(it.ActualWan) != "37.24" ||
		it.Disbursement != Partial || it.Budget.Decimals != 1 || it.Budget.Raw != "43.2" {
		t.Errorf("item: %s", dumpJSON(it))
	}
	// evidence: the total row's span is its text
	if got := r.Funds[0].Span; !containsAll(textOf(t, "langfang_shipinxuexiao_2019_xiangmu_table.txt", got), "年度资金总额", "86%", "9") {
		t.Errorf("span %v does not cover the row", got)
	}
}

func TestTableXiaoxian(t *testing.T) {
	r := extractText(t, "xiaoxian.txt", loadTableSample(t, "xiaoxian_zhangzhuangzhai_2023_mubiao_table.txt"))
	if r.Genre != ProjectTable || r.Year != 2023 || r.Unit != "张庄寨镇人民政府" || r.Title != "绩效目标自评表" {
		t.Errorf("head: genre %q year %d unit %q title %q", r.Genre, r.Year, r.Unit, r.Title)
	}
	if r.Project == nil || *r.Project != (ProjectInfo{Name: "河西村特色种养补贴到户项目", Department: "县农业农村局",
		Implementer: "张庄寨镇人民政府", Responsible: "李宁0557-5788003"}) {
		t.Errorf("project: %+v", r.Project)
	}
	checkFunds(t, r.Funds, []fundWant{
		{"年度资金总额:", 0, "", "9.48", "9.48", "10", "100", "10"},
		{"其中:本年财政拨款", 1, "", "9.48", "9.48", "10", "100", "10"},
	})
	goal := "落实39户特色种养业奖补政策,增加脱贫户家庭收入"
	if r.Goals == nil || r.Goals.Expected != goal || r.Goals.Actual != goal {
		t.Errorf("goals: %+v", r.Goals)
	}
	checkIndicators(t, r.Indicators, xiaoxianIndicators)
	if len(r.Items) != 1 || decStr(r.Items[0].BudgetWan) != "9.48" || r.Items[0].Disbursement != Full {
		t.Errorf("items: %s", dumpJSON(r.Items))
	}
}

var xiaoxianIndicators = []indWant{
	{"产出指标", "数量指标", "★补助各类瓜果蔬菜种植面积", "29.5亩", "29.5亩", "20", "20", "", 0},
	{"产出指标", "数量指标", "其中桃树种植面积", "1.5亩", "1.5亩", "", "", "", 1},
	{"产出指标", "数量指标", "其中苹果树种植面积", "5亩", "5亩", "", "", "", 1},
	{"产出指标", "数量指标", "其中露天蔬菜", "20亩", "20亩", "", "", "", 1},
	{"产出指标", "数量指标", "其中大棚蔬菜", "3亩", "3亩", "", "", "", 1},
	{"产出指标", "数量指标", "★补助鱼塘面积", "3亩", "3亩", "10", "10", "", 0},
	{"产出指标", "数量指标", "其中鱼塘养殖面积", "3亩", "3亩", "", "", "", 6},
	{"产出指标", "数量指标", "★补助家畜家禽养殖数量", "192只", "192只", "10", "10", "", 0},
	{"产出指标", "数量指标", "其中羊养殖数量", "180只", "180只", "", "", "", 8},
	{"产出指标", "数量指标", "其中猪养殖数量", "12头", "12头", "", "", "", 8},
	{"产出指标", "质量指标", "种植作物成活率", "95%", "95%", "5", "5", "", 0},
	{"产出指标", "质量指标", "养殖家畜家禽成活率", "95%", "100%", "5", "5", "", 0},
	{"效益指标", "经济效益指标", "特色产业带动增加受益农户收入(总收入)", "≥11.376万元", "12万元", "20", "20", "", 0},
	{"效益指标", "社会效益指标", "受益人口数量", "90人", "90人", "10", "10", "", 0},
}

func TestTableQingshen(t *testing.T) {
	r := extractText(t, "qingshen.txt", loadTableSample(t, "qingshen_fgj_2023_xiangmu_table.txt"))
	if r.Genre != ProjectTable || r.Year != 2023 || r.Unit != "青神县发展和改革局" || r.Title != "部门预算项目支出绩效自评表(2023年度)" {
		t.Errorf("head: genre %q year %d unit %q title %q", r.Genre, r.Year, r.Unit, r.Title)
	}
	if r.Project == nil || *r.Project != (ProjectInfo{Name: "51000021R000000019951-工资性支出", Department: "青神县发展和改革局本级",
		Implementer: "青神县发展和改革局"}) {
		t.Errorf("project: %+v", r.Project)
	}
	checkFunds(t, r.Funds, []fundWant{
		{"总额", 0, "238.93", "251.89", "251.89", "10", "100", ""},
		{"其中:财政资金", 1, "238.93", "251.89", "251.89", "", "100", ""},
		{"财政专户管理资金", 1, "0", "0", "0", "", "0", ""},
		{"单位资金", 1, "0", "0", "0", "", "0", ""},
	})
	if f := r.Funds[0]; f.Decimals["rate"] != 2 || f.Written["rate"] != "100.00%" || f.Reason != "" {
		t.Errorf("total row: decimals %v written %v reason %q (the template's guidance is no reason)", f.Decimals, f.Written, f.Reason)
	}
	if r.Goals == nil || r.Goals.Expected != "严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。" || r.Goals.Actual != "" {
		t.Errorf("goals: %+v", r.Goals)
	}
	checkIndicators(t, r.Indicators, []indWant{
		{"产出指标", "数量指标", "发放(缴纳)覆盖率", "100", "", "60", "", "", 0},
		{"效益指标", "社会效益指标", "足额保障率(参保率)", "100", "", "30", "", "", 0},
	})
	for _, ind := range r.Indicators {
		if ind.Nature != "=" || ind.Unit != "%" {
			t.Errorf("%s: nature %q unit %q", ind.Level3, ind.Nature, ind.Unit)
		}
	}
	if r.TotalRow == nil || r.TotalRow.Label != "合计" || decStr(r.TotalRow.Weight) != "100" || r.TotalRow.Score != nil || r.TotalScore != nil {
		t.Errorf("total: %s", dumpJSON(r.TotalRow))
	}
	if len(r.Items) != 1 || decStr(r.Items[0].BudgetWan) != "251.89" || decStr(r.Items[0].ActualWan) != "251.89" || r.Items[0].Disbursement != Full {
		t.Errorf("items: %s", dumpJSON(r.Items))
	}
}

func TestNarrativeIsNotATable(t *testing.T) {
	if g, ok := detectTable(loadTableSample(t, "fupin_jiuchang_2020_narrative_docsite.txt")); ok {
		t.Errorf("fupin narrative read as %q", g)
	}
}

func TestTableInYuan(t *testing.T) {
	text := "项目支出绩效自评表\n(2021年度)\n| 项目名称 | 示范项目 |\n| 实施单位 | 示范镇人民政府 |\n" +
		"| 项目资金(元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n" +
		"| 年度资金总额 | 432000 | 432000 | 372400.50 | 10 | 86% | 9 |\n"
	r := extractText(t, "yuan.txt", text)
	checkFunds(t, r.Funds, []fundWant{{"年度资金总额", 0, "43.2", "43.2", "37.24005", "10", "86", "9"}})
	if d := r.Funds[0].Decimals["executed"]; d != 6 {
		t.Errorf("decimals of 372400.50 元 in 万元: %d, want 6", d)
	}
	if it := r.Items[0]; it.Budget.Unit != "元" || it.Budget.Raw != "432000" || it.Budget.Decimals != 0 || decStr(it.BudgetWan) != "43.2" {
		t.Errorf("item budget %+v", it.Budget)
	}
}
