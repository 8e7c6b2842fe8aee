package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/validate"
)

// layout is what every page gives the layout template.
type layout struct {
	Title   string
	Nav     string // "search", "reports", "findings": the active tab
	Body    any
	Exports []exportLink // with the list's filter: the exports export what is filtered
}

// exportLink is one export of the top bar.
type exportLink struct {
	Label string
	URL   string
}

// exportLinks are the exports of the top bar, of what filter selects.
func exportLinks(filter url.Values) []exportLink {
	mk := func(label, format, table string) exportLink {
		v := url.Values{}
		for k, xs := range filter {
			v[k] = xs
		}
		v.Set("format", format)
		if table != "" {
			v.Set("table", table)
		}
		return exportLink{label, "/api/export?" + v.Encode()}
	}
	return []exportLink{mk("XLSX", "xlsx", ""), mk("CSV 项目", "csv", "items"), mk("CSV 问题", "csv", "findings")}
}

// render writes page name with status; a template failure is a 500.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, title, nav string, body any) {
	var buf bytes.Buffer
	lay := layout{Title: title, Nav: nav, Body: body}
	filter := url.Values{}
	if nav == "reports" || nav == "findings" || nav == "coverage" || nav == "charts" {
		filter = listForm(r.URL.Query())
	}
	lay.Exports = exportLinks(filter)
	if err := s.pages[name].Execute(&buf, lay); err != nil {
		s.log.Error("template", "page", name, "err", err)
		http.Error(w, "服务器内部错误 (internal error)", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type errorView struct {
	Status  int
	Message string
}

// errorPage answers with an HTML page saying msg (never echoing the request).
func (s *Server) errorPage(w http.ResponseWriter, status int, msg string) {
	var buf bytes.Buffer
	err := s.pages["error"].Execute(&buf, layout{Title: http.StatusText(status), Body: errorView{status, msg}})
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err != nil {
		s.log.Error("template", "page", "error", "err", err)
		return
	}
	w.Write(buf.Bytes())
}

// pageFail answers err with an error page of the status it deserves.
func (s *Server) pageFail(w http.ResponseWriter, r *http.Request, err error) {
	st := statusOf(err)
	if st == http.StatusInternalServerError {
		s.internalError(w, r, err, false)
		return
	}
	s.errorPage(w, st, err.Error())
}

// link is "/path?query" with the values v, empty ones left out.
func link(path string, v url.Values) string {
	clean := url.Values{}
	for k, vs := range v {
		for _, x := range vs {
			if x != "" {
				clean.Add(k, x)
			}
		}
	}
	if len(clean) == 0 {
		return path
	}
	return path + "?" + clean.Encode()
}

// with is a copy of v with key set to value ("" removes it) and the paging reset.
func with(v url.Values, key, value string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		if k != "from" {
			out[k] = append([]string(nil), vs...)
		}
	}
	if value == "" {
		out.Del(key)
	} else {
		out.Set(key, value)
	}
	return out
}

// pager links the pages of a list of total rows shown size at a time.
type pager struct {
	From, To, Total int
	Prev, Next      string
	Pages           []pageLink
}

func newPager(path string, v url.Values, from, size, shown, total int) pager {
	p := pager{From: from + 1, To: from + shown, Total: total}
	if shown == 0 {
		p.From = 0
	}
	if from > 0 {
		prev := with(v, "from", strconv.Itoa(max(from-size, 0)))
		if from-size <= 0 {
			prev.Del("from")
		}
		p.Prev = link(path, prev)
	}
	if from+shown < total {
		p.Next = link(path, with(v, "from", strconv.Itoa(from+size)))
	}
	return p
}

// ---- search ----

type facetLink struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

type filterChip struct {
	Label  string
	Remove string
}

type hitView struct {
	Report     string
	Unit       string
	Year       int
	Seq        *int
	Name       string
	NamePieces []Piece // the name with the matched words marked
	Budget     string
	Actual     string
	Fragments  [][]Piece
	URL        string
}

type overview struct {
	Stats   *corpus.Stats
	Reports []corpus.ReportSummary
	More    int
}

type searchView struct {
	Q, Year, Unit, Rule, Min, Max string
	Error                         string
	Searched                      bool
	Total                         uint64
	Hits                          []hitView
	Years, Units, Rules, DocTypes []facetLink
	Chips                         []filterChip
	Pager                         pager
	Overview                      *overview
}

const searchPageSize = 20

// searchPage: / — the search box, facets, hits; without a query, an
// overview of the corpus.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	form := url.Values{}
	for _, k := range []string{"q", "year", "unit", "rule", "min_budget", "max_budget"} {
		if x := v.Get(k); x != "" {
			form.Set(k, x)
		}
	}
	view := searchView{Q: form.Get("q"), Year: form.Get("year"), Unit: form.Get("unit"), Rule: form.Get("rule"),
		Min: form.Get("min_budget"), Max: form.Get("max_budget")}
	if len(form) == 0 {
		ov, err := s.overview(r)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		view.Overview = ov
		s.render(w, r, http.StatusOK, "search", "检索", "search", view)
		return
	}
	q, err := searchQuery(v)
	if err == nil {
		q.Size = searchPageSize
	}
	var res *index.Result
	if err == nil {
		res, err = s.index.Search(r.Context(), q)
	}
	if err != nil {
		if statusOf(err) == http.StatusInternalServerError {
			s.internalError(w, r, err, false)
			return
		}
		view.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "search", "检索", "search", view)
		return
	}
	view.Searched, view.Total = true, res.Total
	for _, h := range res.Hits {
		hv := hitView{Report: h.Report, Unit: h.Unit, Year: h.Year, Seq: h.Seq, Name: h.Name,
			Budget: amount(h.BudgetWan), Actual: amount(h.ActualWan)}
		target := url.Values{}
		if h.Seq != nil {
			target.Set("item", strconv.Itoa(*h.Seq))
		}
		hv.URL = link("/reports/"+h.Report, target)
		for _, f := range h.Fragments {
			pieces := fragmentPieces(f)
			if hv.NamePieces == nil && piecesText(pieces) == h.Name {
				hv.NamePieces = pieces // the name, marked: shown as the title
				continue
			}
			hv.Fragments = append(hv.Fragments, pieces)
		}
		if hv.NamePieces == nil {
			hv.NamePieces = []Piece{{Text: h.Name}}
		}
		view.Hits = append(view.Hits, hv)
	}
	if f := res.Facets; f != nil {
		view.Years = facetLinks(form, "year", f.Year, func(s string) string { return s + " 年" }, nil)
		view.Units = facetLinks(form, "unit", f.Unit, nil, exactUnit)
		view.Rules = facetLinks(form, "rule", f.Rule, ruleName, nil)
		view.DocTypes = facetLinks(form, "doc_type", f.DocType, docTypeName, nil)
	}
	chip := func(key, label string) {
		if form.Get(key) != "" {
			view.Chips = append(view.Chips, filterChip{Label: label, Remove: link("/", with(form, key, ""))})
		}
	}
	chip("year", "年度："+form.Get("year"))
	chip("unit", "单位："+strings.TrimPrefix(form.Get("unit"), "="))
	chip("rule", "规则："+ruleName(form.Get("rule")))
	chip("doc_type", "类型："+docTypeName(form.Get("doc_type")))
	chip("min_budget", "预算 ≥ "+form.Get("min_budget")+" 万元")
	chip("max_budget", "预算 ≤ "+form.Get("max_budget")+" 万元")
	view.Pager = newPager("/", form, q.From, searchPageSize, len(res.Hits), int(res.Total))
	s.render(w, r, http.StatusOK, "search", "检索："+view.Q, "search", view)
}

// facetLinks links each facet value; param, when given, is the URL value
// that selects it (a unit facet selects its exact name).
func facetLinks(form url.Values, key string, counts []index.FacetCount, label, param func(string) string) []facetLink {
	var out []facetLink
	for _, c := range counts {
		v := c.Value
		if param != nil {
			v = param(c.Value)
		}
		fl := facetLink{Label: c.Value, Count: c.Count, Active: form.Get(key) == v}
		if label != nil {
			fl.Label = label(c.Value)
		}
		if fl.Active {
			fl.URL = link("/", with(form, key, ""))
		} else {
			fl.URL = link("/", with(form, key, v))
		}
		out = append(out, fl)
	}
	return out
}

// exactUnit is the unit filter that selects exactly this unit (corpus.ParseUnit).
func exactUnit(name string) string { return "=" + name }

const overviewReports = 50

func (s *Server) overview(r *http.Request) (*overview, error) {
	st, err := s.stats(r.Context())
	if err != nil {
		return nil, err
	}
	list, err := s.store.List(r.Context(), corpus.Filter{Limit: overviewReports})
	if err != nil {
		return nil, err
	}
	return &overview{Stats: st, Reports: list, More: max(st.Reports-len(list), 0)}, nil
}

// ---- the lists: filters, sorting, pages ----

// listFilterView is the filter form of the two lists, filled from the URL.
type listFilterView struct {
	Action                                      string // the list's path
	Unit, Year, MinDiff, MaxDiff, MinTotal      string
	MaxTotal, Report                            string
	Units                                       []string           // for the unit box's suggestions
	Counties                                    []corpus.UnitGroup // the hierarchy where known: a county, then its units
	Years, DocTypes, Rules, Severities, Reviews []option
	Sorts                                       []option
	Chips                                       []filterChip
	Filtered                                    bool
	Query                                       string // the filter as a query string (exports, decisions on all)
	Opinion                                     string // the review opinion of what is filtered
}

// newListFilter fills the filter form of the list at path from form (the
// list parameters set) and f (as read from them).
func newListFilter(path string, form url.Values, f corpus.FindingFilter, st *corpus.Stats, tree []corpus.UnitGroup) listFilterView {
	v := listFilterView{Action: path, Unit: form.Get("unit"), Year: form.Get("year"), MinDiff: form.Get("min_diff"),
		MaxDiff: form.Get("max_diff"), MinTotal: form.Get("min_total"), MaxTotal: form.Get("max_total"),
		Report: form.Get("report"), Units: st.Units, Counties: tree, Query: form.Encode(), Opinion: link("/opinion", form)}
	v.Years = []option{{"", "全部年度", f.Year == 0}}
	for i := len(st.Years) - 1; i >= 0; i-- {
		y := st.Years[i]
		v.Years = append(v.Years, option{strconv.Itoa(y), strconv.Itoa(y) + " 年", f.Year == y})
	}
	v.DocTypes = []option{{"", "全部类型", f.DocType == ""}}
	for _, t := range extract.DocTypes() {
		v.DocTypes = append(v.DocTypes, option{string(t), t.Label(), f.DocType == t})
	}
	v.Rules = append(v.Rules, option{"", "全部规则", f.Rule == ""})
	for _, id := range ruleIDs() {
		v.Rules = append(v.Rules, option{id, ruleName(id) + "（" + id + "）", f.Rule == id})
	}
	v.Severities = []option{{"", "全部级别", f.Severity == ""}}
	for _, sev := range []validate.Severity{validate.Error, validate.Warning, validate.Info} {
		v.Severities = append(v.Severities, option{string(sev), sev.Label(), f.Severity == sev})
	}
	v.Reviews = []option{{"", "全部状态", f.Review == ""}}
	for _, rv := range []corpus.ReviewState{corpus.ReviewPending, corpus.ReviewConfirmed, corpus.ReviewDismissed} {
		v.Reviews = append(v.Reviews, option{string(rv), rv.Label(), f.Review == rv})
	}
	for _, so := range []corpus.Sort{corpus.SortDefault, corpus.SortDiff, corpus.SortUnit, corpus.SortYear} {
		v.Sorts = append(v.Sorts, option{string(so), so.Label(), f.Sort == so})
	}
	chip := func(key, label string) {
		if form.Get(key) != "" {
			v.Chips = append(v.Chips, filterChip{Label: label, Remove: link(path, with(form, key, ""))})
			v.Filtered = true
		}
	}
	unitChip := "单位：" + strings.TrimPrefix(form.Get("unit"), "=")
	if f.UnitUnder {
		unitChip = "单位：" + f.Unit + " 及所属单位"
	}
	chip("unit", unitChip)
	chip("year", "年度："+form.Get("year"))
	chip("doc_type", "类型："+f.DocType.Label())
	chip("rule", "规则："+ruleName(f.Rule))
	chip("severity", "级别："+f.Severity.Label())
	chip("review", "审核："+f.Review.Label())
	chip("report", "报告："+form.Get("report"))
	chip("min_diff", "|差额| ≥ "+form.Get("min_diff")+" 万元")
	chip("max_diff", "|差额| ≤ "+form.Get("max_diff")+" 万元")
	chip("min_total", "所述总额 ≥ "+form.Get("min_total")+" 万元")
	chip("max_total", "所述总额 ≤ "+form.Get("max_total")+" 万元")
	return v
}

// pageLink is one numbered link of a pager (Gap: the "…" between).
type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool
}

// pageLinks numbers the pages of total rows shown size at a time: the
// first, the last, and two either side of the current one.
func pageLinks(path string, form url.Values, from, size, total int) []pageLink {
	if size <= 0 || total <= size {
		return nil
	}
	pages := (total + size - 1) / size
	cur := from/size + 1
	var out []pageLink
	last := 0
	for n := 1; n <= pages; n++ {
		if n != 1 && n != pages && (n < cur-2 || n > cur+2) {
			continue
		}
		if last != 0 && n > last+1 {
			out = append(out, pageLink{Gap: true})
		}
		v := with(form, "from", strconv.Itoa((n-1)*size))
		if n == 1 {
			v.Del("from")
		}
		out = append(out, pageLink{N: n, URL: link(path, v), Current: n == cur})
		last = n
	}
	return out
}

// ---- reports ----

type reportsView struct {
	Reports []corpus.ReportSummary
	Filter  listFilterView
	Pager   pager
}

const reportsPageSize = 100

// reportsPage: /reports — the reports the filter selects (a report with a
// finding that meets the finding's conditions), sorted as asked.
func (s *Server) reportsPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	ff, err := findingFilter(v)
	var from int
	if err == nil {
		from, err = intParam(v, "from", 0, 0, 1<<30)
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	f := ff.Reports()
	f.Limit, f.Offset = reportsPageSize, from
	list, err := s.store.List(r.Context(), f)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	n, err := s.store.CountReports(r.Context(), f)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	st, err := s.stats(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	form := listForm(v)
	tree, err := s.unitTree(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	view := reportsView{Reports: list, Filter: newListFilter("/reports", form, ff, st, tree),
		Pager: newPager("/reports", form, from, reportsPageSize, len(list), n)}
	view.Pager.Pages = pageLinks("/reports", form, from, reportsPageSize, n)
	s.render(w, r, http.StatusOK, "reports", "报告", "reports", view)
}

// ---- findings across the corpus ----

type option struct {
	Value, Label string
	Selected     bool
}

type findingRow struct {
	corpus.ReviewedFinding
	URL string
	// OCR: the finding rests on text read by OCR (see corpus.OCRMarks).
	OCR extract.OCRMark
}

type findingsView struct {
	Reviewer      string // who decides from this page ("" until asked)
	ReviewerFixed bool   // named by the token: not to be changed
	Filter        listFilterView
	Rows          []findingRow
	Pager         pager
	Counts        *corpus.Stats
}

const findingsPageSize = 50

// findingsPage: /findings — the findings of every report, filtered, sorted
// and paged as the URL says.
func (s *Server) findingsPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	f, err := findingFilter(v)
	var from int
	if err == nil {
		from, err = intParam(v, "from", 0, 0, 1<<30)
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	f.Limit, f.Offset = findingsPageSize, from
	rows, err := s.store.Findings(r.Context(), f)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	n, err := s.store.CountFindings(r.Context(), f)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	st, err := s.stats(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	form := listForm(v)
	tree, err := s.unitTree(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	view := findingsView{Counts: st, Filter: newListFilter("/findings", form, f, st, tree)}
	view.Reviewer, view.ReviewerFixed = reviewer(r)
	var ids []string
	for _, rf := range rows {
		if len(ids) == 0 || ids[len(ids)-1] != rf.ReportID {
			ids = append(ids, rf.ReportID)
		}
	}
	marks, err := s.store.OCRMarks(r.Context(), ids)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	for _, rf := range rows {
		view.Rows = append(view.Rows, findingRow{rf, link("/reports/"+rf.ReportID, url.Values{"finding": {rf.Key}}), marks[rf.ReportID].Findings[rf.Key]})
	}
	view.Pager = newPager("/findings", form, from, findingsPageSize, len(rows), n)
	view.Pager.Pages = pageLinks("/findings", form, from, findingsPageSize, n)
	s.render(w, r, http.StatusOK, "findings", "问题", "findings", view)
}

// ---- coverage: unit × year ----

type coverageCell struct {
	Year     int
	Received bool
	corpus.CoverageCell
	Reports, Findings string // links to the lists of the cell
}

type coverageRow struct {
	Unit    string
	Cells   []coverageCell
	Missing int
}

type coverageView struct {
	Filter  listFilterView
	Years   []int
	Rows    []coverageRow
	Missing int // over every unit, not only the page's
	Units   int
	Pager   pager
}

// coveragePageSize is how many units a page of the coverage shows: a
// county's are one page; 1,500 units are fifteen, not one of 3 MB.
const coveragePageSize = 100

// coveragePage: /coverage — what was received of each unit in each year
// (the filter of the lists applies), its errors and pending findings,
// each cell linking to the lists; the years a unit sent nothing stand out.
func (s *Server) coveragePage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	ff, err := findingFilter(v)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	from, err := intParam(v, "from", 0, 0, 1<<30)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	cv, err := remember(r.Context(), s, "coverage?"+listForm(v).Encode(), func() (*corpus.Coverage, error) {
		return s.store.Coverage(r.Context(), ff.Reports())
	})
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	st, err := s.stats(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	form := listForm(v)
	tree, err := s.unitTree(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	view := coverageView{Filter: newListFilter("/coverage", form, ff, st, tree), Years: cv.Years, Units: len(cv.Units)}
	for i, u := range cv.Units {
		if i < from || i >= from+coveragePageSize {
			for _, y := range cv.Years { // counted, not shown
				if _, ok := cv.Cells[u][y]; !ok {
					view.Missing++
				}
			}
			continue
		}
		row := coverageRow{Unit: u}
		for _, y := range cv.Years {
			c, ok := cv.Cells[u][y]
			cell := coverageCell{Year: y, Received: ok, CoverageCell: c}
			sel := with(with(form, "unit", "="+u), "year", strconv.Itoa(y))
			cell.Reports = link("/reports", sel)
			cell.Findings = link("/findings", with(sel, "review", string(corpus.ReviewPending)))
			if !ok {
				row.Missing++
			}
			row.Cells = append(row.Cells, cell)
		}
		view.Missing += row.Missing
		view.Rows = append(view.Rows, row)
	}
	view.Pager = newPager("/coverage", form, from, coveragePageSize, len(view.Rows), len(cv.Units))
	view.Pager.Pages = pageLinks("/coverage", form, from, coveragePageSize, len(cv.Units))
	s.render(w, r, http.StatusOK, "coverage", "覆盖", "coverage", view)
}

// ---- the printable review opinion (审核意见) ----

// opinionReport is one report of an opinion with its findings by decision.
type opinionReport struct {
	ID, Unit, Title string
	Year            int
	Confirmed       []corpus.ReviewedFinding
	Pending         []corpus.ReviewedFinding
	Dismissed       []corpus.ReviewedFinding
}

type opinionView struct {
	Reports []opinionReport
	Units   string // the units the opinion is addressed to
	Date    string
	Back    string // the list it was made from
	Total   int
}

// maxOpinionFindings bounds an opinion (a county's year is far less).
const maxOpinionFindings = 5000

// opinionPage: /opinion?… — the review opinion of the findings the lists'
// filter selects (one report: report=ID), report by report: the problems
// confirmed, those still to be reviewed, and those dismissed with the
// reason, with their figures and who decided; laid out to be printed (or
// saved as PDF by the browser) and sent back to the unit.
func (s *Server) opinionPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	f, err := findingFilter(v)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	f.Limit = maxOpinionFindings
	view := opinionView{Date: time.Now().Format("2006 年 1 月 2 日"), Back: link("/findings", listForm(v))}
	var units []string
	seenUnit := map[string]bool{}
	byID := map[string]int{}
	err = s.store.EachFinding(r.Context(), f, func(rf corpus.ReviewedFinding) error {
		k, ok := byID[rf.ReportID]
		if !ok {
			k = len(view.Reports)
			byID[rf.ReportID] = k
			view.Reports = append(view.Reports, opinionReport{ID: rf.ReportID, Unit: rf.Unit, Title: rf.Title, Year: rf.Year})
			if !seenUnit[rf.Unit] && rf.Unit != "" {
				seenUnit[rf.Unit] = true
				units = append(units, rf.Unit)
			}
		}
		op := &view.Reports[k]
		switch {
		case rf.Decision == nil:
			op.Pending = append(op.Pending, rf)
		case rf.Decision.Verdict == corpus.Confirmed:
			op.Confirmed = append(op.Confirmed, rf)
		default:
			op.Dismissed = append(op.Dismissed, rf)
		}
		view.Total++
		return nil
	})
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	view.Units = strings.Join(units, "、")
	s.render(w, r, http.StatusOK, "opinion", "审核意见", "findings", view)
}
