package validate

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// rate-mismatch: a table's 执行率 against 执行数 ÷ 预算数. A rate that is the
// quotient rounded to the decimals written (86% for 37.24 ÷ 43.2 = 86.2%)
// is right; one within half a unit of its last decimal plus what the rounding
// of the amounts can move the quotient by is rounding (info); anything else is
// an error. A rate of 100% for more than the budget spent is info (capped).
// Expected is the rate as written, Actual the quotient, Diff their difference
// (Actual − Expected), as for every table rule: what the table states, and
// what its own figures give.
func init() {
	register(Rule{ID: "rate-mismatch", Severity: Error, Summary: "执行率不等于执行数 ÷ 预算数（自评表）", Check: checkRates})
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
				Expected: dec(rate), Actual: dec(computedRate(comp, dr)), Diff: dec(computedRate(comp, dr).Sub(rate)),
				Items: []int{1}, Page: f.Page, Span: spanOf(f.Span)})
			continue
		}
		// what the rounding of 执行数 and 预算数 (at the finer of their
		// precisions, and at least amountDecimals, as for sums) can move the
		// quotient by, plus the rate's own
		h := halfAtDecimals(max(db, de, amountDecimals))
		tol := halfAtDecimals(dr).Add(hundredPct.Mul(h.Div(b).Add(e.Mul(h).Div(b.Mul(b)))))
		computed := computedRate(comp, dr)
		diff := computed.Sub(rate)
		sev, note := Error, ""
		if rate.Sub(comp).Abs().LessThanOrEqual(tol) {
			sev, note = Info, "，差异在金额四舍五入范围内 (rounding)"
		}
		out = append(out, Finding{Rule: "rate-mismatch", Severity: sev,
			Message: fmt.Sprintf("%s：执行率写作 %s，而执行数 %s ÷ 预算数 %s = %s%%，%s%s (rate-mismatch)",
				rowName(f), written(f, "rate", rate.String()+"%"), fig(e, de), fig(b, db), fig(computed, dr+2), difference(diff, " 个百分点"), note),
			Expected: dec(rate), Actual: dec(computed), Diff: dec(diff),
			Items: []int{1}, Page: f.Page, Span: spanOf(f.Span)})
	}
	return out
}

// computedRate is 执行数 ÷ 预算数 in percent, to two decimals more than the
// rate is written with, and at least four.
func computedRate(comp decimal.Decimal, dr int) decimal.Decimal {
	return comp.Round(int32(max(dr+2, 4)))
}

// written is a fund row's figure as the table wrote it.
func written(f extract.FundRow, key, fallback string) string {
	if s := f.Written[key]; s != "" {
		return s
	}
	return fallback
}
