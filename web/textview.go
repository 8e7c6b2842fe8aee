package web

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// target is something a reviewer can select to see where the text says it:
// a finding (its span and its items' spans), an item, a row of a table.
type target struct {
	id       string // "f3", "i17", "r2", "x5": unique within a page
	spans    []extract.Span
	severity validate.Severity // findings only
}

// segment is a run of the document text with the targets whose evidence
// covers all of it. A page break precedes it when Page > 0.
type segment struct {
	Text     string
	Page     int
	Targets  string // space-separated target ids
	Severity validate.Severity
	Active   bool // covered by the selected target
}

// Evidence reports whether some target covers the segment.
func (s segment) Evidence() bool { return s.Targets != "" }

// segmentText cuts text at every page start and every edge of a target's
// spans, so that each run can carry the targets covering it. Spans are
// clamped to the text and widened to whole characters; empty and reversed
// ones are dropped. pageStarts[i] is where page pageNums[i] begins (page
// marks are given only when there are two pages or more). Adjacent runs with
// the same targets merge; the runs' texts together are text exactly.
func segmentText(text string, pageStarts, pageNums []int, targets []target, selected string) []segment {
	type edge struct{ start, end int }
	ranges := make([][]edge, len(targets))
	cuts := map[int]bool{0: true, len(text): true}
	pageAt := map[int]int{}
	if len(pageStarts) > 1 && len(pageStarts) == len(pageNums) {
		for i, off := range pageStarts {
			if off >= 0 && off <= len(text) {
				off = runeStart(text, off)
				cuts[off] = true
				if _, ok := pageAt[off]; !ok {
					pageAt[off] = pageNums[i]
				}
			}
		}
	}
	for i, t := range targets {
		for _, sp := range t.spans {
			s, e := max(sp[0], 0), min(sp[1], len(text))
			if s >= e {
				continue
			}
			s, e = runeStart(text, s), runeEnd(text, e)
			ranges[i] = append(ranges[i], edge{s, e})
			cuts[s], cuts[e] = true, true
		}
	}
	offs := make([]int, 0, len(cuts))
	for off := range cuts {
		offs = append(offs, off)
	}
	sort.Ints(offs)

	var out []segment
	for k := 0; k+1 < len(offs); k++ {
		a, b := offs[k], offs[k+1]
		seg := segment{Text: text[a:b], Page: pageAt[a]}
		var ids []string
		for i, t := range targets {
			for _, r := range ranges[i] {
				if r.start <= a && b <= r.end {
					ids = append(ids, t.id)
					if t.severity.Rank() > seg.Severity.Rank() {
						seg.Severity = t.severity
					}
					if t.id == selected {
						seg.Active = true
					}
					break
				}
			}
		}
		seg.Targets = strings.Join(ids, " ")
		if n := len(out); n > 0 && seg.Page == 0 && out[n-1].Targets == seg.Targets && out[n-1].Active == seg.Active {
			out[n-1].Text += seg.Text
			continue
		}
		out = append(out, seg)
	}
	return out
}

// runeStart moves off back to the start of the character it is in.
func runeStart(text string, off int) int {
	for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
		off--
	}
	return off
}

// runeEnd moves off forward to the end of the character it is in.
func runeEnd(text string, off int) int {
	for off < len(text) && !utf8.RuneStart(text[off]) {
		off++
	}
	return off
}
