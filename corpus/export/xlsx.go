package export

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
)

// Sheet names of the XLSX export.
const (
	ItemSheet    = "项目"
	FindingSheet = "问题"
)

// XLSX writes a workbook with the items of the reports f selects on sheet
// 项目 and their findings with review decisions on sheet 问题. Amounts are
// numeric cells written from their decimal strings, each with a number
// format showing exactly the decimals stored, so that what Excel displays is
// the figure as stored. (An amount of more than 15 significant digits, which
// a spreadsheet number cannot hold, is written as text.)
func XLSX(ctx context.Context, s *corpus.Store, f corpus.Filter, w io.Writer) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", ItemSheet); err != nil {
		return err
	}
	if _, err := x.NewSheet(FindingSheet); err != nil {
		return err
	}
	st, err := newStyles(x)
	if err != nil {
		return err
	}
	err = writeSheet(x, st, ItemSheet, ItemHeader, []float64{14, 6, 14, 6, 40, 14, 14, 8, 8, 40, 6},
		func(emit func([]cell) error) error {
			return s.EachItem(ctx, f, func(it corpus.ItemRow) error { return emit(itemRow(it)) })
		})
	if err != nil {
		return err
	}
	err = writeSheet(x, st, FindingSheet, FindingHeader, []float64{14, 6, 14, 22, 20, 6, 60, 14, 14, 14, 10, 6, 8, 30, 20},
		func(emit func([]cell) error) error {
			return s.EachFinding(ctx, findingFilter(f), func(rf corpus.ReviewedFinding) error { return emit(findingRow(rf)) })
		})
	if err != nil {
		return err
	}
	_, err = x.WriteTo(w)
	return err
}

// styles caches the workbook's cell styles: the header, and one number
// format per number of decimals.
type styles struct {
	x       *excelize.File
	header  int
	integer int
	amounts map[int]int
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
	return &styles{x: x, header: h, integer: i, amounts: map[int]int{}}, nil
}

// amount is the style showing n decimals with thousands separators.
func (s *styles) amount(n int) (int, error) {
	if id, ok := s.amounts[n]; ok {
		return id, nil
	}
	format := "#,##0"
	if n > 0 {
		format += "." + strings.Repeat("0", n)
	}
	id, err := s.x.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return 0, err
	}
	s.amounts[n] = id
	return id, nil
}

func writeSheet(x *excelize.File, st *styles, sheet string, header []string, widths []float64,
	rows func(emit func([]cell) error) error) error {
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
	r := 2
	err = rows(func(row []cell) error {
		vals := make([]any, len(row))
		for i, c := range row {
			v, err := st.value(c)
			if err != nil {
				return err
			}
			vals[i] = v
		}
		ref, _ := excelize.CoordinatesToCellName(1, r)
		r++
		return sw.SetRow(ref, vals)
	})
	if err != nil {
		return err
	}
	return sw.Flush()
}

// value is the cell to write for c.
func (st *styles) value(c cell) (any, error) {
	switch {
	case c.amount != nil:
		v, ok := exactFloat(*c.amount)
		if !ok {
			return c.text, nil
		}
		id, err := st.amount(decimals(*c.amount))
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
