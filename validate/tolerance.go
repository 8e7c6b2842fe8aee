package validate

import (
	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/money"
)

// sum adds amounts exactly and returns the rounding tolerance of the sum:
// the half-units of the last written decimal of every figure, added up.
// inexact reports whether any figure was an approximation or a range.
func sum(amounts []*money.Amount) (total, tolerance decimal.Decimal, inexact bool) {
	for _, a := range amounts {
		if a == nil {
			continue
		}
		total = total.Add(a.Wan)
		tolerance = tolerance.Add(a.HalfUlp())
		if !a.Exact() {
			inexact = true
		}
	}
	return total, tolerance, inexact
}

// compare classifies actual against expected given a tolerance: equal,
// within rounding, or a real difference. diff is actual − expected.
func compare(expected, actual, tolerance decimal.Decimal) (diff decimal.Decimal, equal, rounding bool) {
	diff = actual.Sub(expected)
	if diff.IsZero() {
		return diff, true, false
	}
	return diff, false, diff.Abs().LessThanOrEqual(tolerance)
}

// wan formats a value in 万元 for messages.
func wan(d decimal.Decimal) string { return d.String() + " 万元" }

// signed formats a difference with its sign.
func signed(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + d.String()
	}
	return d.String()
}

// difference is how every message writes a finding's signed difference,
// the Diff of its JSON: actual − expected, the figure recomputed from the
// document's own parts minus the figure the document states.
func difference(diff decimal.Decimal, unit string) string {
	return "差额（重算 − 所写）" + signed(diff) + unit
}
