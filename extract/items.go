package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/ingest"
)

var (
	// 共计 4 个项目, and the typo 共计 2 各项目, 含 3 个子项目
	subprojectsRE = regexp.MustCompile(`(?:共计|共|含|包括|包含)\s*(\d{1,3})\s*[个各]\s*(?:子项目|项目|专项)`)
	budgetWordRE  = regexp.MustCompile(`(?:预算金额|预算资金|下达资金|预算数|预算|安排资金|批复资金|下达金额|资金总额|项目资金|资金|金额)\s*(?:为|共|共计|合计)?\s*[：:]?\s*`)
	actualWordRE  = regexp.MustCompile(`(?:实际拨付|实际支付|实际支出|实际使用|实际到位|实际完成|已拨付|已支付|已支出|已使用|拨付|支付|支出|执行)(?:资金|金额)?\s*(?:为|共|共计|合计)?\s*[：:]?\s*`)
	noneRE        = regexp.MustCompile(`(?:未拨付|未支付|未支出|尚未拨付|尚未支付|尚未支出|未使用|尚未使用|未执行|未到位)`)
	purposeRE     = regexp.MustCompile(`(?:主要)?用于`)
	// 1O.5 万元: a letter among the digits of a figure
	letterInFigure = regexp.MustCompile(`\d[OoIlSB]|[OoIlSB]\d|\d\.[OoIl]`)
)

// itemLine is a candidate line of the project list: a marker, a name, a colon
// and something that only a listed item has (an amount, 未拨付, 共计 N 个项目).
type itemLine struct {
	line   int
	mk     marker
	name   string
	nameAt int // byte offset of the name in the line
	body   int // byte offset after the colon
}

// findItemLines returns the longest run of consecutively numbered item lines.
func findItemLines(lines []textLine) []itemLine {
	var cands []itemLine
	for i, l := range lines {
		mk, ok := parseMarker(l.text)
		if !ok {
			continue
		}
		rest := l.text[mk.len:]
		colon := strings.IndexAny(rest, "：:")
		if colon <= 0 {
			colon = semicolonColon(rest)
		}
		if colon <= 0 {
			continue
		}
		name := rest[:colon]
		if dimensionOf(name) != "" || strings.ContainsAny(name, "，。；") || headingName.MatchString(cleanText(name)) ||
			strings.HasSuffix(cleanText(name), "指标") {
			continue
		}
		body := rest[colon:]
		_, colonLen := firstRuneLen(body)
		body = body[colonLen:]
		if !looksLikeItemBody(l.text[mk.len+colon+colonLen:] + nextLines(lines, i)) {
			continue
		}
		cands = append(cands, itemLine{line: i, mk: mk, name: name, nameAt: mk.len, body: mk.len + colon + colonLen})
	}
	return longestRun(cands)
}

// semicolonColon is where a semicolon stands for the colon after an item's
// name (OCR reads ： as ； or ;): the first semicolon that an amount clause
// (预算资金…) follows directly; -1 when there is none.
func semicolonColon(rest string) int {
	for i, r := range rest {
		if r == '；' || r == ';' {
			after := strings.TrimLeft(rest[i+len(string(r)):], " ")
			if m := budgetWordRE.FindStringIndex(after); m != nil && m[0] == 0 && m[1] > 0 {
				return i
			}
			return -1
		}
	}
	return -1
}

func firstRuneLen(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// nextLines gives the continuation lines of an item (up to the next blank
// line or marker), for items whose amounts a page layout moved down.
func nextLines(lines []textLine, i int) string {
	var b strings.Builder
	for j := i + 1; j < len(lines) && j <= i+3; j++ {
		t := lines[j].text
		if strings.TrimSpace(t) == "" {
			break
		}
		if _, ok := parseMarker(t); ok {
			break
		}
		b.WriteString(t)
	}
	return b.String()
}

func looksLikeItemBody(body string) bool {
	if noneRE.MatchString(body) || subprojectsRE.MatchString(body) {
		return true
	}
	if budgetWordRE.MatchString(body) && (len(money.Find(body)) > 0 || strings.Contains(body, "元")) {
		return true
	}
	for _, m := range money.Find(body) {
		if m.Start < 40 {
			return true
		}
	}
	return false
}

// longestRun keeps the longest sequence of candidates numbered n, n+1, …
// in one style (the list), dropping stray lines such as a lone "1. 衡".
func longestRun(cands []itemLine) []itemLine {
	var best, cur []itemLine
	for _, c := range cands {
		if len(cur) > 0 && c.mk.style == cur[len(cur)-1].mk.style && c.mk.seq == cur[len(cur)-1].mk.seq+1 {
			cur = append(cur, c)
		} else {
			cur = []itemLine{c}
		}
		if len(cur) > len(best) {
			best = cur
		}
	}
	return best
}

// readItem parses one listed item from its line (and continuation lines).
func readItem(doc *ingest.Document, lines []textLine, il itemLine, r *Report) Item {
	l := lines[il.line]
	end := l.end()
	text := l.text
	for j := il.line + 1; j < len(lines); j++ {
		t := lines[j].text
		if strings.TrimSpace(t) == "" {
			break
		}
		if _, ok := parseMarker(t); ok {
			break
		}
		text += t
		end = lines[j].end()
	}
	it := Item{
		Seq:          il.mk.seq,
		Name:         cleanText(il.name),
		Disbursement: Unknown,
		Subprojects:  1,
		Page:         doc.PageAt(l.start),
		Span:         Span{l.start, end},
		Evaluation:   map[string]string{},
	}
	body := text[il.body:]
	if m := subprojectsRE.FindStringSubmatch(body); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
			it.Subprojects = n
		}
	}
	var purposeParts []string
	budgetSet, actualSet := false, false
	for _, sp := range clauses(body) {
		clause := body[sp[0]:sp[1]]
		at := l.start + il.body + sp[0]
		switch {
		case purposeRE.MatchString(leadWord(clause)):
			purposeParts = append(purposeParts, clause)
		case !budgetSet && leads(budgetWordRE, clause) && !leads(actualWordRE, clause):
			if a, ok := amountAfter(clause, budgetWordRE); ok {
				it.SetBudget(a)
				budgetSet = true
			} else if hasFigure(clause) || strings.Contains(clause, "元") {
				r.Unparsed = append(r.Unparsed, unparsed(clause, at, it.Seq, doc))
			} else {
				purposeParts = append(purposeParts, clause)
			}
		case !actualSet && noneRE.MatchString(clause) && len(money.Find(clause)) == 0:
			zero := money.Amount{Raw: noneRE.FindString(clause), Unit: money.Wan}
			it.SetActual(zero)
			actualSet = true
		case !actualSet && leads(actualWordRE, clause) && hasFigure(clause):
			if a, ok := amountAfter(clause, actualWordRE); ok {
				it.SetActual(a)
				actualSet = true
			} else {
				r.Unparsed = append(r.Unparsed, unparsed(clause, at, it.Seq, doc))
			}
		case subprojectsRE.MatchString(clause) && len(trimPunct(subprojectsRE.ReplaceAllString(clause, ""))) == 0:
		default:
			purposeParts = append(purposeParts, clause)
		}
	}
	it.Purpose = purposeOf(purposeParts)
	it.Disbursement = disbursement(it)
	return it
}

// leads reports whether the keyword stands at the start of the clause
// (within a few characters: 其中实际拨付 …), not inside a purpose.
func leads(re *regexp.Regexp, clause string) bool {
	loc := re.FindStringIndex(strings.TrimSpace(clause))
	return loc != nil && loc[0] <= 9
}

// leadWord is the start of a clause, where its keyword stands.
func leadWord(clause string) string {
	if len(clause) > 12 {
		return clause[:12]
	}
	return clause
}

func hasFigure(s string) bool {
	return strings.ContainsAny(s, "0123456789壹贰叁肆伍陆柒捌玖拾")
}

// amountAfter reads the amount that follows the keyword in a clause.
func amountAfter(clause string, word *regexp.Regexp) (money.Amount, bool) {
	loc := word.FindStringIndex(clause)
	if loc == nil {
		return money.Amount{}, false
	}
	for _, m := range money.Find(clause[loc[1]:]) {
		if m.Err != nil || m.Start > 6 {
			return money.Amount{}, false
		}
		return m.Amount, true
	}
	return money.Amount{}, false
}

func unparsed(clause string, at, seq int, doc *ingest.Document) Unparsed {
	reason := "金额无法识别"
	if letterInFigure.MatchString(clause) {
		reason = "数字中夹有字母（O 与 0、l 与 1 混淆？）"
	}
	for _, m := range money.Find(clause) {
		if m.Err != nil {
			reason = m.Err.Error()
			break
		}
	}
	return Unparsed{Text: trimPunct(clause), Reason: reason, Item: seq, Page: doc.PageAt(at), Span: Span{at, at + len(clause)}}
}

// clauses splits an item's text at ，。；, leaving "1,030,640" whole.
func clauses(text string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range text {
		if r == '，' || r == '。' || r == '；' || r == ';' || (r == '.' && i+1 < len(text) && text[i+1] == ' ') {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + len(string(r))
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// purposeOf joins the clauses that are not amounts, without the 用于 lead.
func purposeOf(parts []string) string {
	var kept []string
	for _, p := range parts {
		p = trimPunct(cleanText(p))
		if p != "" {
			kept = append(kept, p)
		}
	}
	s := strings.Join(kept, "，")
	if loc := purposeRE.FindStringIndex(s); loc != nil && loc[0] == 0 {
		s = s[loc[1]:]
	}
	return s
}

// disbursement derives the status from the amounts as written.
func disbursement(it Item) Disbursement {
	switch {
	case it.ActualWan == nil:
		return Unknown
	case it.ActualWan.IsZero():
		return None
	case it.BudgetWan == nil:
		return Unknown
	case it.ActualWan.LessThan(*it.BudgetWan):
		return Partial
	default:
		return Full
	}
}
