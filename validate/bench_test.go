package validate

import (
	"context"
	"os"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/segment"
	"github.com/jixiao/jixiao/ingest"
)

// BenchmarkExtractValidate measures the whole narrative path on the
// reference report: normalise, extract (with jieba linking and keywords),
// validate. The segmenter is loaded before the clock starts.
func BenchmarkExtractValidate(b *testing.B) {
	data, err := os.ReadFile(shared + "nantun-2023.md")
	if err != nil {
		b.Fatal(err)
	}
	segment.MustDefault()
	b.ReportAllocs()
	for b.Loop() {
		doc, err := ingest.Read(context.Background(), "nantun-2023.md", data, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		r, err := extract.Extract(doc)
		if err != nil {
			b.Fatal(err)
		}
		if fs := Report(r); len(fs) == 0 {
			b.Fatal("no findings")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

// BenchmarkValidate measures the rules alone, for comparison.
func BenchmarkValidate(b *testing.B) {
	data, err := os.ReadFile(shared + "nantun-2023.md")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := ingest.Read(context.Background(), "nantun-2023.md", data, ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	r, err := extract.Extract(doc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Report(r)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}
