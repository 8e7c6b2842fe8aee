package index

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// Document kinds.
const (
	kindItem   = "item"
	kindReport = "report"
)

// document is what the index holds for one item or one report. Budget and
// Actual are floats only so that the engine can filter ranges; BudgetWan and
// ActualWan are the exact decimals that hits show.
type document struct {
	Report     string   `json:"report"`
	Type       string   `json:"type"`
	Unit       string   `json:"unit"`
	UnitKW     string   `json:"unit_kw"`
	Year       *int     `json:"year,omitempty"`
	YearKW     string   `json:"year_kw,omitempty"`
	Genre      string   `json:"genre"`
	DocType    string   `json:"doc_type,omitempty"`
	Seq        *int     `json:"seq,omitempty"`
	Name       string   `json:"name"`
	Purpose    string   `json:"purpose,omitempty"`
	Evaluation string   `json:"evaluation,omitempty"`
	Title      string   `json:"title,omitempty"`
	Text       string   `json:"text,omitempty"`
	Budget     *float64 `json:"budget,omitempty"`
	Actual     *float64 `json:"actual,omitempty"`
	BudgetWan  string   `json:"budget_wan,omitempty"`
	ActualWan  string   `json:"actual_wan,omitempty"`
	Rule       []string `json:"rule,omitempty"`
	Exact      []string `json:"exact,omitempty"`
}

// docID names the documents of report id: the report itself, and its items
// by their place in the list (seq may repeat or be missing in a bad report).
func docID(id string, item int) string {
	if item < 0 {
		return id
	}
	return fmt.Sprintf("%s/%03d", id, item+1)
}

// documents turns a report and its findings into index documents: one per
// item, then one for the report. A finding naming items belongs to those
// items; one naming none belongs to the report.
func documents(id string, r *extract.Report, fs []validate.Finding, withExact bool) (ids []string, docs []*document) {
	itemRules := map[int][]string{}
	var reportRules []string
	for _, f := range fs {
		if len(f.Items) == 0 {
			reportRules = appendUnique(reportRules, f.Rule)
			continue
		}
		for _, seq := range f.Items {
			itemRules[seq] = appendUnique(itemRules[seq], f.Rule)
		}
	}
	base := document{
		Report:  id,
		Unit:    r.Unit,
		UnitKW:  r.Unit,
		Genre:   string(r.Genre),
		DocType: string(r.DocType),
	}
	if r.Year > 0 {
		y := r.Year
		base.Year = &y
		base.YearKW = strconv.Itoa(y)
	}
	for i, it := range r.Items {
		d := base
		d.Type = kindItem
		seq := it.Seq
		d.Seq = &seq
		d.Name = it.Name
		d.Purpose = it.Purpose
		d.Evaluation = evaluationText(it.Evaluation, r.Evaluations, it.Seq)
		d.setAmounts(it.BudgetWan, it.ActualWan)
		d.Rule = itemRules[it.Seq]
		if withExact {
			d.Exact = d.sources()
		}
		ids = append(ids, docID(id, i))
		docs = append(docs, &d)
	}
	d := base
	d.Type = kindReport
	d.Title = r.Title
	d.Name = r.Title
	if r.Project != nil && r.Project.Name != "" {
		d.Name = r.Project.Name
	}
	d.Text = reportText(r)
	if budget, actual, ok := reportAmounts(r); ok {
		d.setAmounts(budget, actual)
	}
	d.Rule = reportRules
	if withExact {
		d.Exact = d.sources()
	}
	ids = append(ids, docID(id, -1))
	docs = append(docs, &d)
	return ids, docs
}

// fields is the document as bleve indexes it, without empty values.
func (d *document) fields() map[string]any {
	m := map[string]any{
		fieldReport: d.Report,
		fieldType:   d.Type,
		fieldGenre:  d.Genre,
		fieldName:   d.Name,
	}
	set := func(k, v string) {
		if v != "" {
			m[k] = v
		}
	}
	set(fieldUnit, d.Unit)
	set(fieldDocType, d.DocType)
	set(fieldUnitKW, d.UnitKW)
	set(fieldYearKW, d.YearKW)
	set(fieldPurpose, d.Purpose)
	set(fieldEvaluation, d.Evaluation)
	set(fieldTitle, d.Title)
	set(fieldText, d.Text)
	set(fieldBudgetWan, d.BudgetWan)
	set(fieldActualWan, d.ActualWan)
	if d.Year != nil {
		m[fieldYear] = float64(*d.Year)
	}
	if d.Seq != nil {
		m[fieldSeq] = float64(*d.Seq)
	}
	if d.Budget != nil {
		m[fieldBudget] = *d.Budget
	}
	if d.Actual != nil {
		m[fieldActual] = *d.Actual
	}
	if len(d.Rule) > 0 {
		m[fieldRule] = d.Rule
	}
	if len(d.Exact) > 0 {
		m[fieldExact] = d.Exact
	}
	return m
}

// sources are the values of the exact-substring field, in sourceFields order.
func (d *document) sources() []string {
	return []string{d.Name, d.Purpose, d.Evaluation, d.Title, d.Text}
}

func (d *document) setAmounts(budget, actual *decimal.Decimal) {
	if budget != nil {
		f := budget.InexactFloat64()
		d.Budget = &f
		d.BudgetWan = budget.String()
	}
	if actual != nil {
		f := actual.InexactFloat64()
		d.Actual = &f
		d.ActualWan = actual.String()
	}
}

// reportAmounts gives the amounts of a report that is itself one project
// (a 项目支出绩效自评表: its 年度资金总额 row). A narrative or department report
// is the sum of its items, not a project: it has no budget of its own here,
// so a budget filter never returns it.
func reportAmounts(r *extract.Report) (budget, actual *decimal.Decimal, ok bool) {
	if r.Genre != extract.ProjectTable || len(r.Funds) == 0 {
		return nil, nil, false
	}
	f := r.Funds[0]
	return f.BudgetWan, f.ExecutedWan, f.BudgetWan != nil || f.ExecutedWan != nil
}

// evaluationText joins the dimensions of an item's evaluation in the
// reports' order, falling back to the evaluation entry linked to the item.
func evaluationText(ev map[string]string, all []extract.Evaluation, seq int) string {
	if len(ev) == 0 {
		for _, e := range all {
			if e.Item == seq && seq > 0 {
				ev = e.Dimensions
				break
			}
		}
	}
	return dimensionsText(ev)
}

func dimensionsText(ev map[string]string) string {
	var parts []string
	for _, dim := range extract.Dimensions {
		if t := strings.TrimSpace(ev[dim]); t != "" {
			parts = append(parts, dim+"："+t)
		}
	}
	var extra []string // dimensions outside the usual five, if any
	for dim := range ev {
		if !isDimension(dim) {
			extra = append(extra, dim)
		}
	}
	sort.Strings(extra)
	for _, dim := range extra {
		if t := strings.TrimSpace(ev[dim]); t != "" {
			parts = append(parts, dim+"："+t)
		}
	}
	return strings.Join(parts, "\n")
}

func isDimension(s string) bool {
	for _, d := range extract.Dimensions {
		if d == s {
			return true
		}
	}
	return false
}

// reportText is the report's own text beyond its items: the project head,
// goals, indicators, completion claims and evaluation entries linked to no
// item. (The index gets the extracted Report, not the document text.)
func reportText(r *extract.Report) string {
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	if p := r.Project; p != nil {
		add(p.Department)
		add(p.Implementer)
	}
	if g := r.Goals; g != nil {
		add(g.Expected)
		add(g.Actual)
	}
	for _, in := range r.Indicators {
		add(strings.Join(nonEmpty(in.Level3, in.Target, in.Actual, in.Reason), " "))
	}
	for _, c := range r.Claims {
		add(c.Text)
	}
	for _, e := range r.Evaluations {
		if e.Item == 0 {
			add(e.Heading)
			add(dimensionsText(e.Dimensions))
		}
	}
	return capText(strings.Join(parts, "\n"), maxReportText)
}

// maxReportText bounds the report's own text in the index. A real report's
// is tens of kilobytes; a file of tens of megabytes (a report pasted into
// itself thousands of times, a hostile file) would cost the index
// analysis about a hundred times its size in memory. The corpus keeps the
// whole text; search finds words of the first megabyte of it, and every
// item whole.
const maxReportText = 1 << 20

// capText is s cut to at most n bytes, at the end of a line when there is
// one in the last quarter, else at a character boundary.
func capText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if nl := strings.LastIndexByte(s[:cut], '\n'); nl > n*3/4 {
		cut = nl
	}
	return s[:cut]
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func appendUnique(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}
