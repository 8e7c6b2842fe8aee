package pdf

import (
	"bytes"
	"errors"
)

// Some malformed structures make ledongthuc's parser loop forever or
// allocate without bound (a /Prev chain that points back, an xref stream of
// two billion entries, an object stream that extends itself). The child
// process contains them, but we look for them first: a file with such a
// structure is read through a rebuilt cross-reference table instead.

// Bounds on what the parser is given.
const (
	maxXrefEntries = 1 << 21
	maxXrefHops    = 256
	maxObjStmN     = 1 << 20
)

var errHostileStructure = errors.New("结构异常 (hostile structure)")

// checkStructure tells whether the parser may safely open data as it is.
func checkStructure(data []byte) error {
	if err := checkXrefChain(data); err != nil {
		return err
	}
	return checkObjectStreams(data)
}

// checkXrefChain follows startxref and the /Prev links.
func checkXrefChain(data []byte) error {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return nil // the parser refuses such a file by itself
	}
	tok, _ := (&lexer{data: data[i+9 : min(len(data), i+64)]}).next()
	f, ok := tok.(float64)
	if !ok {
		return nil
	}
	seen := map[int]bool{}
	for hops := 0; hops < maxXrefHops; hops++ {
		off := int(f)
		if f < 0 || off >= len(data) {
			return nil
		}
		if seen[off] {
			return errors.New("交叉引用表链成环 (xref /Prev loop)")
		}
		seen[off] = true
		seg := data[off:]
		var d map[string]any
		if trimmed := bytes.TrimLeft(seg, "\x00\t\n\f\r "); bytes.HasPrefix(trimmed, []byte("xref")) {
			j := bytes.Index(seg, []byte("trailer"))
			if j < 0 {
				return nil
			}
			if err := checkXrefTable(seg[:j]); err != nil {
				return err
			}
			d = (&lexer{data: seg[j+7 : min(len(seg), j+7+1<<16)]}).dictAt()
		} else {
			d = (&lexer{data: seg[:min(len(seg), 1<<16)]}).dictAt()
			if size, ok := d["Size"].(float64); ok && size > maxXrefEntries {
				return errors.New("交叉引用流过大 (xref stream too large)")
			}
			if idx, ok := d["Index"].([]any); ok {
				for k := 0; k+1 < len(idx); k += 2 {
					s, _ := idx[k].(float64)
					n, _ := idx[k+1].(float64)
					if s+n > maxXrefEntries {
						return errors.New("交叉引用流过大 (xref stream too large)")
					}
				}
			}
		}
		prev, ok := d["Prev"].(float64)
		if !ok {
			return nil
		}
		f = prev
	}
	return errors.New("交叉引用表链过长 (xref chain too long)")
}

// checkXrefTable bounds the subsections of a classic xref table: a header
// line is two numbers, start and count.
func checkXrefTable(sec []byte) error {
	for _, ln := range bytes.FieldsFunc(sec, func(r rune) bool { return r == '\n' || r == '\r' }) {
		f := bytes.Fields(ln)
		if len(f) != 2 {
			continue
		}
		start, ok1 := parseNumber(f[0])
		count, ok2 := parseNumber(f[1])
		if ok1 && ok2 && start+count > maxXrefEntries {
			return errors.New("交叉引用表过大 (xref table too large)")
		}
	}
	return nil
}

// checkObjectStreams looks at the dictionaries of object streams.
func checkObjectStreams(data []byte) error {
	for pos := 0; ; {
		i := bytes.Index(data[pos:], []byte("/ObjStm"))
		if i < 0 {
			return nil
		}
		at := pos + i
		pos = at + 7
		start := bytes.LastIndex(data[max(0, at-4096):at], []byte("<<"))
		if start < 0 {
			continue
		}
		start += max(0, at-4096)
		d := (&lexer{data: data[start:min(len(data), at+4096)]}).dictAt()
		if n, ok := d["N"].(float64); ok && n > maxObjStmN {
			return errors.New("对象流过大 (object stream too large)")
		}
		if _, ok := d["Extends"]; ok {
			return errors.New("对象流有 /Extends (object stream extends)")
		}
		// A hex string left open at the end of an object stream makes the
		// parser read white space forever.
		body := data[start:]
		if e := bytes.Index(body, []byte("endstream")); e >= 0 {
			body = body[:e]
		}
		for _, m := range objectStreamMembers(body) {
			l := &lexer{data: m.text}
			for {
				if _, ok := l.next(); !ok {
					break
				}
			}
			if l.unterminated {
				return errors.New("对象流中字符串未结束 (unterminated string in object stream)")
			}
		}
	}
}
