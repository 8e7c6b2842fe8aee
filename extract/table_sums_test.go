package extract

import (
	"strings"
	"testing"
)

type sumWant struct {
	label, total string
	parts        []string
}

func sumsOf(text string) []sumWant {
	var out []sumWant
	for _, s := range findSums(text, 0, len(text), nil) {
		w := sumWant{label: s.Label, total: s.Total.Wan.String()}
		for _, p := range s.Parts {
			w.parts = append(w.parts, p.Wan.String())
		}
		out = append(out, w)
	}
	return out
}

func TestFindSums(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []sumWant
	}{
		{"共完成预算资金89.97万元，其中：东村道路30万元；西村道路30万元；北村道路29.99万元。",
			[]sumWant{{"共完成预算资金", "89.97", []string{"30", "30", "29.99"}}}},
		{"建厂房、酒窖及基础设施建设12.08万元;购买变压器一套18.8万元;购置电锅炉一台6.75万元;增设发酵池十二个3.2万元;共计40.83万元,改建后已带动14户贫困户分红,分红款每户贫困户可分得700元,已稳定脱贫。",
			[]sumWant{{"共计", "40.83", []string{"12.08", "18.8", "6.75", "3.2"}}}},
		// one part only: nothing to add up
		{"总投资100万元，其中财政资金80万元。", nil},
		// a clause with two amounts (budget and payment) is never summed
		{"共投入100万元，其中A项目预算60万元已支付50万元；B项目40万元。", nil},
		// 公共 is not 共
		{"购置设备20万元，维修10万元，公共服务资金30万元。", nil},
		// sentences do not run into each other
		{"甲项目10万元。乙项目20万元；丙项目5万元；合计25万元。",
			[]sumWant{{"合计", "25", []string{"20", "5"}}}},
	} {
		got := sumsOf(tc.text)
		if len(got) != len(tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i].label != tc.want[i].label || got[i].total != tc.want[i].total || strings.Join(got[i].parts, ",") != strings.Join(tc.want[i].parts, ",") {
				t.Errorf("%s:\n got %+v\nwant %+v", tc.text, got[i], tc.want[i])
			}
		}
	}
}

// The fupin report is narrative; the lead's reader may call findSums on it.
func TestFindSumsFupin(t *testing.T) {
	text := loadTableSample(t, "fupin_jiuchang_2020_narrative_docsite.txt")
	got := findSums(text, 0, len(text), nil)
	if len(got) != 1 {
		t.Fatalf("got %d sums: %s", len(got), dumpJSON(got))
	}
	for _, s := range got {
		if s.Total.Wan.String() != "40.83" || len(s.Parts) != 4 || text[s.Span[0]:s.Span[1]] == "" ||
			!strings.HasPrefix(text[s.Span[0]:], "12.08万元") || !strings.HasSuffix(text[:s.Span[1]], "共计40.83万元") {
			t.Errorf("sum %s, evidence %q", dumpJSON(s), text[s.Span[0]:s.Span[1]])
		}
	}
}

func TestDepartmentTable(t *testing.T) {
	r := extractText(t, "department.txt", loadTableSample(t, "made/department.txt"))
	if r.Genre != DepartmentTable || r.Year != 2022 || r.Unit != "示范县农业农村局" || r.Title != "部门整体支出绩效自评表" {
		t.Errorf("head: genre %q year %d unit %q title %q", r.Genre, r.Year, r.Unit, r.Title)
	}
	if r.Department == nil || r.Department.Name != "示范县农业农村局" || len(r.Department.Tasks) != 2 ||
		r.Department.Tasks[0].Name != "高标准农田建设" || r.Department.Tasks[0].Content != "新建高标准农田1万亩" ||
		r.Department.Tasks[1].Name != "农村人居环境整治" || r.Department.Tasks[1].Content != "完成农村改厕500户" {
		t.Errorf("department: %s", dumpJSON(r.Department))
	}
	checkFunds(t, r.Funds, []fundWant{
		{"年度资金总额", 0, "1200", "1350.5", "1296.48", "10", "96", "10"},
		{"基本支出", 1, "400", "420.5", "420.5", "", "", ""},
		{"其中:人员经费", 2, "300", "310.5", "310.5", "", "", ""},
		{"公用经费", 2, "100", "110", "110", "", "", ""},
		{"项目支出", 1, "800", "930", "875.98", "", "", ""},
	})
	if r.Goals == nil || r.Goals.Expected != "完成高标准农田建设和农村人居环境整治任务" || r.Goals.Actual != "已全部完成" {
		t.Errorf("goals %+v", r.Goals)
	}
	checkIndicators(t, r.Indicators, []indWant{
		{"产出指标", "数量指标", "新建农田面积", "1万亩", "1万亩", "30", "30", "", 0},
		{"产出指标", "数量指标", "农村改厕户数", "500户", "480户", "20", "19", "部分农户外出务工，已安排2023年补建", 0},
		{"效益指标", "社会效益指标", "卫生厕所普及率", "≥85%", "86%", "20", "20", "", 0},
		{"满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "93%", "20", "20", "", 0},
	})
	if decStr(r.TotalScore) != "99" || r.TotalRow == nil || decStr(r.TotalRow.Weight) != "100" {
		t.Errorf("total %s", dumpJSON(r.TotalRow))
	}
	if len(r.Items) != 1 || r.Items[0].Name != "示范县农业农村局" || decStr(r.Items[0].BudgetWan) != "1350.5" || decStr(r.Items[0].ActualWan) != "1296.48" {
		t.Errorf("items %s", dumpJSON(r.Items))
	}
}

func TestMadeTables(t *testing.T) {
	good := extractText(t, "good.txt", loadTableSample(t, "made/good_project.txt"))
	checkFunds(t, good.Funds, []fundWant{
		{"年度资金总额", 0, "100", "120", "103.2", "10", "86", "9"},
		{"其中:当年财政拨款", 1, "80", "100", "83.2", "", "", ""},
		{"上年结转资金", 1, "20", "20", "20", "", "", ""},
	})
	if len(good.Sums) != 2 || good.Sums[0].Total.Wan.String() != "89.97" || good.Sums[1].Total.Wan.String() != "40.83" {
		t.Errorf("sums %s", dumpJSON(good.Sums))
	}
	if decStr(good.TotalScore) != "99" || len(good.Indicators) != 8 || good.Indicators[3].PartOf != 1 {
		t.Errorf("indicators %s total %v", dumpJSON(good.Indicators), good.TotalScore)
	}
	bad := extractText(t, "bad.txt", loadTableSample(t, "made/bad_project.txt"))
	if f := bad.Funds[0]; decStr(f.Rate) != "95" || decStr(f.Score) != "7" || decStr(bad.Funds[2].BudgetWan) != "15" || decStr(bad.TotalScore) != "95" {
		t.Errorf("bad table read as %s", dumpJSON(bad.Funds))
	}
}
