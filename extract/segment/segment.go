// Package segment owns the one gojieba instance of the process: its
// dictionaries are embedded in the binary, and built once into a dictionary
// image in the user cache directory that every later process maps instead of
// parsing, so a moved binary still segments and a process starts in
// milliseconds.
package segment

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"
)

// Token is one word of a text with its byte span in that text.
type Token struct {
	Text       string
	Start, End int
}

// Segmenter cuts Chinese text into words. It is safe for concurrent use.
type Segmenter struct {
	jieba *gojieba.Jieba
	stop  map[string]bool
}

var (
	once     sync.Once
	instance *Segmenter
	loadErr  error
	// keep holds the instance for the life of the process: gojieba's finalizer
	// frees the C object and can crash a call still in flight.
	keep []*gojieba.Jieba
)

// Default returns the process-wide segmenter, mapping the dictionary image
// on first call (milliseconds; about a second the first time on a machine,
// when the image is built).
func Default() (*Segmenter, error) {
	once.Do(func() {
		stop, err := stopWords()
		if err != nil {
			loadErr = err
			return
		}
		j, err := loadJieba(cacheBase())
		if err != nil {
			loadErr = err
			return
		}
		keep = append(keep, j)
		instance = &Segmenter{jieba: j, stop: stop}
	})
	return instance, loadErr
}

// MustDefault is Default for callers that cannot go on without words.
func MustDefault() *Segmenter {
	s, err := Default()
	if err != nil {
		panic(err)
	}
	return s
}

// Cut splits text in precise mode: each character belongs to one token.
func (s *Segmenter) Cut(text string) []Token {
	return s.tokenize(text, gojieba.DefaultMode)
}

// CutForSearch splits text in search mode: long words come with their
// dictionary sub-words (驻村工作队 also gives 驻村, 工作, 工作队).
func (s *Segmenter) CutForSearch(text string) []Token {
	return s.tokenize(text, gojieba.SearchMode)
}

func (s *Segmenter) tokenize(text string, mode gojieba.TokenizeMode) []Token {
	if text == "" {
		return nil
	}
	clean := sanitize(text)
	words := s.jieba.Tokenize(clean, mode, true)
	out := make([]Token, 0, len(words))
	for _, w := range words {
		if w.Start < 0 || w.End > len(text) || w.Start >= w.End {
			continue
		}
		out = append(out, Token{Text: text[w.Start:w.End], Start: w.Start, End: w.End})
	}
	return out
}

// Words gives the content words of text in precise mode: no punctuation,
// spaces or stop words. It is what names are compared on.
func (s *Segmenter) Words(text string) []string {
	var out []string
	for _, t := range s.Cut(text) {
		if s.IsContent(t.Text) {
			out = append(out, t.Text)
		}
	}
	return out
}

// SearchWords gives the content words of text in search mode: long words
// with their dictionary sub-words, so 村级组织办公经费 and 村级组织办公专项经费
// share 村级组织 and 办公.
func (s *Segmenter) SearchWords(text string) []string {
	var out []string
	for _, t := range s.CutForSearch(text) {
		if s.IsContent(t.Text) {
			out = append(out, t.Text)
		}
	}
	return out
}

// IsContent reports whether a token carries meaning: it has a letter or
// digit and is not a stop word.
func (s *Segmenter) IsContent(w string) bool {
	if s.stop[w] {
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// Keywords gives up to n words of text by TF-IDF weight, content words only.
func (s *Segmenter) Keywords(text string, n int) []string {
	if text == "" || n <= 0 {
		return nil
	}
	var out []string
	for _, w := range s.jieba.ExtractWithWeight(sanitize(text), n*2) {
		if s.IsContent(w.Word) && utf8.RuneCountInString(w.Word) > 1 {
			out = append(out, w.Word)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// sanitize keeps byte offsets but makes the text safe for the C side:
// invalid UTF-8 bytes and NULs become spaces (gojieba gives no tokens at all
// for invalid UTF-8, and a NUL would end the C string).
func sanitize(text string) string {
	if utf8.ValidString(text) && strings.IndexByte(text, 0) < 0 {
		return text
	}
	b := []byte(text)
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w == 1 || r == 0 {
			b[i] = ' '
		}
		i += w
	}
	return string(b)
}
