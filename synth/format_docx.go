package synth

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	docxTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
)

// renderDOCX writes a minimal valid Word document: paragraphs as w:p (split
// into several runs, as Word leaves them), tables as w:tbl.
func renderDOCX(doc *document, modified time.Time, r rng) ([]byte, error) {
	var body strings.Builder
	body.WriteString(docxHead)
	for _, bl := range doc.blocks {
		switch {
		case bl.kind == kindTable:
			writeDOCXTable(&body, bl.rows)
		case bl.brk > 0:
			writeDOCXPara(&body, bl, bl.text[:bl.brk], r)
			writeDOCXPara(&body, bl, bl.text[bl.brk:], r)
		default:
			writeDOCXPara(&body, bl, bl.text, r)
		}
	}
	body.WriteString(docxTail)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, data string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"word/document.xml", body.String()},
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(part.data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeDOCXPara(b *strings.Builder, bl block, text string, r rng) {
	b.WriteString("<w:p>")
	switch {
	case bl.center:
		b.WriteString(`<w:pPr><w:jc w:val="center"/></w:pPr>`)
	case bl.indent:
		b.WriteString(`<w:pPr><w:ind w:firstLine="640"/></w:pPr>`)
	}
	runs := []string{text}
	if n := utf8.RuneCountInString(text); n > 8 && r.chance(0.4) {
		rs := []rune(text)
		cut := r.between(1, n-1)
		runs = []string{string(rs[:cut]), string(rs[cut:])}
	}
	for _, run := range runs {
		b.WriteString("<w:r>")
		b.WriteString(`<w:rPr><w:rFonts w:hint="eastAsia"/>`)
		if bl.bold {
			b.WriteString("<w:b/>")
		}
		if bl.kind == kindTitle {
			b.WriteString(`<w:sz w:val="36"/>`)
		}
		b.WriteString("</w:rPr><w:t xml:space=\"preserve\">")
		xmlEscape(b, run)
		b.WriteString("</w:t></w:r>")
	}
	b.WriteString("</w:p>")
}

func writeDOCXTable(b *strings.Builder, rows [][]string) {
	width := 0
	for _, row := range rows {
		width = max(width, len(row))
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders></w:tblPr><w:tblGrid>`)
	for i := 0; i < width; i++ {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(8300/width) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, row := range rows {
		b.WriteString("<w:tr>")
		for i, c := range row {
			b.WriteString("<w:tc><w:tcPr>")
			span := 1
			if i == len(row)-1 {
				span = width - len(row) + 1
			}
			b.WriteString(`<w:tcW w:w="` + strconv.Itoa(8300/width*span) + `" w:type="dxa"/>`)
			if span > 1 {
				b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(span) + `"/>`)
			}
			b.WriteString("</w:tcPr><w:p>")
			if c != "" {
				b.WriteString("<w:r><w:t xml:space=\"preserve\">")
				xmlEscape(b, c)
				b.WriteString("</w:t></w:r>")
			}
			b.WriteString("</w:p></w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl><w:p/>") // Word wants a paragraph after a table
}

func xmlEscape(b *strings.Builder, s string) {
	var buf bytes.Buffer
	xml.EscapeText(&buf, []byte(s)) // never fails on a bytes.Buffer
	b.Write(buf.Bytes())
}
