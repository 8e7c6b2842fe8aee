package validate

import (
	"fmt"

	"github.com/jixiao/jixiao/extract"
)

func init() {
	register(Rule{ID: "amount-unparsed", Name: "金额无法读出", Severity: Warning, Summary: "看似金额的数字无法读出（1O.5 万元）", Check: AmountUnparsed})
}

// AmountUnparsed reports figures that look like money but could not be read.
func AmountUnparsed(r *extract.Report) []Finding {
	var out []Finding
	for _, u := range r.Unparsed {
		span := u.Span
		f := Finding{Rule: "amount-unparsed", Severity: Warning, Page: u.Page, Span: &span,
			Message: fmt.Sprintf("金额无法识别：「%s」（%s）", u.Text, u.Reason)}
		if u.Item != 0 {
			f.Items = []int{u.Item}
		}
		out = append(out, f)
	}
	return out
}
