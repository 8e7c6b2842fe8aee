package jieba

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

// Analyzer names in bleve's registry.
const (
	// IndexAnalyzerName analyzes field text at indexing time: search mode.
	IndexAnalyzerName = "jieba_index"
	// QueryAnalyzerName analyzes query text: precise mode, so a query word
	// is looked up whole (驻村工作队, not 驻村 + 工作 + 工作队).
	QueryAnalyzerName = "jieba_query"
)

// analyzer builds tokenizer + width folding (full-width Latin and digits to
// half-width) + lower case, as bleve's cjk analyzer does.
func analyzer(tokenizerName string, cache *registry.Cache) (analysis.Analyzer, error) {
	tokenizer, err := cache.TokenizerNamed(tokenizerName)
	if err != nil {
		return nil, err
	}
	width, err := cache.TokenFilterNamed(cjk.WidthName)
	if err != nil {
		return nil, err
	}
	lower, err := cache.TokenFilterNamed(lowercase.Name)
	if err != nil {
		return nil, err
	}
	return &analysis.DefaultAnalyzer{
		Tokenizer:    tokenizer,
		TokenFilters: []analysis.TokenFilter{width, lower},
	}, nil
}

// IndexAnalyzerConstructor builds the indexing analyzer for the registry.
func IndexAnalyzerConstructor(config map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
	return analyzer(SearchTokenizerName, cache)
}

// QueryAnalyzerConstructor builds the query analyzer for the registry.
func QueryAnalyzerConstructor(config map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
	return analyzer(CutTokenizerName, cache)
}

func init() {
	if err := registry.RegisterAnalyzer(IndexAnalyzerName, IndexAnalyzerConstructor); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(QueryAnalyzerName, QueryAnalyzerConstructor); err != nil {
		panic(err)
	}
}
