package extract

import (
	"regexp"
	"strings"

	"github.com/jixiao/jixiao/ingest"
)

// claimRE finds sentences claiming that every project was carried out,
// paid or accepted (全部按预算实施验收完毕, 均已按期完成, 资金已全部拨付).
var claimRE = regexp.MustCompile(`全部(?:按预算|按计划|按期)?(?:实施|执行|完成|拨付|支付|到位|验收)[^，。；]{0,8}?(?:完毕|完成|到位)?|均已(?:按预算|按计划|按期)?(?:实施|完成|拨付|支付|执行|验收)|已全部(?:完成|拨付|支付|实施|执行|到位)|全部完成`)

// findClaims returns the completion claims outside the project list.
func findClaims(doc *ingest.Document, lines []textLine, items []itemLine) []Claim {
	isItem := map[int]bool{}
	for _, il := range items {
		isItem[il.line] = true
	}
	var out []Claim
	for i, l := range lines {
		if isItem[i] {
			continue
		}
		for _, sp := range sentences(l.text) {
			s := l.text[sp[0]:sp[1]]
			loc := claimRE.FindStringIndex(s)
			if loc == nil || strings.Contains(s[max(0, loc[0]-6):loc[0]], "未") {
				continue
			}
			// the claim with the clause before it (40 个专项工作中，全部按预算实施验收完毕)
			from := clauseStart(s, clauseStart(s, loc[0])-1)
			at := l.start + sp[0] + from
			out = append(out, Claim{Text: strings.TrimSpace(s[from:]), Page: doc.PageAt(at), Span: Span{at, l.start + sp[1]}})
		}
	}
	return out
}

// clauseStart is the byte offset just after the clause break (，、：) before i.
func clauseStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	j := strings.LastIndexAny(s[:i], "，,：:")
	if j < 0 {
		return 0
	}
	_, w := firstRuneLen(s[j:])
	return j + w
}
