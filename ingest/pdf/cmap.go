package pdf

import (
	"sort"
	"unicode/utf16"
)

// A cmap is a parsed CMap: a ToUnicode map (bfchar/bfrange: code → text) or
// an encoding CMap (cidchar/cidrange: code → CID), with its codespace ranges
// that say how many bytes each code takes.
type cmap struct {
	name     string
	useCMap  string
	wmode    int
	space    []codeRange
	chars    map[uint32]string
	ranges   []bfRange // sorted by lo
	cidChars map[uint32]uint32
	cidRange []cidRange // sorted by lo
}

type codeRange struct {
	n      int // bytes
	lo, hi [4]byte
}

type bfRange struct {
	lo, hi uint32
	base   []rune   // destination of lo; later codes add to the last rune
	list   []string // array form: one destination per code
}

type cidRange struct {
	lo, hi, cid uint32
}

// Limits on what one CMap may define (a hostile file must not make us
// allocate without bound).
const (
	maxCMapEntries = 1 << 18
	maxCMapText    = 64 // bytes of one destination
)

// parseCMap reads a CMap program. It never fails: what cannot be read is
// skipped, and an empty cmap is returned for garbage.
func parseCMap(data []byte) *cmap {
	c := &cmap{chars: map[uint32]string{}, cidChars: map[uint32]uint32{}}
	l := &lexer{data: data}
	var operands []any
	entries := 0
	for {
		tok, ok := l.next()
		if !ok {
			break
		}
		op, isOp := tok.(operator)
		if !isOp {
			if len(operands) < 1<<16 {
				operands = append(operands, tok)
			}
			continue
		}
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(operands); i += 2 {
				lo, ok1 := operands[i].(pdfString)
				hi, ok2 := operands[i+1].(pdfString)
				if !ok1 || !ok2 || len(lo) != len(hi) || len(lo) == 0 || len(lo) > 4 {
					continue
				}
				r := codeRange{n: len(lo)}
				copy(r.lo[:], lo)
				copy(r.hi[:], hi)
				if len(c.space) < 256 {
					c.space = append(c.space, r)
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(operands) && entries < maxCMapEntries; i += 2 {
				src, ok1 := operands[i].(pdfString)
				if !ok1 || len(src) == 0 || len(src) > 4 {
					continue
				}
				var dst string
				switch d := operands[i+1].(type) {
				case pdfString:
					dst = utf16Text([]byte(d))
				case pdfName: // a glyph name, allowed by the spec
					dst = glyphText(string(d))
				default:
					continue
				}
				c.chars[codeValue([]byte(src))] = dst
				entries++
			}
		case "endbfrange":
			for i := 0; i+2 < len(operands) && entries < maxCMapEntries; i += 3 {
				lo, ok1 := operands[i].(pdfString)
				hi, ok2 := operands[i+1].(pdfString)
				if !ok1 || !ok2 || len(lo) == 0 || len(lo) > 4 || len(hi) == 0 || len(hi) > 4 {
					continue
				}
				r := bfRange{lo: codeValue([]byte(lo)), hi: codeValue([]byte(hi))}
				if r.hi < r.lo || r.hi-r.lo > 0xFFFF {
					continue
				}
				switch d := operands[i+2].(type) {
				case pdfString:
					if len(d) == 0 || len(d) > maxCMapText {
						continue
					}
					r.base = []rune(utf16Text([]byte(d)))
					if len(d) == 1 { // a one-byte destination is a code point
						r.base = []rune{rune(d[0])}
					}
					if len(r.base) == 0 {
						continue
					}
				case []any:
					for _, e := range d {
						s, _ := e.(pdfString)
						r.list = append(r.list, utf16Text([]byte(s)))
					}
				default:
					continue
				}
				c.ranges = append(c.ranges, r)
				entries += 1 + len(r.list)
			}
		case "endcidchar":
			for i := 0; i+1 < len(operands) && entries < maxCMapEntries; i += 2 {
				src, ok1 := operands[i].(pdfString)
				cid, ok2 := operands[i+1].(float64)
				if !ok1 || !ok2 || len(src) == 0 || len(src) > 4 || cid < 0 || cid > 0xFFFFFF {
					continue
				}
				c.cidChars[codeValue([]byte(src))] = uint32(cid)
				entries++
			}
		case "endcidrange":
			for i := 0; i+2 < len(operands) && entries < maxCMapEntries; i += 3 {
				lo, ok1 := operands[i].(pdfString)
				hi, ok2 := operands[i+1].(pdfString)
				cid, ok3 := operands[i+2].(float64)
				if !ok1 || !ok2 || !ok3 || len(lo) == 0 || len(lo) > 4 || len(hi) == 0 || len(hi) > 4 || cid < 0 || cid > 0xFFFFFF {
					continue
				}
				r := cidRange{lo: codeValue([]byte(lo)), hi: codeValue([]byte(hi)), cid: uint32(cid)}
				if r.hi < r.lo {
					continue
				}
				c.cidRange = append(c.cidRange, r)
				entries++
			}
		case "usecmap":
			if len(operands) > 0 {
				if n, ok := operands[len(operands)-1].(pdfName); ok {
					c.useCMap = string(n)
				}
			}
		case "def":
			if len(operands) >= 2 {
				if k, ok := operands[len(operands)-2].(pdfName); ok {
					switch k {
					case "CMapName":
						if n, ok := operands[len(operands)-1].(pdfName); ok {
							c.name = string(n)
						}
					case "WMode":
						if f, ok := operands[len(operands)-1].(float64); ok && f == 1 {
							c.wmode = 1
						}
					}
				}
			}
		}
		operands = operands[:0]
	}
	sort.SliceStable(c.ranges, func(i, j int) bool { return c.ranges[i].lo < c.ranges[j].lo })
	sort.SliceStable(c.cidRange, func(i, j int) bool { return c.cidRange[i].lo < c.cidRange[j].lo })
	return c
}

// codeValue reads a big-endian code of 1–4 bytes.
func codeValue(b []byte) uint32 {
	var v uint32
	for _, x := range b {
		v = v<<8 | uint32(x)
	}
	return v
}

// utf16Text decodes a bfchar/bfrange destination (UTF-16BE; a lone odd byte
// is taken as a code point).
func utf16Text(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// lookup returns the text of a code from bfchar and bfrange entries.
func (c *cmap) lookup(code uint32) (string, bool) {
	if s, ok := c.chars[code]; ok {
		return s, true
	}
	i := sort.Search(len(c.ranges), func(i int) bool { return c.ranges[i].lo > code }) - 1
	// Ranges may overlap; look back over the ones that start at or before code.
	for k := 0; i >= 0 && k < 64; i, k = i-1, k+1 {
		r := &c.ranges[i]
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.list != nil {
			if int(off) < len(r.list) {
				return r.list[off], true
			}
			return "", false
		}
		// The destination counts on as one number, carrying across bytes
		// (<0001> <0004> <4EFE> gives 仾仿伀企).
		out := make([]rune, len(r.base))
		copy(out, r.base)
		out[len(out)-1] += rune(off)
		return string(out), true
	}
	return "", false
}

// cid returns the CID of a code from cidchar and cidrange entries.
func (c *cmap) cid(code uint32) (uint32, bool) {
	if v, ok := c.cidChars[code]; ok {
		return v, true
	}
	i := sort.Search(len(c.cidRange), func(i int) bool { return c.cidRange[i].lo > code }) - 1
	for k := 0; i >= 0 && k < 64; i, k = i-1, k+1 {
		r := &c.cidRange[i]
		if code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

// nextCode splits the next code off s using the codespace ranges; it always
// takes at least one byte. Without codespace ranges codes are two bytes.
func (c *cmap) nextCode(s []byte) (code uint32, n int) {
	return splitCode(c.space, 2, s)
}

func splitCode(space []codeRange, defaultLen int, s []byte) (uint32, int) {
	if len(s) == 0 {
		return 0, 0
	}
	for n := 1; n <= 4 && n <= len(s); n++ {
		for i := range space {
			r := &space[i]
			if r.n != n {
				continue
			}
			match := true
			for k := 0; k < n; k++ {
				if s[k] < r.lo[k] || s[k] > r.hi[k] {
					match = false
					break
				}
			}
			if match {
				return codeValue(s[:n]), n
			}
		}
	}
	// No range matches: take the length of the shortest range whose first
	// byte fits, else the default.
	n := 0
	for i := range space {
		if s[0] >= space[i].lo[0] && s[0] <= space[i].hi[0] && (n == 0 || space[i].n < n) {
			n = space[i].n
		}
	}
	if n == 0 {
		n = defaultLen
		if len(space) > 0 {
			n = space[0].n
		}
	}
	n = min(n, len(s))
	return codeValue(s[:n]), n
}
