package synth

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// NormalizeName is the normalisation under which Truth names (items,
// evaluation headings, titles) equal the text of the report: every white
// space (ASCII space, tab, U+3000, no-break space) is removed and full-width
// ASCII (Ａ, ９, ．) is folded to ASCII. The generator puts spaces into names only
// between a Han character and an ASCII letter or digit (南屯镇 2023 年), and
// never writes full-width digits inside names, so an extractor that strips
// those spaces recovers the truth exactly.
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' || r == '\n' || r == '\r':
		case r >= '！' && r <= '～' && isFoldable(r):
			b.WriteRune(r - '！' + '!')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isFoldable limits folding to full-width digits, letters and the point:
// full-width punctuation such as （ ） ： ， is the ordinary Chinese form.
func isFoldable(r rune) bool {
	return (r >= '０' && r <= '９') || (r >= 'Ａ' && r <= 'Ｚ') || (r >= 'ａ' && r <= 'ｚ') || r == '．'
}

// spacing is how a report spaces Chinese against digits and Latin letters.
type spacing float64 // share of Han/ASCII boundaries that get a space

// apply inserts spaces between Han characters and ASCII letters or digits,
// at the given share of boundaries: 南屯镇2023年 → 南屯镇 2023 年.
func (sp spacing) apply(r rng, s string) string {
	if sp <= 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	var prev rune
	for i, c := range s {
		if i > 0 && boundary(prev, c) && (sp >= 1 || r.chance(float64(sp))) {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}

func boundary(a, b rune) bool {
	return unicode.Is(unicode.Han, a) && isASCIIAlnum(b) || isASCIIAlnum(a) && unicode.Is(unicode.Han, b)
}

func isASCIIAlnum(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// nameFor writes an entry's name for a report year: placeholders filled, the
// optional 项目 suffix and 年/年度 varying a little from year to year.
func nameFor(u *unit, e *entry, year int, r rng) string {
	p := e.proj.name
	suffix := e.suffix
	if r.chance(0.15) {
		suffix = !suffix
	}
	nianDu := e.nianDu
	if r.chance(0.1) {
		nianDu = !nianDu
	}
	y := year + e.yearOffset
	yearText := strconv.Itoa(y) + "年"
	if nianDu {
		yearText += "度"
	}
	name := expand(p, func(key string) string {
		switch key {
		case "u":
			return u.prefix
		case "c":
			if e.county {
				return u.county
			}
			return ""
		case "y年":
			return yearText
		case "y1":
			return strconv.Itoa(y - 1)
		case "y":
			return strconv.Itoa(y)
		case "lvl":
			return e.lvl
		case "v":
			return e.village
		case "hw":
			return e.highway
		case "m":
			return strconv.Itoa(e.months)
		case "n":
			return strconv.Itoa(e.villages)
		case "self":
			return u.self
		}
		return "{" + key + "}"
	})
	if strings.HasSuffix(name, "[项目]") {
		name = strings.TrimSuffix(name, "[项目]")
		if suffix {
			name += "项目"
		}
	}
	return name
}

// fillText fills the placeholders of a phrase (purpose, output, effect).
func fillText(u *unit, e *entry, year int, s string) string {
	return expand(s, func(key string) string {
		switch key {
		case "self":
			return u.self
		case "v":
			if e.village == "" {
				return "村"
			}
			return e.village
		case "y":
			return strconv.Itoa(year)
		case "whole":
			return u.whole
		}
		return "{" + key + "}"
	})
}

// expand replaces each {key} of a pattern by lookup(key); "{y}年" is offered
// to lookup as the key "y年" first, so a year can be written 2023年度.
func expand(p string, lookup func(key string) string) string {
	if strings.IndexByte(p, '{') < 0 {
		return p
	}
	var b strings.Builder
	b.Grow(len(p) + 16)
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			b.WriteString(p)
			return b.String()
		}
		j := strings.IndexByte(p[i:], '}')
		if j < 0 {
			b.WriteString(p)
			return b.String()
		}
		b.WriteString(p[:i])
		key := p[i+1 : i+j]
		rest := p[i+j+1:]
		if key == "y" && strings.HasPrefix(rest, "年") {
			if v := lookup("y年"); v != "{y年}" {
				b.WriteString(v)
				p = rest[len("年"):]
				continue
			}
		}
		b.WriteString(lookup(key))
		p = rest
	}
}

// evalVariant rewords a listed name the way evaluation headings do in real
// reports: 项目 added or dropped, 关于…的请示, the year dropped, 专项 added,
// 年 written 年度. The result is kept only when its nearest listed name is
// still its own, so the truth of which entry evaluates which item is never
// ambiguous.
func evalVariant(r rng, name string, year int, listed *nameSet) string {
	v := name
	for n := r.weighted(40, 45, 15); n > 0; n-- {
		switch r.IntN(6) {
		case 0:
			if strings.HasSuffix(v, "项目") {
				v = strings.TrimSuffix(v, "项目")
			} else {
				v += "项目"
			}
		case 1:
			if strings.Contains(v, "关于") && !strings.HasSuffix(v, "请示") {
				v += "的请示"
			} else if !strings.HasSuffix(v, "项目") {
				v += "项目"
			}
		case 2:
			for _, y := range []string{strconv.Itoa(year) + "年度", strconv.Itoa(year) + "年"} {
				if strings.Contains(v, y) {
					v = strings.Replace(v, y, "", 1)
					break
				}
			}
		case 3:
			if i := strings.LastIndex(v, "经费"); i > 0 && !strings.Contains(v, "专项") {
				v = v[:i] + "专项" + v[i:]
			}
		case 4:
			for y := year - 3; y <= year; y++ {
				s := strconv.Itoa(y) + "年"
				if strings.Contains(v, s) && !strings.Contains(v, s+"度") {
					v = strings.Replace(v, s, s+"度", 1)
					break
				}
			}
		case 5:
			if strings.HasSuffix(v, "资金") && !strings.HasSuffix(v, "补助资金") {
				v = strings.TrimSuffix(v, "资金") + "项目"
			}
		}
	}
	if v == name || v == "" || !listed.nearestIs(v, name) {
		return name
	}
	return v
}

// nameSet holds the listed names of a report with their bigrams.
type nameSet struct {
	names []string
	grams [][]uint64
}

func newNameSet(names []string) *nameSet {
	s := &nameSet{names: names, grams: make([][]uint64, len(names))}
	for i, n := range names {
		s.grams[i] = bigrams(n)
	}
	return s
}

// nearestIs reports whether v is clearly nearer to own than to any other
// listed name by character-bigram Dice similarity (by a margin of 0.1).
func (s *nameSet) nearestIs(v, own string) bool {
	bv := bigrams(v)
	mine := diceOf(bv, bigrams(own))
	for i, o := range s.names {
		if o != own && diceOf(bv, s.grams[i]) >= mine-0.1 {
			return false
		}
	}
	return true
}

// dice is the Dice coefficient of the character bigrams of a and b.
func dice(a, b string) float64 { return diceOf(bigrams(a), bigrams(b)) }

func diceOf(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// bigrams returns the character bigrams of s, sorted.
func bigrams(s string) []uint64 {
	var out []uint64
	var prev rune = -1
	for _, r := range s {
		if prev >= 0 {
			out = append(out, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	slices.Sort(out)
	return out
}
