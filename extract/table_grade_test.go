package extract

import (
	"fmt"
	"strings"
	"testing"
)

// The （N分） of a 一级 header, a row marked 不适用 and a stated 自评等级 are
// read for the scoring checks of validate.
func TestTableLevelWeightsNotApplicableGrade(t *testing.T) {
	text := loadTableSample(t, "made/weights_grade.txt")
	r := extractText(t, "weights_grade", text)
	var got []string
	for _, ind := range r.Indicators {
		w := "-"
		if ind.Level1Weight != nil {
			w = ind.Level1Weight.String()
		}
		got = append(got, fmt.Sprintf("%s %s %s %v", ind.Level1, w, ind.Level3, ind.NotApplicable))
	}
	want := []string{
		"产出指标 50 硬化道路长度 false",
		"产出指标 50 验收合格率 false",
		"产出指标 50 完工及时率 true",
		"效益指标 30 受益群众人数 false",
		"满意度指标 10 群众满意度 false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("indicators:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Grade != "优" || r.GradeSpan == nil || textOf(t, "made/weights_grade.txt", *r.GradeSpan) != "优" {
		t.Errorf("grade %q at %v", r.Grade, r.GradeSpan)
	}
}
