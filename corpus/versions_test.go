package corpus

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/validate"
)

// tenFiles are the reference report as written (.md), as a Word file and
// in its eight PDF prints (LibreOffice, Chromium, cairo).
var tenFiles = []string{
	"../testdata/nantun-2023.md",
	"../ingest/docx/testdata/nantun-2023-lo.docx",
	"../ingest/pdf/testdata/printed/01_lo_txt_default.pdf",
	"../ingest/pdf/testdata/printed/02_lo_docx_notoserif16.pdf",
	"../ingest/pdf/testdata/printed/03_lo_docx_fangsongGB2312_subst.pdf",
	"../ingest/pdf/testdata/printed/04_lo_odt_wqyzenhei12.pdf",
	"../ingest/pdf/testdata/printed/05_lo_odt_wqymicrohei14.pdf",
	"../ingest/pdf/testdata/printed/06_chromium_notoserif16.pdf",
	"../ingest/pdf/testdata/printed/07_chromium_wqyzenhei12.pdf",
	"../ingest/pdf/testdata/printed/08_cairo_wqyzenhei_identityH.pdf",
}

// deletingIndex is a fakeIndex that also deletes.
type deletingIndex struct {
	fakeIndex
	held map[string]bool
}

func (d *deletingIndex) Put(id string, r *extract.Report, fs []validate.Finding) error {
	if d.held == nil {
		d.held = map[string]bool{}
	}
	d.held[id] = true
	return d.fakeIndex.Put(id, r, fs)
}

func (d *deletingIndex) Delete(id string) error { delete(d.held, id); return nil }

// TestTenFilesOneReport: the reference report received as ten files is one
// report with ten files and one set of findings; one is searched for.
func TestTenFilesOneReport(t *testing.T) {
	if testing.Short() {
		t.Skip("reads eight PDFs")
	}
	ctx := context.Background()
	src := t.TempDir()
	for _, p := range tenFiles {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, src, map[string]string{filepath.Base(p): string(data)})
	}
	s := openTemp(t)
	ix := &deletingIndex{}
	sum, err := s.Ingest(ctx, []string{src}, IngestOptions{Workers: 2, Read: testRead, Index: index.NewSync(s, ix)})
	if err != nil || sum.Failed != 0 || sum.Stored != 10 || sum.Copies != 9 || sum.Superseded != 0 {
		t.Fatalf("ingest: %+v %v (want 10 stored, 9 of them copies)", sum, err)
	}
	list, err := s.List(ctx, Filter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("%d reports listed, want 1 (%v)", len(list), err)
	}
	id := list[0].ID
	if list[0].Unit != "南屯镇" || list[0].Year != 2023 || list[0].StatedTotal.String() != "937.131003" || list[0].ItemsBudget.String() != "905.534931" {
		t.Errorf("the report: %+v", list[0])
	}
	files, err := s.Files(ctx, id)
	if err != nil || len(files) != 10 || files[0].Report != id {
		t.Fatalf("files of %s: %d %v", id, len(files), err)
	}
	var names, formats []string
	for _, f := range files {
		names = append(names, filepath.Base(f.Path))
		formats = append(formats, f.Format)
	}
	sort.Strings(names)
	want := make([]string, len(tenFiles))
	for i, p := range tenFiles {
		want[i] = filepath.Base(p)
	}
	sort.Strings(want)
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("files: %v", names)
	}
	sort.Strings(formats)
	if got := strings.Join(formats, " "); got != "docx markdown pdf pdf pdf pdf pdf pdf pdf pdf" {
		t.Errorf("formats: %s", got)
	}
	// A copy's files are the same ten.
	if cf, err := s.Files(ctx, files[3].Report); err != nil || len(cf) != 10 || cf[0].Report != id {
		t.Errorf("files of the copy %s: %d %v", files[3].Report, len(cf), err)
	}
	// One set of findings: those of one report, pending once.
	got, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountFindings(ctx, FindingFilter{}); n != len(got.Findings) || n == 0 {
		t.Errorf("%d findings listed, the report has %d", n, len(got.Findings))
	}
	if n, _ := s.CountFindings(ctx, FindingFilter{All: true}); n != 10*len(got.Findings) {
		t.Errorf("%d findings with the copies, want %d", n, 10*len(got.Findings))
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Reports != 1 || st.Copies != 9 || st.Pending != len(got.Findings) {
		t.Errorf("stats: %+v %v", st, err)
	}
	if len(ix.held) != 1 || !ix.held[id] {
		t.Errorf("the index holds %v, want %s alone", ix.held, id)
	}
}

// TestNewVersionSupersedes: new bytes from the path of a stored report are a
// new version; the old one is kept, marked superseded, out of the lists and
// the pending queue, and both are in Versions.
func TestNewVersionSupersedes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	s := openTemp(t)
	ix := &deletingIndex{}
	writeFiles(t, dir, map[string]string{"report.md": fixtureText(7, 2023)})
	if sum, err := s.Ingest(ctx, []string{dir}, IngestOptions{Read: testRead, Index: index.NewSync(s, ix)}); err != nil || sum.Stored != 1 {
		t.Fatalf("first version: %+v %v", sum, err)
	}
	old, err := s.Resolve(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	oldFindings, _ := s.CountFindings(ctx, FindingFilter{ReportID: old})
	if oldFindings == 0 {
		t.Fatal("the first version has no findings to leave the queue")
	}
	// The corrected resubmission: other figures, the same path.
	writeFiles(t, dir, map[string]string{"report.md": strings.Replace(fixtureText(7, 2023), "实际拨付 0 万元", "实际拨付 7.007 万元", 1)})
	if sum, err := s.Ingest(ctx, []string{dir}, IngestOptions{Read: testRead, Index: index.NewSync(s, ix)}); err != nil || sum.Stored != 1 || sum.Superseded != 1 || sum.Copies != 0 {
		t.Fatalf("second version: %+v %v (want 1 stored, superseding 1)", sum, err)
	}
	cur, err := s.Resolve(ctx, path)
	if err != nil || cur == old {
		t.Fatalf("Resolve after the new version: %s %v", cur, err)
	}
	idn, err := s.IdentityOf(ctx, old)
	if err != nil || idn.SupersededBy != cur || idn.SupersededAt.IsZero() {
		t.Errorf("old version: %+v %v", idn, err)
	}
	if list, _ := s.List(ctx, Filter{}); len(list) != 1 || list[0].ID != cur {
		t.Errorf("listed: %+v", list)
	}
	if n, _ := s.CountFindings(ctx, FindingFilter{ReportID: old}); n != oldFindings {
		t.Errorf("the old version's findings are kept: %d, want %d", n, oldFindings)
	}
	pending, _ := s.Findings(ctx, FindingFilter{Review: ReviewPending})
	for _, rf := range pending {
		if rf.ReportID == old {
			t.Errorf("the old version's %s is still pending", rf.Key)
		}
	}
	vs, err := s.Versions(ctx, old)
	if err != nil || len(vs) != 2 || vs[0].Report != cur || vs[1].Report != old || vs[1].SupersededAt.IsZero() {
		t.Errorf("versions: %+v %v", vs, err)
	}
	d, err := s.CompareVersions(ctx, old, cur)
	if err != nil || d.Items != [2]int{2, 2} || len(d.Removed) == 0 {
		t.Errorf("what changed: %+v %v", d, err)
	}
	for _, k := range d.Removed {
		if !strings.HasPrefix(k, "not-disbursed") && !strings.HasPrefix(k, "underspent") && !strings.HasPrefix(k, "claim") {
			t.Errorf("removed %s: not what paying item 2 takes away", k)
		}
	}
	// The index let go of the old one (at the next indexing of pending reports).
	if _, err := index.NewSync(s, ix).Pending(ctx); err != nil {
		t.Fatal(err)
	}
	if ix.held[old] || !ix.held[cur] {
		t.Errorf("the index holds %v", ix.held)
	}
}
