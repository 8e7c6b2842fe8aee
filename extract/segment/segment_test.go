package segment

import (
	"slices"
	"testing"
)

func texts(ts []Token) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return out
}

func TestDomainWords(t *testing.T) {
	s := MustDefault()
	tests := []struct {
		text   string
		cut    []string // must appear as whole words in precise mode
		search []string // must appear in search mode
	}{
		{"南屯镇2023年省级驻村工作队经费", []string{"驻村工作队"}, []string{"驻村", "工作队", "驻村工作队"}},
		{"南屯镇2023年耕地地力保护项目", []string{"耕地地力保护"}, []string{"耕地", "地力", "耕地地力保护"}},
		{"下派选调生到村工作", []string{"选调生"}, nil},
		{"农村两委干部养老保险", []string{"两委干部"}, []string{"两委"}},
		{"一事一议财政奖补", []string{"一事一议"}, nil},
	}
	for _, tt := range tests {
		cut := texts(s.Cut(tt.text))
		for _, w := range tt.cut {
			if !slices.Contains(cut, w) {
				t.Errorf("Cut(%q) = %v, lacks %q", tt.text, cut, w)
			}
		}
		search := texts(s.CutForSearch(tt.text))
		for _, w := range tt.search {
			if !slices.Contains(search, w) {
				t.Errorf("CutForSearch(%q) = %v, lacks %q", tt.text, search, w)
			}
		}
	}
}

func TestOffsetsAreBytesOfInput(t *testing.T) {
	s := MustDefault()
	text := "预算金额 24 万元，实际拨付\x00 13万元\xff。"
	for _, tok := range s.Cut(text) {
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %q at %d-%d does not match input", tok.Text, tok.Start, tok.End)
		}
	}
	if got := texts(s.Cut("\xff\xfe驻村工作队")); !slices.Contains(got, "驻村工作队") {
		t.Errorf("invalid UTF-8 prefix lost the words: %v", got)
	}
}

func TestWordsDropsPunctuationAndStopWords(t *testing.T) {
	got := MustDefault().Words("南屯镇防火经费：的，")
	want := []string{"南屯镇", "防火"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %v, want %v", got, want)
	}
}

func TestKeywords(t *testing.T) {
	kw := MustDefault().Keywords("南屯镇购买无人机项目，用于支付我镇购买无人机费用，加强防火巡逻", 3)
	if len(kw) == 0 || kw[0] != "无人机" {
		t.Errorf("Keywords = %v, want 无人机 first", kw)
	}
}
