package validate

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// composition-mismatch: a total row of a table against its component rows.
//
//   - funds: 年度资金总额 against 本年财政拨款 + 上年结转资金 + 其他资金 (the
//     level-1 rows), and a level-1 row against its level-2 rows, column by
//     column (年初预算数, 全年预算数, 全年执行数); blank components count as 0,
//     a column whose components are all blank is not checked;
//   - indicators: a row against its 其中 sub-rows (29.5亩 against
//     1.5亩 + 5亩 + 20亩 + 3亩), target and actual, when every value is a
//     plain number in the same unit (or all are head counts: 只, 头, 个 …).
//
// Expected is the total as written, Actual the sum of its parts, Diff
// Actual − Expected. Equal sums are right; a difference within the rounding of the figures as
// written (half a unit of the finest decimal written, per figure: see
// sumTolerance) is rounding (info); anything else is an error.
func init() {
	register(Rule{ID: "composition-mismatch", Name: "组成之和不符", Severity: Error, Summary: "合计行不等于其组成行之和；指标值不等于其“其中”各项之和", Check: checkComposition})
}

var fundColumns = []struct{ key, name string }{
	{"initial", "年初预算数"}, {"budget", "全年预算数"}, {"executed", "全年执行数"},
}

func fundValue(f extract.FundRow, key string) *decimal.Decimal {
	switch key {
	case "initial":
		return f.InitialWan
	case "budget":
		return f.BudgetWan
	case "executed":
		return f.ExecutedWan
	}
	return nil
}

func checkComposition(r *extract.Report) []Finding {
	var out []Finding
	// funds: each row of level L against the rows of level L+1 that follow it
	for i, total := range r.Funds {
		var parts []extract.FundRow
		for _, f := range r.Funds[i+1:] {
			if f.Level <= total.Level {
				break
			}
			if f.Level == total.Level+1 {
				parts = append(parts, f)
			}
		}
		if len(parts) == 0 {
			continue
		}
		for _, col := range fundColumns {
			if fd, ok := fundComposition(total, parts, col.key, col.name); ok {
				out = append(out, fd)
			}
		}
	}
	out = append(out, indicatorComposition(r)...)
	out = append(out, breakdownComposition(r)...)
	return out
}

func fundComposition(total extract.FundRow, parts []extract.FundRow, key, name string) (Finding, bool) {
	t := fundValue(total, key)
	if t == nil {
		return Finding{}, false
	}
	sum := decimal.Zero
	decs := []int{total.Decimals[key]}
	var terms []string
	n := 0
	for _, p := range parts {
		v := fundValue(p, key)
		if v == nil {
			continue
		}
		n++
		sum = sum.Add(*v)
		decs = append(decs, p.Decimals[key])
		terms = append(terms, rowName(p)+" "+fig(*v, p.Decimals[key]))
	}
	if n == 0 || sum.Equal(*t) {
		return Finding{}, false
	}
	diff := sum.Sub(*t)
	sev, note := Error, ""
	if diff.Abs().LessThanOrEqual(sumTolerance(decs...)) {
		sev, note = Info, "，差异在四舍五入范围内 (rounding)"
	}
	return Finding{Rule: "composition-mismatch", Severity: sev,
		Message: fmt.Sprintf("%s的%s写作 %s 万元，而其组成 %s 之和为 %s 万元，%s%s (composition-mismatch)",
			rowName(total), name, fig(*t, total.Decimals[key]), strings.Join(terms, " + "), sum.String(), difference(diff, " 万元"), note),
		Expected: dec(*t), Actual: dec(sum), Diff: dec(diff), FigureUnit: "万元",
		Items: []int{1}, Page: total.Page, Span: spanOf(total.Span)}, true
}

// readQuantity reads a figure that sub-rows can add up to: a count or an
// amount (29.5亩, 192只), not a target with a direction (≥30户) and not a
// percentage (shares of a whole do not add).
func readQuantity(s string) (extract.Measure, bool) {
	m, ok := extract.ReadMeasure(s)
	return m, ok && !m.HasDir && m.Unit != "%" && !strings.ContainsAny(s, "=<>＝")
}

func indicatorComposition(r *extract.Report) []Finding {
	var out []Finding
	for pi, parent := range r.Indicators {
		var parts []extract.Indicator
		for _, ind := range r.Indicators {
			if ind.PartOf == pi+1 {
				parts = append(parts, ind)
			}
		}
		if len(parts) == 0 {
			continue
		}
		if fd, ok := subRowFinding(parent, parts, "年度指标值", func(i extract.Indicator) string { return i.Target }); ok {
			out = append(out, fd)
		}
		if fd, ok := subRowFinding(parent, parts, "实际完成值", func(i extract.Indicator) string { return i.Actual }); ok {
			out = append(out, fd)
		}
	}
	return out
}

// subRowFinding checks one column of an indicator against its 其中 sub-rows.
func subRowFinding(parent extract.Indicator, parts []extract.Indicator, name string, get func(extract.Indicator) string) (Finding, bool) {
	total, ok := readQuantity(get(parent))
	if !ok {
		return Finding{}, false
	}
	sum, decs := decimal.Zero, []int{total.Decimals}
	var terms []string
	for _, p := range parts {
		q, ok := readQuantity(get(p))
		if !ok || !extract.SameKind(q.Unit, total.Unit) {
			return Finding{}, false
		}
		sum = sum.Add(q.Value)
		decs = append(decs, q.Decimals)
		terms = append(terms, strings.TrimSpace(get(p)))
	}
	if sum.Equal(total.Value) {
		return Finding{}, false
	}
	diff := sum.Sub(total.Value)
	sev, note := Error, ""
	if diff.Abs().LessThanOrEqual(sumTolerance(decs...)) {
		sev, note = Info, "，差异在四舍五入范围内 (rounding)"
	}
	return Finding{Rule: "composition-mismatch", Severity: sev,
		Message: fmt.Sprintf("指标「%s」的%s写作 %s，而其中各项 %s 之和为 %s%s，%s%s (composition-mismatch)",
			parent.Level3, name, strings.TrimSpace(get(parent)), strings.Join(terms, " + "), sum.String(), total.Unit, difference(diff, total.Unit), note),
		Expected: dec(total.Value), Actual: dec(sum), Diff: dec(diff), FigureUnit: total.Unit,
		Items: []int{1}, Page: parent.Page, Span: spanOf(parent.Span)}, true
}
