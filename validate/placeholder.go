package validate

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

// placeholder: rows of the template left in the table — an indicator named
// only 指标1 / 指标2, or a cell of ……, XX, ×× where a name or a figure belongs.
// Info: the table is unfinished, not wrong.
func init() {
	register(Rule{ID: "placeholder", Name: "模板占位未填", Severity: Info,
		Summary: "表中留有模板占位内容（指标2、……、XX、××）",
		Check:   checkPlaceholders})
}

var (
	placeholderName = regexp.MustCompile(`^(指标|三级指标|二级指标)\s*[0-9一二三四五六七八九十]+[:：]?$`)
	placeholderMark = regexp.MustCompile(`[XＸxｘ×]{2,}|…{1,}|\.{3,}|。{3,}|[*＊]{2,}`)
)

func checkPlaceholders(r *extract.Report) []Finding {
	var out []Finding
	for _, ind := range r.Indicators {
		var what []string
		if placeholderName.MatchString(strings.TrimSpace(ind.Level3)) {
			what = append(what, "三级指标「"+strings.TrimSpace(ind.Level3)+"」")
		}
		for _, c := range []struct{ name, v string }{{"三级指标", ind.Level3}, {"年度指标值", ind.Target}, {"实际完成值", ind.Actual}} {
			if v := strings.TrimSpace(c.v); placeholderMark.MatchString(v) && !placeholderName.MatchString(v) {
				what = append(what, c.name+"「"+v+"」")
			}
		}
		if len(what) == 0 {
			continue
		}
		out = append(out, Finding{Rule: "placeholder", Severity: Info,
			Message: fmt.Sprintf("%s行留有模板占位内容：%s (placeholder)", levelPath(ind), strings.Join(what, "，")),
			Items:   []int{1}, Page: ind.Page, Span: spanOf(ind.Span)})
	}
	return out
}

// levelPath is where a row sits: 产出指标 / 数量指标.
func levelPath(ind extract.Indicator) string {
	var parts []string
	for _, p := range []string{ind.Level1, ind.Level2} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " / ")
}
