package extract

import (
	"strings"
	"testing"
)

// Layouts in which published tables really arrive, each written here with
// made-up figures: the shape is the published one, the content is ours.

// A pipe row whose last cells a page wrapped onto the next line is one row,
// and the row after it is kept (losing it made two false composition errors).
func TestTableWrappedPipeRow(t *testing.T) {
	text := `部门整体支出绩效自评表 | |||||||||
单位(盖章):某县某镇人民政府 | 填报日期:2022年2月3日 | ||||||||
部门(单位)名称 | 某县某镇人民政府 | ||||||||
部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 | |||
年度资金总额: | 1000.50 | 1200.00 | 10 | 10 | 执行率*该指标分值,最高不得超过分值上限。 | ||||
基本支出 | 800.25 | 700.00 |
10 | 10 | |||||
项目支出 | 200.25 | 500.00 | 10 | 10 | |||||
其他 | |||||||||
`
	r := extractText(t, "wrapped.txt", text)
	if r.Genre != DepartmentTable || r.Unit != "某县某镇人民政府" || r.Year != 0 {
		t.Errorf("head: genre %q unit %q year %d", r.Genre, r.Unit, r.Year)
	}
	checkFunds(t, r.Funds, []fundWant{
		{"年度资金总额:", 0, "1000.5", "", "1200", "10", "", "10"},
		{"基本支出", 1, "800.25", "", "700", "10", "", "10"},
		{"项目支出", 1, "200.25", "", "500", "10", "", "10"},
	})
	for _, w := range r.Warnings {
		if strings.Contains(w, "数字未分隔") {
			t.Errorf("a row read cell by cell warned: %s", w)
		}
	}
}

// A whole table flattened onto one line with one space between cells (a
// DOCX reduced to text): each word of several characters is a cell, text
// targets (达成预期指标) included.
func TestTableSingleSpaceFlattened(t *testing.T) {
	text := `附件: 项目支出绩效自评表 (2022年度) 项目名称 某某委托业务项目 主管部门 219-某区某镇人民政府 实施单位 219001-某区某镇人民政府 ` +
		`项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 50 50 45 10 90% 9 其中:本年财政拨款 50 50 45 上年结转资金 其他资金 ` +
		`年度总体目标 预期目标 实际完成情况 完成委托业务。 完成委托业务。 ` +
		`绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 ` +
		`产出指标(50分) 数量指标 委托业务项目数量 ≥50个 50 20 20 质量指标 经费支出合规性 严格执行相关制度规定 达成预期指标 20 20 ` +
		`效益指标(30分) 社会效益指标 对市场公平的影响程度 效果明显 达成预期指标 30 28 总分 100 98`
	r := extractText(t, "spaced.txt", text)
	if r.Genre != ProjectTable || r.Year != 2022 || r.Unit != "某区某镇人民政府" {
		t.Errorf("head: genre %q year %d unit %q", r.Genre, r.Year, r.Unit)
	}
	checkFunds(t, r.Funds, []fundWant{
		{"年度资金总额:", 0, "50", "50", "45", "10", "90", "9"},
		{"其中:本年财政拨款", 1, "50", "50", "45", "", "", ""},
	})
	checkIndicators(t, r.Indicators, []indWant{
		{"产出指标", "数量指标", "委托业务项目数量", "≥50个", "50", "20", "20", "", 0},
		{"产出指标", "质量指标", "经费支出合规性", "严格执行相关制度规定", "达成预期指标", "20", "20", "", 0},
		{"效益指标", "社会效益指标", "对市场公平的影响程度", "效果明显", "达成预期指标", "30", "28", "", 0},
	})
	if decStr(r.TotalScore) != "98" {
		t.Errorf("total score %s, want 98", decStr(r.TotalScore))
	}
}

// The table as an annex after other material: the title is found where it
// is, the unit under a label worded 预算部门、单位名称, and the total read
// even though the indicator block was cut off before it.
func TestTableAfterOtherMaterial(t *testing.T) {
	var b strings.Builder
	b.WriteString("某乡人民政府2023年部门决算公开\n\n附件一\n\n2023年度部门整体支出绩效评价基础数据表\n\n")
	for i := 0; i < 60; i++ {
		b.WriteString("公用经费\n\n118.31\n\n85.76\n\n")
	}
	b.WriteString("附件二\n\n2023年度部门整体支出绩效自评表\n\n预算部门、单位名称\n\n某县某乡人民政府\n\n \n\n年度预算申请\n\n(万元\n\n")
	b.WriteString("年初预算数\n\n全年预算数\n\n全年执行数\n\n分值\n\n执行率\n\n自评得分\n\n年度资金总额\n\n861.10\n\n2030.12\n\n2030.12\n\n10\n\n100%\n\n10\n\n")
	b.WriteString("年度总体目标\n\n预期目标\n\n实际完成情况\n\n完成全年工作任务\n\n完成\n\n自评总分:95.5分\n\n")
	r := extractText(t, "annex.txt", b.String())
	if r.Genre != DepartmentTable || r.Title != "2023年度部门整体支出绩效自评表" || r.Year != 2023 || r.Unit != "某县某乡人民政府" {
		t.Errorf("head: genre %q title %q year %d unit %q", r.Genre, r.Title, r.Year, r.Unit)
	}
	checkFunds(t, r.Funds, []fundWant{{"年度资金总额", 0, "861.1", "2030.12", "2030.12", "10", "100", "10"}})
	if decStr(r.TotalScore) != "95.5" {
		t.Errorf("total score %s, want 95.5", decStr(r.TotalScore))
	}
}

// The indicator header repeated on the next page is never an indicator; a
// 合计 glued to its figure in a flattened row is the total.
func TestTableRepeatedHeaderAndGluedTotal(t *testing.T) {
	text := "项目支出绩效自评表\n" +
		"项目名称  某某项目\n" +
		"项目资金(万元)  年初预算数  全年预算数  全年执行数  分值  执行率  得分\n" +
		"年度资金总额  10  10  10  10  100%  10\n" +
		"一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分\n" +
		"产出指标  数量指标  培训人数  100人  120人  50  50\n" +
		"一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分\n" +
		"效益指标  社会效益指标  群众知晓率  ≥90%  95%  40  38\n" +
		"合计100  98\n"
	r := extractText(t, "repeated.txt", text)
	checkIndicators(t, r.Indicators, []indWant{
		{"产出指标", "数量指标", "培训人数", "100人", "120人", "50", "50", "", 0},
		{"效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", "40", "38", "", 0},
	})
	if r.TotalRow == nil || decStr(r.TotalRow.Weight) != "100" || decStr(r.TotalScore) != "98" {
		t.Errorf("total: %s", dumpJSON(r.TotalRow))
	}
}

// A run of figures that two readings explain equally well is reported with
// both, and neither is taken for the table's figures.
func TestTableAmbiguousSplitWarns(t *testing.T) {
	rd, _, _, readings := readFundFigures([]cell{{text: "10.510.5", key: "10.510.5"}}, []column{colBudget, colExecuted}, fullBudget())
	if len(readings) < 2 {
		t.Fatalf("readings %v: want both 10.5|10.5 and 10.51|0.5", readings)
	}
	if len(rd) != 0 {
		t.Errorf("an ambiguous run was read as %s", describeReading(rd, []column{colBudget, colExecuted}))
	}
	text := "项目支出绩效自评表\n项目名称 | 某某项目 |\n项目资金(万元) | 全年预算数 | 全年执行数 |\n年度资金总额 | 10.510.5 |\n"
	r := extractText(t, "ambiguous.txt", text)
	found := false
	for _, w := range r.Warnings {
		if strings.Contains(w, "ambiguous-split") && strings.Contains(w, "全年预算数 10.5 | 全年执行数 10.5") && strings.Contains(w, "全年预算数 10.51 | 全年执行数 0.5") {
			found = true
		}
	}
	if !found || len(r.Funds) != 0 {
		t.Errorf("warnings %q funds %s", r.Warnings, dumpJSON(r.Funds))
	}
}

// The total broken down by income and by spending, label and figure in one
// cell, the two columns interleaved one cell per line: each part goes under
// the breakdown it names.
func TestTableFundBreakdowns(t *testing.T) {
	text := "2023年度部门整体支出绩效自评表\n\n单位名称\n\n某县某乡人民政府\n\n年初预算数\n\n全年预算数\n\n全年执行数\n\n分值\n\n执行率\n\n得分\n\n" +
		"年度资金总额\n\n500.00\n\n900.00\n\n900.00\n\n10\n\n100%\n\n10\n\n" +
		"按收入性质分:900.00\n\n按支出性质分:880.00\n\n其中: 一般公共预算:600.00\n\n其中:基本支出:500.00\n\n政府性基金拨款:100.00\n\n项目支出:380.00\n\n" +
		"纳入专户管理的非税收入拨款:\n\n \n\n其他资金:200.00\n\n \n\n年度总体目标\n\n预期目标\n\n实际完成情况\n\n"
	r := extractText(t, "breakdown.txt", text)
	if len(r.Funds) != 1 {
		t.Fatalf("funds %s", dumpJSON(r.Funds))
	}
	var got []string
	for _, b := range r.Funds[0].Breakdowns {
		s := b.Label + " " + decStr(b.Wan) + ":"
		for _, p := range b.Parts {
			s += " " + p.Label + "=" + decStr(p.Wan)
		}
		got = append(got, s)
	}
	want := []string{"按收入性质分 900: 一般公共预算=600 政府性基金拨款=100 纳入专户管理的非税收入拨款= 其他资金=200",
		"按支出性质分 880: 基本支出=500 项目支出=380"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("breakdowns:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Stated.TotalWan != nil {
		t.Errorf("a department table stated a project total %s", decStr(r.Stated.TotalWan))
	}
}

// A funds block whose text runs down each column: the row labels, then each
// header word with the figures under it; and one row with header and value
// cells interleaved.
func TestTableFundsColumnByColumn(t *testing.T) {
	lines := []string{"项目支出绩效自评表", "项目名称", "某某项目", "项目资金(万元)",
		"年度资金总额", "其中:当年财政拨款", "上年结转资金",
		"年初预算数", "43.2", "40", "3.2",
		"全年预算数", "43.2", "40", "3.2",
		"全年执行数", "37.24", "34.04", "3.2",
		"执行率", "86%", "85.1%", "100%",
		"年度总体目标"}
	r := extractText(t, "columns.txt", strings.Join(lines, "\n\n")+"\n")
	checkFunds(t, r.Funds, []fundWant{
		{"年度资金总额", 0, "43.2", "43.2", "37.24", "", "86", ""},
		{"其中:当年财政拨款", 1, "40", "40", "34.04", "", "85.1", ""},
		{"上年结转资金", 1, "3.2", "3.2", "3.2", "", "100", ""},
	})
	one := "项目支出绩效自评表 |\n项目名称 | 某某项目 |\n项目资金(万元) | 年度资金总额 | 年初预算数 | 10 | 全年预算数 | 12 | 全年执行数 | 11 | 分值 | 10 | 执行率 | 91.67% | 得分 | 9.17 |\n"
	r = extractText(t, "interleaved.txt", one)
	checkFunds(t, r.Funds, []fundWant{{"年度资金总额", 0, "10", "12", "11", "10", "91.67", "9.17"}})
}

// The form whose funds block states its weight in its label (预算执行情况
// (万元)(20分)) and whose indicators have no 分值 column: the block's (20分)
// is the total row's weight; a mirror's pinyin readings are not text.
func TestTableBlockWeightAndNoWeightColumn(t *testing.T) {
	lines := []string{"2022年度项目支出绩效自评表", "单位名称:某县某社 填报日期:2023年4月15日", "项目名称", "某某建设项目",
		"项目实施单位", "某某合作社", "预算执行情况(万元)", "(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分", "(20分*执行率)",
		"年度财政资金总额", "50", "10", "20", "4",
		"年度绩效目标", "(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分",
		"产出指标(40分)", "数量指标", "猪舍(平方米)", "180", "180", "3", "仓库(平方米)", "104", "104", "2"}
	r := extractText(t, "blockweight.txt", strings.Join(lines, "\n\n")+"\n")
	if r.Unit != "某县某社" || r.Year != 2022 {
		t.Errorf("head: unit %q year %d", r.Unit, r.Year)
	}
	checkFunds(t, r.Funds, []fundWant{{"年度财政资金总额", 0, "", "50", "10", "20", "20", "4"}})
	checkIndicators(t, r.Indicators, []indWant{
		{"产出指标", "数量指标", "猪舍(平方米)", "180", "180", "", "3", "", 0},
		{"产出指标", "数量指标", "仓库(平方米)", "104", "104", "", "2", "", 0},
	})
}

// A two-row indicator header whose upper row the text gives first, an
// indicator row a page broke over pipe lines, a level written with 等, and
// the total with its grade after it.
func TestTableTwoRowHeaderAndBrokenRow(t *testing.T) {
	text := "2022年度项目支出绩效自评表 | 部门:某县某中学 |\n" +
		"| 项目名称 | 营养改善计划 | 主管部门 | 某县教育体育局 | 实施单位 | 某县某中学 |\n" +
		"| 年度总体目标 | 预期目标 | 实际完成情况 | 改善学生体质 | 改善学生体质 | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 学生受资助人数 | ≥ | 735 | 人次 | 735 | 50 | 50 |\n" +
		"| 效益指标 | 经济效益 指标 | 减轻家庭经济负担 |\n" +
		"| 有效 |\n" +
		"| 有效 | 20 | 20 |\n" +
		"| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | ≥ | 95 | % | 100% | 20 | 18 |\n" +
		"| 其他需要说明事项 | 无 | 总分 | 90 | 88 | 良 |\n"
	r := extractText(t, "tworow.txt", text)
	checkIndicators(t, r.Indicators, []indWant{
		{"产出指标", "数量指标", "学生受资助人数", "735", "735", "50", "50", "", 0},
		{"效益指标", "经济效益指标", "减轻家庭经济负担", "有效", "有效", "20", "20", "", 0},
		{"满意度指标", "服务对象满意度指标等", "学生满意度", "95", "100%", "20", "18", "", 0},
	})
	if r.TotalRow == nil || decStr(r.TotalRow.Weight) != "90" || decStr(r.TotalScore) != "88" || r.Grade != "良" {
		t.Errorf("total %s grade %q", dumpJSON(r.TotalRow), r.Grade)
	}
}

func TestCellDropsPinyinReadings(t *testing.T) {
	c := newCell("年度资(zī)金总额", 0, len("年度资(zī)金总额"), 0)
	if c.text != "年度资金总额" {
		t.Errorf("cell %q", c.text)
	}
	if _, ok := fundRowLevel(c.key); !ok {
		t.Errorf("%q is not a fund row", c.key)
	}
}

// A document site's preview glues every cell to the next: the run is cut at
// the tables' fixed words and figures, the funds run split by its header
// (the rate's place bounds the split), the breakdowns read, the title kept
// with its year and never taken from the site's file name.
func TestTableGluedPreview(t *testing.T) {
	text := "《部门整体支出绩效自评表(3).docx》由会员分享,可在线阅读。\n" +
		"1、部门整体支出绩效自评表(2021年度)区级预算单位名称某区某中心年度预算申请(万元)年初预算数全年预算数全年执行数分值执行率得分" +
		"年度资金总额1356.181356.181356.1810100%10按收入性质分:1356.18按支出性质分:1356.18其中:一般公共预算:1356.18其中:基本支出:1200.00" +
		"政府性基金拨款:项目支出:156.18纳入专户管理的非税收入拨款:其他资金:年度总体目标预期目标实际完成情况完成全年任务完成\n"
	r := extractText(t, "glued.txt", text)
	if r.Genre != DepartmentTable || r.Title != "部门整体支出绩效自评表(2021年度)" || r.Year != 2021 || r.Unit != "某区某中心" {
		t.Errorf("head: genre %q title %q year %d unit %q", r.Genre, r.Title, r.Year, r.Unit)
	}
	checkFunds(t, r.Funds, []fundWant{{"年度资金总额", 0, "1356.18", "1356.18", "1356.18", "10", "100", "10"}})
	if len(r.Funds) == 1 && (len(r.Funds[0].Breakdowns) != 2 || len(r.Funds[0].Breakdowns[1].Parts) != 2) {
		t.Errorf("breakdowns %s", dumpJSON(r.Funds[0].Breakdowns))
	}
	// glued indicator values: a % ends its figure, ≥ begins one; 合计 glued to its score
	text2 := "项目支出绩效自评表(2022年度)项目名称某某项目实施单位某县水利局资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分" +
		"年度资金总额:202010100.00%10绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分" +
		"产出指标(70分)时效指标及时开工率10≥90%≥90%10及时完工率10≥90%≥90%10合计100100\n"
	r = extractText(t, "glued2.txt", text2)
	checkFunds(t, r.Funds, []fundWant{{"年度资金总额:", 0, "", "20", "20", "10", "100", "10"}})
	checkIndicators(t, r.Indicators, []indWant{
		{"产出指标", "时效指标", "及时开工率", "≥90%", "≥90%", "10", "10", "", 0},
		{"产出指标", "时效指标", "及时完工率", "≥90%", "≥90%", "10", "10", "", 0},
	})
	if decStr(r.TotalScore) != "100" || r.TotalRow == nil || decStr(r.TotalRow.Weight) != "100" {
		t.Errorf("total %s", dumpJSON(r.TotalRow))
	}
}
