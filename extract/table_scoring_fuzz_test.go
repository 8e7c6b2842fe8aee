package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzScoringForm feeds the scoring-form reader arbitrary text: it must not
// panic, and every span it gives must lie inside the text. Seeds: the
// layouts in testdata/tables/scoring and the real page of the class.
func FuzzScoringForm(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "tables", "scoring", "*.txt"))
	files = append(files, filepath.Join("..", "testdata", "real", "docs", "sichuan-dazhou-nongyenongcunju-xxxx-pingfenbiao.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("| 指标 | 分值 | 得分 |\n| a | 5 | 5 |\n| 合计 | 5 | 5 |")
	f.Add("一级指标\n分值\n得分\n\n合计\n\n100")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		if got, want := hasScoringForm(text), formInRows(scoringRows(text)); got != want {
			t.Fatalf("hasScoringForm = %v, the rows held whole say %v", got, want)
		}
		r := &Report{}
		p := &tableParser{text: text, pageAt: func(int) int { return 1 }, r: r}
		p.scoringForm()
		in := func(what string, s Span) {
			if s[0] < 0 || s[1] > len(text) || s[0] > s[1] {
				t.Fatalf("%s span %v outside the text (%d bytes)", what, s, len(text))
			}
		}
		for _, ind := range r.Indicators {
			in("indicator", ind.Span)
			if ind.Weight != nil && ind.Weight.GreaterThan(hundred) {
				t.Fatalf("weight %s over 100", ind.Weight)
			}
		}
		if r.TotalRow != nil {
			in("total", r.TotalRow.Span)
		}
	})
}
