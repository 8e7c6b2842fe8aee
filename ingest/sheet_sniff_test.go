package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Workbooks are told from Word files by their content: the workbook part of
// an OOXML package, the Workbook stream of an OLE file.
func TestSniffSheets(t *testing.T) {
	for _, c := range []struct {
		file string
		want Format
	}{
		{"../testdata/formats/hengshan-2023-zhengti.xlsx", FormatXLSX},
		{"../testdata/formats/hengshan-2023-zhengti.xls", FormatXLS},
		{"../testdata/formats/hengshan-2023-zhengti.docx", FormatDOCX},
		{"../testdata/formats/hengshan-2023-zhengti.pdf", FormatPDF},
		{"../testdata/formats/hengshan-2023-zhengti.html", FormatHTML},
		{"legacy/testdata/nantun-2023.doc", FormatDOC},
		{"../testdata/formats/hengshan-2023-zhengti.fods", FormatODS}, // flat XML, not text
		{"../testdata/formats/hengshan-2023-zhengti.ods", FormatODS},
		{"../testdata/formats/hengshan-2023-zhengti.odt", FormatODT},
	} {
		data, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		if got := Sniff(data); got != c.want {
			t.Errorf("%s: %s, want %s", c.file, got, c.want)
		}
	}
}

// A workbook that cannot be read is an error naming the file and the reason.
func TestBrokenWorkbook(t *testing.T) {
	data, err := os.ReadFile("../testdata/formats/hengshan-2023-zhengti.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(context.Background(), "附件/自评表.xlsx", data[:len(data)-200], Options{})
	var ie *Error
	if !errors.As(err, &ie) || ie.Path != "附件/自评表.xlsx" || !strings.Contains(ie.Reason, "工作簿") {
		t.Fatalf("error %v", err)
	}
	doc, err := Read(context.Background(), "自评表.xlsx", data, Options{})
	if err != nil || doc.Format != FormatXLSX || len(doc.Pages) != 1 || doc.Pages[0].Sheet != "自评表" {
		t.Fatalf("doc %+v, %v", doc, err)
	}
	off := strings.Index(doc.Text, "861.10")
	if got := doc.CellAt(off); got != "自评表!C4" {
		t.Errorf("CellAt(861.10) = %q", got)
	}
	if got := doc.CellAt(off - 2); got != "" {
		t.Errorf("between cells: %q", got)
	}
}

// TestDelimitedTextIsASheet: a worksheet saved as CSV (UTF-8 or GB18030) is
// read as one sheet with its cells; none of the published reports of
// testdata/real, prose with ASCII commas among them, is taken for one.
func TestDelimitedTextIsASheet(t *testing.T) {
	for _, name := range []string{"../testdata/formats/hengshan-2023-zhengti.csv", "../testdata/formats/hengshan-2023-zhengti.gbk.csv"} {
		d, err := ReadFile(context.Background(), name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Format != FormatCSV || len(d.Pages) != 1 || d.Pages[0].Sheet != strings.TrimSuffix(filepath.Base(name), ".csv") {
			t.Fatalf("%s: format %s, %d pages", name, d.Format, len(d.Pages))
		}
		if !strings.Contains(d.Text, "| 预算部门、单位名称 |  | 衡山县贯塘乡人民政府 |") {
			t.Errorf("%s: text\n%s", name, d.Text)
		}
	}
	docs, _ := filepath.Glob("../testdata/real/docs/*.txt")
	if len(docs) < 50 {
		t.Fatalf("%d real documents", len(docs))
	}
	for _, name := range docs {
		d, err := ReadFile(context.Background(), name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Format == FormatCSV {
			t.Errorf("%s read as a CSV sheet", name)
		}
	}
}
