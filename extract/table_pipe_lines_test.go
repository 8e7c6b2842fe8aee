package extract

import (
	"strings"
	"testing"
)

// pipePerLine lays a published "cell |" table out as a web page copied with
// its cell ends gives it: every cell and every pipe on a line of its own.
func pipePerLine(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		if !strings.Contains(l, "|") {
			b.WriteString(l + "\n")
			continue
		}
		parts := strings.Split(l, "|")
		for k, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				b.WriteString(p + "\n")
			}
			if k < len(parts)-1 {
				b.WriteString("|\n")
			}
		}
	}
	return b.String()
}

// TestPipePerLineTable reads a real scoring form whose every cell and every
// pipe stand on lines of their own: a lone pipe ends the cell above it (and
// stands for an empty cell only after another pipe), so the rows come out as
// they do from the same table written "cell |" a line.
func TestPipePerLineTable(t *testing.T) {
	const id = "hubei-ezhou-xingzhengshenpiju-2021-shiminzhongxin"
	src := realDoc(t, id)
	want := extractText(t, id, src)
	text := pipePerLine(src)
	if !strings.Contains(text, "年度资金总额\n|\n150万\n|\n") {
		t.Fatalf("layout not as meant:\n%.400s", text)
	}
	got := extractText(t, id, text)

	if len(got.Funds) != 4 {
		t.Fatalf("fund rows = %d, want 4:\n%s", len(got.Funds), dumpJSON(got.Funds))
	}
	f := got.Funds[0]
	if f.Row != "年度资金总额" || decString(f.InitialWan) != "150" || decString(f.BudgetWan) != "150" ||
		decString(f.ExecutedWan) != "125.25" || decString(f.Weight) != "100" || decString(f.Rate) != "83.5" || decString(f.Score) != "98" {
		t.Errorf("total row = %s", dumpJSON(f))
	}
	if r := got.Funds[2]; r.Row != "上年结转资金" || decString(r.ExecutedWan) != "0" || r.Weight != nil || r.Score != nil {
		t.Errorf("上年结转资金 row = %s", dumpJSON(r))
	}
	if len(got.Indicators) != len(want.Indicators) || len(got.Indicators) < 3 {
		t.Fatalf("indicators = %d, want %d", len(got.Indicators), len(want.Indicators))
	}
	in := got.Indicators[0]
	if in.Level2 != "数量指标" || in.Level3 != "预算执行率" || in.Target != "100%" || in.Actual != "83.5%" ||
		decString(in.Weight) != "20" || decString(in.Score) != "18" {
		t.Errorf("first indicator = %s", dumpJSON(in))
	}
	for i := range want.Indicators {
		w, g := want.Indicators[i], got.Indicators[i]
		if w.Level3 != g.Level3 || w.Target != g.Target || w.Actual != g.Actual || decString(w.Weight) != decString(g.Weight) || decString(w.Score) != decString(g.Score) {
			t.Errorf("indicator %d: pipe-per-line %s, cell-a-line %s", i, dumpJSON(g), dumpJSON(w))
		}
	}
}
