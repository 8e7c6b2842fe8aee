package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/segment"
)

// The indicator block of a standard table as document-sharing previews, OCR
// text layers and page copies give it: every cell glued to the next, rows
// too (财政供养人员控制率%定量指标100%92%100%22否“三公经费变动率%100%22否…).
// Nothing separates the cells but the kinds of their contents, so the block
// is read against the header's columns: a row is a name, then its values in
// the header's order, each value of its column's kind (a 分值 or 得分 is a
// number of points, at most 100, the 得分 not above the 分值; a rate or a
// coefficient has %; a target is a figure with its operator and unit, or
// words; 是否核心指标 is 是 or 否). Where the values can be read in more
// than one way that fits, the cells concerned are left unread and a warning
// names them and the readings.

// gluedText is a stretch of the document's text with its whitespace and a
// document site's page marks (a line opening with 2、, 3、 …) taken out,
// each byte mapped back to its place in the document.
type gluedText struct {
	s    string
	off  []int        // off[i]: the document offset of s[i]; one more entry for the end
	hard map[int]bool // positions of s where whitespace stood between two figures
	// words holds where the words of s begin (jieba, precise mode): a cut
	// between two Chinese characters falls between words; nil when no
	// segmenter is at hand.
	words map[int]bool
}

// cutOK reports whether s may be cut at i into two cells: not inside a
// word, where one Chinese character meets another.
func (g gluedText) cutOK(i int) bool {
	if g.words == nil || i <= 0 || i >= len(g.s) || g.words[i] {
		return true
	}
	r1, _ := utf8.DecodeLastRuneInString(g.s[:i])
	r2, _ := utf8.DecodeRuneInString(g.s[i:])
	return !(unicode.Is(unicode.Han, r1) && unicode.Is(unicode.Han, r2))
}

// pageMark is the page number a document site writes at the start of each page chunk.
var pageMark = regexp.MustCompile(`(?:^|\s*\n)[ \t]*\d{1,3}、`)

func newGluedText(text string, start, end int) gluedText {
	g := gluedText{hard: map[int]bool{}}
	var b strings.Builder
	marks := pageMark.FindAllStringIndex(text[start:end], -1)
	mi := 0
	gap := false
	for i := start; i < end; {
		if mi < len(marks) && i == start+marks[mi][0] {
			// the page break and its mark: no cell boundary (12.51 | 2、2.512.5 is 12.512.512.5)
			i = start + marks[mi][1]
			mi++
			gap = false
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			gap = true
			i += w
			continue
		}
		if gap && b.Len() > 0 && isFigureByte(b.String()[b.Len()-1]) && isFigureByte(text[i]) {
			g.hard[b.Len()] = true
		}
		gap = false
		for k := 0; k < w; k++ {
			g.off = append(g.off, i+k)
		}
		b.WriteString(text[i : i+w])
		i += w
	}
	g.off = append(g.off, end)
	g.s = b.String()
	if seg, err := segment.Default(); err == nil && seg != nil {
		g.words = map[int]bool{}
		for _, t := range seg.Cut(g.s) {
			g.words[t.Start] = true
		}
	}
	return g
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isFigureByte(c byte) bool { return c >= '0' && c <= '9' || c == '.' || c == '%' }

// span is the document span of s[i:j].
func (g gluedText) span(i, j int) Span {
	if j <= i {
		return Span{g.off[i], g.off[i]}
	}
	return Span{g.off[i], g.off[j-1] + 1}
}

// isGluedBlock reports whether a stretch of text is written without
// separators: most of it in runs of forty or more characters that hold both
// words and figures.
func isGluedBlock(text string) bool {
	glued, total := 0, 0
	for _, f := range strings.Fields(text) {
		n := utf8.RuneCountInString(f)
		total += n
		if n >= 40 && strings.ContainsAny(f, "0123456789") && hasHan(f) {
			glued += n
		}
	}
	return total > 0 && glued*3 >= total
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Columns only the glued reader tells apart.
const (
	colTarget2     column = "target2"      // 调整指标值: an adjusted target, seldom written
	colGroupWeight column = "group-weight" // 自评权重 of a 一级 group, written after its label
)

// gluedHeaderWords are the indicator header's words, with the spellings of
// other provinces' forms, longest first.
var gluedHeaderWords = func() []headerWord {
	out := []headerWord{
		{"指标名称", colLevel3}, {"分解目标", colLevel1}, {"自评权重", colGroupWeight},
		{"参考分值", colWeight}, {"指标权重", colWeight}, {"指标得分", colScore},
		{"调整指标值", colTarget2}, {"调整后指标值", colTarget2}, {"全年指标值", colTarget}, {"全年完成值", colActual},
		{"未完成原因分析及改进措施", colReason}, {"偏差原因分析及改进措施", colReason}, {"偏差及原因分析", colReason},
		{"偏差大或目标未完成原因分析", colReason}, {"未完成原因及拟采取的改进措施", colReason},
		{"说明", colReason}, // 重庆's 部门整体绩效自评表: … 指标得分(分) | 说明
	}
	seen := map[string]bool{}
	for _, w := range out {
		seen[w.word] = true
	}
	for _, w := range indicatorHeaderWords {
		if !seen[w.word] {
			out = append(out, w)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].word) > len(out[j].word) })
	return out
}()

// headerParen is a note in a header cell: (A), (B), (%), (分), an OCR's (八).
var headerParen = regexp.MustCompile(`^[(（][^()（）]{1,4}[)）]`)

// sameRunes reports whether a is b with its characters in another order (a
// multi-line cell read line by line by an OCR: 考值参分 for 参考分值).
func sameRunes(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[rune]int{}
	for _, r := range a {
		m[r]++
	}
	for _, r := range b {
		m[r]--
		if m[r] < 0 {
			return false
		}
	}
	return true
}

// scanGluedHeader reads the header's columns from s[i:]: its words in
// order, notes and a stray character between them skipped, a word whose
// characters an OCR shuffled taken for the word. It returns the columns and
// where the header ends.
func scanGluedHeader(s string, i int) ([]column, int) {
	var cols []column
	end := i
	skipped := 0
	for i < len(s) {
		if m := headerParen.FindStringIndex(s[i:]); m != nil {
			i += m[1]
			end = i
			continue
		}
		w, n := headerWordAt(s, i)
		if n == 0 {
			if skipped > 0 {
				break
			}
			_, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
			skipped++
			continue
		}
		skipped = 0
		cols = append(cols, w)
		i += n
		end = i
	}
	return cols, end
}

// headerWordAt is the header word at s[i:], as written or shuffled, and its length.
func headerWordAt(s string, i int) (column, int) {
	for _, w := range gluedHeaderWords {
		if strings.HasPrefix(s[i:], w.word) {
			return w.col, len(w.word)
		}
	}
	for _, w := range gluedHeaderWords {
		if utf8.RuneCountInString(w.word) < 4 || len(s)-i < len(w.word) {
			continue
		}
		if chunk := s[i : i+len(w.word)]; utf8.ValidString(chunk) && sameRunes(chunk, w.word) {
			return w.col, len(w.word)
		}
	}
	return "", 0
}

// levelAt reads an indicator level label at s[i:]: a level of the templates
// (产出指标, 数量指标 …, or its characters shuffled by an OCR: 出标产指), or
// a short label carrying its weight (项目决策(10分)). It gives the label as
// written, the level (1 or 2), the weight noted, and where it ends.
func levelAt(s string, i int) (label string, level int, weight *decimal.Decimal, end int) {
	rest := s[i:]
	best, shuffled := "", ""
	for k := range level1Names {
		if strings.HasPrefix(rest, k) && len(k) > len(best) {
			best = k
		}
	}
	for k := range level2Names {
		if strings.HasPrefix(rest, k) && len(k) > len(best) {
			best = k
		}
	}
	if best == "" {
		for _, names := range []map[string]bool{level1Names, level2Names} {
			for k := range names {
				if utf8.RuneCountInString(k) >= 4 && len(rest) >= len(k) && utf8.ValidString(rest[:len(k)]) && sameRunes(rest[:len(k)], k) {
					best, shuffled = rest[:len(k)], k
				}
			}
		}
	}
	if m := groupLabel.FindStringSubmatchIndex(rest); m != nil && (best == "" || m[1] > len(best)) {
		label = rest[:m[1]]
		d, _ := decimal.NewFromString(rest[m[4]:m[5]])
		lvl := 1
		if k := cellKey(rest[m[2]:m[3]]); isLevel2(k) && (!isLevel1(k) || levelKind(k) == "成本指标" && !nextIsLevel2At(s, i+m[1])) {
			lvl = 2
		}
		return label, lvl, &d, i + m[1]
	}
	if best == "" {
		return "", 0, nil, i
	}
	n := len(best)
	if m := scoreNoteAfter.FindStringIndex(rest[n:]); m != nil {
		n += m[1]
	}
	label = rest[:n]
	key := cellKey(label)
	lvl := 2
	if isLevel1(key) && (levelKind(key) != "成本指标" || nextIsLevel2At(s, i+n)) {
		lvl = 1
	}
	if shuffled != "" {
		// 出标产指: the word its characters spell
		label, key = shuffled+rest[len(best):n], shuffled
		lvl = 2
		if level1Names[shuffled] {
			lvl = 1
		}
	}
	return label, lvl, noteWeight(cellKey(label)), i + n
}

// nextIsLevel2At reports whether a level-2 label begins at s[i:].
func nextIsLevel2At(s string, i int) bool {
	for k := range level2Names {
		if k != "成本指标" && strings.HasPrefix(s[i:], k) {
			return true
		}
	}
	return false
}

// groupLabel is a short label with its weight: 项目决策(10分), 数量指标(10分).
var groupLabel = regexp.MustCompile(`^(\p{Han}{2,8})[(（](\d+(?:\.\d+)?)\s*分\s*[)）]`)

// gluedRowMarker opens an indicator's name: 指标1:, 任务2:.
var gluedRowMarker = regexp.MustCompile(`^(?:指标|任务)\d{1,2}[:：]`)

// gluedPlaceholderRow is a template row left empty: 指标2:, 指标L, ……
var gluedPlaceholderRow = regexp.MustCompile(`^(?:(?:指标|任务)(?:\d{1,2}|L|l)[:：]?|……|…)`)

// gluedStop ends the block: the total row or the form's notes.
var gluedStop = regexp.MustCompile(`^(?:合计|总分|总计|自评总分|综合得分|得分合计|总得分|注[:：]|备注|说明[:：]|偏差大或目标未完成原因分析)`)

// A value of a row as read, in the glued string.
type gluedVal struct {
	col        column
	text       string
	fig        figure // points and percentages
	isFig      bool
	start, end int
}

type gluedReading struct {
	vals  []gluedVal
	end   int
	score int
}

func (rd gluedReading) get(c column) (gluedVal, bool) {
	for _, v := range rd.vals {
		if v.col == c {
			return v, true
		}
	}
	return gluedVal{}, false
}

// gluedUnits are the measure words a glued figure may carry, longest first.
var gluedUnits = func() []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range unitWords {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range []string{"万人次", "人次", "篇", "份", "例", "种", "册", "场", "期", "名", "批", "块", "张", "本", "部", "亿元", "元/人", "元/年",
		"公斤", "千克", "万册", "户次", "家次", "课时", "学时", "平方公里", "个百分点", "分钟", "工作日", "周", "季度"} {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

var (
	opSymbols = []string{"≥", "≤", "≧", "≦", ">=", "<=", ">", "<", "=", "＞", "＜", "＝", "≈"}
	opWords   = []string{"不少于", "不低于", "不高于", "不超过", "不大于", "不小于", "大于等于", "小于等于", "大于", "小于", "高于", "低于", "达到", "超过", "约"}
	after     = []string{"以上", "以下", "以内", "左右"}
	natures   = []string{"定量指标", "定性指标", "正向指标", "反向指标", "定量", "定性", "正向", "反向"}
	blankMark = []string{"——", "--", "一", "-", "—", "－", "/", "／", "无"}
)

// numberAt lists the numbers written at s[i:]: digits, no leading zero
// (but 0 and 0.x), with up to maxDec decimals; the ends of each.
func numberAt(s string, i, maxInt, maxDec int) []int {
	var out []int
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return nil
	}
	il := 1
	for i+il < len(s) && il < maxInt && s[i+il] >= '0' && s[i+il] <= '9' {
		il++
	}
	for l := 1; l <= il; l++ {
		if s[i] == '0' && l > 1 {
			break
		}
		e := i + l
		out = append(out, e)
		if e < len(s) && s[e] == '.' {
			for d := 1; d <= maxDec && e+d < len(s) && s[e+d] >= '0' && s[e+d] <= '9'; d++ {
				out = append(out, e+1+d)
			}
		}
	}
	return out
}

func readNumber(text string) (figure, bool) {
	num := strings.TrimSuffix(text, "%")
	d, err := decimal.NewFromString(num)
	if err != nil {
		return figure{}, false
	}
	f := figure{value: d, text: text, percent: strings.HasSuffix(text, "%")}
	if k := strings.IndexByte(num, '.'); k >= 0 {
		f.decimals = len(num) - k - 1
	}
	return f, true
}

// gluedRows reads the indicator rows of a glued block.
type gluedRows struct {
	g     gluedText
	cols  []column // the value columns, after the name
	steps int
	// cap is the weight the row's group declares (数量指标(10分)): no row
	// of the group weighs more; nil when none is written.
	cap *decimal.Decimal
	// strict: the cells were written apart and are read here only because
	// the reading by cells placed none: a name then never runs over a
	// level label or a header word.
	strict bool
}

// maxGluedSteps bounds the readings weighed for one row.
const maxGluedSteps = 60000

// pieces lists what a column can hold at s[i:]: the end of each reading,
// its text, and its figure when it is a number.
func (gr *gluedRows) pieces(col column, i int) []gluedVal {
	s := gr.g.s
	if i >= len(s) {
		return nil
	}
	var out []gluedVal
	hardStop := func(a, b int) bool {
		for k := a + 1; k < b; k++ {
			if gr.g.hard[k] {
				return true
			}
		}
		return false
	}
	add := func(e int, fig figure, isFig bool) {
		if e <= i || hardStop(i, e) || !gr.g.cutOK(e) {
			return
		}
		out = append(out, gluedVal{col: col, text: s[i:e], fig: fig, isFig: isFig, start: i, end: e})
	}
	switch col {
	case colWeight, colScore, colGroupWeight:
		if m := ocrPoints.FindString(s[i:]); m != "" && !(len(s) > i+len(m) && isLatin(s[i+len(m)])) {
			// IO, lO: an OCR's letters for the digits of 10
			if f, ok := readNumber(strings.NewReplacer("I", "1", "l", "1", "O", "0", "o", "0").Replace(m)); ok && !f.value.GreaterThan(hundred) {
				f.text = m
				add(i+len(m), f, true)
			}
		}
		for _, e := range numberAt(s, i, 3, 2) {
			if e < len(s) && (s[e] == '%' || s[e] == '.') {
				continue
			}
			if f, ok := readNumber(s[i:e]); ok && !f.value.GreaterThan(hundred) {
				add(e, f, true)
			}
		}
	case colCoef, colComplete, colRate:
		for _, e := range numberAt(s, i, 3, 4) {
			if e < len(s) && s[e] == '%' {
				if f, ok := readNumber(s[i : e+1]); ok {
					add(e+1, f, true)
				}
			}
		}
	case colCore:
		for _, w := range []string{"是", "否"} {
			if strings.HasPrefix(s[i:], w) {
				add(i+len(w), figure{}, false)
			}
		}
	case colNature:
		for _, w := range append(natures, opSymbols...) {
			if strings.HasPrefix(s[i:], w) {
				add(i+len(w), figure{}, false)
			}
		}
	case colUnit:
		if strings.HasPrefix(s[i:], "%") {
			add(i+1, figure{}, false)
		}
		for _, w := range gluedUnits {
			if strings.HasPrefix(s[i:], w) {
				add(i+len(w), figure{}, false)
			}
		}
	case colTarget, colActual, colTarget2:
		for _, w := range blankMark {
			if strings.HasPrefix(s[i:], w) {
				add(i+len(w), figure{}, false)
				break
			}
		}
		// a figure: an operator, digits, a percent sign or a measure word, 以上
		j := i
		for _, op := range append(append([]string(nil), opSymbols...), opWords...) {
			if strings.HasPrefix(s[i:], op) {
				j = i + len(op)
				break
			}
		}
		for _, e := range numberAt(s, j, 12, 6) {
			ends := []int{e}
			if e < len(s) && s[e] == '%' {
				ends = []int{e + 1}
			} else if e < len(s) && s[e] == '.' {
				continue
			}
			for _, e2 := range ends {
				var withUnit []int
				withUnit = append(withUnit, e2)
				for _, u := range gluedUnits {
					if strings.HasPrefix(s[e2:], u) {
						withUnit = append(withUnit, e2+len(u))
					}
				}
				for _, e3 := range withUnit {
					add(e3, figure{}, false)
					for _, a := range after {
						if strings.HasPrefix(s[e3:], a) {
							add(e3+len(a), figure{}, false)
						}
					}
				}
			}
		}
		// a figure an OCR damaged: M.8万元 for 14.8万元
		if m := ocrFigure.FindStringIndex(s[i:]); m != nil {
			e := i + m[1]
			add(e, figure{}, false)
			for _, u := range gluedUnits {
				if strings.HasPrefix(s[e:], u) {
					add(e+len(u), figure{}, false)
				}
			}
		}
		// words: up to the next figure
		if j == i && !startsFigure(s, i) && !startsUnit(s, i) && s[i] != '%' {
			e := i
			for e < len(s) && !startsFigure(s, e) && !gr.g.hard[e] && !startsRow(s, e) {
				_, w := utf8.DecodeRuneInString(s[e:])
				e += w
			}
			add(e, figure{}, false)
		}
	case colMethod, colReason:
		e := i
		for e < len(s) && !(s[e] >= '0' && s[e] <= '9') {
			_, w := utf8.DecodeRuneInString(s[e:])
			e += w
		}
		add(e, figure{}, false)
	}
	return out
}

// ocrFigure is a figure whose first digits an OCR read as letters: M.8, l5.
var ocrFigure = regexp.MustCompile(`^[A-Za-z]{1,2}\.?\d+(?:\.\d+)?%?`)

// ocrPoints is a number of points an OCR wrote with letters: IO, lO, 1O.
var ocrPoints = regexp.MustCompile(`^(?:[1-9Il][0-9O]|[Il])(?:\.[0-9O])?`)

func isLatin(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// startsRow reports whether s[i:] opens a row of its own or the end of the
// block: a row's marker (任务2:), a level label, the total row.
func startsRow(s string, i int) bool {
	if gluedRowMarker.MatchString(s[i:]) || gluedStop.MatchString(s[i:]) {
		return true
	}
	_, _, _, e := levelAt(s, i)
	return e > i
}

// startsFigure reports whether a figure begins at s[i:] (a digit, or an operator before one).
func startsFigure(s string, i int) bool {
	if s[i] >= '0' && s[i] <= '9' {
		return true
	}
	for _, op := range opSymbols {
		if strings.HasPrefix(s[i:], op) && i+len(op) < len(s) && s[i+len(op)] >= '0' && s[i+len(op)] <= '9' {
			return true
		}
	}
	return false
}

// colValue is how much a filled column counts for a reading.
var colValue = map[column]int{colWeight: 10, colScore: 10, colTarget: 3, colActual: 3, colCoef: 2, colComplete: 2,
	colUnit: 1, colNature: 1, colCore: 1, colMethod: 1}

// readValues lists the readings of the values that begin at s[i:], in the
// columns from ci on: each column holds one value of its kind or nothing,
// in order, with nothing left between them.
func (gr *gluedRows) readValues(i int) []gluedReading {
	var out []gluedReading
	var cur []gluedVal
	var walk func(pos, ci int)
	walk = func(pos, ci int) {
		gr.steps++
		if gr.steps > maxGluedSteps {
			return
		}
		if len(cur) > 0 {
			out = append(out, gluedReading{vals: append([]gluedVal(nil), cur...), end: pos})
		}
		if ci >= len(gr.cols) || pos >= len(gr.g.s) {
			return
		}
		col := gr.cols[ci]
		if col == colReason {
			return // read after the row's figures: it runs into the next row
		}
		// a target and an actual written alike, side by side: 显著提升显著提升
		if col == colTarget && ci+1 < len(gr.cols) && gr.cols[ci+1] == colActual {
			for _, n := range twinLengths(gr.g.s, pos) {
				cur = append(cur, gluedVal{col: colTarget, text: gr.g.s[pos : pos+n], start: pos, end: pos + n},
					gluedVal{col: colActual, text: gr.g.s[pos+n : pos+2*n], start: pos + n, end: pos + 2*n})
				walk(pos+2*n, ci+2)
				cur = cur[:len(cur)-2]
			}
		}
		for _, v := range gr.pieces(col, pos) {
			cur = append(cur, v)
			walk(v.end, ci+1)
			cur = cur[:len(cur)-1]
		}
		walk(pos, ci+1) // the column left empty
	}
	walk(i, 0)
	return out
}

// maxTwin is the longest target weighed as written twice, in bytes.
const maxTwin = 120

// twinLengths are the lengths n for which s[i:i+n] is written twice in a
// row, the copy not cut inside a figure.
func twinLengths(s string, i int) []int {
	var out []int
	for n := min((len(s)-i)/2, maxTwin); n >= 1; n-- {
		if !utf8.ValidString(s[i:i+n]) || s[i:i+n] != s[i+n:i+2*n] {
			continue
		}
		if e := i + 2*n; e < len(s) && isFigureByte(s[e]) && isDigit(s[e-1]) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// rate scores a reading: columns filled (a 分值 and a 得分 above all), no
// column skipped between two filled ones; a 得分 above its 分值 rules the
// reading out.
func (gr *gluedRows) rate(rd *gluedReading) bool {
	w, hasW := rd.get(colWeight)
	sc, hasS := rd.get(colScore)
	if hasW && hasS && w.isFig && sc.isFig && sc.fig.value.GreaterThan(w.fig.value) {
		return false
	}
	if hasW && gr.cap != nil && w.fig.value.GreaterThan(*gr.cap) {
		return false
	}
	s := 0
	first, last := -1, -1
	filled := map[column]bool{}
	for _, v := range rd.vals {
		s += colValue[v.col]
		filled[v.col] = true
	}
	for k, c := range gr.cols {
		if filled[c] {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	for k := first; k >= 0 && k <= last; k++ {
		if !filled[gr.cols[k]] {
			s--
		}
	}
	// a target and an actual glued together measure the same thing: one unit
	var tv []gluedVal
	for _, c := range []column{colTarget, colTarget2, colActual} {
		if v, ok := rd.get(c); ok && !isBlankMark(v.text) {
			tv = append(tv, v)
		}
	}
	for a := 0; a < len(tv); a++ {
		for b := a + 1; b < len(tv); b++ {
			if writtenIn(tv[a].text) != writtenIn(tv[b].text) {
				s -= 3
			}
		}
	}
	// a target with its actual, or neither
	if hasColumn(gr.cols, colTarget) && hasColumn(gr.cols, colActual) {
		_, t := rd.get(colTarget)
		_, a := rd.get(colActual)
		if t != a {
			s -= 2
		}
	}
	// a run of digits is cut only where the columns need it: 2859篇 is one figure before it is 28 and 59篇
	for _, v := range rd.vals[1:] {
		if k := v.start; k > 0 && k < len(gr.g.s) && isDigit(gr.g.s[k-1]) && isDigit(gr.g.s[k]) && !gr.g.hard[k] {
			s -= 4
		}
	}
	rd.score = s
	return true
}

// complete reports whether a reading closes a row: its 得分 with its 分值,
// target or actual (or the target and actual written alike against the
// name: 成本控制不超过预算不超过预算10), or its 分值 with a target or an
// actual in a form whose 得分 the row may lack.
func (gr *gluedRows) complete(rd gluedReading, nameTwin bool) bool {
	_, hasW := rd.get(colWeight)
	_, hasT := rd.get(colTarget)
	_, hasA := rd.get(colActual)
	if _, ok := rd.get(colScore); ok {
		return hasW || hasT || hasA || nameTwin || !hasColumn(gr.cols, colWeight) && !hasColumn(gr.cols, colTarget) && !hasColumn(gr.cols, colActual)
	}
	return hasW && (hasT || hasA) && !hasColumn(gr.cols, colScore)
}

// best picks the readings of a row that score highest; several of them
// that disagree leave their cells unread.
func (gr *gluedRows) best(rds []gluedReading, nameTwin bool) ([]gluedReading, bool) {
	var top []gluedReading
	bestScore := -1 << 30
	for _, rd := range rds {
		if !gr.canEndAt(rd.end) {
			continue
		}
		if !gr.rate(&rd) || !gr.complete(rd, nameTwin) {
			continue
		}
		switch {
		case rd.score > bestScore:
			top, bestScore = []gluedReading{rd}, rd.score
		case rd.score == bestScore && !sameReading(rd, top):
			top = append(top, rd)
		}
	}
	return top, len(top) > 0
}

// canEndAt reports whether a row can end at s[e:]: not inside a figure, nor
// before a percent sign or a measure word that would be left without one.
func (gr *gluedRows) canEndAt(e int) bool {
	s := gr.g.s
	if e >= len(s) || gr.g.hard[e] {
		return true
	}
	if startsFigure(s, e) || s[e] == '%' || s[e] == '.' {
		return false
	}
	if isDigit(s[e-1]) && strings.HasPrefix(s[e:], "分") {
		return false // 10分: points, not a 1 and a 0 that end a row
	}
	for _, u := range endUnits {
		if strings.HasPrefix(s[e:], u) {
			return false
		}
	}
	for _, u := range gluedUnits {
		if !strings.HasPrefix(s[e:], u) {
			continue
		}
		if e+len(u) >= len(s) || startsFigure(s, e+len(u)) {
			return false // 人2370人: the unit of a figure, another figure after it
		}
		if isDigit(s[e-1]) && wordUnits[u] && gr.g.words != nil && gr.g.words[e] && gr.g.words[e+len(u)] {
			return false // 42天访视数: the measure word stands as a word after its figure
		}
	}
	return true
}

// wordUnits are measure words that, standing as a word of their own right
// after digits, belong to the figure (42天访视数), not to the next name; 项
// and 个 are not among them (7项Fl实施: an OCR's 项目).
var wordUnits = map[string]bool{"天": true, "日": true, "次": true, "人次": true, "元": true, "万元": true, "米": true, "亩": true, "吨": true,
	"篇": true, "份": true, "例": true, "种": true, "座": true, "辆": true, "台": true, "套": true, "户": true, "人": true, "公里": true, "小时": true, "分": true}

// endUnits are the measure words that seldom begin an indicator's name: a
// row does not end right before one (≥266米 is not ≥26 and a 6 that ends a row).
var endUnits = func() []string {
	out := []string{"%", "以上", "以下", "以内", "左右", "米", "元", "亩", "吨", "篇", "份", "例", "种", "座", "辆", "台", "套", "只", "㎡", "km"}
	for _, u := range gluedUnits {
		if utf8.RuneCountInString(u) >= 2 && !strings.HasPrefix(u, "个") && !strings.HasPrefix(u, "人") && !strings.HasPrefix(u, "年") {
			out = append(out, u)
		}
	}
	return out
}()

func startsUnit(s string, i int) bool {
	for _, u := range gluedUnits {
		if strings.HasPrefix(s[i:], u) {
			return true
		}
	}
	for _, a := range after {
		if strings.HasPrefix(s[i:], a) {
			return true
		}
	}
	return false
}

// writtenIn is what a target or an actual is written in: the percent sign
// or measure word of a figure, or words.
func writtenIn(t string) string {
	if !startsFigure(t, 0) && !opWordBefore(t, 0) {
		return "words"
	}
	for _, op := range opWords {
		t = strings.TrimPrefix(t, op)
	}
	return strings.TrimLeft(t, "0123456789.≥≤><=＞＜≧≦＝≈")
}

func isBlankMark(t string) bool {
	for _, b := range blankMark {
		if t == b {
			return true
		}
	}
	return false
}

// sameReading reports whether rd is one of rds already.
func sameReading(rd gluedReading, rds []gluedReading) bool {
	for _, o := range rds {
		if o.end != rd.end || len(o.vals) != len(rd.vals) {
			continue
		}
		same := true
		for k := range o.vals {
			if o.vals[k].col != rd.vals[k].col || o.vals[k].start != rd.vals[k].start || o.vals[k].end != rd.vals[k].end {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// gluedRow is one indicator row as read.
type gluedRow struct {
	name       string
	nameAt     [2]int
	reading    gluedReading
	ambiguous  map[column]bool
	reason     string
	reasonAt   [2]int
	alternates []gluedReading
}

// readRows reads the rows of the block from s[i:] up to its stop.
func (gr *gluedRows) readRows(i int, levels []column) (rows []gluedRow, lv1, lv2 []string, lw []*decimal.Decimal, stop int) {
	s := gr.g.s
	level1, level2 := "", ""
	var level1Weight, level2Weight *decimal.Decimal
	var pending [][2]int // names read without values
	groupWeightCol := false
	for _, c := range levels {
		groupWeightCol = groupWeightCol || c == colGroupWeight
	}
	for i < len(s) {
		if gluedStop.MatchString(s[i:]) {
			break
		}
		if label, lvl, w, e := levelAt(s, i); e > i {
			label = levelName(cellKey(label)) // 产出指标(70分): the label, its weight kept apart
			if lvl == 1 {
				level1, level2, level1Weight = label, "", w
				if groupWeightCol {
					if ns := numberAt(s, e, 3, 1); len(ns) > 0 {
						n := ns[len(ns)-1]
						if n < len(s) && !startsFigure(s, n) && s[n] != '%' && s[n] != '.' {
							if d, err := decimal.NewFromString(s[e:n]); err == nil {
								level1Weight = &d
								e = n
							}
						}
					}
				}
				level2Weight = nil
			} else {
				level2, level2Weight = label, w
			}
			i = e
			continue
		}
		if strings.HasPrefix(s[i:], "绩效指标") {
			i += len("绩效指标") // the block's own label, a merged cell read in the middle
			continue
		}
		if m := gluedPlaceholderRow.FindStringIndex(s[i:]); m != nil {
			e := i + m[1]
			if _, _, _, le := levelAt(s, e); le > e || e >= len(s) || gluedPlaceholderRow.MatchString(s[e:]) || gluedStop.MatchString(s[e:]) {
				i = e // 指标2: with nothing after it: a template row left empty
				continue
			}
		}
		gr.cap = level2Weight
		if gr.cap == nil {
			gr.cap = level1Weight
		}
		row, next, ok := gr.row(i)
		if !ok {
			// what does not read as a row (figures without their name, a
			// header's words among the rows): on from the next row's marker
			k := nextRowMarker(s, i+1)
			if k < 0 {
				break
			}
			if gluedRowMarker.MatchString(s[i:]) && !strings.ContainsAny(s[i:k], "0123456789%") || gr.strict && hasOnlyMarkerDigits(s[i:k]) {
				// 指标24:… 指标25:…: a name whose values the text gives
				// after the next row's (a sheet read in its text runs' order)
				pending = append(pending, [2]int{i, k})
			}
			i = k
			continue
		}
		rows = append(rows, row)
		lv1, lv2, lw = append(lv1, level1), append(lv2, level2), append(lw, level1Weight)
		i = next
		// values with no name of their own after a row: they are the
		// row's, and the row's own go to the name that came without any
		for len(pending) > 0 && i < len(s) && startsFigure(s, i) {
			gr.steps = 0
			top, ok := gr.best(gr.readValues(i), false)
			if !ok || len(top) > 1 {
				break
			}
			last := rows[len(rows)-1]
			p := pending[0]
			pending = pending[1:]
			moved := gluedRow{name: s[p[0]:p[1]], nameAt: p, reading: last.reading, ambiguous: last.ambiguous, alternates: last.alternates}
			last.reading, last.ambiguous, last.alternates = top[0], nil, nil
			rows[len(rows)-1] = moved
			rows = append(rows, last)
			lv1, lv2, lw = append(lv1, level1), append(lv2, level2), append(lw, level1Weight)
			i = gr.reason(&rows[len(rows)-1], top[0].end)
		}
		if i < len(s) && !startsFigure(s, i) {
			pending = pending[:0] // another name: the values after it are its own
		}
	}
	return rows, lv1, lv2, lw, i
}

// hasOnlyMarkerDigits reports whether the only digits of s are its row marker's (指标24:…).
func hasOnlyMarkerDigits(s string) bool {
	m := gluedRowMarker.FindStringIndex(s)
	return m != nil && m[0] == 0 && !strings.ContainsAny(s[m[1]:], "0123456789%")
}

// nextRowMarker is where the next 指标N: / 任务N: marker at or after i begins, or -1.
func nextRowMarker(s string, i int) int {
	for j := i; j < len(s) && j-i < maxGluedName*4; j++ {
		if gluedRowMarker.MatchString(s[j:]) {
			return j
		}
	}
	return -1
}

// maxGluedBlock is the most text read as one glued indicator block, in bytes.
const maxGluedBlock = 16 << 10

// maxGluedName is the longest indicator name weighed, in bytes.
const maxGluedName = 240

// row reads one row at s[i:]: the name runs to the first place from which
// the values read as a whole row.
func (gr *gluedRows) row(i int) (gluedRow, int, bool) {
	s := gr.g.s
	start := i
	gr.steps = 0
	if m := gluedRowMarker.FindStringIndex(s[i:]); m != nil {
		start = i + m[1]
	}
	if s[i] == '%' || startsFigure(s, i) && valueThenFigure(s, i) {
		return gluedRow{}, i, false // 14种11: a value and another, not a name (12月底之前完成 is one)
	}
	for j := start; j < len(s) && j-i <= maxGluedName; {
		if j > i && gluedStop.MatchString(s[j:]) || j > start && gluedRowMarker.MatchString(s[j:]) {
			break // a name does not run into the next row
		}
		if gr.strict && j > start {
			if _, _, _, e := levelAt(s, j); e > j {
				break
			}
			if _, n := headerWordAt(s, j); n >= len("指标值") {
				break
			}
		}
		if j > start && hasHan(s[start:j]) && (startsFigure(s, j) || opWordBefore(s, j)) && gr.g.cutOK(j) {
			_, _, twin := trailingTwin(s[start:j])
			if top, ok := gr.best(gr.readValues(j), twin); ok {
				row := gluedRow{name: s[i:j], nameAt: [2]int{i, j}, reading: top[0]}
				if len(top) > 1 {
					row.ambiguous = disagree(top)
					row.alternates = top
				}
				end := top[0].end
				for _, t := range top[1:] {
					if t.end != end {
						row.ambiguous = map[column]bool{colWeight: true, colScore: true, colTarget: true, colActual: true}
					}
				}
				end = gr.reason(&row, end)
				return row, end, true
			}
		}
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return gluedRow{}, i, false
}

// valueThenFigure reports whether s[i:] opens with a figure, its measure
// word if any, and then another figure or the end.
func valueThenFigure(s string, i int) bool {
	k := i
	for k < len(s) && (isFigureByte(s[k]) || strings.ContainsRune("≥≤><=", rune(s[k]))) {
		k++
	}
	for _, op := range opSymbols {
		if strings.HasPrefix(s[k:], op) {
			return true
		}
	}
	for _, u := range gluedUnits {
		if strings.HasPrefix(s[k:], u) {
			k += len(u)
			break
		}
	}
	return k >= len(s) || startsFigure(s, k)
}

// opWordBefore reports whether an operator word (不少于, 小于 …) that a figure follows begins at s[j:].
func opWordBefore(s string, j int) bool {
	for _, op := range opWords {
		if strings.HasPrefix(s[j:], op) && j+len(op) < len(s) && s[j+len(op)] >= '0' && s[j+len(op)] <= '9' {
			return true
		}
	}
	return false
}

// reason reads the 偏差原因 after a row's figures, where the form has the
// column: the words up to the next row's marker (任务2:) or level label;
// words that run into the next row's name with nothing between are left to it.
func (gr *gluedRows) reason(row *gluedRow, end int) int {
	at := -1
	for k, c := range gr.cols {
		if c == colReason {
			at = k
		}
	}
	if at < 0 {
		return end
	}
	s := gr.g.s
	for j := end; j < len(s) && j-end <= maxGluedName; {
		if startsFigure(s, j) {
			return end
		}
		if j == end && gluedPlaceholderRow.MatchString(s[j:]) {
			return end
		}
		if j > end && (gluedRowMarker.MatchString(s[j:]) || gluedStop.MatchString(s[j:]) || gluedPlaceholderRow.MatchString(s[j:])) {
			row.reason, row.reasonAt = s[end:j], [2]int{end, j}
			return j
		}
		if _, _, _, e := levelAt(s, j); e > j {
			if j > end {
				row.reason, row.reasonAt = s[end:j], [2]int{end, j}
			}
			return j
		}
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return end
}

// disagree lists the columns on which readings differ.
func disagree(rds []gluedReading) map[column]bool {
	out := map[column]bool{}
	for _, c := range []column{colTarget, colTarget2, colActual, colWeight, colScore, colCoef, colUnit, colNature, colCore, colMethod} {
		v0, ok0 := rds[0].get(c)
		for _, rd := range rds[1:] {
			v, ok := rd.get(c)
			if ok != ok0 || v.text != v0.text || v.start != v0.start {
				out[c] = true
			}
		}
	}
	return out
}

// gluedIndicators re-reads the indicator block when the text glues its
// cells, and keeps that reading when it gives more rows with figures than
// the reading by cells.
func (p *tableParser) gluedIndicators() {
	from := 0
	if n := len(p.r.Funds); n > 0 {
		from = p.r.Funds[n-1].Span[1]
	}
	hs, ok := gluedHeaderStart(p.text, from)
	if !ok {
		return
	}
	end := len(p.text)
	if end-hs > maxGluedBlock {
		end = hs + maxGluedBlock
		for end > hs && !utf8.RuneStart(p.text[end]) {
			end--
		}
	}
	// a glued block; or cells written apart that the reading by cells
	// could not place (a sheet flattened in its text runs' order, the
	// header's words scattered among the rows): the rows that read whole
	glued := isGluedBlock(p.text[hs:min(end, hs+1200)])
	if !glued && len(p.r.Indicators) > 0 {
		return
	}
	g := newGluedText(p.text, hs, end)
	cols, he := scanGluedHeader(g.s, 0)
	l3 := -1
	for k, c := range cols {
		if c == colLevel1 || c == colLevel2 || c == colLevel3 || c == colGroupWeight {
			l3 = k
		}
	}
	if l3 < 0 {
		return
	}
	valueCols := cols[l3+1:]
	if !glued && len(valueCols) == 0 && scatteredHeader(cellKey(p.text[max(from, hs-600):min(len(p.text), hs+600)])) {
		valueCols = defaultIndicatorCols // the templates' order: 指标值 | 完成值 | 分值 | 得分 | 偏差原因
	}
	if !hasColumn(valueCols, colWeight) && !hasColumn(valueCols, colScore) {
		return
	}
	gr := &gluedRows{g: g, cols: valueCols, strict: !glued}
	rows, lv1, lv2, lw, stop := gr.readRows(he, cols[:l3+1])
	if len(rows) == 0 || countFigures(nil, rows) == 0 && !allAmbiguous(rows) {
		return
	}
	var inds []Indicator
	for k, row := range rows {
		inds = append(inds, p.gluedIndicator(g, row, lv1[k], lv2[k], lw[k], valueCols))
	}
	p.r.Indicators = inds
	if stop >= len(g.s) || !gluedStop.MatchString(g.s[stop:]) {
		// the text ends inside the block (a preview cut off): the last
		// group may lack rows
		p.r.Indicators[len(inds)-1].Unsure = true
	}
	if p.r.TotalRow == nil && stop < len(g.s) {
		p.gluedTotal(g, stop)
	}
}

// scatteredHeader reports whether the template's value columns are named
// near the block, out of their place: 指标值, 完成值, 分值 and 得分.
func scatteredHeader(s string) bool {
	for _, w := range []string{"指标值", "完成值", "分值", "得分"} {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// gluedHeaderStart finds the indicator header after off: its first level
// column, or 指标名称 in forms without levels.
func gluedHeaderStart(text string, off int) (int, bool) {
	m := gluedHeaderAnchor.FindStringIndex(text[off:])
	if m == nil {
		return 0, false
	}
	at := off + m[0]
	// the header's words before it: 分解目标自评权重二级指标
	for _, pre := range []string{"分解目标自评权重", "分解目标"} {
		if strings.HasSuffix(text[:at], pre) {
			at -= len(pre)
			break
		}
	}
	return at, true
}

// gluedHeaderAnchor is the first column of an indicator header, spaces a
// flattened sheet put between its characters allowed (一级 指标).
var gluedHeaderAnchor = regexp.MustCompile(`[一二三]\s{0,2}级\s{0,2}指\s{0,2}标|指\s{0,2}标\s{0,2}名\s{0,2}称`)

// countFigures counts the rows with a 分值 or 得分 read.
func countFigures(inds []Indicator, rows []gluedRow) int {
	n := 0
	for _, ind := range inds {
		if ind.Weight != nil || ind.Score != nil {
			n++
		}
	}
	for _, r := range rows {
		_, w := r.reading.get(colWeight)
		_, s := r.reading.get(colScore)
		if (w && !r.ambiguous[colWeight]) || (s && !r.ambiguous[colScore]) {
			n++
		}
	}
	return n
}

// gluedIndicator makes an Indicator of a row read.
func (p *tableParser) gluedIndicator(g gluedText, row gluedRow, l1, l2 string, l1w *decimal.Decimal, cols []column) Indicator {
	name := row.name
	ind := Indicator{Level1: l1, Level2: l2, Level1Weight: l1w}
	_, hasT := row.reading.get(colTarget)
	_, hasA := row.reading.get(colActual)
	hasT, hasA = hasT && !row.ambiguous[colTarget], hasA && !row.ambiguous[colActual]
	// the columns between the name and the first figure, written against the name
	if hasColumn(cols, colNature) {
		for _, w := range natures {
			if strings.HasSuffix(name, w) && len(name) > len(w) {
				ind.Nature, name = w, strings.TrimSuffix(name, w)
				break
			}
		}
	}
	if hasColumn(cols, colUnit) {
		if strings.HasSuffix(name, "%") {
			ind.Unit, name = "%", strings.TrimSuffix(name, "%")
		} else {
			for _, u := range gluedUnits {
				if strings.HasSuffix(name, u) && utf8.RuneCountInString(name) > utf8.RuneCountInString(u)+1 {
					ind.Unit, name = u, strings.TrimSuffix(name, u)
					break
				}
			}
		}
	}
	if !hasT && !hasA && hasColumn(cols, colTarget) && hasColumn(cols, colActual) {
		// 成本控制不超过预算不超过预算: the words of target and actual, written alike
		if t, rest, ok := trailingTwin(name); ok {
			ind.Target, ind.Actual, name = t, t, rest
		}
	}
	ind.Level3 = name
	sp := g.span(row.nameAt[0], row.nameAt[1])
	ind.Span = sp
	ind.Page = p.page(sp[0])
	var amb []string
	for _, v := range row.reading.vals {
		if row.ambiguous[v.col] {
			continue
		}
		ind.Span[1] = max(ind.Span[1], g.span(v.start, v.end)[1])
		switch v.col {
		case colTarget:
			ind.Target = v.text
		case colActual:
			ind.Actual = v.text
		case colNature:
			ind.Nature = v.text
		case colUnit:
			ind.Unit = v.text
		case colWeight, colScore:
			d := v.fig.value
			if ind.Decimals == nil {
				ind.Decimals = map[string]int{}
			}
			ind.Decimals[string(v.col)] = v.fig.decimals
			if v.col == colWeight {
				ind.Weight = &d
			} else {
				ind.Score = &d
			}
		}
	}
	for c := range row.ambiguous {
		amb = append(amb, string(c))
	}
	if len(amb) > 0 {
		ind.Unsure = true
		var names []string
		for _, c := range cols {
			if row.ambiguous[c] && gluedColumnNames[c] != "" && !hasString(names, gluedColumnNames[c]) {
				names = append(names, gluedColumnNames[c])
			}
		}
		var alts []string
		for _, a := range row.alternates {
			alts = append(alts, describeGlued(a))
		}
		p.r.Warnings = append(p.r.Warnings, fmt.Sprintf("%s: 单元格未分隔，可有多种读法，未作取舍，%s 未读 (ambiguous-split)：%s",
			ind.Level3, strings.Join(names, "、"), strings.Join(alts, "；或 ")))
	}
	if row.reason != "" {
		ind.Reason = row.reason
		ind.Span[1] = max(ind.Span[1], g.span(row.reasonAt[0], row.reasonAt[1])[1])
	}
	return ind
}

var gluedColumnNames = map[column]string{colTarget: "指标值", colTarget2: "调整指标值", colActual: "完成值", colWeight: "分值",
	colScore: "得分", colCoef: "得分系数", colUnit: "计量单位", colNature: "指标性质", colCore: "是否核心指标", colMethod: "计算方法"}

// allAmbiguous reports whether every row's figures allow more than one
// split: the rows are then kept, their names read and their figures left
// out, each with a warning naming the readings, rather than dropped unsaid.
func allAmbiguous(rows []gluedRow) bool {
	for _, r := range rows {
		if len(r.alternates) < 2 {
			return false
		}
	}
	return len(rows) > 0
}

func hasString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func describeGlued(rd gluedReading) string {
	var parts []string
	for _, v := range rd.vals {
		parts = append(parts, gluedColumnNames[v.col]+" "+v.text)
	}
	return strings.Join(parts, " | ")
}

// trailingTwin splits a name that ends with the same words written twice
// (好好, 不超过预算不超过预算) into the name and those words.
func trailingTwin(name string) (twin, rest string, ok bool) {
	r := []rune(name)
	for n := (len(r) - 2) / 2; n >= 1; n-- {
		a, b := string(r[len(r)-2*n:len(r)-n]), string(r[len(r)-n:])
		if a == b {
			return a, string(r[:len(r)-2*n]), true
		}
	}
	return "", "", false
}

// gluedTotal reads the 总分 row that ends a glued block: its 分值 and 得分,
// or its 得分 alone.
func (p *tableParser) gluedTotal(g gluedText, at int) {
	m := regexp.MustCompile(`^(合计|总分|总计|自评总分|综合得分|得分合计|总得分)[:：]?`).FindStringIndex(g.s[at:])
	if m == nil {
		return
	}
	e := at + m[1]
	k := e
	for k < len(g.s) && (isFigureByte(g.s[k]) && g.s[k] != '%') {
		k++
	}
	if k == e {
		return
	}
	sp := g.span(at, k)
	c := cell{text: g.s[e:k], key: g.s[e:k], start: sp[0], end: sp[1]}
	tr := &TotalRow{Label: g.s[at:e], Span: sp, Page: p.page(sp[0]), Decimals: map[string]int{}}
	if f, kind := readFigure(c); kind == vFigure && !f.value.GreaterThan(hundred) {
		d := f.value
		tr.Score = &d
		tr.Decimals["score"] = f.decimals
	} else if two := splitTotal(c); two != nil {
		w, s := two[0].value, two[1].value
		tr.Weight, tr.Score = &w, &s
		tr.Decimals["weight"], tr.Decimals["score"] = two[0].decimals, two[1].decimals
	} else {
		return
	}
	p.r.TotalRow = tr
	p.r.TotalScore = tr.Score
}
