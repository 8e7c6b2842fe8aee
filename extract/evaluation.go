package extract

import (
	"regexp"
	"strings"

	"github.com/jixiao/jixiao/ingest"
)

// dimensionRE names the evaluation dimensions as reports write them.
var dimensionRE = regexp.MustCompile(`^(?:项目)?(立项|资金落实|业务管理|财务管理|产出|效益)(?:情况)?$`)

// dimensionOf maps 项目立项 → 立项, 项目产出 → 产出, … ("" when none).
func dimensionOf(label string) string {
	m := dimensionRE.FindStringSubmatch(cleanText(label))
	if m == nil {
		return ""
	}
	return m[1]
}

// dimensionLine reads "1、项目立项：text" into its dimension and text.
func dimensionLine(s string) (dim, text string, ok bool) {
	mk, hasMarker := parseMarker(s)
	rest := s
	if hasMarker {
		rest = s[mk.len:]
	}
	colon := strings.IndexAny(rest, "：:")
	if colon <= 0 || colon > 24 {
		return "", "", false
	}
	dim = dimensionOf(rest[:colon])
	if dim == "" {
		return "", "", false
	}
	_, cl := firstRuneLen(rest[colon:])
	return dim, strings.TrimSpace(rest[colon+cl:]), true
}

// readEvaluations finds the item-by-item evaluation entries: a heading line
// with a marker and a name, followed by dimension lines.
func readEvaluations(doc *ingest.Document, lines []textLine, items []itemLine) []Evaluation {
	isItem := map[int]bool{}
	for _, il := range items {
		isItem[il.line] = true
	}
	var out []Evaluation
	var cur *Evaluation
	var lastDim string
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur, lastDim = nil, ""
		}
	}
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if dim, text, ok := dimensionLine(t); ok {
			if cur != nil {
				if prev, dup := cur.Dimensions[dim]; dup && prev != "" {
					cur.Dimensions[dim] = prev + " " + text
				} else {
					cur.Dimensions[dim] = text
				}
				cur.Span[1] = l.end()
				lastDim = dim
			}
			continue
		}
		mk, ok := parseMarker(t)
		if ok && !isItem[i] && followedByDimension(lines, i) {
			flush()
			heading := strings.TrimRight(strings.TrimSpace(t[mk.len:]), "：: ")
			cur = &Evaluation{Seq: mk.seq, Heading: cleanText(heading), Dimensions: map[string]string{},
				Page: doc.PageAt(l.start), Span: Span{l.start, l.end()}}
			continue
		}
		if cur == nil {
			continue
		}
		if ok || isSectionHeading(t) {
			flush()
			continue
		}
		// a continuation of the last dimension's text that the layout broke off
		if lastDim != "" {
			cur.Dimensions[lastDim] += t
			cur.Span[1] = l.end()
		}
	}
	flush()
	return out
}

// followedByDimension reports whether the next non-blank line is a dimension line.
func followedByDimension(lines []textLine, i int) bool {
	for j := i + 1; j < len(lines) && j <= i+4; j++ {
		t := strings.TrimSpace(lines[j].text)
		if t == "" {
			continue
		}
		_, _, ok := dimensionLine(t)
		return ok
	}
	return false
}

// isSectionHeading recognises headings that end an evaluation entry without
// a marker (三、绩效目标设定质量情况 has one; 附件 does not).
func isSectionHeading(t string) bool {
	return strings.HasPrefix(t, "附件") || strings.HasPrefix(t, "附表")
}
