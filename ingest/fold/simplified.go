package fold

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Traditional characters read as their simplified forms (萬元 → 万元,
// 總投資 → 总投资, 預算 → 预算), so that a report published in traditional
// characters is read, checked and found exactly like one in simplified ones.
//
// The table is OpenCC's TSCharacters, character by character: one character
// for one, so every offset stays mappable. A phrase-level conversion could
// change the length of the text and is not used. A character that is itself
// in GB 2312, the standard set of simplified characters, is kept as written
// even when OpenCC lists it (乾, 於, 後, 徵, 薹 …): a simplified document
// uses it in its own right (乾隆, 蒜薹), and no simplified text may change.

var (
	tsOnce  sync.Once
	tsTable map[rune]rune
)

// simplified gives the simplified form of r, or r itself.
func simplified(r rune) rune {
	tsOnce.Do(loadTS)
	if s, ok := tsTable[r]; ok {
		return s
	}
	return r
}

// loadTS reads the character dictionary of OpenCC's t2s conversion.
func loadTS() {
	tsTable = map[rune]rune{}
	cc, err := opencc.New("t2s")
	if err != nil {
		panic("fold: OpenCC t2s: " + err.Error()) // embedded data: cannot fail at run time
	}
	for _, g := range cc.DictChains {
		for i, f := range g.Files {
			if f != "TSCharacters.ocd2" || i >= len(g.Dicts) {
				continue
			}
			d := g.Dicts[i]
			for _, tab := range []*unicode.RangeTable{unicode.Han} {
				for _, rg := range tab.R16 {
					addRange(d, rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
				}
				for _, rg := range tab.R32 {
					addRange(d, rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
				}
			}
		}
	}
	if len(tsTable) == 0 {
		panic("fold: OpenCC's TSCharacters not found")
	}
}

type prefixMatcher interface {
	PrefixMatch(string) (map[string][]string, error)
}

func addRange(d prefixMatcher, lo, hi, stride rune) {
	for r := lo; r <= hi; r += stride {
		m, err := d.PrefixMatch(string(r))
		if err != nil || len(m[string(r)]) == 0 {
			continue
		}
		s, n := utf8.DecodeRuneInString(m[string(r)][0])
		if s == utf8.RuneError || n != len(m[string(r)][0]) || s == r || inGB2312(r) {
			continue
		}
		tsTable[r] = s
	}
}

// inGB2312 reports whether r is a character of GB 2312: its GBK code has
// both bytes in A1–FE.
func inGB2312(r rune) bool {
	var buf [4]byte
	n, _, err := simplifiedchinese.GBK.NewEncoder().Transform(buf[:], []byte(string(r)), true)
	return err == nil && n == 2 && buf[0] >= 0xA1 && buf[1] >= 0xA1
}
