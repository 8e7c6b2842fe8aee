package extract

import (
	"regexp"
	"strconv"
	"strings"

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
