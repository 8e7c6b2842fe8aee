package pdf

import (
	"math"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
)

// matrix is a PDF transformation [a b c d e f]; points are row vectors.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// A glyph is one shown character with its place on the page (user space,
// y up): origin on the baseline, advance along the baseline direction.
type glyph struct {
	text   string
	x, y   float64
	adv    float64 // width of the glyph itself along the baseline
	size   float64 // em height
	dx, dy float64 // unit baseline direction
	seq    int     // order in the content stream
}

type gstate struct {
	ctm                  matrix
	font                 *font
	size                 float64
	tc, tw, th, tl, rise float64
}

// Budgets per page: a hostile content stream ends with a warning.
const (
	maxOps       = 20_000_000
	maxGlyphs    = 2_000_000
	maxFormDepth = 12
	// maxFormBytes bounds the bytes of form content replayed on one page: a
	// form drawing another ten times, twelve deep, is a few bytes that
	// would otherwise cost 10¹² replays (ops alone cut it only after seconds).
	maxFormBytes = 64 << 20
	maxQDepth    = 512
)

// resources is a resource dictionary with its fonts looked up once.
type resources struct {
	v        lpdf.Value
	fonts    map[string]*font
	fontDict lpdf.Value
	fontRefs map[string]int // font name → object number, when indirect
}

type interp struct {
	doc    *document
	gs     gstate
	stack  []gstate
	tm     matrix
	tlm    matrix
	glyphs []glyph
	images int
	marks  []mark
	ops    int
	codes  []code
	forms  map[string][]byte
	depth  int
	formN  int // bytes of form content replayed on this page
	stop   bool
	noFont bool
	errs   []string
}

// mark is an open marked-content sequence; ActualText replaces the glyphs
// shown inside it.
type mark struct {
	actual    string
	hasActual bool
	start     int
}

func newInterp(d *document, ctm matrix) *interp {
	in := &interp{doc: d, forms: map[string][]byte{}}
	in.gs = gstate{ctm: ctm, th: 1, size: 1}
	return in
}

func (in *interp) warn(s string) {
	if len(in.errs) < 8 {
		in.errs = append(in.errs, s)
	}
}

// run interprets one content stream with its resources.
func (in *interp) run(data []byte, res *resources) {
	l := &lexer{data: data}
	var ops []any
	openMarks := len(in.marks)
	for !in.stop {
		tok, ok := l.next()
		if !ok {
			break
		}
		op, isOp := tok.(operator)
		if !isOp {
			if len(ops) >= 4096 {
				ops = ops[1:]
			}
			ops = append(ops, tok)
			continue
		}
		in.ops++
		if in.ops > maxOps {
			in.warn("操作过多，页面内容被截断 (too many operators)")
			in.stop = true
			break
		}
		if op == "BI" {
			in.images++
			l.skipInlineImage()
			ops = ops[:0]
			continue
		}
		in.do(string(op), ops, res)
		ops = ops[:0]
	}
	// Close what the stream left open.
	for len(in.marks) > openMarks {
		in.endMark()
	}
}

// nums returns the last k operands as numbers.
func nums(ops []any, k int) ([]float64, bool) {
	if len(ops) < k {
		return nil, false
	}
	out := make([]float64, k)
	for i, o := range ops[len(ops)-k:] {
		f, ok := o.(float64)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, false
		}
		out[i] = f
	}
	return out, true
}

func lastString(ops []any) ([]byte, bool) {
	if len(ops) == 0 {
		return nil, false
	}
	s, ok := ops[len(ops)-1].(pdfString)
	return []byte(s), ok
}

func (in *interp) do(op string, ops []any, res *resources) {
	gs := &in.gs
	switch op {
	case "q":
		if len(in.stack) < maxQDepth {
			in.stack = append(in.stack, in.gs)
		}
	case "Q":
		if n := len(in.stack); n > 0 { // an unbalanced Q is ignored
			in.gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if v, ok := nums(ops, 6); ok {
			gs.ctm = matrix(v).mul(gs.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "ET":
	case "Tc":
		if v, ok := nums(ops, 1); ok {
			gs.tc = v[0]
		}
	case "Tw":
		if v, ok := nums(ops, 1); ok {
			gs.tw = v[0]
		}
	case "Tz":
		if v, ok := nums(ops, 1); ok {
			gs.th = v[0] / 100
		}
	case "TL":
		if v, ok := nums(ops, 1); ok {
			gs.tl = v[0]
		}
	case "Ts":
		if v, ok := nums(ops, 1); ok {
			gs.rise = v[0]
		}
	case "Tf":
		if len(ops) >= 2 {
			if name, ok := ops[len(ops)-2].(pdfName); ok {
				gs.font = in.font(res, string(name))
			}
			if size, ok := ops[len(ops)-1].(float64); ok {
				gs.size = size
			}
		}
	case "Td":
		if v, ok := nums(ops, 2); ok {
			in.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(in.tlm)
			in.tm = in.tlm
		}
	case "TD":
		if v, ok := nums(ops, 2); ok {
			gs.tl = -v[1]
			in.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(in.tlm)
			in.tm = in.tlm
		}
	case "Tm":
		if v, ok := nums(ops, 6); ok {
			in.tlm = matrix(v)
			in.tm = in.tlm
		}
	case "T*":
		in.nextLine()
	case "Tj":
		if s, ok := lastString(ops); ok {
			in.show(s)
		}
	case "'":
		if s, ok := lastString(ops); ok {
			in.nextLine()
			in.show(s)
		}
	case "\"":
		if v, ok := nums(ops[:max(0, len(ops)-1)], 2); ok {
			gs.tw, gs.tc = v[0], v[1]
		}
		if s, ok := lastString(ops); ok {
			in.nextLine()
			in.show(s)
		}
	case "TJ":
		if len(ops) == 0 {
			return
		}
		arr, ok := ops[len(ops)-1].([]any)
		if !ok {
			return
		}
		for _, e := range arr {
			switch e := e.(type) {
			case pdfString:
				in.show([]byte(e))
			case float64:
				if !math.IsNaN(e) && !math.IsInf(e, 0) {
					tx := -e / 1000 * gs.size * gs.th
					if gs.font != nil && gs.font.vertical {
						in.tm = matrix{1, 0, 0, 1, 0, -e / 1000 * gs.size}.mul(in.tm)
					} else {
						in.tm = matrix{1, 0, 0, 1, tx, 0}.mul(in.tm)
					}
				}
			}
		}
	case "Do":
		if len(ops) > 0 {
			if name, ok := ops[len(ops)-1].(pdfName); ok {
				in.xobject(res, string(name))
			}
		}
	case "BDC", "BMC":
		m := mark{start: len(in.glyphs)}
		if op == "BDC" && len(ops) >= 2 {
			var props any = ops[len(ops)-1]
			if name, ok := props.(pdfName); ok && res != nil {
				pv := res.v.Key("Properties").Key(string(name))
				if at := pv.Key("ActualText"); at.Kind() == lpdf.String {
					m.actual, m.hasActual = textString([]byte(at.RawString())), true
				}
			} else if d, ok := props.(map[string]any); ok {
				if at, ok := d["ActualText"].(pdfString); ok {
					m.actual, m.hasActual = textString([]byte(at)), true
				}
			}
		}
		if len(in.marks) < 256 {
			in.marks = append(in.marks, m)
		}
	case "EMC":
		in.endMark()
	}
}

func (in *interp) nextLine() {
	in.tlm = matrix{1, 0, 0, 1, 0, -in.gs.tl}.mul(in.tlm)
	in.tm = in.tlm
}

// endMark closes a marked-content sequence; with ActualText, the glyphs shown
// inside become one glyph carrying that text.
func (in *interp) endMark() {
	n := len(in.marks)
	if n == 0 {
		return
	}
	m := in.marks[n-1]
	in.marks = in.marks[:n-1]
	if !m.hasActual || m.start >= len(in.glyphs) {
		return
	}
	// An enclosing ActualText takes over.
	for _, outer := range in.marks {
		if outer.hasActual {
			return
		}
	}
	span := in.glyphs[m.start:]
	first, last := span[0], span[len(span)-1]
	g := first
	g.text = cleanText(m.actual)
	// Extend to the far end of the last glyph, along the baseline.
	ex := last.x + last.dx*last.adv - first.x
	ey := last.y + last.dy*last.adv - first.y
	g.adv = math.Max(first.adv, ex*first.dx+ey*first.dy)
	for _, s := range span {
		g.size = math.Max(g.size, s.size)
	}
	in.glyphs = append(in.glyphs[:m.start], g)
}

// textString decodes a PDF text string (UTF-16 with BOM, else PDFDocEncoding
// read as Latin-1).
func textString(b []byte) string {
	if len(b) >= 2 && (b[0] == 0xfe && b[1] == 0xff || b[0] == 0xff && b[1] == 0xfe) {
		le := b[0] == 0xff
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			if le {
				u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
			} else {
				u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
			}
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// show places the glyphs of a string.
func (in *interp) show(s []byte) {
	gs := &in.gs
	f := gs.font
	if f == nil {
		// No font (or one the resources lack): the codes cannot be read, and
		// guessing an encoding would make garbage.
		if !in.noFont {
			in.noFont = true
			in.warn("文字没有可用的字体，已跳过 (text without a font skipped)")
		}
		return
	}
	in.codes = f.codes(s, in.codes)
	for _, c := range in.codes {
		trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(in.tm).mul(gs.ctm)
		xl := math.Hypot(trm[0], trm[1])
		yl := math.Hypot(trm[2], trm[3])
		if len(in.glyphs) >= maxGlyphs {
			if !in.stop {
				in.warn("字符过多，页面内容被截断 (too many glyphs)")
			}
			in.stop = true
			return
		}
		if xl > 0 && c.text != "" {
			g := glyph{
				text: c.text,
				x:    trm[4], y: trm[5],
				adv:  c.width * xl,
				size: yl * f.emScale,
				dx:   trm[0] / xl, dy: trm[1] / xl,
				seq: len(in.glyphs),
			}
			if f.vertical {
				// Vertical writing: the glyph advances down the page.
				g.adv = c.width * yl
				g.size = xl * f.emScale
			}
			if g.size > 0 && !math.IsNaN(g.x+g.y+g.adv) && !math.IsInf(g.x+g.y+g.adv, 0) {
				in.glyphs = append(in.glyphs, g)
			}
		}
		if f.vertical {
			ty := -(c.width*gs.size + gs.tc)
			if c.space {
				ty -= gs.tw
			}
			in.tm = matrix{1, 0, 0, 1, 0, ty}.mul(in.tm)
			continue
		}
		tx := c.width*gs.size + gs.tc
		if c.space {
			tx += gs.tw
		}
		in.tm = matrix{1, 0, 0, 1, tx * gs.th, 0}.mul(in.tm)
	}
}

// font returns the font of that name in the resources, cached per font
// object (two pages may give the same name to different fonts).
func (in *interp) font(res *resources, name string) *font {
	if res == nil {
		return nil
	}
	if f, ok := res.fonts[name]; ok {
		return f
	}
	if res.fontRefs == nil {
		res.fontDict = res.v.Key("Font")
		res.fontRefs = objectRefs(res.fontDict)
	}
	id, isRef := res.fontRefs[name]
	if f, ok := in.doc.fontsByID[id]; isRef && ok {
		res.fonts[name] = f
		return f
	}
	v := res.fontDict.Key(name)
	var f *font
	if v.Kind() == lpdf.Dict {
		if isRef {
			f = in.doc.loadFont(v)
			in.doc.fontsByID[id] = f
		} else {
			f = in.doc.font(v)
		}
	}
	res.fonts[name] = f
	return f
}

// objectRefs lists the entries of a dictionary that are references, with
// their object numbers. ledongthuc resolves references without saying so;
// the dictionary's own text form still shows them ("/F1 12 0 R").
func objectRefs(d lpdf.Value) map[string]int {
	refs := map[string]int{}
	if d.Kind() != lpdf.Dict {
		return refs
	}
	l := &lexer{data: []byte(d.String())}
	tok, _ := l.next()
	m, _ := tok.(map[string]any)
	for k, v := range m {
		if f, ok := v.(float64); ok && f > 0 && f < maxXrefEntries {
			refs[k] = int(f)
		}
	}
	return refs
}

// xobject draws a form (recursively, to a bounded depth) or counts an image.
func (in *interp) xobject(res *resources, name string) {
	if res == nil {
		return
	}
	x := res.v.Key("XObject").Key(name)
	if x.Kind() != lpdf.Stream {
		return
	}
	switch x.Key("Subtype").Name() {
	case "Image":
		in.images++
	case "Form":
		if in.depth >= maxFormDepth {
			in.warn("表单嵌套过深 (forms nested too deep)")
			return
		}
		key := x.String()
		data, ok := in.forms[key]
		if !ok {
			var err error
			data, err = in.doc.streamBytes(x)
			if err != nil && len(data) == 0 {
				in.warn("表单无法解码 (form not decoded): " + err.Error())
			}
			in.forms[key] = data
		}
		if in.formN += len(data); in.formN > maxFormBytes {
			in.warn("表单重复绘制过多，页面内容被截断 (forms drawn too often)")
			in.stop = true
			return
		}
		saved, savedStack := in.gs, len(in.stack)
		savedTm, savedTlm := in.tm, in.tlm
		if m, ok := matrixOf(x.Key("Matrix")); ok {
			in.gs.ctm = m.mul(in.gs.ctm)
		}
		sub := res
		if r := x.Key("Resources"); r.Kind() == lpdf.Dict {
			sub = &resources{v: r, fonts: map[string]*font{}}
		}
		in.depth++
		in.run(data, sub)
		in.depth--
		in.gs, in.stack = saved, in.stack[:min(savedStack, len(in.stack))]
		in.tm, in.tlm = savedTm, savedTlm
	}
}

func matrixOf(v lpdf.Value) (matrix, bool) {
	if v.Kind() != lpdf.Array || v.Len() != 6 {
		return identity, false
	}
	var m matrix
	for i := range 6 {
		e := v.Index(i)
		if e.Kind() != lpdf.Integer && e.Kind() != lpdf.Real {
			return identity, false
		}
		m[i] = e.Float64()
	}
	return m, true
}
