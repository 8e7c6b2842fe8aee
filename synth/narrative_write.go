package synth

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// narrativeStyle is how one hand writes a narrative report.
type narrativeStyle struct {
	sp         spacing
	listNum    int
	evalNum    int
	dimNum     int
	colon      string
	budgetWord string
	actualWord string
	noneWord   string
	sections   int
	breakRate  float64
	titleLevel int
	secLevel   int
}

func newNarrativeStyle(r rng) narrativeStyle {
	s := narrativeStyle{
		sp:         spacing(pick(r, []float64{0, 0, 1, 1, 1, 0.5})),
		listNum:    r.weighted(50, 25, 15, 5),
		evalNum:    r.weighted(60, 15, 10, 15),
		dimNum:     r.weighted(80, 10, 10),
		colon:      pick(r, []string{"：", "：", "：", ":"}),
		budgetWord: pick(r, []string{"预算金额", "预算资金", "下达资金"}),
		actualWord: pick(r, []string{"实际拨付", "实际支付", "实际支出"}),
		noneWord:   pick(r, []string{"未拨付", "未拨付", "资金未拨付", "未支出"}),
		sections:   r.weighted(70, 30),
		breakRate:  pick(r, []float64{0, 0, 0.03, 0.08}),
		titleLevel: r.between(1, 2),
	}
	s.secLevel = s.titleLevel + 1
	if s.sections == 1 && s.listNum == 3 {
		s.listNum = 0 // 一、 items inside 二、项目概况 would be unreadable even for a person
	}
	return s
}

// listMark numbers listed items.
func (s narrativeStyle) listMark(n int) string {
	switch s.listNum {
	case 1:
		return strconv.Itoa(n) + "、"
	case 2:
		return "（" + chineseNumber(n) + "）"
	case 3:
		return chineseNumber(n) + "、"
	}
	return strconv.Itoa(n) + ". "
}

// evalMark numbers evaluation entries.
func (s narrativeStyle) evalMark(r rng, n int) string {
	switch s.evalNum {
	case 1:
		return "(" + chineseNumber(n) + ") "
	case 2:
		return strconv.Itoa(n) + "."
	case 3:
		return "（" + strconv.Itoa(n) + "）"
	}
	if r.chance(0.1) {
		return "(" + chineseNumber(n) + ") " // the reference switches style halfway
	}
	return "（" + chineseNumber(n) + "）"
}

func (s narrativeStyle) dimMark(n int) string {
	switch s.dimNum {
	case 1:
		return "（" + strconv.Itoa(n) + "）"
	case 2:
		return strconv.Itoa(n) + "."
	}
	return strconv.Itoa(n) + "、"
}

var dimLabels = []string{"项目立项", "资金落实", "业务管理", "项目产出", "项目效益"}

// writeNarrative lays a narrative out as blocks and returns its truth.
func writeNarrative(nr *narrative, r rng) (*document, Truth) {
	s := newNarrativeStyle(r)
	u, y := nr.u, nr.year
	ys := strconv.Itoa(y)
	count := strconv.Itoa(nr.count)
	doc := &document{}
	add := func(b block) { doc.blocks = append(doc.blocks, b) }
	para := func(text string) block {
		b := block{kind: kindPara, text: s.sp.apply(r, text), indent: true}
		s.maybeBreak(r, &b, 4)
		return b
	}
	heading := func(text string, level int) {
		add(block{kind: kindHeading, text: s.sp.apply(r, text), level: level, bold: true})
	}
	fill := func(t string) string {
		return expand(t, func(key string) string {
			switch key {
			case "y":
				return ys
			case "self":
				return u.self
			case "whole":
				return u.whole
			case "unit":
				return u.name
			case "n":
				return count
			case "x":
				return nr.stated.text
			}
			return "{" + key + "}"
		})
	}

	if r.chance(0.1) {
		add(block{kind: kindStray, text: pick(r, strayLines)})
	}
	title := fill(pick(r, []string{
		"{unit}{y}年部门年度绩效自评工作报告",
		"{unit}{y}年度绩效自评报告",
		"{unit}关于{y}年度项目支出绩效自评情况的报告",
		"{y}年{unit}专项资金绩效自评报告",
	}))
	doc.title = title
	shownTitle := s.sp.apply(r, title)
	if r.chance(0.1) { // a stray space inside the title, as in the reference
		rs := []rune(shownTitle)
		if i := len(rs) - 6; i > 0 && rs[i] != ' ' && rs[i-1] != ' ' {
			shownTitle = string(rs[:i]) + " " + string(rs[i:])
		}
	}
	add(block{kind: kindTitle, text: shownTitle, level: s.titleLevel, bold: true, center: true})
	add(para(fill(pick(r, introTexts))))

	organise := fill(pick(r, organiseTexts))
	if nr.claim {
		organise += "，" + count + "个专项工作中，" + pick(r, []string{"全部按预算实施验收完毕", "全部按预算实施完毕并验收合格", "均已全部按预算实施完毕"}) + "。"
	} else {
		organise += pick(r, []string{"，" + count + "个专项工作有序推进。", "。"})
	}
	overview := fill(pick(r, []string{
		"{y}年{whole}涉及县级及以上专项资金项目共计{n}个，预算总金额为{x}，具体项目概况如下：",
		"{y}年{self}项目共计{n}个，预算总金额为{x}，具体如下：",
		"{y}年度{self}涉及专项资金项目共{n}个、资金总额{x}，具体情况如下：",
		"本年度共实施项目{n}个，下达资金总额{x}，项目概况如下：",
	}))

	if s.sections == 0 {
		heading("一、绩效自评工作开展情况", s.secLevel)
		heading("（一）基本经验及主要做法", s.secLevel+1)
		add(para(pick(r, experienceTexts)))
		heading("（二）专项组织实施情况", s.secLevel+1)
		add(para(organise))
		heading("（三）项目概况", s.secLevel+1)
	} else {
		heading("一、基本情况", s.secLevel)
		add(para(pick(r, experienceTexts)))
		add(para(organise))
		heading("二、项目概况", s.secLevel)
	}
	add(para(overview))
	pageNums := map[int]bool{}
	if r.chance(0.2) {
		pageNums[r.IntN(len(nr.items))] = true
	}
	for i := range nr.items {
		add(s.itemBlock(r, nr, &nr.items[i]))
		if pageNums[i] && i+1 < len(nr.items) {
			add(block{kind: kindStray, text: "- " + strconv.Itoa(r.between(2, 5)) + " -"})
		}
	}

	if s.sections == 0 {
		heading("二、绩效目标实现情况", s.secLevel)
	} else {
		heading("三、项目绩效自评情况", s.secLevel)
	}
	add(para(fill("我单位{y}年度" + count + "个项目中，从项目立项、资金落实、业务管理到财务管理、项目产出、项目效益，各专项项目总分都达到90分以上。")))
	lixiang, zijin, guanli := pick(r, lixiangTexts), pick(r, zijinTexts), pick(r, guanliTexts)
	markup := r.IntN(5)
	bullets := r.chance(0.3)
	for k, ev := range nr.evals {
		if r.chance(0.2) {
			markup = r.IntN(5)
			bullets = r.chance(0.3)
		}
		mark, heading := s.evalMark(r, k+1), s.sp.apply(r, ev.heading)
		if strings.HasSuffix(mark, ".") && heading[0] >= '0' && heading[0] <= '9' {
			mark += " " // 1. 2017年…, never 1.2017年…
		}
		head := mark + heading
		if r.chance(0.85) {
			head += s.colon
		}
		b := block{kind: kindHeading, text: head}
		switch markup {
		case 0:
			b.level = s.secLevel + 1
		case 1:
			b.level = s.secLevel + 2
		case 2:
			b.bold, b.mdBold = true, true
		case 3:
			b.level, b.bold, b.mdBold = s.secLevel+2, true, true
		}
		add(b)
		texts := []string{lixiang, zijin, guanli, ev.output + "。", ev.effect + "。"}
		n := 0
		for d := range Dimensions {
			if !ev.dims[d] {
				continue
			}
			n++
			colon := s.colon
			if colon == ":" {
				colon = ": "
			}
			db := block{kind: kindPara, text: s.dimMark(n) + dimLabels[d] + colon + s.sp.apply(r, texts[d]), bullet: bullets}
			s.maybeBreak(r, &db, utf8.RuneCountInString(s.dimMark(n)+dimLabels[d]+colon)+1)
			add(db)
		}
	}

	if s.sections == 0 {
		heading("三、绩效目标设定质量情况", s.secLevel)
		add(para(pick(r, qualityTexts)))
		heading("四、整改措施及结果应用", s.secLevel)
	} else {
		heading("四、存在的问题及整改措施", s.secLevel)
	}
	add(para(pick(r, rectifyTexts)))
	for i, p := range r.Perm(len(rectifyPoints))[:2] {
		add(para("（" + chineseNumber(i+1) + "）" + rectifyPoints[p]))
	}
	return doc, nr.truth(doc.title)
}

// itemBlock writes one listed item:
// 1. 南屯镇信访稳定经费：共计 4 个项目，预算金额 19 万元，实际拨付 13 万元。用于…。
func (s narrativeStyle) itemBlock(r rng, nr *narrative, it *item) block {
	var b strings.Builder
	b.WriteString(it.name)
	b.WriteString(s.colon)
	if it.sub > 1 {
		if it.subTypo {
			b.WriteString("共计" + strconv.Itoa(it.sub) + "各项目，")
		} else {
			b.WriteString("共计" + strconv.Itoa(it.sub) + "个项目，")
		}
	}
	word := s.budgetWord
	if r.chance(0.2) {
		word = pick(r, []string{"预算金额", "预算资金"})
	}
	b.WriteString(word)
	b.WriteString(it.budget.text)
	switch {
	case it.disb == DisbursedNone:
		b.WriteString("，" + s.noneWord + "。")
		return s.finishItem(r, it, b.String(), -1)
	case it.actual != nil:
		b.WriteString("，" + s.actualWord + it.actual.text)
	}
	b.WriteString(pick(r, []string{"。", "，", "。", ". "}))
	purposeAt := b.Len()
	b.WriteString("用于" + fillText(nr.u, it.e, nr.year, it.e.proj.purpose) + "。")
	return s.finishItem(r, it, b.String(), purposeAt)
}

// finishItem spaces an item line, numbers it and perhaps breaks it inside
// its purpose (never inside the name or an amount).
func (s narrativeStyle) finishItem(r rng, it *item, text string, purposeAt int) block {
	if purposeAt < 0 {
		return block{kind: kindPara, text: s.listMark(it.seq) + s.sp.apply(r, text)}
	}
	head := s.listMark(it.seq) + s.sp.apply(r, text[:purposeAt])
	b := block{kind: kindPara, text: head + s.sp.apply(r, text[purposeAt:])}
	s.maybeBreak(r, &b, utf8.RuneCountInString(head)+2)
	return b
}

// maybeBreak breaks a block's line somewhere after its first `after` runes,
// between two non-space characters that are not both ASCII.
func (s narrativeStyle) maybeBreak(r rng, b *block, after int) {
	if !r.chance(s.breakRate) {
		return
	}
	var offs []int
	var prev rune
	n := 0
	for i, c := range b.text {
		if n > after && breakable(prev) && breakable(c) && i < len(b.text)-len("。") {
			offs = append(offs, i)
		}
		prev = c
		n++
	}
	if len(offs) == 0 {
		return
	}
	b.brk = pick(r, offs)
	b.gap = pick(r, []string{"\n\n", "\n\n", "\n\n\n\n"})
}

// truth is what the narrative says, for truth.jsonl.
func (nr *narrative) truth(title string) Truth {
	t := Truth{
		Unit: nr.u.name, County: nr.u.county, Year: nr.year, Genre: GenreNarrative, Title: NormalizeName(title),
		StatedTotalWan: wanString(nr.stated.fen), StatedCount: nr.count, Claim: nr.claim,
		Planted: nr.planted,
	}
	for _, it := range nr.items {
		ti := TruthItem{Seq: it.seq, Key: it.e.key, Name: it.name, BudgetWan: wanString(it.budget.fen),
			Disbursement: it.disb, Subprojects: it.sub}
		if it.actual != nil {
			ti.ActualWan = wanString(it.actual.fen)
		}
		if it.eval >= 0 {
			ev := nr.evals[it.eval]
			ti.Evaluation = ev.heading
			for d, ok := range ev.dims {
				if ok {
					ti.Dimensions = append(ti.Dimensions, Dimensions[d])
				}
			}
		}
		t.Items = append(t.Items, ti)
	}
	if t.Planted == nil {
		t.Planted = []Plant{}
	}
	return t
}

// breakable: layout breaks are put only between Han characters, and never
// next to a money unit or a counter, so figures stay whole.
func breakable(c rune) bool {
	return unicode.Is(unicode.Han, c) && !strings.ContainsRune("万元个各", c)
}
