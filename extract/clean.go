package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText removes the stray spaces that layout puts between Chinese and
// digits or Latin (南屯镇 2023 年 → 南屯镇2023年) and trims; spaces between two
// Latin words stay.
func cleanText(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, " \t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '\t' {
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[j:])
			if wideOrPunct(prev) || wideOrPunct(next) {
				i = j
				continue
			}
			b.WriteByte(' ')
			i = j
			continue
		}
		b.WriteRune(r)
		i += w
	}
	return b.String()
}

func wideOrPunct(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		strings.ContainsRune("“”‘’、，。：；！？（）《》【】", r)
}

// trimPunct removes clause punctuation around s.
func trimPunct(s string) string {
	return strings.Trim(s, " \t，。；：:;,.、")
}
