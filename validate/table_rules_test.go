package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
)

// tableReport extracts a table sample of ../extract/testdata/tables, without
// the notes at its top.
func tableReport(t *testing.T, name string) *extract.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "tables", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for strings.HasPrefix(s, "# ") {
		s = s[strings.IndexByte(s, '\n')+1:]
	}
	doc := ingest.Assemble(name, "", ingest.FormatText, []ingest.Page{{N: 1, Text: s}}, nil)
	r, err := extract.Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// tableFindings lists a report's findings of the table rules, as
// "rule severity expected actual diff".
func tableFindings(r *extract.Report) []string {
	var out []string
	for _, f := range Report(r) {
		switch f.Rule {
		case "rate-mismatch", "score-mismatch", "composition-mismatch", "sum-mismatch":
		default:
			continue
		}
		out = append(out, fmt.Sprintf("%s %s %s %s %s", f.Rule, f.Severity, f.Expected, f.Actual, f.Diff))
	}
	return out
}

func TestTableSamplesFindings(t *testing.T) {
	for _, name := range []string{
		// langfang: 86% reconciles with 37.24 ÷ 43.2 = 86.2%; 得分 9 is 10 × 86% rounded
		"langfang_shipinxuexiao_2019_xiangmu_table.txt",
		// xiaoxian: 100%, 10; 1.5+5+20+3 = 29.5亩, 3 = 3亩, 180只+12头 = 192只
		"xiaoxian_zhangzhuangzhai_2023_mubiao_table.txt",
		// qingshen: 238.93 = 238.93 + 0.00 + 0.00; 100.00%; 10 + 60 + 30 = 合计 100
		"qingshen_fgj_2023_xiangmu_table.txt",
		"made/good_project.txt",
		"made/department.txt",
	} {
		if got := tableFindings(tableReport(t, name)); len(got) != 0 {
			t.Errorf("%s: findings %q, want none", name, got)
		}
	}
}

func TestTableBadFindings(t *testing.T) {
	r := tableReport(t, "made/bad_project.txt")
	want := []string{
		// expected: as the table states it; actual: what its own figures give; diff = actual − expected
		"sum-mismatch error 89.97 89.79 -0.18",  // 共完成预算资金89.97万元 against 30 + 30 + 29.79
		"sum-mismatch error 41.83 40.83 -1",     // 共计41.83万元 against 12.08 + 18.8 + 6.75 + 3.2
		"composition-mismatch error 120 115 -5", // 全年预算数 120 against 100 + 15
		"composition-mismatch error 3 3.5 0.5",  // 3公里 against 1 + 1 + 1.5公里
		"rate-mismatch error 95 86 -9",          // 95% against 103.2 ÷ 120 = 86%
		"score-mismatch error 7 9.5 2.5",        // 7 against 10 × 95%
		"score-mismatch error 95 97 2",          // 总分 95 against 7 + 20 + 20 + 10 + 20 + 20
	}
	got := tableFindings(r)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	doc := ingest.Assemble("bad", "", ingest.FormatText, []ingest.Page{{N: 1, Text: readMade(t, "bad_project.txt")}}, nil)
	for _, f := range Report(r) {
		switch f.Rule {
		case "rate-mismatch", "score-mismatch", "composition-mismatch", "sum-mismatch":
		default:
			continue
		}
		if f.Span == nil || f.Page != 1 {
			t.Errorf("%s: no evidence (page %d, span %v)", f.Rule, f.Page, f.Span)
			continue
		}
		ev := doc.Text[f.Span[0]:f.Span[1]]
		if f.Expected != nil && !strings.Contains(ev, f.Expected.String()) {
			t.Errorf("%s: evidence %q does not show %s", f.Rule, ev, f.Expected)
		}
		if !strings.Contains(f.Message, f.Rule) || !strings.ContainsAny(f.Message, "写作相差") {
			t.Errorf("message %q", f.Message)
		}
	}
}

func readMade(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "tables", "made", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
