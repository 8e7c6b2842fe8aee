package validate

import (
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

func init() {
	register(Rule{ID: "claim-contradicted", Severity: Warning, Summary: "文中称全部按预算实施完毕，而各项目的拨付情况与之不符", Check: ClaimContradicted})
}

// ClaimContradicted flags a claim that everything was carried out
// (全部按预算实施验收完毕) when items were not, or only partly, disbursed.
func ClaimContradicted(r *extract.Report) []Finding {
	if len(r.Claims) == 0 {
		return nil
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
		out = append(out, Finding{
			Rule: "claim-contradicted", Severity: Warning,
			Message: fmt.Sprintf("报告称「%s」，但%s", shorten(c.Text, 40), strings.Join(parts, "，")),
			Items:   append(append([]int(nil), none...), partial...), Page: c.Page, Span: &span,
		})
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
