package ocr

import (
	"bytes"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one level-5 row of tesseract's TSV.
type word struct {
	left, top, width, height int
	conf                     int
	text                     string
}

// tline is one line as tesseract grouped it, with its box.
type tline struct {
	words                    []word
	left, top, right, bottom int
}

// maxTSV bounds what is parsed (a page of text is a few hundred kilobytes).
const maxTSV = 64 << 20

// ParseTSV turns tesseract's TSV output into pages of text. Tesseract's own
// lines are kept; lines that lie side by side (the cells of a table row,
// which it may put in blocks of their own) are joined into one line with a
// tab between them, and so are words of one line far apart; a blank line
// separates paragraphs (a vertical gap larger than a line). Rows it cannot
// read are skipped.
func ParseTSV(data []byte) []Page { return ParseTSVNumbers(data, nil) }

// ParseTSVNumbers is ParseTSV with a second reading of the same image by a
// model for Latin script (eng), which reads figures better than the Chinese
// model (that reads a 0 as 6, or loses it): where the second reading has a
// figure (digits, points, commas, %) over the same place as figure words of
// the first, and is surer of it, the figure is taken from it. Chinese text
// is always the first reading's.
func ParseTSVNumbers(data, numbers []byte) []Page {
	if len(data) > maxTSV {
		data = data[:maxTSV]
	}
	second := map[int][]word{}
	if len(numbers) > 0 {
		for _, r := range tsvRows(numbers[:min(len(numbers), maxTSV)]) {
			if numeric(r.w.text) && r.w.conf >= 60 {
				second[r.page] = append(second[r.page], r.w)
			}
		}
	}
	type key struct{ page, block, par, line int }
	var order []int // page numbers in the order met
	lines := map[int]map[key]*tline{}
	var keys = map[int][]key{}
	for row := range bytes.Lines(data) {
		f := strings.Split(strings.TrimRight(string(row), "\r\n"), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		n := make([]int, 10)
		ok := true
		for i := 1; i <= 9; i++ {
			v, err := strconv.Atoi(f[i])
			if err != nil || v < 0 || v > 1<<24 {
				ok = false
				break
			}
			n[i] = v
		}
		text := strings.TrimSpace(strings.ToValidUTF8(strings.Join(f[11:], " "), ""))
		if !ok || text == "" {
			continue
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		if err != nil || math.IsNaN(conf) {
			conf = 0
		}
		w := word{left: n[6], top: n[7], width: n[8], height: n[9], conf: int(math.Round(max(0, min(100, conf)))), text: text}
		pg := n[1]
		if lines[pg] == nil {
			lines[pg] = map[key]*tline{}
			order = append(order, pg)
		}
		k := key{pg, n[2], n[3], n[4]}
		l := lines[pg][k]
		if l == nil {
			l = &tline{left: w.left, top: w.top, right: w.left + w.width, bottom: w.top + w.height}
			lines[pg][k] = l
			keys[pg] = append(keys[pg], k)
		}
		l.words = append(l.words, w)
		l.left, l.top = min(l.left, w.left), min(l.top, w.top)
		l.right, l.bottom = max(l.right, w.left+w.width), max(l.bottom, w.top+w.height)
	}
	sort.Ints(order)
	var pages []Page
	for _, pg := range order {
		// pages tesseract saw nothing on still count, so that page numbers hold
		for len(pages) < pg-1 && len(pages) < 10000 {
			pages = append(pages, Page{})
		}
		var ls []*tline
		for _, k := range keys[pg] {
			ls = append(ls, lines[pg][k])
		}
		for _, n := range second[pg] {
			mergeNumber(ls, n)
		}
		pages = append(pages, renderPage(ls))
	}
	return pages
}

// tsvRow is one word row of a TSV and its page.
type tsvRow struct {
	page int
	w    word
}

// tsvRows are the word rows of a TSV.
func tsvRows(data []byte) []tsvRow {
	var out []tsvRow
	for row := range bytes.Lines(data) {
		f := strings.Split(strings.TrimRight(string(row), "\r\n"), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		n := make([]int, 10)
		ok := true
		for i := 1; i <= 9; i++ {
			v, err := strconv.Atoi(f[i])
			if err != nil || v < 0 || v > 1<<24 {
				ok = false
				break
			}
			n[i] = v
		}
		text := strings.TrimSpace(strings.ToValidUTF8(strings.Join(f[11:], " "), ""))
		if !ok || text == "" {
			continue
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		if err != nil || math.IsNaN(conf) {
			conf = 0
		}
		out = append(out, tsvRow{n[1], word{left: n[6], top: n[7], width: n[8], height: n[9], conf: int(math.Round(max(0, min(100, conf)))), text: text}})
	}
	return out
}

// numeric tells whether a word is a figure: digits with points, commas
// and a percent sign, beginning with a digit.
func numeric(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	return strings.Trim(s, "0123456789.,%") == ""
}

// mergeNumber puts the figure n of the second reading in place of the
// figure words of the first reading it covers, when it is surer of it than
// they are. Words that are not figures are never replaced, nor a figure
// that the second reading sees over a Chinese word.
func mergeNumber(ls []*tline, n word) {
	overlap := func(a0, a1, b0, b1 int) int { return max(0, min(a1, b1)-max(a0, b0)) }
	for _, l := range ls {
		if overlap(l.top, l.bottom, n.top, n.top+n.height)*2 < min(l.bottom-l.top, n.height) {
			continue
		}
		var at []int
		clash := false
		for i, w := range l.words {
			ov := overlap(w.left, w.left+w.width, n.left, n.left+n.width)
			fig := numeric(w.text) || strings.Trim(w.text, ".,%") == ""
			switch {
			case ov == 0:
				continue
			case !fig && ov*2 >= w.width:
				clash = true
			case fig && (ov*2 >= w.width || strings.HasSuffix(n.text, w.text) || strings.HasPrefix(n.text, w.text)):
				at = append(at, i) // the figure, or a piece of it the second reading saw whole
			}
		}
		if clash || len(at) == 0 {
			continue
		}
		joined, low := "", 100
		for _, i := range at {
			joined += l.words[i].text
			low = min(low, l.words[i].conf)
		}
		if joined == n.text || n.conf < low {
			return
		}
		first := l.words[at[0]]
		last := l.words[at[len(at)-1]]
		first.text, first.conf = n.text, n.conf
		first.width = last.left + last.width - first.left
		l.words[at[0]] = first
		l.words = append(l.words[:at[0]+1], l.words[at[len(at)-1]+1:]...)
		return
	}
}

// row is lines side by side.
type row struct {
	lines       []*tline
	top, bottom int
}

func renderPage(ls []*tline) Page {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].top < ls[j].top })
	var rows []*row
	for _, l := range ls {
		mid := (l.top + l.bottom) / 2
		var into *row
		for _, r := range rows[max(0, len(rows)-8):] {
			if mid < r.top || mid > r.bottom {
				continue
			}
			clash := false
			for _, o := range r.lines {
				if l.left < o.right && o.left < l.right {
					clash = true
					break
				}
			}
			if !clash {
				into = r
			}
		}
		if into == nil {
			into = &row{top: l.top, bottom: l.bottom}
			rows = append(rows, into)
		}
		into.lines = append(into.lines, l)
	}
	heights := make([]int, 0, len(rows))
	for _, r := range rows {
		heights = append(heights, r.bottom-r.top)
	}
	sort.Ints(heights)
	lh := 0
	if len(heights) > 0 {
		lh = heights[len(heights)/2]
	}
	var b strings.Builder
	var words []Word
	prevBottom := -1
	for _, r := range rows {
		if b.Len() > 0 {
			b.WriteByte('\n')
			if prevBottom >= 0 && r.top-prevBottom > lh {
				b.WriteByte('\n') // a paragraph (or a table) begins
			}
		}
		prevBottom = r.bottom
		var ws []word
		sort.SliceStable(r.lines, func(i, j int) bool { return r.lines[i].left < r.lines[j].left })
		for _, l := range r.lines {
			ws = append(ws, l.words...)
		}
		h := max(1, r.bottom-r.top, lh)
		ws = splitMarker(ws)
		for i, w := range ws {
			if i > 0 {
				p := ws[i-1]
				gap := w.left - (p.left + p.width)
				switch {
				case gap > 2*h:
					b.WriteByte('\t')
				case spaced(p.text, w.text) && 4*gap > h:
					b.WriteByte(' ')
				}
			}
			text := w.text
			if i == 0 {
				text = listMarker(text)
			}
			start := b.Len()
			b.WriteString(text)
			words = append(words, Word{Start: start, End: b.Len(), Conf: w.conf})
		}
	}
	return Page{Text: b.String(), Words: words}
}

// listMarker gives a line's first word with the point of its list number
// (1. 2. …) where the Chinese model often reads a comma or an ideographic
// full stop (1， 9。) — a number of one or two digits at the start of a line,
// followed by the item's name, is a list number, not a figure.
func listMarker(w string) string {
	i := 0
	for i < len(w) && i < 3 && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 {
		return w
	}
	// the point as read: one or two marks of . , ， 。 (a point and a speck)
	j, marks := i, 0
	for j < len(w) && marks < 2 {
		r, n := utf8.DecodeRuneInString(w[j:])
		if r != '.' && r != ',' && r != '，' && r != '。' {
			break
		}
		j += n
		marks++
	}
	if marks == 0 || w[i:j] == "." {
		return w
	}
	if r, _ := utf8.DecodeRuneInString(w[j:]); j < len(w) && unicode.IsDigit(r) {
		return w // 1,2 or 1.5: a figure
	}
	return w[:i] + "." + w[j:]
}

// splitMarker mends a list number read as two words, the number (with
// its point or not) and then a mark (2 ，南屯镇 or 2. ，南屯镇): one list
// number 2. and the name.
func splitMarker(ws []word) []word {
	if len(ws) < 2 {
		return ws
	}
	digits := strings.TrimRight(ws[0].text, ".,，。")
	if digits == "" || len(digits) > 2 || strings.Trim(digits, "0123456789") != "" {
		return ws
	}
	rest := ws[1].text
	marks := 0
	for marks < 2 {
		r, n := utf8.DecodeRuneInString(rest)
		if r != '，' && r != '。' && r != ',' && r != '.' {
			break
		}
		rest = rest[n:]
		marks++
	}
	if marks == 0 {
		return ws
	}
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && unicode.IsDigit(r) {
		return ws
	}
	ws[0].text = digits + "."
	if rest == "" {
		return append(ws[:1], ws[2:]...)
	}
	ws[1].text = rest
	return ws
}

// spaced tells whether two neighbouring words of a line keep a space
// between them: Latin letters and digits do (24 24 are two figures);
// Chinese is written without spaces.
func spaced(a, b string) bool {
	r, _ := utf8.DecodeLastRuneInString(a)
	s, _ := utf8.DecodeRuneInString(b)
	latin := func(r rune) bool {
		return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%')
	}
	return latin(r) && latin(s)
}

// SpanConfidence is the engine's confidence in the text Page.Text[start:end]:
// the lowest of the words in it that hold a digit (a figure is as sure as
// its least sure digit), else of all the words in it; ok is false when no
// word lies in the range.
func SpanConfidence(text string, words []Word, start, end int) (conf int, ok bool) {
	i := sort.Search(len(words), func(i int) bool { return words[i].End > start })
	lowDigit, low := 101, 101
	for ; i < len(words) && words[i].Start < end; i++ {
		w := words[i]
		low = min(low, w.Conf)
		if w.End <= len(text) && strings.ContainsAny(text[w.Start:w.End], "0123456789") {
			lowDigit = min(lowDigit, w.Conf)
		}
	}
	switch {
	case lowDigit <= 100:
		return lowDigit, true
	case low <= 100:
		return low, true
	}
	return 0, false
}
