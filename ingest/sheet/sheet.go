// Package sheet reads spreadsheets (XLSX, and XLS/ET once converted to
// XLSX) through excelize: the cells of each worksheet as the program that
// wrote it shows them (cached values, number formats applied), its merged
// ranges, and its formulas. Each worksheet becomes one page of text in the
// layout every other table reader of ingest writes — a row is a
// "| cell | cell |" line, a merged cell is written once at its top-left and
// the positions it covers are empty — together with the cell each stretch of
// that text came from, so that a figure's provenance is its cell (Sheet1!D7).
//
// Formulas are not recomputed for display: the cached value is what the
// author saw and published. Where a cached value disagrees with what its
// formula computes (the sheet was edited by hand, or saved without
// recalculation), the disagreement is recorded for the rules to report.
//
// Every read is bounded (see the Max constants) so that a zip bomb or a
// sheet with a million rows ends in an error or a truncation that is said.
package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Bounds on what one workbook may make us read.
const (
	MaxUnzipped   = 128 << 20 // uncompressed bytes of the whole package
	MaxSheetXML   = 64 << 20  // uncompressed bytes of one worksheet part held in memory
	MaxEntries    = 10000     // entries in the zip directory
	MaxSheets     = 256       // worksheets read
	MaxRows       = 5000      // rows read of one worksheet
	MaxColumns    = 256       // columns read of one row
	MaxCells      = 200000    // non-empty cells read of one workbook
	MaxFormulas   = 20000     // formulas checked against their cached value, per workbook
	MaxTextBytes  = 64 << 20  // bytes of text made
	maxCellLength = 32767     // Excel's own limit on the characters of one cell
)

// ErrNotXLSX means the bytes are not an XLSX workbook.
var ErrNotXLSX = errors.New("不是 Excel 工作簿 (not an XLSX workbook)")

// ErrEncrypted means a password-protected workbook.
var ErrEncrypted = errors.New("工作簿已加密，请在 Excel/WPS 中取消密码后另存 (encrypted workbook)")

// ErrLimit is wrapped by every error that reports an exceeded bound.
var ErrLimit = errors.New("超出限制 (limit exceeded)")

// Cell says that bytes [Start, End) of a sheet's Text came from cell Ref (D7).
type Cell struct {
	Ref   string `json:"ref"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Formula is a cell whose cached value disagrees with what its formula computes.
type Formula struct {
	Ref      string `json:"ref"`      // D7
	Formula  string `json:"formula"`  // =B7/C7 as written
	Cached   string `json:"cached"`   // the value saved in the file, shown to readers
	Computed string `json:"computed"` // what the formula gives from the cells it refers to
}

// Sheet is one worksheet read.
type Sheet struct {
	Name     string
	Text     string    // rows as "| … |" lines, as the HTML and DOCX readers write a table
	Cells    []Cell    // by Start
	Formulas []Formula // stale cached values, by position
}

// IsXLSX tells whether a zip package is a spreadsheet (its workbook part is
// present), reading only its directory.
func IsXLSX(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		// a cut-off or damaged package: the names in its local headers say
		// what it was, so that the error names the right reader
		return (bytes.Contains(data, []byte("xl/workbook.xml")) || bytes.Contains(data, []byte("xl/worksheets/"))) &&
			!bytes.Contains(data, []byte("word/document.xml"))
	}
	for _, f := range zr.File {
		switch f.Name {
		case "xl/workbook.xml", "xl/workbook.bin":
			return true
		}
	}
	return false
}

// Extract reads every visible worksheet of an XLSX workbook. Warnings are
// what a reader should know (hidden sheets left out, rows cut off,
// formulas that could not be recomputed); an error says why the bytes
// cannot be read at all.
func Extract(data []byte) (sheets []Sheet, warnings []string, err error) {
	return ExtractOptions(data, Options{})
}

// Options tune ExtractOptions.
type Options struct {
	// Converted says the workbook was converted from XLS/ET by LibreOffice,
	// which recomputes every formula of a BIFF file as it loads it: the
	// values cached by the author's program are gone, and a reader is told.
	Converted bool
}

// ExtractOptions is Extract as opt says.
func ExtractOptions(data []byte, opt Options) (sheets []Sheet, warnings []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			sheets, warnings, err = nil, nil, fmt.Errorf("%w: 工作簿结构损坏 (%v)", ErrNotXLSX, p)
		}
	}()
	if err := checkPackage(data); err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: MaxSheetXML,
	})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, zip.ErrFormat) {
			return nil, nil, fmt.Errorf("%w: %v", ErrNotXLSX, err)
		}
		if strings.Contains(err.Error(), "size limit") {
			return nil, nil, fmt.Errorf("%w: 解压后超过 %d 字节 (possible zip bomb)", ErrLimit, MaxUnzipped)
		}
		return nil, nil, fmt.Errorf("%w: %v", ErrNotXLSX, err)
	}
	defer f.Close()
	r := &reader{f: f}
	names := f.GetSheetList()
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("%w: 工作簿中没有工作表", ErrNotXLSX)
	}
	for i, name := range names {
		if i >= MaxSheets {
			r.warn(fmt.Sprintf("工作表超过 %d 张，其余未读取 (sheets cut off)", MaxSheets))
			break
		}
		if vis, err := f.GetSheetVisible(name); err == nil && !vis {
			r.warn(fmt.Sprintf("隐藏的工作表“%s”未读取 (hidden sheet left out)", name))
			continue
		}
		s, err := r.sheet(name)
		if err != nil {
			if errors.Is(err, ErrLimit) {
				return nil, nil, err
			}
			r.warn(fmt.Sprintf("工作表“%s”无法读取: %v", name, err))
			continue
		}
		sheets = append(sheets, s)
	}
	if opt.Converted && r.formulas > 0 {
		r.warn(fmt.Sprintf("%d 个公式的值是转换时重新计算的，原文件缓存的值无法核对；如需核对请另存为 .xlsx (xls: cached formula values not kept by the conversion)", r.formulas))
	}
	if r.uncheckable > 0 {
		r.warn(fmt.Sprintf("%d 个公式无法重新计算，未核对其缓存值 (formulas not recomputed)", r.uncheckable))
	}
	if len(sheets) == 0 {
		return nil, r.warnings, fmt.Errorf("%w: 没有可读的工作表", ErrNotXLSX)
	}
	return sheets, r.warnings, nil
}

// checkPackage refuses what is not a spreadsheet package before excelize
// reads it whole: not a zip, too many entries, declared sizes past the bound.
func checkPackage(data []byte) error {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
		if bytes.Contains(data, utf16("EncryptedPackage")) {
			return ErrEncrypted
		}
		return fmt.Errorf("%w: 这是旧版 Excel (.xls) 文件", ErrNotXLSX)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotXLSX, err)
	}
	if len(zr.File) > MaxEntries {
		return fmt.Errorf("%w: 压缩包有 %d 个条目，上限 %d", ErrLimit, len(zr.File), MaxEntries)
	}
	var total uint64
	workbook := false
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.Name == "xl/workbook.xml" {
			workbook = true
		}
		if f.Name == "xl/workbook.bin" {
			return fmt.Errorf("%w: 二进制工作簿 (.xlsb) 暂不支持，请另存为 .xlsx", ErrNotXLSX)
		}
	}
	if !workbook {
		return fmt.Errorf("%w: 缺少 xl/workbook.xml", ErrNotXLSX)
	}
	if total > MaxUnzipped {
		return fmt.Errorf("%w: 解压后 %d 字节，上限 %d (possible zip bomb)", ErrLimit, total, MaxUnzipped)
	}
	return nil
}

func utf16(name string) []byte {
	b := make([]byte, 0, 2*len(name))
	for _, c := range []byte(name) {
		b = append(b, c, 0)
	}
	return b
}

type reader struct {
	f           *excelize.File
	warnings    []string
	cells       int // non-empty cells read so far
	formulas    int // formulas checked so far
	text        int // bytes of text made so far
	uncheckable int
}

func (r *reader) warn(s string) { r.warnings = append(r.warnings, s) }

// span is a merged range in 1-based grid coordinates.
type span struct{ c0, r0, c1, r1 int }

func (r *reader) sheet(name string) (Sheet, error) {
	s := Sheet{Name: name}
	merges, err := r.merges(name)
	if err != nil {
		return s, err
	}
	grid, err := r.grid(name)
	if err != nil {
		return s, err
	}
	// covered[row][col]: a position inside a merged range other than its top-left
	covered := map[[2]int]bool{}
	rowMergeEnd := map[int]int{} // row → last column a merge covering it reaches
	for _, m := range merges {
		for rr := m.r0; rr <= min(m.r1, m.r0+MaxRows); rr++ {
			rowMergeEnd[rr] = max(rowMergeEnd[rr], min(m.c1, MaxColumns))
			for cc := m.c0; cc <= min(m.c1, MaxColumns); cc++ {
				if rr != m.r0 || cc != m.c0 {
					covered[[2]int{rr, cc}] = true
				}
			}
		}
	}
	if err := render(&s, grid, covered, rowMergeEnd, r.text); err != nil {
		return s, err
	}
	r.text += len(s.Text)
	s.Formulas = r.staleFormulas(name, grid)
	return s, nil
}

// render writes grid into s as "| cell |" rows, one per non-empty row, and
// records the cell of every stretch of text. covered marks the positions of
// merged ranges other than their top-left (left empty); rowMergeEnd gives
// the last column a merge on a row reaches (the row is written that wide).
// textSoFar is the text already made from the same file, for MaxTextBytes.
func render(s *Sheet, grid [][]string, covered map[[2]int]bool, rowMergeEnd map[int]int, textSoFar int) error {
	var b strings.Builder
	for ri, row := range grid {
		rn := ri + 1
		vals := make([]string, len(row))
		last := -1
		for ci, v := range row {
			if covered[[2]int{rn, ci + 1}] {
				continue
			}
			vals[ci] = cellText(v)
			if vals[ci] != "" {
				last = ci
			}
		}
		if last < 0 {
			continue
		}
		width := max(last+1, rowMergeEnd[rn])
		for len(vals) < width {
			vals = append(vals, "")
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteByte('|')
		for ci, v := range vals {
			b.WriteByte(' ')
			if v != "" {
				ref, _ := excelize.CoordinatesToCellName(ci+1, rn)
				s.Cells = append(s.Cells, Cell{Ref: ref, Start: b.Len(), End: b.Len() + len(v)})
			}
			b.WriteString(v)
			b.WriteString(" |")
		}
		if textSoFar+b.Len() > MaxTextBytes {
			return fmt.Errorf("%w: 文字超过 %d 字节", ErrLimit, MaxTextBytes)
		}
	}
	s.Text = b.String()
	return nil
}

// cellText is a cell's value on one line: whitespace runs (line breaks
// inside the cell) become one space, and the column separator is escaped
// the way the HTML and DOCX readers escape it.
func cellText(v string) string {
	if len(v) > 4*maxCellLength {
		v = v[:4*maxCellLength]
	}
	v = strings.Join(strings.Fields(v), " ")
	return strings.ReplaceAll(v, "|", "¦")
}

func (r *reader) merges(name string) ([]span, error) {
	mc, err := r.f.GetMergeCells(name, true)
	if err != nil {
		return nil, err
	}
	out := make([]span, 0, len(mc))
	for _, m := range mc {
		c0, r0, err0 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err0 != nil || err1 != nil || c1 < c0 || r1 < r0 {
			continue
		}
		out = append(out, span{c0, r0, c1, r1})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].r0 != out[j].r0 {
			return out[i].r0 < out[j].r0
		}
		return out[i].c0 < out[j].c0
	})
	return out, nil
}

// grid reads the formatted values of a worksheet, row by row, bounded.
func (r *reader) grid(name string) ([][]string, error) {
	rows, err := r.f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var grid [][]string
	n := 0
	for rows.Next() {
		n++
		if n > MaxRows {
			r.warn(fmt.Sprintf("工作表“%s”超过 %d 行，其余未读取 (rows cut off)", name, MaxRows))
			break
		}
		cols, err := rows.Columns()
		if err != nil {
			return nil, err
		}
		if len(cols) > MaxColumns {
			r.warn(fmt.Sprintf("工作表“%s”第 %d 行超过 %d 列，其余未读取 (columns cut off)", name, n, MaxColumns))
			cols = cols[:MaxColumns]
		}
		for _, c := range cols {
			if c != "" {
				r.cells++
			}
		}
		if r.cells > MaxCells {
			return nil, fmt.Errorf("%w: 非空单元格超过 %d 个", ErrLimit, MaxCells)
		}
		grid = append(grid, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	// formulas without a cached value show what they compute
	for ri, row := range grid {
		for ci, v := range row {
			if v != "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
			if fm, err := r.f.GetCellFormula(name, ref); err == nil && fm != "" {
				if got, err := r.f.CalcCellValue(name, ref); err == nil {
					row[ci] = got
				}
			}
		}
	}
	return grid, nil
}

// staleFormulas compares the cached value of every formula with what it
// computes from the cells it refers to.
func (r *reader) staleFormulas(name string, grid [][]string) []Formula {
	var out []Formula
	for ri, row := range grid {
		for ci := range row {
			ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
			fm, err := r.f.GetCellFormula(name, ref)
			if err != nil || fm == "" {
				continue
			}
			if r.formulas >= MaxFormulas {
				r.uncheckable++
				continue
			}
			r.formulas++
			cached, err := r.f.GetCellValue(name, ref, excelize.Options{RawCellValue: true})
			if err != nil || cached == "" {
				continue // no cached value: the value shown is the computed one
			}
			computed, err := r.f.CalcCellValue(name, ref, excelize.Options{RawCellValue: true})
			if err != nil {
				r.uncheckable++
				continue
			}
			if !sameValue(cached, computed) {
				out = append(out, Formula{Ref: ref, Formula: "=" + strings.TrimPrefix(fm, "="), Cached: cached, Computed: computed})
			}
		}
	}
	return out
}

// sameValue compares a cached value with a recomputed one. Numbers are
// compared as decimals to the 15 significant digits a spreadsheet keeps
// (both are IEEE doubles written out, so the last digits of one may be
// noise); anything else as text.
func sameValue(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == b {
		return true
	}
	da, errA := decimal.NewFromString(a)
	db, errB := decimal.NewFromString(b)
	if errA != nil || errB != nil {
		return strings.EqualFold(a, b) // TRUE/true
	}
	scale := da.Abs()
	if db.Abs().GreaterThan(scale) {
		scale = db.Abs()
	}
	if scale.LessThan(decimal.NewFromInt(1)) {
		scale = decimal.NewFromInt(1)
	}
	tol := scale.Mul(decimal.New(1, -12))
	return da.Sub(db).Abs().LessThanOrEqual(tol)
}
