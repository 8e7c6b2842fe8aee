package extract_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

const formatsDir = "../testdata/formats/"

func partReadAll(t *testing.T, path string) (*ingest.Document, []*extract.Report) {
	t.Helper()
	if strings.HasSuffix(path, ".xls") {
		needSoffice(t)
	}
	doc, err := ingest.ReadFile(context.Background(), path, ingest.Options{PDFInProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	reps, err := extract.ExtractAll(doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, reps
}

// needSoffice skips a test that reads an XLS (converted by LibreOffice)
// where LibreOffice is not installed or -short is given, unless
// JIXIAO_REQUIRE_SOFFICE is set (CI installs it: the test must run there).
func needSoffice(t *testing.T) {
	t.Helper()
	if os.Getenv("JIXIAO_REQUIRE_SOFFICE") != "" {
		return
	}
	if testing.Short() {
		t.Skip("reads an XLS through LibreOffice (-short)")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice is not installed")
	}
}

// records is what a report says, without where it says it (pages, spans
// and cells differ between formats by nature).
func partRecords(t *testing.T, r *extract.Report) string {
	t.Helper()
	b, err := json.Marshal(struct {
		Genre      extract.Genre
		Unit       string
		Year       int
		Title      string
		Funds      []extract.FundRow
		Indicators []extract.Indicator
		TotalScore any
		TotalRow   *extract.TotalRow
	}{r.Genre, r.Unit, r.Year, r.Title, r.Funds, r.Indicators, r.TotalScore, r.TotalRow})
	if err != nil {
		t.Fatal(err)
	}
	var v any
	json.Unmarshal(b, &v)
	return partJSON(t, partDropWhere(v))
}

func partFindings(t *testing.T, r *extract.Report) string {
	var out []string
	for _, f := range validate.Report(r) {
		out = append(out, partJSON(t, []any{f.Rule, f.Severity, f.Expected, f.Actual, f.Diff, f.Items}))
	}
	return strings.Join(out, "\n")
}

func partDropWhere(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for _, k := range []string{"Page", "Span", "Cell", "Cells", "page", "span", "cell", "cells"} {
			delete(x, k)
		}
		for k, e := range x {
			x[k] = partDropWhere(e)
		}
	case []any:
		for i, e := range x {
			x[i] = partDropWhere(e)
		}
	}
	return v
}

func partJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSameTableEveryFormat reads the 部门整体支出绩效自评表 published in
// hunan-hengshan-guantangxiang-2023-juesuan (one cell per line, inside the
// 决算's text) and the same table as a spreadsheet program writes it (with
// its merged cells) in XLSX, XLS, HTML, DOCX and a word processor's PDF.
func TestSameTableEveryFormat(t *testing.T) {
	_, reps := partReadAll(t, "../testdata/real/docs/hunan-hengshan-guantangxiang-2023-juesuan.txt")
	if len(reps) != 1 {
		t.Fatalf("the published text: %d reports, want 1 (its 基础数据表 is not a report)", len(reps))
	}
	want, wantFindings := partRecords(t, reps[0]), partFindings(t, reps[0])
	f := reps[0].Funds
	if len(f) != 1 || f[0].Row != "年度资金总额" || f[0].InitialWan.String() != "861.1" || f[0].BudgetWan.String() != "2030.12" ||
		f[0].ExecutedWan.String() != "2030.12" || f[0].Weight.String() != "10" || f[0].Rate.String() != "100" || f[0].Score.String() != "10" {
		t.Fatalf("the published text's fund rows: %s", partJSON(t, f))
	}
	if wantFindings != `["composition-mismatch","error","2030.12","1925.67","-104.45",[1]]` {
		t.Fatalf("the published text's findings:\n%s", wantFindings)
	}
	for _, name := range []string{"hengshan-2023-zhengti.html", "hengshan-2023-zhengti.docx",
		"hengshan-2023-zhengti.xlsx", "hengshan-2023-zhengti.xls", "hengshan-2023-zhengti.pdf",
		"hengshan-2023-zhengti.fods", "hengshan-2023-zhengti.ods", "hengshan-2023-zhengti.odt",
		"hengshan-2023-zhengti.csv", "hengshan-2023-zhengti.gbk.csv"} {
		t.Run(name, func(t *testing.T) {
			doc, reps := partReadAll(t, formatsDir+name)
			if len(reps) != 1 {
				t.Fatalf("%d reports, want 1", len(reps))
			}
			if got := partFindings(t, reps[0]); got != wantFindings {
				t.Errorf("findings:\n%s\nwant\n%s", got, wantFindings)
			}
			got := partRecords(t, reps[0])
			if doc.Format == ingest.FormatPDF {
				// Writer's PDF spaces the heading's year ("2023 年度") and
				// sets the breakdown cells apart from their labels: the
				// header and the breakdown parts are the PDF text layer's
				// to read, the fund figures and findings agree already.
				if g, w := partJSON(t, partFundFigures(reps[0])), partJSON(t, partFundFigures(partReadFirst(t))); g != w {
					t.Errorf("fund figures %s, want %s", g, w)
				}
				return
			}
			if got != want {
				t.Errorf("records:\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func partReadFirst(t *testing.T) *extract.Report {
	_, reps := partReadAll(t, "../testdata/real/docs/hunan-hengshan-guantangxiang-2023-juesuan.txt")
	return reps[0]
}

func partFundFigures(r *extract.Report) [][]string {
	var out [][]string
	for _, f := range r.Funds {
		row := []string{f.Row}
		for _, d := range []any{f.InitialWan, f.BudgetWan, f.ExecutedWan, f.Weight, f.Rate, f.Score} {
			row = append(row, partString(d))
		}
		out = append(out, row)
	}
	return out
}

func partString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestSheetProvenance: a figure read from a sheet names its cell, in the
// records and in the findings.
func TestSheetProvenance(t *testing.T) {
	_, reps := partReadAll(t, formatsDir+"hengshan-2023-zhengti.xlsx")
	r := reps[0]
	if r.Sheet != "自评表" || r.Source.Format != "xlsx" {
		t.Fatalf("sheet %q, format %q", r.Sheet, r.Source.Format)
	}
	f := r.Funds[0]
	wantCells := map[string]string{"initial": "自评表!C4", "budget": "自评表!D4", "executed": "自评表!E4",
		"weight": "自评表!F4", "rate": "自评表!G4", "score": "自评表!H4"}
	if f.Cell != "自评表!B4" || partJSON(t, f.Cells) != partJSON(t, wantCells) {
		t.Errorf("fund row cell %q, cells %v", f.Cell, f.Cells)
	}
	fs := validate.Report(r)
	if len(fs) != 1 || fs[0].Rule != "composition-mismatch" || fs[0].Cell != "自评表!E5" {
		t.Errorf("findings %s", partJSON(t, fs))
	}
}

// TestWorkbookSheets: a workbook whose first sheet is the 基础数据表 and the
// second the 自评表 gives one report, the second sheet's, and says the
// first is not a 自评表.
func TestWorkbookSheets(t *testing.T) {
	for _, name := range []string{"hengshan-2023-workbook.xlsx", "hengshan-2023-workbook.xls"} {
		_, reps := partReadAll(t, formatsDir+name)
		if len(reps) != 1 {
			t.Fatalf("%s: %d reports", name, len(reps))
		}
		r := reps[0]
		if r.Sheet != "自评表" || partJSON(t, r.Pages) != "[2,2]" || len(r.Funds) != 1 || r.Funds[0].BudgetWan.String() != "2030.12" {
			t.Errorf("%s: sheet %q pages %v funds %s", name, r.Sheet, r.Pages, partJSON(t, r.Funds))
		}
		said := false
		for _, w := range r.Warnings {
			said = said || strings.Contains(w, "“基础数据表”不是自评表")
		}
		if !said {
			t.Errorf("%s: the 基础数据表 sheet is not said to be no 自评表: %v", name, r.Warnings)
		}
	}
}

// TestFormulaStale: the 执行率 typed over its formula (95% shown, =E4/D4
// gives 100%) is a formula-stale finding at its cell, beside the
// rate-mismatch the shown value makes. An XLS loses its cached values in
// the conversion, and says so.
func TestFormulaStale(t *testing.T) {
	_, reps := partReadAll(t, formatsDir+"hengshan-2023-stale.xlsx")
	r := reps[0]
	if r.Funds[0].Rate.String() != "95" {
		t.Fatalf("rate %s: the cached value is what is read", r.Funds[0].Rate)
	}
	var got []string
	for _, f := range validate.Report(r) {
		got = append(got, partJSON(t, []any{f.Rule, f.Severity, f.Expected, f.Actual, f.Diff, f.Cell}))
	}
	want := []string{
		`["composition-mismatch","error","2030.12","1925.67","-104.45","自评表!E5"]`,
		`["rate-mismatch","error","95","100","5","自评表!B4"]`,
		`["formula-stale","warning","0.95","1","0.05","自评表!G4"]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, reps = partReadAll(t, formatsDir+"hengshan-2023-stale.xls")
	said := false
	for _, w := range reps[0].Warnings {
		said = said || strings.Contains(w, "转换时重新计算")
	}
	if !said || len(reps[0].Formulas) != 0 {
		t.Errorf("xls: warnings %v, formulas %v", reps[0].Warnings, reps[0].Formulas)
	}
}

// TestExtractAllBundle: an annex of two published 自评表 one after the
// other (the 部门整体 table of hunan-hengshan and the 项目支出 table of
// sichuan-daying, as published) is two reports, each with its own figures
// and its own stretch of the text; a file with one report is read as
// Extract reads it.
func TestExtractAllBundle(t *testing.T) {
	hs, err := os.ReadFile("../testdata/real/docs/hunan-hengshan-guantangxiang-2023-juesuan.txt")
	if err != nil {
		t.Fatal(err)
	}
	dy, err := os.ReadFile("../testdata/real/docs/sichuan-daying-sifaju-2023-ankezhidai.txt")
	if err != nil {
		t.Skip("sichuan-daying not in the corpus yet")
	}
	first := string(hs)[strings.Index(string(hs), "附件二"):]
	second := string(dy)[strings.Index(string(dy), "部门预算项目支出绩效自评表"):]
	text := first + "\n\n" + second
	doc, err := ingest.Read(context.Background(), "bundle.txt", []byte(text), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	reps, err := extract.ExtractAll(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 {
		t.Fatalf("%d reports, want 2", len(reps))
	}
	a, b := reps[0], reps[1]
	if a.Genre != extract.DepartmentTable || b.Genre != extract.ProjectTable || a.Part != 1 || b.Part != 2 || a.Parts != 2 {
		t.Fatalf("genres %s %s, parts %d %d of %d", a.Genre, b.Genre, a.Part, b.Part, a.Parts)
	}
	if a.Extent == nil || b.Extent == nil || a.Extent[1] > b.Extent[0] {
		t.Fatalf("extents %v %v", a.Extent, b.Extent)
	}
	if len(a.Funds) == 0 || a.Funds[0].BudgetWan.String() != "2030.12" {
		t.Errorf("first report's funds %s", partJSON(t, a.Funds))
	}
	if len(b.Funds) == 0 || b.Funds[0].BudgetWan.String() != "3.36" || b.Funds[0].ExecutedWan.String() != "3.36" {
		t.Errorf("second report's funds %s", partJSON(t, b.Funds))
	}
	for _, f := range b.Funds {
		if f.Span[0] < b.Extent[0] || f.Span[1] > b.Extent[1] {
			t.Errorf("fund row %q at %v outside its report %v", f.Row, f.Span, *b.Extent)
		}
	}

	one, err := extract.Extract(doc.Mask(b.Extent[0], b.Extent[1]))
	if err != nil {
		t.Fatal(err)
	}
	if partJSON(t, one.Funds) != partJSON(t, b.Funds) {
		t.Errorf("the part read alone differs")
	}

	_, single := partReadAll(t, "../testdata/nantun-2023.md")
	doc2, _ := ingest.ReadFile(context.Background(), "../testdata/nantun-2023.md", ingest.Options{})
	whole, _ := extract.Extract(doc2)
	if len(single) != 1 || partJSON(t, single[0]) != partJSON(t, whole) {
		t.Errorf("a one-report file: ExtractAll differs from Extract")
	}
}

// TestSameProjectTableAsSheet: the 项目支出绩效自评表 with merged cells of
// ingest/html/testdata, opened in Calc and saved as XLSX and XLS, gives
// the records and findings the HTML page and its DOCX give; its
// indicators name their cells.
func TestSameProjectTableAsSheet(t *testing.T) {
	_, reps := partReadAll(t, "../ingest/html/testdata/xiangmu-table-gbk.html")
	want, wantFindings := partRecords(t, reps[0]), partFindings(t, reps[0])
	if len(reps[0].Indicators) < 4 || len(reps[0].Funds) == 0 {
		t.Fatalf("the HTML table: %d funds, %d indicators", len(reps[0].Funds), len(reps[0].Indicators))
	}
	for _, path := range []string{"../ingest/docx/testdata/xiangmu-table.docx", formatsDir + "langfang-xiangmu.xlsx", formatsDir + "langfang-xiangmu.xls"} {
		_, got := partReadAll(t, path)
		if len(got) != 1 {
			t.Fatalf("%s: %d reports", path, len(got))
		}
		if g := partRecords(t, got[0]); g != want {
			t.Errorf("%s: records\n%s\nwant\n%s", path, g, want)
		}
		if g := partFindings(t, got[0]); g != wantFindings {
			t.Errorf("%s: findings\n%s\nwant\n%s", path, g, wantFindings)
		}
		if strings.HasSuffix(path, ".xlsx") {
			in := got[0].Indicators[0]
			if in.Cell != "Sheet1!D14" || in.Cells["weight"] != "Sheet1!G14" || in.Cells["score"] != "Sheet1!H14" {
				t.Errorf("first indicator: cell %q cells %v", in.Cell, in.Cells)
			}
		}
	}
}
