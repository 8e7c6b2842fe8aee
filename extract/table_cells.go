package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/ingest/fold"
)

// A table reaches us as text in one of several layouts: pipe rows
// ("| 项目名称 | … |", what the DOCX and HTML readers emit), one cell per line
// ("cell |" lines, or cells separated by blank lines with " " for an empty
// cell), or rows flattened into runs of figures separated by spaces and tabs
// (the PDF reader). tokenize turns any of them into one stream of cells.

// cell is one table cell with its byte span in the document text.
type cell struct {
	text       string // as written, trimmed; lines of a multi-line cell joined
	key        string // cellKey(text)
	start, end int    // span in the document text
	row        int    // index of the line (row) it came from
	flat       bool   // split out of a flattened run: empty neighbours were not written
	piped      bool   // from a pipe row
}

func (c cell) empty() bool { return c.key == "" }

// cellStream is a tokenised table.
type cellStream struct {
	cells []cell
	// rows says that lines are table rows (pipe rows, flattened runs); when
	// false each line holds one cell and rows come only from the header's
	// column count.
	rows bool
}

func isBlank(s string) bool { return s == "" }

func isSpaceOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			return false
		}
	}
	return true
}

// tokenize reads text as table cells.
func tokenize(text string) cellStream {
	lines := splitLines(text)
	pipeLines, mdLines, blank, nonBlank := 0, 0, 0, 0
	for _, l := range lines {
		s := text[l.start:l.end]
		switch {
		case isBlank(s):
			blank++
			continue
		case strings.ContainsRune(s, '|'):
			pipeLines++
			t := strings.TrimLeftFunc(s, unicode.IsSpace)
			if strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 2 {
				mdLines++
			}
		}
		nonBlank++
	}
	markdown := pipeLines > 0 && mdLines*2 >= pipeLines
	// Cells separated by blank lines: consecutive lines then form one cell.
	blankSeparated := nonBlank > 0 && blank*2 >= nonBlank && pipeLines*2 < nonBlank
	pipePerLine := isPipePerLine(text, lines)

	var cs cellStream
	row := 0
	groupOpen := false // a single-text-cell line group is open (blank-separated layout)
	cellOpen := false  // the last cell came from a text line no pipe has ended yet (pipe-per-line layout)
	inCell := false    // and it began right after a pipe: the lines up to the next pipe are all of it
	lastPipe := false  // the line before held a pipe
	for _, ls := range lines {
		l := ls.wide()
		s := text[l.start:l.end]
		if isBlank(s) {
			groupOpen = false
			continue
		}
		wasPipe := lastPipe
		lastPipe = strings.ContainsRune(s, '|')
		if pipePerLine && isLonePipe(s) {
			groupOpen, inCell = false, false
			if cellOpen {
				cellOpen = false // the pipe that ends the cell above
				continue
			}
			cs.cells = append(cs.cells, cell{start: l.start, end: l.start, row: row})
			row++
			continue
		}
		if pipePerLine && isPipeRun(s) {
			// the end of a row (||||): its first pipe ends the cell above,
			// the others are the row's trailing empty cells, which carry
			// nothing and would only push the next row's cells along
			groupOpen, cellOpen, inCell = false, false, false
			row++
			continue
		}
		if strings.ContainsRune(s, '|') {
			groupOpen, cellOpen = false, false
			cs.cells = append(cs.cells, splitPipes(text, l, markdown, row)...)
			row++
			continue
		}
		if isSpaceOnly(s) {
			groupOpen, cellOpen = false, false
			cs.cells = append(cs.cells, cell{start: l.start, end: l.start, row: row})
			row++
			continue
		}
		cells := splitFlat(text, l, row)
		single := len(cells) == 1 && !isValueLike(cells[0].text)
		if pipePerLine && cellOpen && inCell && single && len(cs.cells) > 0 && !isValueLike(cs.cells[len(cs.cells)-1].text) {
			groupOpen = true // the cell goes on: 项目资金\n(万元)\n|
		} else if pipePerLine {
			inCell = wasPipe // lines before the table (titles) are cells of their own
		}
		cellOpen = pipePerLine
		if (blankSeparated || pipePerLine) && groupOpen && single {
			// continuation line of a multi-line cell: 项目资金\n(万元)
			prev := &cs.cells[len(cs.cells)-1]
			prev.text += cells[0].text
			prev.end = cells[0].end
			prev.key = cellKey(prev.text)
			continue
		}
		for i := range cells {
			cells[i].flat = len(cells) > 1
		}
		cs.cells = append(cs.cells, cells...)
		groupOpen = blankSeparated && single
		row++
	}
	cs.cells = mergeLevelLabels(cs.cells)

	// Lines are rows when many lines hold several cells.
	multi, lines1 := 0, 0
	count := map[int]int{}
	for _, c := range cs.cells {
		count[c.row]++
	}
	for _, n := range count {
		lines1++
		if n >= 2 {
			multi++
		}
	}
	cs.rows = lines1 > 0 && multi*10 >= lines1*3
	return cs
}

// isLonePipe reports whether a line holds a pipe and nothing else.
func isLonePipe(s string) bool { return strings.TrimSpace(s) == "|" }

// isPipeRun reports whether a line holds two or more pipes and nothing
// else: in a pipe-per-line table, the end of a row (||||).
func isPipeRun(s string) bool {
	t := strings.TrimSpace(s)
	return len(t) >= 2 && strings.Trim(t, "|") == ""
}

// isPipePerLine reports whether a text is a table copied with every cell
// and every pipe on a line of its own (a web table copied with its cell
// ends): most lines that hold a pipe hold nothing else, and they are a
// good part of the text. A lone pipe then ends the cell written above it.
func isPipePerLine(text string, lines []lineSpan) bool {
	pipeLines, lonePipes, nonBlank := 0, 0, 0
	for _, l := range lines {
		s := text[l.start:l.end]
		if isBlank(s) {
			continue
		}
		nonBlank++
		if strings.ContainsRune(s, '|') {
			pipeLines++
			if isLonePipe(s) {
				lonePipes++
			}
		}
	}
	return pipeLines > 0 && lonePipes*2 > pipeLines && lonePipes*4 >= nonBlank
}

// splitPipes cuts a pipe row into cells. In Markdown rows ("| a | b |") the
// pipes surround cells; in the other style ("a | b |", "|") each pipe ends one.
func splitPipes(text string, l lineRange, markdown bool, row int) []cell {
	var parts []lineRange
	i := l.start
	for {
		j := strings.IndexByte(text[i:l.end], '|')
		if j < 0 {
			parts = append(parts, lineRange{i, l.end})
			break
		}
		parts = append(parts, lineRange{i, i + j})
		i += j + 1
	}
	if markdown && strings.HasPrefix(strings.TrimLeftFunc(text[l.start:l.end], unicode.IsSpace), "|") && len(parts) > 1 {
		parts = parts[1:]
	}
	if last := parts[len(parts)-1]; isSpaceOnly(text[last.start:last.end]) {
		parts = parts[:len(parts)-1]
	}
	var out []cell
	for _, p := range parts {
		s := text[p.start:p.end]
		if isTableRule(s) {
			continue
		}
		c := newCell(text, p.start, p.end, row)
		c.piped = true
		out = append(out, c)
	}
	if len(out) > 0 && allRules(text, parts) {
		return nil
	}
	return out
}

// isTableRule reports whether a part is a Markdown header rule (---, :---:).
func isTableRule(s string) bool {
	t := strings.TrimSpace(s)
	if len(t) < 3 {
		return false
	}
	for _, r := range t {
		if r != '-' && r != ':' {
			return false
		}
	}
	return true
}

func allRules(text string, parts []lineRange) bool {
	n := 0
	for _, p := range parts {
		s := text[p.start:p.end]
		if isTableRule(s) {
			n++
		} else if !isSpaceOnly(s) {
			return false
		}
	}
	return n > 0
}

// newCell trims a span and makes a cell of it.
func newCell(text string, start, end, row int) cell {
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		end -= w
	}
	t := text[start:end]
	if strings.ContainsAny(t, "\n\r") {
		t = joinLines(t)
	}
	t = fold.Cell(t)
	if strings.Contains(t, "(") {
		t = pinyinReading.ReplaceAllString(t, "$1") // 项(xiàng)目: a mirror's readings inserted after characters
	}
	return cell{text: t, key: cellKey(t), start: start, end: end, row: row}
}

// joinLines joins the lines of a multi-line cell: Chinese text is broken
// without a space, so lines are glued back as they are.
func joinLines(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimSpace(l))
	}
	return b.String()
}

// splitFlat cuts a line without pipes into cells. Tabs and runs of two or
// more spaces separate cells; within a run, figures (43.2, 86%, 29.5亩) are
// cells of their own, labels (项目名称, 年度资金总额, 一级指标 …) too, and
// the words between them are joined back into one text cell.
func splitFlat(text string, l lineRange, row int) []cell {
	type tok struct{ start, end int }
	var toks []tok
	var hard []bool // a wide gap (tab, 2+ spaces) precedes the token
	i := l.start
	gap := false
	for i < l.end {
		r, w := utf8.DecodeRuneInString(text[i:l.end])
		if unicode.IsSpace(r) {
			j := i
			n := 0
			for j < l.end {
				r2, w2 := utf8.DecodeRuneInString(text[j:l.end])
				if !unicode.IsSpace(r2) {
					break
				}
				if r2 == '\t' || r2 == '\u3000' {
					n += 2
				} else {
					n++
				}
				j += w2
			}
			gap = n >= 2
			i = j
			continue
		}
		j := i + w
		for j < l.end {
			r2, w2 := utf8.DecodeRuneInString(text[j:l.end])
			if unicode.IsSpace(r2) {
				break
			}
			j += w2
		}
		pieces := splitGluedTable(text, i, j)
		if pieces == nil {
			pieces = splitGluedLabel(text, i, j)
		}
		if len(pieces) == 1 {
			if h := splitGluedHeader(text, i, j); h != nil {
				pieces = h
			}
		}
		for _, t := range pieces {
			toks = append(toks, tok{t[0], t[1]})
			hard = append(hard, gap)
			gap = false
		}
		i = j
	}
	// A line with wide gaps has its cells between the gaps: a piece that
	// reads as prose (clause punctuation) is one cell, even with figures in it.
	wide := false
	for _, h := range hard[min(1, len(hard)):] {
		wide = wide || h
	}
	// A long line without a single wide gap is a whole table flattened with
	// one space between cells (a DOCX or PDF reduced to text): there a space
	// between two words of several characters each separates cells; runs of
	// single characters are letter-spaced words (产 出 指 标) and are joined.
	spaced := !wide && len(toks) >= 12
	var out []cell
	curStart, curEnd := -1, -1
	curLabel := false
	flush := func() {
		if curStart >= 0 {
			out = append(out, newCell(text, curStart, curEnd, row))
		}
		curStart, curEnd, curLabel = -1, -1, false
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if wide && (k == 0 || hard[k]) {
			e := k + 1
			for e < len(toks) && !hard[e] {
				e++
			}
			labels := 0
			for _, x := range toks[k:e] {
				if isLabelKey(cellKey(text[x.start:x.end])) {
					labels++
				}
			}
			// a run with three of the tables' fixed words is glued cells, not prose
			if piece := text[t.start:toks[e-1].end]; isProse(piece) && labels < 3 {
				flush()
				from := t.start
				if e-k >= 2 && isValueLike(text[t.start:t.end]) && isProse(text[toks[k+1].start:toks[e-1].end]) {
					// 19 部分农户外出务工，…: a score and the reason after it, a PDF
					// having set them only a word gap apart
					out = append(out, newCell(text, t.start, t.end, row))
					from = toks[k+1].start
				}
				out = append(out, newCell(text, from, toks[e-1].end, row))
				k = e - 1
				continue
			}
		}
		s := text[t.start:t.end]
		switch {
		case isValueLike(s):
			flush()
			end := t.end
			if k+1 < len(toks) && !hard[k+1] && isBareNumber(s) && measureWords[text[toks[k+1].start:toks[k+1].end]] {
				end = toks[k+1].end // 3 公里: a figure and its unit, spaced apart
				k++
			}
			out = append(out, newCell(text, t.start, end, row))
		case isLabelKey(cellKey(s)):
			flush()
			curStart, curEnd, curLabel = t.start, t.end, true
		default:
			paren := strings.HasPrefix(s, "(") || strings.HasPrefix(s, "（")
			apart := spaced && curStart >= 0 && !paren && utf8.RuneCountInString(s) > 1 &&
				utf8.RuneCountInString(text[toks[k-1].start:toks[k-1].end]) > 1
			if curStart >= 0 && !hard[k] && (!curLabel || paren) && !apart {
				curEnd = t.end
				continue
			}
			flush()
			curStart, curEnd = t.start, t.end
		}
	}
	flush()
	return out
}

// isProse reports whether a piece of a line reads as a sentence rather than
// as a run of cells: it has clause punctuation, no two figures side by side
// (43.2 37.24 are cells), and is not a fund row label.
func isProse(s string) bool {
	if !strings.ContainsAny(s, "，。；、！？,;") {
		return false
	}
	if _, fund := fundRowLevel(cellKey(s)); fund {
		return false
	}
	prev := false
	for _, f := range strings.Fields(s) {
		v := isValueLike(f)
		if v && prev {
			return false
		}
		prev = v
	}
	return true
}

var bareNumber = regexp.MustCompile(`^\d+(\.\d+)?$`)

func isBareNumber(s string) bool { return bareNumber.MatchString(s) }

// measureWords are units that a PDF's text may set apart from their figure.
var measureWords = map[string]bool{
	"公里": true, "千米": true, "米": true, "厘米": true, "毫米": true, "立方米": true, "平方米": true, "亩": true, "万亩": true, "公顷": true,
	"人": true, "人次": true, "万人": true, "户": true, "个": true, "项": true, "次": true, "条": true, "座": true,
	"所": true, "家": true, "间": true, "处": true, "只": true, "头": true, "台": true, "套": true, "辆": true,
	"吨": true, "万元": true, "元": true, "天": true, "日": true, "个月": true, "月": true, "年": true, "小时": true,
	"km": true, "m": true, "㎡": true,
}

// splitGluedLabel splits a fund row label written against its figures
// (年度资金总额43.243.237.24) into the label and the run.
func splitGluedLabel(text string, start, end int) [][2]int {
	s := text[start:end]
	i := strings.IndexAny(s, "0123456789")
	if j := strings.IndexAny(s, "-—－/"); j > 0 && (i < 0 || j < i) && placeholderRun.MatchString(s[j:]) {
		i = j // 其他资金-- : a label and its empty cells
	}
	if i <= 0 {
		return [][2]int{{start, end}}
	}
	if _, ok := fundRowLevel(cellKey(s[:i])); !ok {
		return [][2]int{{start, end}}
	}
	if !gluedRun.MatchString(s[i:]) && !figurePattern.MatchString(s[i:]) && !placeholderRun.MatchString(s[i:]) {
		return [][2]int{{start, end}}
	}
	return [][2]int{{start, start + i}, {start + i, end}}
}

// splitGluedHeader splits header words that a PDF set without a gap
// between their cells (年度总体目标预期目标, 全年执行数分值, 执行率得分) into
// the words: the split into the fewest fixed words of the tables. It gives
// nil when the token is a word itself or no such split exists.
func splitGluedHeader(text string, start, end int) [][2]int {
	s := text[start:end]
	if strings.ContainsAny(s, "0123456789") || isLabelKey(cellKey(s)) {
		return nil
	}
	var bounds []int
	for i := range s {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(s))
	if n := len(bounds) - 1; n < 4 || n > 40 {
		return nil
	}
	const unreachable = 1 << 30
	best := make([]int, len(bounds))
	prev := make([]int, len(bounds))
	for i := 1; i < len(bounds); i++ {
		best[i] = unreachable
		for j := 0; j < i; j++ {
			if best[j] == unreachable || best[j]+1 >= best[i] {
				continue
			}
			if isLabelKey(cellKey(s[bounds[j]:bounds[i]])) {
				best[i], prev[i] = best[j]+1, j
			}
		}
	}
	// all fixed words; or at least two of them, or an indicator level, and
	// then free text (满意度指标服务对象满意度指标群众满意度, 服务对象满意度指标农户满意度)
	last := len(bounds) - 1
	cut := last
	if best[last] == unreachable || best[last] < 2 {
		cut = -1
		for i := last - 2; i > 0; i-- {
			if best[i] == unreachable {
				continue
			}
			if k := cellKey(s[:bounds[i]]); best[i] >= 2 || isLevel1(k) || isLevel2(k) {
				cut = i
				break
			}
		}
		if cut < 0 {
			return nil
		}
	}
	var out [][2]int
	for i := cut; i > 0; i = prev[i] {
		out = append([][2]int{{start + bounds[prev[i]], start + bounds[i]}}, out...)
	}
	if cut < last {
		out = append(out, [2]int{start + bounds[cut], end})
	}
	return out
}

// isLabelKey reports whether a key is one of the tables' fixed words.
func isLabelKey(key string) bool {
	if key == "" {
		return false
	}
	if _, ok := fieldOf(key); ok {
		return true
	}
	if _, ok := fundRowLevel(key); ok {
		return true
	}
	if isSectionLabel(key) || isLevel1(key) || isLevel2(key) || totalLabel.MatchString(key) ||
		goalsSubHeader.MatchString(key) || templateTitle.MatchString(key) {
		return true
	}
	for _, ws := range [][]headerWord{fundHeaderWords, indicatorHeaderWords, taskHeaderWords} {
		for _, w := range ws {
			if key == w.word {
				return true
			}
		}
	}
	return false
}

// mergeLevelLabels joins level labels broken over two cells (经济效益 | 指标).
func mergeLevelLabels(cells []cell) []cell {
	out := cells[:0]
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		if i+1 < len(cells) && cells[i+1].key == "指标" && (isLevel1(c.key+"指标") || isLevel2(c.key+"指标") ||
			c.key == "一级" || c.key == "二级" || c.key == "三级" || strings.HasSuffix(c.key, "一级")) {
			c.text += cells[i+1].text
			c.key = cellKey(c.text)
			c.end = cells[i+1].end
			i++
		}
		out = append(out, c)
	}
	return out
}
