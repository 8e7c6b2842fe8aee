package extract

import (
	"regexp"
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
	words := func(name string) map[string]int { return bag(seg.SearchWords(matchName(name, r.Unit))) }
	itemWords := make([]map[string]int, len(r.Items))
	for i, it := range r.Items {
		itemWords[i] = words(it.Name)
	}
	E, I := len(r.Evaluations), len(r.Items)
	sim := make([][]float64, E)
	for e, ev := range r.Evaluations {
		ew := words(ev.Heading)
		sim[e] = make([]float64, I)
		for i := range r.Items {
			sim[e][i] = dice(ew, itemWords[i])
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
// unit's own name at the start (jieba cuts unknown place names badly:
// 平坊镇河长制 → 平坊/镇河/长制), and years kept as words of their own (2021年河长制
// would cut as 年河; 2021 and 2024 still tell two years' projects apart).
func matchName(name, unit string) string {
	if unit != "" {
		name = strings.TrimPrefix(name, unit)
	}
	return yearWordRE.ReplaceAllString(name, " $1 ")
}

var yearWordRE = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?`)

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

// dice is 2|A∩B| / (|A|+|B|) over word multisets.
func dice(a, b map[string]int) float64 {
	na, nb, common := 0, 0, 0
	for w, c := range a {
		na += c
		common += min(c, b[w])
	}
	for _, c := range b {
		nb += c
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(common) / float64(na+nb)
}
