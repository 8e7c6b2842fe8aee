package validate

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/jixiao/jixiao/extract"
	"github.com/shopspring/decimal"
)

// target-changed (across reports, needs the corpus): the same project of the
// same unit in consecutive years with a 年度指标值 that changed, or a budget
// that moved by more than 30 %. Info: targets and budgets may change for good
// reasons; a reviewer looks at why. For a budget, Expected is the year
// before, Actual this year, Diff = Actual − Expected.
func init() {
	registerAcross(AcrossRule{ID: "target-changed", Name: "跨年变动", Severity: Info,
		Summary: "同一单位同一项目相邻两年的年度指标值改变，或预算变动超过 30%（跨报告，需语料库）",
		Check:   checkTargetChanged})
}

var (
	placeholderPrefix = regexp.MustCompile(`^指标[0-9一二三四五六七八九十]+[:：]?`)
	budgetMove        = decimal.New(3, -1)
)

func checkTargetChanged(prev, cur YearOfProject) []Finding {
	var out []Finding
	if prev.BudgetWan != nil && cur.BudgetWan != nil && prev.BudgetWan.IsPositive() {
		diff := cur.BudgetWan.Sub(*prev.BudgetWan)
		move := diff.Abs().DivRound(*prev.BudgetWan, 6)
		if move.GreaterThan(budgetMove) {
			out = append(out, Finding{Rule: "target-changed", Severity: Info,
				Message: fmt.Sprintf("%d 年预算 %s，%d 年 %s，变动 %s%%（超过 30%%），%s (target-changed)",
					prev.Year, wan(*prev.BudgetWan), cur.Year, wan(*cur.BudgetWan), diff.Mul(hundredPct).DivRound(*prev.BudgetWan, 1).String(),
					difference(diff, " 万元")),
				Expected: dec(*prev.BudgetWan), Actual: dec(*cur.BudgetWan), Diff: dec(diff), FigureUnit: "万元", Items: []int{1}})
		}
	}
	before := map[string]string{}
	for _, ind := range prev.Indicators {
		if ind.PartOf == 0 && strings.TrimSpace(ind.Target) != "" {
			before[indicatorKey(ind)] = strings.TrimSpace(ind.Target)
		}
	}
	for _, ind := range cur.Indicators {
		t := strings.TrimSpace(ind.Target)
		was, ok := before[indicatorKey(ind)]
		if ind.PartOf != 0 || !ok || t == "" || sameTarget(was, t) {
			continue
		}
		f := Finding{Rule: "target-changed", Severity: Info, Items: []int{1}, Page: ind.Page, Span: spanOf(ind.Span),
			Message: fmt.Sprintf("%s的年度指标值 %d 年为「%s」，%d 年为「%s」 (target-changed)", indicatorName(ind), prev.Year, was, cur.Year, t)}
		if a, okA := extract.ReadMeasure(was); okA {
			if b, okB := extract.ReadMeasure(t); okB && a.Unit == b.Unit {
				f.Expected, f.Actual, f.Diff, f.FigureUnit = dec(a.Value), dec(b.Value), dec(b.Value.Sub(a.Value)), a.Unit
			}
		}
		out = append(out, f)
	}
	return out
}

// sameTarget: two targets written alike (spaces, full-width signs and an
// unwritten 正向 sign aside: 30户 is ≥30户).
func sameTarget(a, b string) bool {
	if a == b {
		return true
	}
	ma, okA := extract.ReadMeasure(a)
	mb, okB := extract.ReadMeasure(b)
	return okA && okB && ma.Value.Equal(mb.Value) && ma.Unit == mb.Unit && ma.Dir == mb.Dir
}
