package validate

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
)

// The narrative fixtures live with the extractor; the reference report and
// the GB18030 report with every package's (the root testdata).
const (
	fixtures = "../extract/testdata/"
	shared   = "../testdata/"
)

func findingsOf(t *testing.T, file string) []Finding {
	t.Helper()
	dir := fixtures
	if file == "nantun-2023.md" || file == "qiaotou-2022.gb18030.txt" {
		dir = shared
	}
	doc, err := ingest.ReadFile(context.Background(), dir+file, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := extract.Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	return Report(r)
}

// summary renders findings as "severity rule items" lines, sorted.
func summary(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s %v", f.Severity, f.Rule, f.Items))
	}
	sort.Strings(out)
	return out
}

func TestReferenceFindings(t *testing.T) {
	fs := findingsOf(t, "nantun-2023.md")
	want := []string{
		"error total-mismatch []",
		"info underspent [15]",
		"info underspent [16]",
		"info underspent [21]",
		"info underspent [24]",
		"info underspent [25]",
		"info underspent [2]",
		"warning claim-contradicted [17 18 2 15 16 21 24 25]",
		"warning missing-dimension [17]",
		"warning missing-dimension [18]",
		"warning not-disbursed [17]",
		"warning not-disbursed [18]",
	}
	if got := summary(fs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	tm := fs[0]
	if tm.Rule != "total-mismatch" || tm.Expected.String() != "937.131003" || tm.Actual.String() != "905.534931" || tm.Diff.String() != "-31.596072" || tm.FigureUnit != "万元" {
		t.Errorf("total-mismatch = %+v", tm)
	}
	for _, s := range []string{"905.534931", "937.131003", "-31.596072"} {
		if !strings.Contains(tm.Message, s) {
			t.Errorf("message %q lacks %s", tm.Message, s)
		}
	}
	if !HasErrors(fs) {
		t.Error("HasErrors = false")
	}
	for _, f := range fs {
		if f.Rule == "missing-dimension" && !strings.Contains(f.Message, "产出、效益") {
			t.Errorf("missing-dimension message %q does not name 产出、效益", f.Message)
		}
	}
}

func TestVariantFindings(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"qiaotou-2022.gb18030.txt", []string{"info underspent [3]"}},
		{"liuzhuang-2019.txt", []string{"warning amount-unparsed [3]", "warning total-mismatch [3]"}},
		{"hexi-2021.md", []string{
			"info total-mismatch []", // 86.52 against 86.5: rounding of 86.5, 15, 5
			"info underspent [2]",
			"warning claim-contradicted [4 2]",
			"warning missing-dimension [4]",
			"warning not-disbursed [4]",
		}},
		{"dongcheng-2024.utf16.txt", []string{
			"error actual-exceeds-budget [1]",
			"error count-mismatch []",
			"info underspent [2]",
			"warning total-mismatch []", // 约 40 万元: the sum is not exact
			"warning unmatched-item [2]",
			"warning unmatched-item []",
		}},
	}
	for _, tt := range tests {
		got := summary(findingsOf(t, tt.file))
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s findings:\n%s\nwant:\n%s", tt.file, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestRoundingDifference(t *testing.T) {
	fs := findingsOf(t, "hexi-2021.md")
	for _, f := range fs {
		if f.Rule == "total-mismatch" {
			if f.Diff.String() != "0.02" || f.Expected.String() != "86.5" || f.Actual.String() != "86.52" || !strings.Contains(f.Message, "rounding") {
				t.Errorf("rounding finding = %+v", f)
			}
			return
		}
	}
	t.Fatal("no total-mismatch finding")
}

// TestReferencePrintsFindings: every PDF print of the reference report gives
// the Markdown's findings, on the pages where their evidence is printed.
func TestReferencePrintsFindings(t *testing.T) {
	want := strings.Join(summary(findingsOf(t, "nantun-2023.md")), "\n")
	pdfs, _ := filepath.Glob("../ingest/pdf/testdata/printed/0*.pdf")
	if len(pdfs) != 8 {
		t.Fatalf("%d printed fixtures", len(pdfs))
	}
	for _, path := range pdfs {
		fs := findingsOf(t, "../../ingest/pdf/testdata/printed/"+filepath.Base(path))
		if got := strings.Join(summary(fs), "\n"); got != want {
			t.Errorf("%s findings:\n%s\nwant:\n%s", filepath.Base(path), got, want)
		}
		for _, f := range fs {
			if f.Rule == "missing-dimension" && f.Page < 2 {
				t.Errorf("%s: %s on page %d: the evaluation section is not on page 1", filepath.Base(path), f.Rule, f.Page)
			}
		}
	}
}

// Half the entries lacking a dimension still lack what the other half has.
func TestMissingDimensionAtHalf(t *testing.T) {
	full := map[string]string{"立项": "好", "资金落实": "好", "业务管理": "好", "产出": "好", "效益": "好"}
	part := map[string]string{"立项": "好", "资金落实": "好", "业务管理": "好"}
	r := &extract.Report{Evaluations: []extract.Evaluation{
		{Seq: 1, Item: 1, Dimensions: full}, {Seq: 2, Item: 2, Dimensions: part},
		{Seq: 3, Item: 3, Dimensions: part}, {Seq: 4, Item: 4, Dimensions: full},
	}}
	fs := MissingDimension(r)
	if len(fs) != 2 || fs[0].Items[0] != 2 || fs[1].Items[0] != 3 || !strings.Contains(fs[0].Message, "产出、效益") {
		t.Errorf("findings = %+v", fs)
	}
}
