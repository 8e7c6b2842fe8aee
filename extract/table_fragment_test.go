package extract

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/ingest"
)

// TestTwoFormsInOneFile reads a page that holds the tail of one 自评表 (its
// indicator rows and 合计, its start on an earlier page) and then a whole
// second one: the tail is a table of its own even without a title, and its
// 合计 — which counts the 预算执行 row it does not hold — is named in a
// warning, not kept as a total to check its rows against.
func TestTwoFormsInOneFile(t *testing.T) {
	const id = "sichuan-daying-sifaju-2023-ankezhidai"
	text := realDoc(t, id)
	doc := ingest.Assemble(id, "", ingest.FormatText, []ingest.Page{{N: 1, Text: text}}, nil)
	reps, err := ExtractAll(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 {
		t.Fatalf("reports = %d, want 2", len(reps))
	}
	tail, form := reps[0], reps[1]
	if tail.Genre != ProjectTable || len(tail.Indicators) != 1 || tail.TotalRow != nil || tail.TotalScore != nil {
		t.Fatalf("tail: genre %s, %d indicators, total %v", tail.Genre, len(tail.Indicators), tail.TotalRow)
	}
	if in := tail.Indicators[0]; in.Level3 != "成本控制数" || in.Nature != "≤" || in.Target != "30" || decString(in.Weight) != "90" || decString(in.Score) != "90" {
		t.Errorf("tail indicator = %s", dumpJSON(in))
	}
	warned := false
	for _, w := range tail.Warnings {
		warned = warned || strings.Contains(w, "合计 分值 100") && strings.Contains(w, "table-fragment")
	}
	if !warned {
		t.Errorf("no table-fragment warning: %q", tail.Warnings)
	}
	if form.Title != "部门预算项目支出绩效自评表(2023年度)" || form.Unit != "大英县司法局" || len(form.Funds) != 4 {
		t.Fatalf("form: title %q unit %q, %d fund rows", form.Title, form.Unit, len(form.Funds))
	}
	if f := form.Funds[0]; f.Row != "总额" || decString(f.InitialWan) != "0" || decString(f.BudgetWan) != "3.36" || decString(f.ExecutedWan) != "3.36" ||
		decString(f.Weight) != "10" || decString(f.Rate) != "100" || decString(f.Score) != "10" {
		t.Errorf("总额 = %s", dumpJSON(f))
	}
}
