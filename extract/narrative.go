package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/extract/segment"
	"github.com/jixiao/jixiao/ingest"
)

// extractNarrative reads a 绩效自评报告 written in prose: header, the
// overview's stated count and total, the listed items, the item-by-item
// evaluation linked to them, completion claims and unreadable figures.
func extractNarrative(doc *ingest.Document, r *Report) error {
	lines := splitTextLines(doc.Text)
	readHeader(lines, r)
	itemLines := findItemLines(lines)
	first := -1
	if len(itemLines) > 0 {
		first = itemLines[0].line
	}
	sents := proseSentences(doc.Text)
	figs := proseFigures(doc.Text, sents)
	if len(itemLines) > 0 {
		readOverview(doc, lines, first, r)
		if r.Stated.Total == nil || r.Stated.Count == nil {
			// phrasings the overview sentence does not use (共下达, 安排资金, 项目为一个 …)
			had := r.Stated
			readProseOverview(doc, figs, sents, lines[first].start, r)
			if had.Total != nil {
				r.Stated.Total, r.Stated.TotalWan, r.Stated.Span = had.Total, had.TotalWan, had.Span
			}
			if had.Count != nil {
				r.Stated.Count = had.Count
			}
			if had.Page != 0 {
				r.Stated.Page = had.Page
			}
		}
		for _, il := range itemLines {
			r.Items = append(r.Items, readItem(doc, lines, il, r))
		}
	} else {
		r.Items = proseItems(doc, lines, figs, sents, r)
		limit := len(doc.Text)
		if len(r.Items) > 0 && !figsUsedBy(figs, r.Items) {
			limit = r.Items[0].Span[0]
		}
		total := readProseOverview(doc, figs, sents, limit, r)
		if len(r.Items) == 0 && r.Stated.Count != nil {
			// 对其中6所学校建设项目进行评价，分别是A、B…及F: the projects named, no amounts
			r.Items = namedItems(doc, *r.Stated.Count)
		}
		if len(r.Items) == 0 {
			if it, ok := singleItem(doc, figs, sents, total, r.Stated.Count, r); ok {
				r.Items = append(r.Items, it)
			}
		}
	}
	if partialList(doc.Text, r) {
		r.ItemsIncomplete = true
		r.Warnings = append(r.Warnings, fmt.Sprintf("所列 %d 项为报告所述 %d 个项目中的一部分 (其中…)，未逐项列全 (items-incomplete)", len(r.Items), *r.Stated.Count))
	} else if n := len(r.Items); n > 0 && cutAfter(doc.Text, r.Items[n-1].Span[1]) {
		r.ItemsIncomplete = true
		r.Warnings = append(r.Warnings, "正文在项目列表中截断，所列项目可能不全 (items-incomplete)")
	}
	r.Sums = append(r.Sums, proseSums(doc, figs, sents)...)
	r.Rates = append(r.Rates, proseRates(doc, figs, sents)...)
	r.Rates = append(r.Rates, proseShares(doc, figs, sents)...)
	if r.Unit == "" {
		r.Unit = unitFromItems(r.Items)
	}
	readSelfScore(doc, r)
	if len(r.Indicators) == 0 {
		inds, warns := proseIndicators(doc.Text, doc.PageAt)
		r.Indicators = inds
		r.Warnings = append(r.Warnings, warns...)
	}
	r.Evaluations = readEvaluations(doc, lines, itemLines)
	r.Claims = findClaims(doc, lines, itemLines)
	if len(r.Items) > 1 {
		// a claim inside one project's paragraph is about that project (…已全部支付)
		var kept []Claim
		for _, c := range r.Claims {
			inside := false
			for _, it := range r.Items {
				inside = inside || it.Span[1]-it.Span[0] > 0 && c.Span[0] >= it.Span[0] && c.Span[0] < it.Span[1]
			}
			if !inside {
				kept = append(kept, c)
			}
		}
		r.Claims = kept
	}
	r.Unparsed = append(r.Unparsed, strayUnparsed(doc, r.Unparsed)...)

	seg, err := segment.Default()
	if err != nil {
		return fmt.Errorf("分词器无法加载 (segmenter): %w", err)
	}
	linkEvaluations(seg, r)
	for i := range r.Items {
		it := &r.Items[i]
		it.Keywords = seg.Keywords(it.Name+"。"+it.Purpose, 5)
	}
	return nil
}

// strayUnparsed reports malformed figures anywhere in the text that the
// item reader has not reported already.
func strayUnparsed(doc *ingest.Document, known []Unparsed) []Unparsed {
	var out []Unparsed
	for _, m := range money.Find(doc.Text) {
		if m.Err == nil {
			continue
		}
		dup := false
		for _, k := range known {
			if m.Start < k.Span[1] && k.Span[0] < m.End {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, Unparsed{Text: strings.TrimSpace(doc.Text[m.Start:m.End]), Reason: m.Err.Error(),
				Page: doc.PageAt(m.Start), Span: Span{m.Start, m.End}})
		}
	}
	return out
}

// figsUsedBy reports whether the items took their figures out of running
// sentences (an inline list) rather than from numbered paragraphs.
func figsUsedBy(figs []proseFig, items []Item) bool {
	for _, f := range figs {
		if f.used && f.m.Start < items[0].Span[0] {
			return true
		}
	}
	for _, it := range items {
		if it.Span[1]-it.Span[0] > 0 {
			for _, f := range figs {
				if f.used && f.m.Start >= it.Span[0] && f.m.End <= it.Span[1] && f.clause[0] <= it.Span[0] {
					return true
				}
			}
		}
	}
	return false
}

// readProseOverview sets the stated total and count from the prose figures
// by their roles, keeps the other candidates with their role, and returns
// the index of the figure taken as the total (-1 when none).
func readProseOverview(doc *ingest.Document, figs []proseFig, sents [][2]int, limit int, r *Report) int {
	t := chooseTotal(figs, limit)
	if t >= 0 {
		f := figs[t]
		a := f.m.Amount
		v := a.Wan
		span := Span{f.m.Start, f.m.End}
		r.Stated.Total, r.Stated.TotalWan, r.Stated.Span = &a, &v, &span
		r.Stated.Page = doc.PageAt(f.m.Start)
	}
	counts := proseCounts(doc.Text, sents, limit)
	c := chooseCount(counts)
	// a count with its amount beside it (…年度项目39个，涉及预算金额4415.48万元) states both
	for i, cf := range counts {
		if cf.role != "" {
			continue
		}
		if j := amountBeside(figs, sents, cf.at); j >= 0 {
			if j != t {
				t = j
				f := figs[t]
				a := f.m.Amount
				v := a.Wan
				span := Span{f.m.Start, f.m.End}
				r.Stated.Total, r.Stated.TotalWan, r.Stated.Span = &a, &v, &span
				r.Stated.Page = doc.PageAt(f.m.Start)
			}
			c = i
			break
		}
	}
	for i, cf := range counts {
		n := cf.n
		if i == c {
			r.Stated.Count = &n
			if r.Stated.Page == 0 {
				r.Stated.Page = doc.PageAt(cf.at)
			}
			continue
		}
		role := cf.role
		if role == "" {
			role = "count"
		}
		r.Stated.Candidates = append(r.Stated.Candidates, StatedCandidate{Role: role, Count: &n, Page: doc.PageAt(cf.at), Span: Span{cf.at, cf.at}})
	}
	for i, f := range figs {
		if i == t || f.used || f.role == rolePlain && !f.part || f.role == roleStandard || f.role == roleIncome || len(r.Stated.Candidates) >= 40 {
			continue
		}
		v := f.m.Amount.Wan
		r.Stated.Candidates = append(r.Stated.Candidates, StatedCandidate{Role: candidateRole(f), Label: labelOf(f.lead),
			Wan: &v, Raw: strings.TrimSpace(f.m.Amount.Raw), Page: doc.PageAt(f.m.Start), Span: Span{f.m.Start, f.m.End}})
	}
	return t
}

// endsSentence reports whether the text ends with a full stop (。！？), not
// in the middle of a sentence the page cut off.
func endsSentence(text string) bool {
	t := strings.TrimRight(text, " \t\r\n\u3000")
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("。！？!?", r)
}

// amountBeside is the budget figure stated right after a count, in the next
// clause of its sentence (项目39个，涉及预算金额4415.48万元), or -1.
func amountBeside(figs []proseFig, sents [][2]int, at int) int {
	for i, f := range figs {
		if f.m.Start <= at {
			continue
		}
		if f.m.Start-at > 60 || f.part || f.role != roleBudget || sents[f.sent][0] > at {
			return -1
		}
		return i
	}
	return -1
}

var (
	// 自评得分100分 / 自评得分为86.4分: the score a prose report gives itself
	// (自评得分为92.5分, 自评分为85分, 综合得分102分, 综合评分为97分, 综合评价得分为 99.8分)
	selfScore = regexp.MustCompile(`(?:自评(?:总)?(?:得分|分数|分值|分)|综合(?:评价)?(?:得分|评分|分数))\s*(?:为|是|达|达到)?\s*[:：]?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分`)
	// 加分项: a score form with bonus points, whose total may pass 100
	bonusPoints = regexp.MustCompile(`加分`)
	// 自评结果为“优秀” / 评价等级为良: the grade it states
	selfGrade = regexp.MustCompile(`(?:自评|评价)(?:结果|等级|结论)(?:为|是|评定为|定为)\s*[:：]?\s*[“"「『]?\s*(优秀|良好|优|良|中等|中|合格|及格|较差|差|不合格)\s*[”"」』]?(?:等级|等次)?(?:[，。；,;）)\s]|$)`)
)

// readSelfScore reads the score and grade a narrative report states for
// itself, the first of each.
func readSelfScore(doc *ingest.Document, r *Report) {
	if r.TotalScore == nil {
		// the score the report gives itself, in any of its phrasings; several
		// different scores (one per project, or a part's) say none of them is the
		// report's. A file holding a 部门整体 table as well has its own part for it.
		var got *decimal.Decimal
		limit := decimal.NewFromInt(100)
		if bonusPoints.MatchString(doc.Text) {
			limit = decimal.NewFromInt(120)
		}
		for _, m := range selfScore.FindAllStringSubmatchIndex(doc.Text, -1) {
			sc, err := decimal.NewFromString(doc.Text[m[2]:m[3]])
			if err != nil || sc.GreaterThan(limit) || got != nil && !got.Equal(sc) {
				got = nil
				break
			}
			got = &sc
		}
		r.TotalScore = got
	}
	if r.Grade == "" {
		if m := selfGrade.FindStringSubmatchIndex(doc.Text); m != nil {
			r.Grade = doc.Text[m[2]:m[3]]
			r.GradeSpan = &Span{m[2], m[3]}
		}
	}
}

// cutAfter reports whether the text is cut off right after offset end: it
// ends without a full stop, and what follows end is at most a few words
// of no sentence (…9万元，科).
func cutAfter(text string, end int) bool {
	if endsSentence(text) || end > len(text) {
		return false
	}
	rest := strings.TrimSpace(text[end:])
	return rest == "" || utf8.RuneCountInString(rest) <= 12 && !strings.ContainsAny(rest, "。！？\n")
}

// sentenceStart is the offset where the sentence holding offset i begins.
func sentenceStart(text string, i int) int {
	k := strings.LastIndexAny(text[:i], "。！？\n")
	if k < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(text[k:])
	return k + n
}

// partialList reports whether the items are a few named after 其中 ("among
// them") of more projects the report counts: 共七个项目。其中A 60万元，B 20万元。
func partialList(text string, r *Report) bool {
	n := 0
	for _, it := range r.Items {
		n += max(1, it.Subprojects)
	}
	if r.Stated.Count == nil || len(r.Items) == 0 || n >= *r.Stated.Count {
		return false
	}
	for _, it := range r.Items {
		if it.Span[1]-it.Span[0] > 200 {
			return false // numbered paragraphs, not an inline list
		}
	}
	start := r.Items[0].Span[0]
	from := max(0, start-12)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	// 其中 in the running sentence, not a heading's 其中： before a numbered list
	near := text[from:min(len(text), start+12)]
	k := strings.Index(near, "其中")
	return k >= 0 && !strings.Contains(near[k:], "\n")
}
