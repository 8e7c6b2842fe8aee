package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/money"
)

// isIndicatorStop reports whether a cell ends the indicator block.
func isIndicatorStop(c cell) bool {
	if totalLabel.MatchString(c.key) || templateTitle.MatchString(c.key) {
		return true
	}
	if isLevel1(c.key) || isLevel2(c.key) {
		return false
	}
	if _, ok := fieldOf(c.key); ok {
		return true
	}
	if _, _, ok := fieldPrefix(c.text); ok {
		return true
	}
	k := stripNumbering(c.key)
	return isSectionLabel(k) && !strings.Contains(k, "指标")
}

// startsIndicatorRow reports whether a cell begins a new indicator row even
// when the row before has not filled its columns (merged cells).
func startsIndicatorRow(c cell) bool {
	return isIndicatorStop(c) || isLevel1(c.key) || isLevel2(c.key) || rowStartMarker.MatchString(c.key)
}

// indicators reads the 绩效指标 block: the header gives the columns, each row
// carries the levels of the rows above down (merged cells).
func (p *tableParser) indicators() {
	anchor := -1
	for i, c := range p.c {
		if strings.Contains(c.key, "一级指标") && utf8.RuneCountInString(c.key) <= 30 {
			anchor = i
			break
		}
	}
	if anchor < 0 {
		from := 0
		if n := len(p.r.Funds); n > 0 {
			from = p.cellAfter(p.r.Funds[n-1].Span[1])
		}
		// a header the page scrambled or lost: rows under the level labels
		// still read name | 指标值 | 实际值 | 分值 | 得分, the templates' order
		if at := p.firstLevel(from); at >= 0 {
			p.indicatorRows(at, defaultIndicatorCols)
			return
		}
		// no indicator block (cut off, or a table without one): a total row
		// after the funds is still the table's total
		p.findTotal(from, []column{colWeight, colScore}, false)
		return
	}
	var hk strings.Builder
	j := anchor
	for j < len(p.c) {
		c := p.c[j]
		if !c.empty() && !isHeaderFragment(c.key, indicatorHeaderWords) {
			break
		}
		hk.WriteString(c.key)
		j++
	}
	cols, _ := scanHeader(hk.String(), indicatorHeaderWords)
	cols = append(cols, p.upperHeader(anchor, cols)...)
	l3 := -1
	for k, c := range cols {
		if c == colLevel1 || c == colLevel2 || c == colLevel3 {
			l3 = k
		}
	}
	valueCols := cols[l3+1:]
	if len(valueCols) == 0 {
		return
	}
	p.indicatorRows(j, valueCols)
}

// defaultIndicatorCols are the value columns of the templates when no header can be read.
var defaultIndicatorCols = []column{colTarget, colActual, colWeight, colScore, colReason}

// firstLevel is the position of the first level-1 label from i on that a
// level-2 label or an indicator row follows, or -1.
func (p *tableParser) firstLevel(i int) int {
	for j := i; j < len(p.c); j++ {
		c := p.c[j]
		if templateTitle.MatchString(c.key) {
			return -1
		}
		if isLevel1(c.key) && j+1 < len(p.c) && (isLevel2(p.c[j+1].key) || p.rowStartsAt(j+1, defaultIndicatorCols)) {
			return j
		}
	}
	return -1
}

// indicatorRows reads the indicator rows from position i in the given value
// columns, and the total after them.
func (p *tableParser) indicatorRows(i int, valueCols []column) {
	level1, level2 := "", ""
	var level1Weight *decimal.Decimal
	parent := 0
	for i < len(p.c) {
		c := p.c[i]
		if c.empty() {
			i++
			continue
		}
		if isIndicatorStop(c) {
			break
		}
		if isIndicatorHeader(c.key) {
			// the header again (a table carried over to the next page): never an indicator
			for i < len(p.c) && (p.c[i].empty() || isHeaderFragment(p.c[i].key, indicatorHeaderWords)) {
				i++
			}
			continue
		}
		if j, k, ok := p.wrappedLevel(i); ok {
			// a level label a page wrapped onto two cells (经济效 | 益指标)
			c.text, c.key, c.end = c.text+p.c[j].text, k, p.c[j].end
			i = j
		}
		if isLevel1(c.key) && (levelName(c.key) != "成本指标" || p.nextIsLevel2(i)) {
			level1, level2 = levelName(c.key), ""
			level1Weight = noteWeight(c.key)
			i++
			if j, w := p.wrappedNote(i); w != nil {
				// its （N分） wrapped onto a cell of its own: 效益指标 | 30分)
				level1Weight, i = w, j
			}
			continue
		}
		if isLevel2(c.key) {
			level2 = levelName(c.key)
			i++
			continue
		}
		if n := len(p.r.Indicators); n > 0 && p.continuesCell(i, p.r.Indicators[n-1]) {
			last := &p.r.Indicators[n-1]
			if last.Reason != "" {
				last.Reason += c.text
			} else {
				last.Level3 += c.text
			}
			last.Span[1] = max(last.Span[1], c.end)
			i++
			continue
		}
		vals, next := p.indicatorValues(i+1, valueCols, c.row)
		if ind, ok := p.indicator(c, vals, valueCols); ok {
			ind.Level1, ind.Level2, ind.Level1Weight = level1, level2, level1Weight
			if strings.HasPrefix(c.key, "其中") && parent > 0 {
				ind.PartOf = parent
			} else {
				parent = len(p.r.Indicators) + 1
			}
			p.r.Indicators = append(p.r.Indicators, ind)
		}
		i = max(next, i+1)
	}
	if n := len(p.r.Indicators); i >= len(p.c) && n > 0 {
		// the text ends inside the indicators (a page cut off): rows of the
		// last group may be missing, and the last row's cells may be cut
		p.r.Indicators[n-1].Unsure = true
	}
	p.findTotal(i, valueCols, true)
}

// wrappedLevel reports whether cell i and the next filled cell are one
// level label a page wrapped (经济效 | 益指标): neither is a label alone, the
// two together are. It gives the position of the second cell and the key.
func (p *tableParser) wrappedLevel(i int) (int, string, bool) {
	c := p.c[i]
	if c.empty() || isLevel1(c.key) || isLevel2(c.key) || utf8.RuneCountInString(c.key) > 8 {
		return 0, "", false
	}
	for j := i + 1; j < len(p.c) && j <= i+2; j++ {
		n := p.c[j]
		if n.empty() {
			continue
		}
		if isLevel1(n.key) || isLevel2(n.key) {
			return 0, "", false
		}
		k := cellKey(c.text + n.text)
		if isLevel1(k) || isLevel2(k) {
			return j, k, true
		}
		return 0, "", false
	}
	return 0, "", false
}

func (p *tableParser) wrapsLevel(i int) bool {
	_, _, ok := p.wrappedLevel(i)
	return ok
}

// wrappedNote is a level label's weight note wrapped onto the next filled
// cell (30分), (30分)): the position after it and the weight, or nil.
func (p *tableParser) wrappedNote(i int) (int, *decimal.Decimal) {
	for j := i; j < len(p.c) && j <= i+1; j++ {
		n := p.c[j]
		if n.empty() {
			continue
		}
		m := wrappedNoteCell.FindStringSubmatch(n.key)
		if m == nil {
			return i, nil
		}
		d, err := decimal.NewFromString(m[1])
		if err != nil {
			return i, nil
		}
		return j + 1, &d
	}
	return i, nil
}

// wrappedNoteCell is a weight note alone in a cell, its opening parenthesis
// left on the line before: 30分), (30分).
var wrappedNoteCell = regexp.MustCompile(`^\(?(\d+(?:\.\d+)?)分\)$`)

// upperHeader reads the upper row of a two-row indicator header that the
// text gives before 一级指标 (绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分
// | 一级指标 | … | 指标性质 | 指标值 | 度量单位): the columns it has that the
// lower row lacks come after the lower row's, in their order. A column the
// lower row refines (年度指标值 over 指标性质 | 指标值 | 度量单位) is not repeated.
func (p *tableParser) upperHeader(anchor int, lower []column) []column {
	j := anchor
	for j > 0 && anchor-j < 16 {
		c := p.c[j-1]
		if !c.empty() && !isHeaderFragment(c.key, indicatorHeaderWords) {
			break
		}
		j--
	}
	if j == anchor {
		return nil
	}
	var hk strings.Builder
	for _, c := range p.c[j:anchor] {
		hk.WriteString(c.key)
	}
	upper, _ := scanHeader(hk.String(), indicatorHeaderWords)
	var out []column
	for _, c := range upper {
		if !hasColumn(lower, c) && !hasColumn(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// isIndicatorHeader reports whether a key opens the header of the indicator
// block (一级指标, 绩效指标 | 一级指标 …).
func isIndicatorHeader(key string) bool {
	k := withoutScoreNote(key)
	return strings.Contains(k, "一级指标") || k == "二级指标" || k == "三级指标"
}

// cellAfter is the position of the first cell that starts at or after off.
func (p *tableParser) cellAfter(off int) int {
	for i, c := range p.c {
		if c.start >= off {
			return i
		}
	}
	return len(p.c)
}

// findTotal reads the 合计 / 总分 row at or after position i: the first
// total label that a figure follows (or that carries one: 总分:95), before
// another table begins.
func (p *tableParser) findTotal(i int, valueCols []column, atEnd bool) {
	for j := i; j < len(p.c) && j < i+400; j++ {
		c := p.c[j]
		if j > i && templateTitle.MatchString(c.key) {
			return
		}
		if totalWithValue.MatchString(c.key) {
			p.total(j, valueCols)
			return
		}
		if !totalLabel.MatchString(c.key) {
			continue
		}
		for k := j + 1; k < len(p.c) && k <= j+6; k++ {
			n := p.c[k]
			if p.cs.rows && n.row != c.row && !p.wrapsOnto(k, p.c[k-1].row) {
				break
			}
			if n.empty() {
				continue
			}
			if _, kind := readFigure(n); kind == vFigure {
				p.total(j, valueCols)
				return
			}
			if !placeholder.MatchString(n.text) {
				break
			}
		}
		if j == i && atEnd {
			p.total(j, valueCols) // the row that ends the indicators, even blank
			return
		}
	}
}

// indicatorValues takes the value cells of the indicator row whose name
// precedes position i. One cell per line, the empty cells may be gone (the
// normaliser drops blank lines), so a row also ends where the next one
// plainly begins: a name followed by a full row of values.
func (p *tableParser) indicatorValues(i int, cols []column, row int) ([]cell, int) {
	if p.cs.rows {
		// a flattened row wrote no empty cells: it ends where the next row
		// plainly begins, as one cell per line does
		var out []cell
		for len(out) < len(cols) && i < len(p.c) {
			c := p.c[i]
			if c.row != row {
				if !p.wrapsOnto(i, row) && !p.rowGoesOn(i, row, out, cols) {
					break
				}
				row = c.row
			}
			if !c.empty() && (startsIndicatorRow(c) || len(out) > 0 && c.flat && p.rowStartsAt(i, cols) || p.wrapsLevel(i)) {
				break
			}
			out = append(out, c)
			i++
		}
		return out, i
	}
	var out []cell
	for len(out) < len(cols) && i < len(p.c) {
		c := p.c[i]
		if !c.empty() && (startsIndicatorRow(c) || len(out) > 0 && p.rowStartsAt(i, cols) || p.wrapsLevel(i)) {
			break
		}
		out = append(out, c)
		i++
	}
	return out, i
}

// rowGoesOn reports whether the pipe line of cell i carries on an indicator
// row that a page broke over lines (减轻…负担 | ⏎ | 有效 | ⏎ | 有效 | 10 | 10):
// the row so far has none of its figures, and the line does not begin a row
// of its own.
func (p *tableParser) rowGoesOn(i, row int, got []cell, cols []column) bool {
	c := p.c[i]
	if !c.piped || c.row != row+1 || c.empty() || startsIndicatorRow(c) || p.rowStartsAt(i, cols) {
		return false
	}
	for _, v := range got {
		if f, k := readFigure(v); k == vFigure && !f.percent && !v.empty() {
			return false
		}
	}
	return true
}

// rowStartsAt reports whether cell j reads as the name of a new indicator
// row: a short text followed by values that fit the columns up to the last
// figure column, the weight a figure.
func (p *tableParser) rowStartsAt(j int, cols []column) bool {
	c := p.c[j]
	if isValueLike(c.text) || strings.ContainsAny(c.text, "，。；！？,;") || utf8.RuneCountInString(c.key) > 40 {
		return false
	}
	last := -1
	for k, col := range cols {
		if col == colWeight || col == colScore {
			last = k
		}
	}
	if last < 0 {
		return false
	}
	for k := 0; k <= last; k++ {
		if j+1+k >= len(p.c) {
			return false
		}
		v := p.c[j+1+k]
		if v.empty() || startsIndicatorRow(v) || !fitsColumn(cols[k], v) {
			return false
		}
	}
	return true
}

// continuesCell reports whether cell i is the tail of a cell of the row
// before that a PDF wrapped onto a line of its own (…已安排2023年补 | 建): in
// a flattened layout, the only cell of its line, a few characters of text,
// right after that row.
func (p *tableParser) continuesCell(i int, prev Indicator) bool {
	c := p.c[i]
	if !p.cs.rows || c.piped || c.flat || utf8.RuneCountInString(c.key) > 4 || isValueLike(c.text) ||
		isLabelKey(c.key) || rowStartMarker.MatchString(c.key) || c.start < prev.Span[1] {
		return false
	}
	if i+1 < len(p.c) && p.c[i+1].row == c.row {
		return false
	}
	between := p.text[prev.Span[1]:c.start]
	return strings.Count(between, "\n") == 1 && strings.TrimSpace(between) == ""
}

// nextIsLevel2 reports whether the next non-empty cell after i is a level-2 label.
func (p *tableParser) nextIsLevel2(i int) bool {
	for j := i + 1; j < len(p.c); j++ {
		if !p.c[j].empty() {
			return isLevel2(p.c[j].key) && levelName(p.c[j].key) != "成本指标"
		}
	}
	return false
}

// indicator builds one indicator row from its name cell and value cells.
// Rows with nothing but a name (the template's 指标2, ……) are skipped.
func (p *tableParser) indicator(name cell, vals []cell, cols []column) (Indicator, bool) {
	placed := placeIndicatorValues(vals, cols)
	ind := Indicator{Level3: name.text, Span: Span{name.start, name.end}, Page: p.page(name.start)}
	filled, used := 0, 0
	for _, v := range vals {
		if !v.empty() {
			filled++
		}
	}
	for _, v := range placed {
		if !v.empty() {
			used++
		}
	}
	ind.Unsure = isValueLike(name.text) || used < filled
	for col, v := range placed {
		f, kind := readFigure(v)
		switch {
		case (col == colTarget || col == colActual) && (kind == vGlued || kind == vFigure && f.percent && f.value.GreaterThan(decimal.NewFromInt(1000))):
			ind.Unsure = true // 20100%: figures of several columns glued
		case col == colReason && kind == vFigure:
			ind.Unsure = true // a figure where the reason goes: the columns slid
		}
	}
	any := false
	for col, v := range placed {
		if v.empty() {
			continue
		}
		any = true
		ind.Span[1] = max(ind.Span[1], v.end)
		switch col {
		case colNature:
			ind.Nature = v.text
		case colTarget:
			ind.Target = v.text
		case colUnit:
			ind.Unit = v.text
		case colActual:
			ind.Actual = v.text
			ind.NotApplicable = ind.NotApplicable || notApplicable.MatchString(v.key)
		case colReason:
			ind.Reason = v.text
		case colWeight, colScore:
			f, k := readFigure(v)
			if k != vFigure {
				ind.NotApplicable = ind.NotApplicable || col == colScore && notApplicable.MatchString(v.key)
				continue
			}
			d := f.value
			if ind.Decimals == nil {
				ind.Decimals = map[string]int{}
			}
			ind.Decimals[string(col)] = f.decimals
			if col == colWeight {
				ind.Weight = &d
			} else {
				ind.Score = &d
			}
		}
	}
	if ellipsisName.MatchString(name.key) && ind.Weight == nil && ind.Score == nil {
		return ind, false // the template's …… row: what follows it is not its own
	}
	return ind, any
}

// ellipsisName is a row name that is only the template's ellipsis.
var ellipsisName = regexp.MustCompile(`^[…\.。·]+$`)

// notApplicable is a cell that takes its row out of the score.
var notApplicable = regexp.MustCompile(`^(不适用|不涉及|本项不适用|不考核|无此项)$`)

// noteWeight is the weight of a label's （N分） note, or nil.
func noteWeight(key string) *decimal.Decimal {
	m := scoreNote.FindStringSubmatch(key)
	if m == nil {
		return nil
	}
	d, err := decimal.NewFromString(m[1])
	if err != nil {
		return nil
	}
	return &d
}

// gradeLabel is a cell that states the table's grade, with the grade in the
// same cell or the next; gradeWord is a grade as written.
var (
	gradeLabel = regexp.MustCompile(`^(自评等级|评价等级|绩效等级|自评结果|评价结果|评定等级|综合评价等级|自评等次|评价等次|绩效评价等级|等级)(:|为)?(.*)$`)
	gradeWord  = regexp.MustCompile(`^(优秀|良好|合格|不合格|及格|不及格|优|良|中|差)(等次|等级|级)?[。.]?$`)
)

// grade reads a stated 自评等级 (优 / 良好 …) into the report.
func (p *tableParser) grade() {
	for i, c := range p.c {
		m := gradeLabel.FindStringSubmatch(c.key)
		if m == nil {
			continue
		}
		v, at := m[3], c
		if v == "" {
			for j := i + 1; j < len(p.c) && j <= i+2; j++ {
				if !p.c[j].empty() {
					v, at = p.c[j].key, p.c[j]
					break
				}
			}
		}
		if g := gradeWord.FindStringSubmatch(v); g != nil {
			p.r.Grade = g[1]
			p.r.GradeSpan = &Span{at.start, at.end}
			return
		}
	}
}

var operatorWords = regexp.MustCompile(`^(=|＝|≥|≤|>|<|＞|＜|>=|<=|定性|定量|正向|反向|等于|大于|小于|大于等于|小于等于|不低于|不高于|不少于|不超过)$`)

// fitsColumn reports whether a value cell can sit in an indicator column.
func fitsColumn(col column, c cell) bool {
	if c.empty() {
		return true
	}
	switch col {
	case colWeight, colScore:
		// a weight or score is points of a hundred: 1020 is figures glued
		f, k := readFigure(c)
		return k == vFigure && !f.percent && !f.value.GreaterThan(hundred)
	case colNature:
		return operatorWords.MatchString(c.key)
	case colUnit:
		return utf8.RuneCountInString(c.key) <= 6 && !strings.ContainsAny(c.key, "0123456789")
	}
	return true
}

// placeIndicatorValues assigns an indicator row's value cells to columns.
// Where the layout shows empty cells and every value fits its column, the
// position decides. Otherwise (merged cells, flattened rows) the values are
// placed in order where they fit, preferring their own position and rows
// that give the weight, target and actual.
func placeIndicatorValues(vals []cell, cols []column) map[column]cell {
	for len(vals) > 0 && vals[len(vals)-1].empty() {
		vals = vals[:len(vals)-1]
	}
	explicit := true
	positional := true
	for k, v := range vals {
		if v.flat {
			explicit = false
		}
		if k >= len(cols) || !fitsColumn(cols[k], v) {
			positional = false
		}
	}
	out := map[column]cell{}
	if positional && explicit {
		for k, v := range vals {
			out[cols[k]] = v
		}
		return out
	}
	type val struct {
		c   cell
		pos int
	}
	var ne []val
	for k, v := range vals {
		if !v.empty() {
			ne = append(ne, val{v, k})
		}
	}
	if len(ne) > len(cols) {
		ne = ne[:len(cols)]
	}
	best, bestScore := []int(nil), -1<<30
	pos := make([]int, len(ne))
	var walk func(i, from int)
	walk = func(i, from int) {
		if i == len(ne) {
			s := 0
			filled := map[column]bool{}
			for k, p := range pos {
				if p == ne[k].pos {
					s += 2
				}
				filled[cols[p]] = true
			}
			if filled[colWeight] {
				s += 4
			}
			if filled[colTarget] {
				s++
			}
			if filled[colActual] {
				s++
			}
			if filled[colWeight] && filled[colScore] {
				s += 3 // a row gives both its figures
			}
			if filled[colTarget] != filled[colActual] && hasColumn(cols, colTarget) && hasColumn(cols, colActual) {
				s-- // and its target with its actual, or neither
			}
			if filled[colScore] && !filled[colWeight] && hasColumn(cols, colWeight) {
				s--
			}
			if s > bestScore {
				best, bestScore = append([]int(nil), pos...), s
			}
			return
		}
		for p := from; p <= len(cols)-(len(ne)-i); p++ {
			if !fitsColumn(cols[p], ne[i].c) {
				continue
			}
			pos[i] = p
			walk(i+1, p+1)
		}
	}
	walk(0, 0)
	if best == nil {
		// nothing fits: keep what can be kept by position
		for k, v := range vals {
			if k < len(cols) && fitsColumn(cols[k], v) {
				out[cols[k]] = v
			}
		}
		return out
	}
	for k, p := range best {
		out[cols[p]] = ne[k].c
	}
	return out
}

// scoreTotal labels a row that states the total score alone.
var scoreTotal = regexp.MustCompile(`^(总分|自评总分|自评得分|综合得分|得分合计|总得分)(\(\d+(?:\.\d+)?分\))?([:]?\d+(\.\d+)?分?)?$`)

// totalWithValue is a total label with its figure in the same cell: 总分:95, 合计100.
var totalWithValue = regexp.MustCompile(`^(?:合计|总分|总计|自评总分|自评得分|综合得分|得分合计|总得分|分值合计)[:]?(\d+(?:\.\d+)?分?)$`)

// total reads the 合计 / 总分 row: the totals of the weight and score columns.
func (p *tableParser) total(i int, valueCols []column) {
	c := p.c[i]
	stop := func(x cell) bool { return isLabelKey(x.key) || isIndicatorStop(x) }
	n := 3 // one cell per line: 合计 | 100 | 95
	if p.cs.rows {
		n = len(p.c) // a row: its figures wherever the merged label leaves them
	}
	vals, _ := p.take(i+1, n, c.row, stop)
	if m := totalWithValue.FindStringSubmatchIndex(c.key); m != nil {
		// 总分:95 in one cell: the label's own figure
		v := c
		v.text, v.key = c.key[m[2]:m[3]], c.key[m[2]:m[3]]
		v.flat = true
		vals = append([]cell{v}, vals...)
	}
	if p.cs.rows {
		var kept []cell
		for _, v := range vals {
			if !v.empty() {
				v.flat = true // positions within the row say nothing here
				kept = append(kept, v)
			}
		}
		vals = kept
	}
	var cols []column
	for _, col := range valueCols {
		if col == colWeight || col == colScore {
			cols = append(cols, col)
		}
	}
	tr := &TotalRow{Label: c.text, Span: Span{c.start, c.end}, Page: p.page(c.start)}
	for _, v := range vals {
		// 总分 | 100 | 96 | 优: the grade written after the figures
		if g := gradeWord.FindStringSubmatch(v.key); g != nil && p.r.Grade == "" {
			p.r.Grade = g[1]
			p.r.GradeSpan = &Span{v.start, v.end}
		}
	}
	var figs []figure
	var at []int
	written := 0
	for _, v := range vals {
		if _, kind := readFigure(v); kind == vFigure {
			written++
		}
	}
	for k, v := range vals {
		f, kind := readFigure(v)
		if kind == vFigure && !f.percent && f.value.GreaterThan(hundred) && f.decimals == 0 && written == 1 {
			// 合计100100: weight and score glued, when only one split keeps both within 100
			if two := splitTotal(v); two != nil {
				figs = append(figs, two...)
				at = append(at, k, k+1)
				continue
			}
		}
		if kind == vFigure && !f.percent {
			figs = append(figs, f)
			at = append(at, k)
		}
	}
	set := func(col column, f figure) {
		d := f.value
		if tr.Decimals == nil {
			tr.Decimals = map[string]int{}
		}
		tr.Decimals[string(col)] = f.decimals
		if col == colWeight {
			tr.Weight = &d
		} else {
			tr.Score = &d
		}
		tr.Span[1] = max(tr.Span[1], f.end)
	}
	switch {
	case len(figs) == 0:
	case len(figs) == 1 && (scoreTotal.MatchString(c.key) || !hasColumn(cols, colWeight)):
		set(colScore, figs[0])
	default:
		flat := false
		for _, v := range vals {
			flat = flat || v.flat
		}
		for k, f := range figs {
			idx := k
			if !flat {
				idx = at[k]
			}
			if idx < len(cols) {
				set(cols[idx], f)
			}
		}
	}
	p.r.TotalRow = tr
	p.r.TotalScore = tr.Score
}

// splitTotal reads a total glued to its score (100100, 10098) as the two
// figures, when exactly one split gives two figures of at most 100.
func splitTotal(c cell) []figure {
	var found []figure
	n := 0
	for _, sp := range splitGlued(c, 2) {
		if len(sp) == 2 && !sp[0].value.GreaterThan(hundred) && !sp[1].value.GreaterThan(hundred) && sp[1].value.LessThanOrEqual(sp[0].value) {
			found, n = sp, n+1
		}
	}
	if n != 1 {
		return nil
	}
	return found
}

// item puts the table's project as one Item, so that tables show up in the
// same lists, searches and exports as narrative reports.
func (p *tableParser) item() {
	r := p.r
	name := ""
	if r.Project != nil {
		name = r.Project.Name
	}
	if name == "" && r.Department != nil {
		name = r.Department.Name
	}
	if name == "" && len(r.Funds) == 0 {
		return
	}
	it := Item{Seq: 1, Name: name, Disbursement: Unknown, Subprojects: 1, Evaluation: map[string]string{}}
	if r.Goals != nil {
		it.Purpose = r.Goals.Expected
	}
	var total *FundRow
	for k := range r.Funds {
		if r.Funds[k].Level == 0 {
			total = &r.Funds[k]
			break
		}
	}
	if total == nil && len(r.Funds) > 0 {
		total = &r.Funds[0]
	}
	if total != nil {
		it.Page, it.Span = total.Page, total.Span
		if total.BudgetWan != nil {
			it.SetBudget(p.amount(*total.BudgetWan, total.Decimals["budget"], total.Written["budget"]))
			// no stated total: a table's 年度资金总额 is its own fund row, not a
			// total of projects stated beside them
		}
		if total.ExecutedWan != nil {
			it.SetActual(p.amount(*total.ExecutedWan, total.Decimals["executed"], total.Written["executed"]))
		}
		it.Disbursement = tableDisbursement(total.BudgetWan, total.ExecutedWan)
	}
	r.Items = append(r.Items, it)
}

// amount is a figure of the funds block as a money.Amount, in the unit the
// header gives (万元, or 元).
func (p *tableParser) amount(wan decimal.Decimal, decimals int, raw string) money.Amount {
	if p.yuan {
		return money.Amount{Wan: wan, Raw: raw, Unit: money.Yuan, Decimals: max(decimals-4, 0)}
	}
	return money.Amount{Wan: wan, Raw: raw, Unit: money.Wan, Decimals: decimals}
}

func tableDisbursement(budget, executed *decimal.Decimal) Disbursement {
	if budget == nil || executed == nil || !budget.IsPositive() {
		return Unknown
	}
	switch {
	case executed.IsZero():
		return None
	case executed.GreaterThanOrEqual(*budget):
		return Full
	}
	return Partial
}
