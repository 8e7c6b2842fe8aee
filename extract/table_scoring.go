package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Scoring forms: the 部门整体支出绩效评价表 / 项目支出绩效评价评分表 kind of
// table that lists its indicators under 一级 groups (决策 / 过程 / 产出 /
// 效益, 投入 / 过程 / 产出 / 效果, 部门决策 / 综合管理 / 部门绩效情况 …)
// with only a 分值 and a 得分 — often a 评分标准 and a 扣分原因 — and no
// 年度指标值 / 实际完成值, then a 合计 / 总分 row. The level names vary from
// province to province, so nothing here knows them: the header row names the
// columns (一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 评分标准 | 扣分原因,
// in any order), and each later row's cells are placed in those columns by
// what they hold (a figure goes to 分值 or 得分, a label to a level, a
// sentence to 评分标准 or 扣分原因). A level cell merged over several rows
// is written once (the rows under it have fewer cells), left empty or
// repeated: the levels are carried down either way.
//
// The layouts: pipe rows (a line of only pipes continues the row above it:
// the empty cells a converter wrapped onto a line of their own), and one cell
// per line with blank lines between rows (an HTML table copied as text).

// scoringCol is a column of a scoring form.
type scoringCol int

const (
	scLevel1 scoringCol = iota
	scLevel2
	scLevel3
	scWeight
	scScore
	scStandard // 评分标准, 评价标准, 指标解释: text, never read as figures
	scReason   // 扣分原因, 得分说明, 备注
	scOther    // a column the form has and this reader does not keep
	// the 分值 of a level: a weight column right after an upper level's
	// column (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | …)
	scGroupWeight1
	scGroupWeight2
)

func (c scoringCol) isLevel() bool { return c <= scLevel3 }
func (c scoringCol) isText() bool  { return c == scStandard || c == scReason || c == scOther }
func (c scoringCol) isFigure() bool {
	return c == scWeight || c == scScore || c == scGroupWeight1 || c == scGroupWeight2
}

// scoringHeaderCol reads one header cell as a column: the labels of the
// standard forms, whatever the order of the columns.
func scoringHeaderCol(key string) (scoringCol, bool) {
	k := withoutScoreNote(strings.Trim(key, ":"))
	switch {
	case k == "":
		return 0, false
	case strings.HasPrefix(k, "一级"):
		return scLevel1, strings.Contains(k, "指标") || k == "一级"
	case strings.HasPrefix(k, "二级"):
		return scLevel2, strings.Contains(k, "指标") || k == "二级"
	case strings.HasPrefix(k, "三级"), strings.HasPrefix(k, "四级"):
		return scLevel3, strings.Contains(k, "指标") || k == "三级" || k == "四级"
	case scoringNameHeader.MatchString(k):
		return scLevel3, true
	case scoringWeightHeader.MatchString(k):
		return scWeight, true
	case scoringScoreHeader.MatchString(k):
		return scScore, true
	case scoringStandardHeader.MatchString(k):
		return scStandard, true
	case scoringReasonHeader.MatchString(k):
		return scReason, true
	case scoringTargetHeader.MatchString(k):
		return scOther, true
	}
	return 0, false
}

var (
	scoringNameHeader     = regexp.MustCompile(`^(评价|考核|绩效|具体)?指标(名称|内容)?$`)
	scoringWeightHeader   = regexp.MustCompile(`^(指标)?(分值|权重|权重分|标准分|满分|分数|计划分值|指标分值)(\(分\)|\(%\))?$`)
	scoringScoreHeader    = regexp.MustCompile(`^(自评|评价|实际|考核|单位自评|综合)?(得分|评分|分)(\(分\))?$|^实得分$|^自评分$`)
	scoringStandardHeader = regexp.MustCompile(`^(评分|评价|考核|计分|打分)(标准|细则|办法|方法|要点)$|^指标(解释|说明|内涵)$|^评价要点$|^得分计算方法$`)
	scoringReasonHeader   = regexp.MustCompile(`^(扣分|失分)(原因|理由|说明|情况|依据)?$|^(得分|评分)(说明|依据|情况|理由)$|^备注$|^(存在的?)?问题$`)
	// a target or an actual column: the standard 自评表's indicator block,
	// which its own reader reads
	scoringTargetHeader = regexp.MustCompile(`指标值|目标值|完成值|实际值|完成情况`)
)

// scoringProse is a line of the text around a form: a numbered heading
// (二、存在的问题, (一)…), a sentence, a signature line.
var scoringProse = regexp.MustCompile(`^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[章节部分])|[。；;]$|^(填报人|联系人|联系电话|审核人|负责人|单位负责人|填表人|填报日期)`)

// scoringGluedHead is the first header cell with a title glued before it.
var scoringGluedHead = regexp.MustCompile(`(?:表|\))((?:一级|评价|考核)指标)$`)

// scoringRow is one row of the form: its cells in order, empty ones kept.
type scoringRow struct {
	cells  []cell
	stream bool // a header gathered from cells on lines of their own (scoringStream)
}

// scoringRows cuts the text into rows: pipe lines (a line of only pipes
// carries on the row before it), and, outside them, groups of lines
// separated by blank lines, one cell per line.
func scoringRows(text string) []scoringRow {
	lines := splitLines(text)
	if isPipePerLine(text, lines) {
		return pipeLineRows(text, lines)
	}
	return cutScoringRows(text, lines, nil)
}

// cutScoringRows is scoringRows outside the pipe-per-line layout. With a
// visit function it keeps no rows: each row, once the lines after it can no
// longer add to it (only the last row grows), is handed to visit and let go,
// and a visit that returns true stops the cutting. That is how a whole
// document is looked through for a form without holding a cell per line.
func cutScoringRows(text string, lines []lineSpan, visit func(scoringRow) bool) []scoringRow {
	var rows []scoringRow
	open := false   // a cell-per-line group is open
	spaced := false // from a header written as words between spaces on, each line is a row of such cells
	for _, ls := range lines {
		if visit != nil && len(rows) > 1 {
			for _, r := range rows[:len(rows)-1] {
				if visit(r) {
					return nil
				}
			}
			rows[0] = rows[len(rows)-1]
			clear(rows[1:])
			rows = rows[:1]
		}
		l := ls.wide()
		s := text[l.start:l.end]
		if !strings.ContainsRune(s, '|') && !isBlank(s) {
			if cells := spacedCells(text, l); len(cells) >= 3 {
				if _, ok := scoringHeader(scoringRow{cells: cells}); ok {
					spaced = true
				}
				if spaced {
					open = false
					rows = append(rows, scoringRow{cells: cells})
					continue
				}
			}
		}
		if strings.ContainsRune(s, '|') {
			open = false
			cells := pipeCells(text, l)
			textless := true
			for _, c := range cells {
				if !c.empty() {
					textless = false
				}
			}
			if textless && len(rows) > 0 && len(rows[len(rows)-1].cells) > 0 && rows[len(rows)-1].cells[0].piped {
				rows[len(rows)-1].cells = append(rows[len(rows)-1].cells, cells...)
				continue
			}
			rows = append(rows, scoringRow{cells: cells})
			continue
		}
		if isBlank(s) {
			open = false
			continue
		}
		t := strings.TrimSpace(s)
		c := cell{text: t, key: cellKey(t), start: l.start, end: l.end}
		if t == "" || isSpaceOnly(s) {
			c = cell{start: l.start, end: l.start}
		} else {
			lead := len(s) - len(strings.TrimLeft(s, " \t\u3000"))
			c.start, c.end = l.start+lead, l.start+lead+len(t)
		}
		if open {
			rows[len(rows)-1].cells = append(rows[len(rows)-1].cells, c)
			continue
		}
		rows = append(rows, scoringRow{cells: []cell{c}})
		open = true
	}
	if visit != nil {
		for _, r := range rows {
			if visit(r) {
				return nil
			}
		}
		return nil
	}
	return rows
}

// pipeLineRows cuts a pipe-per-line text into rows: the lines of text up to
// a lone pipe are one cell, a lone pipe right after a pipe is an empty
// cell, and a line of pipes alone (||||, the row's remaining empty cells)
// ends the row. Lines before the first pipe are rows of one cell (titles).
func pipeLineRows(text string, lines []lineSpan) []scoringRow {
	var rows []scoringRow
	var cur []cell
	open := -1 // index in cur of the cell no pipe has ended yet
	seenPipe := false
	titleLast := false // the line before was text before any pipe
	endRow := func() {
		if len(cur) > 0 {
			rows = append(rows, scoringRow{cells: cur})
		}
		cur, open = nil, -1
	}
	for _, ls := range lines {
		l := ls.wide()
		s := text[l.start:l.end]
		switch {
		case isBlank(s) || isSpaceOnly(s):
			continue
		case isLonePipe(s):
			if !seenPipe && titleLast {
				// the first pipe ends the line above: the table's first cell
				cur = rows[len(rows)-1].cells
				rows = rows[:len(rows)-1]
				seenPipe, titleLast, open = true, false, -1
				continue
			}
			seenPipe = true
			if open < 0 {
				cur = append(cur, cell{start: l.start, end: l.start, piped: true})
			}
			open = -1
			continue
		case isPipeRun(s):
			seenPipe, titleLast = true, false
			endRow()
			continue
		case strings.ContainsRune(s, '|'):
			titleLast = false
			endRow()
			rows = append(rows, scoringRow{cells: pipeCells(text, l)})
			continue
		}
		t := strings.TrimSpace(s)
		lead := len(s) - len(strings.TrimLeft(s, " \t\u3000"))
		c := cell{text: t, key: cellKey(t), start: l.start + lead, end: l.start + lead + len(t), piped: true}
		if !seenPipe {
			rows = append(rows, scoringRow{cells: []cell{c}})
			titleLast = true
			continue
		}
		if open >= 0 {
			// the cell goes on: 偏差大或 / 目标未完成 / 原因分析
			o := &cur[open]
			o.text += t
			o.key = cellKey(o.text)
			o.end = c.end
			continue
		}
		cur = append(cur, c)
		open = len(cur) - 1
	}
	endRow()
	return rows
}

// spacedCells splits a line at its spaces: the cells of a row a PDF or a
// document site wrote as words between spaces (相关性 5 5).
func spacedCells(text string, l lineRange) []cell {
	s := text[l.start:l.end]
	var out []cell
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		t := s[i:j]
		out = append(out, cell{text: t, key: cellKey(t), start: l.start + i, end: l.start + j, flat: true})
		i = j
	}
	return out
}

// pipeCells splits one pipe line into its cells, the outer pipes dropped.
func pipeCells(text string, l lineRange) []cell {
	s := text[l.start:l.end]
	var out []cell
	at := 0
	parts := strings.Split(s, "|")
	for k, part := range parts {
		start := l.start + at
		at += len(part) + 1
		if (k == 0 || k == len(parts)-1) && strings.TrimSpace(part) == "" {
			continue
		}
		t := strings.TrimSpace(part)
		lead := len(part) - len(strings.TrimLeft(part, " \t\u3000"))
		c := cell{text: t, key: cellKey(t), start: start + lead, end: start + lead + len(t), piped: true}
		out = append(out, c)
	}
	return out
}

// scoringHeader reads a row as the header of a scoring form, one column a
// cell: a level or name column and a 分值 or 得分 column, no target or
// actual column, and no cell that is no column label.
func scoringHeader(r scoringRow) ([]scoringCol, bool) {
	var cols []scoringCol
	level, figure, named, other := false, false, 0, 0
	for _, c := range r.cells {
		if c.empty() {
			cols = append(cols, scOther) // a header cell left empty: a column all the same
			continue
		}
		col, ok := scoringHeaderCol(c.key)
		if m := scoringGluedHead.FindStringSubmatch(c.key); !ok && named == 0 && m != nil {
			col, ok = scoringHeaderCol(m[1]) // the title reflowed onto the header line: …得分表一级指标
		}
		if ok && col == scOther {
			return nil, false // a target or an actual column: the 自评表's own indicator block
		}
		if !ok {
			// a column this reader does not keep (序号, 专家评分, 佐证材料):
			// a short label, no figure in it
			if utf8.RuneCountInString(c.key) > 10 || strings.ContainsAny(c.key, "0123456789") {
				return nil, false
			}
			cols = append(cols, scOther)
			other++
			continue
		}
		level = level || col.isLevel()
		figure = figure || col == scWeight || col == scScore
		cols = append(cols, col)
		named++
	}
	return cols, level && figure && named >= 2 && other*2 <= named
}

// scoringLabelRow reads a row whose every filled cell is a column label.
func scoringLabelRow(r scoringRow) ([]scoringCol, bool) {
	var cols []scoringCol
	n := 0
	for _, c := range r.cells {
		if c.empty() {
			cols = append(cols, scOther)
			continue
		}
		col, ok := scoringHeaderCol(c.key)
		if !ok || col == scOther {
			return nil, false
		}
		cols = append(cols, col)
		n++
	}
	return cols, n > 0
}

// hasScoringForm reports whether the text holds a scoring form's header.
func hasScoringForm(text string) bool {
	lines := splitLines(text)
	if isPipePerLine(text, lines) {
		rows := pipeLineRows(text, lines)
		for _, r := range rows {
			if _, ok := scoringHeader(r); ok {
				return true
			}
		}
		_, h := scoringStream(rows)
		return h >= 0
	}
	// the rows are looked at one by one as they are cut: a header row, or a
	// run of one-cell header rows that scoringStream would gather (any
	// suffix of the run of three or more that reads as a header)
	found := false
	var run scoringRow
	endRun := func() {
		for k := range run.cells {
			if hdr := (scoringRow{cells: run.cells[k:]}); len(hdr.cells) >= 3 {
				if _, ok := scoringHeader(hdr); ok {
					found = true
					return
				}
			}
		}
		run.cells = run.cells[:0]
	}
	cutScoringRows(text, lines, func(r scoringRow) bool {
		if _, ok := scoringHeader(r); ok {
			found = true
			return true
		}
		if len(r.cells) == 1 {
			if col, ok := scoringHeaderCol(r.cells[0].key); ok && col != scOther {
				run.cells = append(run.cells, r.cells[0])
				return false
			}
		}
		endRun()
		return found
	})
	if !found {
		endRun()
	}
	return found
}

// scoringNote is a level cell that is only a weight: (20分), (10), (特性指标70分).
var scoringNote = regexp.MustCompile(`^\(([^()0-9]{0,8})(\d+(?:\.\d+)?)分?\)$`)

// cellNoteWeight is the weight a level cell writes in its (N分) note.
func cellNoteWeight(key string) *decimal.Decimal {
	if d := noteWeight(key); d != nil {
		return d
	}
	if m := scoringNote.FindStringSubmatch(key); m != nil {
		if d, err := decimal.NewFromString(m[2]); err == nil {
			return &d
		}
	}
	return nil
}

// scoringFit is how well a cell sits in a column, or false when it cannot.
func scoringFit(c cell, col scoringCol, deepest scoringCol) (int, bool) {
	if c.empty() {
		return 0, true
	}
	f, kind := readFigure(c)
	n := utf8.RuneCountInString(c.key)
	switch {
	case col.isFigure():
		if kind == vFigure && !f.percent && !f.value.GreaterThan(hundred) && !f.value.IsNegative() {
			if col == scGroupWeight1 || col == scGroupWeight2 {
				return 5, true // written on the first row of its group only
			}
			return 30, true
		}
		if col == scScore && notApplicable.MatchString(c.key) {
			return 10, true
		}
		return 0, false
	case col.isLevel():
		if kind == vFigure || kind == vGlued || n > 60 {
			return 0, false
		}
		// a label; a merged level cell is written once, on the first
		// row under it: a row of fewer labels fills the deepest levels
		s := 20 + int(col)
		if col == deepest {
			s++
		}
		return s, true
	default:
		if kind == vFigure {
			return 1, true // a 扣分原因 of 0, a 备注 of a figure
		}
		return 10, true
	}
}

// placeScoringRow places a row's cells in the header's columns: in order,
// each filled cell in a column it fits, the placement that fits best; an
// empty cell takes a column or none (merged cells leave rows short, and
// converters drop or wrap empty ones). It gives each cell's column, -1 for
// an empty cell left out, or nil when the filled cells cannot all be placed.
func placeScoringRow(cells []cell, cols []scoringCol) []int {
	deepest := scLevel1
	for _, c := range cols {
		if c.isLevel() && c > deepest {
			deepest = c
		}
	}
	n, m := len(cells), len(cols)
	const none = -1 << 30
	// best[i][j]: the best score placing cells[i:] in cols[j:]
	best := make([][]int, n+1)
	for i := range best {
		best[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m; j >= 0; j-- {
			b := none
			if cells[i].empty() {
				b = best[i+1][j] // left out
			}
			if j < m {
				b = max(b, best[i][j+1]) // column j left out
				if s, ok := scoringFit(cells[i], cols[j], deepest); ok && best[i+1][j+1] != none {
					b = max(b, s+best[i+1][j+1])
				}
			}
			best[i][j] = b
		}
	}
	if best[0][0] == none {
		return nil
	}
	at := make([]int, n)
	i, j := 0, 0
	for i < n {
		if j < m {
			if s, ok := scoringFit(cells[i], cols[j], deepest); ok && best[i+1][j+1] != none && s+best[i+1][j+1] == best[i][j] {
				at[i] = j
				i, j = i+1, j+1
				continue
			}
		}
		if cells[i].empty() && best[i+1][j] == best[i][j] {
			at[i] = -1
			i++
			continue
		}
		if j++; j > m {
			return nil
		}
	}
	return at
}

// scoringTotal is a row label that ends the indicators with their total.
var scoringTotal = regexp.MustCompile(`^(合计|总计|总分|自评总分|自评得分|综合得分|得分合计|总得分|分值合计|评价总分|综合评分|合计得分|总体得分)(:|为)?(\d+(\.\d+)?分?)?$`)

// scoringForm reads the first scoring form of the text into r's indicators
// and total, in place of what the 自评表's indicator reader made of it: that
// reader knows the columns of 年度指标值 | 实际完成值 forms, and a row it read
// with a target or an actual is kept as it read it.
func (p *tableParser) scoringForm() {
	for _, ind := range p.r.Indicators {
		if ind.Target != "" || ind.Actual != "" {
			return
		}
	}
	prev, prevTotal, prevScore := p.r.Indicators, p.r.TotalRow, p.r.TotalScore
	p.r.Indicators, p.r.TotalRow, p.r.TotalScore = nil, nil, nil
	p.readScoringForm()
	if len(p.r.Indicators) == 0 {
		p.r.Indicators, p.r.TotalRow, p.r.TotalScore = prev, prevTotal, prevScore
	}
}

func (p *tableParser) readScoringForm() {
	rows := scoringRows(p.text)
	h := -1
	for k, r := range rows {
		if _, ok := scoringHeader(r); ok {
			h = k
			break
		}
	}
	if h < 0 {
		rows, h = scoringStream(rows)
		if h < 0 {
			return
		}
	}
	hdr, _ := scoringHeader(rows[h])
	if h+1 < len(rows) && !rows[h].stream {
		// a header of two rows (评价指标 | | | 分值 | 得分 over 一级指标 |
		// 二级指标 | 三级指标 | |): the lower row names what the upper spans
		if low, ok := scoringLabelRow(rows[h+1]); ok && len(low) == len(hdr) {
			for k, c := range low {
				if rows[h+1].cells[k].key != "" {
					hdr[k] = c
				}
			}
			h++
		}
	}
	hdr = scoringGroupColumns(hdr)
	if rows[h].stream {
		rows = append(rows[:h+1:h+1], cutScoringStream(rows[h+1:], hdr)...)
	}
	deepest := scLevel1
	hasWeight := false
	for _, c := range hdr {
		if c.isLevel() && c > deepest {
			deepest = c
		}
		hasWeight = hasWeight || c == scWeight
	}
	var groupWeight [2]*decimal.Decimal
	levels := [3]cell{}
	var inds []Indicator
	for k, r := range rows[h+1:] {
		filled := 0
		for _, c := range r.cells {
			if !c.empty() {
				filled++
			}
		}
		if filled == 0 {
			continue
		}
		if _, ok := scoringHeader(r); ok {
			break // the next form
		}
		if t := scoringTotalCell(r); t >= 0 {
			p.scoringTotalRow(scoringTotalCells(r, rows[h+1+k+1:], hdr), t, hdr)
			break
		}
		if k := firstFilled(r).key; filled == 1 && (templateTitle.MatchString(k) || isLabelKey(k) || strings.HasSuffix(k, "名称") ||
			scoringProse.MatchString(k) || utf8.RuneCountInString(k) > 60) {
			break // the form has ended: a title, a field of the next block, a heading or a paragraph
		}
		at := placeScoringRow(r.cells, hdr)
		if at == nil {
			if len(inds) > 0 {
				break // not a row of the form
			}
			continue
		}
		var ind Indicator
		name := cell{}
		for i, c := range r.cells {
			if at[i] < 0 || c.empty() {
				continue
			}
			col := hdr[at[i]]
			switch {
			case col.isLevel():
				if col < deepest {
					levels[col] = c
					for k := col; k < 2; k++ {
						groupWeight[k] = nil
					}
					for k := col + 1; k < 3; k++ {
						levels[k] = cell{}
					}
				} else {
					name = c
				}
			case col == scWeight || col == scScore:
				f, kind := readFigure(c)
				if kind != vFigure {
					ind.NotApplicable = true
					continue
				}
				d := f.value
				if ind.Decimals == nil {
					ind.Decimals = map[string]int{}
				}
				if col == scWeight {
					ind.Weight = &d
					ind.Decimals["weight"] = f.decimals
				} else {
					ind.Score = &d
					ind.Decimals["score"] = f.decimals
				}
			case col == scGroupWeight1 || col == scGroupWeight2:
				if f, kind := readFigure(c); kind == vFigure {
					d := f.value
					groupWeight[col-scGroupWeight1] = &d
				}
			case col == scReason:
				ind.Reason = c.text
			}
		}
		if name.empty() {
			continue // a row of group labels only
		}
		ind.Level3 = name.text
		if deepest >= scLevel2 {
			ind.Level1 = levels[scLevel1].text
			ind.Level1Weight = groupWeight[0]
			if ind.Level1Weight == nil {
				ind.Level1Weight = cellNoteWeight(levels[scLevel1].key)
			}
		}
		if deepest >= scLevel3 {
			ind.Level2 = levels[scLevel2].text
			ind.Level2Weight = groupWeight[1]
			if ind.Level2Weight == nil {
				ind.Level2Weight = cellNoteWeight(levels[scLevel2].key)
			}
		}
		if ind.Weight == nil && !hasWeight {
			// a form without a 分值 column writes the weight into the name:
			// 相关性(5分); a name without one leaves the row's weight unknown
			if d := cellNoteWeight(name.key); d != nil {
				ind.Weight = d
				if ind.Decimals == nil {
					ind.Decimals = map[string]int{}
				}
				ind.Decimals["weight"] = int(-d.Exponent())
			} else {
				ind.Unsure = true
			}
		}
		ind.Span = Span{name.start, name.end}
		for _, c := range r.cells {
			if !c.empty() {
				ind.Span[1] = max(ind.Span[1], c.end)
			}
		}
		ind.Page = p.page(name.start)
		inds = append(inds, ind)
	}
	if len(inds) > 0 && p.r.TotalRow == nil && len(rows) > 0 && rows[len(rows)-1].cells != nil {
		last := inds[len(inds)-1]
		if last.Span[1] >= lastInk(p.text) {
			// the text ends inside the form (a page cut off)
			inds[len(inds)-1].Unsure = true
		}
	}
	p.r.Indicators = inds
}

// lastInk is the offset just after the last non-space byte of the text.
func lastInk(s string) int {
	return len(strings.TrimRight(s, " \t\r\n\u3000"))
}

func firstFilled(r scoringRow) cell {
	for _, c := range r.cells {
		if !c.empty() {
			return c
		}
	}
	return cell{}
}

// scoringTotalCell is the position of the row's total label, or -1: the
// first filled cell of the row.
func scoringTotalCell(r scoringRow) int {
	for i, c := range r.cells {
		if c.empty() {
			continue
		}
		if scoringTotal.MatchString(c.key) {
			return i
		}
		return -1
	}
	return -1
}

// scoringGroupColumns reads the header's columns in context: a weight
// column right after an upper level's column is that level's 分值, and a
// level column named twice (三级指标 | 具体指标) is text the second time.
func scoringGroupColumns(hdr []scoringCol) []scoringCol {
	out := append([]scoringCol(nil), hdr...)
	seen := map[scoringCol]bool{}
	deepest := scLevel1
	for j, c := range out {
		if !c.isLevel() {
			continue
		}
		if seen[c] {
			out[j] = scOther
			continue
		}
		seen[c] = true
		deepest = max(deepest, c)
	}
	for j := 1; j < len(out); j++ {
		if out[j] == scWeight && out[j-1].isLevel() && out[j-1] < deepest {
			out[j] = scGroupWeight1 + out[j-1] - scLevel1
		}
	}
	return out
}

// scoringStream finds a header written one cell a line with a blank line
// between every cell (an HTML table copied as text, its rows lost): a run
// of one-cell rows that are all column labels. It gives the rows with that
// run gathered into one header row, and the header's position, or -1.
func scoringStream(rows []scoringRow) ([]scoringRow, int) {
	for k := 0; k < len(rows); k++ {
		j := k
		var hdr scoringRow
		for j < len(rows) && len(rows[j].cells) == 1 {
			col, ok := scoringHeaderCol(rows[j].cells[0].key)
			if !ok || col == scOther {
				break
			}
			hdr.cells = append(hdr.cells, rows[j].cells[0])
			j++
		}
		if _, ok := scoringHeader(hdr); ok && len(hdr.cells) >= 3 {
			hdr.stream = true
			out := append(append(append([]scoringRow(nil), rows[:k]...), hdr), rows[j:]...)
			return out, k
		}
	}
	return rows, -1
}

// cutScoringStream cuts the one-cell rows after a gathered header into the
// form's rows: each row a run of cells placed in the columns in order, its
// name in the deepest level column and at least one figure, the cutting
// that places the cells best. A text after a row's figures is its 扣分原因
// only where points were taken off; otherwise it begins the next row. The
// total row takes the figures after its label; the first row of more than
// one cell, or a cell that fits no row, ends the form.
func cutScoringStream(rows []scoringRow, hdr []scoringCol) []scoringRow {
	var cells []cell
	for _, r := range rows {
		if len(r.cells) != 1 {
			break
		}
		cells = append(cells, r.cells[0])
	}
	end := len(cells)
	for i, c := range cells {
		if scoringTotal.MatchString(c.key) {
			end = i
			break
		}
	}
	figCols := 0
	deepest := scLevel1
	for _, c := range hdr {
		if c.isFigure() {
			figCols++
		}
		if c.isLevel() {
			deepest = max(deepest, c)
		}
	}
	m := len(hdr)
	const none = -1 << 30
	score := func(i, j int) int {
		at := placeScoringRow(cells[i:j], hdr)
		if at == nil {
			return none
		}
		s, name, figs := 0, false, 0
		var w, sc *decimal.Decimal
		reason := false
		for k, a := range at {
			c := cells[i+k]
			col := hdr[a]
			f, _ := scoringFit(c, col, deepest)
			s += f
			switch {
			case col == deepest:
				name = true
			case col.isLevel() && name:
				return none // an upper level after the name
			case col.isFigure():
				figs++
				if fg, kind := readFigure(c); kind == vFigure {
					d := fg.value
					if col == scWeight {
						w = &d
					} else if col == scScore {
						sc = &d
					}
				}
			case col == scReason:
				reason = true
			}
		}
		if !name || figCols > 0 && figs == 0 {
			return none
		}
		if reason && w != nil && sc != nil && !sc.LessThan(*w) {
			return none // nothing taken off: no reason to give
		}
		if reason && reasonLike(cells[i+len(at)-1]) {
			s += 15 // a sentence where points were taken off: the reason, not the next group's label
		}
		return s
	}
	best := make([]int, end+1)
	next := make([]int, end+1)
	for i := end - 1; i >= 0; i-- {
		best[i], next[i] = none, -1
		for j := i + 1; j <= end && j-i <= m; j++ {
			if best[j] == none {
				continue
			}
			if v := score(i, j); v != none && v+best[j] > best[i] {
				best[i], next[i] = v+best[j], j
			}
		}
	}
	var out []scoringRow
	i := 0
	for i < end && next[i] > 0 {
		out = append(out, scoringRow{cells: cells[i:next[i]]})
		i = next[i]
	}
	if i == end && end < len(cells) {
		// the total: its label and the figures after it
		tr := scoringRow{cells: []cell{cells[end]}}
		for _, c := range cells[end+1:] {
			if _, kind := readFigure(c); kind != vFigure || len(tr.cells) > figCols {
				break
			}
			tr.cells = append(tr.cells, c)
		}
		out = append(out, tr)
	}
	return out
}

// reasonLike is a text that reads as a sentence, not a level label: a
// figure or punctuation in it, or six characters or more, and no (N分) note.
func reasonLike(c cell) bool {
	if cellNoteWeight(c.key) != nil || scoreNote.MatchString(c.key) {
		return false
	}
	return strings.ContainsAny(c.key, "0123456789%，,。；;、") || utf8.RuneCountInString(c.key) >= 6
}

// scoringTotalCells is the total row with the figures of the rows after it
// when it has none of its own: one cell per line with a blank line between
// every cell (合计 ⏎⏎ 100 ⏎⏎ 95) leaves each figure a row of its own.
func scoringTotalCells(r scoringRow, after []scoringRow, hdr []scoringCol) scoringRow {
	for _, c := range r.cells {
		if _, kind := readFigure(c); kind == vFigure || c.empty() {
			continue
		}
		if !scoringTotal.MatchString(c.key) {
			return r
		}
	}
	for _, c := range r.cells {
		if _, kind := readFigure(c); kind == vFigure {
			return r
		}
	}
	figCols := 0
	for _, c := range hdr {
		if c == scWeight || c == scScore {
			figCols++
		}
	}
	out := scoringRow{cells: append([]cell(nil), r.cells...)}
	for _, a := range after {
		if len(a.cells) != 1 || figCols == 0 {
			break
		}
		if _, kind := readFigure(a.cells[0]); kind != vFigure {
			break
		}
		out.cells = append(out.cells, a.cells[0])
		figCols--
	}
	return out
}

// scoringTotalRow reads the 合计 / 总分 row: its figures in the weight and
// score columns they stand in (by position from the right when the label
// spans the level columns), or, alone, as the total score when the form
// has no weight column or the label says 得分.
func (p *tableParser) scoringTotalRow(r scoringRow, at int, hdr []scoringCol) {
	label := r.cells[at]
	tr := &TotalRow{Label: label.text, Span: Span{label.start, label.end}, Page: p.page(label.start)}
	type fig struct {
		f figure
		k int
	}
	var figs []fig
	if m := scoringTotal.FindStringSubmatch(label.key); m != nil && m[3] != "" {
		c := label
		c.text = m[3]
		if f, kind := readFigure(c); kind == vFigure {
			figs = append(figs, fig{f, at})
		}
	}
	for k, c := range r.cells[at+1:] {
		if g := gradeWord.FindStringSubmatch(c.key); g != nil && p.r.Grade == "" {
			p.r.Grade = g[1]
			p.r.GradeSpan = &Span{c.start, c.end}
			continue
		}
		if f, kind := readFigure(c); kind == vFigure && !f.percent {
			figs = append(figs, fig{f, at + 1 + k})
		}
	}
	set := func(col scoringCol, f figure) {
		d := f.value
		if tr.Decimals == nil {
			tr.Decimals = map[string]int{}
		}
		if col == scWeight {
			tr.Weight = &d
			tr.Decimals["weight"] = f.decimals
		} else {
			tr.Score = &d
			tr.Decimals["score"] = f.decimals
		}
		tr.Span[1] = max(tr.Span[1], f.end)
	}
	var figCols []scoringCol
	for _, c := range hdr {
		if c == scWeight || c == scScore {
			figCols = append(figCols, c)
		}
	}
	scoreLabel := strings.Contains(label.key, "得分") || strings.Contains(label.key, "总分") || strings.Contains(label.key, "评分")
	lined := len(r.cells) == len(hdr)
	for _, f := range figs {
		lined = lined && f.k < len(hdr) && hdr[f.k] != scLevel1 && hdr[f.k] != scLevel2 && hdr[f.k] != scLevel3
	}
	switch {
	case len(figs) == 0:
	case lined && len(figs) > 1:
		// the row's cells line up with the header: each figure in its column
		for _, f := range figs {
			if c := hdr[f.k]; c == scWeight || c == scScore {
				set(c, f.f)
			}
		}
		for _, f := range figs {
			// 合计 | 100 under the 一级 分值: the weights' total
			if c := hdr[f.k]; (c == scGroupWeight1 || c == scGroupWeight2) && tr.Weight == nil {
				set(scWeight, f.f)
			}
		}
	case len(figs) == 1 && (len(figCols) == 1 || scoreLabel):
		col := scScore
		if len(figCols) == 1 {
			col = figCols[0]
		}
		set(col, figs[0].f)
	case len(figs) == 1 && len(r.cells) == len(hdr) && figs[0].k < len(hdr) && (hdr[figs[0].k] == scWeight || hdr[figs[0].k] == scScore):
		set(hdr[figs[0].k], figs[0].f) // the row's cells line up with the header
	case len(figs) >= 2 && len(figs) <= len(figCols):
		// in the order of the columns
		for k, f := range figs {
			set(figCols[len(figCols)-len(figs)+k], f.f)
		}
	}
	p.r.TotalRow = tr
	p.r.TotalScore = tr.Score
}
