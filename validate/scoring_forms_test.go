package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
)

// Scoring forms declare a weight on their 二级 labels too (目标任务（15分）):
// the rows under one must sum to it, as the rows of a 一级 group must.
func TestWeightRuleLevel2(t *testing.T) {
	row := func(l2, name, w string, decl string) extract.Indicator {
		in := ind("决策", name, "", "", w, w, "")
		in.Level2, in.Level2Weight, in.Level1Weight = l2, d(decl), d("25")
		return in
	}
	for _, tc := range []struct {
		name string
		rows []extract.Indicator
		want []string
	}{
		{"both levels agree", []extract.Indicator{row("目标任务(15分)", "相关性", "5", "15"), row("目标任务(15分)", "明确性", "10", "15"),
			row("预算编制(10分)", "测算依据", "10", "10")}, nil},
		{"a 二级 group short of its label", []extract.Indicator{row("目标任务(15分)", "相关性", "5", "15"), row("目标任务(15分)", "明确性", "5", "15"),
			row("预算编制(10分)", "测算依据", "15", "10")},
			[]string{"weight-mismatch error 15 10 -5", "weight-mismatch error 10 15 5"}},
	} {
		got := brief(checkWeights(&extract.Report{Genre: extract.DepartmentTable, Indicators: tc.rows}), "weight-mismatch")
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// The real 评分表 page and the layouts of the class: what the forms hold is
// found, and nothing that adds up is called an error.
func TestScoringFormsFindings(t *testing.T) {
	rules := []string{"weight-mismatch", "indicator-score-mismatch", "grade-mismatch", "score-mismatch"}
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"../testdata/real/docs/sichuan-dazhou-nongyenongcunju-xxxx-pingfenbiao.txt", nil},
		{"../extract/testdata/tables/scoring/cell-per-line.txt", nil},
		{"../extract/testdata/tables/scoring/every-cell.txt", nil},
		{"../extract/testdata/tables/scoring/level-weights.txt", nil},
		{"../extract/testdata/tables/scoring/spaced.txt", nil},
		// 过程 declared 25 over 30; 6 scored of 5; 合计 98 over 99.5; 良 for 98
		{"../extract/testdata/tables/scoring/bad-cell-per-line.txt", []string{
			"grade-mismatch error <nil> 98 <nil>", "indicator-score-mismatch error 6 5 -1",
			"score-mismatch error 98 99.5 1.5", "weight-mismatch error 25 30 5"}},
		// 验收合格率 不适用: the 总分 is the sum of the others, not rescaled (warning)
		{"../extract/testdata/tables/scoring/pipe-repeated.txt", []string{"score-mismatch warning 76 95 19"}},
	} {
		b, err := os.ReadFile(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		doc := ingest.Assemble(filepath.Base(tc.path), "", ingest.FormatText, []ingest.Page{{N: 1, Text: string(b)}}, nil)
		r, err := extract.Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		got := brief(Report(r), rules...)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.path, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
