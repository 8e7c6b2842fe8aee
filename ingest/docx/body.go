package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// Namespaces of WordprocessingML (transitional and strict), math and markup
// compatibility; other namespaces (DrawingML, VML, …) are walked through
// only to find text boxes.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMath    = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// toggle reads an on/off property element such as <w:vanish/> or <w:vanish w:val="0"/>.
func toggle(se xml.StartElement) bool {
	v, ok := attr(se, "val")
	return !ok || isOn(v)
}

// block is a paragraph or a table, as read from the body, a table cell or a
// text box.
type block interface{ isBlock() }

type paragraph struct {
	text   string  // with its list label; "\n" at line breaks
	floats []block // contents of text boxes anchored in the paragraph
}

// table holds its rows as text as soon as they are read, so that a huge
// table costs about its text in memory: each row's cell texts, and while no
// row has more than one cell (a layout table, read as blocks) also the
// rendering of its cells' blocks.
type table struct {
	layout []string   // while a layout table: each row's blocks rendered
	cells  [][]string // each row's cell texts, spans expanded
	data   bool       // some row has more than one cell
}

func (t *table) add(r row) {
	if !t.data && r.filled() > 1 {
		t.data, t.layout = true, nil
	}
	if !t.data {
		var o output
		for _, c := range r.cells {
			if !c.merged {
				for _, b := range c.blocks {
					o.block(b)
				}
			}
		}
		t.layout = append(t.layout, o.String())
	}
	t.cells = append(t.cells, r.texts())
}

// row and cell are a table row as read, before it is turned into text.
type row struct{ cells []cell }

type cell struct {
	blocks []block
	span   int  // grid columns covered (gridSpan)
	merged bool // continuation of a vertical or legacy horizontal merge
}

func (*paragraph) isBlock() {}
func (*table) isBlock()     {}

// field is an open complex field (fldChar begin … separate … end).
type field struct {
	instr     strings.Builder
	separated bool
}

// walker reads the main document part with a recursive descent over the
// token stream; each method is called just after its element's start tag
// and returns after its end tag.
type walker struct {
	t        *tokenLimiter
	pkg      *pkg
	rels     []relationship // of the main part
	num      *numbering
	styles   *styles
	fields   []*field
	warnings map[string]bool
	textLen  int
}

func (w *walker) warn(s string) {
	if w.warnings == nil {
		w.warnings = map[string]bool{}
	}
	w.warnings[s] = true
}

// blocks reads block-level content (p, tbl and their wrappers) up to the end
// of the current element, handing each block to emit.
func (w *walker) blocks(emit func(block) error) error {
	for {
		tok, err := w.t.Token()
		if err != nil {
			return err
		}
		switch el := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := w.blockElement(el, emit); err != nil {
				return err
			}
		}
	}
}

func (w *walker) blockElement(el xml.StartElement, emit func(block) error) error {
	if el.Name.Space == nsMC {
		return w.alternate(el, func(se xml.StartElement) error { return w.blockElement(se, emit) })
	}
	if !isW(el.Name) {
		return w.blocks(emit) // unknown wrapper: look inside
	}
	switch el.Name.Local {
	case "p":
		p, err := w.paragraph()
		if err != nil {
			return err
		}
		return emit(p)
	case "tbl":
		t, err := w.table()
		if err != nil {
			return err
		}
		return emit(t)
	case "sdt":
		return w.sdt(func(se xml.StartElement) error { return w.blockElement(se, emit) })
	case "del", "moveFrom", "sectPr", "tblPr", "tblGrid", "bookmarkStart", "bookmarkEnd",
		"permStart", "permEnd", "proofErr", "commentRangeStart", "commentRangeEnd":
		return w.t.skip()
	case "altChunk":
		return w.altChunk(el, emit)
	default: // body, txbxContent, tc, customXml, ins, moveTo, …
		return w.blocks(emit)
	}
}

// alternate reads mc:AlternateContent: the first Choice is taken, the
// Fallback (the same content for older readers) skipped.
func (w *walker) alternate(el xml.StartElement, child func(xml.StartElement) error) error {
	if el.Name.Local != "AlternateContent" {
		return w.t.skip()
	}
	chosen := false
	for {
		tok, err := w.t.Token()
		if err != nil {
			return err
		}
		switch se := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if se.Name.Local == "Choice" && !chosen {
				chosen = true
				if err := w.children(child); err != nil {
					return err
				}
				continue
			}
			if err := w.t.skip(); err != nil {
				return err
			}
		}
	}
}

// children calls f for each child element up to the end of the current one.
func (w *walker) children(f func(xml.StartElement) error) error {
	for {
		tok, err := w.t.Token()
		if err != nil {
			return err
		}
		switch se := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := f(se); err != nil {
				return err
			}
		}
	}
}

// sdt reads a content control: its content, unless it is a table of
// contents (navigation that repeats the headings).
func (w *walker) sdt(child func(xml.StartElement) error) error {
	toc := false
	return w.children(func(se xml.StartElement) error {
		switch {
		case isW(se.Name) && se.Name.Local == "sdtPr":
			return w.children(func(p xml.StartElement) error {
				if p.Name.Local == "docPartObj" {
					return w.children(func(g xml.StartElement) error {
						if v, _ := attr(g, "val"); g.Name.Local == "docPartGallery" && strings.Contains(strings.ToLower(v), "table of contents") {
							toc = true
						}
						return w.t.skip()
					})
				}
				return w.t.skip()
			})
		case isW(se.Name) && se.Name.Local == "sdtContent":
			if toc {
				w.warn("已跳过目录 (table of contents skipped)")
				return w.t.skip()
			}
			return w.children(child)
		}
		return w.t.skip()
	})
}

// paraBuilder collects a paragraph's text while its runs are read.
type paraBuilder struct {
	b        strings.Builder
	floats   []block
	styleID  string
	numID    string
	hasNum   bool
	ilvl     int
	hasIlvl  bool
	labelled bool
}

func (w *walker) paragraph() (*paragraph, error) {
	pb := &paraBuilder{}
	err := w.children(func(se xml.StartElement) error {
		if isW(se.Name) && se.Name.Local == "pPr" {
			return w.pPr(pb)
		}
		w.label(pb)
		return w.inline(pb, se)
	})
	if err != nil {
		return nil, err
	}
	w.label(pb)
	// A field's instructions never run past its paragraph: a field still
	// without its result here is malformed and must not hide what follows.
	for n := len(w.fields); n > 0 && !w.fields[n-1].separated; n-- {
		w.fields = w.fields[:n-1]
	}
	return &paragraph{text: pb.b.String(), floats: pb.floats}, nil
}

// pPr reads the paragraph style and numbering properties.
func (w *walker) pPr(pb *paraBuilder) error {
	return w.children(func(se xml.StartElement) error {
		if !isW(se.Name) {
			return w.t.skip()
		}
		switch se.Name.Local {
		case "pStyle":
			pb.styleID, _ = attr(se, "val")
		case "numPr":
			return w.children(func(n xml.StartElement) error {
				v, _ := attr(n, "val")
				switch n.Name.Local {
				case "numId":
					pb.numID, pb.hasNum = v, true
				case "ilvl":
					if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
						pb.ilvl, pb.hasIlvl = i, true
					}
				}
				return w.t.skip()
			})
		}
		return w.t.skip()
	})
}

// label writes the paragraph's list label once, before its first content,
// so counters advance in document order.
func (w *walker) label(pb *paraBuilder) {
	if pb.labelled {
		return
	}
	pb.labelled = true
	if w.num == nil {
		return
	}
	numID, ilvl, hasIlvl := pb.numID, pb.ilvl, pb.hasIlvl
	if !pb.hasNum {
		sNum, sIlvl, sHas, ok := w.styles.numbering(pb.styleID)
		if !ok {
			return
		}
		numID = sNum
		if !hasIlvl {
			ilvl, hasIlvl = sIlvl, sHas
		}
		if !hasIlvl {
			ilvl = w.num.levelFor(numID, pb.styleID)
		}
	}
	pb.b.WriteString(w.num.next(numID, ilvl))
}

// hidden reports whether text is currently not shown: inside a field's
// instructions, or in the result of a table-of-contents field.
func (w *walker) hidden() bool {
	for _, f := range w.fields {
		if !f.separated {
			return true
		}
		instr := strings.ToUpper(strings.TrimSpace(f.instr.String()))
		if strings.HasPrefix(instr, "TOC") {
			return true
		}
	}
	return false
}

func (w *walker) write(pb *paraBuilder, s string) error {
	if s == "" || w.hidden() {
		return nil
	}
	w.textLen += len(s)
	if w.textLen > MaxTextBytes {
		return &LimitError{What: "提取的文字字节数", Limit: MaxTextBytes}
	}
	pb.b.WriteString(s)
	return nil
}

// inline reads paragraph content: runs and the wrappers around them.
func (w *walker) inline(pb *paraBuilder, el xml.StartElement) error {
	if el.Name.Space == nsMC {
		return w.alternate(el, func(se xml.StartElement) error { return w.inline(pb, se) })
	}
	if el.Name.Space == nsMath {
		if el.Name.Local == "t" {
			return w.chars(pb)
		}
		return w.children(func(se xml.StartElement) error { return w.inline(pb, se) })
	}
	if !isW(el.Name) {
		return w.drawing(pb) // drawings, VML, …: only text boxes inside count
	}
	switch el.Name.Local {
	case "r":
		return w.run(pb)
	case "del", "moveFrom", "rt", "pPr", "rPr", "sdtPr", "sdtEndPr", "bookmarkStart", "bookmarkEnd",
		"proofErr", "commentRangeStart", "commentRangeEnd", "permStart", "permEnd":
		return w.t.skip()
	case "sdt":
		return w.sdt(func(se xml.StartElement) error { return w.inline(pb, se) })
	case "txbxContent":
		return w.textBox(pb)
	default: // hyperlink, smartTag, customXml, ins, moveTo, fldSimple, ruby, rubyBase, bdo, dir, …
		return w.children(func(se xml.StartElement) error { return w.inline(pb, se) })
	}
}

// run reads the content of w:r.
func (w *walker) run(pb *paraBuilder) error {
	vanish := false
	return w.children(func(se xml.StartElement) error {
		if se.Name.Space == nsMC {
			return w.alternate(se, func(c xml.StartElement) error { return w.drawingChild(pb, c) })
		}
		if !isW(se.Name) {
			return w.drawing(pb)
		}
		switch se.Name.Local {
		case "rPr":
			return w.children(func(p xml.StartElement) error {
				if isW(p.Name) && p.Name.Local == "vanish" {
					vanish = toggle(p)
				}
				return w.t.skip()
			})
		case "t":
			if vanish {
				return w.t.skip()
			}
			return w.chars(pb)
		case "tab", "ptab":
			if !vanish {
				if err := w.write(pb, "\t"); err != nil {
					return err
				}
			}
		case "br", "cr":
			if !vanish {
				if err := w.write(pb, "\n"); err != nil {
					return err
				}
			}
		case "noBreakHyphen":
			if !vanish {
				if err := w.write(pb, "-"); err != nil {
					return err
				}
			}
		case "softHyphen": // invisible unless the line breaks there
		case "sym":
			if c, ok := attr(se, "char"); ok && !vanish {
				if r, err := strconv.ParseUint(c, 16, 32); err == nil && !(r >= 0xE000 && r <= 0xF8FF) && r >= 0x20 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF) {
					if err := w.write(pb, string(rune(r))); err != nil {
						return err
					}
				}
			}
		case "fldChar":
			typ, _ := attr(se, "fldCharType")
			switch typ {
			case "begin":
				if len(w.fields) < 64 {
					w.fields = append(w.fields, &field{})
				}
			case "separate":
				if n := len(w.fields); n > 0 {
					w.fields[n-1].separated = true
				}
			case "end":
				if n := len(w.fields); n > 0 {
					w.fields = w.fields[:n-1]
				}
			}
		case "instrText":
			if n := len(w.fields); n > 0 {
				f := w.fields[n-1]
				return w.children2(func(s string) {
					if f.instr.Len() < 256 {
						f.instr.WriteString(s)
					}
				})
			}
		case "drawing", "pict", "object":
			return w.drawing(pb)
		case "ruby":
			return w.children(func(c xml.StartElement) error { return w.inline(pb, c) })
		}
		return w.t.skip()
	})
}

// chars writes the character data of a text element.
func (w *walker) chars(pb *paraBuilder) error {
	var err error
	e := w.children2(func(s string) {
		if err == nil {
			err = w.write(pb, s)
		}
	})
	if e != nil {
		return e
	}
	return err
}

// children2 hands the character data up to the end of the current element to f.
func (w *walker) children2(f func(string)) error {
	depth := 1
	for depth > 0 {
		tok, err := w.t.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 {
				f(string(t))
			}
		}
	}
	return nil
}

// drawing walks a drawing, picture or object looking for text boxes.
func (w *walker) drawing(pb *paraBuilder) error {
	return w.children(func(se xml.StartElement) error { return w.drawingChild(pb, se) })
}

func (w *walker) drawingChild(pb *paraBuilder, se xml.StartElement) error {
	switch {
	case se.Name.Space == nsMC:
		return w.alternate(se, func(c xml.StartElement) error { return w.drawingChild(pb, c) })
	case isW(se.Name) && se.Name.Local == "txbxContent":
		return w.textBox(pb)
	case isW(se.Name) && se.Name.Local == "r":
		return w.run(pb)
	}
	return w.drawing(pb)
}

// textBox reads the blocks of a text box; they follow the anchoring paragraph.
func (w *walker) textBox(pb *paraBuilder) error {
	// The fields of the surrounding paragraph do not reach into the box.
	saved := w.fields
	w.fields = nil
	err := w.blocks(func(b block) error {
		pb.floats = append(pb.floats, b)
		return nil
	})
	w.fields = saved
	return err
}

// table reads w:tbl into rows of cells.
func (w *walker) table() (*table, error) {
	t := &table{}
	var rowEl func(se xml.StartElement) error
	rowEl = func(se xml.StartElement) error {
		if se.Name.Space == nsMC {
			return w.alternate(se, rowEl)
		}
		if !isW(se.Name) {
			return w.t.skip()
		}
		switch se.Name.Local {
		case "tr":
			r, keep, err := w.row()
			if err != nil {
				return err
			}
			if keep {
				t.add(r)
			}
			return nil
		case "sdt":
			return w.sdt(rowEl)
		case "customXml", "sdtContent", "ins", "moveTo":
			return w.children(rowEl)
		}
		return w.t.skip()
	}
	return t, w.children(rowEl)
}

func (w *walker) row() (row, bool, error) {
	var r row
	deleted := false
	before, after := 0, 0
	var cellEl func(se xml.StartElement) error
	cellEl = func(se xml.StartElement) error {
		if se.Name.Space == nsMC {
			return w.alternate(se, cellEl)
		}
		if !isW(se.Name) {
			return w.t.skip()
		}
		switch se.Name.Local {
		case "trPr":
			return w.children(func(p xml.StartElement) error {
				v, _ := attr(p, "val")
				switch p.Name.Local {
				case "gridBefore":
					before = gridCount(v)
				case "gridAfter":
					after = gridCount(v)
				case "del":
					deleted = true
				}
				return w.t.skip()
			})
		case "tc":
			c, err := w.cell()
			if err != nil {
				return err
			}
			r.cells = append(r.cells, c)
			return nil
		case "sdt":
			return w.sdt(cellEl)
		case "customXml", "sdtContent", "ins", "moveTo":
			return w.children(cellEl)
		}
		return w.t.skip()
	}
	if err := w.children(cellEl); err != nil {
		return r, false, err
	}
	if before > 0 {
		r.cells = append([]cell{{span: before, merged: true}}, r.cells...)
	}
	if after > 0 {
		r.cells = append(r.cells, cell{span: after, merged: true})
	}
	return r, !deleted, nil
}

func gridCount(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, 64)
}

func (w *walker) cell() (cell, error) {
	c := cell{span: 1}
	err := w.children(func(se xml.StartElement) error {
		if isW(se.Name) && se.Name.Local == "tcPr" {
			return w.children(func(p xml.StartElement) error {
				v, has := attr(p, "val")
				switch p.Name.Local {
				case "gridSpan":
					c.span = gridCount(v)
				case "vMerge", "hMerge":
					if !has || v == "continue" {
						c.merged = true
					}
				}
				return w.t.skip()
			})
		}
		return w.blockElement(se, func(b block) error {
			c.blocks = append(c.blocks, b)
			return nil
		})
	})
	return c, err
}
