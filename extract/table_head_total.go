package extract

import (
	"regexp"

	"github.com/shopspring/decimal"
)

// Some templates state the total in the form's head, beside the unit
// (自评总分(分) 97.6, 自评得分 98), not in a 合计 row under the indicators.
// A sheet flattened into one run of text glues it to the words around it:
// 财政处室自评总分(分)97.6部门联系人. headTotal reads that figure when no
// total row was read; it is the stated score only, not a row to check the
// indicators' sum against (a glued text seldom yields every row).
var headTotalRE = regexp.MustCompile(`(?:自评总分|自评得分)(?:\(分\))?:?(\d{1,3}(?:\.\d{1,2})?)分?(?:[^\d.%]|$)`)

// headTotalLabel is the label alone at the end of a cell, its figure the
// next cell (the reader cut the figure out of the glued run).
var headTotalLabel = regexp.MustCompile(`(?:自评总分|自评得分)(?:\(分\))?:?$`)

// figureThenHan is a figure glued to the words after it (97.93年).
var figureThenHan = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,2})?)\p{Han}`)

// afterColumnLabel reports whether the cell before i labels a column of a
// table (指标说明及评分标准 | 自评得分): the label is then the last column's,
// and the figure after it is the first row's, not the head's total.
func (p *tableParser) afterColumnLabel(i int) bool {
	if i == 0 {
		return false
	}
	prev := p.c[i-1]
	if _, ok := scoringHeaderCol(prev.key); ok {
		return true
	}
	if _, ok := fundColumnOf(prev); ok {
		return true
	}
	return isIndicatorHeader(prev.key)
}

func (p *tableParser) headTotal() {
	if p.r.TotalScore != nil || p.r.TotalRow != nil {
		return
	}
	for i, c := range p.c {
		if i > 80 {
			return
		}
		fig := ""
		if m := headTotalRE.FindStringSubmatch(c.key); m != nil {
			fig = m[1]
		} else if headTotalLabel.MatchString(c.key) && i+1 < len(p.c) && !p.afterColumnLabel(i) {
			// 实施单位 | 自评得分 | 98 | 财政审核评分: the figure between the
			// label and the next words of the head, on one line; or glued
			// to them (自评总分(分) | 97.93年 | 初预算数)
			n := p.c[i+1]
			if m := figureThenHan.FindStringSubmatch(n.key); m != nil && n.row == c.row {
				fig = m[1]
			} else if i+2 < len(p.c) {
				after := p.c[i+2]
				if n.row == c.row && after.row == c.row && bareNumber.MatchString(n.key) && !after.empty() && !isValueLike(after.text) {
					fig = n.key
				}
			}
		}
		if fig == "" {
			continue
		}
		v, err := decimal.NewFromString(fig)
		if err != nil || v.GreaterThan(hundred) {
			continue
		}
		p.r.TotalScore = &v
		return
	}
}
