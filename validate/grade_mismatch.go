package validate

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// grade-mismatch: a stated 等级 (优/良/中/差, 优秀/良好/合格/不合格) against
// the 总分 under the bands of 财预〔2020〕10号: [90,100] 优, [80,90) 良,
// [60,80) 中, [0,60) 差. Actual is the 总分; the grades are words, in the
// message.
func init() {
	register(Rule{ID: "grade-mismatch", Name: "等级与总分不符", Severity: Error,
		Summary: "所写等级与总分不符（90–100 优，80–90 良，60–80 中，60 以下差）",
		Check:   checkGrade})
}

// gradeBand maps a grade as written to its band.
var gradeBand = map[string]string{"优": "优", "优秀": "优", "良": "良", "良好": "良",
	"中": "中", "合格": "中", "及格": "中", "差": "差", "不合格": "差", "不及格": "差"}

func bandOf(total decimal.Decimal) string {
	switch {
	case total.GreaterThanOrEqual(decimal.NewFromInt(90)):
		return "优"
	case total.GreaterThanOrEqual(decimal.NewFromInt(80)):
		return "良"
	case total.GreaterThanOrEqual(decimal.NewFromInt(60)):
		return "中"
	}
	return "差"
}

var bandText = map[string]string{"优": "[90,100] 优", "良": "[80,90) 良", "中": "[60,80) 中", "差": "[0,60) 差"}

func checkGrade(r *extract.Report) []Finding {
	if r.Grade == "" || r.TotalScore == nil {
		return nil
	}
	stated, ok := gradeBand[r.Grade]
	if !ok {
		return nil
	}
	want := bandOf(*r.TotalScore)
	if want == stated {
		return nil
	}
	f := Finding{Rule: "grade-mismatch", Severity: Error,
		Message: fmt.Sprintf("自评等级写作「%s」，而总分 %s 属于 %s (grade-mismatch)", r.Grade, r.TotalScore.String(), bandText[want]),
		Actual:  dec(*r.TotalScore), Items: []int{1}, Span: r.GradeSpan}
	if r.TotalRow != nil {
		f.Page = r.TotalRow.Page
	}
	return []Finding{f}
}
