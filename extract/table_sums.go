package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract/money"
)

// Sums stated in prose: a total written next to the parts it should be the
// sum of, in one sentence. Two forms are read:
//
//	parts then total:  建厂房…12.08万元;购买变压器…18.8万元;…;共计40.83万元
//	total then 其中:   共完成预算资金89.97万元，其中：30万元…；30万元…；29.99万元…
//
// Each part must be the only amount of its clause, so that a clause giving
// both a budget and a payment is never summed.

var (
	// sumKeyword opens the clause of a stated total (after the parts).
	sumKeyword = regexp.MustCompile(`^(以上|上述|合计|两项|三项|四项|五项)?(共计|合计|总计|累计|总共|小计|共为|共)`)
	notSum     = regexp.MustCompile(`^(以上|上述)?共(同|享|建|治|有的|性)`)
)

// maxSentence is the longest sentence searched for a stated sum (bytes):
// longer runs without a full stop are not prose.
const maxSentence = 4000

func isSentenceEnd(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || r == '\n' || r == '|' || r == '\t'
}

func isClauseEnd(r rune) bool {
	return r == '；' || r == ';' || r == '，' || r == ',' || r == '、' || r == '：' || r == ':'
}

// findSums returns the stated sums in text[start:end], with spans into text.
// It is exported to the package for the narrative reader too.
func findSums(text string, start, end int, pageAt func(int) int) []StatedSum {
	var out []StatedSum
	s := start
	for i := start; i <= end; {
		r, w := utf8.DecodeRuneInString(text[i:end])
		if i < end && r == '。' && strings.HasPrefix(text[i+w:end], "其中") {
			// 共完成89.97万元。其中：30万元…: the parts follow the full stop
			i += w
			continue
		}
		if i == end || isSentenceEnd(r) {
			if i-s > 0 && i-s <= maxSentence {
				out = append(out, sentenceSums(text, s, i, pageAt)...)
			}
			if i == end {
				break
			}
			s = i + w
		}
		i += max(w, 1)
	}
	return out
}

// sumClauseStart is where the clause holding position i begins.
func sumClauseStart(text string, from, i int) int {
	for j := i; j > from; {
		r, w := utf8.DecodeLastRuneInString(text[from:j])
		if isClauseEnd(r) {
			return j
		}
		j -= w
	}
	return from
}

// wideGap separates the cells of a flattened row.
var wideGap = regexp.MustCompile(`\s{2,}|\t`)

// lastCellOf keeps of a label what follows the last wide gap: the cell it is in.
func lastCellOf(s string) string {
	parts := wideGap.Split(s, -1)
	return strings.TrimSpace(parts[len(parts)-1])
}

func sentenceSums(text string, s, e int, pageAt func(int) int) []StatedSum {
	var ms []money.Match
	for _, m := range money.Find(text[s:e]) {
		if m.Err != nil {
			continue
		}
		m.Start += s
		m.End += s
		ms = append(ms, m)
	}
	if len(ms) < 3 {
		return nil
	}
	page := func(off int) int {
		if pageAt == nil {
			return 1
		}
		return pageAt(off)
	}
	// oneEach reports whether every match lies in a clause of its own.
	oneEach := func(parts []money.Match) bool {
		for k := 1; k < len(parts); k++ {
			if sumClauseStart(text, s, parts[k].Start) < parts[k-1].End {
				return false
			}
		}
		return true
	}
	amounts := func(parts []money.Match) []money.Amount {
		out := make([]money.Amount, len(parts))
		for k, m := range parts {
			out[k] = m.Amount
		}
		return out
	}
	var out []StatedSum
	from := 0
	for k, m := range ms {
		cs := sumClauseStart(text, s, m.Start)
		lead := strings.TrimSpace(text[cs:m.Start])
		if !sumKeyword.MatchString(lead) || notSum.MatchString(lead) {
			continue
		}
		if k > 0 && cs < ms[k-1].End {
			continue // the keyword's clause holds another amount
		}
		parts := ms[from:k]
		from = k + 1
		if len(parts) < 2 || !oneEach(parts) {
			continue
		}
		out = append(out, StatedSum{Label: lastCellOf(lead), Total: m.Amount, Parts: amounts(parts),
			Page: page(parts[0].Start), Span: Span{parts[0].Start, m.End}})
	}
	// total, then 其中: parts
	for off := s; off < e; {
		q := strings.Index(text[off:e], "其中")
		if q < 0 {
			break
		}
		q += off
		off = q + len("其中")
		ti := -1
		for k, m := range ms {
			if m.End <= q {
				ti = k
			}
		}
		if ti < 0 || strings.Trim(text[ms[ti].End:q], " ，,：:。\u3000") != "" {
			continue
		}
		var parts []money.Match
		for _, m := range ms[ti+1:] {
			if m.Start < q {
				continue
			}
			lead := strings.TrimSpace(text[sumClauseStart(text, s, m.Start):m.Start])
			if sumKeyword.MatchString(lead) && !notSum.MatchString(lead) {
				break
			}
			if n := strings.Index(text[q+len("其中"):m.Start], "其中"); n >= 0 {
				break
			}
			parts = append(parts, m)
		}
		if len(parts) < 2 || !oneEach(parts) {
			continue
		}
		t := ms[ti]
		label := lastCellOf(strings.TrimSpace(text[sumClauseStart(text, s, t.Start):t.Start]))
		out = append(out, StatedSum{Label: label, Total: t.Amount, Parts: amounts(parts),
			Page: page(t.Start), Span: Span{t.Start, parts[len(parts)-1].End}})
	}
	return out
}
