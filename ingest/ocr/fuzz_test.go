package ocr

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseTSV: whatever tesseract's output holds (a TSV cut short, rows
// with wrong fields, huge or negative boxes, invalid UTF-8), the parser
// gives pages whose words lie inside their text, in order, without crashing.
// Seeds: testdata/fuzz/FuzzParseTSV (a real page of tesseract output, its
// second reading by the English model, and broken rows).
func FuzzParseTSV(f *testing.F) {
	f.Add([]byte("level\tpage_num\n5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\t24\n"), []byte("5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t95\t70\n"))
	f.Add([]byte("5\t1\t1\t1\t1\t1\t-5\t0\t10\t10\tNaN\t\xff\n5\t2\t1\t1\t1\t1\t0\t0\t10\t10\t1e309\t年\n"), []byte(nil))
	f.Fuzz(func(t *testing.T, data, numbers []byte) {
		for _, p := range ParseTSVNumbers(data, numbers) {
			if !utf8.ValidString(p.Text) {
				t.Fatalf("invalid UTF-8 in %q", p.Text)
			}
			end := 0
			for _, w := range p.Words {
				if w.Start < end || w.End <= w.Start || w.End > len(p.Text) || w.Conf < 0 || w.Conf > 100 {
					t.Fatalf("word %+v out of order or out of the text (%d bytes)", w, len(p.Text))
				}
				if strings.TrimSpace(p.Text[w.Start:w.End]) == "" {
					t.Fatalf("empty word %+v", w)
				}
				end = w.End
			}
		}
	})
}
