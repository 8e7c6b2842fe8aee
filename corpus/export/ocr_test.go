package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

// ocrFixture stores a report whose first page was read by OCR: its stated
// total 937.131003 万元 (confidence 90) and item 1 of 905.534931 万元
// (confidence 64) on page 1, item 2 of 10 万元 on page 2 from the text
// layer; validate finds the total mismatch and notes that it rests on OCR.
// A second report was read from a text layer alone.
func ocrFixture(t *testing.T) *corpus.Store {
	t.Helper()
	ctx := context.Background()
	s, err := corpus.Open(filepath.Join(t.TempDir(), "c"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	amount := func(raw string) money.Amount {
		a, err := money.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	conf := func(n int) extract.OCRMark { return extract.OCRMark{OCR: true, Confidence: &n} }
	r := &extract.Report{Unit: "扫描镇", Year: 2021, Genre: extract.Narrative, OCRPages: []int{1}, Extractor: extract.Version}
	total := amount("937.131003万元")
	r.Stated.Total, r.Stated.TotalWan, r.Stated.Page, r.Stated.Span, r.Stated.OCRMark = &total, &total.Wan, 1, &extract.Span{0, 10}, conf(90)
	it1 := extract.Item{Seq: 1, Name: "驻村工作队经费", Page: 1, Span: extract.Span{20, 40}, Disbursement: extract.Unknown, Subprojects: 1, OCRMark: conf(64)}
	it1.SetBudget(amount("905.534931万元"))
	it2 := extract.Item{Seq: 2, Name: "农村公路养护", Page: 2, Span: extract.Span{60, 80}, Disbursement: extract.Unknown, Subprojects: 1}
	it2.SetBudget(amount("10万元"))
	r.Items = []extract.Item{it1, it2}
	fs := validate.Report(r)
	doc, err := ingest.Read(ctx, "/r/scan.txt", []byte("扫描镇 2021 年绩效自评报告"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, doc, r, fs); err != nil {
		t.Fatal(err)
	}
	doc, err = ingest.Read(ctx, "/r/text.txt", []byte("城关镇 2022 年绩效自评报告"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, doc, &extract.Report{Unit: "城关镇", Year: 2022, Genre: extract.Narrative, Extractor: extract.Version,
		Items: []extract.Item{{Seq: 1, Name: "路灯改造", BudgetWan: dec("103.064"), Disbursement: extract.Unknown, Subprojects: 1, Page: 1}}}, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

// column is the index of name in header.
func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %s in %q", name, header)
	return -1
}

// ocrRows are the unit, name or rule, and OCR columns of the rows of a table.
func ocrRows(t *testing.T, rows [][]string, key string) []string {
	t.Helper()
	k, o, c := column(t, rows[0], key), column(t, rows[0], "OCR"), column(t, rows[0], "OCR置信度")
	var out []string
	for _, r := range rows[1:] {
		cell := func(i int) string {
			if i < len(r) {
				return r[i]
			}
			return "" // excelize leaves out empty cells at the end of a row
		}
		out = append(out, r[0]+" "+cell(k)+" ["+cell(o)+"] ["+cell(c)+"]")
	}
	return out
}

// TestOCRColumns: the items and findings of the CSV and XLSX exports have
// the same OCR and OCR置信度 columns: 是，请核对原件 and the confidence for
// an item read by OCR and for a finding resting on OCR'd figures (the
// lowest confidence among them), empty for what the text layer gave; the
// 报告 sheet names the pages read by OCR; JSON Lines carry ocr and
// ocr_confidence.
func TestOCRColumns(t *testing.T) {
	s := ocrFixture(t)
	ctx := context.Background()
	wantItems := []string{ // by unit (城关镇 < 扫描镇 in code points)
		"城关镇 路灯改造 [] []",
		"扫描镇 驻村工作队经费 [是，请核对原件] [64]",
		"扫描镇 农村公路养护 [] []",
	}
	wantFindings := []string{"扫描镇 total-mismatch [是，请核对原件] [64]"}

	var items, findings bytes.Buffer
	if err := CSV(ctx, s, corpus.Filter{}, &items, &findings); err != nil {
		t.Fatal(err)
	}
	read := func(b *bytes.Buffer) [][]string {
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), bom))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	csvItems, csvFindings := read(&items), read(&findings)
	if got := ocrRows(t, csvItems, "项目名称"); strings.Join(got, "\n") != strings.Join(wantItems, "\n") {
		t.Errorf("CSV items:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantItems, "\n"))
	}
	if got := ocrRows(t, csvFindings, "规则"); strings.Join(got, "\n") != strings.Join(wantFindings, "\n") {
		t.Errorf("CSV findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantFindings, "\n"))
	}
	if m := csvFindings[1][column(t, csvFindings[0], "说明")]; !strings.Contains(m, "OCR") || !strings.Contains(m, "置信度 64") || !strings.Contains(m, "请核对原件") {
		t.Errorf("finding message %q does not say it rests on OCR", m)
	}

	var buf bytes.Buffer
	if err := XLSX(ctx, s, corpus.Filter{}, &buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	xItems, _ := x.GetRows(ItemSheet)
	xItems = xItems[:len(xItems)-1] // the 合计 row
	if got := ocrRows(t, xItems, "项目名称"); strings.Join(got, "\n") != strings.Join(wantItems, "\n") {
		t.Errorf("XLSX items:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantItems, "\n"))
	}
	xFindings, _ := x.GetRows(FindingSheet)
	if got := ocrRows(t, xFindings, "规则"); strings.Join(got, "\n") != strings.Join(wantFindings, "\n") {
		t.Errorf("XLSX findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantFindings, "\n"))
	}
	// the same columns in both exports
	if strings.Join(xItems[0], ",") != strings.Join(csvItems[0], ",") || strings.Join(xFindings[0], ",") != strings.Join(csvFindings[0], ",") {
		t.Errorf("headers differ:\nXLSX %q\n CSV %q\nXLSX %q\n CSV %q", xItems[0], csvItems[0], xFindings[0], csvFindings[0])
	}
	// the confidence is a number
	cc := column(t, xItems[0], "OCR置信度")
	ref, _ := excelize.CoordinatesToCellName(cc+1, 3)
	if typ, _ := x.GetCellType(ItemSheet, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s: confidence of type %v, want a number", ref, typ)
	}
	reports, _ := x.GetRows(ReportSheet)
	if got := ocrRows2(reports, column(t, reports[0], "OCR页码")); got != "城关镇 |扫描镇 1" {
		t.Errorf("report sheet OCR页码: %q", got)
	}

	buf.Reset()
	if err := JSONL(ctx, s, corpus.Filter{}, &buf); err != nil {
		t.Fatal(err)
	}
	var got []string
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		name, _ := m["name"].(string)
		if m["kind"] == "finding" {
			name, _ = m["rule"].(string)
		}
		got = append(got, m["unit"].(string)+" "+name+" "+jsonText(m["ocr"])+" "+jsonText(m["ocr_confidence"]))
	}
	want := "城关镇 路灯改造 <nil> <nil>|扫描镇 驻村工作队经费 true 64|扫描镇 农村公路养护 <nil> <nil>|扫描镇 total-mismatch true 64"
	if strings.Join(got, "|") != want {
		t.Errorf("JSONL:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

func ocrRows2(rows [][]string, col int) string {
	var out []string
	for _, r := range rows[1:] {
		v := ""
		if col < len(r) {
			v = r[col]
		}
		out = append(out, r[0]+" "+v)
	}
	return strings.Join(out, "|")
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	if v == nil {
		return "<nil>"
	}
	return string(b)
}
