package money

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

var numeralDigits = map[rune]int64{
	'零': 0, '〇': 0, '○': 0, '壹': 1, '贰': 2, '叁': 3, '肆': 4, '伍': 5, '陆': 6, '柒': 7, '捌': 8, '玖': 9,
	'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'貳': 2, '參': 3, '陸': 6,
}

var numeralScales = map[rune]int64{'拾': 10, '十': 10, '佰': 100, '百': 100, '仟': 1000, '千': 1000}

func isCapital(r rune) bool {
	return strings.ContainsRune("零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", r)
}

func isLowerNumeral(r rune) bool {
	return strings.ContainsRune("〇一二两三四五六七八九十百千", r)
}

// parseChineseNumeral reads 壹拾万, 壹佰贰拾万伍仟, 十二, and 叁元伍角 fractions.
// It returns the value in the written unit and the decimals (角 1, 分 2).
func parseChineseNumeral(num string, unit Unit) (decimal.Decimal, int, error) {
	intPart, frac := num, ""
	if i := strings.IndexAny(num, "元圆"); i >= 0 {
		intPart, frac = num[:i], num[i+len("元"):]
	}
	v, err := chineseInteger(intPart)
	if err != nil {
		return decimal.Zero, 0, err
	}
	decimals := 0
	if frac != "" {
		if unit != Yuan {
			return decimal.Zero, 0, &SyntaxError{num, "角分只能跟在元后"}
		}
		var digit int64 = -1
		for _, r := range frac {
			if d, ok := numeralDigits[r]; ok {
				digit = d
				continue
			}
			switch r {
			case '角':
				if digit < 0 {
					return decimal.Zero, 0, &SyntaxError{num, "角前缺少数字"}
				}
				v = v.Add(decimal.New(digit, -1))
				decimals = max(decimals, 1)
			case '分':
				if digit < 0 {
					return decimal.Zero, 0, &SyntaxError{num, "分前缺少数字"}
				}
				v = v.Add(decimal.New(digit, -2))
				decimals = 2
			default:
				return decimal.Zero, 0, &SyntaxError{num, "无法识别的大写数字 " + string(r)}
			}
			digit = -1
		}
	}
	return v, decimals, nil
}

func chineseInteger(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Zero, &SyntaxError{s, "缺少数字"}
	}
	if utf8.RuneCountInString(s) > 24 {
		return decimal.Zero, &SyntaxError{s, "大写数字过长"}
	}
	total, section := decimal.Zero, decimal.Zero
	var number int64
	sawDigit := false
	prevScale := int64(0)
	for _, r := range s {
		if d, ok := numeralDigits[r]; ok {
			number = d
			sawDigit = true
			continue
		}
		if sc, ok := numeralScales[r]; ok {
			if number == 0 && sc == 10 && !sawDigit {
				number = 1 // 十二 = 12
			}
			if prevScale != 0 && sc >= prevScale && number == 0 {
				return decimal.Zero, &SyntaxError{s, "大写数字的位次不对"}
			}
			section = section.Add(decimal.NewFromInt(number * sc))
			number, prevScale = 0, sc
			continue
		}
		switch r {
		case '万':
			section = section.Add(decimal.NewFromInt(number))
			total = total.Add(section.Shift(4))
			section, number, prevScale = decimal.Zero, 0, 0
		case '亿':
			section = section.Add(decimal.NewFromInt(number))
			total = total.Add(section).Shift(8)
			section, number, prevScale = decimal.Zero, 0, 0
		default:
			return decimal.Zero, &SyntaxError{s, "无法识别的大写数字 " + string(r)}
		}
	}
	if !sawDigit && section.IsZero() && total.IsZero() {
		return decimal.Zero, &SyntaxError{s, "缺少数字"}
	}
	return total.Add(section).Add(decimal.NewFromInt(number)), nil
}
