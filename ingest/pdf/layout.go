package pdf

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Layout turns the glyphs of a page into visual lines in reading order:
// lines come from baselines (not from the order of text operators), words
// and table cells from horizontal gaps.

// Thresholds, in em of the larger of two neighbouring glyphs.
const (
	tabGap       = 2.0  // a column gap: "\t"
	latinGap     = 0.15 // a word gap next to Latin text or digits: " "
	cjkGap       = 0.5  // a gap between two CJK glyphs that still reads as a space
	lineTol      = 0.45 // baselines this close are one line
	dupTolerance = 0.3  // a glyph drawn again this close is a duplicate (fake bold)
)

// A line is one visual line of a page.
type line struct {
	text   string
	y      float64 // baseline, growing down the page
	x0, x1 float64
	size   float64
	runs   []Box // where runs of text were drawn, in page space; offsets into text
}

// placed is a glyph in the reading frame: x to the right, y down.
type placed struct {
	text  string
	x, y  float64
	adv   float64
	size  float64
	space bool
	wide  bool
	seq   int
}

// layoutLines groups glyphs into lines.
func layoutLines(glyphs []glyph) []line {
	if len(glyphs) == 0 {
		return nil
	}
	cos, sin := dominantDirection(glyphs)
	ps := make([]placed, 0, len(glyphs))
	for _, g := range glyphs {
		x := g.x*cos + g.y*sin
		y := -(-g.x*sin + g.y*cos)
		// Advance along the reading direction (0 for glyphs running across it).
		adv := g.adv * (g.dx*cos + g.dy*sin)
		if adv < 0 {
			x += adv
			adv = -adv
		}
		ps = append(ps, placed{
			text: g.text, x: x, y: y, adv: adv, size: g.size, seq: g.seq,
			space: strings.TrimSpace(g.text) == "",
			wide:  isWide(g.text),
		})
	}
	slices.SortFunc(ps, func(a, b placed) int {
		if c := cmp.Compare(a.y, b.y); c != 0 {
			return c
		}
		if c := cmp.Compare(a.x, b.x); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	var lines []line
	var cur []placed
	var curY, curSize float64
	flush := func() {
		if l, ok := buildLine(cur); ok {
			toPageSpace(l.runs, cos, sin)
			lines = append(lines, l)
		}
		cur = cur[:0]
	}
	for _, p := range ps {
		if len(cur) > 0 && math.Abs(p.y-curY) <= lineTol*math.Max(curSize, p.size) {
			cur = append(cur, p)
			if !p.space && p.size > curSize {
				curSize = p.size
			}
			continue
		}
		flush()
		cur = append(cur, p)
		curY, curSize = p.y, p.size
	}
	flush()
	return lines
}

// dominantDirection returns the rotation (cos, sin) of the baseline
// direction most glyphs share, in quarter turns.
func dominantDirection(glyphs []glyph) (float64, float64) {
	var count [4]int
	for _, g := range glyphs {
		count[quarter(g.dx, g.dy)]++
	}
	best := 0
	for q := 1; q < 4; q++ {
		if count[q] > count[best] {
			best = q
		}
	}
	return [4]float64{1, 0, -1, 0}[best], [4]float64{0, 1, 0, -1}[best]
}

func quarter(dx, dy float64) int {
	a := math.Atan2(dy, dx) // −π..π
	q := int(math.Round(a/(math.Pi/2))) % 4
	if q < 0 {
		q += 4
	}
	return q
}

func isWide(s string) bool {
	for _, r := range s {
		return isWideRune(r)
	}
	return false
}

func isWideRune(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6, r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// buildLine orders the glyphs of one line and joins them with the gaps
// their positions say.
func buildLine(ps []placed) (line, bool) {
	slices.SortFunc(ps, func(a, b placed) int {
		if c := cmp.Compare(a.x, b.x); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	var b strings.Builder
	var l line
	var prev *placed
	sizes := make([]float64, 0, len(ps))
	spaceSeen := false
	var run *Box // the run being drawn, in the reading frame until toPageSpace
	for i := range ps {
		p := &ps[i]
		if p.space {
			if prev != nil {
				spaceSeen = true
			}
			continue
		}
		if prev != nil {
			// Drawn twice at (almost) the same place: fake bold or shadow.
			if p.text == prev.text && math.Abs(p.x-prev.x) < dupTolerance*math.Max(prev.adv, 0.2*prev.size) &&
				math.Abs(p.y-prev.y) < 0.2*prev.size {
				continue
			}
			em := math.Max(prev.size, p.size)
			gap := p.x - (prev.x + prev.adv)
			before := b.Len()
			switch {
			case gap > tabGap*em:
				b.WriteByte('\t')
			case spaceSeen && gap > -0.5*em:
				b.WriteByte(' ')
			case prev.wide && p.wide && gap > cjkGap*em:
				b.WriteByte(' ')
			case !(prev.wide && p.wide) && gap > latinGap*em:
				b.WriteByte(' ')
			}
			if b.Len() > before || p.wide != prev.wide {
				run = nil // a gap or a change of script ends a run
			}
		} else {
			l.x0 = p.x
		}
		if run == nil {
			l.runs = append(l.runs, Box{Start: b.Len(), X0: p.x, X1: p.x, Y0: math.Inf(1), Y1: math.Inf(-1)})
			run = &l.runs[len(l.runs)-1]
		}
		b.WriteString(p.text)
		run.End = b.Len()
		run.X1 = math.Max(run.X1, p.x+p.adv)
		run.Y0 = math.Min(run.Y0, p.y-ascent*p.size)
		run.Y1 = math.Max(run.Y1, p.y+descent*p.size)
		sizes = append(sizes, p.size)
		l.x1 = p.x + p.adv
		prev = p
		spaceSeen = false
	}
	if prev == nil {
		return line{}, false
	}
	sort.Float64s(sizes)
	l.size = sizes[len(sizes)/2]
	// The baseline of the line is that of its body-size glyphs.
	ys := make([]float64, 0, len(ps))
	for _, p := range ps {
		if !p.space && p.size >= l.size*0.9 {
			ys = append(ys, p.y)
		}
	}
	sort.Float64s(ys)
	l.y = ys[len(ys)/2]
	l.text = b.String()
	return l, true
}

// renderLines joins lines with "\n" and puts a blank line where the vertical
// gap is clearly larger than the usual line pitch (a multiple of the font
// size, measured over the whole document: on a page of one-line paragraphs
// the paragraph spacing would otherwise pass for the line pitch).
func renderLines(lines []line, pitch float64) string {
	s, _ := renderPage(lines, pitch)
	return s
}

// renderPage is renderLines that also gives the boxes of the page's runs of
// text, their offsets counted in the rendered text.
func renderPage(lines []line, pitch float64) (string, Boxes) {
	if len(lines) == 0 {
		return "", nil
	}
	var b strings.Builder
	var boxes Boxes
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
			if paragraphBreak(lines[i-1], l, pitch) {
				b.WriteByte('\n')
			}
		}
		at := b.Len()
		for _, r := range l.runs {
			r.Start += at
			r.End += at
			boxes = append(boxes, r)
		}
		b.WriteString(l.text)
	}
	return b.String(), boxes
}

// linePitch is the smallest distance between consecutive baselines, as a
// multiple of the font size, that is common in the document (at least a
// sixth of the gaps); 1.5 when there is nothing to measure.
func linePitch(pages [][]line) float64 {
	counts := map[int]int{}
	total := 0
	for _, lines := range pages {
		for i := 1; i < len(lines); i++ {
			d := lines[i].y - lines[i-1].y
			em := math.Max(lines[i].size, lines[i-1].size)
			if em > 0 && d > 0.8*em && d < 3*em {
				counts[int(math.Round(d/em*20))]++ // buckets of 0.05 em
				total++
			}
		}
	}
	if total == 0 {
		return 1.5
	}
	keys := make([]int, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		// A bucket and its neighbours, so that jitter does not split a pitch.
		n := counts[k-1] + counts[k] + counts[k+1]
		if 6*n >= total {
			return float64(k+1) / 20 // the upper edge of the bucket
		}
	}
	return float64(keys[len(keys)/2]) / 20
}

func paragraphBreak(a, b line, pitch float64) bool {
	em := math.Max(a.size, b.size)
	d := b.y - a.y
	return em > 0 && d > (pitch+0.3)*em
}
