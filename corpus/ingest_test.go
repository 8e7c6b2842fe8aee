package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

// fixtureTree writes n distinct reports under dir (in nested folders) and
// the awkward cases: a copy of one report under another name, an empty
// file, a corrupt DOCX, and hidden files that must be skipped.
func fixtureTree(t testing.TB, dir string, n int) {
	t.Helper()
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("%d/unit-%03d/report-%d.txt", 2020+i%4, i/4, i)] = fixtureText(i, 2020+i%4)
	}
	files["copies/report-0-copy.txt"] = fixtureText(0, 2020)
	files["bad/empty.txt"] = ""
	files["bad/broken.docx"] = "PK\x03\x04 this is not a zip archive at all"
	files[".hidden.txt"] = fixtureText(9999, 2020)
	files["2020/.git/objects.txt"] = fixtureText(9998, 2020)
	writeFiles(t, dir, files)
}

var testRead = ingest.Options{PDFInProcess: true}

func TestIngestTree(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	const n = 100
	fixtureTree(t, root, n)
	// the corpus inside the tree being ingested is not ingested
	s, err := Open(filepath.Join(root, "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	writeFiles(t, s.Dir(), map[string]string{"notes.txt": fixtureText(9997, 2020)})

	ix := &fakeIndex{}
	var events int
	sum, err := s.Ingest(ctx, []string{root, filepath.Join(s.Dir(), "notes.txt"), filepath.Join(s.Dir(), DBName)}, IngestOptions{Workers: 4, Read: testRead, Index: index.NewSync(s, ix), Progress: func(Event) { events++ }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files != n+3 || sum.Stored != n || sum.Duplicates != 1 || sum.Failed != 2 || sum.Skipped != 0 || sum.Indexed != n || events != n+3 {
		t.Errorf("first run: %+v (%d events)", sum, events)
	}
	reasons := map[string]string{}
	for _, f := range sum.Failures {
		reasons[filepath.Base(f.Path)] = f.Reason
	}
	if reasons["empty.txt"] != ingest.ErrEmpty.Error() || reasons["broken.docx"] != "DOCX 无法读取" {
		t.Errorf("failure reasons: %v", reasons)
	}
	if br := sum.ByReason(); len(br) != 2 || br[0].Count != 1 {
		t.Errorf("ByReason = %v", br)
	}
	checkOnce(t, s, n)
	counts, _ := s.LedgerCounts(ctx)
	if counts[StatusOK] != n || counts[StatusDuplicate] != 1 || counts[StatusFailed] != 2 {
		t.Errorf("ledger counts %v", counts)
	}
	e, ok, _ := s.LedgerLookup(ctx, filepath.Join(root, "bad/broken.docx"))
	if !ok || e.Status != StatusFailed || e.Reason != "DOCX 无法读取" || !strings.Contains(e.Error, "broken.docx") || e.SHA256 == "" {
		t.Errorf("ledger row of the broken file: %+v", e)
	}
	if ix.held() != n {
		t.Errorf("index holds %d reports, want %d", ix.held(), n)
	}

	// a second run skips everything that is in and retries what failed
	ix.puts = nil
	sum, err = s.Ingest(ctx, []string{root}, IngestOptions{Workers: 3, Read: testRead, Index: index.NewSync(s, ix)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Skipped != n+1 || sum.Stored != 0 || sum.Failed != 2 || len(ix.puts) != 0 {
		t.Errorf("second run: %+v, index puts %d", sum, len(ix.puts))
	}

	// a repaired file goes in; a touched file (same bytes) is still in
	writeFiles(t, root, map[string]string{"bad/broken.docx": fixtureText(5000, 2024)})
	later := time.Now().Add(time.Hour)
	touched := filepath.Join(root, "2020/unit-000/report-0.txt")
	os.Chtimes(touched, later, later)
	sum, err = s.Ingest(ctx, []string{root}, IngestOptions{Read: testRead, Index: index.NewSync(s, ix)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 1 || sum.Failed != 1 || sum.Skipped != n+1 {
		t.Errorf("third run: %+v", sum)
	}
	if e, _, _ := s.LedgerLookup(ctx, touched); e.Status != StatusOK || !e.ModTime.Equal(later) {
		t.Errorf("touched file's ledger row: %+v", e)
	}
	checkOnce(t, s, n+1)
}

// checkOnce verifies that the corpus holds exactly n reports, each once,
// each with its ledger row, and is internally consistent.
func checkOnce(t testing.TB, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	integrity(t, s)
	if got, _ := s.Count(ctx); got != n {
		t.Errorf("%d reports, want %d", got, n)
	}
	var dup int
	s.db.QueryRow(`SELECT COUNT(*) FROM (SELECT sha256 FROM reports GROUP BY sha256 HAVING COUNT(*) > 1)`).Scan(&dup)
	var orphans int
	s.db.QueryRow(`SELECT COUNT(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE l.report_id = r.id)`).Scan(&orphans)
	if dup != 0 || orphans != 0 {
		t.Errorf("%d contents stored twice, %d reports without a ledger row", dup, orphans)
	}
	// every fixture report lists two items: none is stored half
	var items, short int
	s.db.QueryRow(`SELECT COUNT(*) FROM items`).Scan(&items)
	s.db.QueryRow(`SELECT COUNT(*) FROM reports WHERE item_count != 2`).Scan(&short)
	if items != 2*n || short != 0 {
		t.Errorf("%d items (want %d), %d reports without their two items", items, 2*n, short)
	}
}

type failingIndex struct{}

func (failingIndex) Put(string, *extract.Report, []validate.Finding) error {
	return errors.New("索引不可用")
}

func TestUnindexedReportsAreIndexedNextRun(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	fixtureTree(t, root, 20)
	s := openTemp(t)
	sum, err := s.Ingest(ctx, []string{root}, IngestOptions{Read: testRead, Index: index.NewSync(s, failingIndex{})})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 20 || sum.IndexErrors != 20 || sum.IndexError != "索引不可用" || sum.Indexed != 0 {
		t.Errorf("with a failing index: %+v", sum)
	}
	if un, _ := s.Unindexed(ctx); len(un) != 20 {
		t.Errorf("unindexed = %d, want 20", len(un))
	}
	ix := &fakeIndex{}
	sum, err = s.Ingest(ctx, []string{root}, IngestOptions{Read: testRead, Index: index.NewSync(s, ix)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 20 || sum.Skipped != 21 || len(ix.puts) != 20 {
		t.Errorf("catch-up run: %+v, %d puts", sum, len(ix.puts))
	}
	if un, _ := s.Unindexed(ctx); len(un) != 0 {
		t.Errorf("still unindexed: %v", un)
	}
}

// TestIngestCancelled cancels a run after the fifth file committed (two
// files per transaction): what was committed stays, nothing is half-stored,
// and the next run completes the rest.
func TestIngestCancelled(t *testing.T) {
	defer func(n int) { filesPerTx = n }(filesPerTx)
	filesPerTx = 2
	root := t.TempDir()
	fixtureTree(t, root, 40)
	s := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := 0
	_, err := s.Ingest(ctx, []string{root}, IngestOptions{Workers: 2, Read: testRead, Progress: func(Event) {
		if done++; done == 5 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	n, _ := s.Count(context.Background())
	if n < 4 || n >= 40 {
		t.Errorf("%d reports stored after cancelling at the fifth", n)
	}
	counts, _ := s.LedgerCounts(context.Background())
	if counts[StatusFailed] > 2 {
		t.Errorf("cancelled files recorded as failed: %v", counts)
	}
	integrity(t, s)
	if sum, err := s.Ingest(context.Background(), []string{root}, IngestOptions{Read: testRead}); err != nil || sum.Stored+n != 40 {
		t.Errorf("resume: %+v, %v", sum, err)
	}
	checkOnce(t, s, 40)
}

// TestCopiesFinishingOutOfOrder: when the later of two copies (in walk
// order) is stored first, the earlier still becomes the report's path,
// whether both are in one transaction or each in its own.
func TestCopiesFinishingOutOfOrder(t *testing.T) {
	for _, oneTx := range []bool{true, false} {
		t.Run(fmt.Sprintf("oneTx=%v", oneTx), func(t *testing.T) { copiesOutOfOrder(t, oneTx) })
	}
}

func copiesOutOfOrder(t *testing.T, oneTx bool) {
	ctx := context.Background()
	src := t.TempDir()
	text := fixtureText(3, 2022)
	writeFiles(t, src, map[string]string{"a/report.txt": text, "b/report.txt": text})
	a, b := filepath.Join(src, "a/report.txt"), filepath.Join(src, "b/report.txt")
	s := openTemp(t)
	ix := &fakeIndex{}
	var sum Summary
	w := &writer{s: s, ix: index.NewSync(s, ix), sum: &sum, firstSeq: map[string]int{}, txCtx: ctx}
	ra, rb := s.prepare(ctx, a, testRead), s.prepare(ctx, b, testRead)
	ra.seq, rb.seq = 0, 1
	for _, r := range []fileResult{rb, ra} { // b finished first
		if err := w.add(ctx, r); err != nil {
			t.Fatal(err)
		}
		if !oneTx {
			if err := w.commitBatch(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.commitBatch(); err != nil {
		t.Fatal(err)
	}
	ea, _, _ := s.LedgerLookup(ctx, a)
	eb, _, _ := s.LedgerLookup(ctx, b)
	if ea.Status != StatusOK || eb.Status != StatusDuplicate || ea.ReportID != eb.ReportID {
		t.Errorf("ledger: a %s, b %s", ea.Status, eb.Status)
	}
	got, err := s.Get(ctx, ea.ReportID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Path != a || got.Report.Source.Path != a || !got.Indexed {
		t.Errorf("report path %s, source %s, indexed %v; want %s, indexed", got.Path, got.Report.Source.Path, got.Indexed, a)
	}
	if sum.Stored != 1 || sum.Duplicates != 1 || sum.Files != 2 || len(ix.puts) != 2 {
		t.Errorf("summary %+v, index puts %v", sum, ix.puts)
	}
	integrity(t, s)
	// and a later run keeps it so
	sum, err = s.Ingest(ctx, []string{src}, IngestOptions{Read: testRead})
	if err != nil || sum.Skipped != 2 {
		t.Errorf("second run: %+v %v", sum, err)
	}
}

// TestBatchFileFailureLeavesNothing: a file whose writes fail midway (here
// the ledger refuses its row, after its report rows were written) leaves
// nothing of itself in the transaction of several files, and the files
// recorded before it are committed whole.
func TestBatchFileFailureLeavesNothing(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	writeFiles(t, src, map[string]string{"good.txt": fixtureText(3, 2021), "bad.txt": fixtureText(4, 2022)})
	s := openTemp(t)
	if _, err := s.db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON ledger WHEN NEW.path LIKE '%bad.txt'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	var sum Summary
	w := &writer{s: s, sum: &sum, firstSeq: map[string]int{}, txCtx: ctx}
	good, bad := filepath.Join(src, "good.txt"), filepath.Join(src, "bad.txt")
	if err := w.add(ctx, s.prepare(ctx, good, testRead)); err != nil {
		t.Fatal(err)
	}
	if err := w.add(ctx, s.prepare(ctx, bad, testRead)); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("bad file: err %v, want the ledger's refusal", err)
	}
	if err := w.commitBatch(); err != nil {
		t.Fatal(err)
	}
	var reports, ledger int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM reports`).Scan(&reports); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM ledger`).Scan(&ledger); err != nil {
		t.Fatal(err)
	}
	if reports != 1 || ledger != 1 || sum.Stored != 1 || sum.Files != 1 {
		t.Errorf("%d reports, %d ledger rows, summary %+v; want the good file alone", reports, ledger, sum)
	}
	if e, ok, _ := s.LedgerLookup(ctx, good); !ok || e.Status != StatusOK {
		t.Errorf("good file: ledger %+v, %v", e, ok)
	}
	integrity(t, s)
}
