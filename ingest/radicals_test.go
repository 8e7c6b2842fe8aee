package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRadicalsReadAlikeFromEveryFormat: CJK fonts and some editors write
// radicals (⻑ U+2ED1, ⽤ U+2F64, ⾦ U+2FA6 …) for the ideographs they look
// like. The same text, as UTF-8 and GB18030 text, HTML, DOCX, XLSX, CSV and a
// PDF printed by LibreOffice (whose text layer keeps the radicals, as
// pdftotext shows), reads as the same ideographs from every reader: one
// table folds them (ingest/fold), after every reader. GB18030 text full of
// radicals is still recognised as GB18030.
func TestRadicalsReadAlikeFromEveryFormat(t *testing.T) {
	dir := "../testdata/formats/radicals"
	files, err := filepath.Glob(filepath.Join(dir, "radicals.*"))
	if err != nil || len(files) != 7 {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(context.Background(), path, data, Options{PDFInProcess: true})
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(doc.Text), "")
			for _, r := range text {
				if r >= 0x2e80 && r <= 0x2fdf {
					t.Errorf("radical %U left in %q", r, doc.Text)
				}
			}
			// ⻑期⽤⼯⾦额, ⼗万元 and ⻔⼾⽹站, folded and simplified
			for _, w := range []string{"长期用工金额", "十万元", "门户网站"} {
				if !strings.Contains(text, w) {
					t.Errorf("text %q lacks %q", doc.Text, w)
				}
			}
		})
	}
}
