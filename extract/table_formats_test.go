package extract_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

// The hand-made tables of testdata/tables/made exist as the pipe rows a
// reader gives (.txt), as an HTML page with merged cells (rowspan, colspan),
// as DOCX and PDF made by LibreOffice from that page (make_formats.sh), and as
// the text layout of that PDF (.pdf.txt, pdftotext -layout: cells apart by
// runs of spaces, figures set off from their units). Every form must give
// the records and the findings of the .txt. The PDF waits for its reader.

var madeTables = []string{"good_project", "bad_project", "department"}

func readMade(t *testing.T, file string) (*extract.Report, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tables", "made", file))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.Read(context.Background(), file, data, ingest.Options{PDFInProcess: true})
	if err != nil {
		return nil, err
	}
	return extract.Extract(doc)
}

// records is a report without what depends on the form: spans, pages, the
// source and the reader's warnings.
func records(t *testing.T, r *extract.Report) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var strip func(any)
	strip = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range []string{"span", "page", "source", "warnings"} {
				delete(x, k)
			}
			if raw, ok := x["raw"].(string); ok {
				x["raw"] = strings.ReplaceAll(raw, " ", "") // 30 万元 in a PDF's text is 30万元
			}
			for _, e := range x {
				strip(e)
			}
		case []any:
			for _, e := range x {
				strip(e)
			}
		}
	}
	strip(v)
	b, _ = json.MarshalIndent(v, "", " ")
	return string(b)
}

func findings(r *extract.Report) string {
	var out []string
	for _, f := range validate.Report(r) {
		out = append(out, fmt.Sprintf("%s %s %v %v %v", f.Rule, f.Severity, f.Expected, f.Actual, f.Diff))
	}
	return strings.Join(out, "\n")
}

func TestMadeTablesInEveryForm(t *testing.T) {
	for _, name := range madeTables {
		ref, err := readMade(t, name+".txt")
		if err != nil {
			t.Fatal(err)
		}
		wantRecords, wantFindings := records(t, ref), findings(ref)
		for _, form := range []string{".pdf.txt", ".html", ".docx", ".pdf"} {
			t.Run(name+form, func(t *testing.T) {
				r, err := readMade(t, name+form)
				if err != nil {
					t.Fatal(err)
				}
				if got := records(t, r); got != wantRecords {
					t.Errorf("records differ from the .txt:\n%s", firstDiff(wantRecords, got))
				}
				if got := findings(r); got != wantFindings {
					t.Errorf("findings:\n%s\nwant:\n%s", got, wantFindings)
				}
			})
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			lo := max(0, i-4)
			return "want:\n" + strings.Join(al[lo:min(len(al), i+4)], "\n") + "\ngot:\n" + strings.Join(bl[lo:min(len(bl), i+4)], "\n")
		}
	}
	return ""
}
