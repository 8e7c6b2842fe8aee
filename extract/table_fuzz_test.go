package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzReadTable feeds the table reader arbitrary text: it must not panic,
// must finish, and every span it gives must lie inside the text. Seeds: the
// samples and the hand-made tables in testdata/tables, and their layouts.
func FuzzReadTable(f *testing.F) {
	for _, dir := range []string{"testdata/tables", "testdata/tables/made"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(stripNotes(string(b)))
		}
	}
	for _, m := range []tableModel{langfangModel, xiaoxianModel} {
		f.Add(m.pipeRows())
		f.Add(m.cellLines())
		f.Add(m.pipeLines(true))
		f.Add(m.tailWrapped())
		f.Add(m.flattened(false))
		f.Add(m.glued())
	}
	f.Add("年度资金总额202010100.00%10\n其中:财政拨款111111111111111111111111111111111111111")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		detectTable(text)
		r := &Report{}
		readTable(text, func(int) int { return 1 }, r)
		r.Sums = findSums(text, 0, len(text), nil)
		in := func(what string, s Span) {
			if s[0] < 0 || s[1] > len(text) || s[0] > s[1] {
				t.Fatalf("%s: span %v outside text of %d bytes", what, s, len(text))
			}
		}
		for _, fr := range r.Funds {
			in("fund "+fr.Row, fr.Span)
			for k, d := range fr.Decimals {
				if d < 0 {
					t.Fatalf("fund %s: %s decimals %d", fr.Row, k, d)
				}
			}
		}
		for i, ind := range r.Indicators {
			in("indicator "+ind.Level3, ind.Span)
			if ind.PartOf < 0 || ind.PartOf > i {
				t.Fatalf("indicator %d part of %d", i+1, ind.PartOf)
			}
		}
		for _, s := range r.Sums {
			in("sum", s.Span)
			if len(s.Parts) < 2 {
				t.Fatalf("sum with %d parts", len(s.Parts))
			}
		}
		if r.Goals != nil {
			in("goals", r.Goals.Span)
		}
		if r.TotalRow != nil {
			in("total", r.TotalRow.Span)
		}
		if utf8.ValidString(text) && r.Project != nil && !utf8.ValidString(r.Project.Name) {
			t.Fatalf("project name %q not UTF-8", r.Project.Name)
		}
	})
}
