package index

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/shopspring/decimal"
)

// Query is a search: words, filters and a page of results.
type Query struct {
	// Text holds the words to find. Every space-separated term must match
	// (AND): as jieba words found in the item's name, purpose, evaluation or
	// the report's text, or, for a term that is not one short word, as an
	// exact substring. Empty Text matches every document the filters let through.
	Text string

	Year      int    // 0: any year
	Unit      string // part of the unit name, or the whole name when UnitExact; "": any
	UnitExact bool
	MinBudget *decimal.Decimal // budget ≥ MinBudget (万元); nil: no bound
	MaxBudget *decimal.Decimal // budget ≤ MaxBudget (万元); nil: no bound
	Rule      string           // only documents with a finding of this rule
	DocType   string           // only documents of this extract.DocType code; "": any

	Size int // hits per page; 0 means 10
	From int // hits to skip

	Marks         Marks // how fragments mark what matched
	FragmentRunes int   // length of a fragment in characters; 0 means FragmentRunes
}

// Marks selects how fragments show the matched words.
type Marks int

const (
	// HTML escapes the text and marks words as <mark>驻村工作队</mark>.
	HTML Marks = iota
	// Brackets leaves the text as is and marks words as 【驻村工作队】, for a terminal.
	Brackets
)

// exactBoost weighs a term found only as an exact substring (bigrams) below
// the same term found as jieba words, so that word matches come first.
const exactBoost = 0.5

// bleveQuery builds the engine query: the AND of the terms and the filters.
func (ix *Index) bleveQuery(q Query) (query.Query, error) {
	var must []query.Query
	for _, term := range strings.Fields(q.Text) {
		if tq := ix.termQuery(term); tq != nil {
			must = append(must, tq)
		}
	}
	if strings.TrimSpace(q.Text) != "" && len(must) == 0 {
		// Only punctuation: nothing can match.
		return bleve.NewMatchNoneQuery(), nil
	}
	if len(must) == 0 {
		// Filters score nothing; something must, or the engine's query
		// norm divides by zero.
		must = append(must, bleve.NewMatchAllQuery())
	}
	if q.Year != 0 {
		must = append(must, filterTerm(fieldYearKW, strconv.Itoa(q.Year)))
	}
	if q.Unit != "" {
		must = append(must, unitFilter(q.Unit, q.UnitExact))
	}
	if q.Rule != "" {
		must = append(must, filterTerm(fieldRule, q.Rule))
	}
	if q.DocType != "" {
		must = append(must, filterTerm(fieldDocType, q.DocType))
	}
	if q.MinBudget != nil || q.MaxBudget != nil {
		if q.MinBudget != nil && q.MaxBudget != nil && q.MinBudget.GreaterThan(*q.MaxBudget) {
			return nil, fmt.Errorf("预算下限 %s 大于上限 %s (min-budget > max-budget)", q.MinBudget, q.MaxBudget)
		}
		var lo, hi *float64
		if q.MinBudget != nil {
			f := q.MinBudget.InexactFloat64()
			lo = &f
		}
		if q.MaxBudget != nil {
			f := q.MaxBudget.InexactFloat64()
			hi = &f
		}
		inclusive := true
		r := bleve.NewNumericRangeInclusiveQuery(lo, hi, &inclusive, &inclusive)
		r.SetField(fieldBudget)
		r.SetBoost(0)
		must = append(must, r)
	}
	if len(must) == 1 {
		return must[0], nil
	}
	return bleve.NewConjunctionQuery(must...), nil
}

// termQuery is what one space-separated term of the query must match, or
// nil when the term has no words (punctuation only).
//
// With jieba: every word of the term (cut in precise mode) must occur in one
// of the text fields — the fields are indexed in search mode, so 驻村 finds
// 驻村工作队. A term that is not a single word of at most two characters may
// also match as an exact substring on the bigram field: that serves what
// jieba cuts differently in the text (地力保护 inside 耕地地力保护). Short single
// words are left to jieba alone: a two-character substring straddling two
// words (村民 in 乡村民宿, 工资 in 加工资金) is the usual false hit of bigrams,
// and precisely what jieba avoids.
//
// With cjk bigrams (benchmark reference): the term must occur as a phrase of
// bigrams, i.e. as an exact substring, in one of the text fields.
func (ix *Index) termQuery(term string) query.Query {
	words := ix.query(term)
	if len(words) == 0 {
		return nil
	}
	if !ix.an.exactField {
		var any []query.Query
		for _, f := range textFields {
			p := bleve.NewMatchPhraseQuery(term)
			p.SetField(f.name)
			p.Analyzer = ix.an.query
			p.SetBoost(f.boost)
			any = append(any, p)
		}
		return bleve.NewDisjunctionQuery(any...)
	}
	var all []query.Query
	for _, w := range words {
		var any []query.Query
		for _, f := range textFields {
			t := bleve.NewTermQuery(w)
			t.SetField(f.name)
			t.SetBoost(f.boost)
			any = append(any, t)
		}
		all = append(all, bleve.NewDisjunctionQuery(any...))
	}
	var byWords query.Query = bleve.NewConjunctionQuery(all...)
	if len(all) == 1 {
		byWords = all[0]
	}
	if len(words) == 1 && utf8.RuneCountInString(words[0]) <= 2 {
		return byWords
	}
	exact := bleve.NewMatchPhraseQuery(term)
	exact.SetField(fieldExact)
	exact.Analyzer = cjk.AnalyzerName
	exact.SetBoost(exactBoost)
	return bleve.NewDisjunctionQuery(byWords, exact)
}

// filterTerm is an exact keyword filter that adds nothing to the score.
func filterTerm(field, value string) query.Query {
	t := bleve.NewTermQuery(value)
	t.SetField(field)
	t.SetBoost(0)
	return t
}

// unitFilter matches the whole unit name, or any unit name holding name.
func unitFilter(name string, exact bool) query.Query {
	if exact {
		return filterTerm(fieldUnitKW, name)
	}
	w := bleve.NewWildcardQuery("*" + wildcardEscape.Replace(name) + "*")
	w.SetField(fieldUnitKW)
	w.SetBoost(0) // a filter: it scores nothing
	return w
}

// wildcardEscape quotes what a wildcard query treats specially.
var wildcardEscape = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`)
