package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/jixiao/jixiao/corpus"
)

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return v
}

func keysOf(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestSearchAPI(t *testing.T) {
	f := newFixture(t, Options{})
	type hit struct {
		Report    string   `json:"report"`
		Unit      string   `json:"unit"`
		Seq       *int     `json:"seq"`
		Name      string   `json:"name"`
		Budget    *string  `json:"budget_wan"`
		Fragments []string `json:"fragments"`
	}
	type result struct {
		Total  int   `json:"total"`
		Hits   []hit `json:"hits"`
		Facets struct {
			Year, Unit []struct {
				Value string
				Count int
			}
		} `json:"facets"`
	}
	seqs := func(r result) []int {
		var out []int
		for _, h := range r.Hits {
			if h.Seq == nil {
				t.Errorf("whole-report hit %+v", h)
				continue
			}
			out = append(out, *h.Seq)
		}
		sort.Ints(out)
		return out
	}
	q := url.QueryEscape("驻村工作队")
	tests := []struct {
		query string
		seqs  []int
	}{
		{"q=" + q + "&unit=" + url.QueryEscape("南屯镇"), []int{1, 6, 10}},
		{"q=" + q + "&year=2023&unit=" + url.QueryEscape("南屯镇") + "&min_budget=10", []int{1, 6}},
		{"q=" + q + "&unit=" + url.QueryEscape("南屯镇") + "&max_budget=" + url.QueryEscape("100,000元"), []int{10}},
		{"q=" + q + "&year=2019", nil},
	}
	for _, tc := range tests {
		w := f.get("/api/search?" + tc.query)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", tc.query, w.Code, w.Body)
		}
		res := decode[result](t, w.Body.Bytes())
		if got := seqs(res); !slices.Equal(got, tc.seqs) || res.Total != len(tc.seqs) {
			t.Errorf("%s: items %v (total %d), want %v", tc.query, got, res.Total, tc.seqs)
		}
		for _, h := range res.Hits {
			if h.Report != nantunID || h.Unit != "南屯镇" {
				t.Errorf("%s: hit of %s %s", tc.query, h.Report, h.Unit)
			}
		}
	}

	// The JSON of `search --json`: its keys, amounts as strings, <mark> fragments.
	w := f.get("/api/search?q=" + q)
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	var raw map[string]json.RawMessage
	json.Unmarshal(w.Body.Bytes(), &raw)
	if got := keysOf(raw); !slices.Equal(got, []string{"facets", "hits", "total"}) {
		t.Errorf("top-level keys %v", got)
	}
	var hits []map[string]json.RawMessage
	json.Unmarshal(raw["hits"], &hits)
	if len(hits) != 4 {
		t.Fatalf("%d hits for 驻村工作队 over the corpus, want 4 (3 of 南屯镇, 1 of 恶意镇)", len(hits))
	}
	for _, h := range hits {
		if got := keysOf(h); !slices.Equal(got, []string{"actual_wan", "budget_wan", "fragments", "name", "report", "seq", "unit", "year"}) {
			t.Errorf("hit keys %v", got)
		}
	}
	body := w.Body.String()
	for _, want := range []string{`"budget_wan":"24"`, `"name":"南屯镇2023年省级驻村工作队经费"`,
		`"南屯镇2023年省级<mark>驻村工作队</mark>经费"`, `"year":[{"value":"2023","count":4}]`,
		`"unit":[{"value":"南屯镇","count":3},{"value":"恶意镇","count":1}]`,
		// the hostile item's fragment: its markup escaped by the index, only <mark> is markup
		`恶意镇&lt;script&gt;alert(1)&lt;/script&gt;<mark>驻村工作队</mark>经费`} {
		if !strings.Contains(body, want) {
			t.Errorf("search JSON lacks %s:\n%s", want, body)
		}
	}

	// Bad parameters: 400 with a JSON error.
	for _, bad := range []string{"min_budget=abc", "min_budget=" + url.QueryEscape("约3万元"), "min_budget=10&max_budget=5",
		"year=abc", "year=-1", "size=1000", "size=0", "from=-3", "q=" + strings.Repeat("字", 300), "q=%ff%fe"} {
		w := f.get("/api/search?" + bad)
		e := decode[map[string]string](t, w.Body.Bytes())
		if w.Code != http.StatusBadRequest || e["error"] == "" {
			t.Errorf("%s: %d %s", bad, w.Code, w.Body)
		}
	}
}

func TestReportAPI(t *testing.T) {
	f := newFixture(t, Options{})
	type finding struct {
		Rule     string  `json:"rule"`
		Severity string  `json:"severity"`
		Key      string  `json:"key"`
		Expected *string `json:"expected"`
		Actual   *string `json:"actual"`
		Diff     *string `json:"diff"`
		Items    []int   `json:"items"`
		Span     []int   `json:"span"`
		Review   *struct {
			Decision, Note string
		} `json:"review"`
	}
	type report struct {
		ID     string `json:"id"`
		Report struct {
			Unit  string
			Year  int
			Items []struct {
				Seq  int
				Name string
			}
		} `json:"report"`
		Findings []finding `json:"findings"`
	}
	for _, ref := range []string{nantunID, "9175ea"} { // an id or a unique prefix
		w := f.get("/api/reports/" + ref)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", ref, w.Code, w.Body)
		}
		r := decode[report](t, w.Body.Bytes())
		if r.ID != nantunID || r.Report.Unit != "南屯镇" || r.Report.Year != 2023 || len(r.Report.Items) != 32 || len(r.Findings) != 12 {
			t.Fatalf("%s: id %s, %s %d, %d items, %d findings", ref, r.ID, r.Report.Unit, r.Report.Year, len(r.Report.Items), len(r.Findings))
		}
		tm := r.Findings[0]
		if tm.Rule != "total-mismatch" || tm.Key != "total-mismatch" || tm.Severity != "error" ||
			*tm.Expected != "937.131003" || *tm.Actual != "905.534931" || *tm.Diff != "-31.596072" || tm.Review != nil {
			t.Errorf("total-mismatch: %+v", tm)
		}
		if !slices.Equal(tm.Span, []int{1042, 1059}) {
			t.Errorf("total-mismatch span %v", tm.Span)
		}
	}

	// The text the spans index into.
	w := f.get("/api/reports/" + nantunID + "/text")
	tx := decode[textJSON](t, w.Body.Bytes())
	if w.Code != http.StatusOK || len(tx.Text) < 1059 || tx.Text[1042:1059] != "937.131003 万元" || len(tx.Pages) != 1 || tx.Pages[0] != (pageJSON{1, 0}) {
		t.Errorf("text: %d, pages %v", w.Code, tx.Pages)
	}

	// The list.
	w = f.get("/api/reports")
	list := decode[reportList](t, w.Body.Bytes())
	if list.Total != 6 || len(list.Reports) != 6 {
		t.Errorf("reports: %d of %d", len(list.Reports), list.Total)
	}
	w = f.get("/api/reports?unit=" + url.QueryEscape("南屯镇"))
	if list := decode[reportList](t, w.Body.Bytes()); list.Total != 1 || list.Reports[0].ID != nantunID ||
		list.Reports[0].StatedTotal.String() != "937.131003" || list.Reports[0].ItemsBudget.String() != "905.534931" {
		t.Errorf("reports of 南屯镇: %+v", list)
	}

	// Unknown and malformed ids.
	for target, status := range map[string]int{
		"/api/reports/ffffffffffff":      http.StatusNotFound,
		"/api/reports/ffffffffffff/text": http.StatusNotFound,
		"/api/reports/x":                 http.StatusBadRequest,
		"/api/reports/9175EAD8C52E":      http.StatusBadRequest,
		"/api/reports/917":               http.StatusBadRequest, // too short a prefix
		"/api/reports/..%2fx":            http.StatusBadRequest,
		"/api/reports/%2e%2e":            http.StatusBadRequest,
		"/api/nothing":                   http.StatusNotFound,
	} {
		w := f.get(target)
		if e := decode[map[string]string](t, w.Body.Bytes()); w.Code != status || e["error"] == "" {
			t.Errorf("%s: %d %s, want %d with a JSON error", target, w.Code, w.Body, status)
		}
	}
}

// decide posts a decision and returns the response.
func (f *fixture) decide(report, key, body string) *http.Request {
	return request(http.MethodPost, "/api/reports/"+report+"/findings/"+url.PathEscape(key)+"/decision", strings.NewReader(body))
}

func TestDecisionRoundTrip(t *testing.T) {
	f := newFixture(t, Options{})
	const note = "已核实：另有 8 个项目在其他科目列支"
	w := f.do(f.decide(nantunID, "total-mismatch", `{"decision":"dismissed","note":"`+note+`"}`))
	if w.Code != http.StatusOK {
		t.Fatalf("POST: %d %s", w.Code, w.Body)
	}
	d := decode[decisionJSON](t, w.Body.Bytes())
	if d.Report != nantunID || d.Key != "total-mismatch" || d.Review == nil || d.Review.Verdict != "dismissed" || d.Review.Note != note {
		t.Errorf("POST answer %+v", d)
	}
	// A key with items, and one whose report is named by a prefix.
	key := "claim-contradicted:17,18,2,15,16,21,24,25"
	if w := f.do(f.decide("9175ead8", key, `{"decision":"confirmed"}`)); w.Code != http.StatusOK {
		t.Fatalf("POST %s: %d %s", key, w.Code, w.Body)
	}

	// GET shows them.
	w = f.get("/api/reports/" + nantunID)
	r := decode[corpus.ReportView](t, w.Body.Bytes())
	if fd := r.Findings[0]; fd.Key != "total-mismatch" || fd.Review == nil || fd.Review.Verdict != "dismissed" || fd.Review.Note != note {
		t.Errorf("after POST: %+v %+v", fd, fd.Review)
	}
	if fd := r.Findings[1]; fd.Key != key || fd.Review == nil || fd.Review.Verdict != "confirmed" || fd.Review.Note != "" {
		t.Errorf("after POST: %+v", fd)
	}

	// Findings across the corpus by review state.
	counts := map[string]int{}
	for _, review := range []string{"", "pending", "confirmed", "dismissed"} {
		w := f.get("/api/findings?review=" + review)
		l := decode[findingList](t, w.Body.Bytes())
		if l.Total != len(l.Findings) {
			t.Errorf("review=%s: total %d, %d listed", review, l.Total, len(l.Findings))
		}
		counts[review] = l.Total
		if review == "dismissed" && (len(l.Findings) != 1 || l.Findings[0].Key != "total-mismatch" || l.Findings[0].Decision.Note != note) {
			t.Errorf("dismissed: %+v", l.Findings)
		}
	}
	// 17: among them the scoring notes of two tables (廊坊 8.62 → 9 as rounding, 青神's 10/60/30 split)
	if counts[""] != 17 || counts["pending"] != 15 || counts["confirmed"] != 1 || counts["dismissed"] != 1 {
		t.Errorf("findings by review state: %v", counts)
	}
	w = f.get("/api/findings?rule=underspent&severity=info&report=" + nantunID + "&size=2&from=1")
	if l := decode[findingList](t, w.Body.Bytes()); l.Total != 6 || len(l.Findings) != 2 || l.Findings[0].Key != "underspent:15" {
		t.Errorf("underspent page 2: %+v", l)
	}
	for _, bad := range []string{"severity=fatal", "review=maybe", "report=../x", "size=-1"} {
		if w := f.get("/api/findings?" + bad); w.Code != http.StatusBadRequest {
			t.Errorf("%s: %d", bad, w.Code)
		}
	}

	// The decision is in the export.
	w = f.get("/api/export?format=csv&table=findings")
	if !strings.Contains(w.Body.String(), "total-mismatch,total-mismatch,总额不符,错误") || !strings.Contains(w.Body.String(), "已排除,"+note) {
		t.Errorf("findings CSV lacks the decision:\n%s", w.Body)
	}

	// DELETE clears it.
	del := request(http.MethodDelete, "/api/reports/"+nantunID+"/findings/total-mismatch/decision", nil)
	del.Header.Set("Content-Type", "application/json")
	if w := f.do(del); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"review":null`) {
		t.Errorf("DELETE: %d %s", w.Code, w.Body)
	}
	if l := decode[findingList](t, f.get("/api/findings?review=dismissed").Body.Bytes()); l.Total != 0 {
		t.Errorf("after DELETE: %d dismissed", l.Total)
	}

	// Refused decisions.
	for _, tc := range []struct {
		name   string
		req    *http.Request
		status int
	}{
		{"unknown key", f.decide(nantunID, "total-mismatch#2", `{"decision":"confirmed"}`), http.StatusNotFound},
		{"malformed key", f.decide(nantunID, "total mismatch", `{"decision":"confirmed"}`), http.StatusBadRequest},
		{"unknown report", f.decide("ffffffffffff", "total-mismatch", `{"decision":"confirmed"}`), http.StatusNotFound},
		{"bad verdict", f.decide(nantunID, "total-mismatch", `{"decision":"maybe"}`), http.StatusBadRequest},
		{"no verdict", f.decide(nantunID, "total-mismatch", `{"note":"x"}`), http.StatusBadRequest},
		{"unknown field", f.decide(nantunID, "total-mismatch", `{"decision":"confirmed","by":"x"}`), http.StatusBadRequest},
		{"two objects", f.decide(nantunID, "total-mismatch", `{"decision":"confirmed"}{}`), http.StatusBadRequest},
		{"not JSON", f.decide(nantunID, "total-mismatch", `decision=confirmed`), http.StatusBadRequest},
		{"note too long", f.decide(nantunID, "total-mismatch", `{"decision":"dismissed","note":"`+strings.Repeat("长", 2001)+`"}`), http.StatusBadRequest},
		{"body too large", f.decide(nantunID, "total-mismatch", `{"decision":"dismissed","note":"`+strings.Repeat("x", 70<<10)+`"}`), http.StatusBadRequest},
		{"GET", request(http.MethodGet, "/api/reports/"+nantunID+"/findings/total-mismatch/decision", nil), http.StatusMethodNotAllowed},
	} {
		w := f.do(tc.req)
		if e := decode[map[string]string](t, w.Body.Bytes()); w.Code != tc.status || e["error"] == "" {
			t.Errorf("%s: %d %s, want %d", tc.name, w.Code, w.Body, tc.status)
		}
	}
	if l := decode[findingList](t, f.get("/api/findings?review=pending").Body.Bytes()); l.Total != 16 {
		t.Errorf("refused decisions changed something: %d pending", l.Total)
	}
}

func TestExportAPI(t *testing.T) {
	f := newFixture(t, Options{})
	w := f.get("/api/export?format=csv")
	lines := strings.Split(strings.TrimSpace(w.Body.String()), "\r\n")
	if w.Code != http.StatusOK || !strings.HasPrefix(lines[0], "\ufeff单位,年度,报告编号,序号,项目名称,预算数(万元)") || len(lines) != 1+42 {
		t.Fatalf("items CSV: %d, %d lines: %q", w.Code, len(lines), lines[0])
	}
	if !slices.ContainsFunc(lines, func(l string) bool {
		return strings.HasPrefix(l, `南屯镇,2023,"=""9175ead8c52e""",1,南屯镇2023年省级驻村工作队经费,24,24,全额,1,解决脱贫驻村工作队的经费需求，为百姓服务，解决当地百姓问题，继续为当地百姓群众服务,1,`) &&
			strings.HasSuffix(l, "nantun-2023.md")
	}) {
		t.Errorf("items CSV lacks item 1 of the reference report")
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="jixiao-items-`) || w.Header().Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Errorf("headers %v", w.Header())
	}
	w = f.get("/api/export?format=xlsx")
	if w.Code != http.StatusOK || !bytes.HasPrefix(w.Body.Bytes(), []byte("PK\x03\x04")) || !strings.HasSuffix(w.Header().Get("Content-Disposition"), `.xlsx"`) {
		t.Errorf("xlsx: %d %q", w.Code, w.Body.Bytes()[:min(4, w.Body.Len())])
	}
	w = f.get("/api/export?format=jsonl&unit=" + url.QueryEscape("南屯镇"))
	if n := strings.Count(w.Body.String(), "\n"); w.Code != http.StatusOK || n != 32+12 {
		t.Errorf("jsonl of 南屯镇: %d, %d lines", w.Code, n)
	}
	for _, bad := range []string{"", "format=pdf", "format=xlsx&table=items", "format=csv&table=x", "format=csv&year=x"} {
		if w := f.get("/api/export?" + bad); w.Code != http.StatusBadRequest || w.Header().Get("Content-Disposition") != "" {
			t.Errorf("%q: %d", bad, w.Code)
		}
	}
}

// TestConcurrentRequests: searches, pages and decisions at once on one store
// and index; every decision lands.
func TestConcurrentRequests(t *testing.T) {
	f := newFixture(t, Options{})
	keys := []string{"underspent:2", "underspent:15", "underspent:16", "underspent:21", "underspent:24", "underspent:25"}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for g, key := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5 {
				verdict := []string{"confirmed", "dismissed"}[(g+i)%2]
				body := fmt.Sprintf(`{"decision":%q,"note":"第 %d 轮"}`, verdict, i)
				if w := f.do(f.decide(nantunID, key, body)); w.Code != http.StatusOK {
					errs <- fmt.Sprintf("POST %s: %d", key, w.Code)
				}
				if w := f.get("/api/search?q=" + url.QueryEscape("经费")); w.Code != http.StatusOK {
					errs <- fmt.Sprintf("search: %d", w.Code)
				}
				if w := f.get("/reports/" + nantunID); w.Code != http.StatusOK {
					errs <- fmt.Sprintf("report page: %d", w.Code)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	l := decode[findingList](t, f.get("/api/findings?rule=underspent&report="+nantunID).Body.Bytes())
	for _, rf := range l.Findings {
		if rf.Decision == nil || rf.Decision.Note != "第 4 轮" {
			t.Errorf("%s: %+v", rf.Key, rf.Decision)
		}
	}
	if len(l.Findings) != 6 {
		t.Errorf("%d underspent findings", len(l.Findings))
	}
}
