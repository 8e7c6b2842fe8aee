package validate

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// sum-mismatch: a total stated in prose against the parts listed with it
// (…12.08万元;…18.8万元;…;共计40.83万元, or 共完成预算资金89.97万元，其中：
// 30万元…；30万元…；29.99万元…). It is its own rule rather than part of
// composition-mismatch because its figures come from sentences, not from
// table rows: a reviewer weighs them differently. Approximate amounts and
// ranges are not checked. Expected is the stated total, Actual the sum of the
// parts, Diff Actual − Expected. Equal is right; within half a unit of the finest
// decimal written, per figure, is rounding (info), with amounts taken at
// 0.01万元 at least (30万元 beside 29.99万元 means 30.00; see sumTolerance);
// anything else an error.
func init() {
	register(Rule{ID: "sum-mismatch", Name: "合计不符", Severity: Error, Summary: "文中所述合计不等于同处（或下一句）列出的各部分之和", Check: checkSums})
}

func checkSums(r *extract.Report) []Finding {
	var out []Finding
	for _, s := range r.Sums {
		if !s.Total.Exact() || len(s.Parts) < 2 {
			continue
		}
		sum, finest := decimal.Zero, s.Total.HalfUlp()
		var terms []string
		exact := true
		for _, p := range s.Parts {
			if !p.Exact() {
				exact = false
				break
			}
			sum = sum.Add(p.Wan)
			finest = decimal.Min(finest, p.HalfUlp())
			terms = append(terms, strings.TrimSpace(p.Raw))
		}
		if !exact || sum.Equal(s.Total.Wan) {
			continue
		}
		diff := sum.Sub(s.Total.Wan)
		sev, note := Error, ""
		// at the finest precision written, and at least 0.01万元 (amountDecimals)
		finest = decimal.Min(finest, halfAtDecimals(amountDecimals))
		tol := finest.Mul(decimal.NewFromInt(int64(len(s.Parts) + 1)))
		if diff.Abs().LessThanOrEqual(tol) {
			sev, note = Info, "，差异在四舍五入范围内 (rounding)"
		}
		out = append(out, Finding{Rule: "sum-mismatch", Severity: sev,
			Message: fmt.Sprintf("「%s」%s，而所列各项 %s 之和为 %s 万元，%s%s (sum-mismatch)",
				s.Label, strings.TrimSpace(s.Total.Raw), strings.Join(terms, " + "), sum.String(), difference(diff, " 万元"), note),
			Expected: dec(s.Total.Wan), Actual: dec(sum), Diff: dec(diff), FigureUnit: "万元",
			Page: s.Page, Span: spanOf(s.Span)})
	}
	return out
}
