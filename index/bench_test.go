package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/synth"
)

// BenchmarkJiebaVsCJK indexes the same corpus with jieba (the product's
// index: jieba fields and the bigram field) and with bleve's cjk bigrams
// alone, and reports jieba/cjk ratios measured in the same run: indexing
// speed (documents per second, items and reports), index size (one merged
// segment), and search latency p50/p99 over a query set (the full Search:
// query, highlights, facets; 20 rounds). Two corpora:
//
//   - pools: 20 units × 5 years × 30 items from the templates of
//     compare_test.go, where relevance is known by construction; it also
//     reports the mean precision of the top ten, of all hits, and recall.
//
//   - synth: 220 reports of package synth (20 units × 11 years) read and
//     extracted by the real pipeline, for realistic text.
//
//     go test -run '^$' -bench JiebaVsCJK -benchtime 1x ./index/
func BenchmarkJiebaVsCJK(b *testing.B) {
	b.Run("pools", func(b *testing.B) {
		ids, reports, template := syntheticCorpus(5, 30, 1)
		for b.Loop() {
			compareAnalyzers(b, ids, reports, benchQueries, template)
		}
	})
	b.Run("synth", func(b *testing.B) {
		ids, reports := extractedSynth(b, 220, 1)
		queries := []string{"驻村工作队", "防火", "耕地地力保护", "选调生", "危房改造", "养老保险",
			"公务用车", "抢险救灾", "户厕", "信访", "高速 绿化", "鸡场"}
		for b.Loop() {
			compareAnalyzers(b, ids, reports, queries, nil)
		}
	})
}

// measured is what one analyzer gives on one corpus.
type measured struct {
	docsPerSec, bytes, p10, precision, recall float64
	p50, p99                                  time.Duration
}

// compareAnalyzers measures both analyzers and reports the figures and their
// jieba/cjk ratios. template, when not nil, gives relevance for precision.
func compareAnalyzers(b *testing.B, ids []string, reports []*extract.Report, queries []string, template map[string]int) {
	j := measureAnalyzers(b, jiebaAnalyzers, ids, reports, queries, template)
	c := measureAnalyzers(b, cjkAnalyzers, ids, reports, queries, template)
	words := analyzers{index: jiebaAnalyzers.index, query: jiebaAnalyzers.query} // without the bigram field
	dir := filepath.Join(b.TempDir(), "words")
	ix := buildCompared(b, dir, words, ids, reports)
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(compactedSize(b, dir, words)/c.bytes, "words-only-size-ratio")
	b.ReportMetric(j.docsPerSec, "jieba-docs/s")
	b.ReportMetric(c.docsPerSec, "cjk-docs/s")
	b.ReportMetric(j.docsPerSec/c.docsPerSec, "speed-ratio")
	b.ReportMetric(j.bytes/1e6, "jieba-MB")
	b.ReportMetric(c.bytes/1e6, "cjk-MB")
	b.ReportMetric(j.bytes/c.bytes, "size-ratio")
	if template != nil {
		b.ReportMetric(j.p10, "jieba-P@10")
		b.ReportMetric(c.p10, "cjk-P@10")
		b.ReportMetric(j.p10/c.p10, "P@10-ratio")
		b.ReportMetric(j.precision/c.precision, "precision-ratio")
		b.ReportMetric(j.recall/c.recall, "recall-ratio")
	}
	b.ReportMetric(float64(j.p50.Microseconds()), "jieba-p50-µs")
	b.ReportMetric(float64(c.p50.Microseconds()), "cjk-p50-µs")
	b.ReportMetric(float64(j.p50)/float64(c.p50), "p50-ratio")
	b.ReportMetric(float64(j.p99)/float64(c.p99), "p99-ratio")
}

func measureAnalyzers(b *testing.B, an analyzers, ids []string, reports []*extract.Report, queries []string, template map[string]int) measured {
	docs := len(reports)
	for _, r := range reports {
		docs += len(r.Items)
	}
	dir := filepath.Join(b.TempDir(), an.index)
	start := time.Now()
	ix := buildCompared(b, dir, an, ids, reports)
	if err := ix.Close(); err != nil { // persists everything
		b.Fatal(err)
	}
	var m measured
	m.docsPerSec = float64(docs) / time.Since(start).Seconds()
	m.bytes = compactedSize(b, dir, an)
	ix, err := open(dir, DefaultTimeout, an)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if template != nil {
		n := float64(len(queries))
		for _, q := range queries {
			qm := measureQuery(b, ix, q, template)
			m.p10 += qm.p10 / n
			m.precision += qm.precision / n
			m.recall += qm.recall / n
		}
	}
	var lat []time.Duration
	for range 20 {
		for _, q := range queries {
			t0 := time.Now()
			if _, err := ix.Search(context.Background(), Query{Text: q, Size: 10}); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
		}
	}
	slices.Sort(lat)
	m.p50, m.p99 = lat[len(lat)/2], lat[len(lat)*99/100]
	return m
}

// extractedSynth generates n synthetic reports and reads them through
// ingest and extract, as `jixiao ingest` would.
func extractedSynth(b *testing.B, n int, seed int64) (ids []string, reports []*extract.Report) {
	b.Helper()
	dir := b.TempDir()
	truths, err := synth.Generate(dir, n, synth.Options{Seed: seed, Formats: []string{"md", "txt"}})
	if err != nil {
		b.Fatal(err)
	}
	for i, tr := range truths {
		doc, err := ingest.ReadFile(context.Background(), filepath.Join(dir, tr.File), ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		r, err := extract.Extract(doc)
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, fmt.Sprintf("s%04d", i))
		reports = append(reports, r)
	}
	return ids, reports
}

// compactedSize merges the index into one segment and returns the size of
// that segment: the files on disk vary from run to run with how far merging
// got and which old snapshots scorch still keeps.
func compactedSize(t testing.TB, dir string, an analyzers) float64 {
	ix, err := open(dir, DefaultTimeout, an)
	if err != nil {
		t.Fatal(err)
	}
	adv, err := ix.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		t.Fatalf("index is %T, not scorch", adv)
	}
	if err := s.ForceMerge(context.Background(), &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	// Segment files are named by epoch, zero-padded: the last is the merge.
	zaps, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil || len(zaps) == 0 {
		t.Fatalf("no segment in %s: %v", dir, err)
	}
	slices.Sort(zaps)
	fi, err := os.Stat(zaps[len(zaps)-1])
	if err != nil {
		t.Fatal(err)
	}
	return float64(fi.Size())
}
