package ingest

import (
	"context"
	"os"
	"strings"
	"testing"
)

// BenchmarkReadLargeText reads an 8 MB text (the reference report repeated)
// and reports the bytes allocated and the heap retained per byte of input:
// text costs a small constant factor of its size, not the 27× it once did
// (per-byte offsets for every line were kept until the whole text was built).
func BenchmarkReadLargeText(b *testing.B) {
	one, err := os.ReadFile("../testdata/nantun-2023.md")
	if err != nil {
		b.Fatal(err)
	}
	data := []byte(strings.Repeat(string(one), (8<<20)/len(one)+1))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var doc *Document
	for b.Loop() {
		doc, err = Read(context.Background(), "big.md", data, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	retained := len(doc.Text) + len(doc.Original()) + 16*len(doc.anchors)
	b.ReportMetric(float64(retained)/float64(len(data)), "retained/byte")
}
