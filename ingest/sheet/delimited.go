package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Delimited tells whether text is a worksheet saved as delimited text — CSV
// or TSV as Excel, WPS and LibreOffice write it — and with which separator.
// A spreadsheet program writes every row of a sheet with the same number of
// fields (empty ones included), which prose with a comma here and there
// never does: at least three rows, at least three fields, and nine rows in
// ten of the same width.
func Delimited(text string) (comma rune, ok bool) {
	sample := text[:min(len(text), 64<<10)]
	if i := strings.LastIndexByte(sample, '\n'); i > 0 && len(sample) < len(text) {
		sample = sample[:i] // whole lines only
	}
	for _, c := range []rune{',', '\t', ';'} {
		if !strings.ContainsRune(sample, c) {
			continue
		}
		r := newCSVReader(strings.NewReader(sample), c)
		widths := map[int]int{}
		records := 0
		for records < 200 {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				records = 0
				break
			}
			records++
			widths[len(rec)]++
		}
		width, most := 0, 0
		for w, n := range widths {
			if n > most || n == most && w > width {
				width, most = w, n
			}
		}
		if records >= 3 && width >= 3 && most*10 >= records*9 {
			return c, true
		}
	}
	return 0, false
}

func newCSVReader(r io.Reader, comma rune) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.LazyQuotes = true    // a stray quote inside a cell is the cell's own
	cr.FieldsPerRecord = -1 // widths are checked by Delimited, not here
	cr.ReuseRecord = false
	return cr
}

// FromDelimited reads text saved with the separator comma as one worksheet
// named name, in the layout of every other sheet: "| cell |" rows, each
// stretch of text with its cell (B4). Values are the text the file holds,
// as a spreadsheet program shows a CSV it opens; the bounds of a workbook
// (MaxRows, MaxColumns, MaxCells, MaxTextBytes) hold, and a cut is said.
func FromDelimited(name, text string, comma rune) (Sheet, []string, error) {
	s := Sheet{Name: name}
	var warnings []string
	r := newCSVReader(strings.NewReader(text), comma)
	var grid [][]string
	cells := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			warnings = append(warnings, fmt.Sprintf("第 %d 行无法按分隔符读取，其余未读取 (malformed row)", perr.StartLine))
			break
		}
		if err != nil {
			return s, warnings, err
		}
		if len(grid) == MaxRows {
			warnings = append(warnings, fmt.Sprintf("超过 %d 行，其余未读取 (rows cut off)", MaxRows))
			break
		}
		if len(rec) > MaxColumns {
			warnings = append(warnings, fmt.Sprintf("第 %d 行超过 %d 列，其余未读取 (columns cut off)", len(grid)+1, MaxColumns))
			rec = rec[:MaxColumns]
		}
		for i, v := range rec {
			rec[i] = strings.TrimSpace(v)
			if rec[i] != "" {
				cells++
			}
		}
		if cells > MaxCells {
			return s, warnings, fmt.Errorf("%w: 非空单元格超过 %d 个", ErrLimit, MaxCells)
		}
		grid = append(grid, rec)
	}
	if err := render(&s, grid, nil, nil, 0); err != nil {
		return s, warnings, err
	}
	return s, warnings, nil
}
