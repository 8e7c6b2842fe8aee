package extract

import (
	"fmt"
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
	_, md := readTestReport(t, "testdata/nantun-2023.md")
	want := recordsOf(md)
	for _, path := range []string{
		"../ingest/docx/testdata/nantun-2023-lo.docx",
		"../ingest/docx/testdata/nantun-2023-autonum.docx",
		"../ingest/html/testdata/nantun-2023.html",
		"../ingest/html/testdata/portal-gbk.html",
	} {
		_, r := readTestReport(t, path)
		if got := recordsOf(r); got != want {
			t.Errorf("%s: records differ from the Markdown's:\n%s", path, diffLines(got, want))
		}
	}
}

// diffLines lists the lines of got that are not in want and the reverse.
func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			fmt.Fprintf(&b, "  got  %s\n  want %s\n", gl, wl)
		}
	}
	return b.String()
}
