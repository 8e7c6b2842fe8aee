package validate

import (
	"fmt"
	"strings"

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
	register(Rule{ID: "rate-mismatch", Name: "执行率不符", Severity: Error, Summary: "执行率不等于执行数 ÷ 预算数（自评表；文中所述的执行率、支付率或“占 X%”与其旁的金额不符）", Check: checkRates})
}

func checkRates(r *extract.Report) []Finding {
	out := checkProseRates(r)
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
				Expected: dec(rate), Actual: dec(computedRate(comp, dr)), Diff: dec(computedRate(comp, dr).Sub(rate)), FigureUnit: "%",
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
			Expected: dec(rate), Actual: dec(computed), Diff: dec(diff), FigureUnit: "%",
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

// checkProseRates checks the rates a narrative states beside their two
// amounts (已完成拨付2113.63万元，执行率97%): the rate rounded from the
// quotient at its own decimals is right; the quotient cut off at them instead
// of rounded (92.99% written 92.9%) is info, as is a difference the rounding
// of the amounts explains; anything else is an error. Actual is the quotient
// to two decimals.
func checkProseRates(r *extract.Report) []Finding {
	var out []Finding
	for _, s := range r.Rates {
		if !s.Budget.Wan.IsPositive() || !s.Actual.Exact() || !s.Budget.Exact() {
			continue
		}
		comp := s.Actual.Wan.DivRound(s.Budget.Wan, 12).Mul(hundredPct)
		dr := int32(s.Decimals)
		if comp.Round(dr).Equal(s.Rate) {
			continue
		}
		computed := comp.Round(2)
		diff := computed.Sub(s.Rate)
		sev, note := Error, ""
		h := decimal.Min(s.Actual.HalfUlp(), s.Budget.HalfUlp())
		b, e := s.Budget.Wan, s.Actual.Wan
		tol := halfAtDecimals(int(dr)).Add(hundredPct.Mul(h.Div(b).Add(e.Mul(h).Div(b.Mul(b)))))
		switch {
		case comp.Truncate(dr).Equal(s.Rate):
			sev, note = Info, "，系截尾而非四舍五入 (rounding)"
		case s.Rate.Sub(comp).Abs().LessThanOrEqual(tol):
			sev, note = Info, "，差异在金额四舍五入范围内 (rounding)"
		case s.Rate.Equal(hundredPct) && comp.GreaterThan(hundredPct):
			sev, note = Info, "，超过 100% 按 100% 计"
		}
		span := s.Span
		out = append(out, Finding{Rule: "rate-mismatch", Severity: sev,
			Message: fmt.Sprintf("「%s%s」，而 %s ÷ %s = %s%%，相差 %s 个百分点%s (rate-mismatch)",
				s.Label, s.Written, strings.TrimSpace(s.Actual.Raw), strings.TrimSpace(s.Budget.Raw), computed.String(), diff.String(), note),
			Expected: dec(s.Rate), Actual: dec(computed), Diff: dec(diff), FigureUnit: "%", Page: s.Page, Span: &span})
	}
	return out
}
