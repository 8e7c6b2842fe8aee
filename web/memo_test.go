package web

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/corpus"
)

// TestKeptUntilChanged: what the pages keep of the corpus (the counts, the
// coverage, the charts' figures) follows a decision made on the page and a
// report stored by another writer.
func TestKeptUntilChanged(t *testing.T) {
	f := newFixture(t, Options{})
	pending := func() (string, []string, string) {
		t.Helper()
		head := f.get("/findings").Body.String()
		i := strings.Index(head, "待审核 ")
		bars := chartBars(t, f.get("/charts?review=pending").Body.String())["findings-by-rule"]
		cov := f.get("/coverage?unit=%3D南屯镇").Body.String()
		j := strings.Index(cov, " 待审</a>")
		return head[i : i+len("待审核 ")+2], bars[:1], cov[strings.LastIndex(cov[:j], ">")+1 : j]
	}
	head, bars, cell := pending()
	if head != "待审核 17" || !slices.Equal(bars, []string{"预算未用完（underspent）=7"}) || cell != "12" {
		t.Fatalf("before: %q %q %q", head, bars, cell)
	}
	if w := f.do(f.decide(nantunID, "underspent:2", `{"decision":"dismissed","note":"结转"}`)); w.Code != 200 {
		t.Fatalf("decide: %d %s", w.Code, w.Body)
	}
	head, bars, cell = pending()
	if head != "待审核 16" || !slices.Equal(bars, []string{"预算未用完（underspent）=6"}) || cell != "11" {
		t.Errorf("after a decision: %q %q %q", head, bars, cell)
	}
	// Another writer (the command line's ingest) stores a report: the
	// charts count it.
	other, err := corpus.OpenOptions(f.dir, corpus.Options{Shared: true, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if sum, err := other.IngestFiles(context.Background(), []string{"../testdata/formats/hengshan-2023-zhengti.pdf"},
		corpus.IngestOptions{Workers: 1}); err != nil || sum.Stored != 1 {
		t.Fatalf("ingest by another writer: %+v %v", sum, err)
	}
	if got := chartBars(t, f.get("/charts").Body.String())["findings-by-unit"]; !slices.Contains(got, "衡山县贯塘乡人民政府=1") {
		t.Errorf("findings by unit after a new report: %q", got)
	}
}

// TestDecisionsLeaveFigures: a decision does not throw away the charts'
// sums of a filter without conditions on the findings; a stored report does.
func TestDecisionsLeaveFigures(t *testing.T) {
	f := newFixture(t, Options{})
	f.get("/charts")
	kept := func() bool {
		f.srv.reportsMemo.mu.Lock()
		defer f.srv.reportsMemo.mu.Unlock()
		_, ok := f.srv.reportsMemo.vals["figures?"]
		return ok
	}
	if !kept() {
		t.Fatal("the charts' figures are not kept")
	}
	if w := f.do(f.decide(nantunID, "underspent:2", `{"decision":"dismissed","note":"结转"}`)); w.Code != 200 {
		t.Fatalf("decide: %d", w.Code)
	}
	f.get("/charts")
	if !kept() {
		t.Error("a decision threw away the charts' figures")
	}
	if code, _ := f.upload("衡山县/自评表.pdf", readFile(t, "../testdata/formats/hengshan-2023-zhengti.pdf")); code != 200 {
		t.Fatal(code)
	}
	// the next look at the kept figures finds the stamp changed
	if _, err := rememberReports(context.Background(), f.srv, "probe", func() (int, error) { return 1, nil }); err != nil {
		t.Fatal(err)
	}
	if kept() {
		t.Error("a stored report left the charts' figures")
	}
}
