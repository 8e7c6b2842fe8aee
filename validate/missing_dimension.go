package validate

import (
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

func init() {
	register(Rule{ID: "missing-dimension", Name: "评价缺项", Severity: Warning, Summary: "某一项目的评价缺少其他项目都有的方面（立项、资金落实、业务管理、产出、效益）", Check: MissingDimension})
}

// MissingDimension flags an evaluation entry that lacks one of the five
// dimensions at least half of the entries have (the reference report's
// items 17 and 18 have no 产出 and 效益).
func MissingDimension(r *extract.Report) []Finding {
	if len(r.Evaluations) < 2 {
		return nil
	}
	have := map[string]int{}
	for _, ev := range r.Evaluations {
		for _, d := range extract.Dimensions {
			if strings.TrimSpace(ev.Dimensions[d]) != "" {
				have[d]++
			}
		}
	}
	var expected []string
	for _, d := range extract.Dimensions {
		if have[d]*2 >= len(r.Evaluations) {
			expected = append(expected, d)
		}
	}
	var out []Finding
	for _, ev := range r.Evaluations {
		var lack []string
		for _, d := range expected {
			if strings.TrimSpace(ev.Dimensions[d]) == "" {
				lack = append(lack, d)
			}
		}
		if len(lack) == 0 {
			continue
		}
		span := ev.Span
		f := Finding{Rule: "missing-dimension", Severity: Warning, Page: ev.Page, Span: &span}
		label := fmt.Sprintf("评价「%s」", ev.Heading)
		if ev.Item != 0 {
			f.Items = []int{ev.Item}
			label = fmt.Sprintf("第 %d 项「%s」的评价", ev.Item, ev.Heading)
		}
		f.Message = fmt.Sprintf("%s缺少：%s（其他项目有）", label, strings.Join(lack, "、"))
		out = append(out, f)
	}
	return out
}
