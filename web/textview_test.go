package web

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

func TestSegmentText(t *testing.T) {
	text := "总额为937.131003万元。\n第1项：预算24万元。\n第2项：未拨付。"
	off := func(s string) int { return strings.Index(text, s) }
	total := extract.Span{off("937"), off("。\n第1")}
	item1 := extract.Span{off("第1项"), off("\n第2")}
	item2 := extract.Span{off("第2项"), len(text)}
	targets := []target{
		{id: "f0", spans: []extract.Span{total}, severity: validate.Error},
		{id: "f1", spans: []extract.Span{item2, {-5, 0}, {9, 3}, {len(text), len(text) + 10}}, severity: validate.Warning},
		{id: "i1", spans: []extract.Span{item1}},
		{id: "i2", spans: []extract.Span{item2}},
	}
	segs := segmentText(text, []int{0, off("第2项")}, []int{1, 2}, targets, "f0")
	type seg struct {
		text, targets string
		page          int
		sev           validate.Severity
		active        bool
	}
	want := []seg{
		{"总额为", "", 1, "", false},
		{"937.131003万元", "f0", 0, validate.Error, true},
		{"。\n", "", 0, "", false},
		{"第1项：预算24万元。", "i1", 0, "", false},
		{"\n", "", 0, "", false},
		{"第2项：未拨付。", "f1 i2", 2, validate.Warning, false},
	}
	if len(segs) != len(want) {
		t.Fatalf("%d segments: %+v", len(segs), segs)
	}
	for i, s := range segs {
		if got := (seg{s.Text, s.Targets, s.Page, s.Severity, s.Active}); got != want[i] {
			t.Errorf("segment %d: %+v, want %+v", i, got, want[i])
		}
	}

	// A span cutting a character is widened to the whole character.
	segs = segmentText("预算", nil, nil, []target{{id: "i1", spans: []extract.Span{{1, 4}}}}, "")
	if len(segs) != 1 || segs[0].Text != "预算" || segs[0].Targets != "i1" {
		t.Errorf("mid-character span: %+v", segs)
	}
	// One page: no page mark.
	if segs := segmentText("abc", []int{0}, []int{1}, nil, ""); len(segs) != 1 || segs[0].Page != 0 {
		t.Errorf("one page: %+v", segs)
	}
	if segs := segmentText("", nil, nil, nil, ""); len(segs) != 0 {
		t.Errorf("empty text: %+v", segs)
	}
}

// FuzzSegmentText: whatever the spans, the segments are the text exactly,
// cut only at character boundaries.
func FuzzSegmentText(f *testing.F) {
	f.Add("总额为937.131003万元。\n第1项", 3, 20, 1, 40, 10)
	f.Add("abc", -1, 2, 5, 1, 1)
	f.Add("\xff\xfe预算", 1, 3, 0, 9, 2)
	f.Fuzz(func(t *testing.T, text string, s0, e0, s1, e1, page int) {
		targets := []target{
			{id: "f0", spans: []extract.Span{{s0, e0}}, severity: validate.Error},
			{id: "i1", spans: []extract.Span{{s1, e1}, {s0, e1}}},
		}
		segs := segmentText(text, []int{0, page}, []int{1, 2}, targets, "f0")
		var b strings.Builder
		for _, s := range segs {
			if s.Text == "" {
				t.Fatalf("empty segment in %+v", segs)
			}
			if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Fatalf("segment %q cuts a character", s.Text)
			}
			b.WriteString(s.Text)
		}
		if b.String() != text {
			t.Fatalf("segments %q, text %q", b.String(), text)
		}
	})
}

func TestFragmentPieces(t *testing.T) {
	tests := []struct {
		in   string
		want []Piece
	}{
		{"南屯镇2023年省级<mark>驻村工作队</mark>经费", []Piece{{"南屯镇2023年省级", false}, {"驻村工作队", true}, {"经费", false}}},
		{"&lt;script&gt;<mark>驻村</mark>&amp;lt;", []Piece{{"<script>", false}, {"驻村", true}, {"&lt;", false}}},
		{"<mark>a</mark><mark>b</mark>", []Piece{{"ab", true}}},
		{"x<mark>unclosed", []Piece{{"x", false}, {"unclosed", true}}},
		{"&lt;mark&gt;not a mark&lt;/mark&gt;", []Piece{{"<mark>not a mark</mark>", false}}},
		{"", nil},
	}
	for _, tc := range tests {
		got := fragmentPieces(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("%q: %+v, want %+v", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: %+v, want %+v", tc.in, got, tc.want)
				break
			}
		}
	}
}

// FuzzFragmentPieces: the pieces are the fragment's text with the marks
// taken out, and a piece never holds a mark tag the index wrote.
func FuzzFragmentPieces(f *testing.F) {
	f.Add("南屯镇<mark>驻村工作队</mark>经费")
	f.Add("&lt;script&gt;<mark>x</mark>")
	f.Add("<mark><mark></mark></mark>")
	f.Fuzz(func(t *testing.T, frag string) {
		var b strings.Builder
		for _, p := range fragmentPieces(frag) {
			if p.Text == "" {
				t.Fatal("empty piece")
			}
			b.WriteString(p.Text)
		}
		// What the pieces hold is what the escaped text stands for.
		var want strings.Builder
		rest := frag
		for rest != "" {
			i := strings.Index(rest, markOpen)
			if i < 0 {
				want.WriteString(html.UnescapeString(rest))
				break
			}
			want.WriteString(html.UnescapeString(rest[:i]))
			rest = rest[i+len(markOpen):]
			j := strings.Index(rest, markClose)
			if j < 0 {
				want.WriteString(html.UnescapeString(rest))
				break
			}
			want.WriteString(html.UnescapeString(rest[:j]))
			rest = rest[j+len(markClose):]
		}
		if b.String() != want.String() {
			t.Fatalf("pieces %q, want %q", b.String(), want.String())
		}
	})
}

func TestAmounts(t *testing.T) {
	for in, want := range map[string][2]string{
		"937.131003": {"937.131003", "+937.131003"},
		"-31.596072": {"-31.596072", "−31.596072"},
		"1030640":    {"1,030,640", "+1,030,640"},
		"-1234.5":    {"-1,234.5", "−1,234.5"},
		"0":          {"0", "0"},
		"100":        {"100", "+100"},
	} {
		d := mustDec(t, in)
		if got := amount(&d); got != want[0] {
			t.Errorf("amount(%s) = %s, want %s", in, got, want[0])
		}
		if got := signedAmount(&d); got != want[1] {
			t.Errorf("signedAmount(%s) = %s, want %s", in, got, want[1])
		}
	}
	if amount(nil) != "—" {
		t.Error("amount(nil)")
	}
}
