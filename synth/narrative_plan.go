package synth

import (
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/shopspring/decimal"
)

// Dimensions of an evaluation entry, in order.
var Dimensions = []string{"立项", "资金落实", "业务管理", "产出", "效益"}

const (
	dimOutput = 3
	dimEffect = 4
)

// item is one listed project of a narrative report.
type item struct {
	seq     int
	e       *entry
	name    string // normalised (no spaces)
	budget  written
	actual  *written // nil when no figure is written
	disb    string
	sub     int
	subTypo bool // 共计 2 各项目
	eval    int  // index into narrative.evals, -1 when not evaluated
}

// evalEntry is one entry of the evaluation section.
type evalEntry struct {
	item    int // index into items; -1 for an entry with no listed item
	heading string
	dims    [5]bool
	output  string
	effect  string
}

// narrative is the content of a narrative report before it is written out.
type narrative struct {
	u       *unit
	year    int
	items   []item
	evals   []evalEntry
	stated  written
	count   int
	claim   bool
	planted []Plant
	style   amountStyle
}

// ruleWeight is a rule that can be planted and how often, relatively.
type ruleWeight struct {
	id     string
	weight float64
}

// narrativeRules are the rules planted in narrative reports ("rounding" is
// planted as total-mismatch at severity info).
var narrativeRules = []ruleWeight{
	{"total-mismatch", 18},
	{"count-mismatch", 14},
	{"actual-exceeds-budget", 8},
	{"not-disbursed", 14},
	{"missing-dimension", 12},
	{"unmatched-item", 12},
	{"claim-contradicted", 8},
	{"underspent", 14},
	{"rounding", 5},
}

// chooseRules picks 1–3 distinct rules; the result says nothing when plant is false.
func chooseRules(r rng, rules []ruleWeight, plant bool) map[string]bool {
	chosen := map[string]bool{}
	if !plant {
		return chosen
	}
	k := r.weighted(60, 30, 10) + 1
	weights := make([]float64, len(rules))
	for i, x := range rules {
		weights[i] = x.weight
	}
	for len(chosen) < k {
		i := r.weighted(weights...)
		chosen[rules[i].id] = true
		weights[i] = 0
	}
	return chosen
}

// eligible lists the unit's entries that exist in year.
func eligible(u *unit, year int) []*entry {
	var out []*entry
	for i := range u.entries {
		e := &u.entries[i]
		if (e.from == 0 || year >= e.from) && (e.to == 0 || year <= e.to) {
			out = append(out, e)
		}
	}
	return out
}

// yearFen is the budget of an entry in a year.
func yearFen(e *entry, r rng) int64 {
	if e.fixed {
		return e.baseFen
	}
	f := 0.75 + 0.55*r.Float64()
	return roundFen(int64(math.Round(float64(e.baseFen)*f)), e.precFen)
}

// planNarrative decides everything a narrative report says.
func planNarrative(u *unit, year int, opt Options, r rng) *narrative {
	nr := &narrative{u: u, year: year, style: newAmountStyle(r)}
	pool := eligible(u, year)
	n := min(max(u.size+r.between(-3, 3), opt.MinItems), opt.MaxItems, len(pool))
	// weighted sampling without replacement (Efraimidis–Spirakis), kept in
	// catalogue order so a unit lists its projects alike from year to year
	type cand struct {
		i   int
		key float64
	}
	cands := make([]cand, len(pool))
	for i, e := range pool {
		cands[i] = cand{i, math.Pow(r.Float64(), 1/e.prob)}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].key > cands[b].key })
	picked := make([]int, 0, n)
	for _, c := range cands[:n] {
		picked = append(picked, c.i)
	}
	slices.Sort(picked)
	seen := map[string]bool{}
	for _, i := range picked {
		e := pool[i]
		name := nameFor(u, e, year, r)
		if seen[name] {
			continue
		}
		seen[name] = true
		it := item{seq: len(nr.items) + 1, e: e, name: name, sub: 1, disb: DisbursedUnknown, eval: -1}
		it.budget = nr.style.write(r, yearFen(e, r), unitAny)
		if r.chance(0.15) {
			it.sub = r.between(2, 5)
			it.subTypo = r.chance(0.08)
		}
		if r.chance(0.45) {
			a := nr.style.write(r, it.budget.fen, unitAny)
			it.actual, it.disb = &a, DisbursedFull
		}
		nr.items = append(nr.items, it)
	}

	rules := chooseRules(r, narrativeRules, r.chance(opt.PlantShare))
	if rules["total-mismatch"] {
		delete(rules, "rounding")
	}
	if rules["claim-contradicted"] {
		rules["not-disbursed"] = true
		delete(rules, "underspent")
		delete(rules, "actual-exceeds-budget")
	}

	// disbursement plants
	order := r.Perm(len(nr.items))
	taken := map[int]bool{}
	takeItems := func(k int, ok func(*item) bool) []int {
		var seqs []int
		for _, i := range order {
			if len(seqs) == k {
				break
			}
			if !taken[i] && ok(&nr.items[i]) {
				taken[i] = true
				seqs = append(seqs, nr.items[i].seq)
			}
		}
		slices.Sort(seqs)
		return seqs
	}
	if rules["not-disbursed"] {
		seqs := takeItems(r.between(1, 3), func(*item) bool { return true })
		for _, s := range seqs {
			it := &nr.items[s-1]
			it.actual, it.disb = nil, DisbursedNone
		}
		nr.planted = append(nr.planted, Plant{Rule: "not-disbursed", Items: seqs})
	}
	if rules["underspent"] {
		seqs := takeItems(r.between(1, 3), func(it *item) bool { return nr.setActual(r, it, 0.3, 0.95) })
		if len(seqs) > 0 {
			nr.planted = append(nr.planted, Plant{Rule: "underspent", Items: seqs})
		}
	}
	if rules["actual-exceeds-budget"] {
		seqs := takeItems(r.between(1, 2), func(it *item) bool { return nr.setActual(r, it, 1.05, 1.4) })
		if len(seqs) > 0 {
			nr.planted = append(nr.planted, Plant{Rule: "actual-exceeds-budget", Items: seqs})
		}
	}
	var noneSeqs []int
	anyOff := false
	for _, it := range nr.items {
		switch {
		case it.disb == DisbursedNone:
			noneSeqs = append(noneSeqs, it.seq)
		case it.disb == DisbursedPartial || it.actual != nil && it.actual.fen > it.budget.fen:
			anyOff = true
		}
	}
	switch {
	case rules["claim-contradicted"]:
		nr.claim = true
		nr.planted = append(nr.planted, Plant{Rule: "claim-contradicted", Items: noneSeqs})
	case len(noneSeqs) == 0 && !anyOff:
		nr.claim = r.chance(0.5)
	}

	nr.planEvaluations(r, rules)
	nr.planCount(r, rules)
	nr.planTotal(r, rules)
	sortPlants(nr.planted)
	return nr
}

// severities are those of DESIGN.md's rule catalogue; a rounding difference
// of the total is total-mismatch lowered to info, as validate reports it.
var severities = map[string]string{
	"total-mismatch": "error", "count-mismatch": "error", "actual-exceeds-budget": "error",
	"underspent": "info", "not-disbursed": "warning", "claim-contradicted": "warning",
	"missing-dimension": "warning", "unmatched-item": "warning",
	"rate-mismatch": "error", "score-mismatch": "error", "composition-mismatch": "error",
	"indicator-score-mismatch": "error", "grade-mismatch": "error", "placeholder": "info",
}

// sortPlants orders plants by the catalogue and fills in their severity.
func sortPlants(ps []Plant) {
	for i := range ps {
		if ps[i].Severity == "" {
			ps[i].Severity = severities[ps[i].Rule]
		}
	}
	sort.SliceStable(ps, func(a, b int) bool { return ruleOrder(ps[a].Rule) < ruleOrder(ps[b].Rule) })
}

func ruleOrder(id string) int {
	for i, x := range narrativeRules {
		if x.id == id {
			return i
		}
	}
	for i, x := range tableRules {
		if x.id == id {
			return 100 + i
		}
	}
	return 1000
}

// setActual gives an item an actual between lo and hi times its budget,
// written so that the difference is well beyond what rounding of the two
// figures as written could explain. It reports false when it cannot.
func (nr *narrative) setActual(r rng, it *item, lo, hi float64) bool {
	if it.disb == DisbursedNone {
		return false
	}
	prec := it.e.precFen
	for try := 0; try < 8; try++ {
		f := lo + (hi-lo)*r.Float64()
		fen := roundFen(int64(math.Round(float64(it.budget.fen)*f)), prec)
		if fen == it.budget.fen {
			continue
		}
		a := nr.style.write(r, fen, unitAny)
		diff := fenToWan(fen - it.budget.fen).Abs()
		tol := a.halfUlp().Add(it.budget.halfUlp()).Mul(decimal.NewFromInt(2))
		if diff.GreaterThan(tol) {
			it.actual = &a
			if fen < it.budget.fen {
				it.disb = DisbursedPartial
			} else {
				it.disb = DisbursedFull
			}
			return true
		}
	}
	return false
}

// planEvaluations makes one evaluation entry per listed item, then plants
// unmatched-item and missing-dimension.
func (nr *narrative) planEvaluations(r rng, rules map[string]bool) {
	names := make([]string, len(nr.items))
	for i, it := range nr.items {
		names[i] = it.name
	}
	listed := newNameSet(names)
	skip := map[int]bool{}
	var extra *evalEntry
	if rules["unmatched-item"] {
		mode := r.weighted(50, 35, 15)
		if mode != 1 { // a listed item without evaluation
			k := r.between(1, 2)
			for _, i := range r.Perm(len(nr.items)) {
				if len(skip) == k {
					break
				}
				skip[i] = true
			}
			var seqs []int
			for i := range skip {
				seqs = append(seqs, nr.items[i].seq)
			}
			slices.Sort(seqs)
			nr.planted = append(nr.planted, Plant{Rule: "unmatched-item", Items: seqs})
		}
		if mode != 0 { // an evaluation of something not listed
			if x := nr.unlistedEntry(r, names); x != nil {
				extra = x
				nr.planted = append(nr.planted, Plant{Rule: "unmatched-item", Detail: x.heading})
			} else if mode == 1 {
				i := r.IntN(len(nr.items))
				skip[i] = true
				nr.planted = append(nr.planted, Plant{Rule: "unmatched-item", Items: []int{nr.items[i].seq}})
			}
		}
	}
	extraAt := -1
	if extra != nil {
		extraAt = r.IntN(len(nr.items) + 1)
	}
	for i := range nr.items {
		if i == extraAt {
			nr.evals = append(nr.evals, *extra)
		}
		if skip[i] {
			continue
		}
		it := &nr.items[i]
		ev := evalEntry{item: i, heading: evalVariant(r, it.name, nr.year, listed), dims: [5]bool{true, true, true, true, true}}
		ev.output = fillText(nr.u, it.e, nr.year, it.e.proj.output)
		ev.effect = fillText(nr.u, it.e, nr.year, it.e.proj.effect)
		it.eval = len(nr.evals)
		nr.evals = append(nr.evals, ev)
	}
	if extraAt == len(nr.items) {
		nr.evals = append(nr.evals, *extra)
	}
	if rules["missing-dimension"] {
		// candidates: evaluated listed items, the 未拨付 ones first (as in the reference)
		var cands []int
		for _, i := range r.Perm(len(nr.items)) {
			if nr.items[i].eval >= 0 {
				cands = append(cands, i)
			}
		}
		sort.SliceStable(cands, func(a, b int) bool {
			return nr.items[cands[a]].disb == DisbursedNone && nr.items[cands[b]].disb != DisbursedNone
		})
		// keep at least two complete entries so the dimension is one "the others have"
		k := min(r.between(1, 2), len(nr.evals)-2)
		var seqs []int
		for _, i := range cands[:max(k, 0)] {
			ev := &nr.evals[nr.items[i].eval]
			switch r.weighted(60, 25, 15) {
			case 0:
				ev.dims[dimOutput], ev.dims[dimEffect] = false, false
			case 1:
				ev.dims[dimEffect] = false
			default:
				ev.dims[dimOutput] = false
			}
			seqs = append(seqs, nr.items[i].seq)
		}
		slices.Sort(seqs)
		if len(seqs) > 0 {
			nr.planted = append(nr.planted, Plant{Rule: "missing-dimension", Items: seqs})
		}
	}
}

// unlistedEntry makes an evaluation entry for a project of the unit that is
// not listed this year, clearly unlike every listed name.
func (nr *narrative) unlistedEntry(r rng, names []string) *evalEntry {
	listed := map[*entry]bool{}
	for _, it := range nr.items {
		listed[it.e] = true
	}
	for _, i := range r.Perm(len(nr.u.entries)) {
		e := &nr.u.entries[i]
		if listed[e] {
			continue
		}
		name := nameFor(nr.u, e, nr.year, r)
		far := true
		for _, n := range names {
			if dice(name, n) > 0.55 {
				far = false
				break
			}
		}
		if !far {
			continue
		}
		return &evalEntry{item: -1, heading: name, dims: [5]bool{true, true, true, true, true},
			output: fillText(nr.u, e, nr.year, e.proj.output), effect: fillText(nr.u, e, nr.year, e.proj.effect)}
	}
	return nil
}

// planCount sets the stated project count.
func (nr *narrative) planCount(r rng, rules map[string]bool) {
	total := 0
	for _, it := range nr.items {
		total += it.sub
	}
	nr.count = total
	if rules["count-mismatch"] {
		d := r.between(1, 6)
		if r.chance(0.5) && total-d >= 1 {
			d = -d
		}
		nr.count = total + d
		nr.planted = append(nr.planted, Plant{Rule: "count-mismatch", Stated: strconv.Itoa(nr.count), Computed: strconv.Itoa(total)})
	}
}

// planTotal sets the stated total: exact, or off on purpose.
func (nr *narrative) planTotal(r rng, rules map[string]bool) {
	unit := unitWan
	if r.chance(0.15) {
		unit = unitYuan
	}
	if rules["rounding"] {
		// the stated total is the sum rounded to 0.01 万元; make sure the
		// sum has finer decimals and is not exactly half-way
		for try := 0; try < 20 && !roundable(nr.sum()); try++ {
			it := &nr.items[r.IntN(len(nr.items))]
			if it.disb == DisbursedPartial || it.actual != nil && it.actual.fen != it.budget.fen {
				continue // keep the planted margins of partial and exceeding items
			}
			fen := it.budget.fen + int64(r.between(1, 9999))
			it.budget = nr.style.write(r, fen, unitAny)
			if it.actual != nil && it.disb == DisbursedFull {
				a := nr.style.write(r, fen, unitAny)
				it.actual = &a
			}
		}
		if roundable(nr.sum()) {
			sum := nr.sum()
			rounded := (sum + 5000) / 10000 * 10000
			text := fenToWan(rounded).StringFixed(2)
			if r.chance(nr.style.space) {
				text += " "
			}
			nr.stated = written{fen: rounded, text: text + "万元", decimals: 2}
			nr.planted = append(nr.planted, Plant{Rule: "total-mismatch", Severity: "info", Stated: wanString(rounded), Computed: wanString(sum)})
			return
		}
	}
	sum := nr.sum()
	if !rules["total-mismatch"] {
		nr.stated = nr.style.write(r, sum, unit)
		return
	}
	tol := decimal.Zero
	for _, it := range nr.items {
		tol = tol.Add(it.budget.halfUlp())
	}
	var diff int64
	if r.chance(0.5) { // an item counted in the total but not listed
		diff = nr.items[r.IntN(len(nr.items))].budget.fen
	} else {
		diff = int64(r.logUniform(5, 10) * fenPerWan)
	}
	diff = roundFen(diff, 10_000)
	for {
		if r.chance(0.5) && sum-diff > 0 {
			diff = -diff
		}
		stated := nr.style.write(r, sum+diff, unit)
		limit := tol.Add(stated.halfUlp()).Mul(decimal.NewFromInt(2))
		if fenToWan(diff).Abs().GreaterThan(limit) {
			nr.stated = stated
			break
		}
		diff = roundFen(abs64(diff)*2+fenPerWan/2, 10_000)
	}
	nr.planted = append(nr.planted, Plant{Rule: "total-mismatch", Stated: wanString(sum + diff), Computed: wanString(sum)})
}

func (nr *narrative) sum() int64 {
	var s int64
	for _, it := range nr.items {
		s += it.budget.fen
	}
	return s
}

// roundable: rounding to 0.01 万元 changes the value, and not from exactly half-way.
func roundable(fen int64) bool { return fen%10_000 != 0 && fen%10_000 != 5000 }

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
