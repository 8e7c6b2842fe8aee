package validate

import (
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/money"
)

func init() {
	register(Rule{ID: "total-mismatch", Name: "总额不符", Severity: Error, Summary: "各项目预算之和不等于所述总额", Check: TotalMismatch})
}

// TotalMismatch checks the items' budgets against the stated total. A
// difference within what rounding of the figures as written explains is info.
func TotalMismatch(r *extract.Report) []Finding {
	if r.Stated.Total == nil || len(r.Items) == 0 || r.Genre != extract.Narrative || r.ItemsIncomplete || groups(r.Items) > 1 {
		// a list cut off by the text, or items listed under several totals
		// (each checked against its own total by sum-mismatch), say nothing
		// of the stated total
		return nil
	}
	for _, s := range r.Sums {
		if len(s.Parts) == len(r.Items) && s.Total.Wan.Equal(r.Stated.Total.Wan) {
			return nil // the items are the parts of a stated sum: sum-mismatch says it once
		}
	}
	if g := r.Items[0].Group; g != "" && groups(r.Items) == 1 && !strings.HasSuffix(strings.TrimSpace(g), strings.TrimSpace(r.Stated.Total.Raw)) {
		// the items break down another figure (…部门预算项目支出105.5万元，分别是…),
		// not the stated total: sum-mismatch checks them against their own
		return nil
	}
	amounts := []*money.Amount{}
	var missing []int
	for _, it := range r.Items {
		if it.Budget == nil {
			missing = append(missing, it.Seq)
			continue
		}
		amounts = append(amounts, it.Budget)
	}
	if len(amounts) == 0 {
		return nil // the items are named without amounts: nothing to add up
	}
	total, tol, inexact := sum(amounts)
	stated := *r.Stated.Total
	tol = tol.Add(stated.HalfUlp())
	diff, equal, rounding := compare(stated.Wan, total, tol)
	if equal && len(missing) == 0 {
		return nil
	}
	f := Finding{Rule: "total-mismatch", Severity: Error, Expected: dec(stated.Wan), Actual: dec(total), Diff: dec(diff), FigureUnit: "万元",
		Page: r.Stated.Page, Span: r.Stated.Span}
	detail := fmt.Sprintf("%d 项预算合计 %s，报告所述总额 %s，%s", len(amounts), wan(total), wan(stated.Wan), difference(diff, " 万元"))
	switch {
	case len(missing) > 0:
		f.Severity = Warning
		f.Items = missing
		f.Message = fmt.Sprintf("无法核对总额：第 %s 项没有可读的预算金额；其余%s", seqList(missing), detail)
	case equal:
		return nil
	case rounding:
		f.Severity = Info
		f.Message = fmt.Sprintf("舍入差 (rounding)：%s，在书写精度可解释的范围（±%s 万元）内", detail, tol)
	case inexact || !stated.Exact():
		f.Severity = Warning
		f.Message = "预算合计与总额不符（含约数或区间金额）：" + detail
	default:
		f.Message = "预算合计与总额不符：" + detail
	}
	return []Finding{f}
}

// groups counts the distinct totals the items are listed under.
func groups(items []extract.Item) int {
	seen := map[string]bool{}
	for _, it := range items {
		if it.Group != "" {
			seen[it.Group] = true
		}
	}
	return len(seen)
}
