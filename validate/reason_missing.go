package validate

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// reason-missing: the template asks for a 偏差原因 (未完成原因) wherever a
// target was not met. A row short of its target (实际 below a 正向 target or
// above a 反向 one), or scoring under its 分值, with an empty reason cell:
// warning; with a cell that only says 无 / 暂无 / —: info. A table whose
// 执行率 is under 90 % with no reason given anywhere in it: warning.
// Indicators read from a narrative report's prose have no reason column and
// are not judged by it.
func init() {
	register(Rule{ID: "reason-missing", Name: "缺偏差原因", Severity: Warning,
		Summary: "未完成目标（或得分低于分值、执行率低于 90%）而没有写偏差原因",
		Check:   checkReasons})
}

// emptyReason is a reason cell that says nothing.
var emptyReason = regexp.MustCompile(`^(无|暂无|没有|无偏差|无差异|—+|-+|－+|/|／|0|\\|…+|\.+)$`)

var ninetyPct = decimal.NewFromInt(90)

func checkReasons(r *extract.Report) []Finding {
	var out []Finding
	any := false
	for _, ind := range r.Indicators {
		reason := strings.Join(strings.Fields(ind.Reason), "")
		if reason != "" && !emptyReason.MatchString(reason) {
			any = true
		}
		if ind.NotApplicable || ind.PartOf != 0 || ind.Prose {
			continue // a prose indicator has no reason column to be empty
		}
		why, short := shortOfTarget(ind)
		if !short || reason != "" && !emptyReason.MatchString(reason) {
			continue
		}
		f := Finding{Rule: "reason-missing", Severity: Warning, Items: []int{1}, Page: ind.Page, Span: spanOf(ind.Span)}
		if reason == "" {
			f.Message = fmt.Sprintf("%s%s，偏差原因一栏为空 (reason-missing)", indicatorName(ind), why)
		} else {
			f.Severity = Info
			f.Message = fmt.Sprintf("%s%s，偏差原因只写了「%s」 (reason-missing)", indicatorName(ind), why, reason)
		}
		out = append(out, f)
	}
	for _, f := range r.Funds {
		if s := strings.TrimSpace(f.Reason); s != "" && !emptyReason.MatchString(s) {
			any = true
		}
	}
	if fr := fundTotalRow(r); fr != nil && !any {
		if rate, text, ok := fundRate(*fr); ok && rate.LessThan(ninetyPct) {
			out = append(out, Finding{Rule: "reason-missing", Severity: Warning,
				Message: fmt.Sprintf("%s：执行率 %s 低于 90%%，表中没有任何偏差原因 (reason-missing)", rowName(*fr), text),
				Actual:  dec(rate), Items: []int{1}, Page: fr.Page, Span: spanOf(fr.Span)})
		}
	}
	return out
}

// shortOfTarget says why a row did not meet its target, if it did not.
func shortOfTarget(ind extract.Indicator) (string, bool) {
	t, a, quantitative, comparable := ind.Measures()
	if quantitative && comparable && !met(t, a) {
		return fmt.Sprintf("实际完成值 %s 未达到年度指标值 %s", strings.TrimSpace(ind.Actual), strings.TrimSpace(ind.Target)), true
	}
	if ind.Weight != nil && ind.Score != nil && ind.Score.LessThan(*ind.Weight) {
		return fmt.Sprintf("得分 %s 低于分值 %s", fig(*ind.Score, ind.Decimals["score"]), fig(*ind.Weight, ind.Decimals["weight"])), true
	}
	return "", false
}

// fundRate is a fund row's 执行率 as written, or 执行数 ÷ 预算数.
func fundRate(f extract.FundRow) (decimal.Decimal, string, bool) {
	if f.Rate != nil {
		return *f.Rate, written(f, "rate", f.Rate.String()+"%"), true
	}
	if f.BudgetWan != nil && f.ExecutedWan != nil && f.BudgetWan.IsPositive() {
		r := f.ExecutedWan.DivRound(*f.BudgetWan, 12).Mul(hundredPct)
		return r, fig(r.Round(2), 2) + "%（执行数 ÷ 预算数）", true
	}
	return decimal.Decimal{}, "", false
}
