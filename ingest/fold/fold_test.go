package fold

import (
	"testing"
	"unicode"
)

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		// radicals, as CJK fonts map them
		"⽤于": "用于", "⻓期": "长期", "⻔户": "门户", "⾦额": "金额", "⼀般": "一般", "⻩河": "黄河", "⻅": "见", "⻑": "长",
		// traditional characters, as Hong Kong and Taiwan reprints and some county sites publish
		"萬元": "万元", "總投資": "总投资", "預算": "预算", "專項資金": "专项资金", "撥付": "拨付", "績效自評報告": "绩效自评报告",
		// full-width figures and spaces
		"１２３．４５万元": "123.45万元", "９５％": "95%", "甲\u3000乙": "甲 乙", "零\u200b宽": "零宽",
		// simplified text and Chinese punctuation stay as written
		"普通文字，（一）：“是”。": "普通文字，（一）：“是”。", "乾隆": "乾隆", "蒜薹": "蒜薹",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRadicalTables(t *testing.T) {
	// Every Kangxi radical folds to a unified ideograph.
	for r := rune(0x2F00); r <= 0x2FD5; r++ {
		v, ok := Rune(r)
		if !ok || len([]rune(v)) != 1 || !unicode.Is(unicode.Ideographic, []rune(v)[0]) {
			t.Errorf("%U folds to %q", r, v)
		}
	}
	for r := range supplementRadicals {
		v, ok := Rune(r)
		if !ok || len([]rune(v)) != 1 || !unicode.Is(unicode.Han, []rune(v)[0]) {
			t.Errorf("%U folds to %q", r, v)
		}
	}
}

func TestOffsets(t *testing.T) {
	s, offs := Offsets("萬\u200b元１")
	if s != "万元1" {
		t.Fatalf("Offsets text = %q", s)
	}
	if len(offs) == 0 {
		t.Fatalf("no offsets")
	}
}
