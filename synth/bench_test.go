package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRender measures making one report in memory (plan, lay out,
// encode), all formats mixed.
func BenchmarkRender(b *testing.B) {
	opt, _ := Options{Seed: 1}.resolved()
	units := buildUnits(opt.Seed, 1000)
	b.ReportAllocs()
	bytes := 0
	for i := 0; b.Loop(); i++ {
		_, data, err := render(units, i%11000, opt)
		if err != nil {
			b.Fatal(err)
		}
		bytes += len(data)
	}
	b.SetBytes(int64(bytes / max(b.N, 1)))
}

// BenchmarkGenerate1000 writes 1,000 reports and truth.jsonl to disk; its
// reference, BenchmarkWriteOnly1000, writes the same bytes without making
// them, so the ratio of the two is the cost of generation over plain I/O.
func BenchmarkGenerate1000(b *testing.B) {
	for b.Loop() {
		dir := b.TempDir()
		if _, err := Generate(dir, 1000, Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteOnly1000(b *testing.B) {
	opt, _ := Options{Seed: 1}.resolved()
	units := buildUnits(opt.Seed, 91)
	files := make(map[string][]byte, 1000)
	for i := 0; i < 1000; i++ {
		t, data, err := render(units, i, opt)
		if err != nil {
			b.Fatal(err)
		}
		files[t.File] = data
	}
	for b.Loop() {
		dir := b.TempDir()
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				b.Fatal(fmt.Errorf("write: %w", err))
			}
		}
	}
}
