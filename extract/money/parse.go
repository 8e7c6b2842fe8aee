package money

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// ErrNoAmount means the text holds no figure at all.
var ErrNoAmount = errors.New("no amount")

// SyntaxError says why a text that looks like an amount cannot be read.
type SyntaxError struct {
	Text   string
	Reason string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("金额无法识别 %q: %s", e.Text, e.Reason)
}

// Parse reads one amount written in any of the forms seen in reports:
// 937.131003 万元, 24万元, 1,030,640 元, ９.８１万元, 2,152.26 (no unit),
// 壹拾万元整, 约 3 万元, 1万-5万元, 864.2万. The whole text must be the amount
// (surrounding spaces and 人民币 aside).
func Parse(s string) (Amount, error) {
	raw := s
	t := strings.TrimSpace(fold(s))
	t = strings.TrimPrefix(t, "人民币")
	t = strings.TrimSpace(t)
	if t == "" {
		return Amount{}, ErrNoAmount
	}
	approx := false
	for _, p := range approxPrefixes {
		if strings.HasPrefix(t, p) {
			approx = true
			t = strings.TrimSpace(t[len(p):])
			break
		}
	}
	if strings.HasSuffix(t, "左右") {
		approx = true
		t = strings.TrimSpace(strings.TrimSuffix(t, "左右"))
	}
	t = strings.TrimSuffix(t, "整")
	if t == "" {
		return Amount{}, &SyntaxError{raw, "只有修饰词，没有数字"}
	}

	if lo, hi, ok := splitRange(t); ok {
		b, err := parseSingle(hi)
		if err != nil {
			return Amount{}, &SyntaxError{raw, "区间上限: " + reason(err)}
		}
		a, err := parseSingle(lo)
		if err != nil {
			return Amount{}, &SyntaxError{raw, "区间下限: " + reason(err)}
		}
		if a.Unit == Unstated && b.Unit != Unstated {
			a.Unit = b.Unit
			a.Wan = toWan(a.value, a.Unit)
		}
		if a.Wan.GreaterThan(b.Wan) {
			return Amount{}, &SyntaxError{raw, "区间下限大于上限"}
		}
		high := b.Wan
		return Amount{Wan: a.Wan, High: &high, Raw: raw, Unit: b.Unit, Decimals: max(a.Decimals, b.Decimals),
			Approx: approx || a.approx || b.approx, Range: true, Capital: a.Capital || b.Capital}, nil
	}
	a, err := parseSingle(t)
	if err != nil {
		if errors.Is(err, ErrNoAmount) {
			return Amount{}, err
		}
		return Amount{}, &SyntaxError{raw, reason(err)}
	}
	a.Raw = raw
	a.Approx = approx || a.approx
	return a.Amount, nil
}

func reason(err error) string {
	var se *SyntaxError
	if errors.As(err, &se) {
		return se.Reason
	}
	return err.Error()
}

var approxPrefixes = []string{"大约", "将近", "约合", "共约", "约", "近"}

// single is an amount without range, with the value in its written unit.
type single struct {
	Amount
	value  decimal.Decimal
	approx bool
}

// splitRange splits "1万-5万元" / "1-5万元" / "1万至5万元" at the separator.
func splitRange(t string) (lo, hi string, ok bool) {
	for _, sep := range []string{"-", "－", "—", "–", "~", "～", "至", "到"} {
		i := strings.Index(t, sep)
		if i <= 0 || i+len(sep) >= len(t) {
			continue
		}
		lo, hi = strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if lo != "" && hi != "" && startsNumeric(hi) {
			return lo, hi, true
		}
	}
	return "", "", false
}

func startsNumeric(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isDigit(r) || isCapital(r) || isLowerNumeral(r)
}

func parseSingle(t string) (single, error) {
	var s single
	// suffixes 余/多 ("3万余元", "3余万元") mean "more than": approximate.
	for _, m := range []string{"余", "多"} {
		if strings.Contains(t, m) {
			s.approx = true
			t = strings.Replace(t, m, "", 1)
		}
	}
	num, unit := splitUnit(t)
	s.Unit = unit
	if num == "" {
		return s, &SyntaxError{t, "缺少数字"}
	}
	r, _ := utf8.DecodeRuneInString(num)
	if isCapital(r) || isLowerNumeral(r) {
		if isCapital(r) && unit == Wan && strings.HasSuffix(t, "元") {
			// 壹拾万元: the 万 is part of the numeral, the unit written is 元.
			num, unit = num+"万", Yuan
			s.Unit = unit
		}
		v, dec, err := parseChineseNumeral(num, unit)
		if err != nil {
			return s, err
		}
		s.value, s.Decimals, s.Capital = v, dec, true
		s.Wan = toWan(v, s.Unit)
		return s, nil
	}
	v, dec, err := parseArabic(num)
	if err != nil {
		return s, err
	}
	s.value, s.Decimals = v, dec
	s.Wan = toWan(v, s.Unit)
	return s, nil
}

// splitUnit separates the unit written after the number.
func splitUnit(t string) (string, Unit) {
	t = strings.TrimSpace(t)
	for _, u := range []struct {
		suffix string
		unit   Unit
	}{{"亿元", Yi}, {"万元", Wan}, {"千元", Qian}, {"元", Yuan}, {"圆", Yuan}, {"亿", Yi}, {"万", Wan}} {
		if strings.HasSuffix(t, u.suffix) {
			n := strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			// 壹拾万元 ends in 元 but 万 inside is a multiplier, handled by the numeral parser.
			return n, u.unit
		}
	}
	// 大写 with 角/分: 壹万贰仟元伍角 – the unit is 元.
	if strings.ContainsAny(t, "元圆") && strings.ContainsAny(t, "角分") {
		return t, Yuan
	}
	return t, Unstated
}

// Qian is 千元, seen in some department tables.
const Qian Unit = "千元"

func toWan(v decimal.Decimal, u Unit) decimal.Decimal {
	switch u {
	case Yuan:
		return v.Shift(-4)
	case Qian:
		return v.Shift(-1)
	case Yi:
		return v.Shift(4)
	}
	return v
}

// parseArabic reads 1,030,640 / 2,152.26 / 937.131003 exactly.
func parseArabic(num string) (decimal.Decimal, int, error) {
	var b strings.Builder
	intDigits, groupLen, sawComma, sawPoint, decimals := 0, 0, false, false, 0
	for i, r := range num {
		switch {
		case isDigit(r):
			b.WriteRune(r)
			if sawPoint {
				decimals++
			} else {
				intDigits++
				groupLen++
			}
		case r == ',' || r == '，':
			if sawPoint || intDigits == 0 || (sawComma && groupLen != 3) || (!sawComma && groupLen > 3) {
				return decimal.Zero, 0, &SyntaxError{num, "千分位分隔符位置不对"}
			}
			sawComma, groupLen = true, 0
		case r == '.':
			if sawPoint {
				return decimal.Zero, 0, &SyntaxError{num, "多个小数点"}
			}
			if sawComma && groupLen != 3 {
				return decimal.Zero, 0, &SyntaxError{num, "千分位分隔符位置不对"}
			}
			sawPoint = true
			b.WriteByte('.')
		case r == ' ':
			return decimal.Zero, 0, &SyntaxError{num, "数字中间有空格"}
		default:
			_ = i
			return decimal.Zero, 0, &SyntaxError{num, fmt.Sprintf("含有非数字字符 %q", r)}
		}
	}
	if intDigits == 0 {
		return decimal.Zero, 0, &SyntaxError{num, "缺少整数部分"}
	}
	if sawPoint && decimals == 0 {
		return decimal.Zero, 0, &SyntaxError{num, "小数点后没有数字"}
	}
	if sawComma && !sawPoint && groupLen != 3 {
		return decimal.Zero, 0, &SyntaxError{num, "千分位分隔符位置不对"}
	}
	if intDigits+decimals > 30 {
		return decimal.Zero, 0, &SyntaxError{num, "数字位数过多"}
	}
	d, err := decimal.NewFromString(b.String())
	if err != nil {
		return decimal.Zero, 0, &SyntaxError{num, err.Error()}
	}
	return d, decimals, nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// fold maps full-width digits, point, comma-free forms and spaces to ASCII so
// ９.８１万元 reads as 9.81万元.
func fold(s string) string {
	if !strings.ContainsFunc(s, needsFold) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '，':
			return ','
		case r == '\u3000' || r == '\u00a0':
			return ' '
		}
		return r
	}, s)
}

func needsFold(r rune) bool {
	return (r >= '０' && r <= '９') || r == '．' || r == '，' || r == '\u3000' || r == '\u00a0'
}
