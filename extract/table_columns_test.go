package extract

import "testing"

// TestRowMajorAfterLabels reads a sheet flattened into one run of cells:
// the row labels, then the header words (with a head field's label among
// them), then each row's figures in turn.
func TestRowMajorAfterLabels(t *testing.T) {
	const id = "shanxi-jishan-yibaoju-2020-jiandangpeitao"
	r := extractText(t, id, realDoc(t, id))
	want := []struct{ row, budget, executed, weight, rate, score string }{
		{"年度资金总额", "65.66", "65.07", "10", "99", "9"},
		{"其中:当年财政拨款", "65.66", "65.07", "", "99", ""},
	}
	if len(r.Funds) != len(want) {
		t.Fatalf("fund rows = %d, want %d:\n%s", len(r.Funds), len(want), dumpJSON(r.Funds))
	}
	for i, w := range want {
		f := r.Funds[i]
		if f.Row != w.row || f.InitialWan != nil || decString(f.BudgetWan) != w.budget || decString(f.ExecutedWan) != w.executed ||
			decString(f.Weight) != w.weight || decString(f.Rate) != w.rate || decString(f.Score) != w.score {
			t.Errorf("fund row %d = %s, want %+v", i, dumpJSON(f), w)
		}
	}
	if r.Funds[1].Level != 1 {
		t.Errorf("其中 row level %d, want 1", r.Funds[1].Level)
	}
}
