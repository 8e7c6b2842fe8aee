package export

import (
	"context"
	"encoding/csv"
	"io"
	"slices"
	"strings"

	"github.com/jixiao/jixiao/corpus"
)

// bom makes Excel read a CSV file as UTF-8.
const bom = "\ufeff"

// CSV writes the items of the reports f selects to items and their findings
// to findings (either may be nil), each a UTF-8 CSV file with a BOM and a
// Chinese header row. Amounts are written exactly as stored.
func CSV(ctx context.Context, s *corpus.Store, f corpus.Filter, items, findings io.Writer) error {
	sel, err := selectReports(ctx, s, f)
	if err != nil {
		return err
	}
	if items != nil {
		w, err := newCSV(items, append(slices.Clone(ItemHeader), FileColumn))
		if err != nil {
			return err
		}
		if err := s.EachItem(ctx, f, func(it corpus.ItemRow) error {
			return w.Write(texts(append(itemRow(it, sel.ocr[it.ReportID]), textCell(sel.files[it.ReportID]))))
		}); err != nil {
			return err
		}
		if w.Flush(); w.Error() != nil {
			return w.Error()
		}
	}
	if findings != nil {
		w, err := newCSV(findings, append(slices.Clone(FindingHeader), FileColumn))
		if err != nil {
			return err
		}
		if err := s.EachFinding(ctx, findingFilter(f), func(rf corpus.ReviewedFinding) error {
			return w.Write(texts(append(findingRow(rf, sel.ocr[rf.ReportID]), textCell(sel.files[rf.ReportID]))))
		}); err != nil {
			return err
		}
		if w.Flush(); w.Error() != nil {
			return w.Error()
		}
	}
	return nil
}

func newCSV(out io.Writer, header []string) (*csv.Writer, error) {
	if _, err := io.WriteString(out, bom); err != nil {
		return nil, err
	}
	w := csv.NewWriter(out)
	w.UseCRLF = true // what Excel writes and expects
	return w, w.Write(header)
}

func texts(row []cell) []string {
	out := make([]string, len(row))
	for i, c := range row {
		switch {
		case c.id:
			out[i] = `="` + c.text + `"` // Excel and WPS would read 1234e56789ab as a number
		case c.amount == nil && !c.number:
			out[i] = defuse(c.text)
		default:
			out[i] = c.text
		}
	}
	return out
}

// defuse keeps a text cell from being run as a formula by the spreadsheet
// that opens the CSV: text beginning with = + - @ (or a tab or carriage
// return, which some programs skip before looking) gets a leading
// apostrophe, which Excel and WPS show as text and do not evaluate. Amounts
// and counts are numbers and are written as they are (-3.5 stays -3.5).
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
