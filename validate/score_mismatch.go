package validate

import (
	"fmt"
	"strings"

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
// A table with rows marked not applicable (不适用) scores over the others:
// the 总分 is Σ 得分 ÷ Σ applicable 分值 × 100, rounded to the decimals the
// total is written with; a total that is the plain sum is a warning (not
// rescaled), anything else an error.
//
// The totals: scores are assigned, not measured, so whole-point scores are
// exact and their sum must be the total; a total that is the sum rounded to
// its own decimals is right; scores written with decimals may be rounded
// (half a unit each: info); anything else is an error.
func init() {
	register(Rule{ID: "score-mismatch", Name: "得分不符", Severity: Error, Summary: "得分不等于分值 × 执行率，或各项得分（有不适用指标时按适用分值折算）之和不等于总分", Check: checkScores})
}

func checkScores(r *extract.Report) []Finding {
	var out []Finding
	for _, f := range r.Funds {
		if fd, ok := fundScoreFinding(f); ok {
			out = append(out, fd)
		}
	}
	if r.TotalRow != nil && !unsureRows(r) {
		if fd, ok := totalFinding(r, "weight"); ok {
			out = append(out, fd)
		}
		if fd, ok := totalFinding(r, "score"); ok {
			out = append(out, fd)
		}
	}
	return out
}

// unsureRows reports whether some indicator row could not be read cell by
// cell: a sum over the rows would judge the reading, not the table.
func unsureRows(r *extract.Report) bool {
	for _, ind := range r.Indicators {
		if ind.Unsure {
			return true
		}
	}
	return false
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
	diff := expected.Sub(s) // actual (from 分值 × 执行率) − expected (as written)
	sev, note := Error, ""
	if diff.Abs().LessThanOrEqual(tol) {
		sev, note = Info, "，差异在取整范围内 (rounding)"
	}
	return Finding{Rule: "score-mismatch", Severity: sev,
		Message: fmt.Sprintf("%s：得分写作 %s，而分值 %s × 执行率 %s = %s，%s%s (score-mismatch)",
			rowName(f), fig(s, ds), w.String(), rateText, expected.String(), difference(diff, " 分"), note),
		Expected: dec(s), Actual: dec(expected), Diff: dec(diff), FigureUnit: "分",
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
	if key == "score" {
		if fd, ok, rescaled := rescaledTotal(r, *total, sum, dt); rescaled {
			return fd, ok
		}
	}
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
		Message: fmt.Sprintf("%s行的%s写作 %s，而%s%d 项指标之和为 %s，%s%s (score-mismatch)",
			tr.Label, what, fig(*total, dt), budget, indicators, sum.String(), difference(diff, " 分"), note),
		Expected: dec(*total), Actual: dec(sum), Diff: dec(diff), FigureUnit: "分",
		Items: []int{1}, Page: tr.Page, Span: spanOf(tr.Span)}, true
}

// rescaledTotal checks the 总分 of a table with not-applicable rows against
// the rescaled sum; rescaled is false when the table has none.
func rescaledTotal(r *extract.Report, total, sum decimal.Decimal, dt int) (fd Finding, ok, rescaled bool) {
	applicable := decimal.Zero
	var na []string
	for _, ind := range r.Indicators {
		if ind.PartOf != 0 || ind.Weight == nil {
			continue
		}
		if ind.NotApplicable {
			na = append(na, strings.TrimSpace(ind.Level3)+" "+ind.Weight.String())
			continue
		}
		applicable = applicable.Add(*ind.Weight)
	}
	if len(na) == 0 {
		return Finding{}, false, false
	}
	if f := fundTotalRow(r); f != nil && f.Weight != nil {
		applicable = applicable.Add(*f.Weight)
	}
	if !applicable.IsPositive() {
		return Finding{}, false, true
	}
	computed := sum.Mul(hundredPct).DivRound(applicable, 6)
	if total.Equal(computed.Round(int32(dt))) {
		return Finding{}, false, true
	}
	diff := computed.Sub(total)
	tr := r.TotalRow
	fd = Finding{Rule: "score-mismatch", Severity: Error, Expected: dec(total), Actual: dec(computed), Diff: dec(diff), FigureUnit: "分",
		Items: []int{1}, Page: tr.Page, Span: spanOf(tr.Span)}
	note := ""
	if total.Equal(sum.Round(int32(dt))) {
		fd.Severity, note = Warning, "；总分是未折算的得分之和"
	}
	fd.Message = fmt.Sprintf("%s行的得分写作 %s，而不适用指标（%s）不计后，得分之和 %s ÷ 适用分值 %s × 100 = %s，%s%s (score-mismatch)",
		tr.Label, fig(total, dt), strings.Join(na, "，"), sum.String(), applicable.String(), computed.String(), difference(diff, " 分"), note)
	return fd, true, true
}
