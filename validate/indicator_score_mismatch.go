package validate

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// indicator-score-mismatch: an indicator row's 得分 against 分值 × completion,
// the scoring of 财预〔2020〕10号: 正向 targets (≥, 不低于, 达到) score
// 分值 × min(实际 ÷ 目标, 1), 反向 ones (≤, 不高于, 控制在) 分值 × min(目标 ÷
// 实际, 1).
//
//   - 得分 > 分值 is always an error.
//   - Quantitative rows: a score equal to the product is right; one the
//     rounding of the score as written (an integer score rounds 8.62 to 9)
//     and of the two figures as written can explain is rounding (info);
//     anything else is an error. Target and actual in units that cannot be
//     compared (个 against %) are said to be so (info), never divided.
//   - A target written with no direction (no ≥ / ≤, no 指标性质) is taken
//     as 正向; a score that only the 反向 reading gives is noted (info),
//     not called wrong.
//   - Qualitative rows whose 实际 says the target was reached (达成, 达到预期,
//     or the target's own words) and whose 得分 is under 80 % of 分值: warning.
//
// Expected is the 得分 as written, Actual the score the row's figures give,
// Diff = Actual − Expected.
func init() {
	register(Rule{ID: "indicator-score-mismatch", Name: "指标得分不符", Severity: Error,
		Summary: "指标得分不等于分值 × 完成比例（正向 实际÷目标，反向 目标÷实际，最多为 1）；得分超过分值",
		Check:   checkIndicatorScores})
}

var eightyPct = decimal.New(8, -1)

// reachedWords: a qualitative 实际 saying the target was reached;
// shortWords: one saying it was not, or only in part.
var (
	reachedWords = regexp.MustCompile(`达成|达到预期|达到目标|已达到|已完成|全部完成|完成目标|符合预期|实现目标|已实现`)
	shortWords   = regexp.MustCompile(`未|没有|尚未|部分|基本|不足|滞后|较差|一般`)
)

func checkIndicatorScores(r *extract.Report) []Finding {
	var out []Finding
	for _, ind := range r.Indicators {
		if ind.Weight == nil || ind.Score == nil || ind.NotApplicable || ind.PartOf != 0 {
			continue
		}
		if fd, ok := indicatorScoreFinding(ind); ok {
			out = append(out, fd)
		}
	}
	return out
}

func indicatorScoreFinding(ind extract.Indicator) (Finding, bool) {
	w, s := *ind.Weight, *ind.Score
	ds, dw := ind.Decimals["score"], ind.Decimals["weight"]
	f := Finding{Rule: "indicator-score-mismatch", Severity: Error, Items: []int{1}, Page: ind.Page, Span: spanOf(ind.Span)}
	if s.GreaterThan(w) {
		f.FigureUnit = "分"
		f.Expected, f.Actual, f.Diff = dec(s), dec(w), dec(w.Sub(s))
		f.Message = fmt.Sprintf("%s：得分 %s 超过分值 %s，%s (indicator-score-mismatch)",
			indicatorName(ind), fig(s, ds), fig(w, dw), difference(w.Sub(s), " 分"))
		return f, true
	}
	t, a, quantitative, comparable := ind.Measures()
	if !quantitative {
		return qualitativeFinding(ind, f)
	}
	if !comparable {
		if s.Equal(w) {
			return Finding{}, false
		}
		f.Severity = Info
		f.Message = fmt.Sprintf("%s：年度指标值 %s 与实际完成值 %s 的单位不同，无法比较，得分 %s（分值 %s）未核对 (indicator-score-mismatch)",
			indicatorName(ind), strings.TrimSpace(ind.Target), strings.TrimSpace(ind.Actual), fig(s, ds), fig(w, dw))
		return f, true
	}
	ratio, rtol := completion(t, a)
	expected := w.Mul(ratio).Round(8) // the ratio is kept to 12 decimals
	if s.Equal(expected) {
		return Finding{}, false
	}
	if !t.HasDir {
		// no ≥ / ≤ written, no 指标性质 column: a row scored as a 反向 one
		// (故障率, 完成时限) is not said to be wrong, only noted
		rt := t
		rt.Dir = extract.LessIsBetter
		rr, rrtol := completion(rt, a)
		re := w.Mul(rr).Round(8)
		if d := re.Sub(s); d.Abs().LessThanOrEqual(halfAtDecimals(ds).Add(w.Mul(rrtol))) {
			f.Severity = Info
			f.FigureUnit = "分"
			f.Expected, f.Actual, f.Diff = dec(s), dec(re), dec(d)
			f.Message = fmt.Sprintf("%s：年度指标值 %s 未写明方向（≥/≤）；得分 %s 按反向指标（目标 ÷ 实际）计算为 %s，相符；按正向指标应为 %s (indicator-score-mismatch)",
				indicatorName(ind), strings.TrimSpace(ind.Target), fig(s, ds), re.String(), expected.String())
			return f, true
		}
	}
	if expected.Exponent() < -4 {
		expected = expected.Round(4)
	}
	diff := expected.Sub(s)
	tol := halfAtDecimals(ds).Add(w.Mul(rtol))
	how := "实际 ÷ 目标"
	if t.Dir == extract.LessIsBetter {
		how = "目标 ÷ 实际（反向指标）"
	}
	f.FigureUnit = "分"
	f.Expected, f.Actual, f.Diff = dec(s), dec(expected), dec(diff)
	note := ""
	if diff.Abs().LessThanOrEqual(tol) {
		f.Severity, note = Info, "，差异在取整范围内 (rounding)"
	}
	f.Message = fmt.Sprintf("%s：得分写作 %s，而分值 %s × %s（%s ÷ %s，最多为 1）= %s，%s%s (indicator-score-mismatch)",
		indicatorName(ind), fig(s, ds), fig(w, dw), how, ratioText(t, a, true), ratioText(t, a, false), expected.String(),
		difference(diff, " 分"), note)
	return f, true
}

// ratioText writes the numerator (num) or the denominator of a completion.
func ratioText(t, a extract.Measure, num bool) string {
	first, second := a, t
	if t.Dir == extract.LessIsBetter {
		first, second = t, a
	}
	m := second
	if num {
		m = first
	}
	return fig(m.Value, m.Decimals) + m.Unit
}

// qualitativeFinding: a qualitative row that says it reached its target and
// scores under 80 % of its weight.
func qualitativeFinding(ind extract.Indicator, f Finding) (Finding, bool) {
	w, s := *ind.Weight, *ind.Score
	act, tgt := strings.TrimSpace(ind.Actual), strings.TrimSpace(ind.Target)
	reached := act != "" && !shortWords.MatchString(act) && (reachedWords.MatchString(act) || act == tgt)
	if !reached || !s.LessThan(w.Mul(eightyPct)) {
		return Finding{}, false
	}
	f.Severity = Warning
	f.FigureUnit = "分"
	f.Expected, f.Actual, f.Diff = dec(s), dec(w), dec(w.Sub(s))
	f.Message = fmt.Sprintf("%s：实际完成值「%s」表明已达成目标（%s），得分 %s 却不到分值 %s 的 80%%，%s (indicator-score-mismatch)",
		indicatorName(ind), act, tgt, fig(s, ind.Decimals["score"]), fig(w, ind.Decimals["weight"]), difference(w.Sub(s), " 分"))
	return f, true
}
