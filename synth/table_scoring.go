package synth

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The scoring of a project table as a 财政局 reviewer checks it: indicator
// scores that follow from completion, weights that make the （N分） of their
// 一级 headers, reasons where a target was missed, a grade that fits the
// total, no template rows, and not-applicable rows scored over the others.
// A consistent table satisfies all of it; a planted inconsistency breaks one
// of them, with its ground truth.

// scoringRules are the scoring inconsistencies planted in project tables.
var scoringRules = []ruleWeight{
	{"indicator-score-mismatch", 12},
	{"weight-mismatch", 10},
	{"reason-missing", 10},
	{"grade-mismatch", 10},
	{"placeholder", 8},
	{"not-applicable", 8}, // a 不适用 row with a 总分 not rescaled: score-mismatch warning
}

var targetFigure = regexp.MustCompile(`^(≥|≤)?(\d+(?:\.\d+)?)(.*)$`)

// shortRow makes a row that missed its target and scores s of w, exactly as
// completion gives it: a 正向 target N with actual N·s/w, a 反向 one with
// actual N·w/s, when that is written with at most two decimals; otherwise a
// count of w·k against one of s·k. A qualitative row says it was only partly
// reached.
func shortRow(in *TruthIndicator, w, s int64) {
	m := targetFigure.FindStringSubmatch(in.Target)
	if m == nil {
		in.Actual = "基本" + in.Actual // partly: not 达成
		return
	}
	n := decimal.RequireFromString(m[2])
	W, S := decimal.NewFromInt(w), decimal.NewFromInt(s)
	var a decimal.Decimal
	if m[1] == "≤" {
		a = n.Mul(W).Div(S)
	} else {
		a = n.Mul(S).Div(W)
	}
	exact := a.Round(2).Equal(a) && (m[1] == "≤" && a.Mul(S).Equal(n.Mul(W)) || m[1] != "≤" && a.Mul(W).Equal(n.Mul(S)))
	if n.IsPositive() && exact {
		in.Actual = a.String() + m[3]
		return
	}
	k := int64(3)
	unit := m[3]
	if unit == "%" || unit == "" {
		unit = "个"
	}
	in.Target = "≥" + strconv.FormatInt(w*k, 10) + unit
	in.Actual = strconv.FormatInt(s*k, 10) + unit
}

// planScoring plants the scoring inconsistencies chosen and writes what a
// consistent table states: grades, header weights, reasons.
func (t *tableReport) planScoring(r rng, rules map[string]bool, fundWeight int64, fundRate decimal.Decimal) {
	// header weights: declared on some tables, one of them wrong when planted
	groups := t.groupWeights()
	if rules["weight-mismatch"] || r.chance(0.3) {
		t.level1Notes = map[string]string{}
		wrong := ""
		if rules["weight-mismatch"] {
			wrong = pick(r, []string{"产出指标", "效益指标"})
		}
		for _, g := range groups {
			n := g.w
			if g.level1 == wrong {
				d := int64(r.between(1, 5))
				if r.chance(0.5) && n > d {
					d = -d
				}
				n += d
				t.planted = append(t.planted, Plant{Rule: "weight-mismatch", Severity: "error", Items: []int{1},
					Stated: strconv.FormatInt(n, 10), Computed: strconv.FormatInt(g.w, 10), Detail: g.level1})
			}
			t.level1Notes[g.level1] = "（" + strconv.FormatInt(n, 10) + "分）"
		}
	}
	// the split, when not the usual one, is told (info)
	usual := fundWeight == 10 && len(groups) == 3
	for _, g := range groups {
		u, ok := map[string]int64{"产出指标": 50, "效益指标": 30, "满意度指标": 10}[g.level1]
		usual = usual && ok && u == g.w
	}
	if !usual {
		t.planted = append(t.planted, Plant{Rule: "weight-mismatch", Severity: "info", Items: []int{1}, Detail: "分值结构"})
	}

	// an indicator score that completion does not give
	if rules["indicator-score-mismatch"] {
		var full []int
		for i, in := range t.indicators {
			if in.Score == in.Weight && in.Weight != "" && targetFigure.MatchString(in.Target) {
				full = append(full, i)
			}
		}
		if len(full) > 0 {
			in := &t.indicators[pick(r, full)]
			w, _ := strconv.ParseInt(in.Weight, 10, 64)
			s := w + int64(r.between(1, 3)) // over the weight: always an error
			if w > 2 && r.chance(0.5) {
				s = w - int64(r.between(1, 2)) // under it with the target met
				in.Reason = pick(r, deviationReasons)
			}
			t.planted = append(t.planted, Plant{Rule: "indicator-score-mismatch", Severity: "error", Items: []int{1},
				Stated: strconv.FormatInt(s, 10), Detail: in.Level3})
			in.Score = strconv.FormatInt(s, 10)
		}
	}

	// a row short of its target without a reason: empty (warning) or 无 (info)
	if rules["reason-missing"] {
		var cand []int
		for i, in := range t.indicators {
			if w, _ := strconv.ParseInt(in.Weight, 10, 64); w > 2 && in.Score == in.Weight {
				cand = append(cand, i)
			}
		}
		if len(cand) > 0 {
			in := &t.indicators[pick(r, cand)]
			w, _ := strconv.ParseInt(in.Weight, 10, 64)
			s := w - int64(r.between(1, 2))
			in.Score = strconv.FormatInt(s, 10)
			shortRow(in, w, s)
			sev := "warning"
			in.Reason = ""
			if r.chance(0.4) {
				sev, in.Reason = "info", pick(r, []string{"无", "暂无", "—"})
			}
			t.planted = append(t.planted, Plant{Rule: "reason-missing", Severity: sev, Items: []int{1}, Detail: in.Level3})
		}
	}
	// 执行率 under 90 % needs a reason somewhere in the table: one is given,
	// or its absence planted
	if fundRate.LessThan(decimal.NewFromInt(90)) && !t.anyReason() {
		if rules["reason-missing"] || r.chance(0.3) {
			t.planted = append(t.planted, Plant{Rule: "reason-missing", Severity: "warning", Items: []int{1}, Detail: "执行率"})
		} else {
			t.indicators[0].Reason = pick(r, []string{"部分资金尚未到结算期，年底前未支付", "项目尾款待验收后支付"})
		}
	}

	// a template row left in
	if rules["placeholder"] {
		last := t.indicators[len(t.indicators)-1]
		t.indicators = append(t.indicators, TruthIndicator{Level1: last.Level1, Level2: last.Level2,
			Level3: pick(r, []string{"指标2", "指标3"}), Target: pick(r, []string{"XX", "××"}), Actual: pick(r, []string{"XX", "××"})})
		t.planted = append(t.planted, Plant{Rule: "placeholder", Severity: "info", Items: []int{1}})
	}

	// a row not applicable: the total rescaled over the others, or not
	// (planted)
	if !rules["score-mismatch"] && (rules["not-applicable"] || r.chance(0.05)) {
		var cand []int
		for i, in := range t.indicators {
			if in.Level1 == "产出指标" && in.Score == in.Weight && in.Weight != "" && in.Reason == "" {
				cand = append(cand, i)
			}
		}
		if len(cand) > 1 {
			i := pick(r, cand)
			t.indicators[i].Actual, t.indicators[i].Score = "不适用", "" // the cell says 不适用; no score read
			t.naIndex = i + 1
			t.naPlain = rules["not-applicable"]
		}
	}
}

type groupWeight struct {
	level1 string
	w      int64
}

func (t *tableReport) groupWeights() []groupWeight {
	var gs []groupWeight
	for _, in := range t.indicators {
		w, _ := strconv.ParseInt(in.Weight, 10, 64)
		if n := len(gs); n > 0 && gs[n-1].level1 == in.Level1 {
			gs[n-1].w += w
			continue
		}
		gs = append(gs, groupWeight{in.Level1, w})
	}
	return gs
}

func (t *tableReport) anyReason() bool {
	for _, in := range t.indicators {
		if s := strings.TrimSpace(in.Reason); s != "" && s != "无" && s != "暂无" && s != "—" {
			return true
		}
	}
	return false
}

// total is the 总分 the table states: the fund row's score and the
// indicators', rescaled over the applicable weights when a row is not
// applicable (unless naPlain plants the plain sum), to sd decimals.
func (t *tableReport) total(fundScore decimal.Decimal, fundWeight int64, sd int32) decimal.Decimal {
	sum, applicable := fundScore, decimal.NewFromInt(fundWeight)
	for _, in := range t.indicators {
		if in.Weight == "" || in.Score == "" {
			continue
		}
		v, _ := decimal.NewFromString(in.Score)
		w, _ := decimal.NewFromString(in.Weight)
		sum = sum.Add(v)
		applicable = applicable.Add(w)
	}
	if t.naIndex == 0 || t.naPlain {
		return sum
	}
	return sum.Mul(decimal.NewFromInt(100)).DivRound(applicable, sd)
}

// planGrade states a grade on some tables: the band of the total, or
// another one when planted.
func (t *tableReport) planGrade(r rng, rules map[string]bool, total decimal.Decimal) {
	if !rules["grade-mismatch"] && !r.chance(0.3) {
		return
	}
	bands := []string{"优", "良", "中", "差"}
	words := map[string][]string{"优": {"优", "优秀"}, "良": {"良", "良好"}, "中": {"中", "合格"}, "差": {"差", "不合格"}}
	band := "差"
	switch {
	case total.GreaterThanOrEqual(decimal.NewFromInt(90)):
		band = "优"
	case total.GreaterThanOrEqual(decimal.NewFromInt(80)):
		band = "良"
	case total.GreaterThanOrEqual(decimal.NewFromInt(60)):
		band = "中"
	}
	if rules["grade-mismatch"] {
		var others []string
		for _, b := range bands {
			if b != band {
				others = append(others, b)
			}
		}
		band = pick(r, others)
		t.planted = append(t.planted, Plant{Rule: "grade-mismatch", Severity: "error", Items: []int{1}, Stated: band, Computed: total.String()})
	}
	t.grade = pick(r, words[band])
}
