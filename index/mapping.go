package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/jixiao/jixiao/index/jieba"
)

// Field names of the index documents. One document per item and one per
// report; Type tells them apart.
const (
	fieldReport     = "report"     // report id (keyword)
	fieldType       = "type"       // "item" | "report" (keyword)
	fieldUnit       = "unit"       // unit, words (jieba)
	fieldUnitKW     = "unit_kw"    // unit, whole (keyword, facets and --unit)
	fieldYear       = "year"       // numeric, for sorting
	fieldYearKW     = "year_kw"    // year as text (keyword, facets and --year)
	fieldGenre      = "genre"      // keyword
	fieldDocType    = "doc_type"   // extract.DocType code (keyword, facets and --doc-type)
	fieldSeq        = "seq"        // item number (numeric)
	fieldName       = "name"       // item name; a report's project name or title
	fieldPurpose    = "purpose"    // what the money is for
	fieldEvaluation = "evaluation" // evaluation text, every dimension
	fieldTitle      = "title"      // report documents: the title
	fieldText       = "text"       // report documents: the rest of the report's text
	fieldBudget     = "budget"     // numeric (float, range filters only)
	fieldActual     = "actual"     // numeric (float, range filters only)
	fieldBudgetWan  = "budget_wan" // exact decimal string, stored only
	fieldActualWan  = "actual_wan" // exact decimal string, stored only
	fieldRule       = "rule"       // rules of the findings about the document (keyword)
	fieldExact      = "exact"      // bigrams of the text fields, for exact substrings
)

// textFields are the fields a query's words are looked up in, with their
// boosts: a word in the name counts most. Their order is also the order of
// the values of fieldExact and of the fragments of a hit.
var textFields = []struct {
	name  string
	boost float64
}{
	{fieldName, 3},
	{fieldPurpose, 1.5},
	{fieldEvaluation, 1},
	{fieldTitle, 2},
	{fieldText, 1},
	{fieldUnit, 1},
}

// sourceFields are the stored text fields that fieldExact copies, in order:
// value i of fieldExact is the text of sourceFields[i].
var sourceFields = []string{fieldName, fieldPurpose, fieldEvaluation, fieldTitle, fieldText}

// analyzers chooses how the text fields are cut. The product uses jieba;
// the benchmark builds the same index with bleve's cjk bigrams to compare.
type analyzers struct {
	index, query string
	exactField   bool // add the cjk bigram field for exact substrings
}

var (
	jiebaAnalyzers = analyzers{index: jieba.IndexAnalyzerName, query: jieba.QueryAnalyzerName, exactField: true}
	cjkAnalyzers   = analyzers{index: cjk.AnalyzerName, query: cjk.AnalyzerName}
)

// newMapping builds the document mapping. Amounts are indexed as numbers for
// range filters only; what a hit shows is the exact decimal string stored
// beside them. Facets use keyword copies: a terms facet on a numeric field
// returns its encoded bytes.
func newMapping(a analyzers) *mapping.IndexMappingImpl {
	keywordField := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		return f
	}
	numericField := func(store bool) *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		return f
	}
	// textField is a field cut into words; vectors keeps the words'
	// locations, which highlighting (the source fields) and phrases (the
	// bigram field) need, and which cost a seventh of indexing otherwise.
	textField := func(analyzer string, store, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = vectors
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldReport, keywordField(true))
	doc.AddFieldMappingsAt(fieldType, keywordField(false))
	// The unit is matched, never highlighted: no locations, but for the cjk
	// reference, whose queries are phrases.
	doc.AddFieldMappingsAt(fieldUnit, textField(a.index, false, !a.exactField))
	doc.AddFieldMappingsAt(fieldUnitKW, keywordField(true))
	doc.AddFieldMappingsAt(fieldYear, numericField(false))
	doc.AddFieldMappingsAt(fieldYearKW, keywordField(true))
	doc.AddFieldMappingsAt(fieldGenre, keywordField(false))
	doc.AddFieldMappingsAt(fieldDocType, keywordField(false))
	doc.AddFieldMappingsAt(fieldSeq, numericField(true))
	for _, f := range sourceFields {
		doc.AddFieldMappingsAt(f, textField(a.index, true, true))
	}
	doc.AddFieldMappingsAt(fieldBudget, numericField(false))
	doc.AddFieldMappingsAt(fieldActual, numericField(false))
	doc.AddFieldMappingsAt(fieldBudgetWan, storedOnly())
	doc.AddFieldMappingsAt(fieldActualWan, storedOnly())
	doc.AddFieldMappingsAt(fieldRule, keywordField(false))
	if a.exactField {
		doc.AddFieldMappingsAt(fieldExact, textField(cjk.AnalyzerName, false, true))
	}

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = keyword.Name
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	return m
}
