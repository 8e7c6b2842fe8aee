package web

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/corpus"
)

// Charts drawn on the server as SVG inside the page: no script and no
// library, nothing fetched from anywhere. The figures a bar stands for are
// exact decimals, written on the bar (data-value, its title) as the lists
// write them; only its pixel size is a rounded proportion.

// chart is one chart: bars in groups (a category on the axis), one bar per
// series of a group.
type chart struct {
	ID, Title, Unit string   // Unit: of the values (万元, 条, 份)
	Series          []string // names of the series; one series: no legend
	Groups          []chartGroup
	Note            string // said under the chart (what is left out)
	Horizontal      bool   // rows of bars with long labels (rules, units)
	Width, Height   int
	Ticks           []chartTick
	PlotX, PlotY    int // the plot area's top left corner
	PlotW, PlotH    int
	// derived: the plot's far edges and where the tick labels go
	PlotRight, PlotBottom, TickX, TickY int
}

// edges fills the derived positions.
func (c *chart) edges() {
	c.PlotRight, c.PlotBottom, c.TickX, c.TickY = c.PlotX+c.PlotW, c.PlotY+c.PlotH, c.PlotX-6, c.PlotY-8
}

type chartGroup struct {
	Label      string
	X, Y       string // the label's anchor
	Bars       []chartBar
	LabelShort string // the label as drawn (cut to fit); Label in the title
}

type chartBar struct {
	Series           int
	Value            string // exact, as written on the bar
	X, Y, W, H       string // geometry in pixels
	TextX, TextY     string
	Link             string
	Title            string // the tooltip: group, series, value
	Label, SeriesTag string
}

type chartTick struct {
	Label string
	Pos   string // y of a horizontal line (columns) or x of a vertical one (rows)
}

// Geometry of the charts, in pixels.
const (
	colWidth    = 720
	colHeight   = 260
	colLeft     = 72
	colRight    = 16
	colTop      = 24
	colBottom   = 44
	rowLeft     = 220
	rowBarWidth = 420
	rowHeight   = 22
	rowTop      = 28
	rowBottom   = 24
	maxBarWidth = 56
)

var (
	zero    = decimal.Zero
	hundred = decimal.NewFromInt(100)
)

// px is a pixel coordinate to one decimal place.
func px(d decimal.Decimal) string { return d.Round(1).String() }

func pxi(n int) string { return strconv.Itoa(n) }

// niceMax is the top of a value axis: the least of 1, 2, 2.5, 5 × 10^k at
// or above max (1 for nothing to show).
func niceMax(max decimal.Decimal) decimal.Decimal {
	if !max.IsPositive() {
		return decimal.NewFromInt(1)
	}
	step := decimal.New(1, int32(len(max.Truncate(0).String())-1))
	if max.LessThan(decimal.NewFromInt(1)) {
		step = decimal.New(1, -1)
		for max.LessThan(step) {
			step = step.Shift(-1)
		}
	}
	for {
		for _, m := range []string{"1", "2", "2.5", "5"} {
			if c := step.Mul(decimal.RequireFromString(m)); c.GreaterThanOrEqual(max) {
				return c
			}
		}
		step = step.Shift(1)
	}
}

// series of a chart: values[g][s] is the value of series s in group g
// (nil: no bar).
type chartData struct {
	id, title, unit string
	series          []string
	labels          []string
	short           []string // per group, the label as drawn when not the label cut to fit (nil: none)
	links           []string // per group, "" for none
	values          [][]*decimal.Decimal
	note            string
}

// layoutColumns draws d as columns: groups along the x axis.
func layoutColumns(d chartData) chart {
	c := chart{ID: d.id, Title: d.title, Unit: d.unit, Series: d.series, Note: d.note,
		Width: colWidth, Height: colHeight, PlotX: colLeft, PlotY: colTop,
		PlotW: colWidth - colLeft - colRight, PlotH: colHeight - colTop - colBottom}
	c.edges()
	top := niceMax(maxValue(d.values))
	plotH := decimal.NewFromInt(int64(c.PlotH))
	for i := 0; i <= 4; i++ {
		v := top.Mul(decimal.NewFromInt(int64(i))).Div(decimal.NewFromInt(4))
		y := decimal.NewFromInt(int64(c.PlotY + c.PlotH)).Sub(plotH.Mul(decimal.NewFromInt(int64(i))).Div(decimal.NewFromInt(4)))
		c.Ticks = append(c.Ticks, chartTick{Label: groupDigits(v.String()), Pos: px(y)})
	}
	if len(d.labels) == 0 {
		return c
	}
	groupW := decimal.NewFromInt(int64(c.PlotW)).Div(decimal.NewFromInt(int64(len(d.labels))))
	ns := max(len(d.series), 1)
	barW := decimal.Min(groupW.Mul(decimal.RequireFromString("0.7")).Div(decimal.NewFromInt(int64(ns))), decimal.NewFromInt(maxBarWidth))
	inset := groupW.Sub(barW.Mul(decimal.NewFromInt(int64(ns)))).Div(decimal.NewFromInt(2)) // the bars centred in their group
	for g, label := range d.labels {
		left := decimal.NewFromInt(int64(c.PlotX)).Add(groupW.Mul(decimal.NewFromInt(int64(g))))
		grp := chartGroup{Label: label, LabelShort: cut(label, 8),
			X: px(left.Add(groupW.Div(decimal.NewFromInt(2)))), Y: pxi(c.PlotY + c.PlotH + 18)}
		for s, v := range d.values[g] {
			if v == nil {
				continue
			}
			h := v.Mul(plotH).Div(top)
			x := left.Add(inset).Add(barW.Mul(decimal.NewFromInt(int64(s))))
			y := decimal.NewFromInt(int64(c.PlotY + c.PlotH)).Sub(h)
			grp.Bars = append(grp.Bars, newBar(d, g, s, *v, x, y, barW, h, x.Add(barW.Div(decimal.NewFromInt(2))), y.Sub(decimal.NewFromInt(4))))
		}
		c.Groups = append(c.Groups, grp)
	}
	return c
}

// layoutRows draws d (one series) as rows: a bar per group, its label on
// the left.
func layoutRows(d chartData) chart {
	c := chart{ID: d.id, Title: d.title, Unit: d.unit, Series: d.series, Note: d.note, Horizontal: true,
		PlotX: rowLeft, PlotY: rowTop, PlotW: rowBarWidth, PlotH: rowHeight * len(d.labels)}
	c.Width = rowLeft + rowBarWidth + 80
	c.Height = rowTop + c.PlotH + rowBottom
	c.edges()
	top := niceMax(maxValue(d.values))
	plotW := decimal.NewFromInt(int64(c.PlotW))
	for i := 0; i <= 4; i++ {
		v := top.Mul(decimal.NewFromInt(int64(i))).Div(decimal.NewFromInt(4))
		x := decimal.NewFromInt(int64(c.PlotX)).Add(plotW.Mul(decimal.NewFromInt(int64(i))).Div(decimal.NewFromInt(4)))
		c.Ticks = append(c.Ticks, chartTick{Label: groupDigits(v.String()), Pos: px(x)})
	}
	barH := decimal.NewFromInt(rowHeight - 6)
	for g, label := range d.labels {
		y := decimal.NewFromInt(int64(c.PlotY + g*rowHeight + 3))
		grp := chartGroup{Label: label, LabelShort: cut(label, 16), X: pxi(c.PlotX - 8), Y: px(y.Add(decimal.NewFromInt(12)))}
		if d.short != nil && d.short[g] != "" {
			grp.LabelShort = cut(d.short[g], 16)
		}
		for s, v := range d.values[g] {
			if v == nil {
				continue
			}
			w := v.Mul(plotW).Div(top)
			x := decimal.NewFromInt(int64(c.PlotX))
			grp.Bars = append(grp.Bars, newBar(d, g, s, *v, x, y, w, barH, x.Add(w).Add(decimal.NewFromInt(4)), y.Add(decimal.NewFromInt(12))))
		}
		c.Groups = append(c.Groups, grp)
	}
	return c
}

func newBar(d chartData, g, s int, v, x, y, w, h, tx, ty decimal.Decimal) chartBar {
	b := chartBar{Series: s, Value: v.String(), X: px(x), Y: px(y), W: px(w), H: px(h), TextX: px(tx), TextY: px(ty),
		Label: d.labels[g]}
	if d.links != nil {
		b.Link = d.links[g]
	}
	b.Title = d.labels[g] + "："
	if len(d.series) > 1 {
		b.SeriesTag = d.series[s]
		b.Title += d.series[s] + " "
	}
	b.Title += groupDigits(b.Value) + " " + d.unit
	return b
}

func maxValue(vs [][]*decimal.Decimal) decimal.Decimal {
	m := zero
	for _, g := range vs {
		for _, v := range g {
			if v != nil && v.GreaterThan(m) {
				m = *v
			}
		}
	}
	return m
}

// cut is s cut to n runes, with "…" when cut.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// rateBuckets are the classes of the 执行率 distribution: [lo, hi) in
// percent, the last two exactly 100 % and above it.
var rateBuckets = []struct {
	label  string
	lo, hi decimal.Decimal
}{
	{"< 50%", decimal.NewFromInt(-1 << 62), decimal.NewFromInt(50)},
	{"50–60%", decimal.NewFromInt(50), decimal.NewFromInt(60)},
	{"60–70%", decimal.NewFromInt(60), decimal.NewFromInt(70)},
	{"70–80%", decimal.NewFromInt(70), decimal.NewFromInt(80)},
	{"80–90%", decimal.NewFromInt(80), decimal.NewFromInt(90)},
	{"90–100%", decimal.NewFromInt(90), hundred},
	{"100%", hundred, hundred},
	{"> 100%", hundred, decimal.NewFromInt(1 << 62)},
}

// rateBucket is the index of the class of rate (percent).
func rateBucket(rate decimal.Decimal) int {
	switch c := rate.Cmp(hundred); {
	case c == 0:
		return 6
	case c > 0:
		return 7
	}
	for i, b := range rateBuckets[:6] {
		if rate.GreaterThanOrEqual(b.lo) && rate.LessThan(b.hi) {
			return i
		}
	}
	return 0
}

// itemFigures are the sums of the items of the reports f selects, report
// by report.
func (s *Server) itemFigures(r *http.Request, form url.Values, f corpus.Filter) ([]corpus.ReportFigures, error) {
	keep := remember[[]corpus.ReportFigures]
	if !f.Findings().OnFindings() {
		keep = rememberReports[[]corpus.ReportFigures] // the items' figures: decisions leave them
	}
	return keep(r.Context(), s, "figures?"+form.Encode(), func() ([]corpus.ReportFigures, error) {
		var out []corpus.ReportFigures
		err := s.store.EachReportFigures(r.Context(), f, func(rf corpus.ReportFigures) error {
			out = append(out, rf)
			return nil
		})
		return out, err
	})
}

type chartsView struct {
	Filter   listFilterView
	Unit     string  // the unit filter, when one is set: its charts by year
	PerUnit  []chart // budget and actual by year, findings by year
	Corpus   []chart // findings by rule, by unit; the 执行率 distribution
	Reports  int     // reports with items
	Unrated  int     // of them, without an item stating both figures
	Findings int
}

// maxUnitRows is how many units the chart of findings by unit shows.
const maxUnitRows = 20

// chartsPage: /charts — the pictures of what the lists' filter selects:
// with a unit, its budget and actual by year and its findings by year;
// always, the findings by rule and by unit and the distribution of 执行率.
func (s *Server) chartsPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	ff, err := findingFilter(v)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	st, err := s.stats(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	form := listForm(v)
	tree, err := s.unitTree(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	view := chartsView{Filter: newListFilter("/charts", form, ff, st, tree), Unit: strings.TrimPrefix(form.Get("unit"), "=")}
	figs, err := s.itemFigures(r, form, ff.Reports())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if view.Unit != "" {
		byYear, err := s.findingCounts(r.Context(), form, ff, corpus.ByYear)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		view.PerUnit = unitCharts(figs, byYear, form)
	}
	for _, by := range []string{corpus.ByRule, corpus.ByUnit} {
		counts, err := s.findingCounts(r.Context(), form, ff, by)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		if by == corpus.ByRule {
			for _, c := range counts {
				view.Findings += c.Count
			}
		}
		view.Corpus = append(view.Corpus, findingsChart(by, counts, form))
	}
	rates := rateChart(figs, form)
	view.Reports, view.Unrated = len(figs), len(figs)
	for _, g := range rates.Groups {
		for _, b := range g.Bars {
			n, _ := strconv.Atoi(b.Value)
			view.Unrated -= n
		}
	}
	view.Corpus = append(view.Corpus, rates)
	s.render(w, r, http.StatusOK, "charts", "图表", "charts", view)
}

// unitCharts: budget and actual by year (the items' sums), findings by year.
func unitCharts(figs []corpus.ReportFigures, byYear []corpus.FindingCount, form url.Values) []chart {
	type sums struct {
		b, a       decimal.Decimal
		hasB, hasA bool
	}
	years := map[int]*sums{}
	for _, f := range figs {
		if f.Year == 0 {
			continue
		}
		y := years[f.Year]
		if y == nil {
			y = &sums{}
			years[f.Year] = y
		}
		if f.Budgeted {
			y.b, y.hasB = y.b.Add(f.Budget), true
		}
		if f.Executed {
			y.a, y.hasA = y.a.Add(f.Actual), true
		}
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	money := chartData{id: "unit-budget", title: "预算与执行（各项目之和）", unit: "万元", series: []string{"预算数", "执行数"},
		note: "预算数是写明预算的项目之和，执行数是写明执行数的项目之和：未写执行数的项目不计入。"}
	for _, y := range ys {
		s := years[y]
		var vs []*decimal.Decimal
		for _, p := range []struct {
			v  decimal.Decimal
			ok bool
		}{{s.b, s.hasB}, {s.a, s.hasA}} {
			if p.ok {
				v := p.v
				vs = append(vs, &v)
			} else {
				vs = append(vs, nil)
			}
		}
		money.labels = append(money.labels, strconv.Itoa(y))
		money.links = append(money.links, link("/reports", with(form, "year", strconv.Itoa(y))))
		money.values = append(money.values, vs)
	}
	byYear = slices.Clone(byYear) // kept for other pages: sorted here on a copy
	sort.Slice(byYear, func(i, j int) bool { return byYear[i].Key < byYear[j].Key })
	finds := chartData{id: "unit-findings", title: "问题（按年度）", unit: "条", series: []string{"问题"}}
	for _, c := range byYear {
		if c.Key == "0" {
			continue
		}
		n := decimal.NewFromInt(int64(c.Count))
		finds.labels = append(finds.labels, c.Key)
		finds.links = append(finds.links, link("/findings", with(form, "year", c.Key)))
		finds.values = append(finds.values, []*decimal.Decimal{&n})
	}
	return []chart{layoutColumns(money), layoutColumns(finds)}
}

// findingsChart: the findings by rule or by unit, most first.
func findingsChart(by string, counts []corpus.FindingCount, form url.Values) chart {
	d := chartData{id: "findings-by-" + by, unit: "条", series: []string{"问题"}}
	if by == corpus.ByRule {
		d.title = "问题（按规则）"
	} else {
		d.title = "问题（按单位）"
	}
	for i, c := range counts {
		if by == corpus.ByUnit && i == maxUnitRows {
			d.note = "只列出问题最多的 " + strconv.Itoa(maxUnitRows) + " 个单位，共 " + strconv.Itoa(len(counts)) + " 个。"
			break
		}
		label, short, l := c.Key, "", ""
		switch by {
		case corpus.ByRule:
			label, short = ruleName(c.Key)+"（"+c.Key+"）", ruleName(c.Key)
			l = link("/findings", with(form, "rule", c.Key))
		case corpus.ByUnit:
			if label == "" {
				label = "（未识别单位）"
			} else {
				l = link("/findings", with(form, "unit", exactUnit(c.Key)))
			}
		}
		n := decimal.NewFromInt(int64(c.Count))
		d.labels, d.short, d.links = append(d.labels, label), append(d.short, short), append(d.links, l)
		d.values = append(d.values, []*decimal.Decimal{&n})
	}
	return layoutRows(d)
}

// rateChart: how many reports fall in each class of 执行率.
func rateChart(figs []corpus.ReportFigures, form url.Values) chart {
	counts := make([]int64, len(rateBuckets))
	for _, f := range figs {
		if r, ok := f.Rate(); ok {
			counts[rateBucket(r)]++
		}
	}
	d := chartData{id: "rates", title: "执行率分布（每份报告：执行数之和 ÷ 预算数之和）", unit: "份", series: []string{"报告"}}
	for i, b := range rateBuckets {
		n := decimal.NewFromInt(counts[i])
		d.labels = append(d.labels, b.label)
		d.values = append(d.values, []*decimal.Decimal{&n})
	}
	return layoutColumns(d)
}
