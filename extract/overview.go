package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/ingest"
)

var (
	// 项目共计 40 个 / 项目共 12 个 / 共计 40 个专项 / 共有项目 8 个
	// 本年度共实施项目 19 个 / 共涉及专项资金项目 8 个
	statedCountRE = regexp.MustCompile(`(?:项目(?:共计|共有|合计|总计|共)|(?:共计|共有|合计|总计|共)(?:实施|涉及|安排|下达|开展)?(?:专项资金|专项)?(?:项目)?)\s*(\d{1,4})\s*个`)
	// 预算总金额为 / 资金总额 / 预算总额 / 总预算 / 总金额
	statedTotalRE = regexp.MustCompile(`(?:预算总金额|资金总额|预算总额|总预算|总金额|总投资|资金合计|预算资金总额|总计金额)\s*(?:为|是|共计|合计|达)?\s*[：:]?\s*`)
)

// readOverview finds the sentence stating how many projects there are and
// their total budget (项目共计 40 个，预算总金额为 937.131003 万元). The first
// sentence stating both wins; otherwise the first of each before the items.
func readOverview(doc *ingest.Document, lines []textLine, firstItem int, r *Report) {
	limit := len(lines)
	if firstItem >= 0 {
		limit = firstItem
	}
	var countAt, totalAt int = -1, -1
	var count int
	var total money.Amount
	var totalSpan Span
	for i := 0; i < limit; i++ {
		text := lines[i].text
		for _, sentence := range sentences(text) {
			s := text[sentence[0]:sentence[1]]
			c, cok := findCount(s)
			a, span, tok := findTotal(s)
			if cok && tok {
				count, total = c, a
				countAt, totalAt = i, i
				totalSpan = Span{lines[i].start + sentence[0] + span[0], lines[i].start + sentence[0] + span[1]}
				goto done
			}
			if cok && countAt < 0 {
				count, countAt = c, i
			}
			if tok && totalAt < 0 {
				total, totalAt = a, i
				totalSpan = Span{lines[i].start + sentence[0] + span[0], lines[i].start + sentence[0] + span[1]}
			}
		}
	}
done:
	if countAt >= 0 {
		c := count
		r.Stated.Count = &c
		r.Stated.Page = doc.PageAt(lines[countAt].start)
	}
	if totalAt >= 0 {
		t := total
		v := t.Wan
		r.Stated.Total, r.Stated.TotalWan = &t, &v
		r.Stated.Span = &totalSpan
		r.Stated.Page = doc.PageAt(totalSpan[0])
	}
}

func findCount(s string) (int, bool) {
	m := statedCountRE.FindStringSubmatch(s)
	if m == nil || strings.Contains(s, "个月") && strings.Contains(m[0]+"月", "个月") {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil && n > 0
}

func findTotal(s string) (money.Amount, [2]int, bool) {
	loc := statedTotalRE.FindStringIndex(s)
	if loc == nil {
		return money.Amount{}, [2]int{}, false
	}
	for _, m := range money.Find(s[loc[1]:]) {
		if m.Err == nil && m.Start <= 3 {
			return m.Amount, [2]int{loc[1] + m.Start, loc[1] + m.End}, true
		}
		break
	}
	return money.Amount{}, [2]int{}, false
}

// sentences splits a line at 。；！？ into [start, end) byte ranges.
func sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range text {
		if r == '。' || r == '；' || r == '！' || r == '？' || r == ';' {
			end := i + len(string(r))
			out = append(out, [2]int{start, end})
			start = end
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// StatedCandidate is a total or count the text states besides the one taken
// as the report's stated total or count, with its role (actual, part, batch,
// initial-budget …), so that a reader sees every figure that was weighed.
type StatedCandidate struct {
	Role  string           `json:"role"`
	Label string           `json:"label,omitempty"`
	Wan   *decimal.Decimal `json:"wan,omitempty"`
	Raw   string           `json:"raw,omitempty"`
	Count *int             `json:"count,omitempty"`
	Page  int              `json:"page,omitempty"`
	Span  Span             `json:"span"`
}

// chooseTotal picks the stated total among the prose figures by what their
// clauses say they are: an adjusted budget (调整后预算) over any other; then
// a budget stated as a total (共计/合计/总投资 …); then the first budget. Parts
// (其中), batches, payments, initial budgets, contract prices and estimates
// (估算投资, 概算) are never the total, and nothing is chosen for making a sum
// agree; a project's 总投资 is the total only when no budget is stated.
func chooseTotal(figs []proseFig, limit int) int {
	first, flagged := -1, -1
	for i, f := range figs {
		if f.m.Start >= limit || f.part || f.used || !f.m.Amount.Exact() && f.m.Amount.Range {
			continue
		}
		switch {
		case f.role == roleAdjusted:
			return i
		case f.role == roleBudget || f.role == rolePlain && f.total && sumKeyword.MatchString(f.lead):
			if first < 0 {
				first = i
			}
			if f.total && flagged < 0 {
				flagged = i
			}
		}
	}
	if flagged >= 0 {
		return widest(figs, flagged, limit)
	}
	if first >= 0 {
		return first
	}
	// a project's total investment when nothing else states a budget (an
	// estimate or 概算 never: it is what the project may cost, not what was granted)
	for i, f := range figs {
		if f.m.Start < limit && !f.part && !f.used && f.role == roleEstimate && !estimateOnly.MatchString(f.lead) {
			return i
		}
	}
	// funds received stated as the whole (资金合计101.2万元已全部到位 / 到位资金 X 万元)
	// when nothing states a budget
	for i, f := range figs {
		if f.m.Start < limit && !f.part && !f.paren && f.role == roleActual && receivedWord.MatchString(f.lead+f.tail) {
			return i
		}
	}
	return -1
}

var receivedWord = regexp.MustCompile(`到位`)

// estimateOnly: an estimate or 概算, never the stated total.
var estimateOnly = regexp.MustCompile(`估算|概算|预计`)

// widest: of totals that are each broken down into sources (…合计1067.2万元。
// 其中，中央资金…，省级资金…; …共投入资金1987.08万元。其中中央…，省级…，地方…),
// one whose sources are a part of another's is a subtotal; the total whose
// breakdown holds the other's is the report's. Without breakdowns, the first.
func widest(figs []proseFig, chosen, limit int) int {
	keys := func(i int) map[string]bool {
		out := map[string]bool{}
		for j := i + 1; j < len(figs) && figs[j].sent <= figs[i].sent+1; j++ {
			f := figs[j]
			if f.paren {
				continue
			}
			if !f.part {
				if len(out) > 0 || f.sent > figs[i].sent {
					break
				}
				continue
			}
			out[sourceKey(labelOf(f.lead))] = true
		}
		return out
	}
	best, bk := chosen, keys(chosen)
	for i, f := range figs {
		if i <= chosen || f.m.Start >= limit || f.part || f.used || f.role != roleBudget || !f.total {
			continue
		}
		k := keys(i)
		if len(bk) > 0 && len(k) > len(bk) && subset(bk, k) {
			best, bk = i, k
		}
	}
	return best
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// candidateRole names a figure's role for the JSON (budget figures that were
// not chosen keep "budget").
func candidateRole(f proseFig) string {
	switch {
	case f.paren || f.part:
		return "part"
	case f.role == rolePlain:
		return "proseFig"
	}
	return f.role
}

var (
	// 9个产业扶贫项目 / 共2个项目 / 8个项目
	countAfterRE = regexp.MustCompile(`(\d{1,4}|[一二三四五六七八九十两]{1,3})\s*[个所]([^，。；：:,;\d个（()]{0,8}?)项目`)
	// 项目5个 / 项目共15个 / 项目为一个 / 项目3个
	countBeforeRE = regexp.MustCompile(`(?:项目|政策任务)([^，。；：:,;\d个（()]{0,6}?)(\d{1,4}|[一二三四五六七八九十两]{1,3})\s*个`)
	countLibrary  = regexp.MustCompile(`库`)
	countPart     = regexp.MustCompile(`含|其中|包括`)
	countAdded    = regexp.MustCompile(`增加|新增|追加`)
	countTotal    = regexp.MustCompile(`共|合计|总|实施|涉及|为`)
)

type countFigure struct {
	n      int
	role   string
	total  bool
	sample bool // 抽查项目12个 / 选取了12个项目: the projects a sampling report is about
	at     int
}

var countSample = regexp.MustCompile(`抽查|抽取|选取|抽样`)

// selected: a count the report picks out of the projects (对其中 N 个…).
var selected = regexp.MustCompile(`对其中\s*$`)

// proseCounts finds the project counts of the text with their roles: a count
// of something else (单位 10 个, 村 285 个, 指标 15 个) names no 项目 and is
// not one; a count of a project library (库) or of added projects is kept as
// a candidate, never taken for the number of projects.
func proseCounts(text string, sents [][2]int, limit int) []countFigure {
	var out []countFigure
	for _, s := range sents {
		if s[0] >= limit {
			break
		}
		st := dropGloss(text[s[0]:s[1]])
		type hit struct {
			at, end  int
			num, gap string
		}
		var hits []hit
		for _, m := range countAfterRE.FindAllStringSubmatchIndex(st, -1) {
			hits = append(hits, hit{m[0], m[1], st[m[2]:m[3]], st[m[4]:m[5]]})
		}
		for _, m := range countBeforeRE.FindAllStringSubmatchIndex(st, -1) {
			next, _ := utf8.DecodeRuneInString(st[m[1]:])
			if m[1] < len(st) && unicode.Is(unicode.Han, next) && !strings.HasPrefix(st[m[1]:], "项目") {
				continue // 项目共编制15个绩效目标指标: a count of indicators
			}
			dup := false
			for _, h := range hits {
				if m[0] < h.end && h.at < m[1] {
					dup = true
				}
			}
			if !dup {
				hits = append(hits, hit{m[0], m[1], st[m[4]:m[5]], st[m[2]:m[3]]})
			}
		}
		sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
		for _, h := range hits {
			if strings.HasPrefix(st[h.end:], "月") {
				continue
			}
			n, err := strconv.Atoi(h.num)
			if err != nil {
				n = hanNumber(h.num)
			}
			if n <= 0 {
				continue
			}
			cs := clauseStart(st, h.at)
			lead := st[cs:h.at] + h.gap
			c := countFigure{n: n, at: s[0] + h.at}
			switch {
			case selected.MatchString(st[cs:h.at]):
				// 对其中6所学校建设项目进行评价: the projects chosen, not a part
				c.sample = true
			case inParens(st, h.at) || countPart.MatchString(lead):
				c.role = "count-part"
			case countLibrary.MatchString(lead):
				c.role = "count-library"
			case countAdded.MatchString(lead):
				c.role = "count-added"
			case initialWord.MatchString(lead):
				c.role = "count-initial"
			}
			c.total = countTotal.MatchString(lead)
			c.sample = c.sample || countSample.MatchString(lead) && !strings.Contains(st[h.end:min(len(st), h.end+30)], "抽查")
			out = append(out, c)
		}
	}
	return out
}

// chooseCount takes the sample of a sampling report (抽查项目12个), else the
// count stated as a total (共/合计/实施/涉及), else the first plain count.
func chooseCount(cs []countFigure) int {
	// a sampling report is about the projects it sampled, not the population
	for i, c := range cs {
		if c.role == "" && c.sample {
			return i
		}
	}
	first := -1
	for i, c := range cs {
		if c.role != "" {
			continue
		}
		if c.total {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
}
