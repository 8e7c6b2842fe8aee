package extract

import "testing"

func TestParseMarker(t *testing.T) {
	tests := []struct {
		in    string
		seq   int
		style string
		rest  string
	}{
		{"1. 南屯镇", 1, styleArabic, "南屯镇"},
		{"32. 南屯镇", 32, styleArabic, "南屯镇"},
		{"7.南屯镇", 7, styleArabic, "南屯镇"},
		{"1、项目立项：", 1, styleArabicComma, "项目立项："},
		{"（一）南屯镇", 1, styleParenHan, "南屯镇"},
		{"(十九) 南屯镇", 19, styleParenHan, "南屯镇"},
		{"（三十二）南屯镇", 32, styleParenHan, "南屯镇"},
		{"一、绩效", 1, styleHan, "绩效"},
		{"二十一、项目", 21, styleHan, "项目"},
		{"（3）项目", 3, styleParenArabic, "项目"},
	}
	for _, tt := range tests {
		m, ok := parseMarker(tt.in)
		if !ok || m.seq != tt.seq || m.style != tt.style || tt.in[m.len:] != tt.rest {
			t.Errorf("parseMarker(%q) = %+v %v, rest %q; want %d %s %q", tt.in, m, ok, tt.in[min(m.len, len(tt.in)):], tt.seq, tt.style, tt.rest)
		}
	}
	for _, in := range []string{"1.5万元", "2023 年", "南屯镇", "1-12 月"} {
		if m, ok := parseMarker(in); ok {
			t.Errorf("parseMarker(%q) = %+v, want none", in, m)
		}
	}
}
