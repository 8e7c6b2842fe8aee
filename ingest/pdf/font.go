package pdf

import (
	"math"
	"strings"

	lpdf "github.com/ledongthuc/pdf"
)

type fontKind uint8

const (
	simpleFont fontKind = iota // Type1, TrueType, MMType1
	type3Font
	type0Font
)

// A font turns the bytes of a shown string into codes, and codes into text
// and advance widths. Text comes from ToUnicode first, for every font type,
// then from the predefined CMap, the character collection or the encoding.
type font struct {
	kind     fontKind
	baseFont string
	toUni    *cmap

	// simple fonts and Type3
	enc    [256]string
	widths [256]float64 // text-space units per unit font size
	hasW   [256]bool
	missW  float64

	// Type0
	encCMap  *cmap           // embedded encoding CMap
	pre      *predefinedCMap // predefined encoding CMap
	cidW     map[uint32]float64
	dw       float64
	gb1      bool // Adobe-GB1 CIDs that may be read without ToUnicode
	vertical bool

	emScale float64 // font size → em height (Type3 fonts)

	cache    map[uint32]string
	unmapped int
}

// code is one character code of a shown string.
type code struct {
	val   uint32
	n     int
	text  string
	width float64
	space bool // single-byte 32: word spacing applies
}

// loadFont reads a font dictionary. It never fails: what cannot be read gives
// a font that yields no text for those codes.
func (d *document) loadFont(v lpdf.Value) *font {
	f := &font{emScale: 1, dw: 1, missW: 0, cache: map[uint32]string{}}
	f.baseFont = v.Key("BaseFont").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		if data, _ := d.streamBytes(tu); len(data) > 0 {
			f.toUni = parseCMap(data)
		}
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.kind = type0Font
		d.loadType0(f, v)
	case "Type3":
		f.kind = type3Font
		d.loadSimple(f, v)
	default:
		f.kind = simpleFont
		d.loadSimple(f, v)
	}
	return f
}

func (d *document) loadSimple(f *font, v lpdf.Value) {
	desc := v.Key("FontDescriptor")
	flags := desc.Key("Flags").Int64()
	symbolic := flags&4 != 0 && flags&32 == 0
	sub := v.Key("Subtype").Name()

	// Base encoding, then the differences.
	var base *[256]rune
	encV := v.Key("Encoding")
	switch encV.Kind() {
	case lpdf.Name:
		base = baseEncoding(encV.Name())
	case lpdf.Dict:
		base = baseEncoding(encV.Key("BaseEncoding").Name())
	}
	if base == nil {
		switch {
		case sub == "TrueType" || symbolic:
			base = &winAnsiEncoding
		default:
			base = &standardEncoding
		}
	}
	for i := range 256 {
		if r := base[i]; r != 0 {
			f.enc[i] = string(r)
		}
	}
	if sub == "Type3" {
		clear(f.enc[:]) // Type3 glyph names say everything
	}
	if diffs := encV.Key("Differences"); diffs.Kind() == lpdf.Array {
		c := 0
		for i := 0; i < diffs.Len() && i < 4096; i++ {
			e := diffs.Index(i)
			switch e.Kind() {
			case lpdf.Integer:
				c = int(e.Int64())
			case lpdf.Name:
				if c >= 0 && c < 256 {
					f.enc[c] = glyphText(e.Name())
				}
				c++
			}
		}
	}

	// Widths.
	scale := 0.001
	if sub == "Type3" {
		fm := v.Key("FontMatrix")
		a := fm.Index(0).Float64()
		dd := fm.Index(3).Float64()
		if a != 0 {
			scale = math.Abs(a)
		}
		// The em of a Type3 font is what its FontMatrix makes of the glyph
		// box height; Chromium writes 1000-unit glyphs.
		bb := v.Key("FontBBox")
		h := math.Abs(bb.Index(3).Float64()-bb.Index(1).Float64()) * math.Abs(dd)
		if h >= 0.3 && h <= 3 {
			f.emScale = h
		} else if dd != 0 {
			if e := math.Abs(dd) * 1000; e >= 0.3 && e <= 3 {
				f.emScale = e
			}
		}
	}
	f.missW = desc.Key("MissingWidth").Float64() * scale
	if f.missW == 0 {
		f.missW = 0.5
		if strings.Contains(f.baseFont, "Courier") {
			f.missW = 0.6
		}
	}
	first := int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		c := first + i
		if c < 0 || c > 255 {
			continue
		}
		f.widths[c] = ws.Index(i).Float64() * scale
		f.hasW[c] = true
	}
}

func (d *document) loadType0(f *font, v lpdf.Value) {
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case lpdf.Name:
		f.pre = lookupPredefined(enc.Name())
		if f.pre != nil {
			f.vertical = f.pre.vertical
		}
	case lpdf.Stream:
		if data, _ := d.streamBytes(enc); len(data) > 0 {
			f.encCMap = parseCMap(data)
			f.vertical = f.encCMap.wmode == 1
			// An embedded CMap may build on a predefined one.
			if f.encCMap.useCMap != "" && len(f.encCMap.space) == 0 {
				f.pre = lookupPredefined(f.encCMap.useCMap)
			}
		}
	}
	if f.pre == nil && f.encCMap == nil {
		f.pre = lookupPredefined("Identity-H")
	}
	desc := v.Key("DescendantFonts").Index(0)
	f.dw = 1
	if dw := desc.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
		f.dw = dw.Float64() / 1000
	}
	f.cidW = map[uint32]float64{}
	w := desc.Key("W")
	n := 0
	for i := 0; i < w.Len() && n < 1<<17; {
		first := w.Index(i)
		if first.Kind() != lpdf.Integer {
			i++
			continue
		}
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			for k := 0; k < next.Len() && n < 1<<17; k++ {
				f.cidW[uint32(first.Int64())+uint32(k)] = next.Index(k).Float64() / 1000
				n++
			}
			i += 2
			continue
		}
		last, width := next.Int64(), w.Index(i+2).Float64()/1000
		for c := first.Int64(); c <= last && c-first.Int64() < 1<<16 && n < 1<<17; c++ {
			f.cidW[uint32(c)] = width
			n++
		}
		i += 3
	}
	info := desc.Key("CIDSystemInfo")
	if info.Key("Registry").Text() == "Adobe" && info.Key("Ordering").Text() == "GB1" {
		fd := desc.Key("FontDescriptor")
		embedded := !fd.Key("FontFile").IsNull() || !fd.Key("FontFile2").IsNull() || !fd.Key("FontFile3").IsNull()
		// CIDs of an embedded TrueType subset are glyph numbers, not GB1.
		f.gb1 = desc.Key("Subtype").Name() == "CIDFontType0" || !embedded
	}
}

// codes splits a shown string into codes with their text and widths.
func (f *font) codes(s []byte, out []code) []code {
	out = out[:0]
	for len(s) > 0 {
		var val uint32
		var n int
		switch {
		case f.kind != type0Font:
			val, n = uint32(s[0]), 1
		case f.encCMap != nil && len(f.encCMap.space) > 0:
			val, n = f.encCMap.nextCode(s)
		case f.pre != nil:
			val, n = splitCode(f.pre.space, 2, s)
		default:
			val, n = splitCode(nil, 2, s)
		}
		raw := s[:n]
		s = s[n:]
		c := code{val: val, n: n, space: n == 1 && val == 32}
		c.text = f.text(val, raw)
		c.width = f.width(val, raw)
		out = append(out, c)
	}
	return out
}

func (f *font) text(val uint32, raw []byte) string {
	if t, ok := f.cache[val]; ok {
		return t
	}
	t := f.lookupText(val, raw)
	t = cleanText(t)
	if t == "" {
		f.unmapped++
	}
	if len(f.cache) < 1<<16 {
		f.cache[val] = t
	}
	return t
}

func (f *font) lookupText(val uint32, raw []byte) string {
	if f.toUni != nil {
		if t, ok := f.toUni.lookup(val); ok && cleanText(t) != "" {
			return t
		}
	}
	switch f.kind {
	case type0Font:
		if f.pre != nil {
			if t := f.pre.text(raw); t != "" {
				return t
			}
		}
		if f.gb1 {
			return gb1Text(f.cid(val, raw))
		}
		return ""
	default:
		if val < 256 {
			return f.enc[val]
		}
	}
	return ""
}

func (f *font) cid(val uint32, raw []byte) uint32 {
	if f.encCMap != nil {
		if c, ok := f.encCMap.cid(val); ok {
			return c
		}
	}
	if f.pre != nil && f.pre.cid != nil {
		if c, ok := f.pre.cid(raw); ok {
			return c
		}
	}
	return val
}

func (f *font) width(val uint32, raw []byte) float64 {
	switch f.kind {
	case type0Font:
		if f.vertical {
			return 1
		}
		if w, ok := f.cidW[f.cid(val, raw)]; ok {
			return w
		}
		return f.dw
	default:
		if val < 256 && f.hasW[val] {
			return f.widths[val]
		}
		return f.missW
	}
}

// cleanText drops control characters (and the NULs some producers map
// unused codes to); a no-break space becomes a space.
func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xFFFD || r == 0xa0 || r >= 0xD800 && r <= 0xDFFF {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0xa0:
			return ' '
		case r == '\t':
			return ' '
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xFFFD || r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
}
