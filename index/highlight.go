package index

import (
	"html"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"
)

// Fragment shape: at most maxFragments per hit, each about FragmentRunes
// characters (Query.FragmentRunes) with a quarter of that before the first
// match. A name is shown whole unless it is longer than FragmentRunes.
const (
	maxFragments  = 3
	FragmentRunes = 60
)

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// matchedRanges collects, for each source text, the byte ranges the query
// matched: the locations of the jieba words (which cover whole words: a
// sub-word is indexed with the span of its word) and those of the bigram
// phrase, whose array position names the source text. Overlapping ranges are
// merged, so overlapping bigrams make one range.
func matchedRanges(dm *search.DocumentMatch, texts []string) [][]span {
	out := make([][]span, len(texts))
	add := func(i int, loc *search.Location) {
		s, e := int(loc.Start), int(loc.End)
		if i < 0 || i >= len(texts) || s < 0 || s >= e || e > len(texts[i]) {
			return
		}
		out[i] = append(out[i], span{s, e})
	}
	for i, f := range sourceFields {
		for _, locs := range dm.Locations[f] {
			for _, loc := range locs {
				add(i, loc)
			}
		}
	}
	for _, locs := range dm.Locations[fieldExact] {
		for _, loc := range locs {
			if len(loc.ArrayPositions) == 1 {
				add(int(loc.ArrayPositions[0]), loc)
			}
		}
	}
	for i := range out {
		out[i] = mergeSpans(out[i])
	}
	return out
}

func mergeSpans(ss []span) []span {
	if len(ss) < 2 {
		return ss
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].start < ss[j].start })
	out := ss[:1]
	for _, s := range ss[1:] {
		last := &out[len(out)-1]
		if s.start < last.end {
			last.end = max(last.end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// fragments renders the matched ranges of the texts as short excerpts with
// the matches marked, texts in order, at most maxFragments in all.
func fragments(texts []string, ranges [][]span, marks Marks, size int) []string {
	if size <= 0 {
		size = FragmentRunes
	}
	out := []string{}
	for i, text := range texts {
		if len(ranges[i]) == 0 {
			continue
		}
		whole := sourceFields[i] == fieldName && utf8.RuneCountInString(text) <= max(size, FragmentRunes)
		for _, f := range excerpts(text, ranges[i], whole, size) {
			if len(out) == maxFragments {
				return out
			}
			out = append(out, f.render(text, marks))
		}
	}
	return out
}

// excerpt is a window of a text and the matches inside it.
type excerpt struct {
	start, end int
	marks      []span
}

// excerpts cuts windows around the ranges: each starts a little before its
// first match (not before the line it is on) and ends about size runes
// later (not past the end of that line), holding every match that fits.
func excerpts(text string, ranges []span, whole bool, size int) []excerpt {
	if whole {
		return []excerpt{{0, len(text), ranges}}
	}
	var out []excerpt
	for i := 0; i < len(ranges) && len(out) < maxFragments; {
		first := ranges[i]
		lineStart := strings.LastIndexByte(text[:first.start], '\n') + 1
		start := max(backRunes(text, first.start, size/4), lineStart)
		lineEnd := len(text)
		if n := strings.IndexByte(text[first.end:], '\n'); n >= 0 {
			lineEnd = first.end + n
		}
		end := min(max(forwardRunes(text, start, size), first.end), lineEnd)
		ex := excerpt{start: start, end: end}
		for i < len(ranges) && ranges[i].start < end {
			r := ranges[i]
			r.end = min(r.end, end)
			ex.marks = append(ex.marks, r)
			i++
		}
		out = append(out, ex)
	}
	return out
}

// render writes the window with its matches marked and "…" where text was cut.
func (ex excerpt) render(text string, marks Marks) string {
	open, close, esc := "<mark>", "</mark>", html.EscapeString
	if marks == Brackets {
		open, close, esc = "【", "】", func(s string) string { return s }
	}
	var b strings.Builder
	if ex.start > 0 && text[ex.start-1] != '\n' {
		b.WriteString("…")
	}
	cur := ex.start
	for _, m := range ex.marks {
		b.WriteString(esc(oneLine(text[cur:m.start])))
		b.WriteString(open)
		b.WriteString(esc(oneLine(text[m.start:m.end])))
		b.WriteString(close)
		cur = m.end
	}
	b.WriteString(esc(oneLine(text[cur:ex.end])))
	if ex.end < len(text) && text[ex.end] != '\n' {
		b.WriteString("…")
	}
	return b.String()
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// backRunes is the byte offset n runes before off (or 0).
func backRunes(text string, off, n int) int {
	for ; n > 0 && off > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(text[:off])
		off -= w
	}
	return off
}

// forwardRunes is the byte offset n runes after off (or len(text)).
func forwardRunes(text string, off, n int) int {
	for ; n > 0 && off < len(text); n-- {
		_, w := utf8.DecodeRuneInString(text[off:])
		off += w
	}
	return off
}
