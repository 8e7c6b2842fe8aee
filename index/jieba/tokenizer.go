// Package jieba registers a Chinese word tokenizer and its analyzers in
// bleve's registry, backed by the process-wide gojieba instance of
// extract/segment. Importing the package is enough: every binary that opens
// a jixiao index imports it through package index.
package jieba

import (
	"slices"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/jixiao/jixiao/extract/segment"
	"github.com/jixiao/jixiao/ingest/fold"
)

// Tokenizer names in bleve's registry.
const (
	// SearchTokenizerName cuts in search mode: each word with its dictionary
	// sub-words, the sub-words at the word's position and byte span, so a
	// query for 驻村 matches 驻村工作队 and highlights the whole word.
	SearchTokenizerName = "jieba_search"
	// CutTokenizerName cuts in precise mode: each character in one token.
	CutTokenizerName = "jieba_cut"
)

// Mode selects how text is cut.
type Mode int

const (
	Cut    Mode = iota // precise mode, for queries
	Search             // search mode, for indexing
)

// Tokenizer is a bleve tokenizer over gojieba. It drops punctuation and
// space tokens. The dictionaries load on first use, not at registration.
type Tokenizer struct {
	mode Mode
}

// NewTokenizer returns a tokenizer cutting in the given mode.
func NewTokenizer(mode Mode) *Tokenizer { return &Tokenizer{mode: mode} }

// Tokenize cuts input into tokens with 1-based positions counted in words.
// If the segmenter cannot load, it returns no tokens (index.Open loads it
// first and reports the error).
func (t *Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	seg, err := segment.Default()
	if err != nil || len(input) == 0 {
		return nil
	}
	// The text is folded as ingest folds documents (fold.Offsets), so that
	// ２０２３ is one number and 預算 meets 预算; spans map back to input.
	text, orig := fold.Offsets(string(input))
	var out analysis.TokenStream
	if t.mode == Cut {
		words := seg.Cut(text)
		out = make(analysis.TokenStream, 0, len(words))
		for _, w := range words {
			if hasLetterOrDigit(w.Text) {
				out = append(out, newToken(w.Text, w.Start, w.End, len(out)+1))
			}
		}
	} else {
		out = searchTokens(seg.CutForSearch(text))
	}
	if orig != nil {
		for _, tk := range out {
			tk.Start, tk.End = orig[tk.Start], orig[tk.End]
		}
	}
	return out
}

// searchTokens orders search-mode tokens word by word. Full words (tokens
// inside no other token) partition the text and get consecutive positions;
// each sub-word follows its full word with the same position and span.
// The tokens and their terms are allocated together (one array of tokens,
// one of bytes, each term its own bytes), not one by one: the index cuts
// every field of every report with it.
func searchTokens(toks []segment.Token) analysis.TokenStream {
	kept := make([]segment.Token, 0, len(toks))
	n := 0
	for _, tk := range toks {
		if hasLetterOrDigit(tk.Text) {
			kept = append(kept, tk)
			n += len(tk.Text)
		}
	}
	// Longest first among tokens starting at the same byte: the full word
	// comes before the sub-words it begins with.
	slices.SortStableFunc(kept, func(a, b segment.Token) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	a := newArena(len(kept), n)
	out := make(analysis.TokenStream, 0, len(kept))
	pos, wordStart, wordEnd, word := 0, -1, -1, 0
	for _, tk := range kept {
		if tk.Start >= wordEnd || tk.End > wordEnd {
			pos++
			wordStart, wordEnd, word = tk.Start, tk.End, len(out)
			out = append(out, a.token(tk.Text, tk.Start, tk.End, pos))
			continue
		}
		// A sub-word given twice for one word (工作 in 工作队工作) is kept once.
		if slices.ContainsFunc(out[word:], func(o *analysis.Token) bool { return string(o.Term) == tk.Text }) {
			continue
		}
		out = append(out, a.token(tk.Text, wordStart, wordEnd, pos))
	}
	return out
}

func newToken(term string, start, end, pos int) *analysis.Token {
	return &analysis.Token{
		Term:     []byte(term),
		Start:    start,
		End:      end,
		Position: pos,
		Type:     tokenType(term),
	}
}

// arena hands out tokens and term bytes from two arrays made at once.
type arena struct {
	tokens []analysis.Token
	bytes  []byte
}

func newArena(tokens, bytes int) *arena {
	return &arena{tokens: make([]analysis.Token, 0, tokens), bytes: make([]byte, 0, bytes)}
}

// token is newToken from the arena; the term has bytes of its own (its
// capacity ends with it), so a filter changing it in place changes no other.
func (a *arena) token(term string, start, end, pos int) *analysis.Token {
	at := len(a.bytes)
	a.bytes = append(a.bytes, term...)
	a.tokens = append(a.tokens, analysis.Token{
		Term:     a.bytes[at:len(a.bytes):len(a.bytes)],
		Start:    start,
		End:      end,
		Position: pos,
		Type:     tokenType(term),
	})
	return &a.tokens[len(a.tokens)-1]
}

// tokenType tells ideographic words from Latin letters and digits.
func tokenType(term string) analysis.TokenType {
	digits := true
	for _, r := range term {
		if unicode.Is(unicode.Han, r) {
			return analysis.Ideographic
		}
		if !unicode.IsDigit(r) {
			digits = false
		}
	}
	if digits {
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

// hasLetterOrDigit is false for punctuation and space tokens.
func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// SearchTokenizerConstructor builds the search-mode tokenizer for the registry.
func SearchTokenizerConstructor(config map[string]any, cache *registry.Cache) (analysis.Tokenizer, error) {
	return NewTokenizer(Search), nil
}

// CutTokenizerConstructor builds the precise-mode tokenizer for the registry.
func CutTokenizerConstructor(config map[string]any, cache *registry.Cache) (analysis.Tokenizer, error) {
	return NewTokenizer(Cut), nil
}

func init() {
	if err := registry.RegisterTokenizer(SearchTokenizerName, SearchTokenizerConstructor); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenizer(CutTokenizerName, CutTokenizerConstructor); err != nil {
		panic(err)
	}
}
