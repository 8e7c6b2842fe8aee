package validate

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// FuzzIndicatorCells: any target, actual, unit and nature text, any weight
// and score: no panic, and a finding's figures are those it names.
func FuzzIndicatorCells(f *testing.F) {
	for _, s := range [][4]string{
		{"≥30户", "24户", "", ""}, {"43.2", "37.24", "万元", ""}, {"100", "125", "万元", "≤"},
		{"控制在100万元以内", "1,250,000元", "", ""}, {"明显改善", "达到预期", "", "定性"}, {"≥0%", "0%", "", ""},
		{"XX", "××", "", ""}, {"0", "0", "", "≤"}, {"9999999999999999999999.5亿元", "0.0000001元", "", ""},
	} {
		f.Add(s[0], s[1], s[2], s[3], "10", "8")
	}
	f.Fuzz(func(t *testing.T, target, actual, unit, nature, weight, score string) {
		in := extract.Indicator{Level3: "x", Target: target, Actual: actual, Unit: unit, Nature: nature}
		// weights and scores come from extract as plain figures (no exponents)
		if w, ok := extract.ReadMeasure(weight); ok && w.Unit == "" && len(weight) < 12 {
			in.Weight = &w.Value
		}
		if s, ok := extract.ReadMeasure(score); ok && s.Unit == "" && len(score) < 12 {
			in.Score = &s.Value
		}
		r := &extract.Report{Indicators: []extract.Indicator{in}}
		for _, fd := range append(checkIndicatorScores(r), append(checkReasons(r), checkPlaceholders(r)...)...) {
			if !strings.Contains(fd.Message, "("+fd.Rule+")") {
				t.Errorf("message %q without its rule", fd.Message)
			}
			if fd.Expected != nil && fd.Actual != nil && fd.Diff != nil && !fd.Actual.Sub(*fd.Expected).Equal(*fd.Diff) {
				t.Errorf("%s: diff %s is not actual %s − expected %s", fd.Rule, fd.Diff, fd.Actual, fd.Expected)
			}
		}
	})
}
