// Package docx reads the body text of a Word (OOXML) document in reading
// order: paragraphs become lines, with the labels of Word's automatic
// numbering rendered ("7.", "（二十一）", "3、"); table rows become
// "| cell | cell |" lines; text boxes follow the paragraph they are anchored
// in. Headers, footers, footnotes, comments, deleted text and tables of
// contents are not body text and are left out. Every read is bounded
// (see the Max constants) so hostile files end in an error.
package docx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/ingest/html"
)

// Extract returns the text of a DOCX file, warnings a reader should know of
// (missing numbering definitions, skipped content), or an error that says
// why the bytes cannot be read (ErrNotDOCX, ErrEncrypted, a LimitError, …).
func Extract(data []byte) (string, []string, error) {
	p, err := openPackage(data)
	if err != nil {
		return "", nil, err
	}
	main, err := p.mainPart()
	if err != nil {
		return "", nil, err
	}
	w := &walker{pkg: p}
	rels, err := p.rels(main)
	if err != nil {
		if errors.Is(err, ErrLimit) {
			return "", nil, err
		}
		w.warn("文档关系表无法读取，编号与样式缺失 (" + err.Error() + ")")
	}
	w.rels = rels
	if r, ok := findRel(rels, relStyles); ok && p.has(r.Target) {
		w.styles, err = readPart(p, r.Target, func(rd io.Reader) (*styles, error) { return parseStyles(rd, r.Target) })
		if err != nil {
			if errors.Is(err, ErrLimit) {
				return "", nil, err
			}
			w.warn("样式表无法解析，按样式的自动编号缺失 (" + err.Error() + ")")
		}
	}
	if r, ok := findRel(rels, relNumbering); ok && p.has(r.Target) {
		w.num, err = readPart(p, r.Target, func(rd io.Reader) (*numbering, error) { return parseNumbering(rd, r.Target, w.styles) })
		if err != nil {
			if errors.Is(err, ErrLimit) {
				return "", nil, err
			}
			w.warn("编号定义无法解析，自动编号缺失 (" + err.Error() + ")")
		}
	}
	text, err := w.document(main)
	if err != nil {
		return "", nil, err
	}
	warnings := make([]string, 0, len(w.warnings))
	for s := range w.warnings {
		warnings = append(warnings, s)
	}
	sort.Strings(warnings)
	return text, warnings, nil
}

func readPart[T any](p *pkg, name string, parse func(io.Reader) (*T, error)) (*T, error) {
	rc, err := p.open(name, MaxOtherXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	v, err := parse(rc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// document reads the main part and renders its body.
func (w *walker) document(main string) (string, error) {
	rc, err := w.pkg.open(main, maxDocumentXML)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	w.t = newTokenLimiter(rc, main)
	var out output
	root := true
	for {
		tok, err := w.t.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%s 无法解析 (bad XML): %w", main, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root {
			root = false
			if !isW(se.Name) || se.Name.Local != "document" {
				return "", notDOCX(fmt.Sprintf("%s 的根元素是 %s，不是 w:document", main, se.Name.Local))
			}
			continue
		}
		if !isW(se.Name) || se.Name.Local != "body" {
			if err := w.t.skip(); err != nil {
				return "", fmt.Errorf("%s 无法解析 (bad XML): %w", main, err)
			}
			continue
		}
		err = w.blocks(func(b block) error {
			out.block(b)
			if out.len() > MaxTextBytes {
				return &LimitError{What: "提取的文字字节数", Limit: MaxTextBytes}
			}
			return nil
		})
		if err != nil {
			if errors.Is(err, ErrLimit) {
				return "", err
			}
			return "", fmt.Errorf("%s 无法解析 (bad XML): %w", main, err)
		}
	}
	if root {
		return "", notDOCX(main + " 是空的 (empty document part)")
	}
	return out.String(), nil
}

// altChunk reads a chunk of imported content (HTML or plain text that some
// systems embed instead of Word markup) as paragraphs.
func (w *walker) altChunk(el xml.StartElement, emit func(block) error) error {
	if err := w.t.skip(); err != nil {
		return err
	}
	id, _ := attr(el, "id")
	var target string
	for _, r := range w.rels {
		if r.ID == id && strings.HasSuffix(r.Type, relAFChunk) && !r.External {
			target = r.Target
		}
	}
	if target == "" || !w.pkg.has(target) {
		w.warn("嵌入的外部内容 (altChunk) 缺失")
		return nil
	}
	data, err := w.pkg.read(target, MaxOtherXML)
	if err != nil {
		if errors.Is(err, ErrLimit) {
			return err
		}
		w.warn("嵌入的外部内容 (altChunk) 无法读取: " + err.Error())
		return nil
	}
	var text string
	switch ext := strings.ToLower(target[strings.LastIndexByte(target, '.')+1:]); {
	case ext == "txt":
		text = string(data)
	case ext == "htm" || ext == "html" || ext == "xhtml":
		t, warns, err := html.Extract(data)
		if err != nil {
			w.warn("嵌入的 HTML (altChunk) 无法读取: " + err.Error())
			return nil
		}
		for _, s := range warns {
			w.warn(s)
		}
		text = t
	default:
		w.warn("嵌入的外部内容 (altChunk " + ext + ") 未读取")
		return nil
	}
	for _, para := range strings.Split(text, "\n\n") {
		if err := emit(&paragraph{text: para}); err != nil {
			return err
		}
	}
	return nil
}
