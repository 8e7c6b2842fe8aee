package main

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

const corpusDir = "../../testdata/real"

// TestRealDocuments scores every real document against its truth. A miss
// that is not listed in known-misses.txt fails (a figure that was right turned
// wrong, or a new document is not read exactly); a listed miss that no longer
// happens fails too, so that the list can only shrink.
func TestRealDocuments(t *testing.T) {
	truths, err := LoadTruths(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(truths) == 0 {
		t.Skip("no truth files yet")
	}
	known, err := readKnownMisses(filepath.Join(corpusDir, "known-misses.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var scores []DocScore
	seen := map[string]bool{}
	for _, tr := range truths {
		outs, err := InProcess(context.Background(), tr.Doc)
		d := Score(tr, outs, err)
		scores = append(scores, d)
		for _, k := range d.Misses() {
			key := tr.ID + "\t" + k
			seen[key] = true
			if !known[key] {
				t.Errorf("%s: new miss %s%s", tr.ID, k, detail(d, k))
			}
		}
	}
	for key := range known {
		if !seen[key] {
			t.Errorf("known miss no longer happens: %q — remove it from known-misses.txt", key)
		}
	}
	var b strings.Builder
	Print(&b, scores, false)
	t.Log("\n" + b.String())
}

func detail(d DocScore, key string) string {
	for _, f := range d.Figures {
		if f.Key == key {
			return " (want " + quote(f.Want) + ", got " + quote(f.Got) + ")"
		}
	}
	if key == "unreadable" && d.Err != nil {
		return ": " + d.Err.Error()
	}
	return ""
}

func quote(s string) string { return "\"" + s + "\"" }

// readKnownMisses reads "id<TAB>key" lines; # starts a comment.
func readKnownMisses(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out[line] = true
	}
	return out, sc.Err()
}

func d(s string) *decimal.Decimal { v := decimal.RequireFromString(s); return &v }
func ip(n int) *int               { return &n }
func sp(s string) *string         { return &s }

// TestScore checks the scorer itself on a made truth and made outcomes.
func TestScore(t *testing.T) {
	narrative := "narrative"
	tr := Truth{ID: "x", DocType: "绩效自评报告", Reports: []TruthReport{{
		Genre: &narrative, Unit: "某某镇人民政府", UnitAccept: []string{"某某镇"}, Year: ip(2023),
		Stated: TruthStated{TotalWan: d("30"), Count: ip(2)},
		Items: []TruthItem{
			{Name: "道路硬化项目", BudgetWan: d("10"), ActualWan: d("10"), Disbursement: sp("full")},
			{Name: "饮水安全工程", BudgetWan: d("20.50"), Disbursement: sp("none")},
		},
		Inconsistencies: []TruthFinding{{Rule: "total-mismatch", Severity: "error", Expected: d("30"), Actual: d("30.5")}},
	}}}
	var o Outcome
	o.Report.DocType, o.Report.Genre, o.Report.Unit, o.Report.Year = "self-evaluation-report", "narrative", "某某镇", 2023
	o.Report.Stated.TotalWan = d("30")
	o.Report.Items = append(o.Report.Items,
		struct {
			Name         string           `json:"name"`
			BudgetWan    *decimal.Decimal `json:"budget_wan"`
			ActualWan    *decimal.Decimal `json:"actual_wan"`
			Disbursement string           `json:"disbursement"`
			Subprojects  int              `json:"subprojects"`
		}{Name: "饮水安全工程项目", BudgetWan: d("20.5"), Disbursement: "none"},
	)
	o.Findings = []OutFinding{
		{Rule: "total-mismatch", Severity: "error", Expected: d("30"), Actual: d("20.5")},
		{Rule: "underspent", Severity: "info"},
	}
	s := Score(tr, []Outcome{o}, nil)
	want := []string{
		"r0.stated.count",
		"r0.items[0].name", "r0.items[0].budget_wan", "r0.items[0].actual_wan", "r0.items[0].disbursement",
		"r0.missed[total-mismatch#0]",
		"r0.false-error[total-mismatch 30/20.5]",
	}
	if got := s.Misses(); !slices.Equal(got, want) {
		t.Errorf("misses\n got %q\nwant %q", got, want)
	}
	if r, c := s.Right(""); r != 8 || c != 13 {
		t.Errorf("right/checked = %d/%d, want 8/13", r, c)
	}
	if s.SilentlyEmpty {
		t.Error("a report with figures is not silently empty")
	}

	empty := Score(tr, []Outcome{{}}, nil)
	if !empty.SilentlyEmpty {
		t.Error("nothing read and nothing said: silently empty")
	}
	said := Score(tr, []Outcome{{Findings: []OutFinding{{Rule: "nothing-extracted", Severity: "warning"}}}}, nil)
	if said.SilentlyEmpty {
		t.Error("nothing read, and said so: not silent")
	}
}

func TestAlign(t *testing.T) {
	a := []string{"甲项目", "乙项目", "丙项目"}
	b := []string{"乙项目", "丁", "丙项目"}
	got := align(len(a), len(b), func(i, j int) float64 { return nameSim(a[i], b[j]) }, 0.9)
	if want := []int{-1, 0, 2}; !slices.Equal(got, want) {
		t.Errorf("align = %v, want %v", got, want)
	}
}
