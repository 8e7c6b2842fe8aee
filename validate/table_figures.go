package validate

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// Rounding of the figures a table writes: a figure written with d decimals
// may hide up to half a unit of its last decimal.

var hundredPct = decimal.NewFromInt(100)

// halfAtDecimals is half a unit of the last of d decimals (0.5 for 86, 0.005 for 100.00).
func halfAtDecimals(d int) decimal.Decimal { return decimal.New(5, int32(-(d + 1))) }

// amountDecimals is the precision amounts in 万元 are kept to: 0.01万元
// (百元). An amount written with fewer decimals is exact at that precision
// (9 means 9.00): budgets are counted, and only their conversion to 万元 is
// rounded.
const amountDecimals = 2

// sumTolerance is what rounding can explain in a sum of figures written with
// the given decimals (the total among them). The figures of one sum are taken
// at the finest precision any of them is written with, and at least
// amountDecimals: in 30万元 + 30万元 + 29.99万元 the 30 means 30.00, not
// anything from 29.5 to 30.5.
func sumTolerance(decimals ...int) decimal.Decimal {
	finest := amountDecimals
	for _, d := range decimals {
		finest = max(finest, d)
	}
	return halfAtDecimals(finest).Mul(decimal.NewFromInt(int64(len(decimals))))
}

// rowName is a fund row's label for a message, without 其中: and colons.
func rowName(f extract.FundRow) string {
	n := strings.TrimSpace(f.Row)
	for _, p := range []string{"其中:", "其中："} {
		n = strings.TrimPrefix(n, p)
	}
	return strings.TrimRight(n, ":： ")
}

// fig formats a figure for a message, with at least the decimals it was written with.
func fig(v decimal.Decimal, d int) string {
	if v.Exponent() < 0 && int(-v.Exponent()) > d {
		return v.String()
	}
	return v.StringFixed(int32(d))
}

// spanOf turns a report span into the evidence of a finding.
func spanOf(s extract.Span) *extract.Span {
	if s == (extract.Span{}) {
		return nil
	}
	return &s
}

// fundTotalRow is the 年度资金总额 row of a table: the first level-0 row.
func fundTotalRow(r *extract.Report) *extract.FundRow {
	for i := range r.Funds {
		if r.Funds[i].Level == 0 {
			return &r.Funds[i]
		}
	}
	return nil
}
