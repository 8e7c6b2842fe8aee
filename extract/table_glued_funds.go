package extract

import (
	"fmt"
	"regexp"
	"strings"
)

// The funds block of a glued table: 年度财政资金总额10001000100%20, or the
// header written after the row's label (年度资金总额年初预算数调整预算数
// 全年执行数执行率64.864.864.8100%), or the label broken by a space the
// document site put in a cell (年度财政 资金总额). The row's label is one of
// the templates' fund rows, its columns the header words before it (or right
// after it), and its run of figures is split by those columns as any glued
// fund row is (readFundFigures): a run that splits more than one way is left
// unread and said so.

// gluedFundLabel is a fund row's label in a glued text: the templates' rows,
// 其中 and the numbering of a breakdown (资金来源:(1)财政拨款).
var gluedFundLabel = regexp.MustCompile(`(?:(?:资金来源|资金结构|按收入性质分|按支出性质分)[:：]?)?(?:[(（]\d[)）])?` +
	`(?:其中[:：]?)?(?:年度财政资金总额|年度资金总额|财政资金总额|年度支出总额|年度预算总额|资金总额|` +
	`(?:本年度?|当年)?财政拨款(?:资金)?|上年结转(?:资金)?|其他资金|基本支出|项目支出|本年一般公共预算拨款|一般公共预算(?:资金)?)[:：]?`)

// gluedFundRun is the figures after a label: digits, points, percent signs.
var gluedFundRun = regexp.MustCompile(`^[0-9][0-9.%,]*`)

// gluedFunds reads the fund rows of a glued text when the reading by cells found none.
func (p *tableParser) gluedFunds() {
	if len(p.r.Funds) > 0 {
		return
	}
	end := len(p.text)
	if hs, ok := gluedHeaderStart(p.text, 0); ok {
		end = hs
	}
	if end > maxGluedBlock {
		end = maxGluedBlock
		for end > 0 && end < len(p.text) && !isRuneStart(p.text[end]) {
			end--
		}
	}
	if end <= 0 {
		return
	}
	g := newGluedText(p.text, 0, end)
	s := g.s
	var cols []column
	prev := 0
	for _, m := range gluedFundLabel.FindAllStringIndex(s, -1) {
		label := s[m[0]:m[1]]
		key := cellKey(label)
		bare := key
		if k := strings.LastIndexAny(bare, ")）"); k >= 0 && k+1 < len(bare) {
			bare = bare[k+1:] // 资金来源:(1)财政拨款: the row 财政拨款
		}
		bare = strings.TrimPrefix(strings.TrimPrefix(bare, "资金来源:"), "资金结构:")
		lvl, ok := fundRowLevel(bare)
		if !ok {
			continue
		}
		lsp := g.span(m[0], m[1])
		at := m[1]
		if cols == nil {
			// the header before the label, or right after it
			from := max(prev, m[0]-240)
			for from > 0 && !isRuneStart(s[from]) {
				from--
			}
			c, _ := scanHeader(cellKey(s[from:m[0]]), fundHeaderWords)
			if !hasColumn(c, colBudget) && !hasColumn(c, colExecuted) {
				k := at
				for k < len(s) && k-at < 160 && !isDigit(s[k]) {
					k++
				}
				if after, _ := scanHeader(cellKey(s[at:k]), fundHeaderWords); hasColumn(after, colExecuted) || hasColumn(after, colBudget) {
					c, at = after, k
				}
			}
			if !hasColumn(c, colBudget) && !hasColumn(c, colExecuted) {
				continue
			}
			cols = c
		}
		run := gluedFundRun.FindString(s[at:])
		if run == "" {
			continue
		}
		sp := g.span(at, at+len(run))
		vals := []cell{{text: run, key: run, start: sp[0], end: sp[1], flat: true}}
		rd, reason, searched, readings := readFundFigures(vals, cols, &p.budget)
		lc := cell{text: label, key: key, start: lsp[0], end: lsp[1]}
		if len(p.r.Funds) > 0 && lvl == 0 {
			break // a second total: another table
		}
		if len(p.r.Funds) == 0 && lvl > 0 && !strings.Contains(key, "(1)") {
			continue // a component before any total only as a breakdown's first line: 资金来源:(1)财政拨款
		}
		if strings.ContainsAny(p.text[lsp[1]-1:sp[1]], " \t\n\r|") && !isGluedBlock(p.text[max(0, lsp[0]-120):min(len(p.text), sp[1]+240)]) {
			continue // cells written apart: the reading by cells has said what it could
		}
		row := p.fundRow(lc, lvl, rd, reason, sp[1])
		switch {
		case len(readings) > 1:
			var alts []string
			for _, a := range readings {
				alts = append(alts, describeReading(a, cols))
			}
			p.r.Warnings = append(p.r.Warnings, fmt.Sprintf("%s: 数字未分隔，可有多种读法，未作取舍 (ambiguous-split)：%s",
				row.Row, strings.Join(alts, "；或 ")))
		case searched && len(rd) > 0:
			p.r.Warnings = append(p.r.Warnings, fmt.Sprintf("%s: 数字未分隔，按表头与相互关系读作 %s", row.Row, describeReading(rd, cols)))
		}
		if row.Decimals != nil {
			p.r.Funds = append(p.r.Funds, row)
		}
		prev = at + len(run)
	}
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }
