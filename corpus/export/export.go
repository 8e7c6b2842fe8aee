// Package export writes the items and findings of a corpus as CSV, XLSX or
// JSON Lines for spreadsheets and other programs: one row per item with its
// unit, year and report, and one row per finding with its review decision.
package export

import (
	"context"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// ItemHeader names the columns of the items table. OCR and OCR置信度 mark
// an item whose figures were read by OCR from a scan (是) and the engine's
// confidence (0–100): figures to check against the scan.
var ItemHeader = []string{"单位", "年度", "报告编号", "序号", "项目名称", "预算数(万元)", "实际拨付(万元)", "拨付情况", "子项目数", "用途", "页码", "OCR", "OCR置信度"}

// FindingHeader names the columns of the findings table. OCR and OCR置信度
// mark a finding that rests on text read by OCR (是, 请核对原件) and the
// lowest confidence of the OCR'd figures it names.
var FindingHeader = []string{"单位", "年度", "报告编号", "问题键", "规则", "规则名称", "级别", "说明", "应为", "实为", "差额", "单位(应为/实为/差额)", "涉及项目", "页码", "审核结论", "审核说明", "审核人", "审核时间", "OCR", "OCR置信度"}

// ocrRead is the OCR column of a row read by OCR.
const ocrRead = "是，请核对原件"

// cell is one value of a table row: text, an integer, or an amount.
type cell struct {
	text   string
	amount *decimal.Decimal // set for amount columns (nil: empty cell)
	number bool             // text is an integer
	id     bool             // text is an identifier made of digits and letters (a report id)
}

// idCell holds a report id, which a spreadsheet must keep as text.
func idCell(s string) cell { return cell{text: s, id: s != ""} }

func textCell(s string) cell { return cell{text: s} }
func intCell(n int) cell     { return cell{text: strconv.Itoa(n), number: true} }
func amountCell(d *decimal.Decimal) cell {
	if d == nil {
		return cell{}
	}
	return cell{text: d.String(), amount: d}
}

// itemRow is the row of an item; m holds the OCR marks of its report.
func itemRow(it corpus.ItemRow, m corpus.OCRMarks) []cell {
	return append([]cell{textCell(it.Unit), yearCell(it.Year), idCell(it.ReportID), intCell(it.Seq), textCell(it.Name),
		amountCell(it.BudgetWan), amountCell(it.ActualWan), textCell(it.Disbursement.Label()),
		intCell(it.Subprojects), textCell(it.Purpose), pageCell(it.Page)}, ocrCells(m.Item(it.Ord))...)
}

// ocrCells are the OCR and OCR置信度 cells of a row with mark m.
func ocrCells(m extract.OCRMark) []cell {
	switch {
	case !m.OCR:
		return []cell{{}, {}}
	case m.Confidence == nil:
		return []cell{textCell(ocrRead), {}}
	}
	return []cell{textCell(ocrRead), intCell(*m.Confidence)}
}

// findingRow is the row of a finding; m holds the OCR marks of its report.
func findingRow(rf corpus.ReviewedFinding, m corpus.OCRMarks) []cell {
	f := rf.Finding
	row := []cell{textCell(rf.Unit), yearCell(rf.Year), idCell(rf.ReportID), textCell(rf.Key), textCell(f.Rule), textCell(validate.RuleName(f.Rule)),
		textCell(f.Severity.Label()), textCell(f.Message),
		amountCell(f.Expected), amountCell(f.Actual), amountCell(f.Diff), textCell(f.FigureUnit), textCell(joinInts(f.Items)), pageCell(f.Page)}
	if d := rf.Decision; d != nil {
		row = append(row, textCell(d.Verdict.Label()), textCell(d.Note), textCell(d.Author),
			textCell(d.At.Local().Format("2006-01-02 15:04:05")))
	} else {
		row = append(row, textCell("待审核"), textCell(""), textCell(""), textCell(""))
	}
	return append(row, ocrCells(m.Findings[rf.Key])...)
}

func yearCell(y int) cell {
	if y == 0 {
		return cell{}
	}
	return intCell(y)
}

func pageCell(p int) cell {
	if p == 0 {
		return cell{}
	}
	return intCell(p)
}

func joinInts(xs []int) string {
	b := make([]byte, 0, 4*len(xs))
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(x), 10)
	}
	return string(b)
}

// selection is what an export of a filter needs of its reports besides their
// rows: the reports, the file of each and the OCR marks of those read by OCR.
type selection struct {
	reports []corpus.ReportSummary
	files   map[string]string
	ocr     map[string]corpus.OCRMarks
}

// selectReports reads the selection of f.
func selectReports(ctx context.Context, s *corpus.Store, f corpus.Filter) (selection, error) {
	reports, err := s.List(ctx, whole(f))
	if err != nil {
		return selection{}, err
	}
	files := make(map[string]string, len(reports))
	ids := make([]string, len(reports))
	for i, r := range reports {
		files[r.ID] = r.Path
		ids[i] = r.ID
	}
	ocr, err := s.OCRMarks(ctx, ids)
	if err != nil {
		return selection{}, err
	}
	return selection{reports: reports, files: files, ocr: ocr}, nil
}

// findingFilter selects the findings of an export of f: those of its
// reports that meet its finding's conditions (rule, severity, review, 差额).
func findingFilter(f corpus.Filter) corpus.FindingFilter { return f.Findings() }

// whole is f without its paging: an export holds everything f selects.
func whole(f corpus.Filter) corpus.Filter {
	f.Limit, f.Offset = 0, 0
	return f
}
