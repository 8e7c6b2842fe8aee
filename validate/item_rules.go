package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

func init() {
	register(Rule{ID: "actual-exceeds-budget", Name: "超预算拨付", Severity: Error, Summary: "实际拨付超过预算", Check: ActualExceedsBudget})
	register(Rule{ID: "underspent", Name: "未足额拨付", Severity: Info, Summary: "实际拨付少于预算", Check: Underspent})
	register(Rule{ID: "not-disbursed", Name: "未拨付", Severity: Warning, Summary: "有预算而未拨付（未拨付/未支出）", Check: NotDisbursed})
}

// ActualExceedsBudget flags items that disbursed more than their budget.
func ActualExceedsBudget(r *extract.Report) []Finding {
	var out []Finding
	for _, it := range r.Items {
		if it.Budget == nil || it.Actual == nil || !it.ActualWan.GreaterThan(*it.BudgetWan) {
			continue
		}
		tol := it.Budget.HalfUlp().Add(it.Actual.HalfUlp())
		diff, _, rounding := compare(*it.BudgetWan, *it.ActualWan, tol)
		f := itemFinding("actual-exceeds-budget", Error, it)
		f.Diff = dec(diff)
		f.Message = fmt.Sprintf("%s实际拨付 %s，超过预算 %s（%s 万元）", itemLabel(it), wan(*it.ActualWan), wan(*it.BudgetWan), signed(diff))
		if rounding {
			f.Severity = Info
			f.Message = "舍入差 (rounding)：" + f.Message
		}
		out = append(out, f)
	}
	return out
}

// Underspent notes items that disbursed part of their budget.
func Underspent(r *extract.Report) []Finding {
	var out []Finding
	for _, it := range r.Items {
		if it.Disbursement != extract.Partial {
			continue
		}
		diff := it.ActualWan.Sub(*it.BudgetWan)
		f := itemFinding("underspent", Info, it)
		f.Diff = dec(diff)
		f.Message = fmt.Sprintf("%s实际拨付 %s，少于预算 %s（%s 万元）", itemLabel(it), wan(*it.ActualWan), wan(*it.BudgetWan), signed(diff))
		out = append(out, f)
	}
	return out
}

// NotDisbursed flags budgeted items with nothing paid out (未拨付/未支出).
func NotDisbursed(r *extract.Report) []Finding {
	var out []Finding
	for _, it := range r.Items {
		if it.Disbursement != extract.None {
			continue
		}
		f := itemFinding("not-disbursed", Warning, it)
		budget := "（预算未写明）"
		if it.BudgetWan != nil {
			budget = "预算 " + wan(*it.BudgetWan) + "，"
			f.Diff = dec(it.ActualWan.Sub(*it.BudgetWan))
		}
		raw := "未拨付"
		if it.Actual != nil && it.Actual.Raw != "" {
			raw = it.Actual.Raw
		}
		f.Message = fmt.Sprintf("%s%s%s", itemLabel(it), budget, raw)
		out = append(out, f)
	}
	return out
}

func itemFinding(rule string, sev Severity, it extract.Item) Finding {
	span := it.Span
	f := Finding{Rule: rule, Severity: sev, Items: []int{it.Seq}, Page: it.Page, Span: &span}
	if it.BudgetWan != nil {
		f.Expected, f.FigureUnit = dec(*it.BudgetWan), "万元"
	}
	if it.ActualWan != nil {
		f.Actual, f.FigureUnit = dec(*it.ActualWan), "万元"
	}
	return f
}

func itemLabel(it extract.Item) string { return fmt.Sprintf("第 %d 项「%s」", it.Seq, it.Name) }

func seqList(seqs []int) string {
	s := make([]string, len(seqs))
	for i, n := range seqs {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, "、")
}
