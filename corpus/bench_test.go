package corpus

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jixiao/jixiao/bench/procstat"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/synth"
	"github.com/jixiao/jixiao/validate"
)

// BenchmarkIngest ingests JIXIAO_BENCH_N (default 300) synthetic reports
// into a fresh corpus per iteration and reports reports/s, the same files
// read, extracted and validated without a store (ref-reports/s, measured in
// the same run) and their ratio, peak RSS and the database's bytes per report.
//
//	go test -run '^$' -bench Ingest -benchtime 1x ./corpus/
//	JIXIAO_BENCH_N=10000 go test -run '^$' -bench Ingest -benchtime 1x -timeout 1h ./corpus/
func BenchmarkIngest(b *testing.B) {
	n := 300
	if v, err := strconv.Atoi(os.Getenv("JIXIAO_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	src := filepath.Join(b.TempDir(), "src")
	truths, err := synth.Generate(src, n, synth.Options{Seed: 1, Formats: synthFormats})
	if err != nil {
		b.Fatal(err)
	}
	files := make([]string, len(truths))
	for i, t := range truths {
		files[i] = filepath.Join(src, t.File)
	}
	ref := extractOnly(b, files)
	procstat.ResetPeakRSS()
	b.ResetTimer()

	var took time.Duration
	var dbBytes int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "c")
		s, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		sum, err := s.IngestFiles(context.Background(), files, IngestOptions{Read: testRead})
		took = time.Since(start)
		b.StopTimer()
		if err != nil || sum.Stored != n {
			b.Fatalf("%+v %v", sum, err)
		}
		s.Close()
		dbBytes = dirSize(dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(n)/took.Seconds(), "reports/s")
	b.ReportMetric(float64(n)/ref.Seconds(), "ref-reports/s")
	b.ReportMetric(took.Seconds()/ref.Seconds(), "time/ref")
	b.ReportMetric(float64(procstat.PeakRSS())/(1<<20), "peakRSS-MB")
	b.ReportMetric(float64(dbBytes)/float64(n), "dbB/report")
}

// extractOnly reads, extracts and validates files with as many workers as
// Ingest uses, storing nothing: the reference for the cost of the store.
func extractOnly(b *testing.B, files []string) time.Duration {
	if _, err := extract.Extract(ingest.Assemble("warm-up", "", ingest.FormatText, []ingest.Page{{N: 1, Text: "南屯镇 2023 年绩效自评报告"}}, nil)); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				doc, err := ingest.ReadFile(context.Background(), p, testRead)
				if err != nil {
					continue
				}
				if rep, err := extract.Extract(doc); err == nil {
					validate.Report(rep)
				}
			}
		}()
	}
	for _, p := range files {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return time.Since(start)
}

func dirSize(dir string) int64 {
	var n int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
	}
	return n
}
