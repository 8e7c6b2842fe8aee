package ingest

import (
	"sort"
	"strings"
)

// CellAt gives the spreadsheet cell that the byte at offset off of Text came
// from, as Sheet1!D7; "" when the document is not a spreadsheet or the
// offset lies between cells.
func (d *Document) CellAt(off int) string {
	if off < 0 || off > len(d.Text) {
		return ""
	}
	o := d.OriginalOffset(off)
	start := 0
	for _, p := range d.Pages {
		end := start + len(p.Text)
		if o <= end {
			if len(p.Cells) == 0 {
				return ""
			}
			in := o - start
			i := sort.Search(len(p.Cells), func(i int) bool { return p.Cells[i].End > in })
			if i < len(p.Cells) && p.Cells[i].Start <= in {
				return CellName(p.Sheet, p.Cells[i].Ref)
			}
			return ""
		}
		start = end + 1 // the form feed between pages
	}
	return ""
}

// CellName writes a cell reference the way a spreadsheet does (Sheet1!D7):
// the sheet name quoted when it is not a plain word.
func CellName(sheet, ref string) string {
	if sheet == "" {
		return ref
	}
	if strings.ContainsAny(sheet, " !'-+()[]{}&,;") {
		sheet = "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	}
	return sheet + "!" + ref
}

// PageIndex gives the index in Pages of the page that offset off of Text is on.
func (d *Document) PageIndex(off int) int {
	if len(d.PageStarts) == 0 {
		return 0
	}
	i := sort.Search(len(d.PageStarts), func(i int) bool { return d.PageStarts[i] > off }) - 1
	return max(i, 0)
}

// Mask gives a view of the document in which only Text[start:end] is left:
// every other byte of Text is a line break, so that a reader sees one part
// of a file (one report of several) while every offset, page and cell
// stays that of the whole file.
func (d *Document) Mask(start, end int) *Document {
	start, end = max(0, min(start, len(d.Text))), max(0, min(end, len(d.Text)))
	m := *d
	b := make([]byte, len(d.Text))
	for i := range b {
		b[i] = '\n'
	}
	copy(b[start:end], d.Text[start:end])
	m.Text = string(b)
	return &m
}
