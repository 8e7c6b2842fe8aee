package web

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/corpus/export"
	"github.com/jixiao/jixiao/synth"
	"github.com/jixiao/jixiao/validate"
)

// synthFixture is a server over synthetic reports plus the sample reports,
// with the corpus's socket served as `jixiao serve` serves it.
func synthFixture(t *testing.T, n int) *fixture {
	t.Helper()
	src := t.TempDir()
	if _, err := synth.Generate(filepath.Join(src, "synth"), n, synth.Options{Seed: 13, Formats: []string{"md", "txt"}}); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(src, "synth", "truth.jsonl"))
	f := newFixtureOf(t, Options{}, append([]string{filepath.Join(src, "synth")}, fixtureFiles...)...)
	sock, err := net.Listen("unix", filepath.Join(f.dir, SocketName))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, sock, f.srv.Local()) }()
	t.Cleanup(func() { cancel(); <-done })
	return f
}

// busiestUnderspent is the unit and year with the most pending underspent
// findings.
func busiestUnderspent(t *testing.T, s *corpus.Store) (unit string, year, n int) {
	t.Helper()
	count := map[[2]string]int{}
	err := s.EachFinding(context.Background(), corpus.FindingFilter{Rule: "underspent", Review: corpus.ReviewPending}, func(rf corpus.ReviewedFinding) error {
		count[[2]string{rf.Unit, itoa(rf.Year)}]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, c := range count {
		if c > n || (c == n && k[0]+k[1] < unit+itoa(year)) {
			unit, n = k[0], c
			year = atoi(k[1])
		}
	}
	if n < 2 {
		t.Fatalf("no unit with two pending underspent findings: %v", count)
	}
	return unit, year, n
}

// jixiaoBinary builds the command line once per test binary.
func jixiaoBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "jixiao")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, "../cmd/jixiao")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building jixiao: %v\n%s", err, out)
	}
	return bin
}

// TestBrowserWorkTheList: on synthetic reports plus the samples, a reviewer
// filters the findings to one unit and year, sorts them by |差额|, dismisses
// all its underspent infos in one action as 张三, and exports the filtered
// XLSX; meanwhile `jixiao search` in another process succeeds; then a PDF
// print received opens with its total-mismatch figure boxed on its page.
func TestBrowserWorkTheList(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil && os.Getenv("JIXIAO_REQUIRE_BROWSER") != "1" {
		t.Skipf("no %s", chromiumPath)
	}
	n := 1000 // a county's worth of reports, as the page is used
	if testing.Short() {
		n = 60
	}
	f := synthFixture(t, n)
	base, _ := f.serving(t)
	bin := jixiaoBinary(t)
	unit, year, pending := busiestUnderspent(t, f.store)
	ctx, events := browser(t) // its deadline runs from here
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	// Filter to the unit and the year from the form; the filter is in the URL.
	do(t, ctx, "filter",
		chromedp.Navigate(base+"/findings"),
		chromedp.WaitVisible(css(`form.list-filters`)),
		chromedp.SendKeys(css(`input[name="unit"]`), "="+unit),
		chromedp.SetValue(css(`select[name="year"]`), itoa(year)),
		chromedp.Submit(css(`form.list-filters`)),
		chromedp.WaitVisible(css(`.chips.list-chips`)),
	)
	loc := get(t, ctx, chromedp.Location())
	if !strings.Contains(loc, "year="+itoa(year)) || !strings.Contains(loc, "unit=%3D") {
		t.Errorf("the filter is not in the address: %s", loc)
	}
	units := textsOf(t, ctx, ".findings-table tbody td:nth-child(3) a")
	if len(units) == 0 {
		t.Fatal("no findings for the unit and year")
	}
	for _, u := range units {
		if u != unit {
			t.Errorf("a finding of %q in the list of %q", u, unit)
		}
	}

	// Sort by |差额|: the figures go down.
	do(t, ctx, "sort", chromedp.SetValue(css(`select[name="sort"]`), "diff"), chromedp.Submit(css(`form.list-filters`)),
		chromedp.WaitReady(css(`select[name="sort"] option[value="diff"][selected]`)))
	var last *decimal.Decimal
	for _, d := range textsOf(t, ctx, ".findings-table tbody td.diff") {
		d = strings.NewReplacer(",", "", "−", "-", "+", "", " ", "").Replace(strings.TrimSpace(d))
		if d == "" {
			continue
		}
		v, err := decimal.NewFromString(d)
		if err != nil {
			t.Fatalf("差额 %q: %v", d, err)
		}
		v = v.Abs()
		if last != nil && v.GreaterThan(*last) {
			t.Errorf("|差额| %s after %s: not sorted", v, last)
		}
		last = &v
	}

	// The command line searches while the page is open.
	if out, err := exec.Command(bin, "--corpus", f.dir, "search", "经费", "--json").CombinedOutput(); err != nil || !strings.Contains(string(out), `"hits":[{`) {
		t.Errorf("jixiao search beside the page: %v\n%.300s", err, out)
	}

	// Only the pending underspent infos: all of them at once, as 张三.
	do(t, ctx, "underspent",
		chromedp.SetValue(css(`select[name="rule"]`), "underspent"),
		chromedp.SetValue(css(`select[name="review"]`), "pending"),
		chromedp.Submit(css(`form.list-filters`)),
		chromedp.WaitVisible(css(`#bulk`)),
	)
	if got := textOf(t, ctx, "#findings-total"); !strings.HasPrefix(got, itoa(pending)+" 条") {
		t.Errorf("pending underspent of %s %d: %q, want %d", unit, year, got, pending)
	}
	do(t, ctx, "dismiss all as 张三",
		chromedp.SendKeys(css(`#reviewer-input`), "张三"),
		chromedp.Click(css(`#scope-filter`)),
		chromedp.SendKeys(css(`#bulk-note`), "结转资金，次年拨付"),
		chromedp.Click(css(`#bulk button[value="dismissed"]`)),
		chromedp.WaitVisible(css(`p.empty`)),
	)
	dismissed, err := f.store.Findings(context.Background(), corpus.FindingFilter{Unit: unit, UnitExact: true, Year: year, Rule: "underspent"})
	if err != nil || len(dismissed) != pending {
		t.Fatalf("underspent of %s %d: %d, %v", unit, year, len(dismissed), err)
	}
	for _, rf := range dismissed {
		if rf.Finding.Severity != validate.Info || rf.Decision == nil || rf.Decision.Verdict != corpus.Dismissed ||
			rf.Decision.Author != "张三" || rf.Decision.Note != "结转资金，次年拨付" {
			t.Errorf("%s %s: %+v", rf.ReportID, rf.Key, rf.Decision)
		}
	}
	if others, _ := f.store.CountFindings(context.Background(), corpus.FindingFilter{Rule: "underspent", Review: corpus.ReviewDismissed}); others != pending {
		t.Errorf("%d underspent dismissed in the corpus, want %d (this unit's only)", others, pending)
	}

	// Export what is filtered (now: the dismissed ones) as XLSX.
	do(t, ctx, "dismissed", chromedp.SetValue(css(`select[name="review"]`), "dismissed"), chromedp.Submit(css(`form.list-filters`)),
		chromedp.WaitVisible(css(`.findings-table`)))
	href := eval[string](t, ctx, `document.querySelector('a.export').getAttribute('href')`)
	if !strings.Contains(href, "format=xlsx") || !strings.Contains(href, "rule=underspent") || !strings.Contains(href, "review=dismissed") {
		t.Fatalf("export link %s", href)
	}
	resp, err := http.Get(base + href)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	x, err := excelize.OpenReader(strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("export: %d %v", resp.StatusCode, err)
	}
	rows, err := x.GetRows(export.FindingSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != pending+1 {
		t.Errorf("exported %d findings, want %d", len(rows)-1, pending)
	}
	for _, row := range rows[1:] {
		if row[0] != unit || row[1] != itoa(year) || row[4] != "underspent" || row[14] != corpus.Dismissed.Label() {
			t.Errorf("exported row %q", row)
		}
	}
	reports, _ := x.GetRows(export.ReportSheet)
	for _, row := range reports[1:] {
		if row[0] != unit || row[1] != itoa(year) {
			t.Errorf("exported report %q", row)
		}
	}
	openPDFEvidence(t, ctx, f, base)
	events.check(t)
}

func itoa(n int) string { return strconv.Itoa(n) }

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// listShots are the screenshots of the lists, taken on the synthetic corpus.
var listShots = []struct{ name, target, wait string }{
	{"serve-findings.png", "/findings?sort=diff&severity=error", ".findings-table"},
	{"serve-reports.png", "/reports?sort=diff&rule=total-mismatch", "table.data"},
	{"serve-coverage.png", "/coverage", "table.coverage"},
	{"serve-opinion.png", "/opinion?report=" + nantunID, ".opinion-table"},
	{"serve-charts.png", "/charts", "figure.chart svg"},
	{"serve-charts-unit.png", "/charts?unit=%3D南屯镇", "#chart-unit-budget svg"},
}

// TestScreenshotsLists writes the lists' screenshots into JIXIAO_SCREENSHOTS.
func TestScreenshotsLists(t *testing.T) {
	dir := os.Getenv("JIXIAO_SCREENSHOTS")
	if dir == "" {
		t.Skip("JIXIAO_SCREENSHOTS not set")
	}
	f := synthFixture(t, 200)
	base, _ := f.serving(t)
	ctx, events := browser(t)
	for _, s := range listShots {
		do(t, ctx, s.name,
			chromedp.EmulateViewport(1440, 1000),
			chromedp.Navigate(base+s.target),
			chromedp.WaitVisible(chromedp.CSS(s.wait)),
			chromedp.Sleep(200*time.Millisecond),
		)
		png := get(t, ctx, chromedp.CaptureScreenshot())
		if err := os.WriteFile(filepath.Join(dir, s.name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	events.check(t)
}
