package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// TestPrintIndicators: the human report lists a narrative report's prose
// indicators after its items, as it lists a table's rows with weight and score.
func TestPrintIndicators(t *testing.T) {
	w, s := decimal.NewFromInt(10), decimal.NewFromInt(9)
	r := &extract.Report{Genre: extract.Narrative, Items: []extract.Item{}, Indicators: []extract.Indicator{
		{Level1: "产出指标", Level2: "数量指标", Level3: "补助人数", Target: "9人", Actual: "9人", Page: 1},
		{Level1: "满意度指标", Level3: "受益群众满意度", Actual: "98%", Weight: &w, Score: &s, Page: 2},
	}}
	var b bytes.Buffer
	printReport(&b, r)
	out := b.String()
	if strings.Contains(out, "没有识别出项目") {
		t.Errorf("a report with indicators says no items were recognised:\n%s", out)
	}
	i := strings.Index(out, "绩效指标 2 项：\n")
	if i < 0 {
		t.Fatalf("no indicator list:\n%s", out)
	}
	var rows []string
	for _, ln := range strings.Split(strings.TrimSpace(out[i:]), "\n")[3:] {
		rows = append(rows, strings.Join(strings.Fields(ln), " "))
	}
	want := []string{"产出指标 数量指标 补助人数 9人 9人 — — 1", "满意度指标 受益群众满意度 — 98% 10 9 2"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}
