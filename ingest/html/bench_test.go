package html

import (
	"bytes"
	"testing"

	"golang.org/x/net/html"
)

// BenchmarkExtract reads the fixture pages; BenchmarkBaseline only parses
// them with golang.org/x/net/html (no decoding, no article search), so the
// ratio is the cost of decoding, the statistics pass and rendering.
func BenchmarkExtract(b *testing.B) {
	for _, name := range []string{"nantun-2023.html", "portal-gbk.html", "xiangmu-table-gbk.html"} {
		data := readFile(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Extract(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBaseline(b *testing.B) {
	for _, name := range []string{"nantun-2023.html", "portal-gbk.html", "xiangmu-table-gbk.html"} {
		data := readFile(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := html.Parse(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
