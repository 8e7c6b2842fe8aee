package extract

import (
	"strings"
	"testing"
)

func TestReadMeasure(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "v unit dir" or "" for not a figure
	}{
		{"≥95%", "95 % +"},
		{"不低于30户", "30 户 +"},
		{"12万元", "12 万元 +"},
		{"50,000元", "5 万元 +"},
		{"控制在100万元以内", "100 万元 -"},
		{"≤ 3 天", "3 天 -"},
		{"１００％", ""}, // full-width digits are folded by ingest before extract
		{"5年以上", "5 年 +"},
		{"明显改善", ""},
		{"90%-95%", ""},
		{"达到国家标准", ""},
	} {
		m, ok := ReadMeasure(tc.in)
		got := ""
		if ok {
			dir := "+"
			if m.Dir == LessIsBetter {
				dir = "-"
			}
			got = m.Value.String() + " " + m.Unit + " " + dir
		}
		if got != tc.want {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzReadMeasure: any cell text reads as a figure or not, without a panic;
// a figure read keeps the decimals it was written with, and the unit is
// never longer than four characters.
func FuzzReadMeasure(f *testing.F) {
	for _, s := range []string{"≥95%", "不低于30户", "50,000元", "控制在100万元以内", "≤ 3 天", "5年以上", "明显改善",
		"90%-95%", "9999999999999999999999.5亿元", "0.0000001元", "=100", "＞＝1.50％", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := ReadMeasure(s)
		if !ok {
			return
		}
		if len([]rune(m.Unit)) > 4 {
			t.Errorf("%q: unit %q", s, m.Unit)
		}
		if m.Value.IsNegative() || m.Decimals < 0 {
			t.Errorf("%q: %s with %d decimals", s, m.Value, m.Decimals)
		}
		if m.Unit == "" && !strings.ContainsAny(s, "0123456789") {
			t.Errorf("%q: a figure without a digit", s)
		}
	})
}
