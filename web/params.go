package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/validate"
)

// Limits of what a request may ask for.
const (
	maxQueryRunes  = 200
	maxFilterRunes = 200
	maxFrom        = 10000
	maxPageSize    = 100
	maxNoteRunes   = 2000
)

// badRequest is an error in what a request asked for: 400 with its message.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

func badf(format string, args ...any) error { return &badRequest{fmt.Sprintf(format, args...)} }

// statusOf maps an error to the status a client should see.
func statusOf(err error) int {
	var br *badRequest
	switch {
	case errors.As(err, &br):
		return http.StatusBadRequest
	case errors.Is(err, corpus.ErrNotFound), errors.Is(err, corpus.ErrNoFinding):
		return http.StatusNotFound
	case errors.Is(err, corpus.ErrAmbiguous):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// text reads a free-text parameter: valid UTF-8, at most maxRunes characters.
func text(q url.Values, name string, maxRunes int) (string, error) {
	s := strings.TrimSpace(q.Get(name))
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
		return "", badf("参数 %s 不是有效的文字 (invalid text)", name)
	}
	if utf8.RuneCountInString(s) > maxRunes {
		return "", badf("参数 %s 过长（至多 %d 字）(too long)", name, maxRunes)
	}
	return s, nil
}

// intParam reads an integer parameter in [lo, hi]; def when absent.
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(q.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badf("参数 %s 须为 %d 到 %d 的整数 (integer expected): %q", name, lo, hi, truncate(s, 20))
	}
	return n, nil
}

// amountParam reads an amount in 万元 (a bare number) or with its unit
// (100万元, 1,000,000元); it must be exact.
func amountParam(q url.Values, name string) (*decimal.Decimal, error) {
	s, err := text(q, name, 40)
	if err != nil || s == "" {
		return nil, err
	}
	a, err := money.Parse(s)
	if err != nil {
		return nil, badf("参数 %s 不是金额 (not an amount): %q", name, s)
	}
	if !a.Exact() {
		return nil, badf("参数 %s 须为确切金额 (must be exact): %q", name, s)
	}
	return &a.Wan, nil
}

// searchQuery reads a search from q (the names of GET /api/search).
func searchQuery(q url.Values) (index.Query, error) {
	var sq index.Query
	var err error
	if sq.Text, err = text(q, "q", maxQueryRunes); err != nil {
		return sq, err
	}
	if sq.Year, err = intParam(q, "year", 0, 0, 9999); err != nil {
		return sq, err
	}
	if sq.Unit, err = text(q, "unit", maxFilterRunes); err != nil {
		return sq, err
	}
	sq.Unit, _ = corpus.ParseUnitUnder(sq.Unit) // the search knows no folders: a county is part of its units' names
	sq.Unit, sq.UnitExact = corpus.ParseUnit(sq.Unit)
	if sq.Rule, err = text(q, "rule", 64); err != nil {
		return sq, err
	}
	if sq.DocType, err = text(q, "doc_type", 64); err != nil {
		return sq, err
	}
	if sq.MinBudget, err = amountParam(q, "min_budget"); err != nil {
		return sq, err
	}
	if sq.MaxBudget, err = amountParam(q, "max_budget"); err != nil {
		return sq, err
	}
	if sq.MinBudget != nil && sq.MaxBudget != nil && sq.MinBudget.GreaterThan(*sq.MaxBudget) {
		return sq, badf("预算下限 %s 大于上限 %s (min_budget > max_budget)", sq.MinBudget, sq.MaxBudget)
	}
	if sq.From, err = intParam(q, "from", 0, 0, maxFrom); err != nil {
		return sq, err
	}
	if sq.Size, err = intParam(q, "size", 20, 1, maxPageSize); err != nil {
		return sq, err
	}
	sq.Marks = index.HTML
	switch q.Get("marks") {
	case "", "html":
	case "brackets":
		sq.Marks = index.Brackets
	default:
		return sq, badf("参数 marks 须为 html 或 brackets")
	}
	if sq.FragmentRunes, err = intParam(q, "fragment_runes", 0, 0, 1000); err != nil {
		return sq, err
	}
	return sq, nil
}

// listParams are the URL parameters of the two lists (问题 and 报告) and of
// their exports: the filter is kept in the URL under these names.
var listParams = []string{"unit", "year", "doc_type", "rule", "severity", "review", "report",
	"min_diff", "max_diff", "min_total", "max_total", "sort"}

// findingFilter reads the filter of the lists from q (listParams; paging
// aside). The reports list uses it as FindingFilter.Reports.
func findingFilter(q url.Values) (corpus.FindingFilter, error) {
	var f corpus.FindingFilter
	var err error
	if f.Rule, err = text(q, "rule", 64); err != nil {
		return f, err
	}
	switch sev := validate.Severity(q.Get("severity")); sev {
	case "", validate.Error, validate.Warning, validate.Info:
		f.Severity = sev
	default:
		return f, badf("参数 severity 须为 error、warning 或 info")
	}
	switch rv := corpus.ReviewState(q.Get("review")); rv {
	case corpus.ReviewAny, corpus.ReviewPending, corpus.ReviewConfirmed, corpus.ReviewDismissed:
		f.Review = rv
	default:
		return f, badf("参数 review 须为 pending、confirmed 或 dismissed")
	}
	if id := q.Get("report"); id != "" {
		if !validReportID(id) {
			return f, badf("报告编号无效 (invalid report id)")
		}
		f.ReportID = id
	}
	if f.Year, err = intParam(q, "year", 0, 0, 9999); err != nil {
		return f, err
	}
	if f.Unit, err = text(q, "unit", maxFilterRunes); err != nil {
		return f, err
	}
	if f.Unit, f.UnitUnder = corpus.ParseUnitUnder(f.Unit); !f.UnitUnder {
		f.Unit, f.UnitExact = corpus.ParseUnit(f.Unit)
	}
	if dt := strings.TrimSpace(q.Get("doc_type")); dt != "" {
		t, ok := extract.DocTypeByLabel(dt)
		if !ok {
			return f, badf("参数 doc_type 不是已知的文件类型 (unknown document type)")
		}
		f.DocType = t
	}
	if f.MinDiff, err = amountParam(q, "min_diff"); err != nil {
		return f, err
	}
	if f.MaxDiff, err = amountParam(q, "max_diff"); err != nil {
		return f, err
	}
	if f.MinTotal, err = amountParam(q, "min_total"); err != nil {
		return f, err
	}
	if f.MaxTotal, err = amountParam(q, "max_total"); err != nil {
		return f, err
	}
	for _, r := range []struct {
		lo, hi *decimal.Decimal
		name   string
	}{{f.MinDiff, f.MaxDiff, "差额"}, {f.MinTotal, f.MaxTotal, "总额"}} {
		if r.lo != nil && r.hi != nil && r.lo.GreaterThan(*r.hi) {
			return f, badf("%s下限 %s 大于上限 %s", r.name, r.lo, r.hi)
		}
	}
	if f.Sort, err = corpus.ParseSort(q.Get("sort")); err != nil {
		return f, badf("参数 sort 须为 diff、unit 或 year")
	}
	return f, nil
}

// listForm is the filter part of q: the listParams that are set, as the
// links of a list keep them.
func listForm(q url.Values) url.Values {
	form := url.Values{}
	for _, k := range listParams {
		if x := strings.TrimSpace(q.Get(k)); x != "" {
			form.Set(k, x)
		}
	}
	return form
}

// resolveID reads the report id of a path and finds the report: hex digits
// only (an id or a unique prefix), never a path of the file system.
func (s *Server) resolveID(ctx context.Context, r *http.Request) (string, error) {
	ref := r.PathValue("id")
	if !validReportID(ref) {
		return "", badf("报告编号无效 (invalid report id)")
	}
	return s.store.Resolve(ctx, ref)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
