package ingest

import (
	"context"
	"errors"
	"os"
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
