package html

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Elements that start and end a block (a line of their own).
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Blockquote: true, atom.Pre: true, atom.Center: true,
	atom.Address: true, atom.Figure: true, atom.Figcaption: true, atom.Caption: true, atom.Fieldset: true,
	atom.Legend: true, atom.Details: true, atom.Summary: true, atom.Header: true, atom.Footer: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Body: true, atom.Html: true, atom.Tr: true,
	atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Td: true, atom.Th: true,
}

// renderer writes the text of blocks: each block its lines, a blank line
// between blocks, table rows as consecutive "| … |" lines.
type renderer struct {
	p       *page
	out     strings.Builder
	lines   []string
	cur     strings.Builder
	space   bool // white space seen since the last character
	newline bool // … and it contained a line break
	pre     int
	pending int // bytes of table rows not yet written
	err     error
}

func newRenderer(p *page) *renderer { return &renderer{p: p} }

func (r *renderer) String() string {
	r.blockBreak()
	return r.out.String()
}

func (r *renderer) lineBreak() {
	if l := strings.TrimFunc(r.cur.String(), unicode.IsSpace); l != "" {
		r.lines = append(r.lines, l)
	}
	r.cur.Reset()
	r.space, r.newline = false, false
}

func (r *renderer) blockBreak() {
	r.lineBreak()
	if len(r.lines) == 0 {
		return
	}
	if r.out.Len() > 0 {
		r.out.WriteString("\n")
	}
	for _, l := range r.lines {
		r.out.WriteString(l)
		r.out.WriteString("\n")
	}
	r.lines = r.lines[:0]
	r.pending = 0
	if r.out.Len() > MaxTextBytes && r.err == nil {
		r.err = fmt.Errorf("%w: 提取的文字超过 %d 字节", ErrLimit, MaxTextBytes)
	}
}

// block renders n as a block of its own.
func (r *renderer) block(n *html.Node) {
	r.blockBreak()
	r.node(n, 0)
	r.blockBreak()
}

func (r *renderer) node(n *html.Node, depth int) {
	if r.err != nil || depth > MaxDepth || r.p.s(n).removed {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
	default:
		r.children(n, depth)
		return
	}
	switch n.DataAtom {
	case atom.Br:
		r.lineBreak()
	case atom.Hr:
		r.blockBreak()
	case atom.Img:
	case atom.Table:
		r.blockBreak()
		r.table(n, depth)
		r.blockBreak()
	case atom.Ol, atom.Ul:
		r.blockBreak()
		r.list(n, depth)
		r.blockBreak()
	case atom.Pre:
		r.blockBreak()
		r.pre++
		r.children(n, depth)
		r.pre--
		r.blockBreak()
	default:
		if blockElems[n.DataAtom] {
			r.blockBreak()
			r.children(n, depth)
			r.blockBreak()
			return
		}
		r.children(n, depth)
	}
}

func (r *renderer) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c, depth+1)
	}
}

// text writes character data with HTML's white-space collapsing; a line
// break of the source between two Chinese characters disappears instead of
// becoming a space. No-break and ideographic spaces are spaces.
func (r *renderer) text(s string) {
	if r.pre > 0 {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				r.lineBreak()
			}
			r.cur.WriteString(strings.Map(normalSpace, line))
		}
		return
	}
	for _, c := range s {
		if c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad' {
			continue
		}
		if unicode.IsSpace(c) {
			r.space = true
			if c == '\n' || c == '\r' {
				r.newline = true
			}
			continue
		}
		if r.space && r.cur.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(r.cur.String())
			if !(r.newline && isCJK(prev) && isCJK(c)) {
				r.cur.WriteByte(' ')
			}
		}
		r.space, r.newline = false, false
		r.cur.WriteRune(c)
	}
}

func normalSpace(c rune) rune {
	if c != '\t' && unicode.IsSpace(c) {
		return ' '
	}
	return c
}

func isCJK(c rune) bool {
	return unicode.Is(unicode.Han, c) || unicode.In(c, unicode.Hiragana, unicode.Katakana) ||
		(c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)
}

// list renders the items of ol/ul; ordered items get the number a browser
// shows (start, reversed, type and value honoured).
func (r *renderer) list(n *html.Node, depth int) {
	ordered := n.DataAtom == atom.Ol
	step := 1
	counter := 1
	if ordered {
		if _, ok := hasAttr(n, "reversed"); ok {
			step = -1
			counter = 0
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Li && !r.p.s(c).removed {
					counter++
				}
			}
		}
		if v, err := strconv.Atoi(strings.TrimSpace(attrOf(n, "start"))); err == nil {
			counter = v
		}
	}
	typ := attrOf(n, "type")
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li || r.p.s(c).removed {
			r.node(c, depth+1)
			continue
		}
		r.blockBreak()
		if ordered {
			if v, err := strconv.Atoi(strings.TrimSpace(attrOf(c, "value"))); err == nil {
				counter = v
			}
			t := typ
			if lt := attrOf(c, "type"); lt != "" {
				t = lt
			}
			r.cur.WriteString(listLabel(counter, t) + ". ")
			counter += step
		}
		r.children(c, depth+1)
		r.blockBreak()
	}
}

func listLabel(n int, typ string) string {
	switch typ {
	case "a", "A":
		if n >= 1 && n <= 26*26 {
			s := ""
			for k := n; k > 0; k = (k - 1) / 26 {
				s = string(rune('a'+(k-1)%26)) + s
			}
			if typ == "A" {
				return strings.ToUpper(s)
			}
			return s
		}
	case "i", "I":
		if s, ok := roman(n); ok {
			if typ == "i" {
				return strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

func roman(n int) (string, bool) {
	if n < 1 || n > 3999 {
		return "", false
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String(), true
}

func hasAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// rows returns the tr elements of a table, not those of nested tables.
func (p *page) rows(t *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || p.s(c).removed || depth > 4 {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				out = append(out, c)
			case atom.Thead, atom.Tbody, atom.Tfoot, atom.Form:
				walk(c, depth+1)
			}
		}
	}
	walk(t, 0)
	return out
}

func (p *page) cells(tr *html.Node) []*html.Node {
	var out []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) && !p.s(c).removed {
			out = append(out, c)
		}
	}
	return out
}

// table renders a data table as rows; a layout table (one column, or
// tables nested in its cells) as the blocks of its cells.
func (r *renderer) table(t *html.Node, depth int) {
	rows := r.p.rows(t)
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Caption {
			r.block(c)
		}
	}
	if r.p.isLayout(rows) {
		for _, tr := range rows {
			for _, td := range r.p.cells(tr) {
				r.blockBreak()
				r.children(td, depth+2)
				r.blockBreak()
			}
		}
		return
	}
	// Grid with row and column spans: a spanning cell is written once,
	// the positions it covers are empty cells. The grid is at most maxColumns
	// wide, so that every row costs at most that many cells: rowspans that
	// pile up to the right (each row starting a cell that spans to the end of
	// the table) would otherwise make the text grow with the square of the
	// rows. No real table is that wide; past it, cells keep their text but not
	// their spans, and a warning says so.
	rowsLeft := len(rows)
	pending := make([]int, 0, 16) // column → rows still covered by a rowspan above
	dropped := false
	for _, tr := range rows {
		rowsLeft--
		line := make([]string, 0, len(pending))
		col := 0
		covered := func() bool { return col < len(pending) && pending[col] > 0 }
		for _, td := range r.p.cells(tr) {
			for covered() {
				pending[col]--
				line = append(line, "")
				col++
			}
			line = append(line, r.cellText(td, depth))
			span := clamp(attrOf(td, "colspan"), 1, maxColumns)
			if col+span > maxColumns {
				// past the bound a cell keeps its text, not its spans
				dropped = true
				col++
				continue
			}
			for range span - 1 {
				line = append(line, "")
			}
			// a rowspan reaches at most the last row of the table
			if rs := min(clamp(attrOf(td, "rowspan"), 1, 10000), rowsLeft+1); rs > 1 {
				for len(pending) < col+span {
					pending = append(pending, 0)
				}
				for k := col; k < col+span; k++ {
					pending[k] = rs - 1
				}
			}
			col += span
		}
		last := len(pending) - 1
		for last >= col && pending[last] == 0 {
			last--
		}
		for ; col <= last; col++ {
			if pending[col] > 0 {
				pending[col]--
			}
			line = append(line, "")
		}
		for len(pending) > 0 && pending[len(pending)-1] == 0 {
			pending = pending[:len(pending)-1]
		}
		r.row(line)
		if r.err != nil {
			return
		}
	}
	if dropped {
		r.p.warn(fmt.Sprintf("表格超过 %d 列，超出部分的合并单元格未展开 (table wider than %d columns: spans beyond are not laid out)", maxColumns, maxColumns))
	}
}

// maxColumns bounds the width of a rendered table.
const maxColumns = 100

func clamp(s string, lo, hi int) int {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || v < lo {
		return lo
	}
	return min(v, hi)
}

func (r *renderer) row(cells []string) {
	any := false
	for _, c := range cells {
		if c != "" {
			any = true
		}
	}
	if !any {
		return
	}
	var b strings.Builder
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" ")
		b.WriteString(c)
		b.WriteString(" |")
	}
	r.lineBreak()
	r.lines = append(r.lines, b.String())
	r.pending += b.Len()
	if r.out.Len()+r.pending > MaxTextBytes && r.err == nil {
		r.err = fmt.Errorf("%w: 提取的文字超过 %d 字节", ErrLimit, MaxTextBytes)
	}
}

// cellText flattens a cell into one line: its lines joined with a space.
func (r *renderer) cellText(td *html.Node, depth int) string {
	sub := newRenderer(r.p)
	sub.children(td, depth+2)
	text := sub.String()
	if sub.err != nil {
		r.err = sub.err
	}
	text = strings.Join(strings.Fields(strings.ReplaceAll(text, "\n", " ")), " ")
	return strings.ReplaceAll(text, "|", "¦")
}

func (p *page) isLayout(rows []*html.Node) bool {
	for _, tr := range rows {
		n := 0
		for _, td := range p.cells(tr) {
			nested := false
			p.walk(td, 0, func(c *html.Node) bool {
				if c != td && c.Type == html.ElementNode && c.DataAtom == atom.Table {
					nested = true
				}
				return !nested
			})
			if nested {
				return true
			}
			if p.s(td).text > 0 {
				n++
			}
		}
		if n > 1 {
			return false
		}
	}
	return true
}
