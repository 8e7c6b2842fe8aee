package web

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/corpus"
)

// TestBulkDecisions: a reviewer names themself once (a cookie), then
// dismisses every pending underspent finding of the reference report's unit
// in one request by the list's filter; each decision carries the name and a
// line in the audit trail.
func TestBulkDecisions(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	filter := "unit=%3D南屯镇&year=2023&rule=underspent&review=pending"
	pending, err := f.store.CountFindings(ctx, corpus.FindingFilter{Unit: "南屯镇", UnitExact: true, Year: 2023, Rule: "underspent", Review: corpus.ReviewPending})
	if err != nil || pending == 0 {
		t.Fatalf("pending underspent: %d %v", pending, err)
	}
	// No name yet: refused.
	body := `{"decision":"dismissed","note":"已结转下年","filter":"` + filter + `"}`
	if w := f.do(request(http.MethodPost, "/api/decisions", strings.NewReader(body))); w.Code != http.StatusBadRequest ||
		!strings.Contains(w.Body.String(), "审核人") {
		t.Fatalf("without a name: %d %s", w.Code, w.Body)
	}
	w := f.do(request(http.MethodPost, "/api/reviewer", strings.NewReader(`{"name":"张三"}`)))
	if w.Code != http.StatusOK {
		t.Fatalf("reviewer: %d %s", w.Code, w.Body)
	}
	cookie := w.Result().Cookies()[0]
	r := request(http.MethodPost, "/api/decisions", strings.NewReader(body))
	r.AddCookie(cookie)
	w = f.do(r)
	var got struct {
		Applied int    `json:"applied"`
		Author  string `json:"author"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != http.StatusOK || got.Applied != pending || got.Author != "张三" {
		t.Fatalf("bulk dismiss: %d %s (want %d applied)", w.Code, w.Body, pending)
	}
	rows, err := f.store.Findings(ctx, corpus.FindingFilter{Unit: "南屯镇", Rule: "underspent"})
	if err != nil {
		t.Fatal(err)
	}
	for _, rf := range rows {
		if rf.Decision == nil || rf.Decision.Verdict != corpus.Dismissed || rf.Decision.Author != "张三" || rf.Decision.Note != "已结转下年" {
			t.Errorf("%s %s: %+v", rf.ReportID, rf.Key, rf.Decision)
		}
	}
	// The page lists them as dismissed, by 张三; the pending filter is empty.
	page := request(http.MethodGet, "/findings?"+filter, nil)
	page.AddCookie(cookie)
	if w := f.do(page); !strings.Contains(w.Body.String(), "没有符合条件的问题") {
		t.Errorf("pending list after the decision:\n%.2000s", w.Body)
	}
	page = request(http.MethodGet, "/findings?unit=%3D南屯镇&rule=underspent&review=dismissed", nil)
	page.AddCookie(cookie)
	if w := f.do(page); !strings.Contains(w.Body.String(), `<div class="muted small author">张三</div>`) || !strings.Contains(w.Body.String(), `value="张三"`) {
		t.Errorf("dismissed list:\n%.3000s", w.Body)
	}
	// One by one: confirm one, clear it; the trail has all three.
	key := rows[0].Key
	one := request(http.MethodPost, "/api/decisions", strings.NewReader(`{"decision":"confirmed","note":"复核","findings":[{"report":"`+nantunID+`","key":"`+key+`"}]}`))
	one.AddCookie(cookie)
	if w := f.do(one); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"applied":1`) {
		t.Fatalf("one: %d %s", w.Code, w.Body)
	}
	clear := request(http.MethodPost, "/api/decisions", strings.NewReader(`{"decision":"clear","findings":[{"report":"`+nantunID+`","key":"`+key+`"}]}`))
	clear.AddCookie(cookie)
	if w := f.do(clear); w.Code != http.StatusOK {
		t.Fatalf("clear: %d %s", w.Code, w.Body)
	}
	log, err := f.store.ReviewLog(ctx, nantunID)
	if err != nil {
		t.Fatal(err)
	}
	var trail []string
	for _, e := range log[key] {
		trail = append(trail, e.Author+":"+string(e.Action)+":"+e.Note)
	}
	if strings.Join(trail, " ") != "张三:dismissed:已结转下年 张三:confirmed:复核 张三:cleared:" {
		t.Errorf("trail of %s: %v", key, trail)
	}
	// A finding that is not there fails the whole request.
	bad := request(http.MethodPost, "/api/decisions", strings.NewReader(`{"decision":"confirmed","findings":[{"report":"`+nantunID+`","key":"`+key+`"},{"report":"`+nantunID+`","key":"no-such-rule"}]}`))
	bad.AddCookie(cookie)
	if w := f.do(bad); w.Code != http.StatusNotFound {
		t.Errorf("a missing finding: %d %s", w.Code, w.Body)
	}
	if ds, _ := f.store.Decisions(ctx, nantunID); ds[key].Verdict != "" {
		t.Errorf("the request that failed left a decision: %+v", ds[key])
	}
}

// With reviewers' tokens the name comes from the token and cannot be changed.
func TestReviewerTokens(t *testing.T) {
	revs, err := ReadReviewers(strings.NewReader("# 审核人\n张三 zhangsan-0123456789abcdef\n李四\tlisi-0123456789abcdef\n"))
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, Options{Reviewers: revs})
	post := func(token, path, body string) (int, string) {
		r := request(http.MethodPost, path, strings.NewReader(body))
		if token != "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		w := f.do(r)
		return w.Code, w.Body.String()
	}
	if code, _ := post("", "/api/decisions", `{"decision":"confirmed","filter":"rule=total-mismatch"}`); code != http.StatusUnauthorized {
		t.Errorf("without a token: %d", code)
	}
	if code, body := post("lisi-0123456789abcdef", "/api/decisions", `{"decision":"confirmed","note":"核实","filter":"rule=total-mismatch&unit=%3D南屯镇"}`); code != http.StatusOK ||
		!strings.Contains(body, `"author":"李四"`) {
		t.Errorf("李四's token: %d %s", code, body)
	}
	if code, _ := post("lisi-0123456789abcdef", "/api/reviewer", `{"name":"王五"}`); code != http.StatusConflict {
		t.Errorf("renaming under a reviewer's token: %d", code)
	}
	ds, _ := f.store.Decisions(context.Background(), nantunID)
	if d := ds["total-mismatch"]; d.Author != "李四" || d.Verdict != corpus.Confirmed {
		t.Errorf("decision: %+v", d)
	}
}

func TestReadReviewers(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{"张三 short", "令牌过短"},
		{"张三 a-long-enough-token-1\n张三 a-long-enough-token-2", "重复"},
		{"张三 a-long-enough-token-1\n李四 a-long-enough-token-1", "重复"},
		{"张 三 a-long-enough-token-1", "姓名 令牌"},
		{"# nobody\n\n", "没有审核人"},
		{"张三\x01 a-long-enough-token-1", "不可见"},
	} {
		if _, err := ReadReviewers(strings.NewReader(tc.in)); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ReadReviewers(%q) = %v, want %q", tc.in, err, tc.err)
		}
	}
}

// FuzzReadReviewers: any bytes are refused with an error or give reviewers
// with valid names and long, distinct tokens.
func FuzzReadReviewers(f *testing.F) {
	f.Add([]byte("张三 zhangsan-0123456789abcdef\n"))
	f.Add([]byte("# c\n李四\tlisi-0123456789abcdef\r\n王五 wangwu-0123456789abcdef"))
	f.Fuzz(func(t *testing.T, b []byte) {
		revs, err := ReadReviewers(strings.NewReader(string(b)))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, r := range revs {
			if checkReviewerName(r.Name) != nil || len(r.Token) < minReviewerToken || seen[r.Token] {
				t.Fatalf("accepted %q: %+v", b, r)
			}
			seen[r.Token] = true
		}
	})
}

// TestCoveragePage: the unit × year matrix, a year a unit sent nothing
// standing out, cells linking to the lists.
func TestCoveragePage(t *testing.T) {
	f := newFixture(t, Options{})
	cv, err := f.store.Coverage(context.Background(), corpus.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	c, ok := cv.Cells["南屯镇"][2023]
	if !ok || c.Reports != 1 || c.Errors == 0 || c.Pending == 0 {
		t.Errorf("南屯镇 2023: %+v %v", c, ok)
	}
	if len(cv.Years) < 2 || cv.Years[len(cv.Years)-1]-cv.Years[0] != len(cv.Years)-1 {
		t.Errorf("years %v: not every year from the first to the last", cv.Years)
	}
	w := f.get("/coverage")
	body := w.Body.String()
	for _, want := range []string{`href="/reports?unit=%3D%E5%8D%97%E5%B1%AF%E9%95%87&amp;year=2023"`, "未收到", "待审"} {
		if w.Code != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("/coverage (%d) lacks %s", w.Code, want)
		}
	}
}

// TestOpinionPage: the review opinion of one report, its findings under
// what was decided, with the figures and who decided.
func TestOpinionPage(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	if _, err := f.store.Review(ctx, []corpus.FindingRef{{Report: nantunID, Key: "total-mismatch"}},
		corpus.Action{Verdict: corpus.Confirmed, Note: "所述总额与项目合计不符", Author: "张三"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Review(ctx, []corpus.FindingRef{{Report: nantunID, Key: "underspent:2"}},
		corpus.Action{Verdict: corpus.Dismissed, Note: "结转", Author: "李四"}); err != nil {
		t.Fatal(err)
	}
	w := f.get("/opinion?report=" + nantunID)
	body := w.Body.String()
	for _, want := range []string{"关于南屯镇绩效自评报告的审核意见", "一、经审核确认的问题（1 条）", "二、尚待核实的问题",
		"附：已排除的事项（1 条）", "937.131003", "905.534931", "−31.596072", "已确认：所述总额与项目合计不符", "张三", "已排除：结转", "李四"} {
		if w.Code != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("/opinion (%d) lacks %q", w.Code, want)
		}
	}
	if i, j := strings.Index(body, "经审核确认的问题"), strings.Index(body, "尚待核实的问题"); i < 0 || j < i {
		t.Error("confirmed problems do not come first")
	}
}

// TestCopiesOnThePage: the same report received twice (other bytes, the
// same figures) is one report in the list, whose page names both files;
// the copy's page says whose copy it is.
func TestCopiesOnThePage(t *testing.T) {
	text, err := os.ReadFile(referenceReport)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a", "nantun.md"), filepath.Join(dir, "b", "nantun-print.txt")
	for p, data := range map[string]string{a: string(text), b: string(text) + "\n\n（打印件）\n"} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f := newFixtureOf(t, Options{}, filepath.Join(dir, "a"), filepath.Join(dir, "b"))
	ctx := context.Background()
	list, err := f.store.List(ctx, corpus.Filter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("listed %d reports (%v), want 1", len(list), err)
	}
	files, err := f.store.Files(ctx, list[0].ID)
	if err != nil || len(files) != 2 {
		t.Fatalf("files %+v %v", files, err)
	}
	page := f.get("/reports/" + list[0].ID).Body.String()
	if !strings.Contains(page, "同一报告共收到 2 个文件") || !strings.Contains(page, "nantun-print.txt") {
		t.Errorf("the report's page does not name both files")
	}
	copyPage := f.get("/reports/" + files[1].Report).Body.String()
	if !strings.Contains(copyPage, "的另一份文件") || !strings.Contains(copyPage, `href="/reports/`+list[0].ID+`"`) {
		t.Errorf("the copy's page does not say whose copy it is")
	}
}
