package synth

import (
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// tableRules are the rules planted in project-table reports, with weights.
var tableRules = []ruleWeight{
	{"underspent", 40},
	{"rate-mismatch", 20},
	{"score-mismatch", 20},
	{"composition-mismatch", 20},
}

// fundRow is a row of the funds block; amounts in fen.
type fundRow struct {
	label                     string
	initial, budget, executed int64
	zero                      bool   // a component row with nothing in it
	weight, rate, score       string // as written (86.20 for 86.20%); "" when blank
}

// tableLayout is one of the layouts seen in published tables.
type tableLayout struct {
	title      string
	amountHead []string // column heads of the funds block after the row label
	initial    bool     // has a 年初预算数 column
	rateFirst  bool     // 执行率 before 分值/权重 (the 青神 layout)
	labels     []string // total row, then components
	blank      string   // how an empty component cell is written
}

var tableLayouts = []tableLayout{
	{title: "项目支出绩效自评表", amountHead: []string{"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"}, initial: true,
		labels: []string{"年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"}, blank: ""},
	{title: "绩效目标自评表", amountHead: []string{"全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"},
		labels: []string{"年度资金总额：", "其中：本年财政拨款", "上年结转资金", "其他资金"}, blank: "-"},
	{title: "部门预算项目支出绩效自评表", amountHead: []string{"年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"}, initial: true, rateFirst: true,
		labels: []string{"总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"}, blank: "0.00"},
}

type indicatorChoice struct{ name, target, actual string }

var indicatorPool = map[string][]indicatorChoice{
	"数量指标":      {{"补助发放户数", "≥30户", "32户"}, {"项目完成数量", "1个", "1个"}, {"覆盖行政村数", "≥10个", "12个"}, {"培训人次", "≥200人次", "236人次"}, {"发放人数", "≥50人", "58人"}},
	"质量指标":      {{"资金发放准确率", "100%", "100%"}, {"工程验收合格率", "100%", "100%"}, {"补助对象认定准确率", "100%", "100%"}},
	"时效指标":      {{"资金拨付及时率", "100%", "100%"}, {"项目完成及时率", "100%", "100%"}},
	"成本指标":      {{"预算控制率", "≤100%", "100%"}, {"成本节约率", "≥0%", "0%"}},
	"经济效益指标":    {{"带动农户增收", "≥5%", "6%"}, {"村集体经济收入", "增加", "增加"}},
	"社会效益指标":    {{"受益人口数量", "≥500人", "560人"}, {"群众政策知晓率", "≥90%", "95%"}},
	"生态效益指标":    {{"农村人居环境改善", "明显改善", "明显改善"}},
	"可持续影响指标":   {{"长效管护机制", "健全", "健全"}, {"项目持续发挥作用年限", "≥5年", "5年"}},
	"服务对象满意度指标": {{"服务对象满意度", "≥90%", "95%"}, {"受益群众满意度", "≥90%", "96%"}},
}

var deviationReasons = []string{"受天气影响，部分工程进度滞后", "部分补助资金尚未发放到户", "项目验收时间推迟", "个别指标完成值低于预期"}

// tableReport is the content of a 项目支出绩效自评表.
type tableReport struct {
	u          *unit
	year       int
	e          *entry
	name       string
	layout     tableLayout
	supervisor string
	person     string
	rows       []fundRow
	indicators []TruthIndicator
	totalScore string
	goal       string
	planted    []Plant
	pad        bool

	// the scoring (table_scoring.go)
	level1Notes map[string]string // （N分） written after each 一级 header
	naIndex     int               // 1-based row marked 不适用, 0 none
	naPlain     bool              // its 总分 is the plain sum, not rescaled
	grade       string            // 自评等级 stated, "" none
}

// planTable decides everything a project table says.
func planTable(u *unit, year int, opt Options, r rng) *tableReport {
	pool := eligible(u, year)
	e := pick(r, pool)
	t := &tableReport{u: u, year: year, e: e, name: nameFor(u, e, year, r), layout: tableLayouts[r.weighted(45, 35, 20)], pad: r.chance(0.6)}
	t.supervisor = pick(r, []string{"县农业农村局", u.county + "财政局", "县乡村振兴局", u.county + "农业农村局"})
	if u.kind >= kindBureau {
		t.supervisor = u.name
	}
	t.person = pick(r, []string{"王", "李", "张", "刘", "陈"}) + pick(r, []string{"宁", "伟", "芳", "军", "静", "磊"})
	t.goal = fillText(u, e, year, e.proj.purpose)
	rules := chooseRules(r, append(append([]ruleWeight(nil), tableRules...), scoringRules...), r.chance(opt.PlantShare))

	B := yearFen(e, r)
	I := B
	if t.layout.initial && r.chance(0.3) {
		I = roundFen(int64(math.Round(float64(B)*(0.7+0.3*r.Float64()))), e.precFen)
	}
	E := B
	W := int64(10)
	if r.chance(0.2) {
		W = 20
	}
	rd := pick(r, []int32{0, 2})
	sd := pick(r, []int32{0, 0, 0, 1, 2, 2})
	if rules["rate-mismatch"] && B < 5*fenPerWan {
		// on a budget of a few thousand 元 the rounding of the amounts as
		// written explains points of 执行率: no mismatch to plant
		delete(rules, "rate-mismatch")
	}
	if rules["rate-mismatch"] {
		W, sd = 10, 0
	}
	if rules["underspent"] {
		for try := 0; try < 20; try++ {
			cand := roundFen(int64(math.Round(float64(B)*(0.6+0.38*r.Float64()))), e.precFen)
			if cand >= B || !clearlyApart(cand, B, t.pad) {
				continue
			}
			if _, _, ok := rateAndScore(cand, B, W, rd, sd); ok {
				E = cand
				break
			}
		}
		if E < B {
			t.planted = append(t.planted, Plant{Rule: "underspent", Items: []int{1}})
		}
	}
	rate, score, _ := rateAndScore(E, B, W, rd, sd)
	writtenRate := rate
	if rules["rate-mismatch"] {
		exact := decimal.NewFromInt(E * 100).Div(decimal.NewFromInt(B))
		want := decimal.NewFromInt(W).Mul(exact).Div(decimal.NewFromInt(100)).Round(0)
		for _, d := range r.Perm(18) {
			delta := int64(d%9+1) * (1 - 2*int64(d/9)) // ±1 … ±9 points
			cand := rate.Add(decimal.NewFromInt(delta))
			if cand.IsNegative() || cand.GreaterThan(decimal.NewFromInt(100)) {
				continue
			}
			if decimal.NewFromInt(W).Mul(cand).Div(decimal.NewFromInt(100)).Round(0).Equal(want) {
				writtenRate = cand
				t.planted = append(t.planted, Plant{Rule: "rate-mismatch", Stated: cand.String(), Computed: exact.Round(4).String(), Detail: t.layout.labels[0]})
				break
			}
		}
	}
	writtenScore := score
	scoreMode := -1
	if rules["score-mismatch"] {
		scoreMode = r.weighted(60, 40)
		if scoreMode == 0 {
			d := decimal.NewFromInt(int64(r.between(1, 3)))
			if score.Add(d).GreaterThan(decimal.NewFromInt(W)) {
				d = d.Neg()
			}
			writtenScore = score.Add(d)
			t.planted = append(t.planted, Plant{Rule: "score-mismatch", Stated: writtenScore.String(), Computed: score.String(), Detail: t.layout.labels[0]})
		}
	}

	// components
	nComp := len(t.layout.labels) - 1
	comp := make([][3]int64, nComp) // initial, budget, executed
	split := r.weighted(70, 20, 10)
	var other int64
	if split > 0 {
		other = roundFen(int64(math.Round(float64(B)*(0.1+0.3*r.Float64()))), e.precFen)
		if other >= B {
			other = 0
		}
	}
	otherAt := 1 // 上年结转 / 财政专户
	if split == 2 {
		otherAt = nComp - 1 // 其他资金
	}
	for c, v := range [3]int64{I, B, E} {
		o := min(other, v)
		if c == 0 && otherAt == 1 {
			o = 0 // carried-over money is not in the initial budget
		}
		comp[0][c] = v - o
		comp[otherAt][c] += o
	}
	if rules["composition-mismatch"] {
		col := r.IntN(2) + 1 // budget or executed
		d := roundFen(int64(r.logUniform(2, 3)*fenPerWan), 10_000)
		if r.chance(0.5) && comp[0][col] > d {
			d = -d
		}
		comp[0][col] += d
		total := [3]int64{I, B, E}[col]
		var computed int64
		for _, c := range comp {
			computed += c[col]
		}
		t.planted = append(t.planted, Plant{Rule: "composition-mismatch", Stated: wanString(total), Computed: wanString(computed),
			Detail: t.layout.amountHead[col-boolInt(!t.layout.initial)]})
	}

	weight := strconv.FormatInt(W, 10)
	t.rows = append(t.rows, fundRow{label: t.layout.labels[0], initial: I, budget: B, executed: E,
		weight: weight, rate: writtenRate.StringFixed(rd), score: writtenScore.StringFixed(sd)})
	repeat := len(t.planted) == boolInt(E < B) && t.layout.title == "绩效目标自评表" && split == 0
	for k := 0; k < nComp; k++ {
		fr := fundRow{label: t.layout.labels[k+1], initial: comp[k][0], budget: comp[k][1], executed: comp[k][2]}
		fr.zero = fr.initial == 0 && fr.budget == 0 && fr.executed == 0
		if repeat && k == 0 {
			fr.weight, fr.rate, fr.score = weight, writtenRate.StringFixed(rd), writtenScore.StringFixed(sd)
		} else if t.layout.rateFirst && fr.budget > 0 {
			cr, _, _ := rateAndScore(fr.executed, fr.budget, W, rd, sd)
			fr.rate = cr.StringFixed(rd)
		}
		t.rows = append(t.rows, fr)
	}

	t.planIndicators(r, 100-W)
	t.planScoring(r, rules, W, writtenRate)
	total := t.total(writtenScore, W, sd)
	if scoreMode == 1 {
		d := decimal.NewFromInt(int64(r.between(1, 5)))
		if total.Add(d).GreaterThan(decimal.NewFromInt(100)) {
			d = d.Neg()
		}
		t.planted = append(t.planted, Plant{Rule: "score-mismatch", Stated: total.Add(d).String(), Computed: total.String(), Detail: "总分"})
		total = total.Add(d)
	}
	t.totalScore = total.StringFixed(sd)
	if t.naIndex > 0 && t.naPlain {
		t.planted = append(t.planted, Plant{Rule: "score-mismatch", Severity: "warning", Items: []int{1}, Stated: t.totalScore, Detail: "不适用"})
	}
	t.planGrade(r, rules, total)
	sortPlants(t.planted)
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// rateAndScore gives the 执行率 (percent, rd decimals) and the 得分 (sd
// decimals) of executed against budget with weight w; ok is false when the
// score computed from the exact ratio and from the written rate differ, so
// that a report planting nothing reads the same under either reading.
func rateAndScore(executed, budget, w int64, rd, sd int32) (rate, score decimal.Decimal, ok bool) {
	e, b := decimal.NewFromInt(executed), decimal.NewFromInt(budget)
	rate = e.Mul(decimal.NewFromInt(100)).DivRound(b, rd)
	score = decimal.NewFromInt(w).Mul(e).DivRound(b, sd)
	fromRate := decimal.NewFromInt(w).Mul(rate).DivRound(decimal.NewFromInt(100), sd)
	return rate, score, score.Equal(fromRate)
}

// clearlyApart: two table amounts differ by more than rounding of the
// figures as written could explain.
func clearlyApart(a, b int64, pad bool) bool {
	ha := halfUlpOf(tableNumber(a, pad))
	hb := halfUlpOf(tableNumber(b, pad))
	return fenToWan(abs64(a - b)).GreaterThan(ha.Add(hb).Mul(decimal.NewFromInt(2)))
}

func halfUlpOf(num string) decimal.Decimal { return decimal.New(5, int32(-(decimalsOf(num) + 1))) }

// planIndicators makes the 绩效指标 rows, weights summing to total.
func (t *tableReport) planIndicators(r rng, total int64) {
	type group struct {
		level1 string
		level2 []string
		share  int64
	}
	out := []string{"数量指标", "质量指标", "时效指标"}
	if r.chance(0.5) {
		out = append(out, "成本指标")
	}
	eff := []string{"社会效益指标"}
	if r.chance(0.5) {
		eff = append([]string{"经济效益指标"}, eff...)
	}
	if r.chance(0.2) {
		eff = append(eff, "生态效益指标")
	}
	if r.chance(0.4) {
		eff = append(eff, "可持续影响指标")
	}
	sat := total / 9
	outW := (total - sat) * 5 / 8
	groups := []group{{"产出指标", out, outW}, {"效益指标", eff, total - sat - outW}, {"满意度指标", []string{"服务对象满意度指标"}, sat}}
	for _, g := range groups {
		n := int64(len(g.level2))
		for i, l2 := range g.level2 {
			w := g.share / n
			if int64(i) < g.share%n {
				w++
			}
			c := pick(r, indicatorPool[l2])
			in := TruthIndicator{Level1: g.level1, Level2: l2, Level3: c.name, Target: c.target, Actual: c.actual, Weight: strconv.FormatInt(w, 10), Score: strconv.FormatInt(w, 10)}
			if w > 1 && r.chance(0.12) {
				s := w - int64(r.between(1, int(min(3, w-1))))
				in.Score = strconv.FormatInt(s, 10)
				in.Reason = pick(r, deviationReasons)
				shortRow(&in, w, s) // the actual that gives this score
			}
			t.indicators = append(t.indicators, in)
		}
	}
}
