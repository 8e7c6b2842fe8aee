package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Indicators written as prose. A narrative report often gives its 绩效指标
// not as a table but as labelled paragraphs: 「（一）产出指标 1.数量指标：应补助
// 人数9人，实际补助人数9人。」, 「一是数量指标：……二是质量指标：……」,
// 「质量指标：项目(工程)验收合格率100%」. They are read here into the same
// Indicator records as a table's rows: level1 (产出/效益/满意度指标), level2 (数量
// 指标 …, as written), level3 the name of what is measured, and the target and
// actual as written. A figure is one the indicator reader (ReadMeasure) reads;
// a sentence under an indicator label whose figures cannot be given a name
// and a place honestly (two figures in one clause, words after the figure,
// no name) is not guessed at: it is named in a prose-indicators-unsure
// warning. A satisfaction rate stated anywhere in the prose (受益群众满意度100%)
// is read as well, as the one indicator a report commonly states unlabelled.

// indicatorLabel is the name of an indicator level at the start of a heading
// or clause (产出指标, 数量指标, 社会效益, 服务对象满意度指标).
var indicatorLabel = regexp.MustCompile(`^(?:(产出|效益|满意度)指标|(数量|质量|时效|进度|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|服务对象满意度|社会公众满意度)(指标)?)`)

// labelTail is what may follow a label: 完成情况(分析), then a separator.
var labelTail = regexp.MustCompile(`^(?:完成情况分析|完成情况|情况分析|情况)?\s*`)

// level1Of is the 一级指标 a 二级指标 belongs to.
var level1Of = map[string]string{"数量": "产出指标", "质量": "产出指标", "时效": "产出指标", "进度": "产出指标", "成本": "产出指标",
	"经济效益": "效益指标", "社会效益": "效益指标", "生态效益": "效益指标", "环境效益": "效益指标", "可持续影响": "效益指标",
	"服务对象满意度": "满意度指标", "社会公众满意度": "满意度指标"}

// proseUnit is the unit of an indicator figure in prose, longest first; a
// per-unit (/生.年, /人) may follow.
const proseUnit = `%|％|‰|万元|亿元|元|平方米|平方公里|立方米|公里|千米|公顷|人次|户次|课时|学时|小时|㎡|km|m2|m³|m|米|亩|吨|人|户|个|次|座|台|套|间|处|所|家|项|辆|条|只|头|份|册|场|期|名|位|盏|棵|株|口|眼|批|本|篇|批次|年|天|分`

// proseFigure is a figure with its unit, the direction words around it
// kept (≥27人, 不低于95%, 95%以上).
var proseFigure = regexp.MustCompile(`(?:≥+|≤+|>=|<=|＞|＜|>|<|＝|=|不低于|不少于|不小于|不高于|不超过|不大于|大于等于|小于等于|控制在)?\s*\d+(?:\.\d+)?\s*(?:` + proseUnit + `)(?:/[^\d\s,，。；;、:：()（）]{1,4})?(?:及以上|及以下|以上|以下|以内)?`)

// repeatedDir is a direction sign written twice (≥≥98%), read as once.
var repeatedDir = regexp.MustCompile(`^(≥|≤)+`)

// yearFigure is a year or date, never an indicator figure (2023年, 2019年12月).
var yearFigure = regexp.MustCompile(`^(?:19|20)\d\d年$`)

var (
	// nameLead is what opens a clause before the thing measured: a time, the unit speaking.
	nameLead = regexp.MustCompile(`^(?:(?:19|20)\d\d年(?:度|初|底|末)?|全年|年内|本年度|当年)?\s*[，,]?\s*(?:使|让|确保|保证)?\s*(?:我(?:校|镇|乡|局|院|单位|中心|委|办|所|站|园|馆|街道)|本单位|该项目的?|本项目的?)?\s*(?:已完成|已|需要|需)?`)
	// nameTrail is the verb or target word between the name and its figure.
	nameTrail = regexp.MustCompile(`(?:大于|高于|不低于)?(?:年度)?(?:指标值|目标值)$|(?:全年)?(?:实际完成值|完成值|实际完成|实际)$|(?:为|达到|达|是|约|共计|合计|共|均为|均达到|均达|均|实现|在|：|:|\s)+$`)
	// targetWord says the figure after it is the target.
	targetWord = regexp.MustCompile(`指标值|目标值|目标|计划|预计|预期|预定|^应`)
	// achievedWord says the figure after it is what was achieved.
	achievedWord = regexp.MustCompile(`实际|完成值`)
	// plainTail is what may follow a figure and leave its clause a plain statement.
	plainTail = regexp.MustCompile(`^[\s。；;，,.、！]*$|^(?:左右|的?目标|的?标准)[\s。；;，,.]*$`)
	// closingHeading is a heading after the indicators (存在的问题, 未完成的绩效目标).
	closingHeading = regexp.MustCompile(`问题|原因|措施|建议|未完成|偏差|结论|应用|工作开展|其他`)
	// achievedHeading is a heading over what was achieved, not the targets set.
	achievedHeading = regexp.MustCompile(`完成|实现|实际|自评|分析|执行`)
	// satisfaction is a satisfaction rate stated in prose.
	satisfaction = regexp.MustCompile(`满意(?:度|率)`)
)

// indicatorBlock is the text under one indicator label.
type indicatorBlock struct {
	level1, level2 string
	start, end     int // of the text under the label
	target         bool
}

// proseIndicators reads the indicators a narrative report writes as prose.
func proseIndicators(text string, pageAt func(int) int) ([]Indicator, []string) {
	blocks := indicatorBlocks(text)
	var out []Indicator
	var warns []string
	inBlock := func(off int) bool {
		for _, b := range blocks {
			if off >= b.start && off < b.end {
				return true
			}
		}
		return false
	}
	for _, b := range blocks {
		sents := blockSentences(text, b.start, b.end)
		if s, ok := narrativeBlock(text, sents); ok {
			// an account of the work under an indicator label (…坚持“户申请、村评议”原则，
			// …计划补助115户。…最终确定…264户): its figures are not statements of indicators
			warns = append(warns, unsureWarning(text, s, pageAt))
			continue
		}
		for _, s := range sents {
			if inTableRow(text, s) {
				continue // a table's cells are the table readers' to read
			}
			inds, unsure := readIndicatorSentence(text, s, b)
			for i := range inds {
				inds[i].Page = pageAt(inds[i].Span[0])
			}
			out = append(out, inds...)
			if unsure {
				warns = append(warns, unsureWarning(text, s, pageAt))
			}
		}
	}
	// satisfaction rates and lists of rates sharing one figure in running
	// prose, outside any labelled block
	for _, s := range proseSentences(text) {
		if inTableRow(text, s) {
			continue // a table's cells are the table readers' to read
		}
		for _, c := range indicatorClauses(text, s) {
			if f := firstFigure(text[c[0]:c[1]]); f >= 0 && !inBlock(c[0]+f) {
				if names := rateList(text[c[0] : c[0]+f]); len(names) > 1 {
					inds, _ := readIndicatorSentence(text, c, indicatorBlock{})
					for _, ind := range inds {
						ind.Page = pageAt(ind.Span[0])
						out = append(out, ind)
					}
				}
			}
		}
		if !satisfaction.MatchString(text[s[0]:s[1]]) {
			continue
		}
		b := indicatorBlock{level1: "满意度指标"}
		inds, _ := readIndicatorSentence(text, s, b)
		for _, ind := range inds {
			if rateList(text[ind.Span[0]:ind.Span[1]]) != nil {
				continue
			}
			if !inBlock(ind.Span[0]) && satisfaction.MatchString(ind.Level3) && (strings.HasSuffix(ind.Target, "%") || strings.HasSuffix(ind.Actual, "%") ||
				strings.Contains(ind.Target, "%以") || strings.Contains(ind.Actual, "%以")) {
				ind.Page = pageAt(ind.Span[0])
				out = append(out, ind)
			}
		}
	}
	for i := range out {
		out[i].Prose = true
	}
	return out, warns
}

// inTableRow reports whether sentence s holds a table's cell separator:
// rows as every reader writes them ("| cell | cell |", or a cell a line
// after "|") are a table, however their words read as prose.
func inTableRow(text string, s [2]int) bool {
	return strings.Contains(text[s[0]:s[1]], "|")
}

// narrativeBlock reports whether the text under a label is an account of
// the work rather than statements of indicators: two or more long sentences
// (over 30 characters) with no figure beside those with figures. It gives the
// first sentence with a figure, to name in the warning.
func narrativeBlock(text string, sents [][2]int) ([2]int, bool) {
	long, first := 0, -1
	for i, s := range sents {
		t := text[s[0]:s[1]]
		if hasIndicatorFigure(t) {
			if first < 0 {
				first = i
			}
			continue
		}
		if utf8.RuneCountInString(strings.TrimSpace(t)) > 30 {
			long++
		}
	}
	if long < 2 || first < 0 {
		return [2]int{}, false
	}
	return sents[first], true
}

// firstFigure is the offset in s of its first indicator figure, or -1.
func firstFigure(s string) int {
	for _, m := range proseFigure.FindAllStringIndex(s, -1) {
		if f := strings.TrimSpace(s[m[0]:m[1]]); !yearFigure.MatchString(f) && isMeasure(f) {
			return m[0]
		}
	}
	return -1
}

// hasIndicatorFigure reports whether s holds a figure of an indicator.
func hasIndicatorFigure(s string) bool { return firstFigure(s) >= 0 }

// unsureWarning names a sentence that looks like indicators but was not split.
func unsureWarning(text string, s [2]int, pageAt func(int) int) string {
	sent := strings.TrimSpace(text[s[0]:s[1]])
	if utf8.RuneCountInString(sent) > 60 {
		sent = string([]rune(sent)[:60]) + "…"
	}
	return fmt.Sprintf("第 %d 页：“%s”像是绩效指标，但未能分出指标名、指标值与实际值，未读作指标 (prose-indicators-unsure)", pageAt(s[0]), sent)
}

// indicatorBlocks finds the indicator labels of the text and the text under
// each, up to the next label or a heading that is not one.
func indicatorBlocks(text string) []indicatorBlock {
	type label struct {
		at, end        int // the label's own start, and where the text under it starts
		level1, level2 string
	}
	var labels []label
	for _, ln := range splitTextLines(text) {
		// a label opens a line, or follows a full stop or a 一是/二是 in it
		for _, p := range labelStarts(ln.text) {
			at := ln.start + p
			s := text[at:ln.end()]
			lead := len(s) - len(strings.TrimLeft(s, " \t\u3000"))
			s = s[lead:]
			if mk, ok := parseMarker(s); ok {
				lead += mk.len
				s = s[mk.len:]
			}
			l1, l2, n, ok := readLabel(s)
			if !ok {
				continue
			}
			labels = append(labels, label{at: at, end: at + lead + n, level1: l1, level2: l2})
		}
	}
	lines := splitTextLines(text)
	var out []indicatorBlock
	for i, l := range labels {
		end := len(text)
		if i+1 < len(labels) {
			end = labels[i+1].at
		}
		// a heading that is not a label ends the block (（三）存在的问题, 3.未完成的绩效目标)
		for _, ln := range lines {
			if ln.start <= l.end || ln.start >= end {
				continue
			}
			if endsIndicators(ln.text) {
				end = ln.start
				break
			}
		}
		if end-l.end > 3000 {
			end = l.end + 3000
			for end < len(text) && !utf8.RuneStart(text[end]) {
				end++
			}
		}
		out = append(out, indicatorBlock{level1: l.level1, level2: l.level2, start: l.end, end: max(end, l.end),
			target: targetContext(text, lines, l.at)})
	}
	return out
}

// labelStarts are the offsets in a line where a label may begin: the line's
// start, and after a full stop, a colon, a comma or a space in it (一是数量指标：…。
// 二是质量指标：…; 产出指标完成情况：数量指标：…; （一）产出指标 1.数量指标).
func labelStarts(line string) []int {
	out := []int{0}
	for i, r := range line {
		switch r {
		case '。', '；', ';', '：', ':', '，', ',', ' ', '\u3000':
			out = append(out, i+utf8.RuneLen(r))
		}
	}
	return out
}

// readLabel reads one label or two run together (产出指标数量指标：, 满意度指标（服务对象
// 满意度指标）：) at the start of s, and the bytes they take with the
// separator after them. A name followed by anything but a separator, the
// line's end or a 完成情况 is not a label (数量指标、质量指标 listed in a sentence).
func readLabel(s string) (level1, level2 string, n int, ok bool) {
	for k := 0; k < 3; k++ {
		m := indicatorLabel.FindStringSubmatchIndex(s[n:])
		if m == nil {
			break
		}
		word := s[n+m[0] : n+m[1]]
		if m[2] >= 0 {
			if level1 != "" || level2 != "" {
				break
			}
			level1 = word
		} else {
			base := s[n+m[4] : n+m[5]]
			if m[6] < 0 && k == 0 && !strings.HasPrefix(strings.TrimLeft(s[n+m[1]:], " "), "：") && !strings.HasPrefix(strings.TrimLeft(s[n+m[1]:], " "), ":") {
				return "", "", 0, false // 社会效益 without 指标 only as 社会效益：
			}
			level2 = word
			level1 = level1Of[base]
		}
		n += m[1]
		n += len(labelTail.FindString(s[n:]))
		rest := s[n:]
		switch {
		case rest == "":
			return level1, level2, n, true
		case strings.HasPrefix(rest, "（") || strings.HasPrefix(rest, "("):
			w := len("（")
			if rest[0] == '(' {
				w = 1
			}
			if indicatorLabel.MatchString(rest[w:]) {
				n += w
				continue
			}
			return level1, level2, n, true
		case strings.HasPrefix(rest, "）") || strings.HasPrefix(rest, ")"):
			n += len(firstRune(rest))
			rest = s[n:]
		}
		if indicatorLabel.MatchString(rest) {
			continue
		}
		if t := strings.TrimLeft(rest, " \u3000"); len(t) < len(rest) {
			if mk, ok := parseMarker(t); ok && indicatorLabel.MatchString(t[mk.len:]) {
				return level1, level2, n, true // （一）产出指标 1.数量指标
			}
		}
		for _, sep := range []string{"：", ":", "。", "．", ".", "，", ","} {
			if strings.HasPrefix(rest, sep) {
				return level1, level2, n + len(sep), true
			}
		}
		if strings.TrimSpace(rest) == "" {
			return level1, level2, n, true
		}
		return "", "", 0, false
	}
	if level1 == "" && level2 == "" {
		return "", "", 0, false
	}
	return level1, level2, n, true
}

// endsIndicators reports whether a line is a heading that closes the
// indicators: a higher heading (二、 （三）) or one about problems and measures.
func endsIndicators(line string) bool {
	s := strings.TrimSpace(line)
	mk, ok := parseMarker(s)
	if !ok {
		return false
	}
	rest := s[mk.len:]
	if _, _, _, isLabel := readLabel(rest); isLabel {
		return false
	}
	if mk.style == styleHan || mk.style == styleParenHan {
		return true
	}
	return utf8.RuneCountInString(rest) <= 30 && closingHeading.MatchString(rest)
}

// targetContext reports whether the label stands under a heading about the
// targets set (绩效目标设定情况, 绩效目标) rather than what was achieved.
func targetContext(text string, lines []textLine, at int) bool {
	n := 0
	for i := len(lines) - 1; i >= 0 && n < 8; i-- {
		ln := lines[i]
		if ln.start >= at {
			continue
		}
		n++
		s := strings.TrimSpace(ln.text)
		mk, ok := parseMarker(s)
		if !ok || utf8.RuneCountInString(s) > 40 {
			continue
		}
		h := s[mk.len:]
		if _, _, _, isLabel := readLabel(h); isLabel {
			continue
		}
		if achievedHeading.MatchString(h) {
			return false
		}
		if strings.Contains(h, "目标") {
			return true
		}
		if mk.style == styleHan || mk.style == styleParenHan {
			return false
		}
	}
	return false
}

// blockSentences cuts a block into sentences: at 。！ and line ends, and at
// ；; unless what follows is the achieved figure of the same indicator
// (目标值≥300人次；实际完成值320人次).
func blockSentences(text string, start, end int) [][2]int {
	var out [][2]int
	s := start
	for i, r := range text[start:end] {
		i += start
		switch r {
		case '；', ';':
			if strings.HasPrefix(strings.TrimLeft(text[i+utf8.RuneLen(r):end], " \u3000"), "实际") {
				continue
			}
		case '。', '\n', '！':
		default:
			continue
		}
		if i > s {
			out = append(out, [2]int{s, i})
		}
		s = i + utf8.RuneLen(r)
	}
	if end > s {
		out = append(out, [2]int{s, end})
	}
	var kept [][2]int
	for _, x := range out {
		if strings.TrimSpace(text[x[0]:x[1]]) != "" {
			kept = append(kept, x)
		}
	}
	return kept
}

// clauseFig is a figure in one clause of a sentence.
type clauseFig struct {
	clause   [2]int
	fig      [2]int
	before   string // the clause's text before the figure
	after    string // and after it
	multiple bool   // the clause holds more than one figure
	named    string // the clause before it, when that has no figure
}

// readIndicatorSentence reads the indicators of one sentence under a label.
// unsure says the sentence has figures that could not be read as indicators.
func readIndicatorSentence(text string, s [2]int, b indicatorBlock) ([]Indicator, bool) {
	// the sentence's own marker and a 名称： head
	st := s[0]
	body := text[st:s[1]]
	lead := len(body) - len(strings.TrimLeft(body, " \t\u3000"))
	st += lead
	if mk, ok := parseMarker(text[st:s[1]]); ok {
		st += mk.len
	}
	head := ""
	for _, c := range proseClauses(text, [2]int{st, s[1]}) {
		sep := text[c[1]:min(c[1]+3, len(text))]
		if c[1] < s[1] && (strings.HasPrefix(sep, "：") || strings.HasPrefix(sep, ":")) {
			h := strings.TrimSpace(text[c[0]:c[1]])
			if h != "" && utf8.RuneCountInString(h) <= 24 && !strings.ContainsAny(h, "0123456789") {
				head = h
				st = c[1] + len(firstRune(sep))
			}
		}
		break
	}
	var figs []clauseFig
	lastPlain := "" // the last clause without a figure (受益户数，目标值120户…)
	for _, c := range indicatorClauses(text, [2]int{st, s[1]}) {
		var found [][2]int
		for _, m := range proseFigure.FindAllStringIndex(text[c[0]:c[1]], -1) {
			f := strings.TrimSpace(text[c[0]+m[0] : c[0]+m[1]])
			if yearFigure.MatchString(f) || inParens(text[c[0]:c[1]], m[0]) || !isMeasure(f) {
				continue
			}
			found = append(found, [2]int{c[0] + m[0], c[0] + m[1]})
		}
		if len(found) == 0 {
			lastPlain = strings.TrimSpace(text[c[0]:c[1]])
			continue
		}
		figs = append(figs, clauseFig{clause: c, fig: found[0], before: text[c[0]:found[0][0]],
			after: text[found[len(found)-1][1]:c[1]], multiple: len(found) > 1, named: lastPlain})
		lastPlain = ""
	}
	if len(figs) == 0 {
		return nil, false
	}
	// a clause whose figures cannot be placed (新建20米100吨水塔1座, 实现10%的收益)
	// leaves the whole sentence unread: its other figures may be parts of the same list
	for _, f := range figs {
		if f.multiple || !plainTail.MatchString(f.after) {
			return nil, true
		}
	}
	var out []Indicator
	unsure := false
	for i := 0; i < len(figs); i++ {
		f := figs[i]
		name := indicatorName(f.before, head)
		if name == "" {
			name = indicatorName("", f.named)
		}
		ind := Indicator{Level1: b.level1, Level2: b.level2, Span: Span{f.clause[0], f.clause[1]}}
		val := strings.TrimSpace(text[f.fig[0]:f.fig[1]])
		// a figure followed by what was achieved (应补助9人，实际补助9人): target and actual
		if i+1 < len(figs) {
			g := figs[i+1]
			if !g.multiple && plainTail.MatchString(g.after) && achievedWord.MatchString(g.before) && !achievedWord.MatchString(f.before) {
				if name == "" {
					name = indicatorName(strings.TrimPrefix(achievedWord.ReplaceAllString(g.before, ""), "完成"), head)
				}
				ind.Level3 = strings.TrimPrefix(name, "应")
				for _, w := range []string{"计划", "预计", "预期", "预定"} {
					ind.Level3 = strings.TrimPrefix(ind.Level3, w)
				}
				ind.Target, ind.Actual = val, strings.TrimSpace(text[g.fig[0]:g.fig[1]])
				ind.Span[1] = g.clause[1]
				if ind.Level3 == "" {
					unsure = true
				} else {
					out = append(out, ind)
				}
				i++
				continue
			}
		}
		if names := rateList(f.before); len(names) > 1 {
			// 开工率、完成率、验收合格率均达100%: one figure for each rate named
			for _, n := range names {
				one := ind
				one.Level3 = n
				placeFigure(&one, f.before, val, b.target)
				out = append(out, one)
			}
			continue
		}
		if name == "" {
			unsure = true
			continue
		}
		ind.Level3 = name
		if placeFigure(&ind, f.before, val, b.target) {
			ind.Level3 = strings.TrimPrefix(name, "实际")
		}
		out = append(out, ind)
	}
	return out, unsure
}

// indicatorClauses cuts a sentence at ，；, outside brackets: a colon stays
// inside its clause (年度指标值：≥95%).
func indicatorClauses(text string, s [2]int) [][2]int {
	return cutClauses(text, s, false)
}

// placeFigure sets a single figure as the indicator's target or actual: the
// actual after 实际/完成值, the target after 目标值/计划 … or when a direction
// is written (≥95%, 95%以上) or the section is about the targets set, else
// the actual. It reports whether the clause said 实际.
func placeFigure(ind *Indicator, before, val string, targets bool) bool {
	m, _ := ReadMeasure(repeatedDir.ReplaceAllString(val, "$1"))
	switch {
	case achievedWord.MatchString(before):
		ind.Actual = val
		return true
	case targetWord.MatchString(before), m.HasDir, targets:
		ind.Target = val
	default:
		ind.Actual = val
	}
	return false
}

// rateListRe is a list of rates sharing one figure (…合格率、入住率均达100%).
var rateListRe = regexp.MustCompile(`^(.+、.+?)(?:均|都|全部|皆)(?:达到|达|为|是|在)?\s*$`)

// rateEnd is how the name of a rate ends.
var rateEnd = regexp.MustCompile(`(?:率|比例|比率|占比|度)$`)

// rateList splits the names of a list of rates that share one figure; a part
// that does not end as a rate's name does belongs to the next (人畜分离、卫生厕所
// 等…有保障的比例 is one name). Nil when the clause is no such list.
func rateList(before string) []string {
	m := rateListRe.FindStringSubmatch(strings.TrimSpace(before))
	if m == nil {
		return nil
	}
	var out []string
	cur := ""
	for _, p := range strings.Split(indicatorNameLead(m[1]), "、") {
		if cur != "" {
			cur += "、"
		}
		cur += strings.TrimSpace(p)
		if rateEnd.MatchString(cur) {
			out = append(out, cur)
			cur = ""
		}
	}
	if cur != "" || len(out) < 2 {
		return nil
	}
	return out
}

// listLead is what opens a list of names: the unit speaking, a year, the
// project the rates are of (我乡2023年度…改造项目当年开工率、…).
var listLead = regexp.MustCompile(`^(?:我(?:乡|镇|县|市|区|校|院|局|单位))?(?:(?:19|20)\d\d年度?)?\s*[，,]?\s*(?:[^、，,]{0,30}?项目)?`)

// indicatorNameLead is s without what opens the list (当年开工率 keeps its 当年).
func indicatorNameLead(s string) string { return listLead.ReplaceAllString(strings.TrimSpace(s), "") }

// isMeasure reports whether a figure is one the indicator reader reads (a
// per-unit after a slash is the unit's own: 1000元/生.年).
func isMeasure(f string) bool {
	f = repeatedDir.ReplaceAllString(f, "$1")
	if i := strings.Index(f, "/"); i > 0 {
		f = f[:i]
	}
	_, ok := ReadMeasure(f)
	return ok
}

// indicatorName is the name of what a clause measures: its text before the
// figure without the time, the unit speaking and the verb, or the
// sentence's 名称： head when the clause has none.
func indicatorName(before, head string) string {
	s := strings.TrimSpace(before)
	s = nameLead.ReplaceAllString(s, "")
	for {
		t := nameTrail.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	s = trimPunct(s)
	if s == "" {
		s = trimPunct(head)
	}
	if n := utf8.RuneCountInString(s); n < 2 || n > 40 {
		return ""
	}
	return s
}

// tableIndicators reads an indicator table a narrative report sets among its
// paragraphs (具体完成情况如下表：一级指标 | 二级指标 | 指标名称 | 目标值 | 实际完成值 | …)
// with the table reader, from its header row to the heading after it.
func tableIndicators(text string, pageAt func(int) int) []Indicator {
	lines := splitTextLines(text)
	for i, ln := range lines {
		if !strings.HasPrefix(strings.TrimLeft(ln.text, " \t|｜\u3000"), "一级指标") {
			continue
		}
		var head strings.Builder
		for j := i; j < min(len(lines), i+8); j++ {
			head.WriteString(lines[j].text)
		}
		if h := head.String(); !strings.Contains(h, "二级指标") || !strings.Contains(h, "三级指标") && !strings.Contains(h, "指标名称") {
			continue
		}
		start, end := ln.start, len(text)
		for _, l := range lines[i+1:] {
			if endsIndicators(l.text) {
				end = l.start
				break
			}
		}
		sub := &Report{}
		readTable(text[start:end], func(off int) int { return pageAt(start + off) }, sub)
		out := sub.Indicators
		for k := range out {
			out[k].Span = Span{out[k].Span[0] + start, out[k].Span[1] + start}
		}
		return out
	}
	return nil
}
