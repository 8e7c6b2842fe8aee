package validate

import (
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

func init() {
	register(Rule{ID: "claim-contradicted", Name: "表述与数字矛盾", Severity: Warning, Summary: "文中称全部按预算实施完毕或已全部拨付，而各项目的拨付情况或所述拨付金额与之不符", Check: ClaimContradicted})
}

// ClaimContradicted flags a claim that everything was carried out
// (全部按预算实施验收完毕) when items were not, or only partly, disbursed.
func ClaimContradicted(r *extract.Report) []Finding {
	if len(r.Claims) == 0 {
		return nil
	}
	known := false // an item whose payment the text states
	for _, it := range r.Items {
		known = known || it.Disbursement != extract.Unknown && it.Disbursement != ""
	}
	if len(r.Items) == 0 || !known {
		// no items, or items listed with their budgets only: the claim stands
		// against the payment the text states for them all
		return claimAgainstStated(r)
	}
	var none, partial []int
	for _, it := range r.Items {
		switch it.Disbursement {
		case extract.None:
			none = append(none, it.Seq)
		case extract.Partial:
			partial = append(partial, it.Seq)
		}
	}
	if len(none) == 0 && len(partial) == 0 {
		return nil
	}
	var out []Finding
	for _, c := range r.Claims {
		var parts []string
		if len(none) > 0 {
			parts = append(parts, fmt.Sprintf("第 %s 项未拨付", seqList(none)))
		}
		if len(partial) > 0 {
			parts = append(parts, fmt.Sprintf("第 %s 项仅部分拨付", seqList(partial)))
		}
		span := c.Span
		f := Finding{
			Rule: "claim-contradicted", Severity: Warning,
			Message: fmt.Sprintf("报告称「%s」，但%s", shorten(c.Text, 40), strings.Join(parts, "，")),
			Items:   append(append([]int(nil), none...), partial...), Page: c.Page, Span: &span,
		}
		if len(f.Items) == 1 {
			// one item: its budget and what was paid are the figures of the contradiction
			for _, it := range r.Items {
				if it.Seq == f.Items[0] && it.BudgetWan != nil && it.ActualWan != nil {
					f.Expected, f.Actual, f.Diff, f.FigureUnit = dec(*it.BudgetWan), dec(*it.ActualWan), dec(it.ActualWan.Sub(*it.BudgetWan)), "万元"
				}
			}
		}
		out = append(out, f)
	}
	return out
}

// shorten keeps the end of a long sentence, where a claim usually stands.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n:])
}

// claimAgainstStated: with no items, a claim of full payment against a stated
// payment below the stated total (已全部拨付 vs 已完成拨付2113.63万元 of 2179).
func claimAgainstStated(r *extract.Report) []Finding {
	if r.Stated.TotalWan == nil {
		return nil
	}
	for _, c := range r.Stated.Candidates {
		if c.Role != "actual" || c.Wan == nil || !c.Wan.LessThan(*r.Stated.TotalWan) || c.Wan.IsZero() {
			continue
		}
		var out []Finding
		for _, cl := range r.Claims {
			span := cl.Span
			out = append(out, Finding{Rule: "claim-contradicted", Severity: Warning,
				Message:  fmt.Sprintf("报告称「%s」，但所述支付 %s 万元少于总额 %s 万元", shorten(cl.Text, 40), c.Wan.String(), r.Stated.TotalWan.String()),
				Expected: dec(*r.Stated.TotalWan), Actual: dec(*c.Wan), Diff: dec(c.Wan.Sub(*r.Stated.TotalWan)), FigureUnit: "万元", Page: cl.Page, Span: &span})
		}
		return out
	}
	return nil
}
