package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// ideographs keeps the Han ideographs of a text, in order.
func ideographs(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.Is(unicode.Ideographic, r) {
			out = append(out, r)
		}
	}
	return out
}

// ratio is difflib's SequenceMatcher ratio, 2·M/(len a + len b), with M the
// length of the longest common subsequence.
func ratio(a, b []rune) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(lcsLen(a, b)) / float64(len(a)+len(b))
}

// lcsLen computes the LCS length with Hyyrö's bit-parallel algorithm.
func lcsLen(a, b []rune) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	words := (len(a) + 63) / 64
	masks := map[rune][]uint64{}
	for i, r := range a {
		m := masks[r]
		if m == nil {
			m = make([]uint64, words)
			masks[r] = m
		}
		m[i/64] |= 1 << (i % 64)
	}
	v := make([]uint64, words)
	for i := range v {
		v[i] = ^uint64(0)
	}
	for _, r := range b {
		m := masks[r]
		if m == nil {
			continue
		}
		var carry uint64
		for i := range v {
			u := v[i] & m[i]
			sum, c := bits.Add64(v[i], u, carry)
			carry = c
			v[i] = sum | (v[i] &^ m[i])
		}
	}
	zeros := 0
	for i := range a {
		if v[i/64]&(1<<(i%64)) == 0 {
			zeros++
		}
	}
	return zeros
}

func readTestdata(t testing.TB, parts ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{"testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// pdfObject is one object of a PDF written by buildPDF: a body, and stream
// data if any (compressed with Flate when deflate is set).
type pdfObject struct {
	body    string
	stream  []byte
	deflate bool
}

// buildPDF writes a well-formed PDF of the objects (numbered from 1, the
// first being the catalog) with a classic cross-reference table.
func buildPDF(objs []pdfObject) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		if o.stream == nil {
			b.WriteString(o.body + "\nendobj\n")
			continue
		}
		data := o.stream
		filter := ""
		if o.deflate {
			data = deflate(o.stream)
			filter = " /Filter /FlateDecode"
		}
		body := strings.TrimSuffix(strings.TrimSpace(o.body), ">>")
		fmt.Fprintf(&b, "%s /Length %d%s >>\nstream\n", body, len(data), filter)
		b.Write(data)
		b.WriteString("\nendstream\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func deflate(data []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(data)
	w.Close()
	return z.Bytes()
}

// toUnicodeCMap writes a ToUnicode CMap of two-byte codes.
func toUnicodeCMap(entries map[uint16]rune) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n")
	b.WriteString("1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	fmt.Fprintf(&b, "%d beginbfchar\n", len(entries))
	for c, r := range entries {
		fmt.Fprintf(&b, "<%04X> <%04X>\n", c, r)
	}
	b.WriteString("endbfchar endcmap CMapName currentdict /CMap defineresource pop end end\n")
	return []byte(b.String())
}

// textPDF is a one-font document: each page's content stream is given; the
// font F1 is Helvetica (simple, WinAnsi) and F2 an Identity-H font whose
// codes 0x0001… map to the runes of cjk.
func textPDF(pages []string, cjk []rune) []byte {
	m := map[uint16]rune{}
	for i, r := range cjk {
		m[uint16(i+1)] = r
	}
	n := len(pages)
	// 1 catalog, 2 pages, 3 F1, 4 F2, 5 descendant, 6 ToUnicode, then per
	// page: page, content.
	kids := make([]string, n)
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 7+2*i)
	}
	objs := []pdfObject{
		{body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{body: fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)},
		{body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"},
		{body: "<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>"},
		{body: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"},
		{body: "<< >>", stream: toUnicodeCMap(m)},
	}
	for i, content := range pages {
		objs = append(objs,
			pdfObject{body: fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>", 8+2*i)},
			pdfObject{body: "<< >>", stream: []byte(content), deflate: true})
	}
	return buildPDF(objs)
}

// cjkHex encodes runes as the codes textPDF's F2 gives them.
func cjkHex(cjk []rune, text string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range text {
		for i, c := range cjk {
			if c == r {
				fmt.Fprintf(&b, "%04X", i+1)
			}
		}
	}
	b.WriteByte('>')
	return b.String()
}
