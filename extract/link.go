package extract

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/extract/segment"
)

// Linking thresholds, on the Dice similarity of the names' jieba words
// (search mode, the unit's name and years set aside): an entry whose number agrees
// with an item's needs little likeness (the two sections of the reference
// report word names differently: 计划生育经费 vs 计划生育专项经费项目); one
// whose number disagrees must be clearly the same project.
const (
	linkWithSeq    = 0.25
	linkWithoutSeq = 0.5
	seqBonus       = 0.05 // less than one differing word (2024 vs 2025) weighs
	linkOutOfOrder = 0.6
)

// linkEvaluations pairs each evaluation entry with at most one listed item and
// copies the entry's dimensions onto its item. Both sections list projects in
// the same order, so entries and items are aligned in order (an alignment
// that maximises the summed likeness, skipping what has no counterpart);
// what is left is then paired out of order when the names are clearly alike.
func linkEvaluations(seg *segment.Segmenter, r *Report) {
	if len(r.Evaluations) == 0 || len(r.Items) == 0 {
		return
	}
	aliases := unitAliases(r.Unit)
	words := func(name string) map[string]int {
		b := bag(seg.SearchWords(matchName(name, aliases)))
		for _, w := range nameFillers {
			delete(b, w)
		}
		return b
	}
	itemWords := make([]map[string]int, len(r.Items))
	for i, it := range r.Items {
		itemWords[i] = words(it.Name)
	}
	evalWords := make([]map[string]int, len(r.Evaluations))
	for e, ev := range r.Evaluations {
		evalWords[e] = words(ev.Heading)
	}
	weight := rarity(append(append([]map[string]int{}, itemWords...), evalWords...))
	E, I := len(r.Evaluations), len(r.Items)
	sim := make([][]float64, E)
	for e := range r.Evaluations {
		sim[e] = make([]float64, I)
		for i := range r.Items {
			sim[e][i] = dice(evalWords[e], itemWords[i], weight)
		}
	}
	score := func(e, i int) (float64, bool) {
		s := sim[e][i]
		seqMatch := r.Evaluations[e].Seq != 0 && r.Evaluations[e].Seq == r.Items[i].Seq
		switch {
		case seqMatch && s >= linkWithSeq:
			return s + seqBonus, true
		case s >= linkWithoutSeq:
			return s, true
		}
		return 0, false
	}
	// best[e][i]: the best total aligning the first e entries with the first i items
	best := make([][]float64, E+1)
	for e := range best {
		best[e] = make([]float64, I+1)
	}
	for e := 1; e <= E; e++ {
		for i := 1; i <= I; i++ {
			b := max(best[e-1][i], best[e][i-1])
			if s, ok := score(e-1, i-1); ok {
				b = max(b, best[e-1][i-1]+s)
			}
			best[e][i] = b
		}
	}
	usedE, usedI := make([]bool, E), make([]bool, I)
	for e, i := E, I; e > 0 && i > 0; {
		s, ok := score(e-1, i-1)
		switch {
		case ok && best[e][i] == best[e-1][i-1]+s:
			link(r, e-1, i-1, sim[e-1][i-1])
			usedE[e-1], usedI[i-1] = true, true
			e, i = e-1, i-1
		case best[e][i] == best[e-1][i]:
			e--
		default:
			i--
		}
	}
	// out of order: the clearest remaining pairs first
	for {
		be, bi, bs := -1, -1, linkOutOfOrder
		for e := range E {
			for i := range I {
				if !usedE[e] && !usedI[i] && sim[e][i] >= bs {
					be, bi, bs = e, i, sim[e][i]
				}
			}
		}
		if be < 0 {
			break
		}
		link(r, be, bi, bs)
		usedE[be], usedI[bi] = true, true
	}
}

// matchName is a name with what says nothing of the project set aside: the
// unit's own name at the start, in any of its forms (jieba cuts unknown place
// names badly: 平坊镇河长制 → 平坊/镇河/长制), and years kept as words of their
// own (2021年河长制 would cut as 年河).
func matchName(name string, unitAliases []string) string {
	for _, u := range unitAliases {
		if strings.HasPrefix(name, u) {
			name = name[len(u):]
			break
		}
	}
	return yearWordRE.ReplaceAllString(name, " $1 ")
}

var yearWordRE = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?`)

// unitAliases are the forms a unit's name takes at the start of its
// projects' names, longest first: 顺平县城北街道办事处, 城北街道办事处,
// 顺平县城北街道, 城北街道.
func unitAliases(unit string) []string {
	if unit == "" {
		return nil
	}
	forms := []string{unit}
	if i := strings.IndexAny(unit, "县区市旗"); i > 0 && i+3 < len(unit) {
		forms = append(forms, unit[i+3:]) // the county's name dropped (县, 区, 市, 旗 are 3 bytes)
	}
	for _, f := range append([]string(nil), forms...) {
		for _, suffix := range []string{"办事处", "人民政府"} {
			if t := strings.TrimSuffix(f, suffix); t != f && t != "" {
				forms = append(forms, t)
			}
		}
	}
	sort.Slice(forms, func(a, b int) bool { return len(forms[a]) > len(forms[b]) })
	return forms
}

// nameFillers are words that the two sections add to or drop from the same
// project's name (计划生育经费 / 计划生育专项经费项目); 经费, 资金, 项目 are
// stop words of the segmenter already.
var nameFillers = []string{"专项", "专项经费", "专项资金"}

// rarity weighs each word by how few of a report's names use it (an inverse
// document frequency over the names): a year or 补贴 in most names says
// little of which project a name is.
func rarity(names []map[string]int) map[string]float64 {
	df := map[string]int{}
	for _, n := range names {
		for w := range n {
			df[w]++
		}
	}
	out := make(map[string]float64, len(df))
	for w, d := range df {
		out[w] = math.Log(1 + float64(len(names))/float64(d))
	}
	return out
}

func link(r *Report, e, i int, sim float64) {
	ev := &r.Evaluations[e]
	ev.Item = r.Items[i].Seq
	ev.Similarity = float64(int(sim*1000+0.5)) / 1000
	for k, v := range ev.Dimensions {
		r.Items[i].Evaluation[k] = v
	}
}

func bag(words []string) map[string]int {
	m := make(map[string]int, len(words))
	for _, w := range words {
		m[w]++
	}
	return m
}

// dice is 2|A∩B| / (|A|+|B|) over word multisets, each word weighted.
func dice(a, b map[string]int, weight map[string]float64) float64 {
	var na, nb, common float64
	for w, c := range a {
		na += float64(c) * weight[w]
		common += float64(min(c, b[w])) * weight[w]
	}
	for w, c := range b {
		nb += float64(c) * weight[w]
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * common / (na + nb)
}
