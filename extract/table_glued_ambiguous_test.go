package extract

import (
	"strings"
	"testing"
)

// TestGluedRowsAllAmbiguous reads a sheet whose indicator figures are glued
// with no 指标性质 written (901010010 is 90 | 10 | 100 | 10 or 90 | 10 | 1001 | 0
// or …): every row allows several splits, so the rows are kept with their
// names, their figures are left out, and each row's warning names the
// readings — the block is not dropped unsaid.
func TestGluedRowsAllAmbiguous(t *testing.T) {
	const id = "chongqing-liangping-linyeju-2023-zhengti"
	r := extractText(t, id, realDoc(t, id))
	names := []string{"天然林和公益林管护当期任务完成率", "国家级公益林管护面积", "森林抚育(营林)面积",
		"天保工程区森林资源管护面积", "森林火灾受害率", "主要林业有害生物成灾率"}
	if len(r.Indicators) < len(names) {
		t.Fatalf("indicators = %d, want at least %d:\n%s", len(r.Indicators), len(names), dumpJSON(r.Indicators))
	}
	for i, n := range names {
		g := r.Indicators[i]
		if !strings.HasSuffix(g.Level3, n) || g.Weight != nil || g.Score != nil || !g.Unsure {
			t.Errorf("indicator %d = %s, want %s with no figure", i, dumpJSON(g), n)
		}
	}
	warned := 0
	for _, w := range r.Warnings {
		if strings.Contains(w, "ambiguous-split") && strings.Contains(w, "；或") {
			warned++
		}
	}
	if warned < len(names) {
		t.Errorf("%d ambiguous-split warnings, want %d: %q", warned, len(names), r.Warnings)
	}
}
