package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/ingest"
)

// Items of a report that has no colon list (1、项目名：预算…): numbered
// paragraphs (1.名称，…资金303万元，已拨付270万元 / 一是…600万元 / 项目一：…),
// lists inside a sentence (其中：A 1435万元，B 25万元… / A 12.08万元；B 18.8万元；
// 共计…), distributions (分别下达 A 和 B 各 80 万元) and, failing all of these,
// the one project a single-project report is about.

var (
	// a document number before a name: 阿财农〔2023〕387号
	docNumber = regexp.MustCompile(`^[^\s，。,]{0,10}[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d+\s*号(?:文件)?\s*`)
	// names of projects end with these; a heading does not
	projectEnd = regexp.MustCompile(`(?:项目|工程|经费)$`)
	// 完成预算的100% / 执行率100%
	fullRate   = regexp.MustCompile(`(?:执行率|完成预算的|支付率|预算执行率)\s*(?:为|达|达到)?\s*100(?:\.0+)?\s*[%％]`)
	distribute = regexp.MustCompile(`分别(?:下达|安排|拨付|补助|分配)?(?:给)?(.{2,60}?)各\s*$`)
	nameSplit  = regexp.MustCompile(`和|、|及|与`)
	listOpen   = regexp.MustCompile(`(?:如下|其中|分别为|分别是|包括)\s*$`)
	listOpenIn = regexp.MustCompile(`^.*?(?:分别为|分别是|包括|如下)[：:]?`)
	// 现将2024年…项目绩效目标自评报告如下 / 对…项目开展自评
	reportOf   = regexp.MustCompile(`现将(.{4,80}?)(?:绩效目标|绩效)?(?:自评|评价)(?:总结)?(?:报告|情况)`)
	evaluateOf = regexp.MustCompile(`对(.{4,60}?(?:项目|工程))(?:的[^，。；]{0,10}?)?(?:开展|进行)(?:了)?(?:绩效)?(?:自评|评价)`)
	nameLabel  = regexp.MustCompile(`项目名称\s*[:：]?\s*([^\s，。；]{4,60})`)
	oneProject = regexp.MustCompile(`项目(?:为|是|有)?\s*(?:一|1)\s*个\s*[:：]\s*([^\s，。；（(]{2,40})`)
	usedFor    = regexp.MustCompile(`用于(?:实施)?([^，。；]{4,60}?(?:项目|工程))(?:支出|建设)?(?:[，。；,]|$)`)
	nextLabel  = regexp.MustCompile(`评价年度|预算部门|项目主管部门|主管部门|项目实施单位|实施单位|项目单位|项目负责人|负责人|联系人|联系电话|资金来源|项目类别|项目类型|项目属性|建设地点|实施地点|填报日期|单位名称|[:：]`)
	// …转移支付资金即X项目(普惠): the fund is the project
	namedAs  = regexp.MustCompile(`(?:资金|本项目|该项目)即([^，。；]{4,80}?项目(?:[（(][^）)]{1,8}[)）])?)`)
	thisProj = regexp.MustCompile(`本项目|该项目`)
	// 我乡实施了X村道路硬化项目: the project the sentence of the total carries out
	carriedOut = regexp.MustCompile(`实施(?:了)?([^，。；、]{4,40}?(?:项目|工程))[，,]?\s*[^，。；]*$`)
	// what a title names when it names a project or a fund
	fundTail      = regexp.MustCompile(`(?:支出)?(?:绩效)?(?:目标)?(?:单位)?(?:自评|评价)(?:价)?(?:总结)?(?:报告|情况).*$`)
	titledFund    = regexp.MustCompile(`(?:项目|工程|资金|经费|补助|补贴|转移支付)$`)
	titleYearTail = regexp.MustCompile(`\s*(?:(?:19|20)\d{2}|20xx|20XX)\s*年度?$`)
	titleYearLead = regexp.MustCompile(`^(?:关于)?\s*(?:(?:19|20)\d{2}|20xx|20XX)\s*年度?`)
	groupOf       = regexp.MustCompile(`等\s*(\d{1,3})\s*个[^，。；\d]{0,8}项目`)
	verbBefore    = regexp.MustCompile(`(?:下达|安排|获得|收到|下拨|批复|拨付|投入)(?:了)?`)
	reportTail    = regexp.MustCompile(`(?:项目)?(?:支出)?(?:资金)?(?:绩效)?(?:目标)?(?:单位)?(?:自评|评价)(?:价)?(?:总结)?(?:报告|情况).*$`)
	reference     = regexp.MustCompile(`^[^，。；]{0,20}(?:号|[〔\[【][^〕\]】]*[〕\]】])[)）]?\s*$`)
	// of the dash-separated segments of a lead, the one naming the works
	worksEnd  = regexp.MustCompile(`(?:工程|项目|改造|建设)$`)
	paidClaim = regexp.MustCompile(`(?:完成|全部)(?:资金)?(?:拨付|支付)|资金已全部(?:拨付|支付|到位)`)
)

// proseItems reads the items of a report without a colon list.
func proseItems(doc *ingest.Document, lines []textLine, figs []proseFig, sents [][2]int, r *Report) []Item {
	if items := markerItems(doc, lines, figs, r); len(items) > 0 {
		return items
	}
	if items := inlineItems(doc, figs, sents); len(items) > 0 {
		return items
	}
	return sourceItems(doc, figs, sents)
}

// markerItems reads numbered paragraphs that each describe one project.
func markerItems(doc *ingest.Document, lines []textLine, figs []proseFig, r *Report) []Item {
	type para struct {
		mk         marker
		name       string
		start, end int
		hasMoney   bool
	}
	var cands []itemLine
	var paras []para
	for _, mp := range markedParas(lines) {
		mk, end := mp.mk, mp.end
		l := textLine{text: doc.Text[mp.start:mp.lineEnd], start: mp.start}
		rest := l.text[mk.len:]
		from := l.start + mk.len
		if loc := docNumber.FindStringIndex(rest); loc != nil {
			rest, from = rest[loc[1]:], from+loc[1]
		}
		name := rest
		if k := strings.IndexAny(name, "，,。；;：:"); k >= 0 {
			name = name[:k]
		}
		nameEnd := from + len(name)
		p := para{mk: mk, start: l.start, end: end}
		for _, f := range figs {
			if f.m.Start < l.start || f.m.Start >= end || f.paren || f.role == roleStandard || f.role == roleIncome {
				continue
			}
			p.hasMoney = true
			if f.m.Start < nameEnd {
				// the name's own clause holds the figure: 美丽乡村建设600万元
				if lb := labelOf(text(doc)[from:f.m.Start]); lb != "" {
					name = lb
				}
			}
			break
		}
		name = trimPunct(cleanText(name))
		if utf8.RuneCountInString(name) < 4 || notItemName.MatchString(name) || utf8.RuneCountInString(name) > 60 || dimensionOf(name) != "" {
			continue
		}
		if !p.hasMoney && !projectEnd.MatchString(name) && mk.style != styleProject {
			continue
		}
		p.name = name
		paras = append(paras, p)
		cands = append(cands, itemLine{line: len(paras) - 1, mk: mk, name: name})
	}
	run := longestRun(cands)
	if len(run) == 1 {
		// the first of a list the text cuts off inside it (…具体如下：一是A项目，安排…420000.00 万元，主要用于重)
		p := paras[run[0].line]
		if p.mk.seq != 1 || !p.hasMoney || !cutAfter(doc.Text, p.end) || !listAnnounced(doc.Text, p.start) {
			return nil
		}
	}
	if len(run) < 1 {
		return nil
	}
	money := 0
	for _, c := range run {
		if paras[c.line].hasMoney {
			money++
		}
	}
	if money == 0 && len(run) < 2 {
		return nil
	}
	var out []Item
	for _, c := range run {
		p := paras[c.line]
		it := newItem(len(out)+1, p.name, doc, Span{p.start, p.end})
		fillAmounts(&it, figs, p.start, p.end, doc.Text[p.start:p.end])
		if it.Budget == nil && it.Actual == nil {
			r.Unparsed = append(r.Unparsed, maskedFigures(doc, p.start, p.end, it.Seq)...)
		}
		out = append(out, it)
	}
	return out
}

func newItem(seq int, name string, doc *ingest.Document, span Span) Item {
	return Item{Seq: seq, Name: name, Disbursement: Unknown, Subprojects: 1, Page: doc.PageAt(span[0]),
		Span: span, Evaluation: map[string]string{}}
}

// fillAmounts sets an item's budget (the first budget figure that is not a
// part) and actual (the first payment figure, or a budget said to be all
// paid) from the figures of its span.
func fillAmounts(it *Item, figs []proseFig, start, end int, text string) {
	var paidTail *proseFig
	for i := range figs {
		f := &figs[i]
		if f.m.Start < start || f.m.Start >= end || f.paren {
			continue
		}
		switch {
		case it.Budget == nil && !f.part && (f.role == roleBudget || f.role == rolePlain || f.role == roleAdjusted || f.role == roleBatch):
			it.SetBudget(f.m.Amount)
			f.used = true
			if (paidAfter.MatchString(f.tail) || paidAfter.MatchString(nextClause(text, f.m.End-start))) && paidTail == nil {
				paidTail = f // …下达资金5000元，已全部支付
			}
		case it.Actual == nil && f.role == roleActual:
			it.SetActual(f.m.Amount)
			f.used = true
		}
	}
	if it.Budget == nil {
		// only the 年初预算 is given (该项目年初预算安排资金20万元): it is the budget
		for i := range figs {
			f := &figs[i]
			if f.m.Start >= start && f.m.Start < end && !f.paren && !f.part && f.role == roleInitial {
				it.SetBudget(f.m.Amount)
				f.used = true
				break
			}
		}
	}
	if it.Actual == nil && paidTail != nil {
		it.SetActual(paidTail.m.Amount)
	}
	it.Disbursement = disbursement(*it)
	if it.Actual == nil && fullRate.MatchString(text) {
		it.Disbursement = Full
	}
	if m := groupOf.FindStringSubmatch(it.Name); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n > 1 {
			it.Subprojects = n
		}
	}
}

// listUnit is one clause (or 、 piece of a clause) holding figures, for lists.
type listUnit struct {
	start, end int
	figs       []int // indexes into figs, outside brackets
	sep        rune  // the punctuation that ends it
}

// inlineItems reads lists written inside sentences.
func inlineItems(doc *ingest.Document, figs []proseFig, sents [][2]int) []Item {
	text := doc.Text
	var out []Item
	batchItem := map[int]bool{} // items of a list of batches only (第一批…，第二批…)
	for si, s := range sents {
		units := sentenceUnits(text, s, figs, si)
		// distributions: 分别下达宣汉县和万源市各80万元
		for _, u := range units {
			if len(u.figs) != 1 {
				continue
			}
			f := figs[u.figs[0]]
			m := distribute.FindStringSubmatch(f.lead)
			if m == nil {
				continue
			}
			names := nameSplit.Split(m[1], -1)
			if len(names) < 2 {
				continue
			}
			for _, n := range names {
				n = trimPunct(cleanText(n))
				if n == "" {
					continue
				}
				it := newItem(len(out)+1, n, doc, Span{u.start, u.end})
				it.SetBudget(f.m.Amount)
				it.Disbursement = disbursement(it)
				out = append(out, it)
			}
			figs[u.figs[0]].used = true
		}
		// runs of entries: a name and one amount each
		var run []int
		merged := map[int]bool{} // entries whose item has several amounts
		flush := func(next int) {
			defer func() { run = nil }()
			if len(run) == 0 {
				return
			}
			first := units[run[0]]
			opened := run[0] > 0 && (units[run[0]-1].sep == '：' || units[run[0]-1].sep == ':' ||
				listOpen.MatchString(text[units[run[0]-1].start:units[run[0]-1].end]))
			if partLead.MatchString(text[first.start:first.end]) || listOpenIn.MatchString(text[first.start:first.end]) {
				opened = true
			}
			batches := true // 第一批…，第二批…: batches are a list of their own
			for _, k := range run {
				batches = batches && figs[units[k].figs[0]].role == roleBatch
			}
			opened = opened || batches && len(run) >= 2
			semis := false
			for _, k := range run[:len(run)-1] {
				if units[k].sep == '；' || units[k].sep == ';' {
					semis = true
				}
			}
			closed := next >= 0 && next < len(units) && len(units[next].figs) == 1 && sumKeyword.MatchString(strings.TrimSpace(figs[units[next].figs[0]].lead))
			if len(run) < 2 && !(opened && run[0] > 0 && strings.Contains(text[units[run[0]-1].start:units[run[0]-1].end], "如下")) {
				return
			}
			if !opened && !semis && !closed {
				return
			}
			// the list belongs to the figure before it (…下达资金2263万元。其中：…)
			group := ""
			for _, f := range figs {
				if f.m.End <= first.start && !f.paren {
					group = strings.TrimSpace(text[f.clause[0]:f.m.End])
				}
			}
			for _, k := range run {
				u := units[k]
				f := &figs[u.figs[0]]
				it := newItem(len(out)+1, entryName(*f), doc, Span{u.start, u.end})
				it.Group = group
				switch {
				case merged[k]:
				case f.role == roleActual:
					it.SetActual(f.m.Amount)
				default:
					it.SetBudget(f.m.Amount)
				}
				f.used = true
				it.Disbursement = disbursement(it)
				if batches {
					batchItem[len(out)] = true
				}
				out = append(out, it)
			}
			// the text cut off inside the list: its last name stands alone
			if next >= 0 && next == len(units)-1 && len(units[next].figs) == 0 && strings.TrimSpace(text[units[next].end:]) == "" && !endsSentence(text) {
				if n := trimPunct(cleanText(dropGloss(text[units[next].start:units[next].end]))); utf8.RuneCountInString(n) >= 2 && utf8.RuneCountInString(n) <= 40 {
					it := newItem(len(out)+1, n, doc, Span{units[next].start, units[next].end})
					it.Group = group
					out = append(out, it)
				}
			}
		}
		for k, u := range units {
			if isEntry(figs, u) && len(run) > 0 && entryName(figs[u.figs[0]]) == entryName(figs[units[run[len(run)-1]].figs[0]]) {
				// one item given in two amounts (厕所改造工程 …中央3.07万元, …3.23万元): its total is not stated
				figs[u.figs[0]].used = true
				merged[run[len(run)-1]] = true
				continue
			}
			if isEntry(figs, u) {
				if len(run) > 0 && listOpenIn.MatchString(text[u.start:u.end]) {
					// a list opens here (…87.5万元，分别是A 5万元，B 18万元…): the entries
					// before it are not of this list
					flush(k)
				}
				run = append(run, k)
				continue
			}
			if len(run) > 0 && len(u.figs) == 0 && reference.MatchString(text[u.start:u.end]) && k+1 < len(units) {
				continue // a document number between the entries (渝财教[2021]29号)
			}
			flush(k)
		}
		flush(-1)
	}
	if len(batchItem) > 0 && len(batchItem) < len(out) {
		// batches beside a list of projects are the tranches the money came in,
		// not projects (…分别为A 100万元、B 150万元。第一批下达180万元，第二批120万元)
		var kept []Item
		for i, it := range out {
			if !batchItem[i] {
				it.Seq = len(kept) + 1
				kept = append(kept, it)
			}
		}
		out = kept
	}
	return out
}

// isEntry: a unit naming one thing and one amount (not a fund source, a
// heading, an income or a total).
func isEntry(figs []proseFig, u listUnit) bool {
	if len(u.figs) != 1 {
		return false
	}
	f := figs[u.figs[0]]
	switch f.role {
	case rolePlain, roleBudget, roleActual, roleBatch:
	default:
		return false
	}
	if f.used || sumKeyword.MatchString(strings.TrimSpace(partLead.ReplaceAllString(f.lead, ""))) {
		return false
	}
	name := entryName(f)
	if name == "" || utf8.RuneCountInString(name) > 40 || fundSource.MatchString(name) || notItemName.MatchString(name) ||
		incomeWord.MatchString(name) || utf8.RuneCountInString(name) < 2 {
		return false
	}
	return true
}

// entryName is the name of a list entry: its label without a year or 文号 before it.
func entryName(f proseFig) string {
	s := labelOf(f.lead)
	if loc := listOpenIn.FindStringIndex(s); loc != nil {
		s = s[loc[1]:] // 两个项目资金分别为道路硬化 → 道路硬化
	}
	if fundSource.MatchString(s) || utf8.RuneCountInString(s) < 2 || !worksEnd.MatchString(s) && strings.ContainsAny(f.whole, "-－—") {
		// 从教委调剂至…--功能室改造工程-关于…的通知(校舍维修)-中央10万元
		segs := dashes.Split(f.whole, -1)
		for k := len(segs) - 2; k >= 0; k-- {
			if seg := trimPunct(cleanText(segs[k])); worksEnd.MatchString(seg) && utf8.RuneCountInString(seg) <= 30 {
				s = seg
				break
			}
		}
	}
	s = docNumber.ReplaceAllString(s, "")
	if mk, ok := parseMarker(s); ok {
		s = s[mk.len:] // 1、因公出国（境）费
	}
	return trimPunct(s)
}

// sentenceUnits cuts a sentence into clauses, and a clause holding several
// figures separated by 、 into its pieces.
func sentenceUnits(text string, s [2]int, figs []proseFig, si int) []listUnit {
	var out []listUnit
	for _, c := range proseClauses(text, s) {
		sep := rune(0)
		if c[1] < len(text) {
			sep, _ = utf8.DecodeRuneInString(text[c[1]:])
		}
		var in []int
		for i, f := range figs {
			if f.sent == si && f.m.Start >= c[0] && f.m.End <= c[1] && !f.paren {
				in = append(in, i)
			}
		}
		if len(in) >= 2 && strings.Contains(text[c[0]:c[1]], "、") {
			// 央省14059.11万元、市级1299万元、县级3845.986万元
			from := c[0]
			for n, i := range in {
				end := c[1]
				if n+1 < len(in) {
					if k := outerIndex(text[figs[i].m.End:figs[in[n+1]].m.Start], "、"); k >= 0 {
						end = figs[i].m.End + k
					} else {
						end = figs[in[n+1]].m.Start
					}
				}
				sp := sep
				if n+1 < len(in) {
					sp = '、'
				}
				out = append(out, listUnit{start: from, end: end, figs: []int{i}, sep: sp})
				// the next piece's lead starts after the 、
				if n+1 < len(in) {
					figs[in[n+1]].lead = strings.TrimSpace(strings.TrimPrefix(text[end:figs[in[n+1]].m.Start], "、"))
				}
				from = end + len("、")
			}
			continue
		}
		out = append(out, listUnit{start: c[0], end: c[1], figs: in, sep: sep})
	}
	return out
}

// singleItem makes the one item of a report about one project: its name
// from the label 项目名称, 项目为一个：…, the sentence of the stated total
// (用于…项目, …项目计划投资, 下达…资金), the opening (现将…报告如下, 对…开展自评)
// or, when the text speaks of 本项目, the title; its budget is the stated
// total, its actual the first payment figure.
func singleItem(doc *ingest.Document, figs []proseFig, sents [][2]int, total int, count *int, r *Report) (Item, bool) {
	text := doc.Text
	plain := dropGloss(text) // names read without a reprint site's reading glosses
	name, at := "", -1
	set := func(n string, off int) {
		n = trimPunct(cleanText(dropGloss(n)))
		n = docNumber.ReplaceAllString(n, "")
		if name == "" && utf8.RuneCountInString(n) >= 6 && !notItemName.MatchString(n) {
			name, at = n, off
		}
	}
	if m := nameLabel.FindStringSubmatchIndex(plain); m != nil {
		n := plain[m[2]:m[3]]
		if loc := nextLabel.FindStringIndex(n); loc != nil {
			n = n[:loc[0]] // 项目名称:…工程评价年度:2022 — the next label ends the name
		}
		set(n, 0)
	}
	if m := namedAs.FindStringSubmatchIndex(plain); m != nil {
		set(strings.TrimLeft(plain[m[2]:m[3]], "*＊ "), 0)
	}
	if m := oneProject.FindStringSubmatchIndex(plain); m != nil {
		set(plain[m[2]:m[3]], 0)
	}
	if h := readHead(publishedLines(doc)); h.title != "" {
		set(titleSubject(h.title), 0) // …绩效自评报告(教育专项工作经费)
	} else {
		set(titleSubject(r.Title), 0)
	}
	for _, f := range sameAsTotal(figs, total) {
		st := text[sents[f.sent][0]:sents[f.sent][1]]
		if m := usedFor.FindStringSubmatch(st); m != nil {
			set(m[1], sents[f.sent][0])
		}
		if m := carriedOut.FindStringSubmatch(st[:f.m.Start-sents[f.sent][0]]); m != nil {
			set(stripOwner(m[1]), sents[f.sent][0]) // 我乡实施了X村道路硬化项目，计划投资45万元
		}
		lead := text[f.clause[0]:f.m.Start]
		if loc := verbBefore.FindAllStringIndex(lead, -1); len(loc) > 0 {
			obj := labelOf(lead[loc[len(loc)-1][1]:])
			subj := labelOf(lead[:loc[len(loc)-1][0]])
			if projectEnd.MatchString(subj) {
				set(stripOwner(subj), f.clause[0])
			}
			// a fund named after the verb (下达…项目州级补助资金2.00万元), unless the
			// sentence breaks it down into sources (…资金共1077.56万元，其中：…)
			fund := strings.HasSuffix(obj, "资金") && utf8.RuneCountInString(obj) >= 8 && !partLead.MatchString(strings.TrimLeft(text[f.m.End:sents[f.sent][1]], "，,：: "))
			if fund || projectEnd.MatchString(obj) {
				set(obj, f.clause[0])
			}
		} else if lb := labelOf(lead); projectEnd.MatchString(lb) {
			set(stripOwner(lb), f.clause[0])
		}
	}
	if m := reportOf.FindStringSubmatchIndex(plain); m != nil && projectEnd.MatchString(plain[m[2]:m[3]]) {
		set(plain[m[2]:m[3]], 0)
	}
	if m := evaluateOf.FindStringSubmatchIndex(plain); m != nil {
		set(plain[m[2]:m[3]], 0)
	}
	title := r.Title
	if h := readHead(publishedLines(doc)); h.title != "" {
		title = h.title // the document's own title, as the header reader finds it
	}
	if name == "" && thisProj.MatchString(text) && title != "" {
		if t := reportTail.ReplaceAllString(title, ""); t != title {
			set(t, 0)
		}
	}
	if name == "" && total >= 0 && title != "" {
		// the project or fund the title names, when the report states one total
		// (某县卫生健康局2022年公共卫生服务补助资金绩效自评报告)
		// — a title that names whose it is: a collection's generic heading
		// (美丽乡村建设项目绩效自评报告) names a programme, not one project
		if t := fundTail.ReplaceAllString(title, ""); t != title {
			u, place := unitOfTitle(t)
			owner := u
			if owner == "" {
				owner = place
			}
			if m := titlePlace.FindStringSubmatch(t); owner == "" && m != nil && r.Unit == m[1] {
				owner = m[1] // 无为市危房改造转移支付…: the place the report speaks for
			}
			if owner != "" && strings.HasPrefix(t, owner) {
				t = titleYearLead.ReplaceAllString(t[len(owner):], "")
				t = titleYearTail.ReplaceAllString(t, "")
				if titledFund.MatchString(t) {
					set(t, 0)
				}
			}
		}
	}
	if name == "" {
		return Item{}, false
	}
	if count != nil && *count > 1 {
		// 河南省…公司等9个产业扶贫项目: one item of nine; otherwise not a single project
		m := groupOf.FindStringSubmatch(name)
		if m == nil || m[1] != strconv.Itoa(*count) {
			return Item{}, false
		}
	}
	it := newItem(1, name, doc, Span{at, at + len(name)})
	if total >= 0 {
		f := &figs[total]
		it.SetBudget(f.m.Amount)
		it.Span = Span{f.clause[0], f.clause[1]}
		it.Page = doc.PageAt(f.clause[0])
	}
	// the payment: a figure after a payment word; else a budget said to be all paid
	var tailPaid *money.Amount
	for i := range figs {
		f := &figs[i]
		if f.paren {
			continue
		}
		if f.role == roleActual && !f.part {
			it.SetActual(f.m.Amount)
			break
		}
		if tailPaid == nil && it.Budget != nil && (f.role == roleBudget || f.role == rolePlain) && f.m.Amount.Wan.Equal(*it.BudgetWan) && (paidAfter.MatchString(f.tail) || paidLater(text, f.m.End)) {
			a := f.m.Amount
			tailPaid = &a
		}
	}
	if it.Actual == nil && tailPaid != nil {
		it.SetActual(*tailPaid)
	}
	it.Disbursement = disbursement(it)
	if it.Actual == nil && (paidClaim.MatchString(text) || fullRate.MatchString(text)) {
		it.Disbursement = Full
	}
	if m := groupOf.FindStringSubmatch(it.Name); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n > 1 {
			it.Subprojects = n
		}
	}
	return it, true
}

// stripOwner drops the reporting unit before a project name (我县2022年… →
// 2022年…, 我校(长沙县第三中学)2022年… → 2022年…).
func stripOwner(s string) string {
	for _, p := range []string{"我", "本"} {
		if strings.HasPrefix(s, p) {
			s = strings.TrimLeft(s[len(p):], "县镇乡局校市区村院")
			return ownerBracket.ReplaceAllString(s, "")
		}
	}
	return s
}

var ownerBracket = regexp.MustCompile(`^[(（][^()（）]{2,30}[)）]`)

// paidLater reports whether the sentence after offset end says, before any
// other amount, that it was all paid (…60万元，用于…项目，已全部拨付。).
func paidLater(text string, end int) bool {
	rest := text[end:]
	if k := strings.IndexAny(rest, "。；;\n"); k >= 0 {
		rest = rest[:k]
	}
	loc := paidAfter.FindStringIndex(rest)
	return loc != nil && money.Find(rest[:loc[0]]) == nil && !strings.Contains(rest[:loc[0]], "未")
}

func text(doc *ingest.Document) string { return doc.Text }

// sameAsTotal lists the budget figures that state the chosen total (the
// total itself first, then the others of the same value, in order): each
// sentence stating it may name the project.
func sameAsTotal(figs []proseFig, total int) []proseFig {
	if total < 0 {
		return nil
	}
	out := []proseFig{figs[total]}
	for i, f := range figs {
		if i != total && !f.part && !f.paren && (f.role == roleBudget || f.role == rolePlain) && f.m.Amount.Wan.Equal(figs[total].m.Amount.Wan) {
			out = append(out, f)
		}
	}
	return out
}

// markedPara is a numbered paragraph: its marker, where it starts, where its
// first line ends and where it ends.
type markedPara struct {
	mk                  marker
	start, lineEnd, end int
}

// shiMarker finds 一是 二是 … inside running text (a reflowed page joins the
// lines of such a list): a 是-ordinal after punctuation, a figure's unit or
// the line start.
var shiMarker = regexp.MustCompile(`([一二三四五六七八九十])是`)

// markedParas lists the numbered paragraphs of the text: lines that open with
// a marker (up to a blank line or the next marker), and the pieces of a line
// that numbers its parts 一是…二是…三是… inline.
func markedParas(lines []textLine) []markedPara {
	var out []markedPara
	for i, l := range lines {
		inline := inlineShi(l.text)
		if mk, ok := parseMarker(l.text); ok && len(inline) < 2 {
			end := l.end()
			for j := i + 1; j < len(lines); j++ {
				t := strings.TrimSpace(lines[j].text)
				if t == "" {
					break
				}
				if _, ok := parseMarker(t); ok {
					break
				}
				end = lines[j].end()
			}
			out = append(out, markedPara{mk: mk, start: l.start, lineEnd: l.end(), end: end})
			continue
		}
		at := inline
		if len(at) < 2 {
			continue
		}
		for k, a := range at {
			end := len(l.text)
			if k+1 < len(at) {
				end = at[k+1]
			}
			mk := marker{seq: k + 1, style: styleShi, len: len("一是")}
			out = append(out, markedPara{mk: mk, start: l.start + a, lineEnd: l.start + end, end: l.start + end})
		}
	}
	return out
}

// inlineShi gives the offsets of 一是, 二是 … numbered in order from 一 in a line.
func inlineShi(t string) []int {
	var at []int
	want := 1
	for _, m := range shiMarker.FindAllStringSubmatchIndex(t, -1) {
		if hanNumber(t[m[2]:m[3]]) != want {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(t[:m[0]])
		if m[0] > 0 && unicode.Is(unicode.Han, prev) && prev != '元' {
			continue // 统一是, 唯一是
		}
		at = append(at, m[0])
		want++
	}
	return at
}

// masked is a figure the publisher blanked out (预算数*元, 执行数78.*元).
var masked = regexp.MustCompile(`(?:预算数|执行数|预算|资金|金额|支出|拨付)\s*(?:为)?\s*[\d.]*[*＊]+[\d.*＊]*\s*(?:万元|元)?`)

// maskedFigures reports the blanked-out figures of an item's text as unreadable.
func maskedFigures(doc *ingest.Document, start, end, seq int) []Unparsed {
	var out []Unparsed
	for _, m := range masked.FindAllStringIndex(doc.Text[start:end], -1) {
		at := start + m[0]
		out = append(out, Unparsed{Text: strings.TrimSpace(doc.Text[at : start+m[1]]), Reason: "金额被遮盖，无法读出 (masked)",
			Item: seq, Page: doc.PageAt(at), Span: Span{at, start + m[1]}})
	}
	return out
}

// sourceName finds where a fund source's name starts in a label
// (截止…眉山市中央资金 → 中央资金).
var parenthesis = regexp.MustCompile(`[(（][^)）]*[)）]`)

var sourceName = regexp.MustCompile(`(?:中央|省级|市级|县级|区级|地方|本级|上级|其他|自治区级?)[^，。；]*$`)

// sourceItems reads execution by fund source, when a sentence gives each
// source's payment with its rate (中央资金完成636.75万元，预算执行率81.97%，
// 省级资金完成288.26万元，预算执行率99.28%…): each source is an item, its
// budget the first budget stated earlier for the same source.
func sourceItems(doc *ingest.Document, figs []proseFig, sents [][2]int) []Item {
	text := doc.Text
	for si, s := range sents {
		units := sentenceUnits(text, s, figs, si)
		var entries []int
		for k, u := range units {
			if len(u.figs) != 1 || k+1 >= len(units) {
				continue
			}
			f := figs[u.figs[0]]
			next := text[units[k+1].start:units[k+1].end]
			if f.role != roleActual || !rateRE.MatchString(next) || !fundSource.MatchString(parenthesis.ReplaceAllString(labelOf(f.lead), "")) {
				continue
			}
			if sourceName.FindString(labelOf(f.lead)) == "" {
				continue
			}
			entries = append(entries, u.figs[0])
		}
		if len(entries) < 2 {
			continue
		}
		var out []Item
		for _, e := range entries {
			f := figs[e]
			name := sourceName.FindString(labelOf(f.lead))
			it := newItem(len(out)+1, name, doc, Span{f.clause[0], f.clause[1]})
			it.SetActual(f.m.Amount)
			figs[e].used = true
			key := sourceKey(name)
			for _, b := range figs {
				if b.m.Start >= s[0] {
					break
				}
				if b.role == roleBudget && !b.paren && strings.Contains(labelOf(b.lead), key) {
					it.SetBudget(b.m.Amount)
					break
				}
			}
			it.Disbursement = disbursement(it)
			out = append(out, it)
		}
		return out
	}
	return nil
}

// sourceKey is what names a fund source in other sentences: 中央 of 中央资金,
// 结转 of 其他资金（上年结转）.
func sourceKey(name string) string {
	if i := strings.IndexAny(name, "(（"); i >= 0 && strings.HasPrefix(name, "其他") {
		inner := []rune(strings.Trim(name[i:], "()（）"))
		if len(inner) >= 2 {
			return string(inner[len(inner)-2:])
		}
	}
	r := []rune(name)
	if len(r) > 2 {
		r = r[:2]
	}
	return string(r)
}

// namedOpen opens a list of names: …，分别是A、B、C及D。
var namedOpen = regexp.MustCompile(`(?:分别是|分别为|具体是|具体为|即)\s*[:：]?\s*`)

// namedItems reads the projects a report names in one list after saying how
// many there are (…6所学校建设项目…，分别是A、B、C、D、E及F): n names and no
// amounts. Any other number of names is not that list.
func namedItems(doc *ingest.Document, n int) []Item {
	if n < 2 || n > 30 {
		return nil
	}
	text := doc.Text
	for _, loc := range namedOpen.FindAllStringIndex(text, -1) {
		end := loc[1]
		for end < len(text) {
			r, w := utf8.DecodeRuneInString(text[end:])
			if strings.ContainsRune("。；;\n", r) {
				break
			}
			end += w
		}
		list := text[loc[1]:end]
		if money.Find(list) != nil || strings.ContainsAny(list, "，,：:") {
			continue
		}
		names := nameSplit.Split(list, -1)
		if len(names) != n {
			continue
		}
		var out []Item
		at := loc[1]
		for _, nm := range names {
			k := strings.Index(text[at:end], nm)
			nm = trimPunct(cleanText(nm))
			if c := utf8.RuneCountInString(nm); c < 2 || c > 30 {
				return nil
			}
			start := at
			if k >= 0 {
				start = at + k
			}
			out = append(out, newItem(len(out)+1, nm, doc, Span{start, start + len(nm)}))
			at = start + len(nm)
		}
		return out
	}
	return nil
}

// outerIndex is the index of the first sep in s outside brackets (the 、
// between two entries, not the 、 of a breakdown in brackets after the first), or -1.
func outerIndex(s, sep string) int {
	depth := 0
	for i, r := range s {
		switch r {
		case '（', '(', '【', '[', '《':
			depth++
		case '）', ')', '】', ']', '》':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 && strings.HasPrefix(s[i:], sep) {
				return i
			}
		}
	}
	return -1
}

// nextClause is the clause that follows offset i of s in its sentence (after
// the ，), or "" at the sentence's end.
func nextClause(s string, i int) string {
	if i < 0 || i > len(s) {
		return ""
	}
	rest := s[i:]
	if end := strings.IndexAny(rest, "。；;\n"); end >= 0 {
		rest = rest[:end]
	}
	k := strings.IndexAny(rest, "，,")
	if k < 0 {
		return ""
	}
	rest = rest[k+len(string([]rune(rest[k:])[0])):]
	if end := strings.IndexAny(rest, "，,"); end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// listAnnounced reports whether the text just before offset at announces a
// list (…政策任务 4 个，具体如下： / 分别为：).
func listAnnounced(text string, at int) bool {
	from := max(0, at-40)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	return announcesList.MatchString(strings.TrimSpace(text[from:at]))
}

var announcesList = regexp.MustCompile(`(?:具体如下|分别为|分别是|主要有|包括)\s*[：:]?$`)
