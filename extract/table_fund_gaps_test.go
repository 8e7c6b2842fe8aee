package extract

import "testing"

// TestFundHeaderGaps reads a Sichuan form whose fund header leaves two empty
// cells after 预算执行数 (a merged cell) that every value row leaves empty
// too: the figures are read by position once those gaps are dropped, the
// zero rows included, and the title is cut off the page's words glued
// before it.
func TestFundHeaderGaps(t *testing.T) {
	const id = "sichuan-nanchong-linyeju-2023-tuigenghuanlin"
	r := extractText(t, id, realDoc(t, id))
	if r.Title != "部门预算项目支出绩效自评表(2023年度)" || r.Year != 2023 {
		t.Errorf("title %q year %d", r.Title, r.Year)
	}
	want := []struct{ row, initial, budget, executed, rate, weight, score string }{
		{"总额", "5", "5", "5", "100", "10", ""},
		{"其中:财政资金", "5", "5", "5", "100", "", ""},
		{"财政专户管理资金", "0", "0", "0", "0", "", ""},
		{"单位资金", "0", "0", "0", "0", "", ""},
	}
	if len(r.Funds) != len(want) {
		t.Fatalf("fund rows = %d, want %d:\n%s", len(r.Funds), len(want), dumpJSON(r.Funds))
	}
	for i, w := range want {
		f := r.Funds[i]
		if f.Row != w.row || decString(f.InitialWan) != w.initial || decString(f.BudgetWan) != w.budget || decString(f.ExecutedWan) != w.executed ||
			decString(f.Rate) != w.rate || decString(f.Weight) != w.weight || decString(f.Score) != w.score {
			t.Errorf("fund row %d = %s, want %+v", i, dumpJSON(f), w)
		}
	}
	if f := r.Funds[0]; f.Written["initial"] != "5.00" || f.Written["rate"] != "100.00%" {
		t.Errorf("written %v", f.Written)
	}
	for _, w := range r.Warnings {
		t.Errorf("no warning expected, got %q", w)
	}
}

// TestDropGaps keeps a row that writes into a header gap as it is.
func TestDropGaps(t *testing.T) {
	gaps := []bool{false, true, false}
	row := []cell{{key: "1"}, {}, {key: "2"}}
	if got := dropGaps(row, gaps); len(got) != 2 || got[1].key != "2" {
		t.Errorf("empty gap: %v", got)
	}
	row[1] = cell{key: "9"}
	if got := dropGaps(row, gaps); len(got) != 3 {
		t.Errorf("filled gap dropped: %v", got)
	}
}
