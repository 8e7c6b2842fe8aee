package validate

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/money"
)

// Figures read by OCR (scanned pages, image files) may be misread. A finding
// that rests on one says so and asks to check the scan; a mismatch that one
// misread character would explain — a digit OCR confuses with another
// (3↔8, 1↔7, 0↔6/8/9, 5↔6), a decimal point lost or seen where there is
// none — is a possible reading error (ocr-misread, warning), with the
// reading that would reconcile given as a hint. The figure is never changed.

func init() {
	register(Rule{ID: "ocr-misread", Name: "可能识别错误", Severity: Warning,
		Summary: "OCR 读出的数字有一个易混字符（3↔8、1↔7、0↔6/8/9、5↔6、小数点）换读后即相符：可能是识别错误，提示换读结果，请核对原件（数字不改动）",
		Check:   func(*extract.Report) []Finding { return nil }}) // the work is ocrReview's, over the other rules' findings
}

// ocrCheckScan is what a finding that rests on an OCR'd figure adds.
const ocrCheckScan = "请核对原件"

// ocrFigure is one figure of a record read by OCR, as written.
type ocrFigure struct {
	raw   string          // as written (937.131003万元, 97.80%)
	value decimal.Decimal // in the unit the rules compare (万元, %, 分)
	page  int
	span  extract.Span
	conf  *int
}

// ocrReview adds the OCR notes to the findings of a report that has pages
// read by OCR.
func ocrReview(r *extract.Report, fs []Finding) []Finding {
	if len(r.OCRPages) == 0 {
		return fs
	}
	figs := ocrFigures(r)
	fs = append(fs, ocrImpossible(r, fs)...)
	for i := range fs {
		f := &fs[i]
		if f.Rule == "nothing-extracted" || f.Rule == "ocr-misread" || !ocrRests(r, f, figs) {
			continue
		}
		if hint, fig, ok := ocrReconcile(r, f, figs); ok {
			was := f.Rule
			f.Rule, f.Severity = "ocr-misread", Warning
			f.Message = fmt.Sprintf("可能是识别错误 (OCR)：第 %d 页「%s」若读作「%s」则相符（仅为提示，数字未改动）。%s（%s）：%s。%s",
				fig.page, fig.raw, hint, RuleName(was), was, f.Message, ocrCheckScan)
			if fig.span[1] > fig.span[0] {
				sp := fig.span
				f.Span, f.Page = &sp, fig.page
			}
			continue
		}
		note := "（所据内容由 OCR 从扫描件读出"
		if c := ocrLowest(r, f, figs); c != nil {
			note += fmt.Sprintf("，置信度 %d", *c)
		}
		f.Message = strings.TrimRight(f.Message, "。") + note + "，" + ocrCheckScan + "）"
	}
	return fs
}

// ocrImpossible are the OCR'd fund rows whose score exceeds their weight,
// and an OCR'd total score above the total of the weights (or 100): a
// figure no table can hold, so most likely misread (a cell's rule read as 1:
// 9 as 191). Indicators are indicator-score-mismatch's already.
func ocrImpossible(r *extract.Report, have []Finding) []Finding {
	var out []Finding
	said := func(sp extract.Span) bool {
		for _, f := range have {
			if f.Span != nil && f.Span[0] < sp[1] && sp[0] < f.Span[1] {
				return true
			}
		}
		return false
	}
	rated := false // the table has a rate or score column
	for _, fr := range r.Funds {
		rated = rated || fr.Rate != nil || fr.Score != nil
	}
	for _, fr := range r.Funds {
		if !fr.OCR || said(fr.Span) {
			continue
		}
		// A row whose figures cannot be checked against one another (a
		// score without its weight, an amount executed without its budget,
		// a rate without both, amounts without the rate and score the other
		// rows have): OCR lost or ran together some of its cells, and the
		// figures read may sit in the wrong columns.
		if fr.Score != nil && fr.Weight == nil || fr.ExecutedWan != nil && fr.BudgetWan == nil ||
			rated && fr.Rate == nil && fr.Score == nil && (fr.BudgetWan != nil || fr.ExecutedWan != nil) ||
			fr.Rate != nil && (fr.BudgetWan == nil || fr.ExecutedWan == nil) {
			sp := fr.Span
			var read []string
			for _, k := range []string{"initial", "budget", "executed", "weight", "rate", "score"} {
				if w, ok := fr.Written[k]; ok {
					read = append(read, ocrColumn[k]+" "+w)
				}
			}
			out = append(out, Finding{Rule: "ocr-misread", Severity: Warning, Page: fr.Page, Span: &sp,
				Message: fmt.Sprintf("可能是识别错误 (OCR)：「%s」一行的数字不全，无法相互核对（读作 %s），可能有数字丢失、粘连或错列。%s", fr.Row, strings.Join(read, "、"), ocrCheckScan)})
			continue
		}
		if fr.Score == nil || fr.Weight == nil || !fr.Score.GreaterThan(*fr.Weight) {
			continue
		}
		sp := fr.Span
		out = append(out, Finding{Rule: "ocr-misread", Severity: Warning, Expected: dec(*fr.Weight), Actual: dec(*fr.Score),
			Diff: dec(fr.Score.Sub(*fr.Weight)), FigureUnit: "分", Page: fr.Page, Span: &sp,
			Message: fmt.Sprintf("可能是识别错误 (OCR)：「%s」得分读作 %s，大于其分值 %s，表中不可能有此数。%s", fr.Row, fr.Score, fr.Weight, ocrCheckScan)})
	}
	full := decimal.New(100, 0)
	if r.TotalRow != nil && r.TotalRow.Weight != nil {
		full = *r.TotalRow.Weight
	}
	// an indicator weighted at full marks or more among other indicators
	for _, in := range r.Indicators {
		if in.OCR && in.Weight != nil && len(r.Indicators) > 1 && in.Weight.GreaterThanOrEqual(full) && !said(in.Span) {
			sp := in.Span
			out = append(out, Finding{Rule: "ocr-misread", Severity: Warning, Expected: dec(full), Actual: dec(*in.Weight),
				Diff: dec(in.Weight.Sub(full)), FigureUnit: "分", Page: in.Page, Span: &sp,
				Message: fmt.Sprintf("可能是识别错误 (OCR)：指标「%s」分值读作 %s，不小于满分 %s，而表中还有其他指标。%s", in.Level3, in.Weight, full, ocrCheckScan)})
		}
	}
	if r.TotalScore != nil && r.TotalScore.GreaterThan(full) {
		f := Finding{Rule: "ocr-misread", Severity: Warning, Expected: dec(full), Actual: dec(*r.TotalScore),
			Diff: dec(r.TotalScore.Sub(full)), FigureUnit: "分",
			Message: fmt.Sprintf("可能是识别错误 (OCR)：总分读作 %s，大于满分 %s，表中不可能有此数。%s", r.TotalScore, full, ocrCheckScan)}
		if t := r.TotalRow; t != nil {
			sp := t.Span
			f.Page, f.Span = t.Page, &sp
		}
		out = append(out, f)
	}
	return out
}

// ocrColumn names the columns of a fund row.
var ocrColumn = map[string]string{"initial": "年初预算数", "budget": "全年预算数", "executed": "全年执行数", "weight": "分值", "rate": "执行率", "score": "得分"}

// ocrRests tells whether a finding rests on text read by OCR: its evidence
// or its items lie on a page read by OCR.
func ocrRests(r *extract.Report, f *Finding, figs []ocrFigure) bool {
	if len(ocrOf(r, f, figs)) > 0 {
		return true
	}
	for _, p := range r.OCRPages {
		if f.Page == p || f.Page == 0 {
			return true
		}
	}
	return false
}

// ocrOf are the OCR'd figures a finding names: those within its evidence,
// of its items, and for a total the stated total and every item's budget.
func ocrOf(r *extract.Report, f *Finding, figs []ocrFigure) []ocrFigure {
	var out []ocrFigure
	in := func(s extract.Span) bool {
		return f.Span != nil && s[0] < f.Span[1] && f.Span[0] < s[1]
	}
	for _, g := range figs {
		if in(g.span) {
			out = append(out, g)
		}
	}
	spans := map[extract.Span]bool{}
	for _, seq := range f.Items {
		for _, it := range r.Items {
			if it.Seq == seq {
				spans[it.Span] = true
			}
		}
	}
	if f.Rule == "total-mismatch" {
		for _, it := range r.Items {
			spans[it.Span] = true
		}
		if r.Stated.Span != nil {
			spans[*r.Stated.Span] = true
		}
	}
	for _, g := range figs {
		if spans[g.span] && !in(g.span) {
			out = append(out, g)
		}
	}
	return out
}

// ocrLowest is the lowest confidence among the figures of a finding.
func ocrLowest(r *extract.Report, f *Finding, figs []ocrFigure) *int {
	var low *int
	for _, g := range ocrOf(r, f, figs) {
		if g.conf != nil && (low == nil || *g.conf < *low) {
			low = g.conf
		}
	}
	return low
}

// ocrReconcile looks for one figure of the finding that, read with one
// confusable character changed, makes the finding's figures agree: the
// stated figure read as the recomputed one, or a part read so that the
// recomputed sum becomes the stated figure (part − diff).
func ocrReconcile(r *extract.Report, f *Finding, figs []ocrFigure) (string, ocrFigure, bool) {
	if f.Expected == nil || f.Actual == nil || f.Diff == nil || f.Diff.IsZero() {
		return "", ocrFigure{}, false
	}
	for _, g := range ocrOf(r, f, figs) {
		var targets []decimal.Decimal
		if ocrAdditive[f.Rule] {
			targets = append(targets, g.value.Sub(*f.Diff)) // a part of the recomputed sum
		}
		if g.value.Equal(*f.Expected) {
			targets = append(targets, *f.Actual) // the stated figure itself
		}
		for _, v := range ocrVariants(g.raw) {
			val, ok := ocrValue(g, v)
			if !ok {
				continue
			}
			// as exact as the figure as read and the reading both are
			tol := decimal.Min(ocrHalfUlp(g, v), ocrHalfUlp(g, g.raw))
			for _, t := range targets {
				if val.Sub(t).Abs().LessThanOrEqual(tol) {
					return v, g, true
				}
			}
		}
	}
	return "", ocrFigure{}, false
}

// ocrAdditive are the rules whose recomputed figure is a sum of parts.
var ocrAdditive = map[string]bool{"total-mismatch": true, "sum-mismatch": true, "composition-mismatch": true,
	"weight-mismatch": true, "score-mismatch": true}

// ocrConfusable are the digits OCR mistakes for one another.
var ocrConfusable = map[byte]string{'3': "8", '8': "30", '1': "7", '7': "1", '0': "689", '6': "05", '9': "0", '5': "6"}

// ocrVariants are the readings of a figure as written that differ from it
// by one confusable digit, or by one decimal point lost or added.
func ocrVariants(raw string) []string {
	start, end := ocrNumber(raw)
	if start < 0 {
		return nil
	}
	num := raw[start:end]
	var out []string
	add := func(n string) {
		if n != num && n != "" && n[0] != '.' && n[len(n)-1] != '.' && !(len(n) > 1 && n[0] == '0' && n[1] != '.') {
			out = append(out, raw[:start]+n+raw[end:])
		}
	}
	for i := 0; i < len(num); i++ {
		for _, c := range []byte(ocrConfusable[num[i]]) {
			add(num[:i] + string(c) + num[i+1:])
		}
		if num[i] == '.' {
			add(num[:i] + num[i+1:]) // a point seen where there is none
		}
	}
	if !strings.Contains(num, ".") {
		for i := 1; i < len(num); i++ {
			if num[i-1] != ',' && num[i] != ',' {
				add(num[:i] + "." + num[i:]) // a point lost
			}
		}
	}
	return out
}

// ocrNumber is the byte range of the first figure (digits, points, commas) in s.
func ocrNumber(s string) (int, int) {
	start := strings.IndexAny(s, "0123456789")
	if start < 0 {
		return -1, -1
	}
	end := start
	for end < len(s) && strings.IndexByte("0123456789.,", s[end]) >= 0 {
		end++
	}
	return start, end
}

// ocrScale is what the figure as written is multiplied by to give its
// value: from the unit written, else from the figure itself.
func ocrScale(g ocrFigure) (decimal.Decimal, bool) {
	written, ok := ocrParse(g.raw)
	switch {
	case strings.Contains(g.raw, "亿"):
		return decimal.New(1, 4), true
	case strings.Contains(g.raw, "万"):
		return decimal.New(1, 0), true
	case strings.Contains(g.raw, "元"):
		return decimal.New(1, -4), true
	case ok && !written.IsZero():
		return g.value.Div(written), true
	}
	return decimal.New(1, 0), true
}

func ocrParse(raw string) (decimal.Decimal, bool) {
	s, e := ocrNumber(raw)
	if s < 0 {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(raw[s:e], ",", ""))
	return d, err == nil
}

func ocrValue(g ocrFigure, variant string) (decimal.Decimal, bool) {
	d, ok := ocrParse(variant)
	if !ok {
		return decimal.Decimal{}, false
	}
	k, _ := ocrScale(g)
	return d.Mul(k), true
}

// ocrHalfUlp is half a unit of the last decimal of a reading, in value.
func ocrHalfUlp(g ocrFigure, variant string) decimal.Decimal {
	s, e := ocrNumber(variant)
	decimals := 0
	if i := strings.IndexByte(variant[s:e], '.'); i >= 0 {
		decimals = e - s - i - 1
	}
	k, _ := ocrScale(g)
	return decimal.New(5, int32(-(decimals + 1))).Mul(k)
}

// ocrFigures are the figures of the records read by OCR.
func ocrFigures(r *extract.Report) []ocrFigure {
	var out []ocrFigure
	amount := func(a *money.Amount, page int, span extract.Span, m extract.OCRMark) {
		if a != nil && m.OCR && a.Raw != "" {
			out = append(out, ocrFigure{raw: a.Raw, value: a.Wan, page: page, span: span, conf: m.Confidence})
		}
	}
	number := func(d *decimal.Decimal, written string, decimals int, page int, span extract.Span, m extract.OCRMark) {
		if d == nil || !m.OCR {
			return
		}
		if written == "" {
			written = d.StringFixed(int32(max(decimals, 0)))
		}
		out = append(out, ocrFigure{raw: written, value: *d, page: page, span: span, conf: m.Confidence})
	}
	if r.Stated.Span != nil {
		amount(r.Stated.Total, r.Stated.Page, *r.Stated.Span, r.Stated.OCRMark)
	}
	for _, it := range r.Items {
		amount(it.Budget, it.Page, it.Span, it.OCRMark)
		amount(it.Actual, it.Page, it.Span, it.OCRMark)
	}
	for _, s := range r.Sums {
		amount(&s.Total, s.Page, s.Span, s.OCRMark)
		for i := range s.Parts {
			amount(&s.Parts[i], s.Page, s.Span, s.OCRMark)
		}
	}
	for _, fr := range r.Funds {
		for _, k := range []struct {
			key string
			v   *decimal.Decimal
		}{{"initial", fr.InitialWan}, {"budget", fr.BudgetWan}, {"executed", fr.ExecutedWan}, {"weight", fr.Weight}, {"rate", fr.Rate}, {"score", fr.Score}} {
			number(k.v, fr.Written[k.key], fr.Decimals[k.key], fr.Page, fr.Span, fr.OCRMark)
		}
		for _, b := range fr.Breakdowns {
			number(b.Wan, "", b.Decimals, b.Page, b.Span, b.OCRMark)
			for _, p := range b.Parts {
				number(p.Wan, "", p.Decimals, b.Page, p.Span, p.OCRMark)
			}
		}
	}
	for _, in := range r.Indicators {
		number(in.Weight, "", in.Decimals["weight"], in.Page, in.Span, in.OCRMark)
		number(in.Score, "", in.Decimals["score"], in.Page, in.Span, in.OCRMark)
	}
	if t := r.TotalRow; t != nil {
		number(t.Weight, "", t.Decimals["weight"], t.Page, t.Span, t.OCRMark)
		number(t.Score, "", t.Decimals["score"], t.Page, t.Span, t.OCRMark)
	}
	return out
}

// FindingsOCR marks each of the findings fs of r that rests on text read by
// OCR (its evidence, its items or its page were read from a scan), with the
// lowest confidence of the OCR'd figures it names (nil when it names none):
// what a table of findings shows beside each one, so that a reviewer checks
// the scan. The test is the one that adds the 请核对原件 note to a
// finding's message; nothing-extracted rests on no figure.
func FindingsOCR(r *extract.Report, fs []Finding) []extract.OCRMark {
	out := make([]extract.OCRMark, len(fs))
	if len(r.OCRPages) == 0 {
		return out
	}
	figs := ocrFigures(r)
	for i := range fs {
		f := &fs[i]
		if f.Rule == "nothing-extracted" || !ocrRests(r, f, figs) {
			continue
		}
		out[i].OCR = true
		if c := ocrLowest(r, f, figs); c != nil {
			conf := *c
			out[i].Confidence = &conf
		}
	}
	return out
}
