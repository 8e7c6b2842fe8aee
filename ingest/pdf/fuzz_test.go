package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/internal/fuzzbudget"
)

// Fuzz tests of the parsers of outside bytes. Seeds are the crafted files,
// small generated documents and content streams; the corpora found by
// fuzzing are kept in testdata/fuzz.

var contentSeeds = []string{
	"BT /F1 20 Tf 72 700 Td <c4cfcdcdd5f2> Tj ET",
	"q 1 0 0 1 0 -100 cm BT 14 TL 72 700 Td [(Hel) -250 (lo)] TJ T* (a) ' 1 2 (b) \" ET Q Q",
	"BT 3 Tc 50 Tz 2 Ts 10 Tw 0 1 -1 0 300 100 Tm (a b) Tj 0 -14 TD (c) Tj ET",
	"/Span << /ActualText <FEFF76EE> >> BDC BT <0001> Tj ET EMC /P0 BDC EMC BMC",
	"BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff EI Q BT (x) Tj",
	"[ (unclosed 1 2 Tm << /K [ ( \\101\\",
	"BT /F1 1e308 Tf 1e308 0 0 1e308 0 0 Tm (x) Tj -1e308 Tz (y) Tj ET",
}

// FuzzContent runs the content-stream interpreter and the layout on any
// bytes, with a CJK font selected.
func FuzzContent(f *testing.F) {
	for _, s := range contentSeeds {
		f.Add([]byte(s))
	}
	cm := parseCMap(toUnicodeCMap(map[uint16]rune{1: '甲', 2: '乙', 3: '⽤', 0x20: ' '}))
	f.Fuzz(func(t *testing.T, content []byte) {
		in := newInterp(nil, identity)
		in.gs.font = &font{kind: type0Font, toUni: cm, pre: lookupPredefined("Identity-H"), dw: 1, emScale: 1, cache: map[uint32]string{}}
		in.gs.size = 10
		in.run(content, nil)
		lines := layoutLines(in.glyphs)
		out, boxes := renderPage(lines, linePitch([][]line{lines}))
		if strings.ContainsRune(out, '\x00') {
			t.Errorf("NUL in output %q", out)
		}
		if err := checkBoxes(out, boxes); err != nil {
			t.Error(err)
		}
	})
}

// FuzzCMap parses any bytes as a CMap and looks codes up.
func FuzzCMap(f *testing.F) {
	f.Add([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0001> <0004> <4EFE> endbfrange"))
	f.Add([]byte("2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange 1 begincidrange <8140> <8145> 100 endcidrange 1 beginbfchar <41> /uni5357 endbfchar"))
	f.Add([]byte("1 beginbfrange <0010> <0012> [<0041> <00420043> <D83DDE00>] endbfrange /CMapName /X def /WMode 1 def /Foo usecmap"))
	f.Add(toUnicodeCMap(map[uint16]rune{1: '南', 2: '屯'}))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := parseCMap(data)
		for s := data; len(s) > 0; {
			code, n := c.nextCode(s)
			if n < 1 || n > len(s) {
				t.Fatalf("nextCode took %d of %d bytes", n, len(s))
			}
			c.lookup(code)
			c.cid(code)
			s = s[n:]
		}
	})
}

// FuzzExtract reads any bytes as a whole file, in process. A panic our code
// recovers from is a failure when it comes from our code; a hang is a
// failure too.
func FuzzExtract(f *testing.F) {
	fuzzbudget.Set()
	crafted, _ := filepath.Glob("testdata/crafted/*.pdf")
	for _, name := range crafted {
		data, err := os.ReadFile(name)
		if err == nil {
			f.Add(data)
		}
	}
	cjk := []rune("南屯镇绩效")
	for _, s := range contentSeeds {
		f.Add(textPDF([]string{s, "BT /F2 10 Tf 72 700 Td " + cjkHex(cjk, "南屯") + " Tj ET"}, cjk))
	}
	f.Add(hostileObjStmPDF())
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj trailer << /Root 1 0 R >> %%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ours []string
		panicHook = func(x any, stack []byte) {
			if _, isRuntime := x.(runtime.Error); isRuntime && ourFrame(stack) {
				ours = append(ours, string(stack))
			}
		}
		defer func() { panicHook = nil }()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done := make(chan struct{})
		go func() {
			defer close(done)
			Extract(ctx, data, Options{InProcess: true})
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			buf := make([]byte, 1<<20)
			n := runtime.Stack(buf, true)
			t.Fatalf("hang:\n%s", buf[:n])
		}
		if len(ours) > 0 {
			t.Fatalf("runtime error in our code:\n%s", ours[0])
		}
	})
}

// ourFrame tells whether the innermost non-runtime frame of a panic stack
// (the frame below "panic(") is in this package.
func ourFrame(stack []byte) bool {
	lines := bytes.Split(stack, []byte("\n"))
	start := -1
	for i, l := range lines {
		if bytes.HasPrefix(l, []byte("panic(")) {
			start = i
		}
	}
	if start < 0 {
		return false
	}
	for _, l := range lines[start+1:] {
		if len(l) == 0 || l[0] == '\t' || bytes.HasPrefix(l, []byte("runtime.")) {
			continue
		}
		return bytes.HasPrefix(l, []byte("github.com/jixiao/jixiao/ingest/pdf."))
	}
	return false
}
