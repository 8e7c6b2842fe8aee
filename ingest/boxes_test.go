package ingest

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/ingest/pdf"
)

// TestPageSpan: a span of the normalised text maps back to its page and to
// the same characters there, across a page break and past full-width
// digits that normalisation folded; BoxesOf cuts a run to the span.
func TestPageSpan(t *testing.T) {
	pages := []Page{
		{N: 1, Text: "一、基本情况\n预算总金额为 ９３７.１３ 万元"},
		{N: 2, Text: "二、项目\n第 17 项预算 2 万元",
			Boxes: pdf.Boxes{{Start: 17, End: 19, X0: 100, Y0: 700, X1: 110, Y1: 710}, {Start: 20, End: 29, X0: 112, Y0: 700, X1: 142, Y1: 710}}},
	}
	if pages[1].Text[17:19] != "17" || pages[1].Text[20:29] != "项预算" {
		t.Fatalf("boxes do not hold %q and %q", pages[1].Text[17:19], pages[1].Text[20:29])
	}
	doc := Assemble("x.pdf", "", FormatPDF, pages, nil)
	for _, c := range []struct {
		find       string
		page       int
		onPage     string
		boxes, cut int
	}{
		{"937.13", 0, "９３７.１３", 0, 0},
		{"17", 1, "17", 1, 0},
		{"项预算", 1, "项预算", 1, 0},
		{"预算 2", 1, "预算 2", 1, 1}, // the box holds 预算 of it
	} {
		at := strings.Index(doc.Text, c.find)
		if at < 0 {
			t.Fatalf("%q not in %q", c.find, doc.Text)
		}
		pi, s, e, ok := doc.PageSpan(at, at+len(c.find))
		if !ok || pi != c.page || pages[pi].Text[s:e] != c.onPage {
			t.Errorf("%q: page %d [%d,%d) %v", c.find, pi, s, e, ok)
			continue
		}
		bs := doc.Pages[pi].BoxesOf(s, e)
		if len(bs) != c.boxes {
			t.Errorf("%q: boxes %+v", c.find, bs)
			continue
		}
		if c.cut > 0 && (bs[0].Start != 23 || bs[0].End != 29 || bs[0].X0 != 122 || bs[0].X1 != 142) {
			t.Errorf("%q: cut box %+v, want [23,29) x 122–142", c.find, bs[0])
		}
	}
	if _, _, _, ok := doc.PageSpan(5, 5); ok {
		t.Error("an empty span has a page")
	}
}
