package extract

import (
	"sort"

	"github.com/jixiao/jixiao/extract/segment"
)

// Linking thresholds, on the Dice similarity of the names' jieba words:
// an entry whose number agrees with an item's needs little likeness (the two
// sections of the reference report word names differently: 计划生育经费 vs
// 计划生育专项经费项目); one whose number disagrees must be clearly the same.
const (
	linkWithSeq    = 0.25
	linkWithoutSeq = 0.5
	seqBonus       = 0.25
)

// linkEvaluations pairs each evaluation entry with at most one listed item,
// by number and name similarity, best pairs first, and copies the entry's
// dimensions onto its item.
func linkEvaluations(seg *segment.Segmenter, r *Report) {
	if len(r.Evaluations) == 0 || len(r.Items) == 0 {
		return
	}
	// the unit's own name (东城街道) is in most names and says nothing
	unit := bag(seg.Words(r.Unit))
	words := func(name string) map[string]int {
		b := bag(seg.Words(name))
		for w := range unit {
			delete(b, w)
		}
		return b
	}
	itemWords := make([]map[string]int, len(r.Items))
	for i, it := range r.Items {
		itemWords[i] = words(it.Name)
	}
	type pair struct {
		e, i  int
		sim   float64
		score float64
	}
	var pairs []pair
	for e, ev := range r.Evaluations {
		ew := words(ev.Heading)
		for i, it := range r.Items {
			sim := dice(ew, itemWords[i])
			seqMatch := ev.Seq != 0 && ev.Seq == it.Seq
			switch {
			case seqMatch && sim >= linkWithSeq:
				pairs = append(pairs, pair{e, i, sim, sim + seqBonus})
			case sim >= linkWithoutSeq:
				pairs = append(pairs, pair{e, i, sim, sim})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	usedE, usedI := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if usedE[p.e] || usedI[p.i] {
			continue
		}
		usedE[p.e], usedI[p.i] = true, true
		ev := &r.Evaluations[p.e]
		ev.Item = r.Items[p.i].Seq
		ev.Similarity = float64(int(p.sim*1000+0.5)) / 1000
		for k, v := range ev.Dimensions {
			r.Items[p.i].Evaluation[k] = v
		}
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
