package index

import (
	"context"
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/validate"
)

// sortedSearch is the search as bleve alone does it: every match sorted on
// hitOrder and counted in bleve's terms facets. Search must give the same.
func sortedSearch(t *testing.T, ix *Index, q Query) *Result {
	t.Helper()
	bq, err := ix.bleveQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	size := q.Size
	if size <= 0 {
		size = 10
	}
	req := bleve.NewSearchRequestOptions(bq, size, q.From, false)
	req.Fields = storedFields
	req.IncludeLocations = true
	req.SortBy(hitOrder)
	for _, f := range facetFields {
		req.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
	}
	res, err := ix.b.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	out := &Result{Total: res.Total, Hits: []Hit{}}
	for _, dm := range res.Hits {
		out.Hits = append(out.Hits, hitOf(dm, q.Marks, q.FragmentRunes))
	}
	counts := func(fr *search.FacetResult) []FacetCount {
		m := map[string]int{}
		for _, tf := range fr.Terms.Terms() {
			m[tf.Term] = tf.Count
		}
		return topCounts(m, len(m))
	}
	out.Facets = &Facets{Year: counts(res.Facets["year"]), Unit: counts(res.Facets["unit"]),
		Rule: counts(res.Facets["rule"]), DocType: counts(res.Facets["doc_type"])}
	return out
}

// TestSearchAsSorted checks the one-pass collector against sorting every
// match, on synthetic reports put one by one (many segments): the same
// hits in the same order on every page, the same total and facets, with the
// facets counted from the postings and from the doc values. The filters-only
// queries score every match alike, so their order is the tie-break alone
// (newest year, report, seq).
func TestSearchAsSorted(t *testing.T) {
	ids, reports, _ := synthCorpus(t, 44, 5)
	ix := openTest(t)
	rules := []string{"", "underspent", "total-mismatch", "not-disbursed"}
	for i, r := range reports {
		var fs []validate.Finding
		if rule := rules[i%4]; rule != "" && len(r.Items) > 0 {
			fs = append(fs, validate.Finding{Rule: rule, Items: []int{r.Items[0].Seq}})
		}
		if err := ix.Put(ids[i], r, fs); err != nil {
			t.Fatal(err)
		}
	}
	ten := decimal.NewFromInt(10)
	queries := []Query{
		{Text: "经费"}, {Text: "补助"}, {Text: "防火"}, {Text: "村"}, {Text: "资金 补助"},
		{Year: 2020}, {Year: 2017, Size: 3, From: 2}, {Rule: "underspent"}, {Unit: "镇"},
		{MinBudget: &ten}, {Text: "经费", MinBudget: &ten, Size: 7, From: 5},
		{}, {Size: 1000}, {From: 40, Size: 13}, {From: 100000},
	}
	saved := postingsCost
	defer func() { postingsCost = saved }()
	for _, cost := range []uint64{0, saved, 1 << 40} {
		postingsCost = cost
		for _, q := range queries {
			got, want := find(t, ix, q), sortedSearch(t, ix, q)
			if want.Total == 0 && q.From < 100000 {
				t.Errorf("%+v: no match, the query tests nothing", q)
			}
			if g, w := mustJSON(got), mustJSON(want); g != w {
				t.Errorf("postings cost %d, %+v:\n got %s\nwant %s", cost, q, g, w)
			}
		}
	}
	// The tie-break itself: with every score equal, a page runs newest year
	// first, then by report, a report's items in order and its own
	// document after them.
	res := find(t, ix, Query{Size: 1000})
	var prev string
	for i, h := range res.Hits {
		seq := 1 << 30
		if h.Seq != nil {
			seq = *h.Seq
		}
		key := fmt.Sprintf("%04d/%s/%010d", 9999-h.Year, h.Report, seq)
		if i > 0 && key <= prev {
			t.Fatalf("hit %d %s after %s: out of order", i, key, prev)
		}
		prev = key
	}
	if len(res.Hits) < 100 {
		t.Errorf("%d hits of everything: too few to test the order", len(res.Hits))
	}
}
