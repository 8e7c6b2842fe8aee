package validate

import (
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

func init() {
	register(Rule{ID: "nothing-extracted", Name: "未读出内容", Severity: Warning,
		Summary: "文件已读入，但未读出任何项目金额、所述总额或个数、资金行、指标或得分；说明文件类型和查找了什么（validate 显示「未能读出项目或金额」而不是「没有发现问题」，不改变退出码）",
		Check:   NothingExtracted})
}

// NothingExtracted says that a document was read but none of its figures
// were understood — no item amount, stated total or count, fund row,
// indicator or score — so that an empty report is never taken for a clean
// one. The message says what kind of document it is and what was looked for.
// It is a warning: it does not change validate's exit code.
func NothingExtracted(r *extract.Report) []Finding {
	if FiguresRead(r) {
		return nil
	}
	var b strings.Builder
	b.WriteString("未能读出项目或金额")
	switch r.DocType {
	case extract.FinalAccounts, extract.DepartmentBudget:
		fmt.Fprintf(&b, "：这是一份%s，查找了其“预算绩效管理情况”一节的绩效自评项目个数与涉及预算金额，以及所附的部门整体/项目支出绩效自评表，均未读到", r.DocType.Label())
	case extract.OtherDocument:
		b.WriteString("：这不是绩效自评报告或自评表（如管理办法、通知、模板），其中没有可核对的项目与金额")
	default:
		if r.Genre == extract.Narrative {
			b.WriteString("：查找了编号列出的项目（（一）、1.、一、① 等）及其预算/下达/安排与拨付/支出金额、所述总额（共计/合计…万元）和项目个数，均未读到")
		} else {
			b.WriteString("：查找了资金行（年度资金总额、本年财政拨款等的预算数与执行数）、绩效指标行（一级/二级/三级指标）和总分，均未读到")
		}
	}
	if n := len(r.Items); n > 0 {
		fmt.Fprintf(&b, "；识别出 %d 个项目名称，但没有读出任何金额", n)
	}
	var got []string
	for _, h := range []struct {
		name string
		ok   bool
	}{{"标题", r.Title != ""}, {"单位", r.Unit != ""}, {"年度", r.Year != 0}} {
		if h.ok {
			got = append(got, h.name)
		}
	}
	if len(got) > 0 {
		b.WriteString("；只读出了" + strings.Join(got, "、"))
	}
	for _, w := range r.Warnings {
		if strings.Contains(w, "OCR") || strings.Contains(w, "图像") {
			b.WriteString("；" + w)
			break
		}
	}
	b.WriteString("。请人工查看原文。")
	return []Finding{{Rule: "nothing-extracted", Severity: Warning, Message: b.String()}}
}

// FiguresRead reports whether any figure of the report was understood: an
// item's budget or actual amount, the stated total or count, a fund row's
// amount, an indicator row or the total score.
func FiguresRead(r *extract.Report) bool {
	if r.Stated.TotalWan != nil || r.Stated.Count != nil || r.TotalScore != nil || len(r.Indicators) > 0 {
		return true
	}
	for _, it := range r.Items {
		if it.BudgetWan != nil || it.ActualWan != nil {
			return true
		}
	}
	for _, f := range r.Funds {
		if f.BudgetWan != nil || f.ExecutedWan != nil || f.InitialWan != nil {
			return true
		}
	}
	return false
}
