package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

func dec(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// fixture stores two reports: 南屯镇 2023 (three items, two findings, one
// of them dismissed) and 城关镇 2022 (one item of 1,030,640 元).
func fixture(t *testing.T) *corpus.Store {
	t.Helper()
	ctx := context.Background()
	s, err := corpus.Open(filepath.Join(t.TempDir(), "c"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	put := func(name, text string, rep *extract.Report, fs []validate.Finding) string {
		doc, err := ingest.Read(ctx, name, []byte(text), ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rep.Extractor = extract.Version
		id, err := s.Put(ctx, doc, rep, fs)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	nantun := put("/r/nantun.txt", "南屯镇 2023 年绩效自评报告", &extract.Report{Unit: "南屯镇", Year: 2023, Genre: extract.Narrative,
		Items: []extract.Item{
			{Seq: 1, Name: "驻村工作队经费", BudgetWan: dec("24"), ActualWan: dec("24"), Disbursement: extract.Full, Subprojects: 1, Purpose: "驻村", Page: 1},
			{Seq: 17, Name: "张石高速两侧土地流转绿化资金", BudgetWan: dec("116.17825"), ActualWan: dec("116.17825"), Disbursement: extract.Full, Subprojects: 1, Purpose: "绿化, \"土地\"流转", Page: 2},
			{Seq: 18, Name: "农村公路养护", BudgetWan: dec("0.265"), Disbursement: extract.None, Subprojects: 4, Page: 2},
		}}, []validate.Finding{
		{Rule: "total-mismatch", Severity: validate.Error, Message: "合计不符", Expected: dec("937.131003"), Actual: dec("140.44325"), Diff: dec("-796.687753"), FigureUnit: "万元", Page: 1},
		{Rule: "not-disbursed", Severity: validate.Warning, Message: "未拨付", Items: []int{18}, Page: 2},
	})
	if _, err := s.Review(ctx, []corpus.FindingRef{{Report: nantun, Key: "not-disbursed:18"}}, corpus.Action{Verdict: corpus.Dismissed, Note: "次年拨付", Author: "张三"}); err != nil {
		t.Fatal(err)
	}
	put("/r/chengguan.txt", "城关镇 2022 年绩效自评报告", &extract.Report{Unit: "城关镇", Year: 2022, Genre: extract.Narrative,
		Items: []extract.Item{{Seq: 1, Name: "路灯改造", BudgetWan: dec("103.064"), ActualWan: dec("1030.64"), Disbursement: extract.Full, Subprojects: 1}}}, nil)
	return s
}

func TestCSV(t *testing.T) {
	s := fixture(t)
	var items, findings bytes.Buffer
	if err := CSV(context.Background(), s, corpus.Filter{}, &items, &findings); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(items.String(), "\ufeff单位,年度,报告编号,序号,项目名称,预算数(万元)") || !strings.HasPrefix(findings.String(), "\ufeff单位,") {
		t.Errorf("no BOM and Chinese header:\n%.80q", items.String())
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(items.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// by unit (南屯镇 < 城关镇 in code points), year, report, position
	want := [][]string{
		{"南屯镇", "2023", "", "1", "驻村工作队经费", "24", "24", "全额", "1", "驻村", "1", "", "", "/r/nantun.txt"},
		{"南屯镇", "2023", "", "17", "张石高速两侧土地流转绿化资金", "116.17825", "116.17825", "全额", "1", "绿化, \"土地\"流转", "2", "", "", "/r/nantun.txt"},
		{"南屯镇", "2023", "", "18", "农村公路养护", "0.265", "", "未拨付", "4", "", "2", "", "", "/r/nantun.txt"},
		{"城关镇", "2022", "", "1", "路灯改造", "103.064", "1030.64", "全额", "1", "", "", "", "", "/r/chengguan.txt"},
	}
	if len(rows) != len(want)+1 {
		t.Fatalf("%d rows:\n%s", len(rows), items.String())
	}
	for i, w := range want {
		got := rows[i+1]
		// a report id is kept as text by Excel: ="9e10d8cd4770"
		if len(got[2]) != 15 || !strings.HasPrefix(got[2], `="`) || !strings.HasSuffix(got[2], `"`) {
			t.Errorf("row %d: report id %q", i+1, got[2])
		}
		got[2] = ""
		if strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i+1, got, w)
		}
	}
	frows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(findings.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(frows) != 3 {
		t.Fatalf("findings:\n%s", findings.String())
	}
	f1, f2 := frows[1], frows[2]
	if f1[4] != "total-mismatch" || f1[5] != "总额不符" || f1[6] != "错误" || f1[8] != "937.131003" || f1[10] != "-796.687753" || f1[11] != "万元" || f1[14] != "待审核" {
		t.Errorf("finding 1: %q", f1)
	}
	if f2[3] != "not-disbursed:18" || f2[11] != "" || f2[12] != "18" || f2[14] != "已排除" || f2[15] != "次年拨付" || f2[16] != "张三" || f2[17] == "" {
		t.Errorf("finding 2: %q", f2)
	}
	// a filter
	items.Reset()
	if err := CSV(context.Background(), s, corpus.Filter{Year: 2022}, &items, nil); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(items.String(), "\n"); n != 2 {
		t.Errorf("year 2022: %d lines", n)
	}
}

func TestXLSX(t *testing.T) {
	s := fixture(t)
	var buf bytes.Buffer
	if err := XLSX(context.Background(), s, corpus.Filter{}, &buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); strings.Join(got, ",") != "报告,项目,问题" {
		t.Errorf("sheets %v", got)
	}
	header, _ := x.GetRows(ItemSheet)
	if strings.Join(header[0], ",") != strings.Join(ItemHeader, ",")+",文件" || len(header) != 6 || header[1][13] != "/r/nantun.txt" {
		t.Errorf("item sheet: %q", header)
	}
	// amounts are numbers; raw values are the decimal strings; one format
	// per column shows its finest decimals, so no figure is shown rounded;
	// the 合计 row is the exact sum
	for _, c := range []struct{ cell, raw, shown string }{
		{"F2", "24", "24.00000"}, {"F3", "116.17825", "116.17825"}, {"F4", "0.265", "0.26500"},
		{"F5", "103.064", "103.06400"}, {"G5", "1030.64", "1,030.64000"},
		{"F6", "243.50725", "243.50725"}, {"G6", "1170.81825", "1,170.81825"},
	} {
		typ, _ := x.GetCellType(ItemSheet, c.cell)
		raw, _ := x.GetCellValue(ItemSheet, c.cell, excelize.Options{RawCellValue: true})
		shown, _ := x.GetCellValue(ItemSheet, c.cell)
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || raw != c.raw || shown != c.shown {
			t.Errorf("%s: type %v raw %q shown %q; want a number %s shown %s", c.cell, typ, raw, shown, c.raw, c.shown)
		}
	}
	if v, _ := x.GetCellValue(ItemSheet, "G4"); v != "" {
		t.Errorf("missing amount written as %q", v)
	}
	if typ, _ := x.GetCellType(ItemSheet, "B2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("year is not a number: %v", typ)
	}
	if v, _ := x.GetCellValue(ItemSheet, "E6"); v != "合计" {
		t.Errorf("E6 = %q, want 合计", v)
	}
	// every sheet is filtered, the 合计 row left out
	for sheet, ref := range map[string]string{ReportSheet: "A1:L3", ItemSheet: "A1:N5", FindingSheet: "A1:U3"} {
		if got := autoFilter(t, x, sheet); got != ref {
			t.Errorf("%s: autofilter %q, want %q", sheet, got, ref)
		}
	}
	// one row per report: stated total, items' sum, difference, counts
	reports, _ := x.GetRows(ReportSheet)
	if len(reports) != 3 || strings.Join(reports[0], ",") != strings.Join(ReportHeader, ",") ||
		reports[1][0] != "南屯镇" || reports[1][3] != "/r/nantun.txt" || reports[1][5] != "140.44325" || reports[1][9] != "1" {
		t.Errorf("report sheet: %q", reports)
	}
	frows, _ := x.GetRows(FindingSheet)
	if len(frows) != 3 || frows[0][14] != "审核结论" || frows[1][11] != "万元" || frows[2][14] != "已排除" || frows[2][15] != "次年拨付" {
		t.Errorf("finding sheet: %q", frows)
	}
	if raw, _ := x.GetCellValue(FindingSheet, "K2", excelize.Options{RawCellValue: true}); raw != "-796.687753" {
		t.Errorf("diff cell = %q", raw)
	}
}

func TestJSONL(t *testing.T) {
	s := fixture(t)
	var buf bytes.Buffer
	if err := JSONL(context.Background(), s, corpus.Filter{Unit: "南屯"}, &buf); err != nil {
		t.Fatal(err)
	}
	var lines []map[string]any
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: %v", sc.Text(), err)
		}
		lines = append(lines, m)
	}
	if len(lines) != 5 {
		t.Fatalf("%d lines", len(lines))
	}
	it := lines[1]
	if it["kind"] != "item" || it["budget_wan"] != "116.17825" || it["unit"] != "南屯镇" || it["seq"] != 17.0 {
		t.Errorf("item line %v", it)
	}
	if lines[2]["actual_wan"] != nil {
		t.Errorf("missing amount = %v, want null", lines[2]["actual_wan"])
	}
	f := lines[4]
	review, _ := f["review"].(map[string]any)
	if f["kind"] != "finding" || f["key"] != "not-disbursed:18" || review["decision"] != "dismissed" || review["note"] != "次年拨付" {
		t.Errorf("finding line %v", f)
	}
	if lines[3]["expected"] != "937.131003" || lines[3]["review"] != nil {
		t.Errorf("finding line %v", lines[3])
	}
}

func TestExactFloat(t *testing.T) {
	for _, c := range []struct {
		s  string
		ok bool
	}{{"937.131003", true}, {"0.000001", true}, {"123456789012.345", true}, {"1234567890123.4567", false}} {
		if _, ok := exactFloat(decimal.RequireFromString(c.s)); ok != c.ok {
			t.Errorf("exactFloat(%s) ok = %v", c.s, ok)
		}
	}
}

// TestCSVFormulaInjection: an item name that a spreadsheet would run as a
// formula is written as text; negative amounts stay numbers.
func TestCSVFormulaInjection(t *testing.T) {
	ctx := context.Background()
	s, err := corpus.Open(filepath.Join(t.TempDir(), "c"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc, err := ingest.Read(ctx, "/r/x.txt", []byte("某镇 2023 年绩效自评报告"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var items []extract.Item
	for i, name := range []string{"=HYPERLINK(\"http://x\",\"点击\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "普通项目"} {
		items = append(items, extract.Item{Seq: i + 1, Name: name, BudgetWan: dec("-1.5")})
	}
	if _, err := s.Put(ctx, doc, &extract.Report{Unit: "=某镇", Year: 2023, Genre: extract.Narrative, Extractor: extract.Version, Items: items}, nil); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := CSV(ctx, s, corpus.Filter{}, &out, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"'=HYPERLINK(\"http://x\",\"点击\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\t=1", "普通项目"}
	for i, w := range want {
		r := rows[i+1]
		if r[0] != "'=某镇" || r[4] != w || r[5] != "-1.5" {
			t.Errorf("row %d: unit %q name %q budget %q, want '=某镇 %q -1.5", i+1, r[0], r[4], r[5], w)
		}
	}
}

// autoFilter is the range of the sheet's autofilter (its own or its table's), as written in the XML.
func autoFilter(t *testing.T, x *excelize.File, sheet string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	idx, _ := x.GetSheetIndex(sheet)
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet"+strconv.Itoa(idx+1)+".xml" {
			continue
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		m := regexp.MustCompile(`<autoFilter ref="([^"]+)"`).FindSubmatch(data)
		if m == nil {
			for _, tf := range zr.File { // the filter of the sheet's table
				if strings.HasPrefix(tf.Name, "xl/tables/") {
					rc, _ := tf.Open()
					td, _ := io.ReadAll(rc)
					rc.Close()
					if strings.Contains(string(td), `name="`+tableNames[sheet]+`"`) {
						m = regexp.MustCompile(`<autoFilter ref="([^"]+)"`).FindSubmatch(td)
					}
				}
			}
		}
		if m == nil {
			return ""
		}
		return string(m[1])
	}
	return ""
}
