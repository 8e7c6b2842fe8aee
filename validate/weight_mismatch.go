package validate

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// weight-mismatch: the 分值 of the rows of one 一级 group against the
// （N分） its header declares (产出指标（50分）). Weights are assigned, not
// measured: whole-point weights must sum exactly; weights written with
// decimals may hide half a unit each (info). Expected is the declared
// weight, Actual the rows' sum, Diff = Actual − Expected.
//
// The sum of all weights against the 合计 row is score-mismatch's. This rule
// also says, at info, which split a project table uses when it is not the
// usual 预算执行 10 / 产出 50 / 效益 30 / 满意度 10 (provinces differ: the split
// is shown, not judged), when every part of it was read and they make 100.
func init() {
	register(Rule{ID: "weight-mismatch", Name: "分值结构不符", Severity: Error,
		Summary: "一级指标下各行分值之和不等于其标题所写的（N分）；分值结构不同于 10/50/30/10 时注明（info）",
		Check:   checkWeights})
}

// weightGroup is a run of indicator rows under one 一级 header.
type weightGroup struct {
	level1   string
	declared *decimal.Decimal
	sum      decimal.Decimal
	decs     []int
	complete bool // every row has a weight
	first    extract.Indicator
}

func weightGroups(r *extract.Report) []*weightGroup {
	return groupWeights(r, func(ind extract.Indicator) (string, *decimal.Decimal) { return ind.Level1, ind.Level1Weight })
}

// level2Groups are the runs of rows under one 二级 label that declares its
// weight (a scoring form's 目标任务（15分）).
func level2Groups(r *extract.Report) []*weightGroup {
	var out []*weightGroup
	for _, g := range groupWeights(r, func(ind extract.Indicator) (string, *decimal.Decimal) {
		if ind.Level2 == "" {
			return "", nil
		}
		return ind.Level1 + "\x00" + ind.Level2, ind.Level2Weight
	}) {
		if g.declared != nil && g.level1 != "" {
			g.level1 = g.first.Level2
			out = append(out, g)
		}
	}
	return out
}

func groupWeights(r *extract.Report, key func(extract.Indicator) (string, *decimal.Decimal)) []*weightGroup {
	var gs []*weightGroup
	for _, ind := range r.Indicators {
		if ind.PartOf != 0 {
			continue
		}
		k, decl := key(ind)
		g := (*weightGroup)(nil)
		if n := len(gs); n > 0 && gs[n-1].level1 == k && sameDecl(gs[n-1].declared, decl) {
			g = gs[n-1]
		} else {
			g = &weightGroup{level1: k, declared: decl, complete: true, first: ind}
			gs = append(gs, g)
		}
		if ind.Unsure {
			g.complete = false // a row not read cell by cell
			continue
		}
		if ind.Weight == nil {
			// a row with neither 分值 nor 得分 is a template leftover, not a
			// weight unread
			g.complete = g.complete && ind.Score == nil && !ind.NotApplicable
			continue
		}
		g.sum = g.sum.Add(*ind.Weight)
		g.decs = append(g.decs, ind.Decimals["weight"])
	}
	return gs
}

func sameDecl(a, b *decimal.Decimal) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func checkWeights(r *extract.Report) []Finding {
	var out []Finding
	gs := weightGroups(r)
	for _, g := range append(append([]*weightGroup(nil), gs...), level2Groups(r)...) {
		if g.declared == nil || !g.complete || len(g.decs) == 0 || g.sum.Equal(*g.declared) {
			continue
		}
		diff := g.sum.Sub(*g.declared)
		tol := decimal.Zero
		for _, d := range g.decs {
			if d > 0 {
				tol = tol.Add(halfAtDecimals(d))
			}
		}
		sev, note := Error, ""
		if diff.Abs().LessThanOrEqual(tol) {
			sev, note = Info, "，差异在取整范围内 (rounding)"
		}
		out = append(out, Finding{Rule: "weight-mismatch", Severity: sev,
			Message: fmt.Sprintf("%s标题写作（%s分），而其下 %d 项指标分值之和为 %s，%s%s (weight-mismatch)",
				g.level1, g.declared.String(), len(g.decs), g.sum.String(), difference(diff, " 分"), note),
			Expected: dec(*g.declared), Actual: dec(g.sum), Diff: dec(diff), FigureUnit: "分",
			Items: []int{1}, Page: g.first.Page, Span: spanOf(g.first.Span)})
	}
	if fd, ok := splitFinding(r, gs); ok {
		out = append(out, fd)
	}
	return out
}

// usualSplit is the split of the 财政部 template.
var usualSplit = map[string]int64{"预算执行": 10, "产出指标": 50, "效益指标": 30, "满意度指标": 10}

// splitFinding says which split a project table uses, when it is not the usual one.
func splitFinding(r *extract.Report, gs []*weightGroup) (Finding, bool) {
	if r.Genre != extract.ProjectTable || len(gs) == 0 {
		return Finding{}, false
	}
	f := fundTotalRow(r)
	if f == nil || f.Weight == nil {
		return Finding{}, false
	}
	parts := []string{"预算执行 " + f.Weight.String()}
	total := *f.Weight
	usual := f.Weight.Equal(decimal.NewFromInt(usualSplit["预算执行"]))
	seen := map[string]bool{}
	for _, g := range gs {
		if !g.complete || g.level1 == "" || seen[g.level1] {
			return Finding{}, false // a level read twice or in part: no split to tell
		}
		seen[g.level1] = true
		w := g.sum // the split the rows make (a header that disagrees is an error above)
		total = total.Add(w)
		parts = append(parts, strings.TrimSuffix(g.level1, "指标")+" "+w.String())
		u, known := usualSplit[g.level1]
		usual = usual && known && w.Equal(decimal.NewFromInt(u))
	}
	if !total.Equal(hundredPct) || usual && len(gs) == 3 {
		return Finding{}, false
	}
	return Finding{Rule: "weight-mismatch", Severity: Info,
		Message: fmt.Sprintf("本表分值结构为 %s（合计 100），不同于通行的 预算执行 10 / 产出 50 / 效益 30 / 满意度 10；各地规定不同，仅作提示 (weight-mismatch)",
			strings.Join(parts, " / ")),
		Items: []int{1}, Page: f.Page, Span: spanOf(f.Span)}, true
}
