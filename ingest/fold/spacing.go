package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The normalised text keeps the spaces layout puts between Chinese and
// figures (年度资金总额 43.2 43.2): a table written with spaces is cut into
// cells at them. A value taken from the text (a name, a title, a cell) drops
// them: they are typesetting, not content.

// Value trims s and removes the spaces set beside Chinese characters and
// punctuation (南屯镇 2023 年 → 南屯镇2023年); a run of spaces between two
// Latin words or figures becomes one space.
func Value(s string) string {
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

// Cell drops a single space set between Chinese and a figure or Latin
// letters (村道 3 条 → 村道3条), the spacing PDF text layers add inside a
// table cell where the document has none; other spaces stay.
func Cell(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i > 0 && i+1 < len(s) && s[i+1] != ' ' && s[i-1] != ' ' {
			p, _ := utf8.DecodeLastRuneInString(s[:i])
			n, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.Is(unicode.Han, p) && isFigureRune(n) || isFigureRune(p) && unicode.Is(unicode.Han, n) {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isFigureRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '%'
}
