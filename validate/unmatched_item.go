package validate

import (
	"fmt"

	"github.com/jixiao/jixiao/extract"
)

func init() {
	register(Rule{ID: "unmatched-item", Name: "评价与项目不对应", Severity: Warning, Summary: "评价部分的条目没有对应的项目，或所列项目没有评价", Check: UnmatchedItem})
}

// UnmatchedItem flags evaluation entries with no listed item and listed
// items with no evaluation entry, when the report has both sections.
func UnmatchedItem(r *extract.Report) []Finding {
	if len(r.Evaluations) == 0 || len(r.Items) == 0 {
		return nil
	}
	linked := map[int]bool{}
	var out []Finding
	for _, ev := range r.Evaluations {
		if ev.Item != 0 {
			linked[ev.Item] = true
			continue
		}
		span := ev.Span
		out = append(out, Finding{Rule: "unmatched-item", Severity: Warning, Page: ev.Page, Span: &span,
			Message: fmt.Sprintf("评价部分的「%s」在项目概况中找不到对应项目", ev.Heading)})
	}
	for _, it := range r.Items {
		if linked[it.Seq] {
			continue
		}
		span := it.Span
		out = append(out, Finding{Rule: "unmatched-item", Severity: Warning, Items: []int{it.Seq}, Page: it.Page, Span: &span,
			Message: fmt.Sprintf("%s在评价部分没有对应的评价", itemLabel(it))})
	}
	return out
}
