package money

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is an amount found in running text, with its byte span.
type Match struct {
	Start, End int
	Amount     Amount
	Err        error // set when the text looks like money but cannot be read
}

// Find returns the amounts written with a money unit in text, in order:
// "预算金额 24 万元，实际拨付 24 万元" gives two. A figure followed by 万 or 亿
// alone counts only when no other measure word follows (10万斤 is not money).
// Figures that look like money but are malformed (1,03,0 万元) come back with
// Err set, so callers can report them instead of dropping them.
func Find(text string) []Match {
	var out []Match
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !startsFigure(text, i, r) {
			i += w
			continue
		}
		m, ok := scanAt(text, i)
		if !ok {
			i = skipFigure(text, i)
			continue
		}
		out = append(out, m)
		i = m.End
	}
	return out
}

func startsFigure(text string, i int, r rune) bool {
	if !(isDigit(r) || (r >= '０' && r <= '９') || isCapital(r)) {
		return false
	}
	if i == 0 {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(text[:i])
	return !(isDigit(p) || (p >= '０' && p <= '９') || p == '.' || p == '．' || isCapital(p) || unicode.IsLetter(p) && p < 0x80)
}

func skipFigure(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !(isDigit(r) || (r >= '０' && r <= '９') || r == '.' || r == ',' || r == '．' || isCapital(r)) {
			break
		}
		i += w
	}
	return i
}

// scanAt reads the longest amount starting at i, with an optional 约 before it.
func scanAt(text string, i int) (Match, bool) {
	start := i
	k := i
	for k > 0 && text[k-1] == ' ' {
		k-- // 约 3 万元
	}
	for _, p := range approxPrefixes {
		if j := k - len(p); j >= 0 && text[j:k] == p {
			start = j
			break
		}
	}
	end, ok := scanOne(text, i)
	if !ok {
		return Match{}, false
	}
	// range: 1万-5万元, 1-5万元, 1万至5万元
	for _, sep := range []string{"-", "－", "—", "–", "~", "～", "至", "到"} {
		j := skipSpaces(text, end)
		if len(text) >= j+len(sep) && text[j:j+len(sep)] == sep {
			k := skipSpaces(text, j+len(sep))
			if e2, ok2 := scanOne(text, k); ok2 {
				end = e2
			} else if e2, ok2 := scanNumberThenUnit(text, k); ok2 {
				end = e2
			}
			break
		}
	}
	if j := skipSpaces(text, end); len(text) >= j+len("左右") && text[j:j+len("左右")] == "左右" {
		end = j + len("左右")
	}
	if len(text) >= end+len("整") && text[end:end+len("整")] == "整" {
		end += len("整")
	}
	raw := text[start:end]
	a, err := Parse(raw)
	if err != nil && !hasUnitEnd(raw) {
		return Match{}, false
	}
	return Match{Start: start, End: end, Amount: a, Err: err}, true
}

func hasUnitEnd(s string) bool {
	for _, u := range []string{"元", "万", "亿", "整", "左右"} {
		if len(s) >= len(u) && s[len(s)-len(u):] == u {
			return true
		}
	}
	return false
}

// scanOne reads a number (digits, separators, point; or 大写 numerals) and a
// money unit after it; it reports false when no unit follows.
func scanOne(text string, i int) (int, bool) {
	j := i
	r, _ := utf8.DecodeRuneInString(text[j:])
	if isCapital(r) {
		for j < len(text) {
			r, w := utf8.DecodeRuneInString(text[j:])
			if !(isCapital(r) || r == '万' || r == '亿' || r == '元' || r == '圆' || r == '角' || r == '分') {
				break
			}
			j += w
		}
		s := text[i:j]
		if !strings.ContainsAny(s, "元圆") {
			return 0, false
		}
		return j, true
	}
	j = scanDigits(text, j)
	return scanUnit(text, j)
}

// scanNumberThenUnit handles the low end of "1-5万元" where the unit comes only at the end.
func scanNumberThenUnit(text string, i int) (int, bool) {
	r, _ := utf8.DecodeRuneInString(text[i:])
	if !(isDigit(r) || (r >= '０' && r <= '９')) {
		return 0, false
	}
	return scanUnit(text, scanDigits(text, i))
}

func scanDigits(text string, j int) int {
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if isDigit(r) || (r >= '０' && r <= '９') {
			j += w
			continue
		}
		if (r == ',' || r == '.' || r == '．' || r == '，') && j+w < len(text) {
			n, _ := utf8.DecodeRuneInString(text[j+w:])
			if isDigit(n) || (n >= '０' && n <= '９') {
				j += w
				continue
			}
		}
		break
	}
	return j
}

func scanUnit(text string, j int) (int, bool) {
	j = skipSpaces(text, j)
	approxInside := func(k int) int {
		for _, m := range []string{"余", "多"} {
			if len(text) >= k+len(m) && text[k:k+len(m)] == m {
				return k + len(m)
			}
		}
		return k
	}
	j = approxInside(j)
	for _, u := range []string{"亿元", "万元", "千元", "元", "圆"} {
		if len(text) >= j+len(u) && text[j:j+len(u)] == u {
			return j + len(u), true
		}
	}
	for _, u := range []string{"万", "亿"} {
		if len(text) >= j+len(u) && text[j:j+len(u)] == u {
			k := approxInside(j + len(u))
			if len(text) >= k+len("元") && text[k:k+len("元")] == "元" {
				return k + len("元"), true
			}
			// 万 alone: money only when no measure word follows (10万斤 is not).
			next, _ := utf8.DecodeRuneInString(text[k:])
			if k >= len(text) || !unicode.Is(unicode.Han, next) || next == '的' || next == '用' || next == '至' || next == '到' {
				return k, true
			}
			return 0, false
		}
	}
	return 0, false
}

func skipSpaces(text string, j int) int {
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	return j
}
