package extract

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// The figures of an indicator row: its 年度指标值 and 实际完成值 read as a
// direction, a number and a unit. Only a cell that is a figure and nothing
// else is read (≥95%, 不低于30户, 12万元, 控制在100万元以内); a cell with words
// around its figure is qualitative.

// Direction of a target: more is better (正向: ≥, 不低于, 达到) or less is
// better (反向: ≤, 不高于, 控制在).
type Direction int

const (
	MoreIsBetter Direction = iota
	LessIsBetter
)

// Measure is a figure of an indicator cell: its value, the decimals written,
// its unit and which way the target points.
type Measure struct {
	Value    decimal.Decimal
	Decimals int    // as written, in the unit kept (元 → 万元 adds 4)
	Unit     string // as written, with 元 and 亿元 kept as 万元
	Dir      Direction
	HasDir   bool // the cell says which way (≥, 不高于 …)
}

var (
	dirPrefix = regexp.MustCompile(`^(≥|≤|>=|<=|=|≧|≦|>|<|不低于|不少于|不小于|大于等于|大于|高于|多于|超过|达到|至少|不高于|不多于|不大于|不超过|小于等于|小于|低于|少于|控制在|至多|最多)`)
	dirSuffix = regexp.MustCompile(`(以上|及以上|以下|及以下|以内|之内)$`)
	figureRe  = regexp.MustCompile(`^(\d+(?:,\d{3})*(?:\.\d+)?)([^\d\s,，。；;、()]{0,4})$`)
)

var negativeWords = map[string]bool{"≤": true, "<=": true, "≦": true, "<": true, "不高于": true, "不多于": true,
	"不大于": true, "不超过": true, "小于等于": true, "小于": true, "低于": true, "少于": true, "控制在": true,
	"至多": true, "最多": true, "以下": true, "及以下": true, "以内": true, "之内": true}

// ReadMeasure reads a cell that is a figure with its unit, or says it is
// not (明显改善, 90%-95%, 达到国家标准).
func ReadMeasure(s string) (Measure, bool) {
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
	var m Measure
	if p := dirPrefix.FindString(s); p != "" {
		m.HasDir, m.Dir = true, MoreIsBetter
		if negativeWords[p] {
			m.Dir = LessIsBetter
		}
		if p == "=" {
			m.HasDir = false
		}
		s = s[len(p):]
	}
	if p := dirSuffix.FindString(s); p != "" {
		m.HasDir, m.Dir = true, MoreIsBetter
		if negativeWords[p] {
			m.Dir = LessIsBetter
		}
		s = s[:len(s)-len(p)]
	}
	f := figureRe.FindStringSubmatch(s)
	if f == nil {
		return Measure{}, false
	}
	num := strings.ReplaceAll(f[1], ",", "")
	v, err := decimal.NewFromString(num)
	if err != nil {
		return Measure{}, false
	}
	m.Value, m.Unit = v, f[2]
	if i := strings.IndexByte(num, '.'); i >= 0 {
		m.Decimals = len(num) - i - 1
	}
	switch m.Unit {
	case "元":
		m.Value, m.Decimals, m.Unit = m.Value.Shift(-4), m.Decimals+4, "万元"
	case "亿元":
		m.Value, m.Decimals, m.Unit = m.Value.Shift(4), max(m.Decimals-4, 0), "万元"
	case "％":
		m.Unit = "%"
	}
	return m, true
}

// Measures reads the row's target and actual with the row's 度量单位 and
// 指标性质 columns where the table has them. ok is false for a qualitative
// row; comparable is false when both are figures whose units cannot be
// compared (个 against %).
func (ind Indicator) Measures() (target, actual Measure, ok, comparable bool) {
	t, okT := ReadMeasure(ind.Target)
	a, okA := ReadMeasure(ind.Actual)
	if !okT || !okA {
		return t, a, false, false
	}
	if u := strings.TrimSpace(ind.Unit); u != "" {
		if t.Unit == "" {
			t = withUnit(t, u)
		}
		if a.Unit == "" {
			a = withUnit(a, u)
		}
	}
	if n, ok := ReadMeasure(strings.TrimSpace(ind.Nature) + "0"); ok && n.HasDir && !t.HasDir {
		t.Dir, t.HasDir = n.Dir, true
	}
	// a unit written on one side only is the other side's (the table writes
	// it once)
	switch {
	case t.Unit == "":
		t.Unit = a.Unit
	case a.Unit == "":
		a.Unit = t.Unit
	}
	return t, a, true, t.Unit == a.Unit || SameKind(t.Unit, a.Unit)
}

// withUnit is m in unit u, written in a column of its own (度量单位).
func withUnit(m Measure, u string) Measure {
	switch u {
	case "元":
		return Measure{Value: m.Value.Shift(-4), Decimals: m.Decimals + 4, Unit: "万元", Dir: m.Dir, HasDir: m.HasDir}
	case "亿元":
		return Measure{Value: m.Value.Shift(4), Decimals: max(m.Decimals-4, 0), Unit: "万元", Dir: m.Dir, HasDir: m.HasDir}
	case "％":
		u = "%"
	}
	m.Unit = u
	return m
}

// headCounts are measure words of counted things, summed together (羊180只 + 猪12头 = 192只).
var headCounts = map[string]bool{"只": true, "头": true, "个": true, "户": true, "人": true, "名": true,
	"匹": true, "羽": true, "尾": true, "家": true, "处": true, "座": true, "台": true, "套": true}

// SameKind reports whether figures in units a and b can be added or
// compared: the same unit, or both counts of things (只, 头, 户 …).
func SameKind(a, b string) bool { return a == b || headCounts[a] && headCounts[b] }
