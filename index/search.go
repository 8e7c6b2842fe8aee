package index

import (
	"context"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
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
// facets of every matching document. One pass over the matches finds the
// page and counts the facets (collector); a second search reads the stored
// fields and the matched words of the page's hits alone.
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
	from := max(q.From, 0)
	c := newCollector(from + size)
	// Sorted by score alone and without facets, bleve reads no doc values:
	// the collector reads what it needs of the few hits that may be kept.
	req := bleve.NewSearchRequestOptions(bq, 1, 0, false)
	if _, err := ix.b.SearchInContext(c.ctx(ctx), req); err != nil {
		return nil, fmt.Errorf("检索 %q: %w", q.Text, err)
	}
	out := &Result{Total: c.total, Hits: []Hit{}, Facets: &Facets{
		Year:    c.facets["year"],
		Unit:    c.facets["unit"],
		Rule:    c.facets["rule"],
		DocType: c.facets["doc_type"],
	}}
	if from >= len(c.ids) {
		return out, nil
	}
	page := c.ids[from:]
	dms, err := ix.fetch(ctx, bq, page)
	if err != nil {
		return nil, fmt.Errorf("检索 %q: %w", q.Text, err)
	}
	for _, id := range page {
		if dm := dms[id]; dm != nil { // nil: deleted between the two searches
			out.Hits = append(out.Hits, hitOf(dm, q.Marks, q.FragmentRunes))
		}
	}
	return out, nil
}

// fetch reads the stored fields and the locations of the matched words of
// the documents ids, as matches of bq.
func (ix *Index) fetch(ctx context.Context, bq query.Query, ids []string) (map[string]*search.DocumentMatch, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bq, bleve.NewDocIDQuery(ids)), len(ids), 0, false)
	req.Fields = storedFields
	req.IncludeLocations = true
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*search.DocumentMatch, len(res.Hits))
	for _, dm := range res.Hits {
		out[dm.ID] = dm
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
