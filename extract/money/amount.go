// Package money reads the amounts written in Chinese public-finance reports
// (937.131003 万元, 1,030,640 元, 壹拾万元整, 约 3 万元, 1万-5万元 …) into exact
// decimal values in 万元, keeping what was written so that reconciliation can
// know how precise each figure is.
package money

import (
	"github.com/shopspring/decimal"
)

// Unit is the unit an amount was written in.
type Unit string

const (
	Yuan     Unit = "元"
	Wan      Unit = "万元"
	Yi       Unit = "亿元"
	Unstated Unit = "" // no unit written: the context (a 万元 column) decides
)

// Amount is one figure as read from a report. Wan is exact; it is never
// derived through a float.
type Amount struct {
	Wan      decimal.Decimal  `json:"wan"`               // value in 万元 (low end of a range)
	High     *decimal.Decimal `json:"high,omitempty"`    // upper end in 万元 when Range
	Raw      string           `json:"raw"`               // the text as written
	Unit     Unit             `json:"unit"`              // unit written ("" when none)
	Decimals int              `json:"decimals"`          // decimals written, in the written unit
	Approx   bool             `json:"approx,omitempty"`  // 约, 近, 左右, 余, 多
	Range    bool             `json:"range,omitempty"`   // 1万-5万元
	Capital  bool             `json:"capital,omitempty"` // written in 大写 numerals
}

// Exact reports whether the amount is a single figure stated as exact.
func (a Amount) Exact() bool { return !a.Approx && !a.Range }

// HalfUlp is the largest error that rounding to the written precision can
// hide, in 万元: half a unit of the last written decimal.
func (a Amount) HalfUlp() decimal.Decimal {
	h := decimal.New(5, int32(-(a.Decimals + 1)))
	switch a.Unit {
	case Yuan:
		return h.Shift(-4)
	case Yi:
		return h.Shift(4)
	}
	return h
}

// String gives the value in 万元 as a plain decimal string.
func (a Amount) String() string {
	if a.Range && a.High != nil {
		return a.Wan.String() + "-" + a.High.String()
	}
	return a.Wan.String()
}
