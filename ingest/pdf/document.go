package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"unicode"

	lpdf "github.com/ledongthuc/pdf"
)

// A document is an opened PDF: ledongthuc's object parser over the bytes,
// and our caches.
type document struct {
	data      []byte
	r         *lpdf.Reader
	fonts     map[string]*font // inline font dictionaries, by their text
	fontsByID map[int]*font    // font objects, by object number
}

// openDocument parses the cross-reference structure. ledongthuc panics on
// some malformed input: that becomes an error.
func openDocument(data []byte) (d *document, err error) {
	defer func() {
		if x := recover(); x != nil {
			notePanic(x)
			d, err = nil, fmt.Errorf("%w: %s", ErrDamaged, cleanDetail(fmt.Sprint(x)))
		}
	}()
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrDamaged, cleanDetail(err.Error()))
	}
	return &document{data: data, r: r, fonts: map[string]*font{}, fontsByID: map[int]*font{}}, nil
}

// font returns the font of a font dictionary, loaded once per font object.
// The key is the dictionary as written (its references included), so two
// different fonts never share an entry even when pages give them one name.
func (d *document) font(v lpdf.Value) *font {
	key := v.String()
	if f, ok := d.fonts[key]; ok {
		return f
	}
	f := d.loadFont(v)
	d.fonts[key] = f
	return f
}

// A pageRef is a page dictionary with the attributes it inherits.
type pageRef struct {
	v         lpdf.Value
	resources lpdf.Value
}

// Bounds of the page-tree walk: page trees can point back at themselves
// (c5) or claim two billion pages (c6); we never trust /Count.
const (
	maxPages     = 20000
	maxTreeNodes = 200000
	maxTreeDepth = 64
)

var errNoPages = errors.New("找不到页面 (no pages)")

// pages walks the page tree depth-first in Kids order, with a visited set
// and limits.
func (d *document) pages() (pages []pageRef, warnings []string, err error) {
	defer func() {
		if x := recover(); x != nil {
			notePanic(x)
			err = fmt.Errorf("%w: 页面树 (page tree): %s", ErrDamaged, cleanDetail(fmt.Sprint(x)))
		}
	}()
	type item struct {
		v     lpdf.Value
		res   lpdf.Value
		depth int
	}
	root := d.r.Trailer().Key("Root").Key("Pages")
	stack := []item{{v: root}}
	visited := map[string]bool{}
	nodes := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nodes++
		if nodes > maxTreeNodes {
			warnings = append(warnings, "页面树过大，只读了一部分 (page tree too large)")
			break
		}
		v := it.v
		if v.Kind() != lpdf.Dict {
			continue
		}
		res := it.res
		if r := v.Key("Resources"); r.Kind() == lpdf.Dict {
			res = r
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() != "Page" && kids.Kind() == lpdf.Array {
			key := v.String()
			if visited[key] {
				warnings = append(warnings, "页面树有循环 (page tree cycle)")
				continue
			}
			visited[key] = true
			if it.depth >= maxTreeDepth {
				warnings = append(warnings, "页面树过深 (page tree too deep)")
				continue
			}
			for i := kids.Len() - 1; i >= 0; i-- {
				stack = append(stack, item{v: kids.Index(i), res: res, depth: it.depth + 1})
			}
			continue
		}
		if v.Key("Type").Name() == "Page" || !v.Key("Contents").IsNull() {
			if len(pages) >= maxPages {
				warnings = append(warnings, fmt.Sprintf("页数超过 %d，其余未读 (too many pages)", maxPages))
				break
			}
			pages = append(pages, pageRef{v: v, resources: res})
		}
	}
	if len(pages) == 0 {
		// A rebuilt cross-reference table lists the page objects it found.
		found := d.r.Trailer().Key(rebuiltPagesKey)
		for i := 0; i < found.Len() && len(pages) < maxPages; i++ {
			p := found.Index(i)
			if p.Kind() == lpdf.Dict {
				pages = append(pages, pageRef{v: p, resources: inheritedResources(p)})
			}
		}
	}
	if len(pages) == 0 {
		if len(warnings) > 0 {
			return nil, warnings, fmt.Errorf("%w: %w; %s", ErrDamaged, errNoPages, strings.Join(warnings, "; "))
		}
		return nil, warnings, fmt.Errorf("%w: %w", ErrDamaged, errNoPages)
	}
	return pages, warnings, nil
}

// inheritedResources finds the resources of a page found outside the tree.
func inheritedResources(p lpdf.Value) lpdf.Value {
	v := p
	for i := 0; i < maxTreeDepth && v.Kind() == lpdf.Dict; i++ {
		if r := v.Key("Resources"); r.Kind() == lpdf.Dict {
			return r
		}
		v = v.Key("Parent")
	}
	return lpdf.Value{}
}

// pageContent runs the content streams of one page. A panic of the parser
// on this page is caught: the page gives what it had and a warning.
func (d *document) pageContent(p pageRef) (glyphs []glyph, images int, warnings []string) {
	in := newInterp(d, identity)
	defer func() {
		if x := recover(); x != nil {
			notePanic(x)
			warnings = append(in.errs, "页面无法完整读取 (page damaged): "+cleanDetail(fmt.Sprint(x)))
			glyphs, images = in.glyphs, in.images
		}
	}()
	contents := p.v.Key("Contents")
	var streams []lpdf.Value
	switch contents.Kind() {
	case lpdf.Stream:
		streams = append(streams, contents)
	case lpdf.Array:
		for i := 0; i < contents.Len() && i < 10000; i++ {
			if s := contents.Index(i); s.Kind() == lpdf.Stream {
				streams = append(streams, s)
			}
		}
	}
	// The streams of a page form one program (an operator may be split
	// between them).
	var data []byte
	for _, s := range streams {
		b, err := d.streamBytes(s)
		if err != nil {
			in.warn("内容流损坏 (content stream damaged): " + err.Error())
		}
		data = append(data, b...)
		data = append(data, '\n')
		if len(data) > maxStreamBytes {
			in.warn("内容过大，已截断 (content too large)")
			break
		}
	}
	res := &resources{v: p.resources, fonts: map[string]*font{}}
	in.run(data, res)
	return in.glyphs, in.images, in.errs
}

// panicHook, when set (by tests and fuzzing), sees every panic the package
// recovers from, with the stack where it happened.
var panicHook func(x any, stack []byte)

func notePanic(x any) {
	if panicHook != nil {
		panicHook(x, debug.Stack())
	}
}

// cleanDetail makes a parser message fit for people: no binary garbage
// copied from the file, and not too long.
func cleanDetail(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n >= 160 {
			b.WriteString("…")
			break
		}
		if r == unicode.ReplacementChar || !unicode.IsPrint(r) {
			r = '?'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
