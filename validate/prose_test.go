package validate

import (
	"context"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
)

func proseFindings(t *testing.T, text string) []Finding {
	t.Helper()
	doc, err := ingest.Read(context.Background(), "t.txt", []byte(text), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := extract.Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	return Report(r)
}

// TestProseRules: the prose checks of narrative reports, on short phrasings
// of each class; want lists "rule severity expected actual" of every finding
// of the rules named, and nothing else of them.
func TestProseRules(t *testing.T) {
	type want struct{ rule, sev, expected, actual string }
	tests := []struct {
		name, text string
		rules      []string
		want       []want
	}{
		{"sum-mismatch, parts in the next sentence",
			"一、资金情况\n下达中央水利发展资金2263万元。其中：中小河流治理工程1435万元，小流域综合治理700万元，农业水价改革18万元。\n",
			[]string{"sum-mismatch", "total-mismatch"}, []want{{"sum-mismatch", "error", "2263", "2153"}}},
		{"no sum across a new subject",
			"一、资金情况\n项目批复总投资61.8万元，其中中央财政资金30.9万元，县财政配套资金30.9万元，2021年度中央下达资金61.8万元。\n",
			[]string{"sum-mismatch"}, nil},
		{"no sum of a budget and a payment",
			"一、资金情况\n预算100万元，支出80万元，共计节约20万元。\n",
			[]string{"sum-mismatch"}, nil},
		{"rate-mismatch, rate stated beside its amounts",
			"一、资金情况\n用于建设任务安排资金19204.096万。\n二、执行\n建设任务资金支付18501.096万元，未支703万元，支付率95%。\n",
			[]string{"rate-mismatch"}, []want{{"rate-mismatch", "error", "95", "96.34"}}},
		{"rate-mismatch, a rate cut off instead of rounded is info",
			"一、资金情况\n共投入资金1987.08万元。全年执行资金1847.85万元，执行率92.9%。\n",
			[]string{"rate-mismatch"}, []want{{"rate-mismatch", "info", "92.9", "92.99"}}},
		{"shares of a listed total, one cut off instead of rounded",
			"一、支出\n一般公共预算财政拨款支出 307.82 万元，主要用于以下方面：\n一般公共服务支出（类）264.87 万元，占 86.05%；社会保障和就业支出（类）10.82 万元，占 3.52%；卫生健康支出（类）2.71 万元，占 0.88%；住房保障支出（类）29.42 万元，占 9.55%。\n",
			[]string{"rate-mismatch", "sum-mismatch"}, []want{{"rate-mismatch", "info", "9.55", "9.56"}}},
		{"a list a total is spent on that does not add up",
			"一、支出\n财政拨款支出 100 万元，主要用于以下方面：教育支出（类）60 万元；卫生支出（类）30 万元。\n",
			[]string{"sum-mismatch"}, []want{{"sum-mismatch", "error", "100", "90"}}},
		{"a right rate says nothing",
			"一、资金情况\n项目资金共2179万元，已完成拨付2113.63万元，执行率97%。\n",
			[]string{"rate-mismatch"}, nil},
		{"a few projects named after 其中 of more counted say nothing of the count or total",
			"一、基本情况\n我镇2022年共安排项目资金120万元，共七个项目。其中道路硬化项目60万元，安全饮水项目20万元。\n",
			[]string{"count-mismatch", "total-mismatch"}, nil},
		{"batches beside a list of projects are tranches, not projects",
			"一、基本情况\n2021年度我局共下达资金300万元，涉及3个项目，分别为：甲村道路项目100万元、乙村饮水项目150万元、丙村产业项目50万元。第一批下达资金180万元，第二批下达资金120万元。\n",
			[]string{"count-mismatch", "total-mismatch"}, nil},
		{"a claim against the stated payment when the items give budgets only",
			"一、基本情况\n我镇2022年共实施项目3个，总计下达资金85.6万元。分别为：甲村项目40万元，乙村项目25.6万元，丙村项目20万元。\n二、资金\n已拨付资金80万元。资金已全部拨付。\n",
			[]string{"claim-contradicted"}, []want{{"claim-contradicted", "warning", "85.6", "80"}}},
		{"a total with parts of another kind of budget: 部门预算项目支出 is a budget's part",
			"一、基本情况\n项目资金总预算为2455.5万元，其中部门预算项目支出87.5万元，专项预算支出2350万元。\n",
			[]string{"sum-mismatch"}, []want{{"sum-mismatch", "error", "2455.5", "2437.5"}}},
		{"items breaking down another figure than the stated total are checked against their own",
			"一、基本情况\n项目资金总预算为2455.5万元，其中部门预算项目支出105.5万元，专项预算支出2350万元。\n2021年部门预算项目支出105.5万元，分别是甲经费5万元，乙经费18万元，丙经费80万元。\n",
			[]string{"sum-mismatch", "total-mismatch"}, []want{{"sum-mismatch", "error", "105.5", "103"}}},
		{"the same total before and after its parts is no part",
			"一、资金\n专项资金共计23万元，分别是甲经费5万元，乙经费18万元，共计23万元。\n",
			[]string{"sum-mismatch", "total-mismatch"}, nil},
		{"claim-contradicted against what was paid",
			"一、基本情况\n我县2022年通村道路建设项目计划投资2179万元。\n二、资金\n乡村振兴衔接资金2179万元目前已全部拨付。\n项目资金共2179万元，已完成拨付2113.63万元，执行率97%。\n",
			[]string{"claim-contradicted", "underspent"}, []want{{"claim-contradicted", "warning", "2179", "2113.63"}, {"underspent", "info", "2179", "2113.63"}}},
		{"a list the text cuts off is not counted",
			"一、抽查结果\n抽查项目3个：甲村蔬菜大棚147.8万元；乙村冷库项目96.88万元；丙村",
			[]string{"count-mismatch", "total-mismatch"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []want
			for _, f := range proseFindings(t, tt.text) {
				for _, r := range tt.rules {
					if f.Rule == r {
						w := want{f.Rule, string(f.Severity), "", ""}
						if f.Expected != nil {
							w.expected = f.Expected.String()
						}
						if f.Actual != nil {
							w.actual = f.Actual.String()
						}
						got = append(got, w)
					}
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("findings %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("finding %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
