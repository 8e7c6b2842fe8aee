package sheet

import (
	"os"
	"strings"
	"testing"
)

// TestDelimited: a sheet saved as CSV, TSV or with semicolons is told by its
// rows of one width; prose, lists and Markdown tables are not.
func TestDelimited(t *testing.T) {
	saved, err := os.ReadFile("../../testdata/formats/hengshan-2023-zhengti.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		text  string
		comma rune
	}{
		{"LibreOffice CSV of a 自评表", string(saved), ','},
		{"TSV", "项目\t预算\t实际\n道路\t10\t9.5\n水渠\t4\t4\n", '\t'},
		{"semicolons", "项目;预算;实际\n道路;10;9.5\n水渠;4;4\n", ';'},
		{"a quoted cell with a comma and a line break", "项目,预算,说明\n道路,\"1,234.5\",\"未完成，\n原因\"\n水渠,4,无\n", ','},
		{"prose with commas", "本年度共实施项目3个,预算资金120万元,实际支出118万元。\n其中,道路硬化项目预算80万元,\n已全部完成,群众满意度95%。\n", 0},
		{"two rows only", "项目,预算,实际\n道路,10,9.5\n", 0},
		{"two columns", "项目,预算\n道路,10\n水渠,4\n桥,3\n", 0},
		{"a Markdown table", "| 项目 | 预算 | 实际 |\n|---|---|---|\n| 道路 | 10 | 9.5 |\n", 0},
	} {
		comma, ok := Delimited(c.text)
		if ok != (c.comma != 0) || comma != c.comma {
			t.Errorf("%s: Delimited = %q, %v; want %q", c.name, comma, ok, c.comma)
		}
	}
}

// TestFromDelimited: rows in the "| cell |" layout of every sheet, each
// stretch of text with its cell; quoted commas and line breaks kept in
// their cell.
func TestFromDelimited(t *testing.T) {
	s, warnings, err := FromDelimited("表", "项目,预算,说明\n道路,\"1,234.5\",\"未完成\n原因\"\n,,\n水渠,4,\n", ',')
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	want := "| 项目 | 预算 | 说明 |\n| 道路 | 1,234.5 | 未完成 原因 |\n| 水渠 | 4 |  |"
	if s.Text != want {
		t.Errorf("text:\n%s\nwant\n%s", s.Text, want)
	}
	var refs []string
	for _, c := range s.Cells {
		refs = append(refs, c.Ref+"="+s.Text[c.Start:c.End])
	}
	if got := strings.Join(refs, " "); got != "A1=项目 B1=预算 C1=说明 A2=道路 B2=1,234.5 C2=未完成 原因 A4=水渠 B4=4" {
		t.Errorf("cells: %s", got)
	}
	if s.Name != "表" {
		t.Errorf("name %q", s.Name)
	}
}

// FuzzDelimited: any text is told or not without panicking, and what is
// read has every cell's range inside the text.
func FuzzDelimited(f *testing.F) {
	saved, err := os.ReadFile("../../testdata/formats/hengshan-2023-zhengti.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(saved))
	f.Add("a,b,c\n\"1,2\",\"x\ny\",3\n4,5,6\n")
	f.Add("a\tb\tc\n1\t2\t3\n\"\t\"\t\t\n")
	f.Add("a;b;c\n\"unterminated;1;2\n3;4;5\n")
	f.Fuzz(func(t *testing.T, text string) {
		comma, ok := Delimited(text)
		if !ok {
			return
		}
		s, _, err := FromDelimited("f", text, comma)
		if err != nil {
			return
		}
		for _, c := range s.Cells {
			if c.Start < 0 || c.End > len(s.Text) || c.Start > c.End {
				t.Fatalf("cell %s [%d,%d) outside the text (%d bytes)", c.Ref, c.Start, c.End, len(s.Text))
			}
		}
	})
}
