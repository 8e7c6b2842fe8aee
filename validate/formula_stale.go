package validate

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

func init() {
	register(Rule{ID: "formula-stale", Name: "公式结果不符", Severity: Warning, Summary: "表格单元格显示的值与其公式的计算结果不符（手工改过，或保存时未重新计算）", Check: FormulaStale})
}

// FormulaStale reports spreadsheet cells whose cached value — the figure
// the sheet shows and the report uses — disagrees with what the cell's
// formula computes from the cells it refers to: the value was typed over,
// or the sheet was saved without recalculating. Expected is the value
// shown, Actual the formula's result.
func FormulaStale(r *extract.Report) []Finding {
	var out []Finding
	for _, f := range r.Formulas {
		fd := Finding{Rule: "formula-stale", Severity: Warning, Page: f.Page, Cell: f.Cell,
			Message: fmt.Sprintf("单元格 %s 显示的值 %s 与其公式 %s 的计算结果 %s 不符（值可能被手工改过）", f.Cell, f.Cached, f.Formula, f.Computed)}
		exp, err1 := decimal.NewFromString(f.Cached)
		act, err2 := decimal.NewFromString(f.Computed)
		if err1 == nil && err2 == nil {
			fd.Expected, fd.Actual, fd.Diff = dec(exp), dec(act), dec(act.Sub(exp))
		}
		out = append(out, fd)
	}
	return out
}
