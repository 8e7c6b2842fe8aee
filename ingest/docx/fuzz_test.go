package docx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jixiao/jixiao/internal/fuzzbudget"
)

// FuzzExtract feeds whole files: the DOCX fixtures and small packages.
// Mutated zips mostly exercise the container checks.
func FuzzExtract(f *testing.F) {
	fuzzbudget.Set()
	for _, name := range []string{"nantun-2023-lo.docx", "nantun-2023-autonum.docx", "xiangmu-table.docx"} {
		f.Add(readFile(f, name))
	}
	for _, c := range bodyCases[:3] {
		f.Add(docxOf(f, c.body, "", ""))
	}
	f.Add(zipOf(f, map[string]string{"xl/workbook.xml": "<w/>"}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := Extract(data)
		checkText(t, text, err)
	})
}

// FuzzParts feeds the XML of the document, numbering and styles parts,
// stored uncompressed, so that mutations reach the body walker and the
// numbering renderer instead of breaking checksums.
func FuzzParts(f *testing.F) {
	fuzzbudget.Set()
	for _, c := range bodyCases {
		f.Add(c.body, "", "")
	}
	for _, c := range numberingCases {
		f.Add(c.body, c.numbering, c.styles)
	}
	f.Fuzz(func(t *testing.T, body, numbering, styles string) {
		text, _, err := Extract(storedZip(t, pkgFiles(body, numbering, styles)))
		checkText(t, text, err)
	})
}

func checkText(t *testing.T, text string, err error) {
	if err != nil {
		if text != "" {
			t.Errorf("text %q with error %v", text, err)
		}
		return
	}
	if !utf8.ValidString(text) {
		t.Errorf("invalid UTF-8: %q", text)
	}
	if len(text) > MaxTextBytes+1<<20 {
		t.Errorf("text of %d bytes", len(text))
	}
}

func storedZip(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	zw.Close()
	return buf.Bytes()
}
