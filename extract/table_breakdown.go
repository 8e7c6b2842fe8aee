package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Some templates break the fund total down a second and a third way under
// its row, with label and figure in one cell:
//
//	按收入性质分:2030.12        按支出性质分:1925.67
//	其中: 一般公共预算:1325.68  其中:基本支出:900.47
//	政府性基金拨款:118.82       项目支出:1025.20
//
// The two columns arrive interleaved in the text (row by row, or one cell
// per line), so a part is placed by what it names: spending kinds (…支出,
// …经费) under the breakdown by spending, the rest under the one by income.

// breakdownCell is "label:figure" in one cell; the figure may be blank.
var breakdownCell = regexp.MustCompile(`^(?:其中:)?([\p{Han}()、]{2,20}):(` + `[+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?` + `)?$`)

// breakdownHead opens a breakdown: 按收入性质分, 按支出性质分, 按资金来源分.
var breakdownHead = regexp.MustCompile(`^按[\p{Han}]{2,6}分$`)

func colonKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0':
			continue
		case r == '：':
			r = ':'
		case r == '（':
			r = '('
		case r == '）':
			r = ')'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isSpendingKind(label string) bool {
	return strings.HasSuffix(label, "支出") || strings.HasSuffix(label, "经费")
}

// breakdowns reads the breakdown cells from position i, after the fund rows,
// onto the total row; it returns the position after them.
func (p *tableParser) breakdowns(i int, total *FundRow) int {
	var groups []FundBreakdown
	last := i
	for j := i; j < len(p.c) && j < i+40; j++ {
		c := p.c[j]
		if c.empty() {
			continue
		}
		k := colonKey(c.text)
		if k == "其中:" || k == "其中" {
			continue
		}
		end := c.end
		if strings.HasSuffix(k, ":") && j+1 < len(p.c) && p.c[j+1].row == c.row {
			// 一般公共预算: | 1325.68 — a PDF or the flattener set the figure apart
			if _, kind := readFigure(p.c[j+1]); kind == vFigure {
				k += colonKey(p.c[j+1].text)
				end = p.c[j+1].end
				j++
			}
		}
		m := breakdownCell.FindStringSubmatch(k)
		if m == nil || utf8.RuneCountInString(m[1]) > 20 {
			break
		}
		last = j + 1
		label := m[1]
		var fig *figure
		if m[2] != "" {
			if f, kind := readFigure(cell{text: m[2], start: c.start, end: end}); kind == vFigure {
				fig = &f
			}
		}
		if breakdownHead.MatchString(label) {
			g := FundBreakdown{Label: label, Span: Span{c.start, end}, Page: p.page(c.start)}
			if fig != nil {
				v := p.wan(*fig)
				g.Wan, g.Decimals = &v, p.decimals(*fig)
			}
			groups = append(groups, g)
			continue
		}
		if len(groups) == 0 {
			break
		}
		part := FundPart{Label: label, Span: Span{c.start, end}}
		if fig != nil {
			v := p.wan(*fig)
			part.Wan, part.Decimals = &v, p.decimals(*fig)
		}
		g := len(groups) - 1
		if len(groups) > 1 {
			g = -1
			for k, gr := range groups {
				if strings.Contains(gr.Label, "支出") == isSpendingKind(label) {
					g = k
					break
				}
			}
			if g < 0 {
				g = len(groups) - 1
			}
		}
		groups[g].Parts = append(groups[g].Parts, part)
		groups[g].Span[1] = max(groups[g].Span[1], end)
	}
	if len(groups) > 0 {
		total.Breakdowns = groups
	}
	return last
}

func (p *tableParser) wan(f figure) decimal.Decimal {
	if p.yuan {
		return f.value.Shift(-4)
	}
	return f.value
}

func (p *tableParser) decimals(f figure) int {
	if p.yuan {
		return f.decimals + 4
	}
	return f.decimals
}
