package web

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// hostileTexts are what the hostile report holds; none may reach a page as markup.
var hostileTexts = []string{"<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "</textarea></mark><b>粗体</b>"}

// pageElements parses an HTML page and returns its elements' names with
// their attributes, and the text of every script element.
func pageElements(t *testing.T, page string) (elems []html.Token, scripts []string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	inScript := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			return elems, scripts
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			elems = append(elems, tok)
			inScript = tok.Data == "script"
		case html.TextToken:
			if inScript {
				scripts = append(scripts, string(z.Text()))
			}
		case html.EndTagToken:
			inScript = false
		}
	}
}

// checkPageSafe fails when page has markup it did not make itself: a script
// other than /static/app.js, inline script, an img, an event handler
// attribute, a style attribute (blocked by the CSP anyway) or a <b>.
func checkPageSafe(t *testing.T, target, page string) {
	t.Helper()
	elems, scripts := pageElements(t, page)
	nScripts := 0
	for _, e := range elems {
		switch e.Data {
		case "script":
			nScripts++
			if len(e.Attr) != 2 || e.Attr[0].Key != "src" || e.Attr[0].Val != "/static/app.js" || e.Attr[1].Key != "defer" {
				t.Errorf("%s: script %v", target, e)
			}
		case "img", "b", "iframe", "object", "embed":
			t.Errorf("%s: element %v from the document", target, e)
		}
		for _, a := range e.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
				t.Errorf("%s: attribute %s=%q on %s", target, a.Key, a.Val, e.Data)
			}
		}
	}
	if nScripts != 1 || strings.Join(scripts, "") != "" {
		t.Errorf("%s: %d scripts, inline %q", target, nScripts, scripts)
	}
}

func TestPagesEscapeDocumentText(t *testing.T) {
	f := newFixture(t, Options{})
	// A note with markup too.
	if w := f.do(f.decide(f.hostile, "not-disbursed:2", `{"decision":"dismissed","note":"<img src=x onerror=alert(3)>"}`)); w.Code != http.StatusOK {
		t.Fatal(w.Code, w.Body)
	}
	q := url.QueryEscape
	pages := []struct {
		target string
		want   []string // escaped forms the page must show
	}{
		{"/", []string{"恶意镇2023年部门年度绩效自评工作报告"}},
		{"/?q=" + q("驻村工作队"), []string{"恶意镇&lt;script&gt;alert(1)&lt;/script&gt;<mark>驻村工作队</mark>经费",
			"解决<mark>驻村工作队</mark>的经费需求&lt;img src=x onerror=alert(2)&gt;"}},
		{"/?q=" + q("<script>alert(1)</script>"), nil},
		{"/?q=" + q("粗体"), []string{"&lt;/mark&gt;&lt;b&gt;<mark>粗体</mark>&lt;/b&gt;测试"}},
		// the document's own "&amp;" shows as written: &amp;amp; in the page
		{"/?q=" + q("符号"), []string{"恶意镇&#34;引号&#39;与&amp;amp;<mark>符号</mark>&#34;经费"}},
		{"/?unit=" + q("<script>"), nil},
		{"/reports", nil},
		{"/reports/" + f.hostile, []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
			"&lt;/textarea&gt;&lt;/mark&gt;&lt;b&gt;粗体&lt;/b&gt;", "&lt;img src=x onerror=alert(3)&gt;"}},
		{"/reports/" + f.hostile + "?finding=not-disbursed:2", []string{`data-targets="f1 i2"`}},
		{"/reports/" + f.hostile + "?item=1&finding=" + q(`"><script>`), nil},
		{"/findings", []string{"第 2 项「恶意镇&lt;img src=x onerror=alert(2)&gt;防汛经费」", "&lt;img src=x onerror=alert(3)&gt;"}},
		{"/findings?rule=" + q("<script>"), nil},
		{"/nowhere/%3Cscript%3E", nil},
	}
	for _, p := range pages {
		w := f.get(p.target)
		body := w.Body.String()
		if w.Header().Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("%s: content type %q", p.target, w.Header().Get("Content-Type"))
		}
		for _, h := range hostileTexts {
			if strings.Contains(body, h) {
				t.Errorf("%s: page holds %q as markup", p.target, h)
			}
		}
		for _, want := range p.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s: page lacks %s", p.target, want)
			}
		}
		checkPageSafe(t, p.target, body)
	}
	// The report's text pane holds the document text exactly, as text.
	doc, err := f.store.Document(context.Background(), f.hostile)
	if err != nil {
		t.Fatal(err)
	}
	page := f.get("/reports/" + f.hostile).Body.String()
	if got := paneText(t, page); got != doc.Text {
		t.Errorf("text pane:\n%q\nwant\n%q", got, doc.Text)
	}
}

// paneText is the text of the element with id doc-text, page marks aside.
func paneText(t *testing.T, page string) string {
	t.Helper()
	n, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var find func(*html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		for _, a := range n.Attr {
			if a.Key == "id" && a.Val == "doc-text" {
				return n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if m := find(c); m != nil {
				return m
			}
		}
		return nil
	}
	pane := find(n)
	if pane == nil {
		t.Fatal("no #doc-text")
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data != "span" {
			t.Errorf("element %s in the text pane", n.Data)
		}
		for _, a := range n.Attr {
			if a.Key == "class" && a.Val == "page-mark" {
				return
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for c := pane.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	return b.String()
}

func TestPathsNeverReachTheDisk(t *testing.T) {
	f := newFixture(t, Options{})
	// Files a traversal would find: beside and above the corpus.
	secret := "TOPSECRET-" + strconv.Itoa(os.Getpid())
	os.WriteFile(filepath.Join(f.dir, "secret.txt"), []byte(secret), 0o644)
	os.WriteFile(filepath.Join(filepath.Dir(f.dir), "secret.txt"), []byte(secret), 0o644)
	targets := []string{
		"/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
		"/static/../corpus.db", "/static/..%2fcorpus.db", "/static/%2e%2e/corpus.db", "/static/%2e%2e%2fcorpus.db",
		"/static/.%2e/secret.txt", "/static/..%5csecret.txt", "/static/..\\secret.txt", "/static/app.css/../../secret.txt",
		"/static//etc/passwd", "/static/%00", "/static/", "/static/.", "/static/corpus.db", "/static/secret.txt",
		"/static/layout.html", "/static/templates/layout.html", "/corpus.db", "/secret.txt", "/index/index_meta.json",
		"/reports/../corpus.db", "/reports/..%2f..%2fetc%2fpasswd", "/reports/%2e%2e", "/reports/secret.txt",
		"/api/reports/../x", "/api/reports/..%2fx", "/api/reports/%2e%2e%2fx/text", "/api/reports/x/../../corpus.db",
		"/api/reports/" + nantunID + "/../../../corpus.db", "/api/export/../../corpus.db", "//etc/passwd",
		"/api/export?format=csv&path=../corpus.db",
	}
	for _, target := range targets {
		w := f.get(target)
		body := w.Body.String()
		if target == "/api/export?format=csv&path=../corpus.db" {
			// parameters other than the known ones are ignored: an export, never a file
			if w.Code != http.StatusOK || strings.Contains(body, secret) || strings.Contains(body, "SQLite format 3") {
				t.Errorf("%s: %d", target, w.Code)
			}
			continue
		}
		if w.Code != http.StatusBadRequest && w.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 400 or 404", target, w.Code)
		}
		for _, leak := range []string{secret, "SQLite format 3", "root:x:", "{{define", "index_meta"} {
			if strings.Contains(body, leak) {
				t.Errorf("%s: answer holds %q", target, leak)
			}
		}
	}

	// The same over a real connection, bytes as a client may send them.
	ts := httptest.NewServer(f.srv)
	defer ts.Close()
	for _, target := range []string{"/../../etc/passwd", "/static/../corpus.db", "/static/%2e%2e/corpus.db", "/api/reports/../x"} {
		status, body := rawGet(t, ts.Listener.Addr().String(), target)
		if (status != 400 && status != 404) || strings.Contains(body, "SQLite format 3") || strings.Contains(body, "root:x:") {
			t.Errorf("raw %s: %d", target, status)
		}
	}
}

// rawGet sends a request line as written, with no client cleaning the path.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestNoFileAccess: the package reads no file at run time; assets come only
// from embed.FS. A change that brings in os, filepath or http's file
// servers must be looked at for traversal.
func TestNoFileAccess(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			switch p, _ := strconv.Unquote(imp.Path.Value); p {
			case "os", "io/ioutil", "path/filepath", "os/exec", "syscall":
				t.Errorf("%s imports %s", name, p)
			}
		}
		for _, call := range []string{"http.Dir(", "http.FileServer", "http.ServeFile", "http.FS(", "http.FileServerFS"} {
			if strings.Contains(string(src), call) {
				t.Errorf("%s uses %s", name, call)
			}
		}
	}
}

func TestCheckAddr(t *testing.T) {
	for _, tc := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true},
		{"127.0.0.2:0", "", true},
		{"localhost:8080", "", true},
		{"[::1]:8080", "", true},
		{"0.0.0.0:8080", "", false},
		{":8080", "", false},
		{"[::]:8080", "", false},
		{"192.168.1.5:80", "", false},
		{"example.com:80", "", false},
		{"0.0.0.0:8080", "s3cret", true},
		{":8080", "s3cret", true},
		{"8080", "", false},
	} {
		err := CheckAddr(tc.addr, tc.token)
		if (err == nil) != tc.ok {
			t.Errorf("CheckAddr(%q, %q) = %v", tc.addr, tc.token, err)
		}
		if !tc.ok && strings.Contains(tc.addr, ":") && tc.token == "" && !errors.Is(err, ErrTokenRequired) {
			t.Errorf("CheckAddr(%q): %v, want ErrTokenRequired", tc.addr, err)
		}
	}
}

func TestToken(t *testing.T) {
	const tok = "s3cret-Token"
	f := newFixture(t, Options{Token: tok})
	bearer := func(target, value string) *httptest.ResponseRecorder {
		r := request(http.MethodGet, target, nil)
		r.Host = "192.168.1.5:8080" // any host: the token is what counts
		if value != "" {
			r.Header.Set("Authorization", value)
		}
		return f.do(r)
	}
	for _, target := range []string{"/", "/api/reports", "/static/app.js", "/reports/" + nantunID, "/findings", "/api/export?format=csv"} {
		if w := bearer(target, ""); w.Code != http.StatusUnauthorized || strings.Contains(w.Body.String(), "南屯镇") {
			t.Errorf("%s without token: %d", target, w.Code)
		}
		for _, wrong := range []string{"Bearer wrong", "Bearer " + tok + "x", "Bearer " + tok[:5], "Basic " + tok, tok} {
			if w := bearer(target, wrong); w.Code != http.StatusUnauthorized {
				t.Errorf("%s with %q: %d", target, wrong, w.Code)
			}
		}
		if w := bearer(target, "Bearer "+tok); w.Code != http.StatusOK {
			t.Errorf("%s with the token: %d", target, w.Code)
		}
	}
	w := bearer("/api/reports", "")
	if e := decode[map[string]string](t, w.Body.Bytes()); e["error"] == "" || w.Header().Get("WWW-Authenticate") == "" {
		t.Errorf("401 of the API: %s %v", w.Body, w.Header())
	}

	// /?token=T sets the cookie and takes the token out of the address.
	w = bearer("/findings?review=pending&token="+tok, "")
	cookies := w.Result().Cookies()
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/findings?review=pending" || len(cookies) != 1 ||
		cookies[0].Name != tokenCookie || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("/?token: %d %v %v", w.Code, w.Header(), cookies)
	}
	r := request(http.MethodGet, "/findings?review=pending", nil)
	r.AddCookie(cookies[0])
	if w := f.do(r); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "总额不符") {
		t.Errorf("with the cookie: %d", w.Code)
	}
	r = request(http.MethodGet, "/", nil)
	r.AddCookie(&http.Cookie{Name: tokenCookie, Value: "wrong"})
	if w := f.do(r); w.Code != http.StatusUnauthorized {
		t.Errorf("wrong cookie: %d", w.Code)
	}
	if w := bearer("/?token=wrong", ""); w.Code != http.StatusUnauthorized || len(w.Result().Cookies()) != 0 {
		t.Errorf("wrong ?token: %d", w.Code)
	}
	// A decision with the token still needs JSON and the same origin.
	post := f.decide(nantunID, "total-mismatch", `{"decision":"confirmed"}`)
	post.Header.Set("Authorization", "Bearer "+tok)
	if w := f.do(post); w.Code != http.StatusOK {
		t.Errorf("POST with the token: %d %s", w.Code, w.Body)
	}
}

func TestHostAndOrigin(t *testing.T) {
	f := newFixture(t, Options{})
	for host, status := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "localhost": 200,
		"evil.example:8080": 403, "evil.example": 403, "192.168.1.5:8080": 403, "": 403,
	} {
		r := request(http.MethodGet, "/api/reports", nil)
		r.Host = host
		if w := f.do(r); w.Code != status {
			t.Errorf("Host %q: %d, want %d", host, w.Code, status)
		}
	}
	for _, tc := range []struct {
		name   string
		header map[string]string
		status int
	}{
		{"same origin", map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1:8080"}, 200},
		{"cross site", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, 403},
		{"other origin", map[string]string{"Origin": "https://evil.example"}, 403},
		{"form", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415},
		{"text", map[string]string{"Content-Type": "text/plain"}, 415},
		{"none", map[string]string{"Content-Type": ""}, 415},
		{"json with charset", map[string]string{"Content-Type": "application/json; charset=utf-8"}, 200},
	} {
		r := f.decide(nantunID, "total-mismatch", `{"decision":"confirmed"}`)
		for k, v := range tc.header {
			r.Header.Set(k, v)
		}
		if w := f.do(r); w.Code != tc.status {
			t.Errorf("%s: %d %s, want %d", tc.name, w.Code, w.Body, tc.status)
		}
	}
}

func TestHeaders(t *testing.T) {
	f := newFixture(t, Options{})
	for _, target := range []string{"/", "/reports/" + nantunID, "/api/reports", "/static/app.css", "/nowhere", "/../x", "/api/export?format=csv"} {
		h := f.get(target).Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %s", target, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", target, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", target, h)
		}
	}
	// Static files by exact name, with their type and a validator.
	w := f.get("/static/app.js")
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "text/javascript; charset=utf-8" || !strings.Contains(w.Body.String(), "textContent") {
		t.Fatalf("app.js: %d %v", w.Code, w.Header())
	}
	r := request(http.MethodGet, "/static/app.js", nil)
	r.Header.Set("If-None-Match", w.Header().Get("ETag"))
	if w := f.do(r); w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: %d", w.Code)
	}
	if w := f.do(request(http.MethodPost, "/api/search", strings.NewReader("{}"))); w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET" {
		t.Errorf("POST /api/search: %d %v", w.Code, w.Header())
	}
}
