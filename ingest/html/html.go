// Package html reads the article body of a web page — typically a county
// government portal page that publishes a report: the page is decoded (BOM,
// declared charset, GBK/GB18030 read right), navigation, scripts, forms and
// other boilerplate are dropped, the article container is found, and its
// blocks become lines and its tables "| cell | cell |" rows. List items of
// ordered lists get the number a browser shows. Everything is bounded.
package html

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// Bounds on one page.
const (
	MaxHTMLBytes = 16 << 20 // bytes of the page
	MaxTags      = 200_000  // start tags of the page (a long Word-exported report has ~50k)
	MaxDepth     = 256      // element nesting walked; deeper content is dropped with a warning
	MaxTextBytes = 32 << 20 // bytes of extracted text
)

// ErrLimit is wrapped by errors that report an exceeded bound.
var ErrLimit = errors.New("超出限制 (limit exceeded)")

// Extract returns the text of a page's article body, warnings a reader
// should know of (charset mismatch, no article found, deep nesting dropped),
// or an error saying why the page cannot be read.
func Extract(data []byte) (string, []string, error) {
	if len(data) > MaxHTMLBytes {
		return "", nil, fmt.Errorf("%w: 页面 %d 字节，上限 %d", ErrLimit, len(data), MaxHTMLBytes)
	}
	if err := countTags(data); err != nil {
		return "", nil, err
	}
	text, _, warnings := decode(data)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// The parser refuses more than 512 open elements.
		return "", warnings, fmt.Errorf("%w: HTML 无法解析（嵌套过深？）: %v", ErrLimit, err)
	}
	p := newPage(doc)
	if p.deep {
		warnings = append(warnings, fmt.Sprintf("页面嵌套超过 %d 层，更深的内容已忽略 (nesting too deep)", MaxDepth))
	}
	out, w, err := p.article()
	warnings = append(warnings, w...)
	if err != nil {
		return "", warnings, err
	}
	return out, warnings, nil
}

// countTags refuses pages with absurd numbers of elements before the parser
// builds a tree of them.
func countTags(data []byte) error {
	z := html.NewTokenizer(bytes.NewReader(data))
	z.SetMaxBuf(MaxHTMLBytes)
	n := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			n++
			if n > MaxTags {
				return fmt.Errorf("%w: 元素超过 %d 个 (too many elements)", ErrLimit, MaxTags)
			}
		}
	}
}
