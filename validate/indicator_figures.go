package validate

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// The figures of an indicator row: its 年度指标值 and 实际完成值 read as a
// direction, a number and a unit. Only a cell that is a figure and nothing
// else is read (≥95%, 不低于30户, 12万元, 控制在100万元以内); a cell with words
// around its figure is qualitative.

// direction of a target: more is better (正向: ≥, 不低于, 达到) or less is
// better (反向: ≤, 不高于, 控制在).
type direction int

const (
	positive direction = iota
	negative
)

// measure is a figure of an indicator cell.
type measure struct {
	v        decimal.Decimal
	decimals int    // as written, in the unit kept (元 → 万元 adds 4)
	unit     string // as written, with 元 and 亿元 kept as 万元
	dir      direction
	hasDir   bool // the cell says which way (≥, 不高于 …)
}

var (
	dirPrefix = regexp.MustCompile(`^(≥|≤|>=|<=|=|≧|≦|>|<|不低于|不少于|不小于|大于等于|大于|高于|多于|超过|达到|至少|不高于|不多于|不大于|不超过|小于等于|小于|低于|少于|控制在|至多|最多)`)
	dirSuffix = regexp.MustCompile(`(以上|及以上|以下|及以下|以内|之内)$`)
	figureRe  = regexp.MustCompile(`^(\d+(?:,\d{3})*(?:\.\d+)?)([^\d\s,，。；;、()]{0,4})$`)
)

var negativeWords = map[string]bool{"≤": true, "<=": true, "≦": true, "<": true, "不高于": true, "不多于": true,
	"不大于": true, "不超过": true, "小于等于": true, "小于": true, "低于": true, "少于": true, "控制在": true,
	"至多": true, "最多": true, "以下": true, "及以下": true, "以内": true, "之内": true}

// readMeasure reads a cell that is a figure with its unit, or says it is not.
func readMeasure(s string) (measure, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '\t':
			return -1
		case '＞':
			return '>'
		case '＜':
			return '<'
		case '＝':
			return '='
		case '％':
			return '%'
		}
		return r
	}, s)
	var m measure
	if p := dirPrefix.FindString(s); p != "" {
		m.hasDir, m.dir = true, positive
		if negativeWords[p] {
			m.dir = negative
		}
		if p == "=" {
			m.hasDir = false
		}
		s = s[len(p):]
	}
	if p := dirSuffix.FindString(s); p != "" {
		m.hasDir, m.dir = true, positive
		if negativeWords[p] {
			m.dir = negative
		}
		s = s[:len(s)-len(p)]
	}
	f := figureRe.FindStringSubmatch(s)
	if f == nil {
		return measure{}, false
	}
	num := strings.ReplaceAll(f[1], ",", "")
	v, err := decimal.NewFromString(num)
	if err != nil {
		return measure{}, false
	}
	m.v, m.unit = v, f[2]
	if i := strings.IndexByte(num, '.'); i >= 0 {
		m.decimals = len(num) - i - 1
	}
	switch m.unit {
	case "元":
		m.v, m.decimals, m.unit = m.v.Shift(-4), m.decimals+4, "万元"
	case "亿元":
		m.v, m.decimals, m.unit = m.v.Shift(4), max(m.decimals-4, 0), "万元"
	case "％":
		m.unit = "%"
	}
	return m, true
}

// indicatorMeasures reads a row's target and actual with the row's 度量单位
// and 指标性质 columns where the table has them. ok is false for a
// qualitative row; comparable is false when both are figures whose units
// cannot be compared (个 against %).
func indicatorMeasures(ind extract.Indicator) (target, actual measure, ok, comparable bool) {
	t, okT := readMeasure(ind.Target)
	a, okA := readMeasure(ind.Actual)
	if !okT || !okA {
		return t, a, false, false
	}
	if u := strings.TrimSpace(ind.Unit); u != "" {
		if t.unit == "" {
			t = withUnit(t, u)
		}
		if a.unit == "" {
			a = withUnit(a, u)
		}
	}
	if n, ok := readMeasure(strings.TrimSpace(ind.Nature) + "0"); ok && n.hasDir && !t.hasDir {
		t.dir, t.hasDir = n.dir, true
	}
	// a unit written on one side only is the other side's (the table writes
	// it once)
	switch {
	case t.unit == "":
		t.unit = a.unit
	case a.unit == "":
		a.unit = t.unit
	}
	return t, a, true, t.unit == a.unit || headCounts[t.unit] && headCounts[a.unit]
}

func withUnit(m measure, u string) measure {
	switch u {
	case "元":
		return measure{v: m.v.Shift(-4), decimals: m.decimals + 4, unit: "万元", dir: m.dir, hasDir: m.hasDir}
	case "亿元":
		return measure{v: m.v.Shift(4), decimals: max(m.decimals-4, 0), unit: "万元", dir: m.dir, hasDir: m.hasDir}
	case "％":
		u = "%"
	}
	m.unit = u
	return m
}

// completion is how far a quantitative row met its target, capped at 1:
// 实际 ÷ 目标 for a 正向 target, 目标 ÷ 实际 for a 反向 one. tol is what the
// rounding of the two figures as written can move it by.
func completion(t, a measure) (ratio, tol decimal.Decimal) {
	one := decimal.NewFromInt(1)
	ht, ha := halfAtDecimals(t.decimals), halfAtDecimals(a.decimals)
	num, den, hn, hd := a.v, t.v, ha, ht
	if t.dir == negative {
		num, den, hn, hd = t.v, a.v, ht, ha
	}
	if !den.IsPositive() || num.GreaterThanOrEqual(den) {
		return one, decimal.Zero
	}
	ratio = num.DivRound(den, 12)
	// d(n/d) ≤ hn/d + n·hd/d²
	tol = hn.DivRound(den, 12).Add(num.Mul(hd).DivRound(den.Mul(den), 12))
	return ratio, tol
}

// met reports whether a quantitative row reached its target.
func met(t, a measure) bool {
	if t.dir == negative {
		return a.v.LessThanOrEqual(t.v)
	}
	return a.v.GreaterThanOrEqual(t.v)
}

// indicatorName is an indicator row's name for a message.
func indicatorName(ind extract.Indicator) string {
	n := strings.TrimSpace(ind.Level3)
	if n == "" {
		n = strings.TrimSpace(ind.Level2)
	}
	return "指标「" + n + "」"
}
