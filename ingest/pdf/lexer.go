package pdf

import (
	"bytes"
	"strconv"
)

// The lexer reads the PostScript-like syntax of content streams and CMaps.
// It is our own (not ledongthuc's buffer) so that malformed input never
// panics or loops: every call consumes at least one byte or reports the end.

// Token values: float64 (numbers), bool, nil (null), pdfString (raw bytes of
// a literal or hex string), pdfName, operator, []any (array), map[string]any
// (dictionary).
type (
	pdfString string
	pdfName   string
	operator  string
)

// maxNesting bounds arrays and dictionaries inside each other.
const maxNesting = 64

type lexer struct {
	data []byte
	pos  int
	// unterminated is set when a hex string runs to the end of the data.
	unterminated bool
}

func isWhite(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next object or operator; ok is false at the end.
func (l *lexer) next() (tok any, ok bool) {
	return l.object(0)
}

// closer marks a stray closing delimiter, returned to the array or dict
// being read (and skipped at top level).
type closer byte

func (l *lexer) object(depth int) (any, bool) {
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return nil, false
		}
		c := l.data[l.pos]
		switch c {
		case '(':
			l.pos++
			return l.literalString(), true
		case '<':
			if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
				l.pos += 2
				if depth >= maxNesting {
					return nil, true
				}
				return l.dict(depth + 1), true
			}
			l.pos++
			return l.hexString(), true
		case '>':
			l.pos++
			if l.pos < len(l.data) && l.data[l.pos] == '>' {
				l.pos++
			}
			if depth > 0 {
				return closer('>'), true
			}
			continue
		case '[':
			l.pos++
			if depth >= maxNesting {
				return nil, true
			}
			return l.array(depth + 1), true
		case ']':
			l.pos++
			if depth > 0 {
				return closer(']'), true
			}
			continue
		case '{', '}', ')':
			// PostScript procedures and stray parens carry no text.
			l.pos++
			continue
		case '/':
			l.pos++
			return l.name(), true
		}
		return l.keyword(), true
	}
}

func (l *lexer) array(depth int) []any {
	arr := []any{}
	for {
		at := l.pos
		v, ok := l.object(depth)
		if !ok {
			return arr
		}
		if _, isOp := v.(operator); isOp {
			// An operator cannot be inside an array: the array was never
			// closed. The operator is read again after it.
			l.pos = at
			return arr
		}
		if c, isCloser := v.(closer); isCloser {
			if c == ']' {
				return arr
			}
			continue
		}
		arr = append(arr, v)
	}
}

func (l *lexer) dict(depth int) map[string]any {
	d := map[string]any{}
	var key pdfName
	haveKey := false
	for {
		v, ok := l.object(depth)
		if !ok {
			return d
		}
		if c, isCloser := v.(closer); isCloser {
			if c == '>' {
				return d
			}
			continue
		}
		if !haveKey {
			if n, isName := v.(pdfName); isName {
				key, haveKey = n, true
			}
			continue
		}
		d[string(key)] = v
		haveKey = false
	}
}

func (l *lexer) literalString() pdfString {
	var b []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
			b = append(b, c)
		case ')':
			depth--
			if depth == 0 {
				return pdfString(b)
			}
			b = append(b, c)
		case '\\':
			if l.pos >= len(l.data) {
				return pdfString(b)
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case '\r':
				if l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				x := int(e - '0')
				for i := 0; i < 2 && l.pos < len(l.data); i++ {
					d := l.data[l.pos]
					if d < '0' || d > '7' {
						break
					}
					x = x*8 + int(d-'0')
					l.pos++
				}
				b = append(b, byte(x))
			default:
				b = append(b, e)
			}
		default:
			b = append(b, c)
		}
	}
	return pdfString(b)
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (l *lexer) hexString() pdfString {
	var b []byte
	hi := -1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v := hexVal(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			b = append(b, byte(hi<<4|v))
			hi = -1
		}
	}
	if l.pos >= len(l.data) && (len(l.data) == 0 || l.data[len(l.data)-1] != '>') {
		l.unterminated = true
	}
	if hi >= 0 {
		b = append(b, byte(hi<<4))
	}
	return pdfString(b)
}

func (l *lexer) name() pdfName {
	start := l.pos
	for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelimiter(l.data[l.pos]) {
		l.pos++
	}
	raw := l.data[start:l.pos]
	if bytes.IndexByte(raw, '#') < 0 {
		return pdfName(raw)
	}
	var b []byte
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) && hexVal(raw[i+1]) >= 0 && hexVal(raw[i+2]) >= 0 {
			b = append(b, byte(hexVal(raw[i+1])<<4|hexVal(raw[i+2])))
			i += 2
			continue
		}
		b = append(b, raw[i])
	}
	return pdfName(b)
}

func (l *lexer) keyword() any {
	start := l.pos
	for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelimiter(l.data[l.pos]) {
		l.pos++
	}
	if l.pos == start { // cannot happen (delimiters handled above), but never stall
		l.pos++
		return operator(l.data[start:l.pos])
	}
	w := l.data[start:l.pos]
	switch string(w) {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	if c := w[0]; c == '+' || c == '-' || c == '.' || '0' <= c && c <= '9' {
		if f, ok := parseNumber(w); ok {
			return f
		}
	}
	return operator(w)
}

// parseNumber reads a PDF number leniently: "--5", "1.2.3" and "5-" are
// read as far as they make sense, as other readers do.
func parseNumber(w []byte) (float64, bool) {
	if f, err := strconv.ParseFloat(string(w), 64); err == nil {
		return f, true
	}
	i := 0
	neg := false
	for i < len(w) && (w[i] == '+' || w[i] == '-') {
		neg = neg != (w[i] == '-')
		i++
	}
	j := i
	dot := false
	for j < len(w) && ('0' <= w[j] && w[j] <= '9' || w[j] == '.' && !dot) {
		if w[j] == '.' {
			dot = true
		}
		j++
	}
	if j == i || j == i+1 && w[i] == '.' {
		return 0, j > i || i > 0
	}
	f, err := strconv.ParseFloat(string(w[i:j]), 64)
	if err != nil {
		return 0, false
	}
	if neg {
		f = -f
	}
	return f, true
}

// skipInlineImage moves past the data of an inline image, after the BI
// operator; it returns false if no end was found.
func (l *lexer) skipInlineImage() bool {
	// Dictionary entries up to the ID operator.
	for {
		v, ok := l.next()
		if !ok {
			return false
		}
		if op, isOp := v.(operator); isOp && op == "ID" {
			break
		}
	}
	if l.pos < len(l.data) && isWhite(l.data[l.pos]) {
		l.pos++
	}
	// The data ends at "EI" between white space (or the end of the stream).
	for i := l.pos; i+1 < len(l.data); i++ {
		if l.data[i] == 'E' && l.data[i+1] == 'I' && (i == l.pos || isWhite(l.data[i-1])) &&
			(i+2 == len(l.data) || isWhite(l.data[i+2]) || isDelimiter(l.data[i+2])) {
			l.pos = i + 2
			return true
		}
	}
	l.pos = len(l.data)
	return false
}
