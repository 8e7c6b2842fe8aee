package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

type findingView struct {
	Ref      string // "f3": the id of its evidence in the text
	Key      string
	Rule     string
	Severity validate.Severity
	Message  string
	Expected *decimal.Decimal
	Actual   *decimal.Decimal
	Diff     *decimal.Decimal
	Items    []int
	Page     int
	Cell     string // spreadsheet cell of the evidence (自评表!D7)
	Review   *corpus.Decision
	Log      []corpus.LogEntry // the audit trail: who decided what when
	Evidence bool              // something to show in the text
	Selected bool
	// OCR: the finding rests on text read by OCR (a scan), with the lowest
	// confidence of the figures it names: the page says 请核对原件.
	OCR extract.OCRMark
}

type dimension struct {
	Name    string
	Present bool
}

type itemView struct {
	extract.Item
	Ref      string // "i17"
	Dims     []dimension
	Problem  bool // a finding names the item
	Selected bool
}

type rowView struct {
	Ref      string
	Selected bool
}

type fundView struct {
	extract.FundRow
	rowView
}

type indicatorView struct {
	extract.Indicator
	rowView
}

type orphanView struct {
	Key    string
	Review corpus.Decision
}

type reportView struct {
	ID       string
	Path     string
	Format   string
	Report   *extract.Report
	Findings []findingView
	Counts   map[validate.Severity]int
	Pending  int
	Items    []itemView
	ItemsSum *decimal.Decimal
	// SumMismatch: the items' budgets do not add up to the stated total.
	SumMismatch bool
	ActualSum   *decimal.Decimal
	Subitems    int
	Funds       []fundView
	Indicators  []indicatorView
	Orphans     []orphanView
	Segments    []segment
	Warnings    []string
	Selected    string // target selected on load
	Tab         string // the section shown: "findings", "items" or "tables"
	// Parts are the reports of the file this report is one of, when it holds several.
	Parts []partLink
	// The same report more than once: the files it was received as (more
	// than one: copies), what it is beside the others, and its versions.
	Files    []corpus.FileRef
	Identity corpus.Identity
	Versions []corpus.Version
	Changes  *corpus.VersionDiff // from the version before this one
	// PDFPages: the report, or a copy of it, was received as PDF: the
	// page viewer is shown (evidence.go, static/evidence.js).
	PDFPages bool
}

// partLink is one report of a file that holds several.
type partLink struct {
	ID      string
	Part    int
	Title   string
	Where   string // pages or sheet
	Current bool
}

// reportPage: /reports/{id}[?finding=KEY|item=SEQ] — the records and the
// findings beside the document text, the selected one's evidence marked.
func (s *Server) reportPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := s.resolveID(ctx, r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	sr, err := s.store.Get(ctx, id)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	doc, err := s.store.Document(ctx, id)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	q := r.URL.Query()
	v := buildReportView(sr, q.Get("finding"), q.Get("item"))
	v.Tab = reportTab(v, q.Get("tab"))

	nums := make([]int, len(doc.Pages))
	for i, p := range doc.Pages {
		nums[i] = p.N
	}
	targets := reportTargets(sr)
	v.Segments = segmentText(doc.Text, doc.PageStarts, nums, targets, v.Selected)
	v.Warnings = append(append([]string{}, doc.Warnings...), sr.Report.Warnings...)
	if sr.Report.Parts > 1 {
		ids, err := s.store.FileReports(ctx, id)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		for k, pid := range ids {
			pl := partLink{ID: pid, Part: k + 1, Current: pid == id}
			if other, err := s.store.Get(ctx, pid); err == nil {
				pl.Title, pl.Where = other.Report.Title, partWhere(other.Report)
			}
			v.Parts = append(v.Parts, pl)
		}
	}
	if v.Identity, err = s.store.IdentityOf(ctx, id); err == nil {
		v.Files, err = s.store.Files(ctx, id)
	}
	if err == nil {
		v.Versions, err = s.store.Versions(ctx, id)
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	v.PDFPages = hasPages(id, doc, v.Files)
	if len(v.Files) < 2 {
		v.Files = nil
	}
	for i, ver := range v.Versions {
		if ver.Report == id && i+1 < len(v.Versions) {
			d, err := s.store.CompareVersions(ctx, v.Versions[i+1].Report, id)
			if err != nil {
				s.pageFail(w, r, err)
				return
			}
			v.Changes = &d
		}
	}
	if len(v.Versions) < 2 {
		v.Versions = nil
	}
	title := sr.Report.Title
	if title == "" {
		title = "报告 " + id
	}
	s.render(w, r, http.StatusOK, "report", title, "reports", v)
}

// reportTab is the section to show: the one asked for when the report has
// it, else the items when one is selected, else the findings.
func reportTab(v *reportView, asked string) string {
	switch {
	case asked == "items" && len(v.Items) > 0, asked == "tables" && (len(v.Funds) > 0 || len(v.Indicators) > 0):
		return asked
	case asked == "" && strings.HasPrefix(v.Selected, "i"):
		return "items"
	}
	return "findings"
}

// buildReportView makes the records and findings of a report; selectFinding
// (a finding key) or selectItem (a seq) names what is selected on load.
func buildReportView(sr *corpus.StoredReport, selectFinding, selectItem string) *reportView {
	rep := sr.Report
	v := &reportView{ID: sr.ID, Path: sr.Path, Format: string(sr.Format), Report: rep, Counts: map[validate.Severity]int{}}
	marks, _ := corpus.MarksOf(sr)
	named := map[int]bool{}
	for i, f := range sr.Findings {
		fv := findingView{Ref: "f" + strconv.Itoa(i), Key: sr.Keys[i], Rule: f.Rule, Severity: f.Severity,
			Message: f.Message, Expected: f.Expected, Actual: f.Actual, Diff: f.Diff, Items: f.Items, Page: f.Page, Cell: f.Cell,
			Evidence: f.Span != nil || len(f.Items) > 0, Log: sr.Log[sr.Keys[i]], OCR: marks.Findings[sr.Keys[i]]}
		if d, ok := sr.Decision(i); ok {
			fv.Review = &d
		} else {
			v.Pending++
		}
		if selectFinding != "" && sr.Keys[i] == selectFinding {
			fv.Selected, v.Selected = true, fv.Ref
		}
		for _, seq := range f.Items {
			named[seq] = true
		}
		v.Counts[f.Severity]++
		v.Findings = append(v.Findings, fv)
	}
	var budget, actual decimal.Decimal
	var haveBudget, haveActual bool
	for _, it := range rep.Items {
		iv := itemView{Item: it, Ref: "i" + strconv.Itoa(it.Seq), Problem: named[it.Seq]}
		if len(it.Evaluation) > 0 {
			for _, d := range extract.Dimensions {
				iv.Dims = append(iv.Dims, dimension{d, strings.TrimSpace(it.Evaluation[d]) != ""})
			}
		}
		if v.Selected == "" && selectItem != "" && selectItem == strconv.Itoa(it.Seq) {
			iv.Selected, v.Selected = true, iv.Ref
		}
		if it.BudgetWan != nil {
			budget, haveBudget = budget.Add(*it.BudgetWan), true
		}
		if it.ActualWan != nil {
			actual, haveActual = actual.Add(*it.ActualWan), true
		}
		v.Subitems += max(1, it.Subprojects)
		v.Items = append(v.Items, iv)
	}
	if haveBudget {
		v.ItemsSum = &budget
		v.SumMismatch = rep.Stated.TotalWan != nil && !rep.Stated.TotalWan.Equal(budget)
	}
	if haveActual {
		v.ActualSum = &actual
	}
	for i, fr := range rep.Funds {
		v.Funds = append(v.Funds, fundView{fr, rowView{Ref: "r" + strconv.Itoa(i)}})
	}
	for i, in := range rep.Indicators {
		v.Indicators = append(v.Indicators, indicatorView{in, rowView{Ref: "x" + strconv.Itoa(i)}})
	}
	present := map[string]bool{}
	for _, k := range sr.Keys {
		present[k] = true
	}
	for k, d := range sr.Decisions {
		if !present[k] {
			v.Orphans = append(v.Orphans, orphanView{k, d})
		}
	}
	sort.Slice(v.Orphans, func(i, j int) bool { return v.Orphans[i].Key < v.Orphans[j].Key })
	return v
}

// reportTargets are what can be selected on the report page and where the
// text says it: each finding (its span and its items' spans), each item
// (its span and its evaluation entry's), each row of the funds and
// indicator tables.
func reportTargets(sr *corpus.StoredReport) []target {
	rep := sr.Report
	itemSpans := map[int][]extract.Span{}
	for _, it := range rep.Items {
		itemSpans[it.Seq] = append(itemSpans[it.Seq], it.Span)
	}
	for _, ev := range rep.Evaluations {
		if ev.Item != 0 {
			itemSpans[ev.Item] = append(itemSpans[ev.Item], ev.Span)
		}
	}
	var out []target
	for i, f := range sr.Findings {
		t := target{id: "f" + strconv.Itoa(i), severity: f.Severity}
		if f.Span != nil {
			t.spans = append(t.spans, *f.Span)
		}
		for _, seq := range f.Items {
			if sp := itemSpans[seq]; len(sp) > 0 {
				t.spans = append(t.spans, sp[0]) // the listing; the finding's own span says the rest
			}
		}
		out = append(out, t)
	}
	for _, it := range rep.Items {
		out = append(out, target{id: "i" + strconv.Itoa(it.Seq), spans: itemSpans[it.Seq]})
	}
	for i, fr := range rep.Funds {
		out = append(out, target{id: "r" + strconv.Itoa(i), spans: []extract.Span{fr.Span}})
	}
	for i, in := range rep.Indicators {
		out = append(out, target{id: "x" + strconv.Itoa(i), spans: []extract.Span{in.Span}})
	}
	return out
}

// partWhere is where in its file a report is: its sheet, or its pages.
func partWhere(r *extract.Report) string {
	switch {
	case r.Sheet != "":
		return "工作表 " + r.Sheet
	case len(r.Pages) == 2 && r.Pages[0] == r.Pages[1]:
		return "第 " + strconv.Itoa(r.Pages[0]) + " 页"
	case len(r.Pages) == 2:
		return "第 " + strconv.Itoa(r.Pages[0]) + "–" + strconv.Itoa(r.Pages[1]) + " 页"
	}
	return ""
}
