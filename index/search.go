package index

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/shopspring/decimal"
)

// Result is one page of hits, the total number of matching documents and
// the facets of all of them.
type Result struct {
	Total  uint64  `json:"total"`
	Hits   []Hit   `json:"hits"`
	Facets *Facets `json:"facets,omitempty"`
}

// Hit is one matching item, or a whole report (Seq absent). Amounts are the
// exact decimals of the report, in 万元.
type Hit struct {
	Report    string           `json:"report"`
	Unit      string           `json:"unit"`
	Year      int              `json:"year"`
	Seq       *int             `json:"seq,omitempty"`
	Name      string           `json:"name"`
	BudgetWan *decimal.Decimal `json:"budget_wan"`
	ActualWan *decimal.Decimal `json:"actual_wan"`
	Fragments []string         `json:"fragments"`
}

// Facets count the matching documents by year, unit and rule, most first.
type Facets struct {
	Year []FacetCount `json:"year"`
	Unit []FacetCount `json:"unit"`
	Rule []FacetCount `json:"rule"`
	// DocType counts by extract.DocType code (绩效自评报告, 部门决算 …).
	DocType []FacetCount `json:"doc_type"`
}

// FacetCount is one value of a facet and how many matching documents have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facet sizes: how many values of each are counted.
const (
	yearFacetSize    = 50
	unitFacetSize    = 50
	ruleFacetSize    = 30
	docTypeFacetSize = 10
	maxPageSize      = 1000
)

// storedFields are the fields a hit is built from.
var storedFields = append([]string{fieldReport, fieldUnitKW, fieldYearKW, fieldSeq, fieldBudgetWan, fieldActualWan}, sourceFields...)

// Search runs q and returns one page of hits with their fragments, and the
// facets of every matching document.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	bq, err := ix.bleveQuery(q)
	if err != nil {
		return nil, err
	}
	size := q.Size
	if size <= 0 {
		size = 10
	}
	size = min(size, maxPageSize)
	req := bleve.NewSearchRequestOptions(bq, size, max(q.From, 0), false)
	req.Fields = storedFields
	req.IncludeLocations = true
	// Equal scores (filters only) fall back to the newest year, then the
	// report and the item order.
	req.SortBy([]string{"-_score", "-" + fieldYear, fieldReport, fieldSeq})
	req.AddFacet("year", bleve.NewFacetRequest(fieldYearKW, yearFacetSize))
	req.AddFacet("unit", bleve.NewFacetRequest(fieldUnitKW, unitFacetSize))
	req.AddFacet("rule", bleve.NewFacetRequest(fieldRule, ruleFacetSize))
	req.AddFacet("doc_type", bleve.NewFacetRequest(fieldDocType, docTypeFacetSize))
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("检索 %q: %w", q.Text, err)
	}
	out := &Result{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	for _, dm := range res.Hits {
		out.Hits = append(out.Hits, hitOf(dm, q.Marks, q.FragmentRunes))
	}
	out.Facets = &Facets{
		Year:    facetCounts(res.Facets["year"]),
		Unit:    facetCounts(res.Facets["unit"]),
		Rule:    facetCounts(res.Facets["rule"]),
		DocType: facetCounts(res.Facets["doc_type"]),
	}
	return out, nil
}

// hitOf reads a hit from the stored fields of a match.
func hitOf(dm *search.DocumentMatch, marks Marks, fragmentRunes int) Hit {
	str := func(f string) string {
		s, _ := dm.Fields[f].(string)
		return s
	}
	dec := func(f string) *decimal.Decimal {
		s := str(f)
		if s == "" {
			return nil
		}
		d, err := decimal.NewFromString(s)
		if err != nil {
			return nil // written by Put from a decimal: cannot happen
		}
		return &d
	}
	h := Hit{
		Report:    str(fieldReport),
		Unit:      str(fieldUnitKW),
		Name:      str(fieldName),
		BudgetWan: dec(fieldBudgetWan),
		ActualWan: dec(fieldActualWan),
	}
	h.Year, _ = strconv.Atoi(str(fieldYearKW))
	if f, ok := dm.Fields[fieldSeq].(float64); ok {
		seq := int(f)
		h.Seq = &seq
	}
	texts := make([]string, len(sourceFields))
	for i, f := range sourceFields {
		texts[i] = str(f)
	}
	h.Fragments = fragments(texts, matchedRanges(dm, texts), marks, fragmentRunes)
	return h
}

func facetCounts(fr *search.FacetResult) []FacetCount {
	out := []FacetCount{}
	if fr == nil || fr.Terms == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		out = append(out, FacetCount{Value: t.Term, Count: t.Count})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}
