package index

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// hitOrder is the order of the hits of Search: the score, then, on equal
// scores (filters only), the newest year, then the report and the item order
// (a report's own document after its items: no seq sorts last).
var hitOrder = []string{"-_score", "-" + fieldYear, fieldReport, fieldSeq}

// facetFields are the fields counted in the facets, with their sizes.
var facetFields = []struct {
	name, field string
	size        int
}{
	{"year", fieldYearKW, yearFacetSize},
	{"unit", fieldUnitKW, unitFacetSize},
	{"rule", fieldRule, ruleFacetSize},
	{"doc_type", fieldDocType, docTypeFacetSize},
}

// collector gathers what Search returns in one pass over the matches, in
// place of bleve's collector: bleve reads the doc values of every match to
// sort on several fields and to count facets, which is half of the time of a
// search and grows with the corpus. Here the engine sorts by score alone (its
// fast path) and the collector keeps the best from+size matches in a heap,
// reading the tie-break fields (year, report, seq) only of a match that can
// enter it; the order is bleve's own (search.SortOrder.Compare, the same sort
// values), so the hits and their order are those of sorting every match.
// The facets are counted after the pass from the set of matching documents:
// a field with few values by intersecting its postings with the set, one
// with many values (relative to the matches) from the doc values of the
// matches. The counts are exact.
type collector struct {
	k     int // hits kept: from + size
	order search.SortOrder
	score []bool // order's cached "is score" flags
	desc  []bool // order's cached "descending" flags

	reader  index.IndexReader
	dvrs    []index.DocValueReader // dvrs[x]: the doc values of order[x]; nil for the score
	kept    keptHeap
	scratch *search.DocumentMatch
	total   uint64

	// the matching documents: per segment of the snapshot, the local
	// document numbers; nil when the reader is not a scorch snapshot
	segs    []*scorch.SegmentSnapshot
	offsets []uint64
	matches []*roaring.Bitmap
	cur     int      // segment of the last match
	others  []uint64 // global numbers of matches not filed by segment

	ids    []string // the kept hits in order, after the pass
	facets map[string][]FacetCount
}

func newCollector(k int) *collector {
	order := search.ParseSortOrderStrings(hitOrder)
	c := &collector{k: k, order: order, score: order.CacheIsScore(), desc: order.CacheDescending()}
	c.kept.c = c
	return c
}

// ctx is ctx with the collector as bleve's handler of every match.
func (c *collector) ctx(ctx context.Context) context.Context {
	return context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(c.handler))
}

// handler is called by bleve once per search, with its snapshot of the index.
func (c *collector) handler(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
	c.reader = sctx.IndexReader
	c.dvrs = make([]index.DocValueReader, len(c.order))
	for x, so := range c.order {
		if f, ok := so.(*search.SortField); ok {
			dvr, err := c.reader.DocValueReader([]string{f.Field})
			if err != nil {
				return nil, false, err
			}
			c.dvrs[x] = dvr
		}
	}
	if snap, ok := c.reader.(*scorch.IndexSnapshot); ok {
		c.segs = snap.Segments()
		var off uint64
		for _, s := range c.segs {
			c.offsets = append(c.offsets, off)
			off += s.Count()
			c.matches = append(c.matches, roaring.New())
		}
	}
	c.scratch = &search.DocumentMatch{}
	return func(d *search.DocumentMatch) error {
		if d == nil {
			return c.finish()
		}
		err := c.add(d)
		sctx.DocumentMatchPool.Put(d)
		return err
	}, false, nil
}

// add takes one match; d goes back to bleve's pool after it.
func (c *collector) add(d *search.DocumentMatch) error {
	c.total++
	c.file(d.IndexInternalID.Value())
	full := len(c.kept.hits) == c.k
	if full && d.Score < c.kept.hits[0].Score {
		return nil // below the worst kept: its ties do not matter
	}
	m := c.scratch
	m.Score, m.HitNumber = d.Score, d.HitNumber
	m.IndexInternalID = append(m.IndexInternalID[:0], d.IndexInternalID...)
	m.Sort = append(m.Sort[:0], make([]string, len(c.order))...)
	if !full {
		if err := c.keys(m, 0); err != nil {
			return err
		}
		heap.Push(&c.kept, m)
		c.scratch = &search.DocumentMatch{}
		return nil
	}
	// Against the worst kept, one tie-break field at a time: most ties are
	// decided by the year or the report, without reading the rest.
	worst := c.kept.hits[0]
	from := 0
	if m.Score == worst.Score {
		for from = 1; from < len(c.order); from++ {
			if err := c.key(m, from); err != nil {
				return err
			}
			cmp := strings.Compare(m.Sort[from], worst.Sort[from])
			if c.desc[from] {
				cmp = -cmp
			}
			if cmp > 0 {
				return nil
			}
			if cmp < 0 {
				break
			}
		}
		if from == len(c.order) {
			return nil // equal: the later match sorts after
		}
		from++
	}
	if err := c.keys(m, from); err != nil {
		return err
	}
	c.scratch = worst
	c.kept.hits[0] = m
	heap.Fix(&c.kept, 0)
	return nil
}

// keys reads the sort values of m from order[from] on.
func (c *collector) keys(m *search.DocumentMatch, from int) error {
	for x := from; x < len(c.order); x++ {
		if err := c.key(m, x); err != nil {
			return err
		}
	}
	return nil
}

// key reads the sort value of m for order[x] (bleve's own, as its
// collector computes it).
func (c *collector) key(m *search.DocumentMatch, x int) error {
	so := c.order[x]
	if c.dvrs[x] != nil {
		if err := c.dvrs[x].VisitDocValues(m.IndexInternalID, so.UpdateVisitor); err != nil {
			return err
		}
	}
	m.Sort[x] = so.Value(m)
	return nil
}

func (c *collector) compare(a, b *search.DocumentMatch) int {
	return c.order.Compare(c.score, c.desc, a, b)
}

// file records the global document number n among the matches.
func (c *collector) file(n uint64) {
	if c.segs == nil {
		c.others = append(c.others, n)
		return
	}
	if c.cur >= len(c.offsets) || n < c.offsets[c.cur] {
		c.cur = 0 // matches come in document order; this is only a safeguard
	}
	for c.cur+1 < len(c.offsets) && n >= c.offsets[c.cur+1] {
		c.cur++
	}
	local := n - c.offsets[c.cur]
	if local > math.MaxUint32 {
		c.others = append(c.others, n)
		return
	}
	c.matches[c.cur].Add(uint32(local))
}

// finish orders the kept hits, reads their ids and counts the facets, while
// the snapshot is still open.
func (c *collector) finish() error {
	hits := slices.Clone(c.kept.hits)
	slices.SortFunc(hits, c.compare)
	for _, h := range hits {
		id, err := c.reader.ExternalID(h.IndexInternalID)
		if err != nil {
			return err
		}
		c.ids = append(c.ids, id)
	}
	c.facets = map[string][]FacetCount{}
	for _, f := range facetFields {
		counts, err := c.count(f.field)
		if err != nil {
			return fmt.Errorf("facet %s: %w", f.name, err)
		}
		c.facets[f.name] = topCounts(counts, f.size)
	}
	return nil
}

// count counts the matching documents by the values of field, segment by
// segment: from the segment's postings of every value against its matches,
// or from the doc values of its matches, whichever is cheaper by a rough
// measure of both (a few values and many matches: the postings).
func (c *collector) count(field string) (map[string]int, error) {
	counts := map[string]int{}
	if c.segs == nil || len(c.others) > 0 {
		all := make([]int, len(c.segs))
		for i := range all {
			all[i] = i
		}
		return counts, c.countDocValues(field, counts, all)
	}
	var dvSegs []int
	for i, s := range c.segs {
		m := c.matches[i]
		if m.IsEmpty() {
			continue
		}
		d, err := s.Segment().Dictionary(field)
		if err != nil {
			return nil, err
		}
		if uint64(d.Cardinality())*postingsCost > m.GetCardinality() {
			dvSegs = append(dvSegs, i)
			continue
		}
		if err := countPostings(d, m, counts); err != nil {
			return nil, err
		}
	}
	return counts, c.countDocValues(field, counts, dvSegs)
}

// postingsCost is how many matches' doc values cost about as much as one
// value's postings looked up and intersected in a segment.
var postingsCost uint64 = 1 // a variable for the tests, which try both ways

// countPostings counts, for every value of the segment's dictionary d, its
// postings within the segment's matches m.
func countPostings(d segment.TermDictionary, m *roaring.Bitmap, counts map[string]int) error {
	terms := d.AutomatonIterator(nil, nil, nil)
	var pl segment.PostingsList
	var it segment.PostingsIterator
	for {
		e, err := terms.Next()
		if err != nil || e == nil {
			return err
		}
		if pl, err = d.PostingsList([]byte(e.Term), nil, pl); err != nil {
			return err
		}
		it = pl.Iterator(false, false, false, it)
		n, err := intersection(it, m)
		if err != nil {
			return err
		}
		if n > 0 {
			counts[e.Term] += n
		}
	}
}

// intersection is how many documents of the postings it are in m: from the
// postings' bitmap when the segment exposes it, else one by one.
func intersection(it segment.PostingsIterator, m *roaring.Bitmap) (int, error) {
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if bm := o.ActualBitmap(); bm != nil {
			return int(bm.AndCardinality(m)), nil
		}
		if n, ok := o.DocNum1Hit(); ok {
			if n <= math.MaxUint32 && m.Contains(uint32(n)) {
				return 1, nil
			}
			return 0, nil
		}
	}
	count := 0
	for {
		p, err := it.Next()
		if err != nil || p == nil {
			return count, err
		}
		if n := p.Number(); n <= math.MaxUint32 && m.Contains(uint32(n)) {
			count++
		}
	}
}

// countDocValues counts the values of field of the matches in the segments
// segs and of those not filed by segment, reading their doc values, as
// bleve's terms facet does.
func (c *collector) countDocValues(field string, counts map[string]int, segs []int) error {
	if len(segs) == 0 && len(c.others) == 0 {
		return nil
	}
	dvr, err := c.reader.DocValueReader([]string{field})
	if err != nil {
		return err
	}
	id := index.NewIndexInternalID(nil, 0)
	visit := func(_ string, term []byte) { counts[string(term)]++ }
	one := func(n uint64) error {
		id.SetValue(n)
		return dvr.VisitDocValues(id, visit)
	}
	for _, i := range segs {
		it := c.matches[i].Iterator()
		for it.HasNext() {
			if err := one(c.offsets[i] + uint64(it.Next())); err != nil {
				return err
			}
		}
	}
	for _, n := range c.others {
		if err := one(n); err != nil {
			return err
		}
	}
	return nil
}

// topCounts is the size values counted most, most first, then by value (the
// order and the cut of bleve's terms facet).
func topCounts(counts map[string]int, size int) []FacetCount {
	out := make([]FacetCount, 0, len(counts))
	for v, n := range counts {
		out = append(out, FacetCount{Value: v, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out[:min(len(out), size)]
}

// keptHeap holds the kept hits, the one that sorts last at the top.
type keptHeap struct {
	c    *collector
	hits []*search.DocumentMatch
}

func (h *keptHeap) Len() int           { return len(h.hits) }
func (h *keptHeap) Less(i, j int) bool { return h.c.compare(h.hits[i], h.hits[j]) > 0 }
func (h *keptHeap) Swap(i, j int)      { h.hits[i], h.hits[j] = h.hits[j], h.hits[i] }
func (h *keptHeap) Push(x any)         { h.hits = append(h.hits, x.(*search.DocumentMatch)) }
func (h *keptHeap) Pop() any {
	x := h.hits[len(h.hits)-1]
	h.hits = h.hits[:len(h.hits)-1]
	return x
}
