package validate

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

func TestNothingExtracted(t *testing.T) {
	budget := decimal.RequireFromString("12.5")
	count := 3
	tests := []struct {
		name string
		r    extract.Report
		want string // part of the message; "" for no finding
	}{
		{"header only", extract.Report{Genre: extract.Narrative, DocType: extract.SelfEvaluationReport, Unit: "某镇", Year: 2023},
			"只读出了单位、年度"},
		{"a 决算", extract.Report{Genre: extract.Narrative, DocType: extract.FinalAccounts}, "这是一份部门决算"},
		{"a table", extract.Report{Genre: extract.ProjectTable, DocType: extract.ProjectSelfTable}, "资金行"},
		{"a policy", extract.Report{Genre: extract.Narrative, DocType: extract.OtherDocument}, "不是绩效自评报告"},
		{"names without amounts", extract.Report{Genre: extract.Narrative, Items: []extract.Item{{Seq: 1, Name: "道路硬化"}}},
			"识别出 1 个项目名称"},
		{"an item's budget", extract.Report{Genre: extract.Narrative, Items: []extract.Item{{Seq: 1, Name: "道路硬化", BudgetWan: &budget}}}, ""},
		{"a stated count", extract.Report{Genre: extract.Narrative, Stated: extract.Stated{Count: &count}}, ""},
		{"a fund row", extract.Report{Genre: extract.DepartmentTable, Funds: []extract.FundRow{{Row: "年度资金总额", BudgetWan: &budget}}}, ""},
		{"an indicator", extract.Report{Genre: extract.ProjectTable, Indicators: []extract.Indicator{{Level3: "完成率"}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := NothingExtracted(&tt.r)
			if tt.want == "" {
				if len(fs) != 0 {
					t.Errorf("fired on a report with figures: %+v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Rule != "nothing-extracted" || fs[0].Severity != Warning ||
				!strings.HasPrefix(fs[0].Message, "未能读出项目或金额") || !strings.Contains(fs[0].Message, tt.want) {
				t.Errorf("findings %+v, want a warning saying %q", fs, tt.want)
			}
			if HasErrors(Report(&tt.r)) {
				t.Error("nothing-extracted made an error")
			}
		})
	}
}
