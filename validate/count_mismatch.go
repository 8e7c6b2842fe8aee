package validate

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

func init() {
	register(Rule{ID: "count-mismatch", Name: "项目数不符", Severity: Error, Summary: "所列项目（含“共 N 个”子项目）数与所述项目数不符", Check: CountMismatch})
}

// CountMismatch checks the listed items, each counting its 共计 N 个
// sub-projects, against the stated number of projects.
func CountMismatch(r *extract.Report) []Finding {
	if r.Stated.Count == nil || len(r.Items) == 0 || r.Genre != extract.Narrative || r.ItemsIncomplete {
		return nil // a list the text cuts off counts what it holds, not the projects
	}
	n := 0
	for _, it := range r.Items {
		n += max(1, it.Subprojects)
	}
	stated := *r.Stated.Count
	if n == stated {
		return nil
	}
	diff := n - stated
	return []Finding{{
		Rule: "count-mismatch", Severity: Error,
		Message: fmt.Sprintf("列出 %d 项（含子项目共 %d 个），报告所述项目数 %d 个，差额（重算 − 所写）%+d 个",
			len(r.Items), n, stated, diff),
		Expected: dec(decimal.NewFromInt(int64(stated))), Actual: dec(decimal.NewFromInt(int64(n))),
		Diff: dec(decimal.NewFromInt(int64(diff))), FigureUnit: "个", Page: r.Stated.Page, Span: r.Stated.Span,
	}}
}
