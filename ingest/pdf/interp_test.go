package pdf

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// pageTexts extracts a textPDF in process.
func pageTexts(t *testing.T, pages []string, cjk []rune) []string {
	t.Helper()
	res, err := Extract(context.Background(), textPDF(pages, cjk), Options{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	return res.Pages
}

// TestTextLayer checks the text state and the layout on small content
// streams: F1 is Helvetica (no widths: half an em each), F2 a CJK font (one
// em each) with ToUnicode.
func TestTextLayer(t *testing.T) {
	cjk := []rune("南屯镇绩效自评表⽤⻓目")
	h := func(s string) string { return cjkHex(cjk, s) }
	cases := []struct {
		name    string
		content string
		want    string
	}{
		{"cjk without gaps", "BT /F2 10 Tf 72 700 Td " + h("南屯镇") + " Tj ET", "南屯镇"},
		{"cjk small gap is nothing", "BT /F2 10 Tf 72 700 Td " + h("南屯") + " Tj 23 0 Td " + h("镇") + " Tj ET", "南屯镇"},
		{"cjk wide gap is a space", "BT /F2 10 Tf 72 700 Td " + h("南屯") + " Tj 26 0 Td " + h("镇") + " Tj ET", "南屯 镇"},
		{"column gap is a tab", "BT /F2 10 Tf 72 700 Td " + h("南屯") + " Tj 50 0 Td " + h("镇") + " Tj ET", "南屯\t镇"},
		{"latin word gap", "BT /F1 10 Tf 72 700 Td [(Hel) -250 (lo)] TJ ET", "Hel lo"},
		{"kerning is no gap", "BT /F1 10 Tf 72 700 Td [(Hel) -50 (lo)] TJ ET", "Hello"},
		{"space glyph", "BT /F1 10 Tf 72 700 Td (a b) Tj ET", "a b"},
		{"word spacing widens the space", "BT /F1 10 Tf 30 Tw 72 700 Td (a b) Tj ET", "a\tb"},
		{"char spacing", "BT /F1 10 Tf 3 Tc 72 700 Td (ab) Tj ET", "a b"},
		{"horizontal scaling", "BT /F1 10 Tf 50 Tz 3 Tc 72 700 Td (ab) Tj ET", "ab"},
		{"lines by baseline, not by order", "BT /F2 10 Tf 72 686 Td " + h("绩效") + " Tj ET BT /F2 10 Tf 72 700 Td " + h("南屯") + " Tj ET", "南屯\n绩效"},
		{"one line drawn in pieces", "BT /F2 10 Tf 92 700 Td " + h("镇") + " Tj -20 0 Td " + h("南屯") + " Tj ET", "南屯镇"},
		{"paragraph gap", "BT /F2 10 Tf 14 TL 72 700 Td " + h("南") + " Tj T* " + h("屯") + " Tj T* " + h("镇") + " Tj 0 -30 Td " + h("绩效") + " Tj ET", "南\n屯\n镇\n\n绩效"},
		{"TD sets leading", "BT /F2 10 Tf 72 700 Td " + h("南") + " Tj 0 -14 TD " + h("屯") + " Tj T* " + h("镇") + " Tj ET", "南\n屯\n镇"},
		{"quote operators", "BT /F1 10 Tf 14 TL 72 700 Td (a) Tj (b) ' 1 2 (c) \" ET", "a\nb\nc"},
		{"rise keeps the line", "BT /F1 10 Tf 72 700 Td (x) Tj 3 Ts (2) Tj ET", "x2"},
		{"cm scales", "2 0 0 2 0 0 cm BT /F2 10 Tf 36 350 Td " + h("南屯") + " Tj 11 0 Td " + h("镇") + " Tj ET", "南屯镇"},
		{"unbalanced Q", "Q Q BT /F2 10 Tf 72 700 Td " + h("南") + " Tj ET q", "南"},
		{"Tm rotated page", "BT /F2 10 Tf 0 1 -1 0 300 100 Tm " + h("南屯") + " Tj 0 1 -1 0 314 100 Tm " + h("镇") + " Tj ET", "南屯\n镇"},
		{"radicals kept for ingest to fold", "BT /F2 10 Tf 72 700 Td " + h("⽤⻓") + " Tj ET", "⽤⻓"},
		{"actual text", "BT /F2 10 Tf 72 700 Td /Span << /ActualText <FEFF76EE> >> BDC " + h("⽤") + " Tj EMC " + h("南") + " Tj ET", "目南"},
		{"fake bold drawn twice", "BT /F2 10 Tf 72 700 Td " + h("南") + " Tj ET BT /F2 10 Tf 72.3 700 Td " + h("南") + " Tj ET", "南"},
		{"bad operands are skipped", "BT /F2 10 Tf 72 700 Td 1 " + h("南") + " Tj (x) Td /Y Tf [1 2 Tm " + h("屯") + " Tj ET", "南屯"},
		{"inline image", "BT /F2 10 Tf 72 700 Td " + h("南") + " Tj ET BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff EI\x01 EI BT /F2 10 Tf 82 700 Td " + h("屯") + " Tj ET", "南屯"},
		{"no font selected", "BT 72 700 Td (abc) Tj /F9 10 Tf (def) Tj /F1 10 Tf (ghi) Tj ET", "ghi"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := pageTexts(t, []string{c.content}, cjk)
			if got[0] != c.want {
				t.Errorf("%q, want %q", got[0], c.want)
			}
		})
	}
}

// TestForms draws text through form XObjects, nested, with their own
// resources and matrix, and through a form that draws itself.
func TestForms(t *testing.T) {
	cjk := []rune("甲乙")
	m := map[uint16]rune{1: '甲', 2: '乙'}
	objs := []pdfObject{
		{body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
		{body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X1 5 0 R /Loop 9 0 R >> >> /Contents 4 0 R >>"},
		{body: "<< >>", stream: []byte("q 1 0 0 1 0 -100 cm /X1 Do Q /Loop Do")},
		{body: "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 10 0] /Resources << /Font << /F1 7 0 R >> /XObject << /X2 6 0 R >> >> >>",
			stream: []byte("BT /F1 10 Tf 72 700 Td <0001> Tj ET /X2 Do")},
		{body: "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] >>", stream: []byte("BT /F1 10 Tf 72 680 Td <0002> Tj ET")},
		{body: "<< /Type /Font /Subtype /Type0 /BaseFont /T /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /T /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] /ToUnicode 8 0 R >>"},
		{body: "<< >>", stream: toUnicodeCMap(m)},
		{body: "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> /XObject << /Loop 9 0 R >> >> >>",
			stream: []byte("BT /F1 10 Tf 300 300 Td <0001> Tj ET /Loop Do")},
	}
	_ = cjk
	res, err := Extract(context.Background(), buildPDF(objs), Options{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := "甲\n乙\n\n甲"; res.Pages[0] != want {
		t.Errorf("page = %q, want %q", res.Pages[0], want)
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "nested too deep") {
		t.Errorf("warnings = %q", res.Warnings)
	}
}

// TestSimpleFontEncodings: /Differences with glyph names, a base encoding,
// widths from /Widths, and a ToUnicode that wins over the encoding.
func TestSimpleFontEncodings(t *testing.T) {
	widths := make([]string, 0, 95)
	for range 95 {
		widths = append(widths, "500")
	}
	objs := []pdfObject{
		{body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
		{body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>"},
		{body: "<< >>", stream: []byte("BT /F1 10 Tf 72 700 Td (\x01\x02ABC\x80) Tj /F2 10 Tf 0 -14 Td (\x01\x02) Tj ET")},
		{body: fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /X /FirstChar 32 /LastChar 126 /Widths [%s] /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [1 /uni5357 /ydieresis 66 /Euro] >> >>", strings.Join(widths, " "))},
		{body: "<< /Type /Font /Subtype /TrueType /BaseFont /Y /ToUnicode 7 0 R >>"},
		{body: "<< >>", stream: []byte("1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <7EE9> <02> <6548> endbfchar")},
	}
	res, err := Extract(context.Background(), buildPDF(objs), Options{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := "南ÿA€C€\n绩效"; res.Pages[0] != want {
		t.Errorf("page = %q, want %q", res.Pages[0], want)
	}
}

func TestLexer(t *testing.T) {
	l := &lexer{data: []byte(`12 -3.5 .5 --4 (a\(b\)\n\101) <48 65 6C6> /Na#20me [1 [2]] << /K (v) /L [ ] >> true null Tj ) ] } EI`)}
	var got []string
	for {
		tok, ok := l.next()
		if !ok {
			break
		}
		got = append(got, fmt.Sprintf("%T:%v", tok, tok))
	}
	want := []string{"float64:12", "float64:-3.5", "float64:0.5", "float64:4", "pdf.pdfString:a(b)\nA", "pdf.pdfString:Hel`",
		"pdf.pdfName:Na me", "[]interface {}:[1 [2]]", "map[string]interface {}:map[K:v L:[]]", "bool:true", "<nil>:<nil>",
		"pdf.operator:Tj", "pdf.operator:EI"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tokens\n%q\nwant\n%q", got, want)
	}
}

// TestFormFanOut: six forms, each drawing the next ten times, are a few
// kilobytes that replay the last one a million times; the replays are bounded
// per page and the page says it was cut. The budget is counted in bytes, so
// the test does not depend on the machine's speed.
func TestFormFanOut(t *testing.T) {
	m := map[uint16]rune{1: '甲'}
	objs := []pdfObject{
		{body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
		{body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /L 7 0 R >> >> /Contents 4 0 R >>"},
		{body: "<< >>", stream: []byte("BT /F1 10 Tf 72 700 Td <0001> Tj ET /L Do")},
		{body: "<< /Type /Font /Subtype /Type0 /BaseFont /T /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /T /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] /ToUnicode 6 0 R >>"},
		{body: "<< >>", stream: toUnicodeCMap(m)},
	}
	for level := range 6 { // objects 7..12; the last draws nothing but is 4 KB
		if level == 5 {
			objs = append(objs, pdfObject{body: "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] >>", stream: []byte(strings.Repeat(" ", 4096) + "q Q")})
			break
		}
		objs = append(objs, pdfObject{body: fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /L %d 0 R >> >> >>", 8+level),
			stream: []byte(strings.Repeat("/L Do ", 10))})
	}
	res, err := Extract(context.Background(), buildPDF(objs), Options{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages[0] != "甲" {
		t.Errorf("page = %q, want 甲", res.Pages[0])
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "forms drawn too often") {
		t.Errorf("warnings = %q", res.Warnings)
	}
}
