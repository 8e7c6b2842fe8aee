package ingest

import (
	"sort"
	"unicode/utf8"

	"github.com/jixiao/jixiao/ingest/pdf"
)

// pdfPlaces gives page i of a PDF result its boxes and geometry.
func pdfPlaces(p *Page, res pdf.Result, i int) {
	if i < len(res.Boxes) {
		p.Boxes = res.Boxes[i]
	}
	if i < len(res.Geometry) {
		g := res.Geometry[i]
		p.Geometry = &g
	}
}

// BoxesOf gives the boxes of page p that hold Text[start:end] of the page,
// each cut to the part of the span it holds (by the share of its bytes:
// a run is one script, so bytes go with width closely enough to point at
// a figure; a run up or down the page is kept whole). Nil when the page has
// no boxes there.
func (p *Page) BoxesOf(start, end int) []pdf.Box {
	i := sort.Search(len(p.Boxes), func(i int) bool { return p.Boxes[i].End > start })
	var out []pdf.Box
	for ; i < len(p.Boxes) && p.Boxes[i].Start < end; i++ {
		b := p.Boxes[i]
		s, e := max(b.Start, start), min(b.End, end)
		if (s > b.Start || e < b.End) && b.X1-b.X0 >= b.Y1-b.Y0 { // a horizontal run
			n := float64(b.End - b.Start)
			w := b.X1 - b.X0
			b.X0, b.X1 = b.X0+w*float64(s-b.Start)/n, b.X0+w*float64(e-b.Start)/n
			b.Start, b.End = s, e
		}
		out = append(out, b)
	}
	return out
}

// PageSpan maps Text[start:end] of the document back to the page it was
// read from: the index of that page in Pages and the offsets in its Text.
// A span running over a page break is cut at the end of its first page.
// ok is false for an empty span or one outside the text.
func (d *Document) PageSpan(start, end int) (page, s, e int, ok bool) {
	if start < 0 || end > len(d.Text) || start >= end || len(d.Pages) == 0 {
		return 0, 0, 0, false
	}
	from := d.OriginalOffset(start)
	to := d.OriginalOffset(end-1) + 1
	at := 0 // where page i begins in Original()
	for i, p := range d.Pages {
		if next := at + len(p.Text); from <= next || i == len(d.Pages)-1 {
			s, e = max(from-at, 0), min(to-at, len(p.Text))
			for e < len(p.Text) && !utf8.RuneStart(p.Text[e]) {
				e++ // the whole of a character normalisation folded (９ → 9)
			}
			return i, s, e, s < e
		}
		at += len(p.Text) + 1 // the form feed between pages
	}
	return 0, 0, 0, false
}
