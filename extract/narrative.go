package extract

import (
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/extract/segment"
	"github.com/jixiao/jixiao/ingest"
)

// extractNarrative reads a 绩效自评报告 written in prose: header, the
// overview's stated count and total, the listed items, the item-by-item
// evaluation linked to them, completion claims and unreadable figures.
func extractNarrative(doc *ingest.Document, r *Report) error {
	lines := splitTextLines(doc.Text)
	readHeader(lines, r)
	itemLines := findItemLines(lines)
	first := -1
	if len(itemLines) > 0 {
		first = itemLines[0].line
	}
	readOverview(doc, lines, first, r)
	for _, il := range itemLines {
		r.Items = append(r.Items, readItem(doc, lines, il, r))
	}
	if r.Unit == "" {
		r.Unit = unitFromItems(r.Items)
	}
	r.Evaluations = readEvaluations(doc, lines, itemLines)
	r.Claims = findClaims(doc, lines, itemLines)
	r.Unparsed = append(r.Unparsed, strayUnparsed(doc, r.Unparsed)...)

	seg, err := segment.Default()
	if err != nil {
		return fmt.Errorf("分词器无法加载 (segmenter): %w", err)
	}
	linkEvaluations(seg, r)
	for i := range r.Items {
		it := &r.Items[i]
		it.Keywords = seg.Keywords(it.Name+"。"+it.Purpose, 5)
	}
	return nil
}

// strayUnparsed reports malformed figures anywhere in the text that the
// item reader has not reported already.
func strayUnparsed(doc *ingest.Document, known []Unparsed) []Unparsed {
	var out []Unparsed
	for _, m := range money.Find(doc.Text) {
		if m.Err == nil {
			continue
		}
		dup := false
		for _, k := range known {
			if m.Start < k.Span[1] && k.Span[0] < m.End {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, Unparsed{Text: strings.TrimSpace(doc.Text[m.Start:m.End]), Reason: m.Err.Error(),
				Page: doc.PageAt(m.Start), Span: Span{m.Start, m.End}})
		}
	}
	return out
}
