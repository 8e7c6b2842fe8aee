package docx

import (
	"strconv"
	"strings"
)

// formatNumber renders a list counter in one of Word's number formats
// (ST_NumberFormat). Formats with a bounded range fall back to decimal
// outside it, as Word does; unknown formats render as decimal.
func formatNumber(format string, n int, custom string) string {
	switch format {
	case "none":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return fullWidthDigits(strconv.Itoa(n))
	case "upperRoman", "lowerRoman":
		if r, ok := roman(n); ok {
			if format == "lowerRoman" {
				return strings.ToLower(r)
			}
			return r
		}
	case "upperLetter", "lowerLetter":
		// Word: A … Z, AA … ZZ, AAA …; bounded so a huge start value cannot
		// make a huge label.
		if n >= 1 && n <= 26*30 {
			base := 'A'
			if format == "lowerLetter" {
				base = 'a'
			}
			return strings.Repeat(string(base+rune((n-1)%26)), (n-1)/26+1)
		}
	case "ordinal":
		return strconv.Itoa(n) + ordinalSuffix(n)
	case "hex":
		if n >= 0 {
			return strings.ToUpper(strconv.FormatInt(int64(n), 16))
		}
	case "chineseCounting", "taiwaneseCounting":
		if n >= 0 && n < 100 {
			return chineseCount(n, lowerDigits, lowerUnits, "", false)
		}
		if n >= 100 {
			return ideographDigits(n, "○") // Word writes 一○○ for 100
		}
	case "chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCounting":
		if n >= 0 && n < 1e8 {
			return chineseCount(n, lowerDigits, lowerUnits, "万", false)
		}
	case "chineseLegalSimplified", "japaneseLegal":
		if n >= 0 && n < 1e8 {
			return chineseCount(n, legalDigits, legalUnits, "万", true)
		}
	case "ideographLegalTraditional":
		if n >= 0 && n < 1e8 {
			return chineseCount(n, legalTradDigits, legalUnits, "萬", true)
		}
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		if n >= 0 {
			return ideographDigits(n, "〇")
		}
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune(0x2460 + n - 1)) // ①
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1)) // ⒈
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1)) // ⑴
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune(0x3220 + n - 1)) // ㈠ (Word encloses in parentheses)
		}
	case "custom":
		return customFormat(n, custom)
	}
	return strconv.Itoa(n)
}

var (
	lowerDigits     = [10]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	legalDigits     = [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	legalTradDigits = [10]string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}
	lowerUnits      = [4]string{"", "十", "百", "千"}
	legalUnits      = [4]string{"", "拾", "佰", "仟"}
)

// chineseCount writes n (0 ≤ n < 10⁸) with positional units: 十一, 二十一,
// 一百零一, 一千零一十, 一万零一. Legal (大写) forms keep the leading 壹 of 壹拾.
func chineseCount(n int, digits [10]string, units [4]string, wan string, legal bool) string {
	if n == 0 {
		if legal {
			return digits[0]
		}
		return "零"
	}
	zero := "零"
	var b strings.Builder
	group := func(g int, leadingZero bool) {
		pendingZero := leadingZero
		for pos := 3; pos >= 0; pos-- {
			d := g / pow10(pos) % 10
			if d == 0 {
				if b.Len() > 0 {
					pendingZero = true
				}
				continue
			}
			if pendingZero && b.Len() > 0 {
				b.WriteString(zero)
			}
			pendingZero = false
			b.WriteString(digits[d])
			b.WriteString(units[pos])
		}
	}
	hi, lo := n/10000, n%10000
	if hi > 0 {
		group(hi, false)
		b.WriteString(wan)
	}
	if lo > 0 {
		group(lo, hi > 0 && lo < 1000)
	}
	s := b.String()
	if !legal && strings.HasPrefix(s, digits[1]+units[1]) {
		s = strings.TrimPrefix(s, digits[1]) // 十一 and 十万, not 一十一
	}
	return s
}

func pow10(k int) int {
	p := 1
	for range k {
		p *= 10
	}
	return p
}

// ideographDigits writes n digit by digit: 一〇一.
func ideographDigits(n int, zero string) string {
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		if c == '-' {
			b.WriteRune(c)
		} else if c == '0' {
			b.WriteString(zero)
		} else {
			b.WriteString(lowerDigits[c-'0'])
		}
	}
	return b.String()
}

func fullWidthDigits(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(c - '0' + '０')
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func roman(n int) (string, bool) {
	if n < 1 || n > 3999 {
		return "", false
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String(), true
}

func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// customFormat handles Word 2010's w14 custom formats of the zero-padded kind
// ("001, 002, 003, ..."); anything else renders as decimal.
func customFormat(n int, format string) string {
	s := strconv.Itoa(n)
	if w := paddedFormat(format); len(s) < w && n >= 0 {
		s = strings.Repeat("0", w-len(s)) + s
	}
	return s
}

// paddedFormat gives the width of a zero-padded custom format, 0 for others.
func paddedFormat(format string) int {
	first, _, _ := strings.Cut(format, ",")
	first = strings.TrimSpace(first)
	if first != "" && strings.Trim(first, "0123456789") == "" && len(first) <= 9 {
		return len(first)
	}
	return 0
}
