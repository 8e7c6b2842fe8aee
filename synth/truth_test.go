package synth

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/money"
)

// TestTruthAgreesWithText reads every generated file back, in every format,
// with its own small reader and the project's money parser, and checks that
// the text says exactly what truth.jsonl says: amounts, counts, sums,
// disbursement, evaluation entries and their dimensions, and that each
// planted inconsistency is there and nothing else is.
func TestTruthAgreesWithText(t *testing.T) {
	dir := t.TempDir()
	n := 330
	if testing.Short() {
		n = 110
	}
	truths, err := Generate(dir, n, Options{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	read, err := ReadTruth(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != n || len(truths) != n {
		t.Fatalf("truth.jsonl has %d entries, Generate returned %d, want %d", len(read), len(truths), n)
	}
	for i, tr := range truths {
		if tr.File != read[i].File || tr.StatedTotalWan != read[i].StatedTotalWan || len(tr.Items) != len(read[i].Items) {
			t.Fatalf("truth.jsonl entry %d differs from the returned truth", i)
		}
		data, err := os.ReadFile(filepath.Join(dir, tr.File))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range tr.Planted {
			want := severities[p.Rule]
			if p.Rule == "total-mismatch" && p.Severity == "info" {
				want = "info" // a rounding difference
			}
			// rules planted at more than one severity
			switch p.Rule + " " + p.Severity {
			case "weight-mismatch error", "weight-mismatch info", "reason-missing warning", "reason-missing info", "score-mismatch warning":
				want = p.Severity
			}
			if want == "" || p.Severity != want {
				t.Errorf("%s: plant %+v, want severity %q", tr.File, p, want)
			}
		}
		lines := decodeLines(t, tr.Format, data)
		t.Run(tr.File, func(t *testing.T) {
			switch tr.Genre {
			case GenreNarrative:
				checkNarrative(t, tr, lines)
			case GenreProjectTable:
				checkTable(t, tr, lines)
			default:
				t.Fatalf("genre %q", tr.Genre)
			}
		})
	}
}

var (
	budgetWords  = []string{"预算金额", "预算资金", "下达资金"}
	subRE        = regexp.MustCompile(`共计(\d+)[个各]项目`)
	overviewRE   = regexp.MustCompile(`(?:共计|共实施项目|共)(\d+)个[，、](?:预算总金额为|资金总额|下达资金总额)`)
	countMention = regexp.MustCompile(`(\d+)个专项工作|年度(\d+)个项目中`)
	claimRE      = regexp.MustCompile(`全部按预算实施验收完毕|全部按预算实施完毕并验收合格|均已全部按预算实施完毕`)
	evalMarkRE   = regexp.MustCompile(`^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+\.|（\d+）)`)
	dimRE        = regexp.MustCompile(`^(\d+、|（\d+）|\d+\.)(项目立项|资金落实|业务管理|项目产出|项目效益)`)
)

var dimByLabel = map[string]string{"项目立项": "立项", "资金落实": "资金落实", "业务管理": "业务管理", "项目产出": "产出", "项目效益": "效益"}

func wan(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("truth amount %q: %v", s, err)
	}
	return d
}

func plantOf(tr Truth, rule string) []Plant {
	var out []Plant
	for _, p := range tr.Planted {
		if p.Rule == rule {
			out = append(out, p)
		}
	}
	return out
}

func plantedItems(tr Truth, rule string) []int {
	var out []int
	for _, p := range plantOf(tr, rule) {
		out = append(out, p.Items...)
	}
	slices.Sort(out)
	return out
}

func checkNarrative(t *testing.T, tr Truth, lines []string) {
	plain := make([]string, len(lines))
	norm := make([]string, len(lines))
	for i, l := range lines {
		plain[i] = plainLine(l)
		norm[i] = NormalizeName(plain[i])
	}
	joined := strings.Join(norm, "")

	// title
	if !strings.Contains(joined, tr.Title) {
		t.Errorf("title %q not in text", tr.Title)
	}

	// stated total and count, read from the whole text (the sentence may be
	// broken across lines; layout breaks never split a figure)
	loc := overviewRE.FindStringSubmatchIndex(joined)
	if loc == nil {
		t.Fatalf("no 项目概况 sentence")
	}
	ms := money.Find(joined[loc[1]:])
	if len(ms) == 0 || ms[0].Start != 0 || ms[0].Err != nil {
		t.Fatalf("stated total not read after %q", joined[loc[0]:loc[1]])
	}
	stated := ms[0].Amount
	if !stated.Wan.Equal(wan(t, tr.StatedTotalWan)) {
		t.Errorf("stated total reads %s, truth %s", stated.Wan, tr.StatedTotalWan)
	}
	if c := joined[loc[2]:loc[3]]; c != strconv.Itoa(tr.StatedCount) {
		t.Errorf("stated count %s, truth %d", c, tr.StatedCount)
	}
	for _, m := range countMention.FindAllStringSubmatch(joined, -1) {
		if c := m[1] + m[2]; c != strconv.Itoa(tr.StatedCount) {
			t.Errorf("count mentioned as %s, stated %d", c, tr.StatedCount)
		}
	}

	// items
	sum, tol := decimal.Zero, stated.HalfUlp()
	subs := 0
	var none, partial, exceeds []int
	names := map[string]int{}
	for _, it := range tr.Items {
		names[it.Name] = it.Seq
		at := -1
		for i, l := range norm {
			if (strings.Contains(l, it.Name+"：") || strings.Contains(l, it.Name+":")) && containsAny(l, budgetWords) {
				if at >= 0 {
					t.Fatalf("item %d %q listed twice", it.Seq, it.Name)
				}
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("item %d %q not found", it.Seq, it.Name)
		}
		ms := money.Find(plain[at])
		if len(ms) == 0 || ms[0].Err != nil {
			t.Fatalf("item %d: no budget in %q", it.Seq, plain[at])
		}
		budget := ms[0].Amount
		if !budget.Wan.Equal(wan(t, it.BudgetWan)) {
			t.Errorf("item %d budget reads %s (%q), truth %s", it.Seq, budget.Wan, budget.Raw, it.BudgetWan)
		}
		sum = sum.Add(budget.Wan)
		tol = tol.Add(budget.HalfUlp())
		isNone := strings.Contains(norm[at], "未拨付") || strings.Contains(norm[at], "未支出")
		if isNone != (it.Disbursement == DisbursedNone) {
			t.Errorf("item %d: 未拨付 written %v, disbursement %s", it.Seq, isNone, it.Disbursement)
		}
		if it.ActualWan == "" {
			if len(ms) != 1 {
				t.Errorf("item %d: %d amounts, truth has no actual", it.Seq, len(ms))
			}
			if isNone {
				none = append(none, it.Seq)
			} else if it.Disbursement != DisbursedUnknown {
				t.Errorf("item %d: no actual written but disbursement %s", it.Seq, it.Disbursement)
			}
		} else {
			if len(ms) != 2 {
				t.Fatalf("item %d: %d amounts, want budget and actual: %q", it.Seq, len(ms), plain[at])
			}
			actual := ms[1].Amount
			if !actual.Wan.Equal(wan(t, it.ActualWan)) {
				t.Errorf("item %d actual reads %s, truth %s", it.Seq, actual.Wan, it.ActualWan)
			}
			margin := actual.HalfUlp().Add(budget.HalfUlp())
			diff := actual.Wan.Sub(budget.Wan)
			switch {
			case diff.IsZero():
				if it.Disbursement != DisbursedFull {
					t.Errorf("item %d: actual = budget but disbursement %s", it.Seq, it.Disbursement)
				}
			case diff.IsNegative():
				partial = append(partial, it.Seq)
				if it.Disbursement != DisbursedPartial {
					t.Errorf("item %d: actual < budget but disbursement %s", it.Seq, it.Disbursement)
				}
			default:
				exceeds = append(exceeds, it.Seq)
			}
			if !diff.IsZero() && diff.Abs().LessThanOrEqual(margin) {
				t.Errorf("item %d: actual and budget differ by %s, within rounding %s", it.Seq, diff, margin)
			}
		}
		sub := 1
		if m := subRE.FindStringSubmatch(norm[at]); m != nil {
			sub, _ = strconv.Atoi(m[1])
		}
		if sub != it.Subprojects {
			t.Errorf("item %d: %d sub-projects written, truth %d", it.Seq, sub, it.Subprojects)
		}
		subs += it.Subprojects
	}
	if got := plantedItems(tr, "not-disbursed"); !slices.Equal(got, none) {
		t.Errorf("未拨付 items %v, planted not-disbursed %v", none, got)
	}
	if got := plantedItems(tr, "underspent"); !slices.Equal(got, partial) {
		t.Errorf("underspent items %v, planted %v", partial, got)
	}
	if got := plantedItems(tr, "actual-exceeds-budget"); !slices.Equal(got, exceeds) {
		t.Errorf("exceeding items %v, planted %v", exceeds, got)
	}

	// sums and counts
	diff := stated.Wan.Sub(sum)
	rounding := tr.Has("total-mismatch") && plantOf(tr, "total-mismatch")[0].Severity == "info"
	switch {
	case rounding:
		if diff.IsZero() || diff.Abs().GreaterThan(stated.HalfUlp()) {
			t.Errorf("planted rounding: difference %s, stated half-ulp %s", diff, stated.HalfUlp())
		}
	case tr.Has("total-mismatch"):
		if diff.Abs().LessThanOrEqual(tol) {
			t.Errorf("planted total-mismatch: difference %s within rounding %s", diff, tol)
		}
		p := plantOf(tr, "total-mismatch")[0]
		if p.Stated != tr.StatedTotalWan || !wan(t, p.Computed).Equal(sum) {
			t.Errorf("total-mismatch plant %+v, sum %s", p, sum)
		}
	default:
		if !diff.IsZero() {
			t.Errorf("stated total %s ≠ sum %s", stated.Wan, sum)
		}
	}
	if (subs != tr.StatedCount) != tr.Has("count-mismatch") {
		t.Errorf("sub-projects sum to %d, stated %d, count-mismatch planted %v", subs, tr.StatedCount, tr.Has("count-mismatch"))
	}

	// claim
	if claimRE.MatchString(joined) != tr.Claim {
		t.Errorf("claim written %v, truth %v", claimRE.MatchString(joined), tr.Claim)
	}
	if tr.Claim && (len(partial) > 0 || len(exceeds) > 0) {
		t.Errorf("a claim next to partial or exceeding items is ambiguous and must not be generated")
	}
	if got := plantedItems(tr, "claim-contradicted"); tr.Claim && !slices.Equal(got, none) || !tr.Claim && got != nil {
		t.Errorf("claim %v, 未拨付 %v, claim-contradicted planted %v", tr.Claim, none, got)
	}

	// evaluation section
	start, end := -1, len(norm)
	for i, l := range norm {
		switch l {
		case "二、绩效目标实现情况", "三、项目绩效自评情况":
			start = i
		case "三、绩效目标设定质量情况", "四、存在的问题及整改措施":
			if start >= 0 && end == len(norm) {
				end = i
			}
		}
	}
	if start < 0 {
		t.Fatalf("no evaluation section")
	}
	type entry struct {
		heading string
		dims    []string
	}
	var entries []entry
	for _, l := range norm[start+1 : end] {
		if m := dimRE.FindStringSubmatch(l); m != nil {
			if len(entries) == 0 {
				t.Fatalf("dimension before any entry: %q", l)
			}
			e := &entries[len(entries)-1]
			e.dims = append(e.dims, dimByLabel[m[2]])
			continue
		}
		if loc := evalMarkRE.FindStringIndex(l); loc != nil {
			h := strings.TrimRight(l[loc[1]:], "：:")
			entries = append(entries, entry{heading: h})
		}
	}
	byHeading := map[string]entry{}
	for _, e := range entries {
		if _, dup := byHeading[e.heading]; dup {
			t.Fatalf("evaluation heading %q twice", e.heading)
		}
		byHeading[e.heading] = e
	}
	evaluated := 0
	var unevaluated []int
	listedNames := make([]string, len(tr.Items))
	for i, it := range tr.Items {
		listedNames[i] = it.Name
	}
	listed := newNameSet(listedNames)
	for _, it := range tr.Items {
		if it.Evaluation == "" {
			unevaluated = append(unevaluated, it.Seq)
			continue
		}
		evaluated++
		e, ok := byHeading[it.Evaluation]
		if !ok {
			t.Errorf("item %d: evaluation %q not found among %d entries", it.Seq, it.Evaluation, len(entries))
			continue
		}
		if !slices.Equal(e.dims, it.Dimensions) {
			t.Errorf("item %d: dimensions written %v, truth %v", it.Seq, e.dims, it.Dimensions)
		}
		if it.Evaluation != it.Name && !listed.nearestIs(it.Evaluation, it.Name) {
			t.Errorf("item %d: heading %q is not clearly nearest its own name %q", it.Seq, it.Evaluation, it.Name)
		}
	}
	var extras []string
	for _, p := range plantOf(tr, "unmatched-item") {
		if p.Detail != "" {
			extras = append(extras, p.Detail)
			if _, ok := byHeading[p.Detail]; !ok {
				t.Errorf("planted unmatched entry %q not found", p.Detail)
			}
			if _, listed := names[p.Detail]; listed {
				t.Errorf("planted unmatched entry %q is a listed name", p.Detail)
			}
		}
	}
	if len(entries) != evaluated+len(extras) {
		t.Errorf("%d evaluation entries, want %d evaluated items + %d unmatched", len(entries), evaluated, len(extras))
	}
	if got := plantedItems(tr, "unmatched-item"); !slices.Equal(got, unevaluated) {
		t.Errorf("unevaluated items %v, planted unmatched-item %v", unevaluated, got)
	}
	var short []int
	for _, it := range tr.Items {
		if it.Evaluation != "" && len(it.Dimensions) < len(Dimensions) {
			short = append(short, it.Seq)
		}
	}
	if got := plantedItems(tr, "missing-dimension"); !slices.Equal(got, short) {
		t.Errorf("items lacking dimensions %v, planted missing-dimension %v", short, got)
	}

	// a report that plants nothing is consistent in every respect
	if len(tr.Planted) == 0 {
		if !diff.IsZero() || subs != tr.StatedCount || len(none)+len(partial)+len(exceeds) > 0 ||
			len(unevaluated) > 0 || len(extras) > 0 || len(short) > 0 {
			t.Errorf("report plants nothing but is not consistent")
		}
	}
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// checkTable reads the pipe rows of a project table back and checks the
// funds block, the indicators and the planted table rules.
func checkTable(t *testing.T, tr Truth, lines []string) {
	var rows [][]string
	for _, l := range lines {
		if cells, ok := cellsOf(l); ok {
			rows = append(rows, cells)
		}
	}
	find := func(pred func([]string) bool) []string {
		for _, r := range rows {
			if pred(r) {
				return r
			}
		}
		return nil
	}
	if r := find(func(r []string) bool { return r[0] == "项目名称" }); r == nil || NormalizeName(r[1]) != tr.Items[0].Name {
		t.Errorf("项目名称 row %v, truth %q", r, tr.Items[0].Name)
	}
	if r := find(func(r []string) bool { return slices.Contains(r, tr.Unit) }); r == nil {
		t.Errorf("实施单位 %q not found", tr.Unit)
	}
	head := find(func(r []string) bool { return len(r) > 2 && strings.Contains(strings.Join(r, ""), "执行率") })
	if head == nil {
		t.Fatalf("no funds header")
	}
	col := map[string]int{}
	for i, h := range head {
		switch {
		case strings.HasPrefix(h, "年初预算"):
			col["initial"] = i
		case strings.HasPrefix(h, "全年预算数"), h == "调整后预算数":
			col["budget"] = i
		case strings.HasPrefix(h, "全年执行数"), h == "预算执行数":
			col["executed"] = i
		case h == "分值", h == "权重":
			col["weight"] = i
		case strings.Contains(h, "执行率"):
			col["rate"] = i
		case h == "得分":
			col["score"] = i
		}
	}
	cell := func(r []string, key string) string {
		i, ok := col[key]
		if !ok || i >= len(r) {
			return ""
		}
		v := strings.TrimSuffix(r[i], "%")
		switch v {
		case "", "-", "/":
			return ""
		}
		return canonical(v)
	}
	type fund struct{ initial, budget, executed decimal.Decimal }
	var funds []fund
	var scoreDecimals int
	var rate, weight, score decimal.Decimal
	for k, f := range tr.Funds {
		r := find(func(r []string) bool { return len(r) > 2 && r[1] == f.Row })
		if r == nil {
			t.Fatalf("fund row %q not found", f.Row)
		}
		got := TruthFund{Row: f.Row, InitialWan: cell(r, "initial"), BudgetWan: cell(r, "budget"), ExecutedWan: cell(r, "executed"),
			Weight: cell(r, "weight"), Rate: cell(r, "rate"), Score: cell(r, "score")}
		if got != f {
			t.Errorf("fund row reads %+v, truth %+v", got, f)
		}
		dz := func(s string) decimal.Decimal {
			if s == "" {
				return decimal.Zero
			}
			return wan(t, s)
		}
		funds = append(funds, fund{dz(f.InitialWan), dz(f.BudgetWan), dz(f.ExecutedWan)})
		if k == 0 {
			rate, weight, score = wan(t, f.Rate), wan(t, f.Weight), wan(t, f.Score)
			scoreDecimals = decimalsOf(r[col["score"]])
		}
	}
	total := funds[0]
	if !total.budget.Equal(wan(t, tr.StatedTotalWan)) || !total.budget.Equal(wan(t, tr.Items[0].BudgetWan)) || !total.executed.Equal(wan(t, tr.Items[0].ActualWan)) {
		t.Errorf("total row %+v, truth stated %s item %+v", total, tr.StatedTotalWan, tr.Items[0])
	}
	var comp fund
	for _, f := range funds[1:] {
		comp.initial, comp.budget, comp.executed = comp.initial.Add(f.initial), comp.budget.Add(f.budget), comp.executed.Add(f.executed)
	}
	composed := comp.budget.Equal(total.budget) && comp.executed.Equal(total.executed) && comp.initial.Equal(total.initial)
	if composed == tr.Has("composition-mismatch") {
		t.Errorf("components sum to %+v, total %+v, composition-mismatch planted %v", comp, total, tr.Has("composition-mismatch"))
	}
	exact := total.executed.Mul(decimal.NewFromInt(100)).Div(total.budget)
	rateOK := rate.Sub(exact).Abs().LessThanOrEqual(halfUlpOf(rate.String()))
	if rateOK == tr.Has("rate-mismatch") {
		t.Errorf("rate %s, exact %s, rate-mismatch planted %v", rate, exact, tr.Has("rate-mismatch"))
	}
	if (total.executed.LessThan(total.budget)) != tr.Has("underspent") {
		t.Errorf("executed %s of %s, underspent planted %v", total.executed, total.budget, tr.Has("underspent"))
	}
	// indicators
	sumScores, applicable := score, weight
	var nInd int
	na := false
	notes := map[string]decimal.Decimal{} // （N分） of each 一级 header
	sums := map[string]decimal.Decimal{}
	for _, r := range rows {
		if len(r) >= 9 && r[0] == "" && strings.HasSuffix(headerNote.ReplaceAllString(r[1], ""), "指标") && strings.HasSuffix(r[2], "指标") {
			in := tr.Indicators[nInd]
			if r[3] != in.Level3 || !slices.Contains(r, in.Weight) || !slices.Contains(r, in.Target) {
				t.Errorf("indicator row %v, truth %+v", r, in)
			}
			if m := headerNote.FindStringSubmatch(r[1]); m != nil {
				notes[in.Level1] = wan(t, m[1])
			}
			if in.Weight != "" {
				sums[in.Level1] = sums[in.Level1].Add(wan(t, in.Weight))
			}
			switch {
			case in.Actual == "不适用":
				na = true
			case in.Score != "":
				sumScores = sumScores.Add(wan(t, in.Score))
				applicable = applicable.Add(wan(t, in.Weight))
			}
			nInd++
		}
	}
	if nInd != len(tr.Indicators) {
		t.Errorf("%d indicator rows, truth %d", nInd, len(tr.Indicators))
	}
	wantTotal := sumScores
	if na && !tr.HasAt("score-mismatch", "warning") {
		wantTotal = sumScores.Mul(decimal.NewFromInt(100)).DivRound(applicable, int32(scoreDecimals))
	}
	notesOK := true
	for l1, n := range notes {
		notesOK = notesOK && n.Equal(sums[l1])
	}
	if notesOK == tr.HasAt("weight-mismatch", "error") {
		t.Errorf("header weights %v, rows %v, weight-mismatch planted %v", notes, sums, tr.HasAt("weight-mismatch", "error"))
	}
	if g := find(func(r []string) bool { return r[0] == "自评等级" }); g != nil {
		ts := wan(t, tr.TotalScore)
		band := map[bool]string{true: "优"}[ts.GreaterThanOrEqual(decimal.NewFromInt(90))]
		switch {
		case band != "":
		case ts.GreaterThanOrEqual(decimal.NewFromInt(80)):
			band = "良"
		case ts.GreaterThanOrEqual(decimal.NewFromInt(60)):
			band = "中"
		default:
			band = "差"
		}
		stated := map[string]string{"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "合格": "中", "差": "差", "不合格": "差"}[g[1]]
		if (stated == band) == tr.Has("grade-mismatch") {
			t.Errorf("grade %s for a total of %s, grade-mismatch planted %v", g[1], ts, tr.Has("grade-mismatch"))
		}
	} else if tr.Has("grade-mismatch") {
		t.Errorf("grade-mismatch planted, no 自评等级 row")
	}
	scoreOK := score.Equal(weight.Mul(rate).DivRound(decimal.NewFromInt(100), int32(scoreDecimals))) &&
		score.Equal(weight.Mul(total.executed).DivRound(total.budget, int32(scoreDecimals))) &&
		wantTotal.Equal(wan(t, tr.TotalScore))
	if scoreOK == tr.HasAt("score-mismatch", "error") {
		t.Errorf("score %s (weight %s, rate %s), total %s of %s, score-mismatch planted %v", score, weight, rate, tr.TotalScore, sumScores, tr.Has("score-mismatch"))
	}
	if r := find(func(r []string) bool { return r[0] == "总分" || r[0] == "合计" }); r == nil || !slices.Contains(r, canonicalFixed(tr.TotalScore, scoreDecimals)) {
		t.Errorf("total score row %v, truth %s", r, tr.TotalScore)
	}
}

// headerNote is the （N分） of a 一级 header.
var headerNote = regexp.MustCompile(`（(\d+)分）`)

func canonicalFixed(s string, decimals int) string {
	d, _ := decimal.NewFromString(s)
	return d.StringFixed(int32(decimals))
}
