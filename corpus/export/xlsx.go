package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
)

// Sheet names of the XLSX export.
const (
	ReportSheet  = "报告"
	ItemSheet    = "项目"
	FindingSheet = "问题"
)

// ReportHeader names the columns of the reports sheet: one row per report,
// with what a reviewer checks first.
// OCR页码 lists the pages read by OCR from a scan (their figures are to be
// checked against it).
var ReportHeader = []string{"单位", "年度", "标题", "文件", "所述总额(万元)", "项目合计(万元)", "差额(万元)", "错误", "警告", "待审核", "报告编号", "OCR页码"}

// XLSX writes a workbook as a finance office keeps one: sheet 报告 (one row
// per report: stated total, the sum of its items, the difference, its
// errors, warnings and pending findings), sheet 项目 (every item, with a 合计
// row) and sheet 问题 (every finding with its review decision); each sheet
// with its header frozen and an autofilter. Amounts are numeric cells
// written from their decimal strings, one number format per column showing
// the finest decimals stored in it, so that no figure is shown rounded. (An
// amount of more than 15 significant digits, which a spreadsheet number
// cannot hold, is written as text.)
func XLSX(ctx context.Context, s *corpus.Store, f corpus.Filter, w io.Writer) error {
	sel, err := selectReports(ctx, s, f)
	if err != nil {
		return err
	}
	var items, findings [][]cell
	var budget, actual decimal.Decimal
	if err := s.EachItem(ctx, f, func(it corpus.ItemRow) error {
		items = append(items, append(itemRow(it, sel.ocr[it.ReportID]), textCell(sel.files[it.ReportID])))
		if it.BudgetWan != nil {
			budget = budget.Add(*it.BudgetWan)
		}
		if it.ActualWan != nil {
			actual = actual.Add(*it.ActualWan)
		}
		return nil
	}); err != nil {
		return err
	}
	pending := map[string]int{}
	if err := s.EachFinding(ctx, findingFilter(f), func(rf corpus.ReviewedFinding) error {
		findings = append(findings, append(findingRow(rf, sel.ocr[rf.ReportID]), textCell(sel.files[rf.ReportID])))
		if rf.Decision == nil {
			pending[rf.ReportID]++
		}
		return nil
	}); err != nil {
		return err
	}
	var rows [][]cell
	for _, r := range sel.reports {
		var diff *decimal.Decimal
		if r.StatedTotal != nil && r.Items > 0 {
			d := r.ItemsBudget.Sub(*r.StatedTotal)
			diff = &d
		}
		sum := r.ItemsBudget
		sumCell := amountCell(&sum)
		if r.Items == 0 {
			sumCell = cell{}
		}
		rows = append(rows, []cell{textCell(r.Unit), yearCell(r.Year), textCell(r.Title), textCell(r.Path),
			amountCell(r.StatedTotal), sumCell, amountCell(diff), intCell(r.Errors), intCell(r.Warnings),
			intCell(pending[r.ID]), idCell(r.ID), textCell(joinInts(sel.ocr[r.ID].Pages))})
	}
	if len(items) > 0 {
		total := make([]cell, len(ItemHeader)+1)
		total[4] = textCell("合计")
		total[5], total[6] = amountCell(&budget), amountCell(&actual)
		items = append(items, total)
	}

	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", ReportSheet); err != nil {
		return err
	}
	for _, name := range []string{ItemSheet, FindingSheet} {
		if _, err := x.NewSheet(name); err != nil {
			return err
		}
	}
	st, err := newStyles(x)
	if err != nil {
		return err
	}
	for _, sh := range []struct {
		name   string
		header []string
		widths []float64
		rows   [][]cell
		total  bool
	}{
		{ReportSheet, ReportHeader, []float64{14, 6, 40, 30, 14, 14, 14, 6, 6, 8, 14, 10}, rows, false},
		{ItemSheet, append(slices.Clone(ItemHeader), FileColumn), []float64{14, 6, 14, 6, 40, 14, 14, 8, 8, 40, 6, 14, 10, 30}, items, len(items) > 0},
		{FindingSheet, append(slices.Clone(FindingHeader), FileColumn), []float64{14, 6, 14, 22, 20, 14, 6, 60, 14, 14, 14, 8, 10, 6, 8, 30, 8, 20, 14, 10, 30}, findings, false},
	} {
		if err := writeSheet(x, st, sh.name, sh.header, sh.widths, sh.rows, sh.total); err != nil {
			return err
		}
	}
	_, err = x.WriteTo(w)
	return err
}

// FileColumn is the column naming the file a row comes from.
const FileColumn = "文件"

// styles caches the workbook's cell styles: the header, and one number
// format per number of decimals.
type styles struct {
	x       *excelize.File
	header  int
	integer int
	bold    int
	amounts map[[2]int]int // by decimals and boldness
}

func newStyles(x *excelize.File) (*styles, error) {
	h, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return nil, err
	}
	i, err := x.NewStyle(&excelize.Style{NumFmt: 1}) // "0"
	if err != nil {
		return nil, err
	}
	b, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	return &styles{x: x, header: h, integer: i, bold: b, amounts: map[[2]int]int{}}, nil
}

// amount is the style showing n decimals with thousands separators.
func (s *styles) amount(n int, bold bool) (int, error) {
	key := [2]int{n, 0}
	if bold {
		key[1] = 1
	}
	if id, ok := s.amounts[key]; ok {
		return id, nil
	}
	format := "#,##0"
	if n > 0 {
		format += "." + strings.Repeat("0", n)
	}
	st := &excelize.Style{CustomNumFmt: &format}
	if bold {
		st.Font = &excelize.Font{Bold: true}
	}
	id, err := s.x.NewStyle(st)
	if err != nil {
		return 0, err
	}
	s.amounts[key] = id
	return id, nil
}

// writeSheet writes the header and rows of one sheet: each amount column
// with one number format (the finest decimals of the column), the header
// frozen and filtered, and a last 合计 row, when total, in bold.
func writeSheet(x *excelize.File, st *styles, sheet string, header []string, widths []float64, rows [][]cell, total bool) error {
	places := make([]int, len(header))
	for _, row := range rows {
		for i, c := range row {
			if c.amount != nil && i < len(places) {
				places[i] = max(places[i], decimals(*c.amount))
			}
		}
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for r, row := range rows {
		vals := make([]any, len(row))
		for i, c := range row {
			v, err := st.value(c, places[min(i, len(places)-1)], total && r == len(rows)-1)
			if err != nil {
				return err
			}
			vals[i] = v
		}
		ref, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(ref, vals); err != nil {
			return err
		}
	}
	// The filter is that of a table over the rows (a stream writer takes
	// tables, not sheet filters); the 合计 row stays out of it.
	last, _ := excelize.CoordinatesToCellName(len(header), max(len(rows)+1, 2))
	if total {
		last, _ = excelize.CoordinatesToCellName(len(header), len(rows))
	}
	show := false
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: tableNames[sheet], StyleName: "TableStyleLight1", ShowRowStripes: &show}); err != nil {
		return err
	}
	return sw.Flush()
}

// tableNames name the table of each sheet (ASCII: table names are
// identifiers in formulas).
var tableNames = map[string]string{ReportSheet: "Reports", ItemSheet: "Items", FindingSheet: "Findings"}

// value is the cell to write for c, an amount shown with places decimals;
// bold for a 合计 row.
func (st *styles) value(c cell, places int, bold bool) (any, error) {
	switch {
	case c.amount != nil:
		v, ok := exactFloat(*c.amount)
		if !ok {
			return c.text, nil
		}
		id, err := st.amount(places, bold)
		if err != nil {
			return nil, err
		}
		return excelize.Cell{StyleID: id, Value: v}, nil
	case c.number:
		n, err := strconv.Atoi(c.text)
		if err != nil {
			return nil, fmt.Errorf("export: %q is not an integer", c.text)
		}
		return excelize.Cell{StyleID: st.integer, Value: n}, nil
	case c.text == "":
		return nil, nil
	case bold:
		return excelize.Cell{StyleID: st.bold, Value: c.text}, nil
	}
	return c.text, nil
}

// exactFloat converts d through its decimal string to the float64 whose
// shortest representation is that same string: true for up to 15
// significant digits, which every 万元 amount in practice has.
func exactFloat(d decimal.Decimal) (float64, bool) {
	s := d.String()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, strconv.FormatFloat(v, 'f', -1, 64) == s
}

// decimals is the number of digits after the point in d's decimal string.
func decimals(d decimal.Decimal) int {
	s := d.String()
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}
