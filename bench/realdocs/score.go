package main

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
	"golang.org/x/text/width"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest/fold"
)

// Classes of figures, for the per-class table.
const (
	ClassHeader     = "header"     // doc_type, genre, unit, year, title
	ClassStated     = "stated"     // stated total and count
	ClassItems      = "items"      // narrative items
	ClassFunds      = "funds"      // table fund rows
	ClassIndicators = "indicators" // table indicator rows
	ClassTotal      = "total"      // 总分, grade
)

// Classes in the order the tables print them.
var Classes = []string{ClassHeader, ClassStated, ClassItems, ClassFunds, ClassIndicators, ClassTotal}

// Figure is one hand-worked figure compared with what jixiao read.
type Figure struct {
	Key   string // stable name within the document: r0.items[2].budget_wan
	Class string
	Want  string // "" for absent
	Got   string
	OK    bool
}

// DocScore is the outcome of one document against its truth.
type DocScore struct {
	ID      string
	Err     error // the file could not be read at all
	Figures []Figure
	// Present are the real inconsistencies; Flagged those found with their
	// rule, severity and figures.
	Present, Flagged int
	Missed           []string // keys of inconsistencies not flagged
	FalseErrors      []string // keys of error findings the truth does not hold
	SilentlyEmpty    bool     // nothing read and nothing said about it
}

// Right and Checked count the figures, optionally of one class ("" for all).
func (d *DocScore) Right(class string) (right, checked int) {
	for _, f := range d.Figures {
		if class != "" && f.Class != class {
			continue
		}
		checked++
		if f.OK {
			right++
		}
	}
	return right, checked
}

// Misses are the stable keys of everything wrong in the document: wrong
// figures, missed inconsistencies, false errors, silence.
func (d *DocScore) Misses() []string {
	var out []string
	if d.Err != nil {
		out = append(out, "unreadable")
	}
	for _, f := range d.Figures {
		if !f.OK {
			out = append(out, f.Key)
		}
	}
	out = append(out, d.Missed...)
	out = append(out, d.FalseErrors...)
	if d.SilentlyEmpty {
		out = append(out, "silently-empty")
	}
	return out
}

// Score compares what jixiao gave for a document with its truth.
func Score(t Truth, outs []Outcome, err error) DocScore {
	d := DocScore{ID: t.ID, Err: err}
	var doc OutReport
	if len(outs) > 0 {
		doc = outs[0].Report
	}
	if t.DocType != "" {
		// The truth names the type in Chinese; the JSON gives its stable
		// code, the label beside it. Compared by code, through the one table.
		want, ok := extract.DocTypeByLabel(t.DocType)
		if !ok {
			want = extract.DocType(t.DocType)
		}
		d.Figures = append(d.Figures, Figure{Key: "doc_type", Class: ClassHeader, Want: string(want), Got: doc.DocType,
			OK: doc.DocType == string(want)})
	}
	usedFindings := make([][]bool, len(outs))
	for i := range outs {
		usedFindings[i] = make([]bool, len(outs[i].Findings))
	}
	for i, tr := range t.Reports {
		var o *Outcome
		if i < len(outs) {
			o = &outs[i]
		}
		d.report(fmt.Sprintf("r%d", i), tr, o, usedFindings, i)
	}
	// Reports jixiao found beyond the truth's are wrong figures of their own.
	for i := len(t.Reports); i < len(outs); i++ {
		d.Figures = append(d.Figures, Figure{Key: fmt.Sprintf("r+%d", i), Class: ClassHeader, Got: outs[i].Report.Title})
	}
	// Error findings the truth does not hold.
	for i, o := range outs {
		for j, f := range o.Findings {
			if f.Severity == "error" && !usedFindings[i][j] {
				d.FalseErrors = append(d.FalseErrors, fmt.Sprintf("r%d.false-error[%s %s/%s]", i, f.Rule, decStr(f.Expected), decStr(f.Actual)))
			}
		}
	}
	if err == nil && nothingRead(outs) && !saidNothing(outs) {
		d.SilentlyEmpty = true
	}
	return d
}

func (d *DocScore) report(key string, tr TruthReport, o *Outcome, used [][]bool, oi int) {
	var got OutReport
	if o != nil {
		got = o.Report
	}
	if tr.Genre != nil {
		d.text(key+".genre", ClassHeader, *tr.Genre, got.Genre)
	}
	if tr.Unit != "" || got.Unit != "" {
		ok := false
		for _, u := range append([]string{tr.Unit}, tr.UnitAccept...) {
			if u != "" && norm(u) == norm(got.Unit) {
				ok = true
			}
		}
		d.Figures = append(d.Figures, Figure{Key: key + ".unit", Class: ClassHeader, Want: tr.Unit, Got: got.Unit, OK: ok})
	}
	if tr.Year != nil || got.Year != 0 {
		want, g := "", ""
		if tr.Year != nil {
			want = fmt.Sprint(*tr.Year)
		}
		if got.Year != 0 {
			g = fmt.Sprint(got.Year)
		}
		d.Figures = append(d.Figures, Figure{Key: key + ".year", Class: ClassHeader, Want: want, Got: g, OK: want == g})
	}
	if tr.Title != "" {
		ok := false
		for _, t := range append([]string{tr.Title}, tr.TitleAccept...) {
			ok = ok || norm(t) == norm(got.Title)
		}
		d.Figures = append(d.Figures, Figure{Key: key + ".title", Class: ClassHeader, Want: tr.Title, Got: got.Title, OK: ok})
	}
	d.dec(key+".stated.total_wan", ClassStated, tr.Stated.TotalWan, got.Stated.TotalWan)
	d.int(key+".stated.count", ClassStated, tr.Stated.Count, got.Stated.Count)

	d.items(key, tr, got)
	d.funds(key, tr, got)
	d.indicators(key, tr, got)

	d.dec(key+".total_score", ClassTotal, tr.TotalScore, got.TotalScore)
	if tr.Grade != nil {
		d.text(key+".grade", ClassTotal, *tr.Grade, got.Grade)
	}

	var findings []OutFinding
	if o != nil {
		findings = o.Findings
	}
	for k, want := range tr.Inconsistencies {
		d.Present++
		found := false
		for j, f := range findings {
			if used[oi][j] || f.Rule != want.Rule || f.Severity != want.Severity ||
				!sameDec(want.Expected, f.Expected) || !sameDec(want.Actual, f.Actual) {
				continue
			}
			used[oi][j], found = true, true
			break
		}
		if found {
			d.Flagged++
		} else {
			d.Missed = append(d.Missed, fmt.Sprintf("%s.missed[%s#%d]", key, want.Rule, k))
		}
	}
}

func (d *DocScore) items(key string, tr TruthReport, got OutReport) {
	match := align(len(tr.Items), len(got.Items), func(i, j int) float64 {
		s := tr.Items[i].nameScore(got.Items[j].Name)
		if tr.Items[i].BudgetWan != nil && got.Items[j].BudgetWan != nil && tr.Items[i].BudgetWan.Equal(*got.Items[j].BudgetWan) {
			s += 0.5
		}
		return s
	}, 0.3)
	matched := make([]bool, len(got.Items))
	for i, t := range tr.Items {
		k := fmt.Sprintf("%s.items[%d]", key, i)
		j := match[i]
		if j < 0 {
			d.Figures = append(d.Figures, Figure{Key: k + ".name", Class: ClassItems, Want: t.Name})
			d.dec(k+".budget_wan", ClassItems, t.BudgetWan, nil)
			d.dec(k+".actual_wan", ClassItems, t.ActualWan, nil)
			if t.Disbursement != nil {
				d.text(k+".disbursement", ClassItems, *t.Disbursement, "")
			}
			if t.Subprojects != nil {
				d.int(k+".subprojects", ClassItems, t.Subprojects, nil)
			}
			continue
		}
		matched[j] = true
		g := got.Items[j]
		d.Figures = append(d.Figures, Figure{Key: k + ".name", Class: ClassItems, Want: t.Name, Got: g.Name, OK: t.nameScore(g.Name) >= 0.5})
		d.dec(k+".budget_wan", ClassItems, t.BudgetWan, g.BudgetWan)
		d.dec(k+".actual_wan", ClassItems, t.ActualWan, g.ActualWan)
		if t.Disbursement != nil {
			d.text(k+".disbursement", ClassItems, *t.Disbursement, g.Disbursement)
		}
		if t.Subprojects != nil {
			n := g.Subprojects
			d.int(k+".subprojects", ClassItems, t.Subprojects, &n)
		}
	}
	for j, ok := range matched {
		if !ok {
			d.Figures = append(d.Figures, Figure{Key: fmt.Sprintf("%s.items[+%d]", key, j), Class: ClassItems, Got: got.Items[j].Name})
		}
	}
}

func (d *DocScore) funds(key string, tr TruthReport, got OutReport) {
	match := align(len(tr.Funds), len(got.Funds), func(i, j int) float64 {
		return nameSim(fundLabel(tr.Funds[i].Row), fundLabel(got.Funds[j].Row))
	}, 0.3)
	matched := make([]bool, len(got.Funds))
	for i, t := range tr.Funds {
		k := fmt.Sprintf("%s.funds[%d]", key, i)
		j := match[i]
		var g struct{ initial, budget, executed, weight, rate, score *decimal.Decimal }
		if j >= 0 {
			matched[j] = true
			f := got.Funds[j]
			g.initial, g.budget, g.executed, g.weight, g.rate, g.score = f.InitialWan, f.BudgetWan, f.ExecutedWan, f.Weight, f.Rate, f.Score
		} else {
			d.Figures = append(d.Figures, Figure{Key: k + ".row", Class: ClassFunds, Want: t.Row})
		}
		d.dec(k+".initial_wan", ClassFunds, t.InitialWan, g.initial)
		d.dec(k+".budget_wan", ClassFunds, t.BudgetWan, g.budget)
		d.dec(k+".executed_wan", ClassFunds, t.ExecutedWan, g.executed)
		d.dec(k+".weight", ClassFunds, t.Weight, g.weight)
		d.dec(k+".rate", ClassFunds, t.Rate, g.rate)
		d.dec(k+".score", ClassFunds, t.Score, g.score)
	}
	for j, ok := range matched {
		if !ok {
			d.Figures = append(d.Figures, Figure{Key: fmt.Sprintf("%s.funds[+%d]", key, j), Class: ClassFunds, Got: got.Funds[j].Row})
		}
	}
}

func (d *DocScore) indicators(key string, tr TruthReport, got OutReport) {
	match := align(len(tr.Indicators), len(got.Indicators), func(i, j int) float64 {
		t, g := tr.Indicators[i], got.Indicators[j]
		s := nameSim(t.Level3, g.Level3)
		if t.Weight != nil && g.Weight != nil && t.Weight.Equal(*g.Weight) {
			s += 0.2
		}
		return s
	}, 0.3)
	matched := make([]bool, len(got.Indicators))
	for i, t := range tr.Indicators {
		k := fmt.Sprintf("%s.indicators[%d]", key, i)
		j := match[i]
		if j < 0 {
			d.Figures = append(d.Figures, Figure{Key: k + ".level3", Class: ClassIndicators, Want: t.Level3})
			d.dec(k+".weight", ClassIndicators, t.Weight, nil)
			d.dec(k+".score", ClassIndicators, t.Score, nil)
			continue
		}
		matched[j] = true
		g := got.Indicators[j]
		d.level(k+".level1", t.Level1, g.Level1)
		d.level(k+".level2", t.Level2, g.Level2)
		d.level(k+".level3", t.Level3, g.Level3)
		d.optText(k+".target", t.Target, g.Target)
		d.optText(k+".actual", t.Actual, g.Actual)
		d.dec(k+".weight", ClassIndicators, t.Weight, g.Weight)
		d.dec(k+".score", ClassIndicators, t.Score, g.Score)
		d.optText(k+".reason", t.Reason, g.Reason)
	}
	for j, ok := range matched {
		if !ok {
			d.Figures = append(d.Figures, Figure{Key: fmt.Sprintf("%s.indicators[+%d]", key, j), Class: ClassIndicators, Got: got.Indicators[j].Level3})
		}
	}
}

func (d *DocScore) text(key, class, want, got string) {
	d.Figures = append(d.Figures, Figure{Key: key, Class: class, Want: want, Got: got, OK: norm(want) == norm(got)})
}

// level compares indicator level names without the （N分） a header adds.
func (d *DocScore) level(key, want, got string) {
	if want == "" && got == "" {
		return
	}
	d.Figures = append(d.Figures, Figure{Key: key, Class: ClassIndicators, Want: want, Got: got,
		OK: norm(groupWeight.ReplaceAllString(want, "")) == norm(groupWeight.ReplaceAllString(got, ""))})
}

func (d *DocScore) optText(key string, want *string, got string) {
	if want == nil {
		return
	}
	d.text(key, ClassIndicators, *want, got)
}

func (d *DocScore) dec(key, class string, want, got *decimal.Decimal) {
	if want == nil && got == nil {
		return
	}
	d.Figures = append(d.Figures, Figure{Key: key, Class: class, Want: decStr(want), Got: decStr(got), OK: sameDec(want, got)})
}

func (d *DocScore) int(key, class string, want, got *int) {
	if want == nil && got == nil {
		return
	}
	w, g := "", ""
	if want != nil {
		w = fmt.Sprint(*want)
	}
	if got != nil {
		g = fmt.Sprint(*got)
	}
	d.Figures = append(d.Figures, Figure{Key: key, Class: class, Want: w, Got: g, OK: w == g})
}

// nothingRead: no report of the file yielded a figure.
func nothingRead(outs []Outcome) bool {
	for _, o := range outs {
		r := o.Report
		if r.Stated.TotalWan != nil || r.Stated.Count != nil || r.TotalScore != nil || len(r.Indicators) > 0 {
			return false
		}
		for _, it := range r.Items {
			if it.BudgetWan != nil || it.ActualWan != nil {
				return false
			}
		}
		for _, f := range r.Funds {
			if f.BudgetWan != nil || f.ExecutedWan != nil || f.InitialWan != nil {
				return false
			}
		}
	}
	return true
}

// saidNothing: the tool said that it read nothing.
func saidNothing(outs []Outcome) bool {
	for _, o := range outs {
		for _, f := range o.Findings {
			if f.Rule == "nothing-extracted" {
				return true
			}
		}
	}
	return false
}

func sameDec(a, b *decimal.Decimal) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

func decStr(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

var groupWeight = regexp.MustCompile(`[（(]\s*\d+(\.\d+)?\s*分\s*[)）]`)

// norm folds text to the one normal form jixiao gives its output in (width,
// radicals, traditional characters: ingest/fold) and drops whitespace, for
// comparing text as written.
func norm(s string) string {
	s = fold.String(width.Fold.String(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// fundLabel is a fund row's label without 其中 and separators.
func fundLabel(s string) string {
	s = norm(s)
	s = strings.TrimPrefix(s, "其中")
	return strings.Trim(s, ":：、，,|")
}

// nameSim is the Dice coefficient of the names' character bigrams; 1 when
// one contains the other.
func nameSim(a, b string) float64 {
	a, b = norm(a), norm(b)
	if a == "" || b == "" {
		return 0
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return 1
	}
	ga, gb := bigrams(a), bigrams(b)
	if len(ga) == 0 || len(gb) == 0 {
		return 0
	}
	common := 0
	for g, n := range ga {
		common += min(n, gb[g])
	}
	return 2 * float64(common) / float64(total(ga)+total(gb))
}

func bigrams(s string) map[string]int {
	r := []rune(s)
	m := map[string]int{}
	for i := 0; i+1 < len(r); i++ {
		m[string(r[i:i+2])]++
	}
	return m
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// align pairs rows of the truth (n) with rows read (m) in order, maximising
// the summed similarity of the pairs whose similarity reaches floor. It
// returns, for each truth row, the index of its pair or -1.
func align(n, m int, sim func(i, j int) float64, floor float64) []int {
	best := make([][]float64, n+1)
	for i := range best {
		best[i] = make([]float64, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(best[i+1][j], best[i][j+1])
			if s := sim(i, j); s >= floor {
				v = max(v, s+best[i+1][j+1])
			}
			best[i][j] = v
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	i, j := 0, 0
	for i < n && j < m {
		if s := sim(i, j); s >= floor && best[i][j] == s+best[i+1][j+1] {
			out[i] = j
			i, j = i+1, j+1
		} else if best[i][j] == best[i+1][j] {
			i++
		} else {
			j++
		}
	}
	return out
}
