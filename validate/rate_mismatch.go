package validate

import (
	"fmt"

	"github.com/jixiao/jixiao/extract"
)

// rate-mismatch: a table's 执行率 against 执行数 ÷ 预算数. A rate that is the
// quotient rounded to the decimals written (86% for 37.24 ÷ 43.2 = 86.2%)
// is right; one within half a unit of its last decimal plus what the rounding
// of the amounts can move the quotient by is rounding (info); anything else is
// an error. A rate of 100% for more than the budget spent is info (capped).
func init() {
	register(Rule{ID: "rate-mismatch", Severity: Error, Check: checkRates})
}

func checkRates(r *extract.Report) []Finding {
	var out []Finding
	for _, f := range r.Funds {
		if f.Rate == nil || f.BudgetWan == nil || f.ExecutedWan == nil || !f.BudgetWan.IsPositive() {
			continue
		}
		b, e, rate := *f.BudgetWan, *f.ExecutedWan, *f.Rate
		dr, db, de := f.Decimals["rate"], f.Decimals["budget"], f.Decimals["executed"]
		comp := e.DivRound(b, 12).Mul(hundredPct)
		if comp.Round(int32(dr)).Equal(rate) {
			continue
		}
		if rate.Equal(hundredPct) && comp.GreaterThan(hundredPct) {
			out = append(out, Finding{Rule: "rate-mismatch", Severity: Info,
				Message: fmt.Sprintf("%s：执行率写作 %s，执行数 %s ÷ 预算数 %s = %s%%，超过 100%% 按 100%% 计 (rate-mismatch)",
					rowName(f), written(f, "rate", rate.String()+"%"), fig(e, de), fig(b, db), fig(comp.Round(int32(dr+2)), dr+2)),
				Expected: dec(comp.Round(int32(dr + 2))), Actual: dec(rate), Diff: dec(rate.Sub(comp.Round(int32(dr + 2)))),
				Items: []int{1}, Page: f.Page, Span: spanOf(f.Span)})
			continue
		}
		// what the rounding of 执行数 and 预算数 (at the finer of their
		// precisions, and at least amountDecimals, as for sums) can move the
		// quotient by, plus the rate's own
		h := halfAtDecimals(max(db, de, amountDecimals))
		tol := halfAtDecimals(dr).Add(hundredPct.Mul(h.Div(b).Add(e.Mul(h).Div(b.Mul(b)))))
		expected := comp.Round(int32(dr + 2))
		diff := rate.Sub(expected)
		sev, note := Error, ""
		if rate.Sub(comp).Abs().LessThanOrEqual(tol) {
			sev, note = Info, "，差异在金额四舍五入范围内 (rounding)"
		}
		out = append(out, Finding{Rule: "rate-mismatch", Severity: sev,
			Message: fmt.Sprintf("%s：执行率写作 %s，而执行数 %s ÷ 预算数 %s = %s%%，相差 %s 个百分点%s (rate-mismatch)",
				rowName(f), written(f, "rate", rate.String()+"%"), fig(e, de), fig(b, db), fig(expected, dr+2), diff.String(), note),
			Expected: dec(expected), Actual: dec(rate), Diff: dec(diff),
			Items: []int{1}, Page: f.Page, Span: spanOf(f.Span)})
	}
	return out
}

// written is a fund row's figure as the table wrote it.
func written(f extract.FundRow, key, fallback string) string {
	if s := f.Written[key]; s != "" {
		return s
	}
	return fallback
}
