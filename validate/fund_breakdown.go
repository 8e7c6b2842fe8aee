package validate

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// Breakdowns of a fund total (按收入性质分:2030.12 with its parts, 按支出性质分 …)
// are checked as compositions too: each breakdown's parts against its own
// figure, and its figure against the total row it breaks down — the row's
// 全年执行数, or its 全年预算数 where no 执行数 is written (the templates
// that carry breakdowns put them under the year's figures).
func breakdownComposition(r *extract.Report) []Finding {
	var out []Finding
	for _, row := range r.Funds {
		for _, b := range row.Breakdowns {
			if b.Wan == nil {
				continue
			}
			var sum decimal.Decimal
			decs := []int{b.Decimals}
			var terms []string
			n := 0
			for _, p := range b.Parts {
				if p.Wan == nil {
					continue
				}
				n++
				sum = sum.Add(*p.Wan)
				decs = append(decs, p.Decimals)
				terms = append(terms, p.Label+" "+fig(*p.Wan, p.Decimals))
			}
			if n > 0 && !sum.Equal(*b.Wan) {
				out = append(out, compositionFinding(fmt.Sprintf("%s写作 %s 万元，而其分项 %s 之和为 %s 万元",
					b.Label, fig(*b.Wan, b.Decimals), strings.Join(terms, " + "), sum.String()), *b.Wan, sum, decs, b.Page, b.Span))
			}
			total, key, name := row.ExecutedWan, "executed", "全年执行数"
			if total == nil {
				total, key, name = row.BudgetWan, "budget", "全年预算数"
			}
			if total == nil || total.Equal(*b.Wan) {
				continue
			}
			out = append(out, compositionFinding(fmt.Sprintf("%s的%s写作 %s 万元，而%s为 %s 万元",
				rowName(row), name, fig(*total, row.Decimals[key]), b.Label, fig(*b.Wan, b.Decimals)),
				*total, *b.Wan, []int{row.Decimals[key], b.Decimals}, b.Page, b.Span))
		}
	}
	return out
}

func compositionFinding(what string, expected, actual decimal.Decimal, decs []int, page int, span extract.Span) Finding {
	diff := actual.Sub(expected)
	sev, note := Error, ""
	if diff.Abs().LessThanOrEqual(sumTolerance(decs...)) {
		sev, note = Info, "，差异在四舍五入范围内 (rounding)"
	}
	return Finding{Rule: "composition-mismatch", Severity: sev,
		Message:  fmt.Sprintf("%s，相差 %s 万元%s (composition-mismatch)", what, expected.Sub(actual).String(), note),
		Expected: dec(expected), Actual: dec(actual), Diff: dec(diff), FigureUnit: "万元",
		Items: []int{1}, Page: page, Span: spanOf(span)}
}
