package docx

import (
	"archive/zip"
	"bytes"
	"sort"
	"testing"
)

// Namespace declarations for hand-written document parts.
const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`

// pkgFiles is a minimal Word package around a body; numbering and styles
// are added (with their relationships) when given.
func pkgFiles(body, numbering, styles string) map[string]string {
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	files := map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`,
	}
	if numbering != "" {
		files["word/numbering.xml"] = `<w:numbering ` + ns + `>` + numbering + `</w:numbering>`
		rels += `<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`
	}
	if styles != "" {
		files["word/styles.xml"] = `<w:styles ` + ns + `>` + styles + `</w:styles>`
		rels += `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
	}
	files["word/_rels/document.xml.rels"] = rels + `</Relationships>`
	return files
}

// zipOf writes files into a zip, in name order.
func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docxOf(t testing.TB, body, numbering, styles string) []byte {
	return zipOf(t, pkgFiles(body, numbering, styles))
}

// p is a paragraph of plain runs, with optional pPr content.
func p(ppr string, texts ...string) string {
	s := "<w:p>"
	if ppr != "" {
		s += "<w:pPr>" + ppr + "</w:pPr>"
	}
	for _, t := range texts {
		s += `<w:r><w:t xml:space="preserve">` + t + `</w:t></w:r>`
	}
	return s + "</w:p>"
}

func num(numID, ilvl string) string {
	return `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr>`
}
