package synth

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// written is an amount as a report writes it. The value is kept in fen
// (1 万元 = 1,000,000 fen) so every sum is exact integer arithmetic; the text
// is what appears in the report.
type written struct {
	fen      int64
	text     string
	yuan     bool // written in 元 (else 万元)
	decimals int  // decimals written, in the written unit
}

// wan is the value in 万元 as an exact decimal.
func (w written) wan() decimal.Decimal { return fenToWan(w.fen) }

func fenToWan(fen int64) decimal.Decimal { return decimal.New(fen, -6) }

// wanString is the canonical decimal string of a value in 万元 (no trailing zeros).
func wanString(fen int64) string { return fenToWan(fen).String() }

// halfUlp is half a unit of the last decimal written, in 万元: the most that
// rounding to the written precision can hide.
func (w written) halfUlp() decimal.Decimal {
	exp := -(w.decimals + 1)
	if w.yuan {
		exp -= 4
	}
	return decimal.New(5, int32(exp))
}

// amountStyle is how a report writes its amounts.
type amountStyle struct {
	yuanShare  float64 // share of amounts written in 元
	separators bool    // 1,030,640 元
	pad        bool    // 24.00 万元
	fullWidth  float64 // share of amounts in full-width digits (９.８１万元)
	space      float64 // share with a space before the unit (24 万元)
}

func newAmountStyle(r rng) amountStyle {
	s := amountStyle{separators: r.chance(0.7), pad: r.chance(0.15), space: pick(r, []float64{0, 0.5, 1, 1})}
	switch r.weighted(80, 8, 12) {
	case 1:
		s.yuanShare = 1
	case 2:
		s.yuanShare = 0.3
	}
	if r.chance(0.15) {
		s.fullWidth = 0.1
	}
	return s
}

// write renders fen as a report would; unit (unitWan, unitYuan) forces the
// unit, unitAny lets the style choose.
func (s amountStyle) write(r rng, fen int64, unit int) written {
	yuan := r.chance(s.yuanShare)
	switch unit {
	case unitWan:
		yuan = false
	case unitYuan:
		yuan = true
	}
	w := written{fen: fen, yuan: yuan}
	var num string
	if yuan {
		num = formatYuan(fen, s.separators)
	} else {
		d := fenToWan(fen)
		num = d.String()
		if s.pad && decimalsOf(num) < 2 {
			num = d.StringFixed(2)
		}
	}
	w.decimals = decimalsOf(num)
	if r.chance(s.fullWidth) {
		num = toFullWidthDigits(num)
	}
	u := "万元"
	if yuan {
		u = "元"
	}
	if r.chance(s.space) {
		w.text = num + " " + u
	} else {
		w.text = num + u
	}
	return w
}

const (
	unitAny = iota
	unitWan
	unitYuan
)

// formatYuan writes fen as 元: 1,030,640 or 1,030,640.03.
func formatYuan(fen int64, separators bool) string {
	yuan, cents := fen/100, fen%100
	s := strconv.FormatInt(yuan, 10)
	if separators {
		s = groupThousands(s)
	}
	if cents != 0 {
		s += "." + strconv.FormatInt(100+cents, 10)[1:]
	}
	return s
}

func groupThousands(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	head := len(s) % 3
	if head > 0 {
		b.WriteString(s[:head])
	}
	for i := head; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

func decimalsOf(num string) int {
	if i := strings.IndexByte(num, '.'); i >= 0 {
		return len(num) - i - 1
	}
	return 0
}

// toFullWidthDigits writes the digits full-width and keeps the point, as in ９.８１万元.
func toFullWidthDigits(s string) string {
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

// tableNumber writes fen in 万元 without a unit, as table cells do: at least
// two decimals when pad is set (43.20), never fewer than the value needs.
func tableNumber(fen int64, pad bool) string {
	d := fenToWan(fen)
	if pad && decimalsOf(d.String()) < 2 {
		return d.StringFixed(2)
	}
	return d.String()
}
