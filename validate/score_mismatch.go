package validate

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// score-mismatch: a fund row's 得分 against 分值 × 执行率, and the scores and
// weights of a table against its 合计 / 总分 row.
//
// 得分 = 分值 × 执行率 (capped at 100%), computed from the rate as written.
// The tables round the score to the integer or to the decimals written, so
// such a score is right (9 for 10 × 86% = 8.6); one within what the rounding
// of the score and of the rate as written can explain (half a unit of the
// score's last decimal, plus 分值 × half a unit of the rate's) is rounding
// (info); anything further is an error (8 for 8.6).
//
// The totals: scores are assigned, not measured, so whole-point scores are
// exact and their sum must be the total; a total that is the sum rounded to
// its own decimals is right; scores written with decimals may be rounded
// (half a unit each: info); anything else is an error.
func init() {
	register(Rule{ID: "score-mismatch", Severity: Error, Check: checkScores})
}

func checkScores(r *extract.Report) []Finding {
	var out []Finding
	for _, f := range r.Funds {
		if fd, ok := fundScoreFinding(f); ok {
			out = append(out, fd)
		}
	}
	if r.TotalRow != nil {
		if fd, ok := totalFinding(r, "weight"); ok {
			out = append(out, fd)
		}
		if fd, ok := totalFinding(r, "score"); ok {
			out = append(out, fd)
		}
	}
	return out
}

func fundScoreFinding(f extract.FundRow) (Finding, bool) {
	if f.Weight == nil || f.Score == nil {
		return Finding{}, false
	}
	w, s := *f.Weight, *f.Score
	ds := f.Decimals["score"]
	var rate decimal.Decimal
	rateText, dr := "", 0
	switch {
	case f.Rate != nil:
		rate, dr = *f.Rate, f.Decimals["rate"]
		rateText = f.Written["rate"]
		if rateText == "" {
			rateText = rate.String() + "%"
		}
	case f.BudgetWan != nil && f.ExecutedWan != nil && f.BudgetWan.IsPositive():
		rate = f.ExecutedWan.DivRound(*f.BudgetWan, 12).Mul(hundredPct)
		dr = 12
		rateText = fig(rate.Round(2), 2) + "%（执行数 ÷ 预算数）"
	default:
		return Finding{}, false
	}
	expected := w.Mul(decimal.Min(rate, hundredPct)).Div(hundredPct)
	if s.Equal(expected.Round(int32(ds))) || s.Equal(expected.Round(0)) {
		return Finding{}, false
	}
	if expected.Exponent() < -6 {
		expected = expected.Round(6)
	}
	tol := halfAtDecimals(ds).Add(w.Mul(halfAtDecimals(dr)).Div(hundredPct))
	diff := expected.Sub(s)
	sev, note := Error, ""
	if diff.Abs().LessThanOrEqual(tol) {
		sev, note = Info, "，差异在取整范围内 (rounding)"
	}
	return Finding{Rule: "score-mismatch", Severity: sev,
		Message: fmt.Sprintf("%s：得分写作 %s，而分值 %s × 执行率 %s = %s%s (score-mismatch)",
			rowName(f), fig(s, ds), w.String(), rateText, expected.String(), note),
		Expected: dec(s), Actual: dec(expected), Diff: dec(diff),
		Items: []int{1}, Page: f.Page, Span: spanOf(f.Span)}, true
}

// totalFinding checks one column ("weight" or "score") of the 合计 row
// against the budget row's figure plus the indicators' figures.
func totalFinding(r *extract.Report, key string) (Finding, bool) {
	tr := r.TotalRow
	total := tr.Weight
	if key == "score" {
		total = tr.Score
	}
	if total == nil {
		return Finding{}, false
	}
	sum := decimal.Zero
	tol := decimal.Zero
	fine := 0
	add := func(v *decimal.Decimal, d int) {
		if v == nil {
			return
		}
		sum = sum.Add(*v)
		if d > 0 {
			tol = tol.Add(halfAtDecimals(d))
			fine = max(fine, d)
		}
	}
	indicators := 0
	for _, ind := range r.Indicators {
		if ind.PartOf != 0 {
			continue
		}
		v := ind.Weight
		if key == "score" {
			v = ind.Score
		}
		if v != nil {
			indicators++
		}
		add(v, ind.Decimals[key])
	}
	if indicators == 0 {
		return Finding{}, false
	}
	budget := ""
	if f := fundTotalRow(r); f != nil {
		v := f.Weight
		if key == "score" {
			v = f.Score
		}
		if v != nil {
			budget = "预算执行 " + v.String() + " + "
		}
		add(v, f.Decimals[key])
	}
	dt := tr.Decimals[key]
	if total.Equal(sum.Round(int32(dt))) {
		return Finding{}, false
	}
	diff := sum.Sub(*total)
	sev, note := Error, ""
	if fine > dt {
		tol = tol.Add(halfAtDecimals(dt)) // the total rounds a finer sum
	}
	if diff.Abs().LessThanOrEqual(tol) {
		sev, note = Info, "，差异在取整范围内 (rounding)"
	}
	what := "分值（权重）"
	if key == "score" {
		what = "得分"
	}
	return Finding{Rule: "score-mismatch", Severity: sev,
		Message: fmt.Sprintf("%s行的%s写作 %s，而%s%d 项指标之和为 %s，相差 %s%s (score-mismatch)",
			tr.Label, what, fig(*total, dt), budget, indicators, sum.String(), total.Sub(sum).String(), note),
		Expected: dec(*total), Actual: dec(sum), Diff: dec(diff),
		Items: []int{1}, Page: tr.Page, Span: spanOf(tr.Span)}, true
}
