// Package ingest turns the bytes of a report file (text, Markdown, PDF, DOCX,
// HTML) into a Document: decoded pages and one normalised, reflowed text that
// the extractor reads. It knows nothing of what a 项目 is.
package ingest

import (
	"sort"

	"github.com/jixiao/jixiao/ingest/ocr"
	"github.com/jixiao/jixiao/ingest/pdf"
	"github.com/jixiao/jixiao/ingest/sheet"
)

// Format is the kind of file a Document was read from, sniffed from content.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatPDF      Format = "pdf"
	FormatDOCX     Format = "docx"
	FormatHTML     Format = "html"
	FormatDOC      Format = "doc"   // legacy .doc/.wps, converted through soffice
	FormatXLSX     Format = "xlsx"  // Excel 2007+ workbook (and WPS ET saved as xlsx)
	FormatXLS      Format = "xls"   // Excel 97–2003 (BIFF) or WPS ET, converted to XLSX through soffice
	FormatImage    Format = "image" // JPEG, PNG, TIFF (multi-page too), WebP: read by OCR
	FormatODT      Format = "odt"   // OpenDocument text (.odt, flat .fodt), converted to DOCX through soffice
	FormatODS      Format = "ods"   // OpenDocument spreadsheet (.ods, flat .fods), converted to XLSX through soffice
	FormatCSV      Format = "csv"   // a worksheet saved as delimited text (CSV, TSV), read as one sheet
)

// Sheet tells whether f is a spreadsheet format, read one page per worksheet.
func (f Format) Sheet() bool {
	return f == FormatXLSX || f == FormatXLS || f == FormatODS || f == FormatCSV
}

// Page is the text of one page as decoded, before normalisation.
// Formats without pages (text, DOCX, HTML) have one page, or split at form feeds.
// A spreadsheet has one page per worksheet.
type Page struct {
	N    int    `json:"n"`
	Text string `json:"text"`

	// Spreadsheets: the worksheet's name, the cell each stretch of Text came
	// from, and the formulas whose cached value disagrees with what they compute.
	Sheet    string          `json:"sheet,omitempty"`
	Cells    []sheet.Cell    `json:"cells,omitempty"`
	Formulas []sheet.Formula `json:"formulas,omitempty"`

	// OCR says that Text was read from the page's image by OCR (tesseract);
	// Words then give the engine's confidence in each word of Text.
	OCR   bool       `json:"ocr,omitempty"`
	Words []ocr.Word `json:"ocr_words,omitempty"`

	// PDFs: where each run of Text was drawn on the page (offsets into
	// Text, PDF user space), and the page's size and rotation, so that a
	// figure can be shown boxed on the page itself.
	Boxes    pdf.Boxes     `json:"boxes,omitempty"`
	Geometry *pdf.Geometry `json:"geometry,omitempty"`
}

// Document is one file read and normalised.
type Document struct {
	Source   string   `json:"source"` // path as given
	SHA256   string   `json:"sha256"` // of the file's bytes
	Format   Format   `json:"format"`
	Pages    []Page   `json:"pages"`
	Text     string   `json:"text"`               // normalised, reflowed text of all pages
	Warnings []string `json:"warnings,omitempty"` // things a reader should know (needs OCR, repaired file …)

	// PageStarts[i] is the byte offset in Text where Pages[i] begins.
	PageStarts []int `json:"page_starts"`
	// anchors map offsets in Text back to offsets in Original().
	anchors []anchor
}

// anchor says that Text[norm:] continues Original()[orig:] until the next anchor.
type anchor struct{ norm, orig int }

// PageAt gives the page number of a byte offset in Text (1 when unknown).
func (d *Document) PageAt(off int) int {
	if len(d.PageStarts) == 0 || len(d.Pages) == 0 {
		return 1
	}
	i := sort.Search(len(d.PageStarts), func(i int) bool { return d.PageStarts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return d.Pages[i].N
}

// Original is the decoded text before normalisation: the pages joined with
// form feeds. Offsets in Text map into it with OriginalOffset.
func (d *Document) Original() string {
	if len(d.Pages) == 1 {
		return d.Pages[0].Text // one page is its own original: no copy
	}
	n := 0
	for _, p := range d.Pages {
		n += len(p.Text) + 1
	}
	b := make([]byte, 0, n)
	for i, p := range d.Pages {
		if i > 0 {
			b = append(b, '\f')
		}
		b = append(b, p.Text...)
	}
	return string(b)
}

// OriginalOffset maps a byte offset in Text to the offset in Original() it came from.
func (d *Document) OriginalOffset(off int) int {
	if len(d.anchors) == 0 {
		return off
	}
	i := sort.Search(len(d.anchors), func(i int) bool { return d.anchors[i].norm > off }) - 1
	if i < 0 {
		return off
	}
	a := d.anchors[i]
	return a.orig + (off - a.norm)
}
