package corpus

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/synth"
	"github.com/jixiao/jixiao/validate"
)

// synthFormats are the formats of the synthetic reports: all of them.
var synthFormats = synth.Formats

// TestIngestSynth ingests a few hundred synthetic reports with three copies
// and two broken files: every report once, the ledger right, the stored
// reports exactly what extraction gave, and a second run skipping all.
func TestIngestSynth(t *testing.T) {
	ctx := context.Background()
	n := 300
	if testing.Short() {
		n = 60
	}
	src := t.TempDir()
	truths, err := synth.Generate(src, n, synth.Options{Seed: 7, Formats: synthFormats})
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(src, "truth.jsonl"))
	for _, i := range []int{0, 1, n - 1} {
		data, err := os.ReadFile(filepath.Join(src, truths[i].File))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, src, map[string]string{"copies/" + truths[i].File: string(data)})
	}
	writeFiles(t, src, map[string]string{"broken/scan.pdf": "%PDF-1.7\n1 0 obj garbage", "broken/empty.md": ""})

	s := openTemp(t)
	ix := &fakeIndex{}
	sum, err := s.Ingest(ctx, []string{src}, IngestOptions{Workers: 2, Read: testRead, Index: index.NewSync(s, ix)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files != n+5 || sum.Stored != n || sum.Duplicates != 3 || sum.Failed != 2 || ix.held() != n {
		t.Errorf("ingest: %+v, index holds %d reports", sum, ix.held())
	}
	for _, f := range sum.Failures {
		want := map[string]string{"scan.pdf": "PDF 文件损坏 (damaged)", "empty.md": ingest.ErrEmpty.Error()}[filepath.Base(f.Path)]
		if f.Reason != want {
			t.Errorf("%s failed for %q, want %q", f.Path, f.Reason, want)
		}
	}
	integrity(t, s)
	if c, _ := s.Count(ctx); c != n {
		t.Errorf("%d reports, want %d", c, n)
	}
	counts, _ := s.LedgerCounts(ctx)
	if counts[StatusOK] != n || counts[StatusDuplicate] != 3 || counts[StatusFailed] != 2 {
		t.Errorf("ledger %v", counts)
	}

	// each file's ledger row names its report; every tenth report is stored
	// exactly as extraction makes it, findings included
	for i, tr := range truths {
		path := filepath.Join(src, tr.File)
		e, ok, err := s.LedgerLookup(ctx, path)
		if err != nil || !ok || e.Status != StatusOK || e.ReportID == "" || e.ReportID != e.SHA256[:12] {
			t.Fatalf("%s: ledger %+v %v", tr.File, e, err)
		}
		if i%10 != 0 {
			continue
		}
		doc, err := ingest.ReadFile(ctx, path, testRead)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := extract.Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Get(ctx, e.ReportID)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := mustJSON(t, got.Report), mustJSON(t, rep); a != b {
			t.Errorf("%s: stored report differs from extraction", tr.File)
		}
		if a, b := mustJSON(t, nonNil(got.Findings)), mustJSON(t, nonNil(validate.Report(rep))); a != b {
			t.Errorf("%s: stored findings differ:\n got %s\nwant %s", tr.File, a, b)
		}
		if d, _ := s.Document(ctx, e.ReportID); d.Text != doc.Text {
			t.Errorf("%s: document text not rebuilt from the stored pages", tr.File)
		}
	}

	sum, err = s.Ingest(ctx, []string{src}, IngestOptions{Workers: 2, Read: testRead, Index: index.NewSync(s, ix)})
	if err != nil || sum.Skipped != n+3 || sum.Stored != 0 || sum.Failed != 2 || ix.held() != n {
		t.Errorf("second run: %+v, %v; index holds %d", sum, err, ix.held())
	}
}
