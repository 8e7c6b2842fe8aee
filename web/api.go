package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/corpus"
)

// apiFail answers err as JSON with the status it deserves.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	st := statusOf(err)
	if st == http.StatusInternalServerError {
		s.internalError(w, r, err, true)
		return
	}
	writeError(w, st, err.Error())
}

// apiSearch: GET /api/search?q=&year=&unit=&min_budget=&max_budget=&rule=&from=&size=
// answers what `jixiao search --json` prints: {"total", "hits", "facets"}.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	size := v.Get("size")
	if isLocal(r) {
		v.Del("size") // the command line on the socket pages as it does on its own
	}
	q, err := searchQuery(v)
	if err == nil && isLocal(r) && size != "" {
		q.Size, err = intParam(url.Values{"size": {size}}, "size", 20, 1, 1000)
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	res, err := s.index.Search(r.Context(), q)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// reportList is the answer of GET /api/reports.
type reportList struct {
	Total   int                    `json:"total"`
	Reports []corpus.ReportSummary `json:"reports"`
}

// apiReports: GET /api/reports?year=&unit=&doc_type=&rule=&severity=&review=&min_diff=&max_diff=&min_total=&max_total=&sort=&from=&size= (size 0: all).
func (s *Server) apiReports(w http.ResponseWriter, r *http.Request) {
	f, err := reportFilter(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	list, err := s.store.List(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	n, err := s.store.CountReports(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, reportList{Total: n, Reports: list})
}

// reportFilter reads the filter of the reports list (the parameters of the
// findings list: a report qualifies when one of its findings does).
func reportFilter(r *http.Request) (corpus.Filter, error) {
	q := r.URL.Query()
	ff, err := findingFilter(q)
	if err != nil {
		return corpus.Filter{}, err
	}
	f := ff.Reports()
	if f.Offset, err = intParam(q, "from", 0, 0, 1<<30); err != nil {
		return f, err
	}
	if f.Limit, err = intParam(q, "size", 0, 0, 10000); err != nil {
		return f, err
	}
	return f, nil
}

// apiReport: GET /api/reports/{id}: the report, its findings with their
// keys and review decisions.
func (s *Server) apiReport(w http.ResponseWriter, r *http.Request) {
	id, err := s.resolveID(r.Context(), r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	sr, err := s.store.Get(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, corpus.View(sr))
}

// textJSON is the answer of GET /api/reports/{id}/text: the normalised text
// that every span indexes into (byte offsets), and where each page begins.
type textJSON struct {
	ID       string     `json:"id"`
	Text     string     `json:"text"`
	Pages    []pageJSON `json:"pages"`
	Warnings []string   `json:"warnings"`
}

type pageJSON struct {
	N     int `json:"n"`
	Start int `json:"start"` // byte offset in text
}

func (s *Server) apiText(w http.ResponseWriter, r *http.Request) {
	id, err := s.resolveID(r.Context(), r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	doc, err := s.store.Document(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := textJSON{ID: id, Text: doc.Text, Pages: []pageJSON{}, Warnings: doc.Warnings}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	for i, p := range doc.Pages {
		if i < len(doc.PageStarts) {
			out.Pages = append(out.Pages, pageJSON{N: p.N, Start: doc.PageStarts[i]})
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// findingList is the answer of GET /api/findings.
type findingList struct {
	Total    int                      `json:"total"`
	Findings []corpus.ReviewedFinding `json:"findings"`
}

// apiFindings: GET /api/findings?rule=&severity=&review=&report=&year=&unit=&doc_type=&min_diff=&max_diff=&min_total=&max_total=&sort=&from=&size=
func (s *Server) apiFindings(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := findingFilter(q)
	if err == nil {
		f.Offset, err = intParam(q, "from", 0, 0, 1<<30)
	}
	if err == nil {
		f.Limit, err = intParam(q, "size", 0, 0, 10000)
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	list, err := s.store.Findings(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	n, err := s.store.CountFindings(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, findingList{Total: n, Findings: list})
}

// findingKeyPattern is the shape of corpus.FindingKeys' keys.
var findingKeyPattern = regexp.MustCompile(`^[a-z][a-z0-9-]{0,63}(:[0-9]+(,[0-9]+)*)?(#[0-9]+)?$`)

// decisionRequest is the body of POST …/decision.
type decisionRequest struct {
	Decision corpus.Verdict `json:"decision"`
	Note     string         `json:"note"`
}

// decisionJSON is the answer of POST and DELETE …/decision.
type decisionJSON struct {
	Report string           `json:"report"`
	Key    string           `json:"key"`
	Review *corpus.Decision `json:"review"`
}

// apiDecision: POST /api/reports/{id}/findings/{key}/decision records
// {"decision": "confirmed|dismissed", "note": "…"}; DELETE clears it.
func (s *Server) apiDecision(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := s.resolveID(ctx, r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	key := r.PathValue("key")
	if len(key) > 1000 || !findingKeyPattern.MatchString(key) {
		writeError(w, http.StatusBadRequest, "问题键无效 (invalid finding key)")
		return
	}
	if r.Method == http.MethodDelete {
		author, _ := reviewer(r)
		if _, err := s.store.Review(ctx, []corpus.FindingRef{{Report: id, Key: key}}, corpus.Action{Verdict: corpus.Cleared, Author: author}); err != nil {
			s.apiFail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, decisionJSON{Report: id, Key: key})
		return
	}
	req, err := readDecision(w, r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	author, _ := reviewer(r)
	if _, err := s.store.Review(ctx, []corpus.FindingRef{{Report: id, Key: key}},
		corpus.Action{Verdict: req.Decision, Note: req.Note, Author: author}); err != nil {
		s.apiFail(w, r, err)
		return
	}
	ds, err := s.store.Decisions(ctx, id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	d, ok := ds[key]
	if !ok {
		s.apiFail(w, r, errors.New("decision not stored"))
		return
	}
	writeJSON(w, http.StatusOK, decisionJSON{Report: id, Key: key, Review: &d})
}

// readDecision reads and checks the body of a decision: one JSON object of
// at most 64 KiB with a known verdict and a note of text.
func readDecision(w http.ResponseWriter, r *http.Request) (decisionRequest, error) {
	var req decisionRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, badf("请求体须为 JSON 对象 {\"decision\", \"note\"} (bad JSON body)")
	}
	if _, err := dec.Token(); err != io.EOF {
		return req, badf("请求体须为单个 JSON 对象 (one JSON object)")
	}
	if req.Decision != corpus.Confirmed && req.Decision != corpus.Dismissed {
		return req, badf("decision 须为 confirmed 或 dismissed")
	}
	req.Note = strings.TrimSpace(req.Note)
	if !utf8.ValidString(req.Note) || strings.ContainsRune(req.Note, 0) {
		return req, badf("note 不是有效的文字 (invalid text)")
	}
	if utf8.RuneCountInString(req.Note) > maxNoteRunes {
		return req, badf("note 过长（至多 %d 字）(too long)", maxNoteRunes)
	}
	return req, nil
}

// readJSON reads a request body of one JSON object of at most 64 KiB into v,
// unknown fields refused.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badf("请求体不是有效的 JSON 对象 (bad JSON body)")
	}
	if _, err := dec.Token(); err != io.EOF {
		return badf("请求体须为单个 JSON 对象 (one JSON object)")
	}
	return nil
}

// checkNote trims a decision's note and checks it is text of a sane length.
func checkNote(note string) (string, error) {
	note = strings.TrimSpace(note)
	if !utf8.ValidString(note) || strings.ContainsRune(note, 0) {
		return "", badf("note 不是有效的文字 (invalid text)")
	}
	if utf8.RuneCountInString(note) > maxNoteRunes {
		return "", badf("note 过长（至多 %d 字）(too long)", maxNoteRunes)
	}
	return note, nil
}

// maxBulkFindings bounds the findings one request names (a filter names any number).
const maxBulkFindings = 1000

// bulkRequest is the body of POST /api/decisions: the decision, its note,
// and the findings named one by one or by the filter of the list (its query
// string, as the page's URL has it).
type bulkRequest struct {
	Decision string              `json:"decision"` // confirmed, dismissed or clear
	Note     string              `json:"note"`
	Findings []corpus.FindingRef `json:"findings"`
	Filter   *string             `json:"filter"`
}

// apiDecisions: POST /api/decisions records one decision on many findings
// at once, in one transaction, as the reviewer of the request; answers
// {"applied": n, "author"}.
func (s *Server) apiDecisions(w http.ResponseWriter, r *http.Request) {
	var req bulkRequest
	if err := readJSON(w, r, &req); err != nil {
		s.apiFail(w, r, err)
		return
	}
	a := corpus.Action{}
	switch req.Decision {
	case "confirmed", "dismissed":
		a.Verdict = corpus.Verdict(req.Decision)
	case "clear":
		a.Verdict = corpus.Cleared
	default:
		writeError(w, http.StatusBadRequest, "decision 须为 confirmed、dismissed 或 clear")
		return
	}
	var err error
	if a.Note, err = checkNote(req.Note); err != nil {
		s.apiFail(w, r, err)
		return
	}
	a.Author, _ = reviewer(r)
	if a.Author == "" {
		writeError(w, http.StatusBadRequest, "请先填写审核人姓名 (reviewer name required)")
		return
	}
	var n int
	switch {
	case req.Filter != nil && req.Findings != nil:
		writeError(w, http.StatusBadRequest, "findings 与 filter 只能给出其一")
		return
	case req.Filter != nil:
		q, perr := url.ParseQuery(*req.Filter)
		if perr != nil || len(*req.Filter) > 4096 {
			writeError(w, http.StatusBadRequest, "filter 须为列表的查询串 (query string)")
			return
		}
		f, ferr := findingFilter(q)
		if ferr != nil {
			s.apiFail(w, r, ferr)
			return
		}
		n, err = s.store.ReviewFilter(r.Context(), f, a)
	case len(req.Findings) > 0:
		if len(req.Findings) > maxBulkFindings {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("一次至多 %d 条 (too many findings)", maxBulkFindings))
			return
		}
		for _, ref := range req.Findings {
			if !validReportID(ref.Report) || len(ref.Key) > 1000 || !findingKeyPattern.MatchString(ref.Key) {
				writeError(w, http.StatusBadRequest, "报告编号或问题键无效 (invalid report id or finding key)")
				return
			}
		}
		n, err = s.store.Review(r.Context(), req.Findings, a)
	default:
		writeError(w, http.StatusBadRequest, "请给出 findings 或 filter")
		return
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"applied": n, "author": a.Author})
}
