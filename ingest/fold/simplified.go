package fold

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Traditional characters read as their simplified forms (萬元 → 万元,
// 總投資 → 总投资, 預算 → 预算), so that a report published in traditional
// characters is read, checked and found exactly like one in simplified ones.
//
// The table is OpenCC's TSCharacters (opencc/README.md), character by character: one character
// for one, so every offset stays mappable. A phrase-level conversion could
// change the length of the text and is not used. A character that is itself
// in GB 2312, the standard set of simplified characters, is kept as written
// even when OpenCC lists it (乾, 於, 後, 徵, 薹 …): a simplified document
// uses it in its own right (乾隆, 蒜薹), and no simplified text may change.

//go:embed opencc/TSCharacters.txt
var tsCharacters string

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

// loadTS reads OpenCC's TSCharacters: a traditional character, a tab, and its
// simplified forms separated by spaces, the usual one first.
func loadTS() {
	tsTable = make(map[rune]rune, 4200)
	for line := range strings.Lines(tsCharacters) {
		from, to, ok := strings.Cut(strings.TrimRight(line, "\r\n"), "\t")
		if !ok {
			continue
		}
		to, _, _ = strings.Cut(to, " ")
		r, n := utf8.DecodeRuneInString(from)
		s, m := utf8.DecodeRuneInString(to)
		if r == utf8.RuneError || s == utf8.RuneError || n != len(from) || m != len(to) || s == r || inGB2312(r) {
			continue // one character for one only, so that offsets stay mappable
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
