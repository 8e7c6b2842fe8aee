package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/ingest"
)

// tableGenre recognises the standard self-evaluation tables
// (项目支出绩效自评表, 部门整体支出绩效自评表, 绩效目标自评表 …) from their
// text, whatever layout the reader gave it. A narrative report with a table
// appended after pages of prose stays narrative.
func tableGenre(doc *ingest.Document) (Genre, bool) {
	return detectTable(doc.Text)
}

// maxProseBeforeTable is how much prose (bytes of long lines) may come
// before the table for the document still to count as a table.
const maxProseBeforeTable = 3000

func detectTable(text string) (Genre, bool) {
	compact := cellKey(dropReadings(text))
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(compact, w) {
				return true
			}
		}
		return false
	}
	hasProject := has("项目名称")
	hasDept := has("部门名称", "部门(单位)名称", "单位名称")
	hasTasks := has("年度主要任务")
	hasFunds := has("全年预算数", "调整后预算数", "年初预算", "预算执行数", "全年执行数", "执行数(B)", "资金总额")
	hasRow := has("年度资金总额", "总额")
	hasInd := has("一级指标") && has("三级指标")
	title := templateTitle.FindString(compact)
	// an indicator block with the template's header and no title or head
	// fields: the end of a table whose start is on an earlier page, or
	// the first of several forms in one file
	untitled := hasInd && has("指标值") && has("完成值") && has("得分") && strings.ContainsAny(text, "|\t")
	hasWhole := has("整体支出")
	// the compacted copy of the text is not needed any more: let it go
	// before the scoring form's rows are built, which cost as much again
	compact = ""
	scoring := hasScoringForm(text)
	if !((hasProject || hasDept) && hasFunds && (hasRow || hasInd) || title != "" && (hasFunds || hasInd) || scoring || untitled) {
		return "", false
	}
	prose := 0
	for _, l := range splitLines(text) {
		s := text[l.start:l.end]
		k := cellKey(s)
		if strings.Contains(k, "项目名称") || strings.Contains(k, "部门名称") || strings.Contains(k, "单位名称") ||
			templateTitle.MatchString(k) || strings.Contains(k, "全年预算数") || strings.Contains(k, "一级指标") {
			break
		}
		if utf8.RuneCountInString(s) >= 60 && !strings.ContainsAny(s, "|\t") {
			prose += len(s)
		}
	}
	if prose > maxProseBeforeTable {
		return "", false
	}
	if strings.Contains(title, "整体支出") || strings.Contains(title, "部门整体") || strings.Contains(title, "单位整体") || hasTasks || hasDept && !hasProject || scoring && !hasProject && hasWhole {
		return DepartmentTable, true
	}
	return ProjectTable, true
}

// extractTable reads a 项目支出绩效自评表 or 部门整体支出绩效自评表.
func extractTable(doc *ingest.Document, r *Report) error {
	readTable(doc.Text, doc.PageAt, r)
	r.Sums = append(r.Sums, findSums(doc.Text, 0, len(doc.Text), doc.PageAt)...)
	return nil
}

// tableParser reads one table from its cells. Each block (head, funds,
// goals, tasks, indicators, total) is found by its own labels, so the order
// of blocks does not matter.
type tableParser struct {
	text   string
	pageAt func(int) int
	cs     cellStream
	c      []cell
	r      *Report
	yuan   bool // the funds block is in 元, not 万元
	budget int  // readings of glued figures still to be weighed (searchBudget)
}

// readTable fills r from the text of a table.
func readTable(text string, pageAt func(int) int, r *Report) {
	cs := tokenize(text)
	p := &tableParser{text: text, pageAt: pageAt, cs: cs, c: cs.cells, r: r, budget: searchBudget}
	p.head()
	p.funds()
	p.gluedFunds()
	p.goals()
	p.tasks()
	p.indicators()
	p.scoringForm()
	p.gluedIndicators()
	p.grade()
	p.headTotal()
	p.item()
	p.countTables()
	p.fragmentTotal()
}

// fragmentTotal sets aside the 合计 of a standard form's indicator block
// read without the rest of its form (no title, no head fields, no fund
// rows: a table whose start is on an earlier page, or the tail of the form
// before another in one file). The template's 合计 counts the 预算执行 row
// too, which this text does not hold, so it is no sum of the rows read:
// it is named in a warning and not kept as the table's total.
func (p *tableParser) fragmentTotal() {
	r := p.r
	if r.TotalRow == nil || r.Title != "" || r.Project != nil || r.Department != nil || len(r.Funds) > 0 || len(r.Indicators) == 0 {
		return
	}
	for _, ind := range r.Indicators {
		if ind.Target == "" && ind.Actual == "" {
			return // a scoring form: its total is the sum of its rows
		}
	}
	var figs []string
	if w := r.TotalRow.Weight; w != nil {
		figs = append(figs, "分值 "+w.String())
	}
	if s := r.TotalRow.Score; s != nil {
		figs = append(figs, "得分 "+s.String())
	}
	r.Warnings = append(r.Warnings, fmt.Sprintf("%s %s：表的开头（标题、资金行）不在本段文字中，合计含不在此处的预算执行分，未作核对 (table-fragment)",
		r.TotalRow.Label, strings.Join(figs, " ")))
	r.TotalRow, r.TotalScore = nil, nil
}

func (p *tableParser) page(off int) int {
	if p.pageAt == nil {
		return 1
	}
	return p.pageAt(off)
}

// take collects up to n cells from position i; in row layouts only from the
// given row. It stops before a non-empty cell that stop accepts.
func (p *tableParser) take(i, n, row int, stop func(cell) bool) ([]cell, int) {
	var out []cell
	for i < len(p.c) && len(out) < n {
		c := p.c[i]
		if p.cs.rows && c.row != row {
			if !p.wrapsOnto(i, row) {
				break
			}
			row = c.row
		}
		if !c.empty() && stop(c) {
			break
		}
		out = append(out, c)
		i++
	}
	return out, i
}

// wrapsOnto reports whether the line of cell i carries on the row before
// it (a row whose cells a page wrapped onto the next line): it is the very
// next line, and it opens with a figure or an empty-cell mark, never with a
// label that would begin a row of its own.
func (p *tableParser) wrapsOnto(i, row int) bool {
	c := p.c[i]
	if c.row != row+1 || i == 0 || p.c[i-1].row != row {
		return false
	}
	for k := i; c.empty() && k+1 < len(p.c) && p.c[k+1].row == c.row; k++ {
		c = p.c[k+1] // | 32.4 | …: the empty cell before the line's first pipe
	}
	if c.empty() || !isValueLike(c.text) {
		return false
	}
	between := p.text[min(p.c[i-1].end, c.start):c.start]
	return strings.Count(between, "\n") <= 1
}

// titleAtEnd is the template's title at the end of a long cell that other
// words run into (a page's lead-in glued before the title): from the last
// punctuation or space before the template's name to the (2023年度) that
// ends the cell. "" when the cell is short (the title itself) or does not
// end so.
func titleAtEnd(text string) string {
	if utf8.RuneCountInString(text) <= 40 || !titleYear.MatchString(text) {
		return ""
	}
	locs := templateTitle.FindAllStringIndex(text, -1)
	if len(locs) == 0 {
		return ""
	}
	start := locs[len(locs)-1][0]
	for start > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.Is(unicode.Han, r) && !unicode.IsDigit(r) {
			break
		}
		start -= w
	}
	t := strings.TrimSpace(text[start:])
	if n := utf8.RuneCountInString(t); n > 40 || n == utf8.RuneCountInString(text) {
		return ""
	}
	return t
}

// chunkNumber is the number a document site puts before each chunk of a
// file's text (1、…, 2、…).
var chunkNumber = regexp.MustCompile(`^\d{1,2}、\s*`)

// extensionCell is a cell that begins with a file name's extension (.docx》…): the
// reader cut the name before it.
var extensionCell = regexp.MustCompile(`(?i)^\.(docx?|xlsx?|pdf|wps|et)\b`)

// fileName is a document site's name of the file, not the table's title.
var fileName = regexp.MustCompile(`(?i)\.(docx?|xlsx?|pdf|wps)|上传人|文档编号`)

// unitCode is the code a budget system writes before a unit's name.
var unitCode = regexp.MustCompile(`^[0-9A-Za-z_]{3,}\s*[-－—]\s*`)

var (
	// titleYear is the year written after the template's name: (2023年度).
	titleYear   = regexp.MustCompile(`\s*[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]\s*$`)
	yearOfTable = regexp.MustCompile(`((?:19|20)\d{2})\s*年度`)
	yearInTitle = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
)

// head reads the title, the year and the head fields (项目名称, 主管部门, 实施单位 …).
// The title may come after other material (a 决算 whose annex is the table,
// a data sheet before it): it is the first cell naming the template anywhere,
// and the year is looked for next to it.
func (p *tableParser) head() {
	r := p.r
	at := -1
	// the first cell naming the template: one that ends with its (2022年度)
	// before one with a year, before one without
	rank := -1
	for i, c := range p.c {
		if i+1 < len(p.c) && extensionCell.MatchString(p.c[i+1].key) {
			continue // 《…自评表.docx》: a document site's name of the file, cut from its extension
		}
		if t := titleAtEnd(c.text); t != "" && rank < 2 && !fileName.MatchString(c.key) {
			r.Title, at, rank = t, i, 2 // 详情见附件(…)部门预算项目支出绩效自评表(2023年度): the page's words glued before it
			break
		}
		if templateTitle.MatchString(c.key) && utf8.RuneCountInString(c.key) <= 40 && !fileName.MatchString(c.key) {
			k := 0
			switch {
			case titleYear.MatchString(c.text):
				k = 2
			case yearInTitle.MatchString(c.key):
				k = 1
			}
			if k > rank {
				r.Title, at, rank = c.text, i, k
			}
			if k == 2 {
				break
			}
		}
	}
	if r.Title == "" {
		for i, c := range p.c {
			if strings.Contains(c.key, "自评表") && utf8.RuneCountInString(c.key) <= 40 && !fileName.MatchString(c.key) {
				r.Title, at = c.text, i
				break
			}
			if i > 80 {
				break
			}
		}
	}
	// 1、项目支出绩效自评表…: a document site's number of the page's text chunk
	r.Title = chunkNumber.ReplaceAllString(r.Title, "")
	if m := titleYear.FindStringSubmatchIndex(r.Title); m != nil {
		fmt.Sscan(r.Title[m[2]:m[3]], &r.Year) // the title keeps its (2023年度) as written
	}
	if r.Year == 0 {
		if m := yearInTitle.FindStringSubmatch(r.Title); m != nil {
			fmt.Sscan(m[1], &r.Year)
		}
	}
	// the heading line of the page or the line under the title: (2022年度)
	from := max(0, at-3)
	for i := from; i < len(p.c) && i <= from+120 && r.Year == 0; i++ {
		if m := yearOfTable.FindStringSubmatch(p.c[i].text); m != nil && utf8.RuneCountInString(p.c[i].key) <= 40 {
			fmt.Sscan(m[1], &r.Year)
		}
	}

	fields := map[string]string{}
	for i, c := range p.c {
		f, ok := fieldOf(c.key)
		value := ""
		if ok {
			value = p.fieldValue(i)
		} else if f, value, ok = fieldPrefix(c.text); !ok {
			continue
		}
		if value == "" || fields[f] != "" {
			continue
		}
		fields[f] = value
	}
	if fields[fieldName] != "" || fields[fieldDepartment] != "" || fields[fieldImplementer] != "" {
		r.Project = &ProjectInfo{Name: fields[fieldName], Department: fields[fieldDepartment],
			Implementer: fields[fieldImplementer], Responsible: fields[fieldResponsible]}
	}
	if r.Genre == DepartmentTable || fields[fieldDeptName] != "" {
		r.Department = &DepartmentInfo{Name: fields[fieldDeptName]}
		if r.Department.Name == "" && r.Project != nil {
			r.Department.Name = r.Project.Department
		}
	}
	// the unit that reports: the 单位名称 the form names, else who carried the project out
	for _, f := range []string{fieldDeptName, fieldImplementer, fieldDepartment} {
		if fields[f] != "" {
			// 219001-池州市…人民政府: the budget system's unit code is not the name
			r.Unit = unitCode.ReplaceAllString(fields[f], "")
			break
		}
	}
}

// fieldValue is the cell after a head label: the next non-empty cell that
// is not itself a label (in row layouts, on the same row).
func (p *tableParser) fieldValue(i int) string {
	row := p.c[i].row
	for j := i + 1; j < len(p.c) && j <= i+3; j++ {
		c := p.c[j]
		if p.cs.rows && c.row != row {
			return ""
		}
		if c.empty() {
			continue
		}
		if isLabelKey(c.key) || isHeaderFragment(c.key, fundHeaderWords) && utf8.RuneCountInString(c.key) <= 6 {
			return ""
		}
		return c.text
	}
	return ""
}

// isFundsAnchor reports whether a cell opens the funds block.
func isFundsAnchor(key string) bool {
	if utf8.RuneCountInString(key) > 30 {
		return false
	}
	for _, w := range []string{"项目资金", "资金情况", "预算执行情况", "年度预算数", "部门整体支出预算", "年初预算", "全年预算", "调整后预算"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// blockWeight gives the total row the weight its block's label states
// (预算执行情况(万元)(20分)) when the header has no 分值 column of its own.
func (p *tableParser) blockWeight(anchor, first int, cols []column) {
	if hasColumn(cols, colWeight) || len(p.r.Funds) == 0 || p.r.Funds[0].Level != 0 || p.r.Funds[0].Weight != nil {
		return
	}
	var k strings.Builder
	for _, c := range p.c[anchor:first] {
		k.WriteString(c.key)
	}
	m := blockNote.FindStringSubmatch(k.String())
	if m == nil {
		return
	}
	f, kind := readFigure(cell{text: m[1]})
	if kind != vFigure {
		return
	}
	row := &p.r.Funds[0]
	w := f.value
	row.Weight = &w
	if row.Decimals == nil {
		row.Decimals, row.Written = map[string]int{}, map[string]string{}
	}
	row.Decimals["weight"] = f.decimals
	row.Written["weight"] = m[0]
}

// blockNote is the weight a block's label states: (20分).
var blockNote = regexp.MustCompile(`\((\d+(?:\.\d+)?)分\)`)

// inYuan reports whether the funds header from anchor to first says 元, not 万元.
func (p *tableParser) inYuan(anchor, first int) bool {
	var unitText strings.Builder
	for _, h := range p.c[max(0, anchor-2):first] {
		unitText.WriteString(h.key)
	}
	u := unitText.String()
	return (strings.Contains(u, "(元)") || strings.Contains(u, "单位:元")) && !strings.Contains(u, "万元")
}

// isFundStop reports whether a cell ends the figures of a fund row.
func isFundStop(c cell) bool {
	if _, ok := fundRowLevel(c.key); ok {
		return true
	}
	if k := colonKey(c.text); k == "其中:" || k == "其中" || breakdownCell.MatchString(k) && strings.Contains(k, ":") {
		return true // 按收入性质分:2030.12, a breakdown under the row
	}
	return isSectionLabel(c.key) || isLevel1(c.key) || isLevel2(c.key) || totalLabel.MatchString(c.key) ||
		goalsLabel.MatchString(c.key)
}

// funds reads the funds block: its header and the rows 年度资金总额, 其中 ….
func (p *tableParser) funds() {
	anchor, first := -1, -1
	var cols []column
	for i, c := range p.c {
		if !isFundsAnchor(c.key) {
			continue
		}
		for j := i + 1; j < len(p.c) && j <= i+30; j++ {
			if _, ok := fundRowLevel(p.c[j].key); ok {
				first = j
				break
			}
		}
		if first < 0 {
			continue
		}
		var hk strings.Builder
		for _, h := range p.c[i:first] {
			hk.WriteString(h.key)
		}
		cols, _ = scanHeader(hk.String(), fundHeaderWords)
		if more, at := p.headerBefore(i, hk.String(), len(cols)); more != nil {
			i, cols = at, more // 年初 | 预算数 | 全年预算数 …: a header word split over the cells before the anchor
		}
		if hasColumn(cols, colBudget) || hasColumn(cols, colExecuted) {
			anchor = i
			break
		}
		if p.headersAfterLabels(first) {
			p.yuan = p.inYuan(i, first)
			p.columnMajor(first)
			return
		}
		if hcols, from, ok := p.headerRowAfterLabels(first); ok {
			p.yuan = p.inYuan(i, from)
			p.rowMajorAfterLabels(first, hcols, from)
			return
		}
		first = -1
	}
	if anchor < 0 {
		return
	}
	p.yuan = p.inYuan(anchor, first)
	defer p.blockWeight(anchor, first, cols)

	gaps := p.fundHeaderGaps(anchor, first, cols)
	level1Seen := false
	var present []column // the columns the first row really has, when it lacks one
	for i := first; i < len(p.c); {
		c := p.c[i]
		if c.empty() {
			i++
			continue
		}
		lvl, ok := fundRowLevel(c.key)
		if !ok {
			if n := len(p.r.Funds); n > 0 && p.r.Funds[0].Level == 0 && p.r.Funds[0].Breakdowns == nil {
				if next := p.breakdowns(i, &p.r.Funds[0]); next > i {
					i = next
					continue
				}
			}
			break
		}
		if len(p.r.Funds) > 0 && lvl == 0 {
			break // a second total: another table
		}
		if lvl == 2 && !level1Seen {
			lvl = 1
		}
		if lvl == 1 {
			level1Seen = true
		}
		n := len(cols)
		if gaps != nil {
			n = len(gaps)
		}
		vals, next := p.take(i+1, n, c.row, isFundStop)
		if gaps != nil {
			vals = dropGaps(vals, gaps)
		}
		rowCols := cols
		if present != nil && len(trimEmpty(vals)) <= len(present) {
			rowCols = present
		}
		rd, reason, searched, readings := readFundFigures(vals, rowCols, &p.budget)
		if len(p.r.Funds) == 0 && searched && len(readings) == 0 && len(vals) > 0 && !vals[0].flat && gluedOrGaps(vals, cols) && !anyGlued(vals) {
			// the first row's cells were written apart but one column's
			// cell is missing (a page that dropped the merged 年初预算数):
			// the rows under it lack the same column
			for _, col := range cols {
				if _, ok := rd[col]; ok || isTextColumn(col) {
					present = append(present, col)
				}
			}
		}
		end := c.end
		for _, v := range vals {
			if !v.empty() {
				end = max(end, v.end)
			}
		}
		row := p.fundRow(c, lvl, rd, reason, end)
		switch {
		case len(readings) > 1:
			var alts []string
			for _, a := range readings {
				alts = append(alts, describeReading(a, cols))
			}
			p.r.Warnings = append(p.r.Warnings, fmt.Sprintf("%s: 数字未分隔，可有多种读法，未作取舍 (ambiguous-split)：%s",
				row.Row, strings.Join(alts, "；或 ")))
		case searched && len(rd) > 0 && gluedOrGaps(vals, cols):
			p.r.Warnings = append(p.r.Warnings, fmt.Sprintf("%s: 数字未分隔或有空缺，按表头与相互关系读作 %s", row.Row, describeReading(rd, cols)))
		}
		if row.Decimals != nil || row.Breakdowns != nil {
			// a row with nothing written (其他资金 | / | /) states nothing
			p.r.Funds = append(p.r.Funds, row)
		}
		i = max(next, i+1)
	}
}

// fundRow makes a fund row of its label cell and the figures read for it,
// in 万元 (a table in 元 is shifted, its decimals kept exact).
func (p *tableParser) fundRow(c cell, lvl int, rd fundReading, reason string, end int) FundRow {
	row := FundRow{Row: c.text, Level: lvl, Reason: reason, Decimals: map[string]int{}, Written: map[string]string{}}
	for col, f := range rd {
		v := f.value
		d := f.decimals
		if p.yuan && (col == colInitial || col == colBudget || col == colExecuted) {
			v = v.Shift(-4)
			d += 4
		}
		switch col {
		case colInitial:
			row.InitialWan = &v
		case colBudget:
			row.BudgetWan = &v
		case colExecuted:
			row.ExecutedWan = &v
		case colWeight:
			row.Weight = &v
		case colRate:
			row.Rate = &v
		case colScore:
			row.Score = &v
		default:
			continue
		}
		row.Decimals[string(col)] = d
		row.Written[string(col)] = f.text
		end = max(end, f.end)
	}
	if len(row.Decimals) == 0 {
		row.Decimals, row.Written = nil, nil
	}
	row.Span = Span{c.start, end}
	row.Page = p.page(c.start)
	return row
}

// trimEmpty drops the empty cells at the end of a row.
func trimEmpty(vals []cell) []cell {
	for len(vals) > 0 && vals[len(vals)-1].empty() {
		vals = vals[:len(vals)-1]
	}
	return vals
}

func anyGlued(vals []cell) bool {
	for _, v := range vals {
		if _, k := readFigure(v); k == vGlued {
			return true
		}
	}
	return false
}

// gluedOrGaps reports whether a searched reading was more than the figures in
// their order: a glued run split, or figures placed with columns skipped.
func gluedOrGaps(vals []cell, cols []column) bool {
	n, numeric := 0, 0
	for _, v := range vals {
		if _, k := readFigure(v); k == vGlued {
			return true
		} else if k == vFigure {
			n++
		}
	}
	for _, c := range cols {
		if !isTextColumn(c) {
			numeric++
		}
	}
	return n != numeric
}

func hasColumn(cols []column, c column) bool {
	for _, x := range cols {
		if x == c {
			return true
		}
	}
	return false
}

var columnNames = map[column]string{colInitial: "年初预算数", colBudget: "全年预算数", colExecuted: "全年执行数",
	colWeight: "分值", colRate: "执行率", colScore: "得分"}

func describeReading(rd fundReading, cols []column) string {
	var parts []string
	for _, c := range cols {
		if f, ok := rd[c]; ok {
			parts = append(parts, columnNames[c]+" "+f.text)
		}
	}
	return strings.Join(parts, " | ")
}

// goals reads 年度总体目标: what was expected and what was done.
func (p *tableParser) goals() {
	anchor := -1
	for i, c := range p.c {
		if goalsLabel.MatchString(stripNumbering(c.key)) {
			anchor = i
			break
		}
	}
	if anchor < 0 {
		return
	}
	i := anchor + 1
	headerRow := p.c[anchor].row
	var subPos []int // positions in their row of the sub-headers (预期目标, 实际完成情况)
	for i < len(p.c) {
		c := p.c[i]
		if !c.empty() && goalsSubHeader.MatchString(stripNumbering(c.key)) {
			subPos = append(subPos, p.posInRow(i))
			headerRow = c.row
			i++
			continue
		}
		if c.empty() && (p.cs.rows || len(subPos) == 0) {
			i++
			continue
		}
		break
	}
	if i >= len(p.c) {
		return
	}
	stop := func(c cell) bool {
		_, fund := fundRowLevel(c.key)
		return fund || isSectionLabel(c.key) || isLevel1(c.key) || strings.Contains(c.key, "一级指标") || isFundsAnchor(c.key)
	}
	var vals []cell
	if !p.cs.rows {
		// one cell per line: the two cells that follow, empty or not
		vals, _ = p.take(i, 2, p.c[i].row, stop)
	} else {
		// a row: its non-empty cells in order; a single one goes by its column
		row := p.c[i].row
		first := i
		if row != headerRow {
			for first > 0 && p.c[first-1].row == row {
				first--
			}
		}
		var filled []cell
		var pos []int
		for j := first; j < len(p.c) && p.c[j].row == row; j++ {
			if stop(p.c[j]) {
				break
			}
			if !p.c[j].empty() {
				filled = append(filled, p.c[j])
				pos = append(pos, j-first)
			}
		}
		switch {
		case len(filled) >= 2:
			vals = filled[:2]
		case len(filled) == 1:
			vals = []cell{filled[0], {}}
			if len(subPos) >= 2 && row != headerRow && 2*pos[0] > subPos[0]+subPos[1] {
				vals = []cell{{}, filled[0]}
			}
		}
	}
	g := &Goals{}
	end := p.c[anchor].end
	for k, v := range vals {
		t := v.text
		if instruction.MatchString(t) {
			t = ""
		}
		if k == 0 {
			g.Expected = t
		} else {
			g.Actual = t
		}
		if !v.empty() {
			end = max(end, v.end)
		}
	}
	g.Span = Span{p.c[anchor].start, end}
	g.Page = p.page(p.c[anchor].start)
	p.r.Goals = g
}

// posInRow is the position of cell i among the cells of its row.
func (p *tableParser) posInRow(i int) int {
	n := 0
	for j := i - 1; j >= 0 && p.c[j].row == p.c[i].row; j-- {
		n++
	}
	return n
}

var numbering = regexp.MustCompile(`^(\d+[.、]|[一二三四五六七八九十]+、)`)

func stripNumbering(key string) string {
	if key == "" || !(key[0] >= '0' && key[0] <= '9' || strings.ContainsAny(key[:min(len(key), 30)], "一二三四五六七八九十")) {
		return key
	}
	return numbering.ReplaceAllString(key, "")
}

// tasks reads 年度主要任务 of a department table: task name and content.
func (p *tableParser) tasks() {
	anchor := -1
	for i, c := range p.c {
		if stripNumbering(c.key) == "年度主要任务" || c.key == "主要任务" {
			anchor = i
			break
		}
	}
	if anchor < 0 {
		return
	}
	i := anchor + 1
	for i < len(p.c) && (p.c[i].empty() || isHeaderFragment(p.c[i].key, taskHeaderWords)) {
		i++
	}
	stop := func(c cell) bool {
		_, fund := fundRowLevel(c.key)
		return fund || isSectionLabel(c.key) || isFundsAnchor(c.key) || goalsLabel.MatchString(c.key) || strings.Contains(c.key, "一级指标")
	}
	if p.r.Department == nil {
		p.r.Department = &DepartmentInfo{}
	}
	for i < len(p.c) {
		c := p.c[i]
		if c.empty() {
			i++
			continue
		}
		if stop(c) {
			break
		}
		n := 1
		if p.cs.rows {
			n = len(p.c) // the rest of the row: a content cell a PDF split in two
		}
		vals, next := p.take(i+1, n, c.row, stop)
		t := Task{Name: c.text, Span: Span{c.start, c.end}, Page: p.page(c.start)}
		for _, v := range vals {
			if !v.empty() {
				t.Content += v.text
				t.Span[1] = v.end
			}
		}
		p.r.Department.Tasks = append(p.r.Department.Tasks, t)
		i = max(next, i+1)
	}
}

// countTables warns when a file holds more than one table: only the first is read.
func (p *tableParser) countTables() {
	n := 0
	for i, c := range p.c {
		if f, ok := fieldOf(c.key); ok && (f == fieldName || f == fieldDeptName) && p.fieldValue(i) != "" {
			n++
		}
	}
	if n > 1 {
		p.r.Warnings = append(p.r.Warnings, fmt.Sprintf("文件中有 %d 张自评表，只读取了第一张", n))
	}
}
