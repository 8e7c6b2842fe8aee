package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jixiao/jixiao/internal/fuzzbudget"
)

// readFile reads a workbook of the repository's testdata/formats (made by
// its mkformats), where the reports of every format are kept.
func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../testdata/formats/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The 部门整体支出绩效自评表 of hunan-hengshan as LibreOffice Calc writes it
// (testdata/formats/mkformats): merged cells are written once, at their
// top-left, the positions they cover are empty, cached values are shown in
// their number formats.
func TestExtract(t *testing.T) {
	sheets, warnings, err := Extract(readFile(t, "hengshan-2023-zhengti.xlsx"))
	if err != nil || len(warnings) != 0 || len(sheets) != 1 {
		t.Fatalf("%d sheets, warnings %v, err %v", len(sheets), warnings, err)
	}
	s := sheets[0]
	lines := strings.Split(s.Text, "\n")
	want := map[int]string{
		0: "| 2023年度部门整体支出绩效自评表 |  |  |  |  |  |  |  |",
		3: "|  | 年度资金总额 | 861.10 | 2030.12 | 2030.12 | 10 | 100% | 10 |",
		7: "|  | 纳入专户管理的非税收入拨款: |  |  |  |  |  |  |",
	}
	for i, w := range want {
		if i >= len(lines) || lines[i] != w {
			t.Errorf("line %d = %q, want %q", i, lines[i], w)
		}
	}
	if s.Name != "自评表" || len(lines) != 11 || len(s.Formulas) != 0 {
		t.Errorf("name %q, %d lines, formulas %v", s.Name, len(lines), s.Formulas)
	}
	at := func(ref string) string {
		for _, c := range s.Cells {
			if c.Ref == ref {
				return s.Text[c.Start:c.End]
			}
		}
		return ""
	}
	for ref, w := range map[string]string{"A1": "2023年度部门整体支出绩效自评表", "A3": "年度预算申请(万元)", "C4": "861.10",
		"G4": "100%", "E5": "按支出性质分:1925.67", "B11": "搞好政府各职能部门完成的工作任务监督,服务市场主体和营造发展"} {
		if got := at(ref); got != w {
			t.Errorf("%s = %q, want %q", ref, got, w)
		}
	}
	if at("A4") != "" || at("C5") != "" {
		t.Errorf("positions covered by merged ranges have text")
	}
}

func TestStaleFormula(t *testing.T) {
	sheets, _, err := Extract(readFile(t, "hengshan-2023-stale.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	f := sheets[0].Formulas
	if len(f) != 1 || f[0] != (Formula{Ref: "G4", Formula: "=E4/D4", Cached: "0.95", Computed: "1"}) {
		t.Errorf("formulas %+v", f)
	}
	if !strings.Contains(sheets[0].Text, "| 95% |") {
		t.Errorf("the cached value is not what is shown:\n%s", sheets[0].Text)
	}
}

func TestSameValue(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"1.08695652173913", "1.0869565217391304", true},
		{"0.95", "1", false},
		{"2030.12", "2030.12", true},
		{"2030.12", "2030.1200000000001", true},
		{"TRUE", "true", true},
		{"甲", "乙", false},
		{"0", "0.0000000000001", true},
		{"0", "0.0000000001", false},
		{"1000000", "1000000.01", false},
	} {
		if got := sameValue(c.a, c.b); got != c.same {
			t.Errorf("sameValue(%s, %s) = %v", c.a, c.b, got)
		}
	}
}

func zipOf(t testing.TB, files map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return b.Bytes()
}

func TestBadInput(t *testing.T) {
	docx := zipOf(t, map[string]string{"word/document.xml": "<w:document/>", "[Content_Types].xml": "<Types/>"})
	if _, _, err := Extract(docx); !errors.Is(err, ErrNotXLSX) {
		t.Errorf("a DOCX: %v", err)
	}
	if IsXLSX(docx) || !IsXLSX(readFile(t, "hengshan-2023-zhengti.xlsx")) {
		t.Errorf("IsXLSX")
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...)
	if _, _, err := Extract(ole); !errors.Is(err, ErrEncrypted) {
		t.Errorf("an encrypted workbook: %v", err)
	}
	full := readFile(t, "hengshan-2023-zhengti.xlsx")
	if _, _, err := Extract(full[:len(full)/2]); err == nil {
		t.Errorf("half a workbook read without error")
	}
	// a sheet part that inflates past the bound: refused before it is read
	big := zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>",
		"xl/worksheets/sheet1.xml": strings.Repeat("<row/>", MaxUnzipped/6+1)})
	if _, _, err := Extract(big); !errors.Is(err, ErrLimit) {
		t.Errorf("a zip bomb: %v", err)
	}
}

// FuzzExtract feeds whole workbooks made by LibreOffice and small packages;
// whatever the bytes, Extract ends in sheets or an error, never a panic,
// and every cell span lies on the text it names.
func FuzzExtract(f *testing.F) {
	fuzzbudget.Set()
	for _, name := range []string{"hengshan-2023-zhengti.xlsx", "hengshan-2023-stale.xlsx", "hengshan-2023-workbook.xlsx"} {
		f.Add(readFile(f, name))
	}
	f.Add(zipOf(f, map[string]string{"xl/workbook.xml": "<workbook/>"}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Fuzz(func(t *testing.T, data []byte) {
		tm := time.AfterFunc(4*time.Second, func() { os.WriteFile("/tmp/hang.bin", data, 0o644) })
		defer tm.Stop()
		sheets, _, err := Extract(data)
		if err != nil {
			if sheets != nil {
				t.Fatalf("sheets with error %v", err)
			}
			return
		}
		for _, s := range sheets {
			if !utf8.ValidString(s.Text) {
				t.Fatalf("invalid UTF-8 in %q", s.Name)
			}
			prev := 0
			for _, c := range s.Cells {
				if c.Start < prev || c.End < c.Start || c.End > len(s.Text) {
					t.Fatalf("cell %+v out of order or outside the text (%d bytes)", c, len(s.Text))
				}
				prev = c.End
			}
		}
	})
}
