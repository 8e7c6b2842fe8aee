// Package fold is the one normalisation of characters that every text jixiao
// reads goes through: full-width digits and Latin to ASCII (through
// golang.org/x/text/width), odd spaces to a space, invisible characters to
// nothing, Kangxi and supplement radicals to the ordinary ideographs, and
// traditional characters to simplified ones (OpenCC's character table).
// ingest applies it to every reader's output, keeping every offset mappable;
// the index applies it to queries, so that what a user types meets the text
// as it was stored. It also owns the spacing rules that turn a span of that
// text into a value (a name, a title, a table cell).
package fold

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Rune maps one character to its normal form. ok is false when r stays as it
// is; the form may be empty (an invisible character is dropped). Chinese
// punctuation (，。：；（）“”、) is kept: only the full-width forms of digits,
// Latin letters and the symbols of figures (．％＋－／＝＜＞＠＆＃) fold.
func Rune(r rune) (string, bool) {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		if n := width.LookupRune(r).Narrow(); n != 0 && foldsNarrow(n) {
			return string(n), true
		}
	case r == '\u3000' || r == '\u00a0' || r == '\u2002' || r == '\u2003' || r == '\u2009' || r == '\u202f' || r == '\u205f':
		return " ", true
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad' || r == '\r':
		return "", true
	case r == '\x00' || r == '\f' || r == '\v':
		return " ", true
	case r >= 0x2E80 && r <= 0x2FDF:
		if m, ok := radicals[r]; ok {
			return string(simplified(m)), true
		}
	case r >= 0x3400:
		if s := simplified(r); s != r {
			return string(s), true
		}
	}
	return "", false
}

// foldsNarrow reports the ASCII characters whose full-width forms fold.
func foldsNarrow(n rune) bool {
	return n >= '0' && n <= '9' || n >= 'A' && n <= 'Z' || n >= 'a' && n <= 'z' || strings.ContainsRune(".%+-/=<>@&#", n)
}

// String folds every character of s.
func String(s string) string {
	out, _ := Offsets(s)
	return out
}

// Offsets folds s and, when anything changed, gives the offset in s of every
// byte offset of the result (len(result)+1 entries, the last being len(s)),
// so that spans found in the folded text map back to s. It returns a nil map
// when s is already in normal form.
func Offsets(s string) (string, []int) {
	i := strings.IndexFunc(s, func(r rune) bool { _, ok := Rune(r); return ok })
	if i < 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if f, ok := Rune(r); ok {
			b.WriteString(f)
			for range len(f) {
				orig = append(orig, i)
			}
		} else {
			b.WriteString(s[i : i+size])
			for k := range size {
				orig = append(orig, i+k)
			}
		}
		i += size
	}
	return b.String(), append(orig, len(s))
}
