package pdf

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkExtract reads the eight printed fixtures: in process, through the
// child process (as ingest does), and — as the reference measured in the
// same run — with poppler's pdftotext when it is installed.
func BenchmarkExtract(b *testing.B) {
	var paths []string
	var files [][]byte
	size := 0
	for _, name := range printed {
		p := filepath.Join("testdata", "printed", name+".pdf")
		paths = append(paths, p)
		files = append(files, readTestdata(b, "printed", name+".pdf"))
		size += len(files[len(files)-1])
	}
	ctx := context.Background()
	b.Run("in-process", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, d := range files {
				if _, err := Extract(ctx, d, Options{InProcess: true}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("isolated", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, d := range files {
				if _, err := Extract(ctx, d, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	for _, mode := range [][]string{nil, {"-layout"}} {
		name := "pdftotext"
		if mode != nil {
			name += mode[0]
		}
		b.Run(name, func(b *testing.B) {
			bin, err := exec.LookPath("pdftotext")
			if err != nil {
				b.Skip("pdftotext not installed")
			}
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, p := range paths {
					args := append(append([]string{}, mode...), "-q", p, "-")
					if err := exec.Command(bin, args...).Run(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
