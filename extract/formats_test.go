package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recordsOf renders what a reviewer relies on from a report, for comparing
// the same report read from different formats.
func recordsOf(r *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d %v %v\n", r.Unit, r.Year, r.Stated.TotalWan, *r.Stated.Count)
	for _, it := range r.Items {
		var dims []string
		for _, d := range Dimensions {
			if strings.TrimSpace(it.Evaluation[d]) != "" {
				dims = append(dims, d)
			}
		}
		fmt.Fprintf(&b, "%d %s %v %v %s %d %s %q\n", it.Seq, it.Name, it.BudgetWan, it.ActualWan, it.Disbursement,
			it.Subprojects, strings.Join(dims, ","), it.Purpose)
	}
	return b.String()
}

// TestReferenceInOtherFormats reads the reference report as DOCX (made by
// LibreOffice, and with Word automatic numbering) and as HTML pages (a plain
// rendering and a GBK county portal page): the records are those of the
// Markdown, item for item.
func TestReferenceInOtherFormats(t *testing.T) {
	_, md := readTestReport(t, "../testdata/nantun-2023.md")
	want := recordsOf(md)
	for _, path := range []string{
		"../ingest/docx/testdata/nantun-2023-lo.docx",
		"../ingest/docx/testdata/nantun-2023-autonum.docx",
		"../ingest/html/testdata/nantun-2023.html",
		"../ingest/html/testdata/portal-gbk.html",
	} {
		_, r := readTestReport(t, path)
		if got := recordsOf(r); got != want {
			t.Errorf("%s: records differ from the Markdown's:\n%s", path, lineDiff(want, got))
		}
	}
}

// TestReferenceAsPDF reads the reference report printed to PDF by
// LibreOffice, Chromium (Type3 fonts) and cairo (Identity-H): the records are
// the Markdown's, and each item is on the page pdftotext puts it on.
func TestReferenceAsPDF(t *testing.T) {
	_, md := readTestReport(t, "../testdata/nantun-2023.md")
	want := recordsOf(md)
	pdfs, err := filepath.Glob("../ingest/pdf/testdata/printed/0*.pdf")
	if err != nil || len(pdfs) != 8 {
		t.Fatalf("printed fixtures: %v %v", pdfs, err)
	}
	for _, path := range pdfs {
		_, r := readTestReport(t, path)
		if got := recordsOf(r); got != want {
			t.Errorf("%s: records differ from the Markdown's:\n%s", filepath.Base(path), lineDiff(want, got))
		}
		golden := "../ingest/pdf/testdata/golden/" + strings.TrimSuffix(filepath.Base(path), ".pdf") + ".pdftotext.txt"
		pages := pdftotextPages(t, golden, r.Items)
		for _, it := range r.Items {
			if it.Page != pages[it.Seq] {
				t.Errorf("%s: item %d on page %d, pdftotext has it on page %d", filepath.Base(path), it.Seq, it.Page, pages[it.Seq])
			}
		}
	}
}

// pdftotextPages finds on which page of pdftotext's output (pages split by
// form feeds) each item's line starts: "27. 南屯镇张石高速…".
func pdftotextPages(t *testing.T, golden string, items []Item) map[int]int {
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]int{}
	for n, page := range strings.Split(string(data), "\f") {
		for _, line := range strings.Split(page, "\n") {
			line = strings.ReplaceAll(strings.TrimSpace(line), " ", "")
			for _, it := range items {
				head := fmt.Sprintf("%d.%s", it.Seq, string([]rune(it.Name)[:4]))
				if _, seen := out[it.Seq]; !seen && strings.HasPrefix(line, head) {
					out[it.Seq] = n + 1
				}
			}
		}
	}
	if len(out) != len(items) {
		t.Fatalf("%s: found %d of %d items", golden, len(out), len(items))
	}
	return out
}
