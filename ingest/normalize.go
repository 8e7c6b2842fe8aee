package ingest

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/ingest/fold"
)

// normalize builds d.Text from d.Pages: characters folded (fold.Rune: width, radicals, traditional → simplified), Markdown
// markup stripped, and prose lines that layout or a page break split rejoined
// (see joinable). Every byte of Text maps back to Original() through anchors.
func normalize(d *Document) {
	// Markdown printed to PDF or saved as text keeps its markup: strip it too.
	markdown := d.Format == FormatMarkdown || d.Format != FormatHTML && d.Format != FormatDOCX && pagesLookLikeMarkdown(d.Pages)
	// Two passes over the lines, none of them kept: the first decides the
	// layout, the second writes. Memory is the text and its anchors, not a
	// line record for every line as well.
	cells := cellLayout(normalizedLines(d, markdown))
	var w mappedWriter
	size := 0
	for _, p := range d.Pages {
		size += len(p.Text) + 1
	}
	w.b.Grow(size + 2) // folding shortens more than it lengthens; joins and breaks take at most what the newlines did
	d.PageStarts = make([]int, len(d.Pages))
	pageSeen := make([]bool, len(d.Pages))
	var prev line
	havePrev, blankPending := false, false
	for l := range normalizedLines(d, markdown) {
		if l.text == "" {
			blankPending = havePrev
			continue
		}
		if havePrev {
			switch {
			case joinable(&prev, &l, cells):
				if endsLatin(prev.text) && startsLatin(l.text) {
					w.writeSynthetic(" ")
				}
			case blankPending:
				w.writeSynthetic("\n\n")
			default:
				w.writeSynthetic("\n")
			}
		}
		if !pageSeen[l.page] {
			pageSeen[l.page] = true
			d.PageStarts[l.page] = w.len()
		}
		w.writeMapped(l.text, l.runs)
		prev, havePrev, blankPending = l, true, false
		prev.runs = nil // written; the buffer is reused for the next line
	}
	if w.len() > 0 {
		w.writeSynthetic("\n")
	}
	// pages with no text start where the next text does
	next := w.len()
	for i := len(d.Pages) - 1; i >= 0; i-- {
		if !pageSeen[i] {
			d.PageStarts[i] = next
		} else {
			next = d.PageStarts[i]
		}
	}
	d.Text = w.b.String()
	d.anchors = w.anchors
}

// line is one normalised line of a page. runs map it to the original:
// text[r.norm:] continues the original at r.orig until the next run (norm
// relative to the line). A line is usually one run and, when folding changes
// nothing, its text is the raw line itself.
type line struct {
	text string
	runs []anchor // valid until the next line is produced
	page int
	hard bool // a heading: never joined to what follows
}

// normalizedLines yields every line of d's pages normalised, in order. The
// runs of a line share one buffer with those of the next.
func normalizedLines(d *Document, markdown bool) iter.Seq[line] {
	return func(yield func(line) bool) {
		var scratch []int // offsets of the line being folded, reused
		var runs []anchor
		base := 0
		for pi, p := range d.Pages {
			start := 0
			for start <= len(p.Text) {
				end := strings.IndexByte(p.Text[start:], '\n')
				if end < 0 {
					end = len(p.Text)
				} else {
					end += start
				}
				var l line
				l, runs = normalizeLine(p.Text[start:end], base+start, pi, markdown, &scratch, runs[:0])
				if !yield(l) {
					return
				}
				start = end + 1
			}
			base += len(p.Text) + 1 // the form feed between pages
		}
	}
}

// pagesLookLikeMarkdown is looksLikeMarkdown over the pages as one text,
// without joining them into a copy.
func pagesLookLikeMarkdown(pages []Page) bool {
	n := 0
	for _, p := range pages {
		for line := range strings.Lines(p.Text) {
			if markdownMark(line) {
				if n++; n >= 2 {
					return true
				}
			}
		}
	}
	return false
}

// foldsNothing reports whether no character of s is changed by fold.Rune,
// so that its normal form is s itself.
func foldsNothing(s string) bool {
	for _, r := range s {
		if _, ok := fold.Rune(r); ok {
			return false
		}
	}
	return true
}

// markdownMarkup reports whether stripMarkdown could change line: a heading
// mark, a quote or bullet at its start, or emphasis anywhere.
func markdownMarkup(line string) bool {
	t := strings.TrimLeft(line, " ")
	if t == "" {
		return false
	}
	switch t[0] {
	case '#', '>', '-', '*', '+':
		return true
	}
	return strings.Contains(t, "**") || strings.Contains(t, "__")
}

// normalizeLine folds the characters of one raw line and strips Markdown,
// appending the line's runs to runs. scratch holds the per-byte offsets while
// the line is folded; only their runs are kept.
func normalizeLine(raw string, origin, page int, markdown bool, scratch *[]int, runs []anchor) (line, []anchor) {
	l := line{page: page}
	if (!markdown || !markdownMarkup(raw)) && foldsNothing(raw) {
		// the common case: the line is its own normal form
		lo, hi := trimBlanks(raw)
		l.text = raw[lo:hi]
		if lo < hi {
			runs = append(runs, anchor{norm: 0, orig: origin + lo})
		}
		l.runs = runs
		return l, runs
	}
	var b strings.Builder
	b.Grow(len(raw))
	offs := (*scratch)[:0]
	defer func() { *scratch = offs[:0] }()
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		if f, ok := fold.Rune(r); ok {
			if f != "" {
				b.WriteString(f)
				for range len(f) {
					offs = append(offs, origin+i)
				}
			}
		} else {
			b.WriteString(raw[i : i+size])
			for k := range size {
				offs = append(offs, origin+i+k)
			}
		}
		i += size
	}
	text := b.String()
	if markdown {
		text, offs, l.hard = stripMarkdown(text, offs)
	}
	lo, hi := trimBlanks(text)
	l.text = text[lo:hi]
	runs = appendRuns(runs, offs[lo:hi])
	l.runs = runs
	return l, runs
}

// trimBlanks gives the bounds of s without the spaces and tabs at its ends.
func trimBlanks(s string) (lo, hi int) {
	lo, hi = 0, len(s)
	for lo < hi && (s[lo] == ' ' || s[lo] == '\t') {
		lo++
	}
	for hi > lo && (s[hi-1] == ' ' || s[hi-1] == '\t') {
		hi--
	}
	return lo, hi
}

// appendRuns compresses per-byte original offsets into runs of consecutive
// ones (norm relative to the line) and appends them to runs.
func appendRuns(runs []anchor, offs []int) []anchor {
	start := len(runs)
	for i, o := range offs {
		if k := len(runs); k == start || runs[k-1].orig+(i-runs[k-1].norm) != o {
			runs = append(runs, anchor{norm: i, orig: o})
		}
	}
	return runs
}

// stripMarkdown removes heading marks, list bullets, blockquote marks and
// emphasis; headings are reported as hard lines.
func stripMarkdown(text string, offs []int) (string, []int, bool) {
	hard := false
	cut := func(n int) { text, offs = text[n:], offs[n:] }
	t := strings.TrimLeft(text, " ")
	cut(len(text) - len(t))
	if n := len(text) - len(strings.TrimLeft(text, "#")); n > 0 && n <= 6 && (len(text) == n || text[n] == ' ') {
		cut(n)
		hard = true
	}
	for _, p := range []string{"> ", "- ", "* ", "+ "} {
		if strings.HasPrefix(strings.TrimLeft(text, " "), p) {
			cut(len(text) - len(strings.TrimLeft(text, " ")) + len(p))
			break
		}
	}
	if strings.Contains(text, "**") || strings.Contains(text, "__") {
		trimmed := strings.TrimSpace(text)
		if strings.HasPrefix(trimmed, "**") && strings.HasSuffix(trimmed, "**") && len(trimmed) > 4 {
			hard = true // a bold line is a heading
		}
		var b strings.Builder
		var o []int
		for i := 0; i < len(text); i++ {
			if i+1 < len(text) && (text[i:i+2] == "**" || text[i:i+2] == "__") {
				i++
				continue
			}
			b.WriteByte(text[i])
			o = append(o, offs[i])
		}
		text, offs = b.String(), o
	}
	return text, offs, hard
}

// cellLayout reports whether a document is a table written one cell per
// line (most lines short, without sentence punctuation): such lines are never
// joined.
func cellLayout(lines iter.Seq[line]) bool {
	total, short := 0, 0
	for l := range lines {
		if l.text == "" {
			continue
		}
		total++
		if utf8.RuneCountInString(l.text) <= 10 && !strings.ContainsAny(l.text, "，。；") {
			short++
		}
	}
	return total >= 10 && short*2 >= total
}

// joinable decides whether next continues prev: prev is a wrapped line of
// prose (long enough, not ending a sentence or heading) and next does not
// start a new item, heading or table row.
func joinable(prev, next *line, cells bool) bool {
	if cells || prev.hard {
		return false
	}
	p, n := prev.text, next.text
	if isTableRow(p) || isTableRow(n) || startsBlock(n) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	first, _ := utf8.DecodeRuneInString(n)
	if strings.ContainsRune("。！？；!?;：:", last) {
		return false
	}
	if strings.HasSuffix(p, "报告") && utf8.RuneCountInString(p) <= 40 {
		return false // a title
	}
	if r, _ := utf8.DecodeLastRuneInString(n); (r == '：' || r == ':') && utf8.RuneCountInString(n) <= 12 && !strings.ContainsAny(n, "，、") {
		// a salutation (县财政局：) or a short heading, unless it is the tail of
		// a heading the layout wrapped (…中央财政补助资 / 金：)
		return startsBlock(p) && utf8.RuneCountInString(n) <= 6 && utf8.RuneCountInString(p) >= 16 && isHan(last)
	}
	if !(isHan(last) || strings.ContainsRune("，、（“‘《", last) || isAlnum(last)) {
		return false
	}
	if !(isHan(first) || strings.ContainsRune("，。、；：）”’》%", first) || isAlnum(first)) {
		return false
	}
	runes := utf8.RuneCountInString(p)
	if strings.ContainsRune("，、", last) {
		return runes >= 6
	}
	if startsBlock(p) && !strings.ContainsAny(p, "，。；") && runes <= 30 {
		return false // a numbered heading such as （三）项目概况
	}
	if runes >= 12 {
		return true
	}
	// A short line joins only prose that goes on after it (本年度共实施项 /
	// 目 47 个，…), and never when it reads as a name or a heading.
	return runes >= 3 && strings.ContainsAny(n, "，。；") && !endsLikeName(p)
}

// endsLikeName reports lines that end as a unit name, a date or a heading
// word (柳庄乡人民政府, 2020年3月10日, 工作开展情况).
func endsLikeName(s string) bool {
	for _, suffix := range []string{"政府", "局", "镇", "乡", "街道", "办事处", "委员会", "中心", "学校", "医院", "公司", "日",
		"情况", "概况", "做法", "措施", "问题", "成效", "建议", "结论", "目标", "说明", "报告", "附件",
		"总结", "要求", "依据", "内容", "意见", "通知", "方案", "分析", "评价", "自评"} {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

// isTableRow: a pipe row, a tab-separated run, a line with a gap of three
// spaces or more inside (a table laid out with spaces, as pdftotext -layout
// saves a PDF; lines are trimmed, so the gap is between cells), or a run of
// figures set apart by spaces.
func isTableRow(s string) bool {
	return strings.HasPrefix(s, "|") || strings.HasSuffix(s, "|") || strings.ContainsRune(s, '\t') ||
		strings.Contains(s, "   ") || figureRun(s)
}

// figureRun reports whether a line holds two figures in a row set apart by
// spaces (年度资金总额 43.2 43.2 37.24 10 86% 9, 其中桃树 1.5亩 1.5亩): a
// table row whose cells a text file or a PDF separated with spaces only.
// Prose sets a figure against its words, never against another figure.
func figureRun(s string) bool {
	run := 0
	for _, f := range strings.Fields(s) {
		if !isFigureToken(f) {
			run = 0
			continue
		}
		if run++; run >= 2 {
			return true
		}
	}
	return false
}

// isFigureToken: 43.2, 86%, 1,030, 29.5亩, ≥90% (a figure with at most a short unit).
func isFigureToken(f string) bool {
	f = strings.TrimLeft(f, "≥≤<>=")
	digits, units := 0, 0
	for i, r := range f {
		switch {
		case r >= '0' && r <= '9':
			if units > 0 {
				return false
			}
			digits++
		case (r == '.' || r == ',') && digits > 0 && units == 0:
		case r == '%' && digits > 0:
			units++
		case i > 0 && digits > 0 && isHan(r):
			units++
		default:
			return false
		}
	}
	return digits > 0 && units <= 2 && !strings.HasSuffix(f, ".") && !strings.HasSuffix(f, ",") // 1. is a list number
}

// startsBlock reports whether a line begins with a list or heading marker:
// 1. 1、 (一) （一） 一、 第一章 ① 附件.
func startsBlock(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r >= '0' && r <= '9':
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i > 3 {
			return false
		}
		rest := s[i:]
		return strings.HasPrefix(rest, ".") && !(len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9') ||
			strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, "）")
	case r == '（' || r == '(':
		rest := s[size:]
		j := strings.IndexAny(rest, "）)")
		if j <= 0 || j > 12 {
			return false
		}
		for _, c := range rest[:j] {
			if !isChineseNumeral(c) && !(c >= '0' && c <= '9') {
				return false
			}
		}
		return true
	case isChineseNumeral(r):
		i := strings.IndexFunc(s, func(c rune) bool { return !isChineseNumeral(c) })
		return i > 0 && i <= 9 && (strings.HasPrefix(s[i:], "、") || strings.HasPrefix(s[i:], "．") || strings.HasPrefix(s[i:], "."))
	case r == '第':
		return strings.IndexAny(s, "章节条部") > 0 && strings.IndexAny(s, "章节条部") <= 15
	case r >= '①' && r <= '⑳':
		return true
	}
	return strings.HasPrefix(s, "附件") || strings.HasPrefix(s, "附表")
}

func isChineseNumeral(r rune) bool {
	return strings.ContainsRune("一二三四五六七八九十百零〇", r)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isAlnum(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func endsLatin(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r < 0x80 && unicode.IsLetter(r)
}

func startsLatin(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < 0x80 && unicode.IsLetter(r)
}

// mappedWriter accumulates Text and the anchors that map it to the original.
type mappedWriter struct {
	b       strings.Builder
	anchors []anchor
}

func (w *mappedWriter) len() int { return w.b.Len() }

// writeMapped appends text whose bytes came from the original as the runs
// of its line say.
func (w *mappedWriter) writeMapped(text string, runs []anchor) {
	base := w.b.Len()
	for _, r := range runs {
		n := base + r.norm
		if k := len(w.anchors); k == 0 || w.anchors[k-1].orig+(n-w.anchors[k-1].norm) != r.orig {
			w.anchors = append(w.anchors, anchor{norm: n, orig: r.orig})
		}
	}
	w.b.WriteString(text)
}

// writeSynthetic appends text that has no origin (joins, line breaks); it
// maps to the original position of what precedes it.
func (w *mappedWriter) writeSynthetic(text string) {
	if k := len(w.anchors); k > 0 {
		last := w.anchors[k-1]
		w.anchors = append(w.anchors, anchor{norm: w.b.Len(), orig: last.orig + (w.b.Len() - last.norm)})
	}
	w.b.WriteString(text)
}
