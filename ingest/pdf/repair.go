package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// Repairs made before (or after a failed) opening: the parser wants the
// header at offset 0 with a 1.x version and the trailer at the very end, and
// a cross-reference table that is right.

// normalize returns bytes the parser can open: anything before "%PDF-" (a
// BOM, mail headers) is cut, a 2.x version is read as 1.7 (2.0 adds nothing
// text extraction needs), and anything after the last "%%EOF" is cut.
func normalize(data []byte) ([]byte, []string, error) {
	if err := sniff(data); err != nil {
		return nil, nil, err
	}
	var notes []string
	start := bytes.Index(data[:min(len(data), headerWindow)], []byte("%PDF-"))
	out := data[start:]
	if start > 0 {
		notes = append(notes, fmt.Sprintf("已忽略 %%PDF- 之前的 %d 个字节 (bytes before header)", start))
	}
	if len(out) < 9 || out[5] != '1' || out[6] != '.' || out[7] < '0' || out[7] > '7' || out[8] != '\n' && out[8] != '\r' {
		fixed := make([]byte, len(out))
		copy(fixed, out)
		if len(fixed) >= 9 {
			if fixed[5] != '1' || fixed[6] != '.' || fixed[7] < '0' || fixed[7] > '7' {
				notes = append(notes, fmt.Sprintf("PDF 版本 %q 按 1.7 读取 (version read as 1.7)", string(bytes.TrimSpace(fixed[5:8]))))
				copy(fixed[5:8], "1.7")
			}
			if fixed[8] != '\n' && fixed[8] != '\r' {
				fixed[8] = '\n'
			}
		}
		out = fixed
	}
	if i := bytes.LastIndex(out, []byte("%%EOF")); i >= 0 {
		end := i + 5
		if tail := out[end:]; len(bytes.TrimRight(tail, "\r\n")) > 0 {
			notes = append(notes, fmt.Sprintf("已忽略 %%%%EOF 之后的 %d 个字节 (bytes after end)", len(tail)))
			out = append(out[:end:end], '\n')
		}
	}
	return out, notes, nil
}

// headerWindow is how far into a file "%PDF-" is looked for.
const headerWindow = 64 << 10

// sniff says whether data can be a PDF at all.
func sniff(data []byte) error {
	if len(data) == 0 {
		return fmt.Errorf("%w: 空文件 (empty file)", ErrNotPDF)
	}
	if !bytes.Contains(data[:min(len(data), headerWindow)], []byte("%PDF-")) {
		return fmt.Errorf("%w: 找不到 %%PDF- 文件头 (no %%PDF- header)", ErrNotPDF)
	}
	return nil
}

// rebuiltPagesKey is the trailer entry of a rebuilt file that lists the page
// objects found by scanning, for files whose page tree is lost.
const rebuiltPagesKey = "JixiaoPages"

type scannedObject struct {
	id      int
	gen     int
	offset  int // of the "id gen obj" line; -1 inside an object stream
	stream  int // containing object stream, for compressed objects
	index   int // position inside the object stream
	order   int // position in the file, for ordering pages
	isPage  bool
	catalog bool
	xrefDic map[string]any // trailer entries of a cross-reference stream
	text    []byte         // body of an object taken out of an object stream
}

var (
	pageType    = regexp.MustCompile(`/Type\s*/Page(?:[^A-Za-z0-9]|$)`)
	catalogType = regexp.MustCompile(`/Type\s*/Catalog(?:[^A-Za-z0-9]|$)`)
	objStmType  = regexp.MustCompile(`/Type\s*/ObjStm(?:[^A-Za-z0-9]|$)`)
	xrefType    = regexp.MustCompile(`/Type\s*/XRef(?:[^A-Za-z0-9]|$)`)
)

// Bounds of a rebuild.
const (
	maxObjects = 1 << 21
)

// rebuildXref scans the file for objects (also inside object streams) and
// appends a fresh cross-reference stream with a trailer: the repair for a
// wrong startxref, a damaged table, a truncated file.
func rebuildXref(data []byte) ([]byte, int, error) {
	objs := map[int]*scannedObject{}
	var trailer map[string]any
	order := 0
	pos := 0
	for pos < len(data) && len(objs) < maxObjects {
		i := bytes.Index(data[pos:], []byte("obj"))
		if i < 0 {
			break
		}
		kw := pos + i
		pos = kw + 3
		id, gen, start, ok := objectHeader(data, kw)
		if !ok || kw+3 < len(data) && !isWhite(data[kw+3]) && !isDelimiter(data[kw+3]) {
			continue
		}
		body, next := objectBody(data, kw+3)
		pos = next
		order++
		o := &scannedObject{id: id, gen: gen, offset: start, order: order}
		o.isPage = pageType.Match(dictPart(body))
		o.catalog = catalogType.Match(dictPart(body))
		dp := dictPart(body)
		if xrefType.Match(dp) {
			o.xrefDic = (&lexer{data: dp}).dictAt()
		}
		objs[id] = o
		if objStmType.Match(dp) {
			for k, c := range objectStreamMembers(body) {
				if _, direct := objs[c.id]; direct || len(objs) >= maxObjects {
					continue
				}
				order++
				objs[c.id] = &scannedObject{id: c.id, offset: -1, stream: id, index: k, order: order,
					isPage: c.isPage, catalog: c.catalog, text: c.text}
			}
		}
	}
	// The trailer: the last "trailer" dictionary, else the last
	// cross-reference stream's.
	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		l := &lexer{data: data[i+7 : min(len(data), i+7+1<<16)]}
		trailer = l.dictAt()
	}
	if trailer == nil || trailer["Root"] == nil {
		best := -1
		for _, o := range objs {
			if o.xrefDic != nil && o.xrefDic["Root"] != nil && o.order > best {
				best, trailer = o.order, o.xrefDic
			}
		}
	}
	if len(objs) == 0 {
		return nil, 0, fmt.Errorf("%w: 找不到任何对象 (no objects)", ErrDamaged)
	}
	root := refID(trailer, "Root")
	if o, ok := objs[root]; !ok || !o.catalog {
		root = -1
		best := -1
		for _, o := range objs {
			if o.catalog && o.order > best {
				best, root = o.order, o.id
			}
		}
	}

	maxID := 0
	for id := range objs {
		maxID = max(maxID, id)
	}
	xrefID := maxID + 1
	var out bytes.Buffer
	out.Grow(len(data) + (xrefID+1)*7 + 4096)
	out.Write(data)
	if len(data) > 0 && data[len(data)-1] != '\n' {
		out.WriteByte('\n')
	}
	// Objects of object streams are written out as plain objects: the parser
	// then never reads an object stream (it re-inflates one per lookup, and
	// some damage inside one makes it loop).
	flat := make([]int, 0)
	for id, o := range objs {
		if o.offset < 0 {
			flat = append(flat, id)
		}
	}
	sort.Ints(flat)
	for _, id := range flat {
		o := objs[id]
		o.offset, o.gen = out.Len(), 0
		fmt.Fprintf(&out, "%d 0 obj\n", id)
		out.Write(o.text)
		out.WriteString("\nendobj\n")
	}
	xrefOff := out.Len()
	table := make([]byte, 0, (xrefID+1)*7)
	for id := 0; id <= xrefID; id++ {
		o := objs[id]
		switch {
		case id == xrefID:
			table = append(table, 1, byte(xrefOff>>24), byte(xrefOff>>16), byte(xrefOff>>8), byte(xrefOff), 0, 0)
		case o == nil:
			table = append(table, 0, 0, 0, 0, 0, 0xff, 0xff)
		default:
			table = append(table, 1, byte(o.offset>>24), byte(o.offset>>16), byte(o.offset>>8), byte(o.offset),
				byte(o.gen>>8), byte(o.gen))
		}
	}
	ref := func(id int) string {
		gen := 0
		if o := objs[id]; o != nil {
			gen = o.gen
		}
		return fmt.Sprintf("%d %d R", id, gen)
	}
	fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Length %d", xrefID, xrefID+1, len(table))
	if root >= 0 {
		fmt.Fprintf(&out, " /Root %s", ref(root))
	}
	if id := refID(trailer, "Info"); objs[id] != nil {
		fmt.Fprintf(&out, " /Info %s", ref(id))
	}
	if id := refID(trailer, "Encrypt"); objs[id] != nil {
		fmt.Fprintf(&out, " /Encrypt %s", ref(id))
	}
	if ids, ok := trailer["ID"].([]any); ok {
		out.WriteString(" /ID [")
		for _, v := range ids {
			if s, ok := v.(pdfString); ok {
				fmt.Fprintf(&out, "<%x>", []byte(s))
			}
		}
		out.WriteString("]")
	}
	var pages []*scannedObject
	for _, o := range objs {
		if o.isPage {
			pages = append(pages, o)
		}
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].order < pages[j].order })
	fmt.Fprintf(&out, " /%s [", rebuiltPagesKey)
	for _, p := range pages {
		out.WriteString(ref(p.id) + " ")
	}
	out.WriteString("] >>\nstream\n")
	out.Write(table)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefOff)
	return out.Bytes(), len(objs), nil
}

// objectHeader reads "id gen" backwards from the "obj" keyword at kw.
func objectHeader(data []byte, kw int) (id, gen, start int, ok bool) {
	i := kw
	skipBack := func() {
		for i > 0 && isWhite(data[i-1]) {
			i--
		}
	}
	digitsBack := func() (int, bool) {
		end := i
		for i > 0 && data[i-1] >= '0' && data[i-1] <= '9' && end-i < 10 {
			i--
		}
		if i == end {
			return 0, false
		}
		n, err := strconv.Atoi(string(data[i:end]))
		return n, err == nil
	}
	if i == 0 || !isWhite(data[i-1]) {
		return 0, 0, 0, false
	}
	skipBack()
	g, ok1 := digitsBack()
	if !ok1 || i == 0 || !isWhite(data[i-1]) {
		return 0, 0, 0, false
	}
	skipBack()
	n, ok2 := digitsBack()
	if !ok2 || i > 0 && !isWhite(data[i-1]) && !isDelimiter(data[i-1]) || g > 65535 || n >= maxXrefEntries {
		return 0, 0, 0, false
	}
	return n, g, i, true
}

// objectBody returns the body of an object starting after its "obj" keyword
// and where scanning goes on (past the stream data, if any).
func objectBody(data []byte, from int) ([]byte, int) {
	rest := data[from:]
	end := bytes.Index(rest, []byte("endobj"))
	st := bytes.Index(rest, []byte("stream"))
	if st >= 0 && (end < 0 || st < end) {
		es := bytes.Index(rest[st+6:], []byte("endstream"))
		if es >= 0 {
			stop := st + 6 + es + 9
			if e2 := bytes.Index(rest[stop:], []byte("endobj")); e2 >= 0 && e2 < 64 {
				stop += e2 + 6
			}
			return rest[:st+6+es], from + stop
		}
		return rest, len(data)
	}
	if end < 0 {
		// Truncated or damaged: the body runs to the next object at most.
		n := min(len(rest), 1<<16)
		return rest[:n], from
	}
	return rest[:end], from + end + 6
}

// dictPart is the dictionary of an object body (before any stream data).
func dictPart(body []byte) []byte {
	if i := bytes.Index(body, []byte("stream")); i >= 0 {
		return body[:i]
	}
	return body
}

// dictAt reads the first dictionary from the lexer's data.
func (l *lexer) dictAt() map[string]any {
	for {
		tok, ok := l.next()
		if !ok {
			return nil
		}
		if d, isDict := tok.(map[string]any); isDict {
			return d
		}
	}
}

// refID returns the object number of a reference entry ("12 0 R" is read by
// the lexer as the number 12 followed by 0 and R), or -1.
func refID(d map[string]any, key string) int {
	if f, ok := d[key].(float64); ok && f >= 0 && f < 1<<24 {
		return int(f)
	}
	return -1
}

type memberObject struct {
	id              int
	isPage, catalog bool
	text            []byte
}

// objectStreamMembers lists the objects inside an object stream body.
func objectStreamMembers(body []byte) []memberObject {
	dp := dictPart(body)
	d := (&lexer{data: dp}).dictAt()
	n, _ := d["N"].(float64)
	first, _ := d["First"].(float64)
	if n <= 0 || n > 1<<20 || first <= 0 {
		return nil
	}
	i := bytes.Index(body, []byte("stream"))
	if i < 0 {
		return nil
	}
	raw := body[i+6:]
	raw = bytes.TrimPrefix(raw, []byte("\r"))
	raw = bytes.TrimPrefix(raw, []byte("\n"))
	dec := raw
	if f, _ := d["Filter"].(pdfName); f == "FlateDecode" || f == "Fl" {
		var err error
		dec, err = inflate(raw)
		if err != nil && len(dec) == 0 {
			return nil
		}
	}
	if int(first) > len(dec) {
		return nil
	}
	hl := &lexer{data: dec[:int(first)]}
	type pair struct{ id, off int }
	var pairs []pair
	for k := 0; k < int(n); k++ {
		a, ok1 := hl.next()
		b, ok2 := hl.next()
		fa, oka := a.(float64)
		fb, okb := b.(float64)
		if !ok1 || !ok2 || !oka || !okb || fa < 0 || fb < 0 {
			break
		}
		pairs = append(pairs, pair{int(fa), int(fb)})
	}
	out := make([]memberObject, 0, len(pairs))
	for k, p := range pairs {
		s := int(first) + p.off
		e := len(dec)
		if k+1 < len(pairs) {
			e = int(first) + pairs[k+1].off
		}
		if s > len(dec) || e > len(dec) || s > e {
			out = append(out, memberObject{id: p.id, text: []byte("null")})
			continue
		}
		obj := dec[s:e]
		out = append(out, memberObject{id: p.id, isPage: pageType.Match(obj), catalog: catalogType.Match(obj), text: obj})
	}
	return out
}
