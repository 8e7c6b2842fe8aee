package web

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/jixiao/jixiao/corpus"
)

// chromiumPath is Debian's chromium; CI installs it and sets
// JIXIAO_REQUIRE_BROWSER=1 so that its absence fails instead of skipping.
const chromiumPath = "/usr/bin/chromium"

// pageEvents records what a page did that a test must see: dialogs (an
// alert would be a script from a document) and uncaught exceptions.
type pageEvents struct {
	mu         sync.Mutex
	dialogs    []string
	exceptions []string
}

func (e *pageEvents) check(t *testing.T) {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.dialogs) > 0 {
		t.Errorf("dialogs opened: %q", e.dialogs)
	}
	if len(e.exceptions) > 0 {
		t.Errorf("script exceptions: %q", e.exceptions)
	}
}

// browser starts a headless Chromium with a fresh profile for one test.
func browser(t *testing.T) (context.Context, *pageEvents) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("JIXIAO_REQUIRE_BROWSER") == "1" {
			t.Fatalf("JIXIAO_REQUIRE_BROWSER=1 but no browser: %v", err)
		}
		t.Skipf("no %s (apt-get install -y chromium); JIXIAO_REQUIRE_BROWSER=1 makes this a failure", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", chromiumPath, err)
	}

	ev := &pageEvents{}
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	go func() {
		for d, err := range dialogs {
			if err != nil {
				return
			}
			ev.mu.Lock()
			ev.dialogs = append(ev.dialogs, d.Message)
			ev.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	go func() {
		for x, err := range exceptions {
			if err != nil {
				return
			}
			msg := x.ExceptionDetails.Text
			if e := x.ExceptionDetails.Exception; e != nil {
				msg += " " + e.Description
			}
			ev.mu.Lock()
			ev.exceptions = append(ev.exceptions, msg)
			ev.mu.Unlock()
		}
	}()
	return ctx, ev
}

// do runs the actions and fails the test on an error.
func do(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// get runs one action and returns its value, failing the test on an error.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// eval evaluates a script in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return get(t, ctx, chromedp.Evaluate[T](expr))
}

// textOf is the text of the first element matching a CSS selector.
func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return get(t, ctx, chromedp.Text(chromedp.CSS(sel)))
}

// textsOf are the text contents of every element matching a CSS selector.
func textsOf(t *testing.T, ctx context.Context, sel string) []string {
	t.Helper()
	return eval[[]string](t, ctx, "Array.from(document.querySelectorAll(`"+sel+"`)).map(e => e.textContent)")
}

// inPane is a script: whether the first element matching a selector lies
// wholly within the visible part of the text pane.
func inPane(selector string) string {
	return `(() => {
		const pane = document.getElementById('doc-text').getBoundingClientRect();
		const e = document.querySelector(` + "`" + selector + "`" + `);
		if (!e) return false;
		const r = e.getBoundingClientRect();
		return r.top >= pane.top && r.bottom <= pane.bottom;
	})()`
}

// TestBrowserReview drives the pages in a real browser: search, open the
// reference report, select a finding's evidence, dismiss a finding with a
// note, restart the server, see the decision again; and a report holding
// markup shows it as text.
func TestBrowserReview(t *testing.T) {
	ctx, events := browser(t)
	f := newFixture(t, Options{})
	base, stop := f.serving(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	// Search.
	do(t, ctx, "search",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(css("#q")),
		chromedp.SendKeys(css("#q"), "驻村工作队"),
		chromedp.Submit(css("#q")),
		chromedp.WaitVisible(css(".hit")),
	)
	titles, marks := textsOf(t, ctx, ".hit-title"), textsOf(t, ctx, ".hit mark")
	for _, want := range []string{"1南屯镇2023年省级驻村工作队经费", "6南屯镇2023年县级工作队经费", "10南屯镇2021年市级驻村工作队经费",
		"1恶意镇<script>alert(1)</script>驻村工作队经费"} {
		if !slices.Contains(titles, want) {
			t.Errorf("hits %q lack %q", titles, want)
		}
	}
	if len(titles) != 4 || len(marks) < 4 || slices.ContainsFunc(marks, func(m string) bool { return m != "驻村工作队" }) {
		t.Errorf("hits %q, marks %q", titles, marks)
	}

	// Open the reference report from its first hit: item 1 is selected.
	do(t, ctx, "open report",
		chromedp.Click(css(`a.hit-title[href="/reports/`+nantunID+`?item=1"]`)),
		chromedp.WaitVisible(css(`tr.record.selected`)),
	)
	loc := get(t, ctx, chromedp.Location())
	if item := textOf(t, ctx, `tr.record.selected td.name`); item != "南屯镇2023年省级驻村工作队经费" || !strings.HasSuffix(loc, "/reports/"+nantunID+"?item=1") {
		t.Errorf("selected item %q at %s", item, loc)
	}

	// The items tab is shown; switch to the findings.
	if visible := eval[bool](t, ctx, `document.getElementById('findings').offsetParent !== null`); visible {
		t.Error("findings shown while an item is selected")
	}
	do(t, ctx, "findings tab", chromedp.Click(css(`.section-tabs a[data-tab="findings"]`)),
		chromedp.WaitVisible(css(`.finding[data-key="total-mismatch"]`)))
	figures := textOf(t, ctx, `.finding[data-key="total-mismatch"] .figures`)
	if !strings.Contains(figures, "937.131003") || !strings.Contains(figures, "905.534931") || !strings.Contains(figures, "−31.596072") {
		t.Errorf("total-mismatch figures %q", figures)
	}

	// Scroll the text away, click the finding: its evidence is marked and in view.
	eval[chromedp.Void](t, ctx, `document.getElementById('doc-text').scrollTop = 1e7`)
	before := eval[bool](t, ctx, inPane(`.seg[data-targets~="f0"]`))
	do(t, ctx, "select evidence",
		chromedp.Click(css(`.finding[data-key="total-mismatch"] .message`)),
		chromedp.WaitVisible(css(`.finding.selected[data-key="total-mismatch"] form.decide`)),
	)
	after := eval[bool](t, ctx, inPane(`.seg.active`))
	if before || !after {
		t.Errorf("evidence in view before the click: %v, after: %v", before, after)
	}
	if active := textsOf(t, ctx, ".seg.active"); strings.Join(active, "") != "937.131003 万元" {
		t.Errorf("marked evidence %q, want the stated total", active)
	}
	if loc := get(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, "?finding=total-mismatch") {
		t.Errorf("address after selecting: %s", loc)
	}
	// A finding on an item marks its listing too.
	do(t, ctx, "select items", chromedp.Click(css(`.finding[data-key="not-disbursed:17"] .message`)))
	if got := strings.Join(textsOf(t, ctx, ".seg.active"), ""); got != "17. 南屯镇农村环境治理：预算资金 2 万元，未拨付。" {
		t.Errorf("evidence of not-disbursed:17: %q", got)
	}

	// Dismiss a finding with a note (markup in it stays text).
	const note = "已核实：次年补拨 <img src=x onerror=alert(3)>"
	card := `.finding[data-key="underspent:2"]`
	do(t, ctx, "dismiss",
		chromedp.Click(css(card+` .message`)),
		chromedp.WaitVisible(css(card+` textarea`)),
		chromedp.SendKeys(css(card+` textarea`), note),
		chromedp.Click(css(card+` button[value="dismissed"]`)),
		chromedp.WaitVisible(css(card+` .status.ok`)),
	)
	badge, shown := textOf(t, ctx, card+` .review-slot`), textOf(t, ctx, card+` .note-text`)
	if imgs := eval[int](t, ctx, `document.querySelectorAll('img').length`); badge != "已排除" || shown != note || imgs != 0 {
		t.Errorf("after dismissing: badge %q, note %q, %d img", badge, shown, imgs)
	}
	if d, err := f.store.Decisions(context.Background(), nantunID); err != nil || d["underspent:2"].Verdict != corpus.Dismissed || d["underspent:2"].Note != note {
		t.Errorf("stored decisions %+v %v", d, err)
	}

	// Restart: close the server, the store and the index; open them again.
	if err := stop(); err != nil {
		t.Fatalf("stopping: %v", err)
	}
	f.close()
	f.open(Options{})
	base, _ = f.serving(t)
	do(t, ctx, "after restart", chromedp.Navigate(base+"/reports/"+nantunID), chromedp.WaitVisible(css(card)))
	if badge, shown := textOf(t, ctx, card+` .review-slot`), get(t, ctx, chromedp.TextContent(css(card+` .note-text`))); badge != "已排除" || shown != note {
		t.Errorf("after restart: badge %q, note %q", badge, shown)
	}
	do(t, ctx, "findings after restart", chromedp.Navigate(base+"/findings?review=dismissed"), chromedp.WaitVisible(css(`.findings-table`)))
	if rows := textsOf(t, ctx, ".findings-table tbody tr"); len(rows) != 1 || !strings.Contains(rows[0], "underspent:2") || !strings.Contains(rows[0], note) {
		t.Errorf("dismissed findings after restart: %q", rows)
	}

	// The report with markup in its text: shown as text, nothing runs.
	do(t, ctx, "hostile report", chromedp.Navigate(base+"/reports/"+f.hostile), chromedp.WaitVisible(css(`#doc-text`)),
		chromedp.Click(css(`.section-tabs a[data-tab="items"]`)), chromedp.WaitVisible(css(`#items`)))
	paneHasScript := eval[bool](t, ctx, `document.getElementById('doc-text').textContent.includes('<script>alert(1)</script>')`)
	itemsHaveImg := eval[bool](t, ctx, `document.getElementById('items').textContent.includes('<img src=x onerror=alert(2)>')`)
	scripts := eval[[]string](t, ctx, `Array.from(document.scripts).map(s => s.getAttribute('src') || s.textContent)`)
	foreign := eval[int](t, ctx, `document.querySelectorAll('img, b, iframe').length`)
	if !paneHasScript || !itemsHaveImg || foreign != 0 || !slices.Equal(scripts, []string{"/static/app.js"}) {
		t.Errorf("hostile report: pane has <script> as text %v, items have <img> as text %v, %d elements from the text, scripts %q",
			paneHasScript, itemsHaveImg, foreign, scripts)
	}
	do(t, ctx, "hostile evidence", chromedp.Click(css(`.section-tabs a[data-tab="findings"]`)),
		chromedp.Click(css(`.finding[data-key="not-disbursed:2"] .message`)))
	if got := strings.Join(textsOf(t, ctx, ".seg.active"), ""); got != "2. 恶意镇<img src=x onerror=alert(2)>防汛经费：预算金额10万元，未拨付。" {
		t.Errorf("hostile evidence %q", got)
	}
	do(t, ctx, "hostile hits",
		chromedp.Navigate(base+"/?q="+"驻村工作队"),
		chromedp.WaitVisible(css(".hit")),
		chromedp.Sleep(300*time.Millisecond), // an onerror would have fired by now
	)
	if n := eval[int](t, ctx, `document.querySelectorAll('img, b, iframe').length + document.scripts.length`); n != 1 {
		t.Errorf("search page: %d scripts and elements, want only app.js", n)
	}

	// The charts: drawn, with the figures on the bars.
	do(t, ctx, "charts", chromedp.Navigate(base+"/charts?unit=%3D南屯镇"), chromedp.WaitVisible(css(`#chart-unit-budget rect.bar`)))
	bars := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#chart-unit-budget rect.bar')).map(r =>
		r.dataset.series + '=' + r.dataset.value + ':' + (r.getBoundingClientRect().height > 10))`)
	if !slices.Equal(bars, []string{"预算数=905.534931:true", "执行数=156.4:true"}) {
		t.Errorf("budget chart of 南屯镇 in the browser: %q", bars)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#chart-findings-by-rule rect.bar').length`); n != 5 {
		t.Errorf("findings-by-rule bars of 南屯镇: %d", n)
	}

	// Upload a PDF from the page: it is ingested, listed and searchable.
	pdf, err := filepath.Abs("../testdata/formats/hengshan-2023-zhengti.pdf")
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "upload",
		chromedp.Navigate(base+"/upload"),
		chromedp.WaitReady(css(`#upload-files`)),
		chromedp.SetUploadFiles(css(`#upload-files`), []string{pdf}),
		chromedp.WaitVisible(css(`tr.upload[data-outcome] td.report a`)),
	)
	row := textOf(t, ctx, `tr.upload`)
	if !strings.Contains(row, "hengshan-2023-zhengti.pdf") || !strings.Contains(row, "新入库") || !strings.Contains(row, "衡山县贯塘乡人民政府 2023") {
		t.Errorf("upload row %q", row)
	}
	if s := textOf(t, ctx, `#upload-summary`); s != "新入库 1，内容重复 0，已在库中 0，失败 0" {
		t.Errorf("upload summary %q", s)
	}
	do(t, ctx, "uploaded report", chromedp.Click(css(`tr.upload td.report a`)), chromedp.WaitVisible(css(`#doc-text`)))
	if h := textOf(t, ctx, `main h1`); h != "年度部门整体支出绩效自评表" {
		t.Errorf("uploaded report's title %q", h)
	}
	do(t, ctx, "uploaded in the list", chromedp.Navigate(base+"/reports?unit=衡山县"), chromedp.WaitVisible(css(`table.data`)))
	if rows := textsOf(t, ctx, `table.data tbody tr`); len(rows) != 1 || !strings.Contains(rows[0], "衡山县贯塘乡人民政府") {
		t.Errorf("reports of 衡山县 after the upload: %q", rows)
	}
	events.check(t)
}

// TestScreenshots writes serve-search.png, serve-report.png and
// serve-report-items.png into the folder JIXIAO_SCREENSHOTS names:
//
//	JIXIAO_SCREENSHOTS=$PWD/docs go test ./web -run TestScreenshots
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("JIXIAO_SCREENSHOTS")
	if dir == "" {
		t.Skip("JIXIAO_SCREENSHOTS not set")
	}
	ctx, events := browser(t)
	// The published reports and the reference report; not the hostile one.
	f := newFixtureOf(t, Options{}, append(slices.Clone(publishedTables), referenceReport)...)
	bg := context.Background()
	if err := f.store.Decide(bg, nantunID, "claim-contradicted:17,18,2,15,16,21,24,25", corpus.Confirmed, "第 17、18 项确未拨付，报告表述不实"); err != nil {
		t.Fatal(err)
	}
	if err := f.store.Decide(bg, nantunID, "underspent:2", corpus.Dismissed, "差额为结转资金，次年已拨付"); err != nil {
		t.Fatal(err)
	}
	base, _ := f.serving(t)
	shots := []struct {
		name, target, wait string
	}{
		{"serve-search.png", "/?q=经费", ".hit"},
		{"serve-report.png", "/reports/" + nantunID + "?finding=total-mismatch", ".seg.active"},
		{"serve-report-items.png", "/reports/" + nantunID + "?item=2", ".seg.active"},
	}
	for _, s := range shots {
		do(t, ctx, s.name,
			chromedp.EmulateViewport(1440, 900),
			chromedp.Navigate(base+s.target),
			chromedp.WaitVisible(chromedp.CSS(s.wait)),
			chromedp.Sleep(200*time.Millisecond),
		)
		png := get(t, ctx, chromedp.CaptureScreenshot())
		if err := os.WriteFile(filepath.Join(dir, s.name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The upload page after three files: one new, one a print of a stored
	// report, one that cannot be read.
	var uploads []string
	for _, p := range []string{"../testdata/formats/hengshan-2023-zhengti.pdf", "../ingest/pdf/testdata/printed/05_lo_odt_wqymicrohei14.pdf",
		"../ingest/pdf/testdata/bad/b07_enc_aes256_userpw.pdf"} {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		uploads = append(uploads, abs)
	}
	do(t, ctx, "serve-upload.png",
		chromedp.Navigate(base+"/upload"),
		chromedp.WaitReady(chromedp.CSS(`#upload-files`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#upload-files`), uploads),
		chromedp.WaitVisible(chromedp.CSS(`tr.upload:nth-child(3)[data-outcome]`)),
		chromedp.Sleep(200*time.Millisecond),
	)
	png := get(t, ctx, chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join(dir, "serve-upload.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	events.check(t)
}
