package docx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// Bounds on what one file may make us read, so that a zip bomb or a
// pathological XML part ends in an error instead of exhausting memory or time.
const (
	MaxDocumentXML = 64 << 20   // uncompressed bytes of the main document part
	MaxOtherXML    = 16 << 20   // uncompressed bytes of styles, numbering, rels, … each
	MaxTotalRead   = 128 << 20  // uncompressed bytes of all parts read together
	MaxEntries     = 10000      // entries in the zip directory
	MaxXMLDepth    = 512        // nesting of XML elements
	MaxXMLTokens   = 20_000_000 // XML tokens of one part
	MaxTextBytes   = 64 << 20   // bytes of extracted text
	maxRatio       = 200        // uncompressed ÷ compressed of one part over 1 MB (Word's XML compresses 5–20×)
)

// Variables of the limits that tests lower.
var (
	maxTokens      = MaxXMLTokens
	maxDocumentXML = int64(MaxDocumentXML)
)

// ErrLimit is wrapped by every error that reports an exceeded bound.
var ErrLimit = errors.New("超出限制 (limit exceeded)")

// LimitError names the bound a file exceeded.
type LimitError struct {
	What  string // e.g. "word/document.xml 解压后字节数"
	Limit int64
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s 超过上限 %d (limit exceeded: possible zip bomb or corrupt file)", e.What, e.Limit)
}

func (e *LimitError) Unwrap() error { return ErrLimit }

// budget is the number of uncompressed bytes still allowed for the whole file.
type budget struct{ left int64 }

// boundedReader counts the bytes actually produced by the decompressor and
// fails once a part exceeds its own limit or the file's shared budget; the
// sizes claimed by the zip headers are never trusted.
type boundedReader struct {
	r      io.Reader
	n, max int64
	name   string
	total  *budget
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.n >= b.max || b.total.left <= 0 {
		// Exactly at the limit: the part is fine only if nothing follows.
		var one [1]byte
		k, err := b.r.Read(one[:])
		if k > 0 {
			if b.n >= b.max {
				return 0, &LimitError{What: b.name + " 解压后字节数", Limit: b.max}
			}
			return 0, &LimitError{What: "全部部件解压后字节数", Limit: MaxTotalRead}
		}
		return 0, err
	}
	if room := min(b.max-b.n, b.total.left); int64(len(p)) > room {
		p = p[:room]
	}
	k, err := b.r.Read(p)
	b.n += int64(k)
	b.total.left -= int64(k)
	return k, err
}

// tokenLimiter is an xml.TokenReader that bounds nesting depth and the number
// of tokens of one part.
type tokenLimiter struct {
	d     *xml.Decoder
	name  string
	depth int
	n     int
}

func newTokenLimiter(r io.Reader, name string) *tokenLimiter {
	d := xml.NewDecoder(r)
	d.CharsetReader = charsetReader
	return &tokenLimiter{d: d, name: name}
}

func (t *tokenLimiter) Token() (xml.Token, error) {
	tok, err := t.d.Token()
	if err != nil {
		return nil, err
	}
	t.n++
	if t.n > maxTokens {
		return nil, &LimitError{What: t.name + " XML 标记数", Limit: int64(maxTokens)}
	}
	switch tok.(type) {
	case xml.StartElement:
		t.depth++
		if t.depth > MaxXMLDepth {
			return nil, &LimitError{What: t.name + " XML 嵌套深度", Limit: MaxXMLDepth}
		}
	case xml.EndElement:
		t.depth--
	}
	return tok, nil
}

// skip consumes tokens up to and including the end of the element whose
// start was just read.
func (t *tokenLimiter) skip() error {
	depth := 1
	for depth > 0 {
		tok, err := t.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}
