package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/jixiao/jixiao/validate"
)

// source serves a fixed list of reports, as corpus.Store.Each would.
func testSource(t *testing.T, ids ...string) Source {
	return func(ctx context.Context, put PutFunc) error {
		for _, id := range ids {
			r := nantunReport(t)
			if id != nantunID {
				r.Unit, r.Year = "北山乡", 2022
			}
			if err := put(id, r, []validate.Finding{{Rule: "underspent", Items: []int{2}}}); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRebuild(t *testing.T) {
	corpusDir := t.TempDir()
	dir := filepath.Join(corpusDir, "index")
	// An index with a stale report that the corpus no longer has.
	ix, err := Open(dir, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	r := nantunReport(t)
	r.Unit = "旧单位"
	if err := ix.Put("stale", r, nil); err != nil {
		t.Fatal(err)
	}
	// While it is open, rebuild refuses.
	if _, err := Rebuild(context.Background(), dir, 100*time.Millisecond, testSource(t, nantunID)); !errors.Is(err, ErrInUse) {
		t.Fatalf("Rebuild of an open index: %v, want ErrInUse", err)
	}
	ix.Close()

	n, err := Rebuild(context.Background(), dir, DefaultTimeout, testSource(t, nantunID, "b2"))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("rebuilt %d reports, want 2", n)
	}
	ix, err = Open(dir, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if c, _ := ix.Count(); c != 2*33 {
		t.Errorf("%d documents, want 66", c)
	}
	res := find(t, ix, Query{Text: "驻村工作队", Rule: "underspent"})
	if res.Total != 0 {
		t.Errorf("驻村工作队 with underspent: %d hits, want 0", res.Total)
	}
	res = find(t, ix, Query{Rule: "underspent"})
	var units []string
	for _, f := range res.Facets.Unit {
		units = append(units, f.Value)
	}
	if res.Total != 2 || !slices.Equal(units, []string{"北山乡", "南屯镇"}) {
		t.Errorf("underspent: %d hits in %v, want 2 in 北山乡, 南屯镇", res.Total, units)
	}
	// Nothing is left beside the index.
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("corpus dir holds %d entries after rebuild, want 1", len(entries))
	}
}

// A failing source leaves the old index as it was.
func TestRebuildFailureKeepsOld(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if _, err := Rebuild(context.Background(), dir, DefaultTimeout, testSource(t, nantunID)); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("corpus read failed")
	_, err := Rebuild(context.Background(), dir, DefaultTimeout, func(ctx context.Context, put PutFunc) error {
		if err := testSource(t, "other")(ctx, put); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Rebuild: %v, want the source's error", err)
	}
	ix, err := Open(dir, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res := find(t, ix, Query{Text: "驻村工作队"})
	if res.Total != 3 || res.Hits[0].Report != nantunID {
		t.Errorf("after a failed rebuild: %d hits, want the old 3", res.Total)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("corpus dir holds %d entries after a failed rebuild, want 1", len(entries))
	}
}

// TestRebuildRemovesLeftovers: the folders a killed rebuild left beside the
// index (a half-built one, a swapped-out old one) are removed by the next.
func TestRebuildRemovesLeftovers(t *testing.T) {
	corpusDir := t.TempDir()
	dir := filepath.Join(corpusDir, "index")
	if _, err := Rebuild(context.Background(), dir, DefaultTimeout, testSource(t, nantunID)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.rebuild-123", "index.rebuild-456/store", "index.rebuild-789.old/x"} {
		if err := os.MkdirAll(filepath.Join(corpusDir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(corpusDir, "corpus.db"), []byte("x"), 0o644) // not the index's: kept
	if _, err := Rebuild(context.Background(), dir, DefaultTimeout, testSource(t, nantunID)); err != nil {
		t.Fatal(err)
	}
	var names []string
	entries, _ := os.ReadDir(corpusDir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"corpus.db", "index"}) {
		t.Errorf("beside the index after a rebuild: %v, want [corpus.db index]", names)
	}
}
