package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

// index rebuild makes the index from the corpus alone: after the index
// directory is deleted, search finds nothing; after rebuild, the reference
// report's items again.
func TestRunIndexRebuild(t *testing.T) {
	dir := t.TempDir()
	g := globalOptions{Corpus: dir}
	sample := filepath.Join(t.TempDir(), "nantun-2023.md")
	data, err := os.ReadFile("../../testdata/nantun-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sample, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := runIngest(context.Background(), ingestOptions{Workers: 1}, g, []string{sample}, &out, &errOut); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut.String())
	}
	if err := os.RemoveAll(filepath.Join(dir, corpus.IndexDir)); err != nil {
		t.Fatal(err)
	}
	search := func() string {
		t.Helper()
		var b bytes.Buffer
		// exit 1 when nothing matched, as grep
		if err := runSearch(context.Background(), searchOptions{Limit: 20, JSON: true}, g, []string{"驻村工作队"}, &b); err != nil && err != errNoMatch {
			t.Fatal(err)
		}
		return b.String()
	}
	if got := search(); !strings.HasPrefix(got, `{"total":0,`) {
		t.Fatalf("search after the index was deleted: %s", got)
	}
	out.Reset()
	if err := runIndexRebuild(context.Background(), g, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "已重建检索索引：1 份报告") {
		t.Errorf("rebuild said %q", out.String())
	}
	if got := search(); !strings.HasPrefix(got, `{"total":3,`) {
		t.Errorf("search after rebuild: %s", got)
	}
	// While another process holds the index, rebuild says so with exit 2.
	g.IndexWait = 100 * time.Millisecond
	ix, err := index.Open(filepath.Join(dir, corpus.IndexDir), index.DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	err = runIndexRebuild(context.Background(), g, &out)
	if ee, ok := err.(*exitError); !ok || ee.code != 2 || !strings.Contains(err.Error(), "检索索引正被另一个进程使用") {
		t.Errorf("rebuild of a held index: %v", err)
	}
}
