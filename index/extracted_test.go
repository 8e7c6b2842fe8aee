package index

import (
	"context"
	"slices"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

// The reference report through the real pipeline (ingest, extract,
// validate) indexes to the same answers as the hand-made Report.
func TestSearchExtractedReference(t *testing.T) {
	doc, err := ingest.ReadFile(context.Background(), "../testdata/nantun-2023.md", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := extract.Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	fs := validate.Report(r)
	ix := openTest(t)
	if err := ix.Put("nantun", r, fs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    Query
		want []int
	}{
		{Query{Text: "驻村工作队"}, []int{1, 6, 10}},
		{Query{Text: "驻村"}, []int{1, 6, 10}},
		{Query{Text: "防火"}, []int{8, 15, 22}},
		{Query{MinBudget: wan(t, "100")}, []int{7, 27, 30}},
		{Query{Text: "耕地地力保护"}, []int{30}},
	}
	for _, tt := range tests {
		if got := seqs(find(t, ix, tt.q)); !slices.Equal(got, tt.want) {
			t.Errorf("%+v: items %v, want %v", tt.q, got, tt.want)
		}
	}
	// Every finding's rule is a facet value, counted on what it is about.
	res := find(t, ix, Query{Year: 2023, Unit: "南屯镇", Size: 100})
	if res.Total != 33 {
		t.Errorf("南屯镇 2023: %d documents, want 33", res.Total)
	}
	// A finding is about the items it names, or else the report.
	about := map[string]map[int]bool{} // rule → item seqs, 0 for the report
	for _, f := range fs {
		if about[f.Rule] == nil {
			about[f.Rule] = map[int]bool{}
		}
		if len(f.Items) == 0 {
			about[f.Rule][0] = true
		}
		for _, seq := range f.Items {
			about[f.Rule][seq] = true
		}
	}
	want := map[string]int{}
	for rule, docs := range about {
		want[rule] = len(docs)
	}
	got := map[string]int{}
	for _, c := range res.Facets.Rule {
		got[c.Value] = c.Count
	}
	if len(fs) == 0 || len(got) != len(want) {
		t.Fatalf("rule facets %v, want %v (findings %d)", got, want, len(fs))
	}
	t.Logf("rule facets: %v", got)
	for rule, n := range want {
		if got[rule] != n {
			t.Errorf("rule %s: %d documents, want %d", rule, got[rule], n)
		}
	}
}
