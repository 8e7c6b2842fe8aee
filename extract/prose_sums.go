package extract

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/ingest"
)

// Sums and rates stated in narrative prose.
//
//	total then 其中, also across the full stop:  …2263万元。其中：1435万元，25万元，…
//	parts then total:                           A 12.08万元；B 18.8万元；…；共计40.83万元
//	a rate beside its two amounts:              已完成拨付2113.63万元，执行率97%
//
// A list of parts ends at a clause that starts anew (a year, 此外, a payment
// after budgets); a list the text cuts off (no full stop after it) is not summed.

var (
	newSubject = regexp.MustCompile(`^\s*(?:\d{4}|20xx|20XX)\s*年|^\s*(?:此外|另外|另|同时|截至|截止)`)
	rateRE     = regexp.MustCompile(`(预算执行率|执行率|支付率|到位率|完成(?:年初|全年)?预算(?:数)?的)\s*(?:为|达|达到|是)?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]`)
	genericLbl = regexp.MustCompile(`\d{4}年|20xx年|全年|本年度|本年|年度|实际|执行|资金|项目|共|累计|总|已|截至|截止|目前|[，,：:]`)
)

// StatedRate is an execution rate stated in prose with the two amounts it
// is the quotient of.
type StatedRate struct {
	Label    string          `json:"label"`
	Rate     decimal.Decimal `json:"rate"` // percent, as written
	Decimals int             `json:"decimals"`
	Written  string          `json:"written"`
	Actual   money.Amount    `json:"actual"`
	Budget   money.Amount    `json:"budget"`
	Page     int             `json:"page"`
	Span     Span            `json:"span"`
}

// proseSums finds the stated sums of narrative prose.
func proseSums(doc *ingest.Document, figs []proseFig, sents [][2]int) []StatedSum {
	text := doc.Text
	var out []StatedSum
	bySent := map[int][]int{}
	for i, f := range figs {
		if !f.paren {
			bySent[f.sent] = append(bySent[f.sent], i)
		}
	}
	ended := func(si int) bool { // the sentence has its full stop: the text did not cut it off
		s := sents[si]
		t := strings.TrimSpace(text[s[0]:s[1]])
		return strings.HasSuffix(t, "。") || si+1 < len(sents)
	}
	oneEach := func(idx []int) bool {
		for k := 1; k < len(idx); k++ {
			if figs[idx[k]].clause == figs[idx[k-1]].clause && !strings.Contains(text[figs[idx[k-1]].m.End:figs[idx[k]].m.Start], "、") {
				return false
			}
		}
		return true
	}
	add := func(label string, total proseFig, parts []int) {
		if len(parts) < 2 || !oneEach(parts) {
			return
		}
		var ams []money.Amount
		for _, k := range parts {
			ams = append(ams, figs[k].m.Amount)
		}
		out = append(out, StatedSum{Label: label, Total: total.m.Amount, Parts: ams, Page: doc.PageAt(total.m.Start),
			Span: Span{min(total.m.Start, figs[parts[0]].m.Start), max(total.m.End, figs[parts[len(parts)-1]].m.End)}})
	}
	for si, s := range sents {
		idx := bySent[si]
		st := text[s[0]:s[1]]
		// total then 其中
		for off := 0; off < len(st); {
			q := strings.Index(st[off:], "其中")
			if q < 0 {
				break
			}
			q += off
			off = q + len("其中")
			if inParens(st, q) {
				continue
			}
			at := s[0] + q
			var total *proseFig
			before := -1
			for _, k := range idx {
				if figs[k].m.End <= at {
					before = k
				}
			}
			if before >= 0 && strings.Trim(text[figs[before].m.End:at], " ，,：:\u3000") == "" {
				total = &figs[before]
			} else if before < 0 && strings.TrimSpace(text[s[0]:at]) == "" && si > 0 {
				prev := bySent[si-1]
				if len(prev) > 0 {
					p := figs[prev[len(prev)-1]]
					if strings.Trim(text[p.m.End:sents[si-1][1]], " 。\u3000") == "" {
						total = &p
					}
				}
			}
			if total == nil || !ended(si) {
				continue
			}
			var parts []int
			for _, k := range idx {
				f := figs[k]
				if f.m.Start < at {
					continue
				}
				ct := strings.TrimSpace(text[f.clause[0]:f.m.Start])
				if len(parts) > 0 && (newSubject.MatchString(ct) || strings.Contains(text[at+len("其中"):f.m.Start], "其中")) {
					break
				}
				if sumKeyword.MatchString(strings.TrimSpace(f.lead)) && !notSum.MatchString(f.lead) {
					break
				}
				if (f.role == roleActual) != (total.role == roleActual) || f.role == roleUnspent || f.role == roleStandard {
					break
				}
				parts = append(parts, k)
			}
			add(lastCellOf(strings.TrimSpace(text[total.clause[0]:total.m.Start])), *total, parts)
		}
		// total, then the list it is spent on: …支出9746.50万元，主要用于以下方面：A 754.75万元，占7.74%；…
		for n, k := range idx {
			t := figs[k]
			if strings.Contains(text[t.m.End:min(len(text), t.m.End+40)], "其中") || !listHead.MatchString(text[t.m.End:min(len(text), t.m.End+60)]) || !ended(si) {
				continue
			}
			var parts []int
			for _, j := range idx[n+1:] {
				p := figs[j]
				if (p.role == roleActual) != (t.role == roleActual) || p.role == roleUnspent || p.role == roleStandard ||
					sumKeyword.MatchString(strings.TrimSpace(p.lead)) && !notSum.MatchString(p.lead) {
					break // a total after the list closes it (…，共计23万元)
				}
				parts = append(parts, j)
			}
			add(lastCellOf(strings.TrimSpace(text[t.clause[0]:t.m.Start])), t, parts)
		}
		// parts then total
		from := 0
		for n, k := range idx {
			f := figs[k]
			lead := strings.TrimSpace(f.lead)
			if !sumKeyword.MatchString(lead) || notSum.MatchString(lead) {
				continue
			}
			var parts []int
			for _, j := range idx[from:n] {
				if figs[j].total && figs[j].m.Amount.Wan.Equal(f.m.Amount.Wan) {
					parts = nil // the same total stated before the parts (…共计23万元，分别是…，共计23万元): not a part
					continue
				}
				if !figs[j].part || strings.HasPrefix(strings.TrimSpace(text[s[0]:s[1]]), "其中") {
					parts = append(parts, j)
				}
			}
			from = n + 1
			if n > 0 && figs[idx[n-1]].clause == f.clause {
				continue
			}
			// parts of one kind with their total: budgets with budgets, payments
			// with payments (预算100万元，支出80万元，共计节约20万元 is no sum)
			same := true
			for _, j := range parts {
				p := figs[j]
				if (p.role == roleActual) != (f.role == roleActual) || p.role == roleUnspent || p.role == roleStandard || p.role == roleIncome {
					same = false
				}
			}
			if same {
				add(lastCellOf(lead), f, parts)
			}
		}
	}
	return out
}

// proseRates finds execution rates stated beside the payment they measure
// and the budget it is measured against: the budget in the same sentence,
// or the nearest budget before it that names the same funds.
func proseRates(doc *ingest.Document, figs []proseFig, sents [][2]int) []StatedRate {
	text := doc.Text
	var out []StatedRate
	for si, s := range sents {
		st := text[s[0]:s[1]]
		for _, m := range rateRE.FindAllStringSubmatchIndex(st, -1) {
			at := s[0] + m[0]
			act, bud := -1, -1
			for i, f := range figs {
				if f.sent == si && f.m.End <= at && f.role == roleActual && !f.paren {
					act = i
				}
			}
			if act < 0 {
				continue
			}
			a := figs[act]
			if strings.Contains(text[a.m.End:at], "%") {
				continue // another rate stands between
			}
			for i, f := range figs {
				if f.sent == si && f.m.End <= a.m.Start && isBudgetFigure(f) {
					bud = i
				}
			}
			if bud < 0 {
				al := genericLbl.ReplaceAllString(labelOf(a.lead), "")
				for i := act - 1; i >= 0; i-- {
					f := figs[i]
					if f.sent < si-6 {
						break
					}
					if f.sent == si || !isBudgetFigure(f) {
						continue
					}
					bl := genericLbl.ReplaceAllString(labelOf(f.lead), "")
					if al == "" || likeness(al, bl) >= 0.6 {
						bud = i
					}
					break
				}
			}
			if bud < 0 {
				continue
			}
			rate, err := decimal.NewFromString(st[m[4]:m[5]])
			if err != nil {
				continue
			}
			dec := 0
			if k := strings.IndexByte(st[m[4]:m[5]], '.'); k >= 0 {
				dec = m[5] - m[4] - k - 1
			}
			out = append(out, StatedRate{Label: st[m[2]:m[3]], Rate: rate, Decimals: dec, Written: strings.TrimSpace(st[m[4]:m[1]]),
				Actual: a.m.Amount, Budget: figs[bud].m.Amount, Page: doc.PageAt(at),
				Span: Span{min(figs[bud].m.Start, a.m.Start), s[0] + m[1]}})
		}
	}
	return out
}

// shareRE is a share of a listed total: …住房保障支出29.42万元，占9.55%.
var shareRE = regexp.MustCompile(`^\s*占\s*(\d{1,3}(?:\.\d+)?)\s*[%％]`)

// listHead: the total a list of shares breaks down (…支出307.82万元，主要用于以下方面：).
var listHead = regexp.MustCompile(`^\s*[，,]?\s*(?:(?:主要用于以下方面|主要用于|具体如下|如下|其中)\s*[：:]|分别(?:是|为)\s*[：:]?)`)

// proseShares finds shares stated beside the parts of a total broken down
// right after it: each part ÷ the total is the share.
func proseShares(doc *ingest.Document, figs []proseFig, sents [][2]int) []StatedRate {
	text := doc.Text
	var out []StatedRate
	for i, base := range figs {
		if base.paren || !listHead.MatchString(text[base.m.End:min(len(text), base.m.End+40)]) {
			continue
		}
		for j := i + 1; j < len(figs) && figs[j].sent == base.sent; j++ {
			p := figs[j]
			if p.paren {
				continue
			}
			rest := text[p.m.End:sents[p.sent][1]]
			rest = strings.TrimLeft(rest, " ，,")
			m := shareRE.FindStringSubmatchIndex(rest)
			if m == nil {
				continue
			}
			rate, err := decimal.NewFromString(rest[m[2]:m[3]])
			if err != nil {
				continue
			}
			dec := 0
			if k := strings.IndexByte(rest[m[2]:m[3]], '.'); k >= 0 {
				dec = m[3] - m[2] - k - 1
			}
			end := len(text) - len(rest) + m[1]
			out = append(out, StatedRate{Label: "占", Rate: rate, Decimals: dec, Written: strings.TrimSpace(rest[m[2]:m[1]]),
				Actual: p.m.Amount, Budget: base.m.Amount, Page: doc.PageAt(p.m.Start), Span: Span{p.m.Start, end}})
		}
	}
	return out
}

func isBudgetFigure(f proseFig) bool {
	return !f.paren && !f.part && (f.role == roleBudget || f.role == roleAdjusted || f.role == roleInitial)
}

// likeness is the Dice coefficient of two labels' character bigrams.
func likeness(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 2 || len(rb) < 2 {
		return 0
	}
	ga := map[string]int{}
	for i := 0; i+1 < len(ra); i++ {
		ga[string(ra[i:i+2])]++
	}
	common := 0
	for i := 0; i+1 < len(rb); i++ {
		g := string(rb[i : i+2])
		if ga[g] > 0 {
			ga[g]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ra)-1+len(rb)-1)
}
