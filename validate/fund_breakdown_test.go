package validate

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

func TestBreakdownComposition(t *testing.T) {
	d := func(s string) *decimal.Decimal { v := decimal.RequireFromString(s); return &v }
	total := extract.FundRow{Row: "年度资金总额", BudgetWan: d("900"), ExecutedWan: d("900"),
		Decimals: map[string]int{"budget": 2, "executed": 2},
		Breakdowns: []extract.FundBreakdown{
			// agrees with its parts and with the total
			{Label: "按收入性质分", Wan: d("900"), Decimals: 2, Parts: []extract.FundPart{
				{Label: "一般公共预算", Wan: d("600"), Decimals: 2}, {Label: "纳入专户管理的非税收入拨款"}, {Label: "其他资金", Wan: d("300"), Decimals: 2}}},
			// agrees with its parts, not with the total
			{Label: "按支出性质分", Wan: d("880"), Decimals: 2, Parts: []extract.FundPart{
				{Label: "基本支出", Wan: d("500"), Decimals: 2}, {Label: "项目支出", Wan: d("380"), Decimals: 2}}},
			// its parts do not add up (within rounding)
			{Label: "按资金来源分", Wan: d("900"), Decimals: 2, Parts: []extract.FundPart{
				{Label: "财政拨款", Wan: d("899.99"), Decimals: 2}, {Label: "其他资金", Wan: d("0.02"), Decimals: 2}}},
		}}
	r := &extract.Report{Genre: extract.DepartmentTable, Funds: []extract.FundRow{total}}
	got := strings.Join(tableFindings(r), "\n")
	want := "composition-mismatch error 900 880 -20\ncomposition-mismatch info 900 900.01 0.01"
	if got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
}

// Sums over indicator rows are not judged when a row could not be read cell
// by cell, nor a group the text was cut off inside.
func TestUnsureRowsNotSummed(t *testing.T) {
	d := func(s string) *decimal.Decimal { v := decimal.RequireFromString(s); return &v }
	r := &extract.Report{Genre: extract.ProjectTable,
		Indicators: []extract.Indicator{
			{Level1: "产出指标", Level1Weight: d("50"), Level3: "甲", Weight: d("30"), Score: d("30")},
			{Level1: "产出指标", Level1Weight: d("50"), Level3: "10", Weight: d("10"), Score: d("10"), Unsure: true},
		},
		TotalRow: &extract.TotalRow{Label: "合计", Weight: d("100"), Score: d("100")}}
	r.TotalScore = r.TotalRow.Score
	for _, f := range Report(r) {
		if f.Rule == "score-mismatch" || f.Rule == "weight-mismatch" {
			t.Errorf("judged a sum over an unsure row: %s", f.Message)
		}
	}
	r.Indicators[1].Unsure = false
	n := 0
	for _, f := range Report(r) {
		if f.Rule == "score-mismatch" || f.Rule == "weight-mismatch" {
			n++
		}
	}
	if n == 0 {
		t.Error("the same rows read for sure are not judged")
	}
}
