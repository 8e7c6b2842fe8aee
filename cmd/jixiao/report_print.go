package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// printReport writes a report's header and its items as a table.
func printReport(w io.Writer, r *extract.Report) {
	fmt.Fprintf(w, "文件：%s（%s）\n", terminalSafe(r.Source.Path), r.Source.Format)
	fmt.Fprintf(w, "标题：%s\n单位：%s　年度：%s　类型：%s　体裁：%s\n", orDash(r.Title), orDash(r.Unit), yearText(r.Year), r.DocType.Label(), r.Genre)
	stated := "所述："
	if r.Stated.Count != nil {
		stated += fmt.Sprintf("项目 %d 个　", *r.Stated.Count)
	}
	if r.Stated.TotalWan != nil {
		stated += "总额 " + r.Stated.TotalWan.String() + " 万元"
	}
	fmt.Fprintln(w, strings.TrimSpace(stated))
	if len(r.OCRPages) > 0 {
		fmt.Fprintf(w, "第 %s 页由 OCR 从扫描件读出，数字请核对原件（页码旁 OCR 后为识别置信度）\n", joinPages(r.OCRPages))
	}
	if !validate.FiguresRead(r) {
		fmt.Fprintln(w, "（未能读出项目或金额）")
	}
	defer printIndicators(w, r)
	if len(r.Items) == 0 {
		if validate.FiguresRead(r) && len(r.Indicators) == 0 {
			fmt.Fprintln(w, "（没有识别出项目）")
		}
		return
	}
	var rows [][]string
	var budget, actual decimal.Decimal
	subs := 0
	for _, it := range r.Items {
		rows = append(rows, []string{strconv.Itoa(it.Seq), it.Name, amountText(it.BudgetWan), amountText(it.ActualWan),
			it.Disbursement.Label(), strconv.Itoa(max(1, it.Subprojects)), evaluationText(it), whereText(it.Page, it.Cell) + ocrText(it.OCRMark)})
		if it.BudgetWan != nil {
			budget = budget.Add(*it.BudgetWan)
		}
		if it.ActualWan != nil {
			actual = actual.Add(*it.ActualWan)
		}
		subs += max(1, it.Subprojects)
	}
	rows = append(rows, []string{"合计", fmt.Sprintf("%d 项", len(r.Items)), budget.String(), actual.String(), "", strconv.Itoa(subs), "", ""})
	fmt.Fprintln(w)
	printTable(w, []string{"序号", "项目", "预算(万元)", "实际(万元)", "拨付", "子项目", "评价", "页"}, rows)
}

// printIndicators lists a report's 绩效指标, from a table's rows or written
// as prose in a narrative report, with their targets, what was achieved and,
// where the table gives them, the weight and score.
func printIndicators(w io.Writer, r *extract.Report) {
	if len(r.Indicators) == 0 {
		return
	}
	var rows [][]string
	for _, in := range r.Indicators {
		rows = append(rows, []string{in.Level1, in.Level2, in.Level3, orDash(in.Target), orDash(in.Actual),
			amountText(in.Weight), amountText(in.Score), whereText(in.Page, in.Cell) + ocrText(in.OCRMark)})
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "绩效指标 %d 项：\n", len(r.Indicators))
	printTable(w, []string{"一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "页"}, rows)
}

func joinPages(ps []int) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = strconv.Itoa(p)
	}
	return strings.Join(s, "、")
}

// ocrText marks a figure read by OCR, with the engine's confidence
// (第 2 页 OCR 87): a figure to check against the scan.
func ocrText(m extract.OCRMark) string {
	switch {
	case !m.OCR:
		return ""
	case m.Confidence != nil:
		return fmt.Sprintf(" OCR %d", *m.Confidence)
	}
	return " OCR"
}

// evaluationText lists which of the five dimensions an item's evaluation has.
func evaluationText(it extract.Item) string {
	if len(it.Evaluation) == 0 {
		return "—"
	}
	var have []string
	for _, d := range extract.Dimensions {
		if strings.TrimSpace(it.Evaluation[d]) != "" {
			have = append(have, d)
		}
	}
	if len(have) == len(extract.Dimensions) {
		return "齐全"
	}
	return "仅" + strings.Join(have, "、")
}

// printFindings writes findings as a table, errors first. "No problems" is
// only said of a report whose figures were read: a nothing-extracted finding
// is said first, in its own words.
func printFindings(w io.Writer, fs []validate.Finding) {
	var rest []validate.Finding
	empty := false
	for _, f := range fs {
		if f.Rule == "nothing-extracted" {
			fmt.Fprintf(w, "%s（nothing-extracted）\n", f.Message)
			empty = true
			continue
		}
		rest = append(rest, f)
	}
	fs = rest
	if len(fs) == 0 {
		if !empty {
			fmt.Fprintln(w, "没有发现问题。")
		}
		return
	}
	counts := map[validate.Severity]int{}
	var rows [][]string
	for _, f := range fs {
		counts[f.Severity]++
		rows = append(rows, []string{f.Severity.Label(), f.Rule, seqText(f.Items), whereText(f.Page, f.Cell), f.Message})
	}
	fmt.Fprintf(w, "发现 %d 个错误、%d 个警告、%d 个提示：\n", counts[validate.Error], counts[validate.Warning], counts[validate.Info])
	printTableWide(w, []string{"级别", "规则", "项目", "页", "说明"}, rows)
}

func seqText(seqs []int) string {
	s := make([]string, len(seqs))
	for i, n := range seqs {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

func amountText(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	return d.String()
}

func yearText(y int) string {
	if y == 0 {
		return "—"
	}
	return strconv.Itoa(y)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// whereText is where a record or finding is: its cell in a spreadsheet
// (自评表!D7), else its page.
func whereText(page int, cell string) string {
	if cell != "" {
		return cell
	}
	return strconv.Itoa(page)
}
