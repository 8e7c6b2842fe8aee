package pdf

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"
)

// badPrint is the print the damaged files of TestBadFiles are made from:
// the reference report, LibreOffice from DOCX (17 pages).
const badPrint = "02_lo_docx_notoserif16.pdf"

// derivedBad are the damaged files that are byte edits of badPrint, made
// here from it so that what was done to each reads in code. (The other
// files of testdata/bad were written by other programs: encrypted,
// linearized, with object streams, scanned; or are not a print at all.)
var derivedBad = map[string]func(t testing.TB, p []byte) []byte{
	// cut in the middle: the xref and the trailer are gone
	"b01_truncated_50pct.pdf": func(_ testing.TB, p []byte) []byte { return p[:len(p)/2] },
	// the last 200 bytes cut: the xref table ends early, no trailer
	"b02_truncated_tail200.pdf": func(_ testing.TB, p []byte) []byte { return p[:len(p)-200] },
	// 4 KB in the middle (inside a font stream) overwritten with noise
	"b06_corrupt_middle.pdf": func(_ testing.TB, p []byte) []byte {
		out := bytes.Clone(p)
		noise := rand.NewChaCha8([32]byte{'b', '0', '6'})
		noise.Read(out[len(p)/2 : len(p)/2+4096])
		return out
	},
	// a PDF 2.0 header on a 1.6 file
	"b13_header_pdf20.pdf": func(t testing.TB, p []byte) []byte {
		if !bytes.HasPrefix(p, []byte("%PDF-1.6\n")) {
			t.Fatalf("%s does not begin with %%PDF-1.6", badPrint)
		}
		return append([]byte("%PDF-2.0"), p[len("%PDF-1.6"):]...)
	},
	// 300 NUL bytes after %%EOF
	"b14_trailing_300_nulls.pdf": func(_ testing.TB, p []byte) []byte { return append(bytes.Clone(p), make([]byte, 300)...) },
	// a UTF-8 byte-order mark before %PDF-
	"b15_leading_bom.pdf": func(_ testing.TB, p []byte) []byte { return append([]byte("\ufeff"), p...) },
	// startxref 7 bytes past the xref table
	"b18_bad_startxref_offset.pdf": func(t testing.TB, p []byte) []byte {
		i := bytes.LastIndex(p, []byte("startxref\n"))
		if i < 0 {
			t.Fatalf("%s has no startxref", badPrint)
		}
		start := i + len("startxref\n")
		end := start + bytes.IndexByte(p[start:], '\n')
		off, err := strconv.Atoi(string(p[start:end]))
		if err != nil {
			t.Fatalf("%s: startxref %q", badPrint, p[start:end])
		}
		return append(append(append([]byte{}, p[:start]...), strconv.Itoa(off+7)...), p[end:]...)
	},
}

// readBad gives a file of TestBadFiles: made from badPrint when it is a
// byte edit of it, else read from testdata/bad.
func readBad(t testing.TB, name string) []byte {
	t.Helper()
	if edit, ok := derivedBad[name]; ok {
		return edit(t, readTestdata(t, "printed", badPrint))
	}
	return readTestdata(t, "bad", name)
}
