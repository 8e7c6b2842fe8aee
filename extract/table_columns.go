package extract

import (
	"fmt"
	"strings"
)

// A funds block may arrive column by column (a sheet or a PDF whose text
// runs down each column): the row labels first, then each header word with
// the figures under it —
//
//	年度资金总额 | 其中:财政拨款 | 其他资金 | 年初预算数 | 43.2 | 43.2 | / | 全年预算数 | 43.2 | …
//
// or, for one row, header and value cells interleaved (年初预算数 | 43.2 |
// 全年预算数 | 43.2 | …). The header words say which column each run of
// figures is; the figures go to the rows in order.

// fundColumnOf gives the one column a header cell names, if it names one.
func fundColumnOf(c cell) (column, bool) {
	if c.empty() || isValueLike(c.text) {
		return "", false
	}
	k := headerNoise.ReplaceAllString(c.key, "")
	cols, covered := scanHeader(k, fundHeaderWords)
	if len(cols) != 1 || covered != len(k) {
		return "", false
	}
	return cols[0], true
}

// fundLabelsFrom lists the fund row labels that follow one another from
// position first with nothing between them but empty cells.
func (p *tableParser) fundLabelsFrom(first int) (labels []int, next int) {
	i := first
	for i < len(p.c) {
		c := p.c[i]
		if c.empty() {
			i++
			continue
		}
		if _, ok := fundRowLevel(c.key); !ok {
			break
		}
		labels = append(labels, i)
		i++
	}
	return labels, i
}

// headersAfterLabels reports whether the fund row labels at first are
// followed by header words, each with its figures: the column-by-column form.
func (p *tableParser) headersAfterLabels(first int) bool {
	labels, i := p.fundLabelsFrom(first)
	if len(labels) == 0 {
		return false
	}
	var cols []column
	for n := 0; i < len(p.c) && n < 12; n++ {
		col, ok := fundColumnOf(p.c[i])
		if !ok {
			break
		}
		cols = append(cols, col)
		i++
		for i < len(p.c) && (p.c[i].empty() || isValueLike(p.c[i].text)) {
			i++
		}
	}
	return len(cols) >= 2 && (hasColumn(cols, colBudget) || hasColumn(cols, colExecuted))
}

// columnMajor reads the column-by-column form from the first row label.
func (p *tableParser) columnMajor(first int) {
	labels, i := p.fundLabelsFrom(first)
	readings := make([]fundReading, len(labels))
	for k := range readings {
		readings[k] = fundReading{}
	}
	ends := make([]int, len(labels))
	var short []string
	for i < len(p.c) {
		col, ok := fundColumnOf(p.c[i])
		if !ok {
			break
		}
		name := p.c[i].text
		i++
		var vals []cell
		for i < len(p.c) && (p.c[i].empty() || isValueLike(p.c[i].text)) && len(vals) < len(labels) {
			vals = append(vals, p.c[i])
			i++
		}
		for len(vals) > 0 && vals[len(vals)-1].empty() && p.cs.rows {
			vals = vals[:len(vals)-1]
		}
		filled := 0
		for k, v := range vals {
			f, kind := readFigure(v)
			if kind != vFigure || f.percent != (col == colRate) && f.percent {
				continue
			}
			readings[k][col] = f
			ends[k] = max(ends[k], v.end)
			filled++
		}
		if len(vals) < len(labels) && filled > 0 && len(labels) > 1 {
			short = append(short, name)
		}
	}
	level1Seen := false
	for k, at := range labels {
		c := p.c[at]
		lvl, _ := fundRowLevel(c.key)
		if k > 0 && lvl == 0 {
			lvl = 1
		}
		if lvl == 2 && !level1Seen {
			lvl = 1
		}
		level1Seen = level1Seen || lvl == 1
		if row := p.fundRow(c, lvl, readings[k], "", max(c.end, ends[k])); row.Decimals != nil {
			p.r.Funds = append(p.r.Funds, row)
		}
	}
	if len(short) > 0 {
		p.r.Warnings = append(p.r.Warnings, fmt.Sprintf("资金表按列排列，%s 列的数字少于行数，按行的顺序读入 (column-order)", strings.Join(short, "、")))
	}
}

// A sheet flattened into one run of cells may also give the row labels
// first, then the header words one after another, then each row's figures
// in turn (稷山县: 年度资金总额 | 其中:当年财政拨款 | 实施单位 | 全年预算数 |
// 全年执行数 | 分值 | 执行率 | 得分 | 65.66 | 65.07 | 10 | 99% | 9 | 65.66 | …):
// the header words say the columns, the figures go to the labels in order,
// as many to a row as there are columns. A head field's label met among
// the header words (实施单位, whose value the sheet wrote elsewhere) is
// passed over.

// headerRowAfterLabels gives the columns of header words that follow the
// fund row labels at first, and where the figures begin.
func (p *tableParser) headerRowAfterLabels(first int) ([]column, int, bool) {
	labels, i := p.fundLabelsFrom(first)
	if len(labels) < 2 {
		return nil, 0, false
	}
	var cols []column
	skipped := 0
	for ; i < len(p.c) && len(cols) < 12; i++ {
		c := p.c[i]
		if c.empty() {
			continue
		}
		if col, ok := fundColumnOf(c); ok {
			if hasColumn(cols, col) {
				return nil, 0, false
			}
			cols = append(cols, col)
			continue
		}
		if isValueLike(c.text) || placeholder.MatchString(c.text) {
			break
		}
		if _, ok := fieldOf(c.key); ok && len(cols) == 0 && skipped == 0 {
			skipped++
			continue
		}
		return nil, 0, false
	}
	if len(cols) < 3 || !(hasColumn(cols, colBudget) || hasColumn(cols, colExecuted)) {
		return nil, 0, false
	}
	return cols, i, true
}

// rowMajorAfterLabels reads the rows of the labels at first from the figures
// at from, len(cols) to a row, then the rows that follow with their labels
// (上年结转资金 | — | —) as the row layout reads them.
func (p *tableParser) rowMajorAfterLabels(first int, cols []column, from int) {
	labels, _ := p.fundLabelsFrom(first)
	i := from
	level1Seen := false
	add := func(c cell, vals []cell, k int) {
		lvl, _ := fundRowLevel(c.key)
		if k > 0 && lvl == 0 {
			lvl = 1
		}
		if lvl == 2 && !level1Seen {
			lvl = 1
		}
		level1Seen = level1Seen || lvl == 1
		rd, reason, _, readings := readFundFigures(vals, cols, &p.budget)
		end := c.end
		for _, v := range vals {
			end = max(end, v.end)
		}
		row := p.fundRow(c, lvl, rd, reason, end)
		if len(readings) > 1 {
			var alts []string
			for _, a := range readings {
				alts = append(alts, describeReading(a, cols))
			}
			p.r.Warnings = append(p.r.Warnings, fmt.Sprintf("%s: 数字未分隔，可有多种读法，未作取舍 (ambiguous-split)：%s",
				row.Row, strings.Join(alts, "；或 ")))
		}
		if row.Decimals != nil {
			p.r.Funds = append(p.r.Funds, row)
		}
	}
	for k, at := range labels {
		var vals []cell
		for i < len(p.c) && len(vals) < len(cols) {
			c := p.c[i]
			if !c.empty() && !isValueLike(c.text) && !placeholder.MatchString(c.text) {
				break
			}
			vals = append(vals, c)
			i++
		}
		add(p.c[at], vals, k)
	}
	// the rows after, each with its label
	for k := len(labels); i < len(p.c); k++ {
		c := p.c[i]
		if c.empty() {
			i++
			continue
		}
		if _, ok := fundRowLevel(c.key); !ok {
			return
		}
		vals, next := p.take(i+1, len(cols), c.row, isFundStop)
		add(c, vals, k)
		i = max(next, i+1)
	}
}
