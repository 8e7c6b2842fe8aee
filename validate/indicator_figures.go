package validate

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// completion is how far a quantitative row met its target, capped at 1:
// 实际 ÷ 目标 for a 正向 target, 目标 ÷ 实际 for a 反向 one. tol is what the
// rounding of the two figures as written can move it by: nothing for counts
// and amounts, half a unit of the last decimal for percentages.
func completion(t, a extract.Measure) (ratio, tol decimal.Decimal) {
	one := decimal.NewFromInt(1)
	// counts and amounts are exact as written (30户, 43.2万元); a percentage
	// may round a measured rate (95% for 94.6%)
	ht, ha := decimal.Zero, decimal.Zero
	if t.Unit == "%" {
		ht, ha = halfAtDecimals(t.Decimals), halfAtDecimals(a.Decimals)
	}
	num, den, hn, hd := a.Value, t.Value, ha, ht
	if t.Dir == extract.LessIsBetter {
		num, den, hn, hd = t.Value, a.Value, ht, ha
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
func met(t, a extract.Measure) bool {
	if t.Dir == extract.LessIsBetter {
		return a.Value.LessThanOrEqual(t.Value)
	}
	return a.Value.GreaterThanOrEqual(t.Value)
}

// indicatorName is an indicator row's name for a message.
func indicatorName(ind extract.Indicator) string {
	n := strings.TrimSpace(ind.Level3)
	if n == "" {
		n = strings.TrimSpace(ind.Level2)
	}
	return "指标「" + n + "」"
}
