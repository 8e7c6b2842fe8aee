package validate

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/synth"
)

// syntheticFormats are the formats whose readers are built.
var syntheticFormats = []string{"md", "txt", "gb18030", "utf16", "html", "docx"}

// TestSyntheticNarratives reads generated reports of many units, years,
// wordings and encodings and checks every record and every finding against
// the generator's ground truth: consistent reports give no finding, and each
// planted inconsistency is found with its rule, severity and items.
func TestSyntheticNarratives(t *testing.T) {
	n := 240
	if testing.Short() {
		n = 60
	}
	dir := t.TempDir()
	truths, err := synth.Generate(dir, n, synth.Options{Seed: 7, Formats: syntheticFormats, TableShare: -1})
	if err != nil {
		t.Fatal(err)
	}
	perFormat := map[string]int{}
	for _, tr := range truths {
		perFormat[tr.Format]++
	}
	for _, f := range syntheticFormats {
		if perFormat[f] == 0 {
			t.Errorf("no %s report among the %d generated", f, len(truths))
		}
	}
	problems := map[string][]string{}
	note := func(kind, file, msg string) { problems[kind] = append(problems[kind], file+": "+msg) }
	for _, tr := range truths {
		doc, err := ingest.ReadFile(context.Background(), filepath.Join(dir, tr.File), ingest.Options{})
		if err != nil {
			note("read", tr.File, err.Error())
			continue
		}
		r, err := extract.Extract(doc)
		if err != nil {
			note("extract", tr.File, err.Error())
			continue
		}
		compareRecords(tr, r, note)
		compareFindings(tr, Report(r), note)
	}
	kinds := make([]string, 0, len(problems))
	for k := range problems {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		ps := problems[k]
		t.Errorf("%s: %d problems, e.g.\n  %s", k, len(ps), strings.Join(ps[:min(len(ps), 6)], "\n  "))
	}
}

func compareRecords(tr synth.Truth, r *extract.Report, note func(kind, file, msg string)) {
	if r.Unit != tr.Unit {
		note("unit", tr.File, fmt.Sprintf("%q, want %q", r.Unit, tr.Unit))
	}
	if r.Year != tr.Year {
		note("year", tr.File, fmt.Sprintf("%d, want %d", r.Year, tr.Year))
	}
	if r.Stated.Count == nil || *r.Stated.Count != tr.StatedCount {
		note("stated count", tr.File, fmt.Sprintf("%v, want %d", r.Stated.Count, tr.StatedCount))
	}
	if r.Stated.TotalWan == nil || r.Stated.TotalWan.String() != tr.StatedTotalWan {
		note("stated total", tr.File, fmt.Sprintf("%v, want %s", r.Stated.TotalWan, tr.StatedTotalWan))
	}
	if len(r.Items) != len(tr.Items) {
		note("item count", tr.File, fmt.Sprintf("%d items, want %d", len(r.Items), len(tr.Items)))
		return
	}
	for i, want := range tr.Items {
		it := r.Items[i]
		budget, actual := "", ""
		if it.BudgetWan != nil {
			budget = it.BudgetWan.String()
		}
		if it.ActualWan != nil && it.Disbursement != extract.None {
			actual = it.ActualWan.String()
		}
		if it.Seq != want.Seq || synth.NormalizeName(it.Name) != want.Name {
			note("item name", tr.File, fmt.Sprintf("item %d %q, want %d %q", it.Seq, it.Name, want.Seq, want.Name))
		}
		if budget != want.BudgetWan || actual != want.ActualWan || string(it.Disbursement) != want.Disbursement || it.Subprojects != want.Subprojects {
			note("item amounts", tr.File, fmt.Sprintf("item %d: %s %s %s %d, want %s %s %s %d", it.Seq, budget, actual,
				it.Disbursement, it.Subprojects, want.BudgetWan, want.ActualWan, want.Disbursement, want.Subprojects))
		}
		if want.Evaluation != "" && len(it.Evaluation) != len(want.Dimensions) {
			note("evaluation", tr.File, fmt.Sprintf("item %d has %d dimensions, want %v (entry %q)", it.Seq, len(it.Evaluation), want.Dimensions, want.Evaluation))
		}
	}
}

// compareFindings checks that the findings are exactly the planted ones
// (rule, severity, items), underspent notes aside when not planted as such
// being implied by partial items.
func compareFindings(tr synth.Truth, fs []Finding, note func(kind, file, msg string)) {
	got := map[string]bool{}
	for _, f := range fs {
		got[f.Rule+" "+string(f.Severity)] = true
	}
	for _, p := range tr.Planted {
		found := false
		for _, f := range fs {
			if f.Rule == p.Rule && string(f.Severity) == p.Severity && (len(p.Items) == 0 || itemsCover(f, fs, p)) {
				found = true
			}
		}
		if !found {
			note("missed "+p.Rule, tr.File, fmt.Sprintf("planted %+v; found %v", p, summary(fs)))
		}
	}
	for _, f := range fs {
		if !planted(tr, f) {
			note("extra "+f.Rule, tr.File, fmt.Sprintf("%s %v: %s", f.Severity, f.Items, f.Message))
		}
	}
}

// itemsCover reports whether the findings of p's rule name all p's items.
func itemsCover(_ Finding, fs []Finding, p synth.Plant) bool {
	var seen []int
	for _, f := range fs {
		if f.Rule == p.Rule {
			seen = append(seen, f.Items...)
		}
	}
	for _, i := range p.Items {
		if !slices.Contains(seen, i) {
			return false
		}
	}
	return true
}

func planted(tr synth.Truth, f Finding) bool {
	for _, p := range tr.Planted {
		if p.Rule == f.Rule && p.Severity == string(f.Severity) {
			return true
		}
	}
	return false
}

// TestSyntheticTables does the same for project tables: the findings of a
// generated table are exactly the planted ones, the scoring checks among
// them (indicator scores, weights and their split, reasons, grades,
// placeholders, not-applicable rows).
func TestSyntheticTables(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 50
	}
	dir := t.TempDir()
	truths, err := synth.Generate(dir, n, synth.Options{Seed: 11, Formats: syntheticFormats, TableShare: 1, PlantShare: 0.6})
	if err != nil {
		t.Fatal(err)
	}
	problems := map[string][]string{}
	note := func(kind, file, msg string) { problems[kind] = append(problems[kind], file+": "+msg) }
	plantedRules := map[string]int{}
	for _, tr := range truths {
		for _, p := range tr.Planted {
			plantedRules[p.Rule+" "+p.Severity]++
		}
		doc, err := ingest.ReadFile(context.Background(), filepath.Join(dir, tr.File), ingest.Options{})
		if err != nil {
			note("read", tr.File, err.Error())
			continue
		}
		r, err := extract.Extract(doc)
		if err != nil {
			note("extract", tr.File, err.Error())
			continue
		}
		compareFindings(tr, Report(r), note)
	}
	for _, want := range []string{"indicator-score-mismatch error", "weight-mismatch error", "weight-mismatch info",
		"reason-missing warning", "reason-missing info", "grade-mismatch error", "placeholder info", "score-mismatch warning"} {
		if plantedRules[want] == 0 {
			t.Errorf("the generator planted no %s in %d tables", want, n)
		}
	}
	kinds := make([]string, 0, len(problems))
	for k := range problems {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		ps := problems[k]
		t.Errorf("%s: %d problems, e.g.\n  %s", k, len(ps), strings.Join(ps[:min(len(ps), 4)], "\n  "))
	}
}
