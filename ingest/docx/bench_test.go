package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"testing"
)

// BenchmarkExtract reads the fixtures; BenchmarkBaseline is the least any
// reader must do with the same file — open the zip and tokenise
// document.xml with encoding/xml — so the ratio of the two is the cost of
// our walk, numbering and rendering.
func BenchmarkExtract(b *testing.B) {
	for _, name := range []string{"nantun-2023-lo.docx", "nantun-2023-autonum.docx", "xiangmu-table.docx"} {
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
	for _, name := range []string{"nantun-2023-lo.docx", "nantun-2023-autonum.docx", "xiangmu-table.docx"} {
		data := readFile(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
				if err != nil {
					b.Fatal(err)
				}
				f, err := zr.Open("word/document.xml")
				if err != nil {
					b.Fatal(err)
				}
				d := xml.NewDecoder(f)
				for {
					if _, err := d.Token(); err == io.EOF {
						break
					} else if err != nil {
						b.Fatal(err)
					}
				}
				f.Close()
			}
		})
	}
}
