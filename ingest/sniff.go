package ingest

import (
	"bytes"
	"strings"

	"github.com/jixiao/jixiao/ingest/legacy"
	"github.com/jixiao/jixiao/ingest/sheet"
)

// Sniff tells the format of a file from its first bytes; the extension is
// never consulted (county sites publish .doc files that are HTML, and so on).
func Sniff(data []byte) Format {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if kind := legacy.OpenDocument(data); kind != "" {
		if kind == legacy.ODFSpreadsheet {
			return FormatODS
		}
		return FormatODT
	}
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return FormatPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if sheet.IsXLSX(data) {
			return FormatXLSX // Excel, WPS ET saved as xlsx, LibreOffice
		}
		return FormatDOCX // other OOXML/zip: the DOCX reader says what is wrong
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		if isOLEWorkbook(data) {
			return FormatXLS // Excel 97–2003 and WPS ET (BIFF)
		}
		return FormatDOC
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return FormatDOC // soffice reads RTF as well
	case isImage(data):
		return FormatImage
	}
	if isHTML(head) {
		return FormatHTML
	}
	return FormatText
}

// isImage tells whether data is an image file OCR can read, by its magic
// number: JPEG, PNG, TIFF (either byte order), WebP.
func isImage(data []byte) bool {
	for _, magic := range []string{"\xFF\xD8\xFF", "\x89PNG\r\n\x1a\n", "II*\x00", "MM\x00*"} {
		if bytes.HasPrefix(data, []byte(magic)) {
			return true
		}
	}
	return len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP"
}

// isOLEWorkbook tells whether an OLE compound file holds a BIFF workbook
// stream (Workbook, or Book for Excel 5) rather than a Word document; a
// Word file with an embedded sheet has both, and is a Word file.
func isOLEWorkbook(data []byte) bool {
	has := func(name string) bool {
		b := make([]byte, 0, 2*len(name)+2)
		for _, c := range []byte(name) {
			b = append(b, c, 0)
		}
		return bytes.Contains(data, append(b, 0, 0))
	}
	if has("WordDocument") || has("EncryptedPackage") {
		return false
	}
	return has("Workbook") || has("Book")
}

func isHTML(head []byte) bool {
	h := bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n")
	low := strings.ToLower(string(h[:min(len(h), 512)]))
	for _, p := range []string{"<!doctype html", "<html", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!doctype html", "<head", "<meta", "<body", "<div", "<table", "<p>", "<p "} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return strings.Contains(low, "<html") && strings.Contains(low, "<body")
}

// looksLikeMarkdown reports whether a text uses Markdown headings or emphasis,
// whose markup the normaliser then strips.
func looksLikeMarkdown(text string) bool {
	n := 0
	for line := range strings.Lines(text) {
		if markdownMark(line) {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// markdownMark reports whether a line starts as a Markdown heading (# … ######
// and a space) or bold text does.
func markdownMark(line string) bool {
	l := strings.TrimSpace(line)
	return strings.HasPrefix(l, "#") && strings.Contains(l[:min(len(l), 7)], "# ") || strings.HasPrefix(l, "**")
}

func splitFormFeeds(text string) []Page {
	parts := strings.Split(text, "\f")
	pages := make([]Page, len(parts))
	for i, p := range parts {
		pages[i] = Page{N: i + 1, Text: p}
	}
	return pages
}
