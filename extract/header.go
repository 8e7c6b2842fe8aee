package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/ingest/fold"
)

// The header of a report is its title, the reporting unit and the budget
// year. Published pages wrap them in a site's furniture (breadcrumbs, 时间:…
// 我要投稿 … 浏览次数, index numbers, an essay site's (精选10篇)), wrap the
// title over lines, glue it to the first paragraph or to a time, and name the
// unit in several places: a 单位名称 label, the title, the opening sentence,
// the signature. The header is read from the document's lines as published
// (before reflow joins them), folded to the one normal form.

// header is what the head of a document says about itself.
type header struct {
	title string
	unit  string
	year  int
	years bool // the title names several budget years (2020-2022年度)
}

// readHeader finds the title, unit and year of a narrative report from its
// (normalised) lines; completeHeader reads them again from the lines as
// published once the whole document is known.
func readHeader(lines []textLine, r *Report) {
	ls := make([]string, len(lines))
	for i, l := range lines {
		ls[i] = l.text
	}
	h := readHead(ls)
	r.Title, r.Unit, r.Year = h.title, h.unit, h.year
}

// completeHeader reads the header from the document's lines as published.
// For a narrative report it replaces what readHeader found wherever it finds
// something; for the table genres, whose head the table reader takes from
// the table's own cells, it only fills what is missing.
func completeHeader(doc *ingest.Document, r *Report) {
	h := readHead(publishedLines(doc))
	if r.Genre != Narrative {
		if t := tableTitle(publishedLines(doc)); t != "" && r.Title == "" {
			r.Title = t
		}
		if r.Title == "" {
			r.Title = h.title
		}
		if r.Unit == "" {
			r.Unit = h.unit
		}
		if r.Year == 0 {
			r.Year = h.year
		}
		return
	}
	if h.title != "" {
		r.Title = h.title
	}
	if h.unit != "" {
		r.Unit = h.unit
	}
	if h.year != 0 || h.years {
		r.Year = h.year
	}
}

// publishedLines are the lines of the document as decoded (page breaks are
// line breaks; for PDF, DOCX and HTML the lines their readers laid out), folded to the normal form, with the pinyin readings some
// mirror sites insert after characters (鄉(xiāng)) dropped.
func publishedLines(doc *ingest.Document) []string {
	orig := doc.Text
	if doc.Format == ingest.FormatText || doc.Format == ingest.FormatMarkdown {
		orig = doc.Original() // reflow may have joined a heading to the site's lines
	}
	if len(orig) > 200000 {
		orig = orig[:200000]
	}
	orig = fold.String(orig)
	return strings.FieldsFunc(orig, func(r rune) bool { return r == '\n' || r == '\f' || r == '\r' })
}

// headLine is a line cleaned for reading the header: readings dropped,
// typesetting spaces removed.
func headLine(s string) string {
	s = pinyinReading.ReplaceAllString(s, "$1")
	return strings.TrimSpace(cleanText(strings.Join(strings.Fields(s), " ")))
}

// readHead reads the header from lines of text.
func readHead(raw []string) header {
	var lines []string
	for _, l := range raw {
		if t := headLine(l); t != "" {
			lines = append(lines, t)
		}
		if len(lines) >= 400 {
			break
		}
	}
	var h header
	h.title = findTitle(lines)
	if h.title == "" {
		h.title = announcedTitle(lines)
	}
	h.year = findYear(lines, h.title)
	if h.year < 0 {
		h.year, h.years = 0, true
	}
	h.unit = findUnit(lines, h.title)
	return h
}

// ---- title ----

var (
	// What a title ends with.
	titleEnd = regexp.MustCompile(`(?:报告|自评结果|自评表|评价表|绩效表|申报表|监控表|评分表|决算|预算|决算公开|预算公开|编制说明|办法|细则|规定)(?:[(（]试行[)）])?$`)
	// Furniture of a publishing site.
	wrapperWords = regexp.MustCompile(`时间[:：]|日期[:：]|发布时间|发布日期|来源[:：]|信息来源|发布单位|浏览|我要投稿|索引号|发布机构|字体|当前位置|现在位置|首页|登录|注册|相关推荐|版权|文档简介|网站客服|上传日期|格式[:：]|小编|访问次数|主动公开|公开目录|文号|时效性|欢迎阅读|由会员分享|仅供学习参考|背景色|^(?:详细信息|公开具体内容|主题词|归档时间|信息分类|成文日期|生效日期|有效期|统一登记号|公开责任部门|公开形式|文件名称|名\s*称)\s*[:：]?|\d+(?:\.\d+)?\s*KB|^[\s\p{P}\p{S}]*$|^-\s`)
	// A wrapper glued after a title on one line (…自评报告时间:2023-02-25).
	gluedWrapper = regexp.MustCompile(`(?:发布)?(?:时间|日期)[:：]|(?:信息)?来源[:：]|浏览|我要投稿|\d{4}-\d{1,2}-\d{1,2}`)
	// What an essay or document site adds to a title.
	siteSuffix = regexp.MustCompile(`(?:[(（\[【](?:通用|精选|热门|推荐|优选|最新|汇总|合集)?\s*\d*\s*篇?[)）\]】]|[(（\[【]热门[)）\]】]|\s*(?:通用|精选|精品|热门|推荐|优选|最新|汇总|合集)\s*\d{1,3}\s*篇|\s*篇\s*[一二三四五六七八九十\d]+|\s*\d{1,2})+$`)
	// What a document site leaves before a title: a page number, a Word field
	// code (PAGE PAGE 8), ASCII debris; not a year (2023年度…).
	junkPrefix = regexp.MustCompile(`^(?:[A-Za-z]{3,}[A-Za-z ]*\d{0,3}\s*|\d{1,3}\s*)`)
	// A subtitle in brackets after a title's ending: the project it is about
	// (…绩效自评报告(教育专项工作经费)) or the year (…自评报告 (2018年度)).
	titleBracket = regexp.MustCompile(`^(.{4,60}?(?:报告|自评表|评价表))\s*([(（]([^()（）]{2,30})[)）])$`)
	annexPrefix  = regexp.MustCompile(`^附件\s*[\d一二三四五六七八九十]*\s*[:：]?\s*`)
	// A reference to an annex file (附件1：…报告.pdf) names another document.
	fileExt    = regexp.MustCompile(`(?i)\.(?:pdf|docx?|xlsx?|wps)$`)
	codePrefix = regexp.MustCompile(`^[\dA-Za-z]{3,}\s*[-－—_]\s*`)
	// A line where the body begins: a numbered heading, a chapter, an
	// addressee (县财政局：), the contents.
	bodyStart = regexp.MustCompile(`^(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章部节条]|目\s*录$)|^[\p{Han}、]{2,30}[:：]$`)
	// A 《》 name of a report (《…自评报告.docx》由会员分享).
	quotedTitle = regexp.MustCompile(`《([^《》]{4,60}?)》`)
	// Lines never joined into a wrapped title.
	notTitlePart = regexp.MustCompile(`^附件|^\d+\s*[.、．]|^[(（]\d+[)）]|^目\s*录$|^\d+$|[|:：]|\d{4}\s*年\s*\d{1,2}\s*月|[，。；;,!！?？]|^(?:根据|按照|为|现将)`)
)

// findTitle takes the document's own title: the last line before the body
// begins that names a document (a site's heading comes first, the
// document's own title just above its body), with a title wrapped over
// short lines joined, a 《》 name or a title glued to a time or to the first
// paragraph cut out.
func findTitle(lines []string) string {
	best := ""
	var pending []string // short lines that may be the start of a wrapped title
	for i, l := range lines {
		if i >= 40 {
			break
		}
		if m := quotedTitle.FindStringSubmatch(l); m != nil && (wrapperWords.MatchString(l) || strings.TrimSpace(l) == m[0]) {
			if t := titleOf(m[1]); t != "" && best == "" {
				best = t
			}
			pending = nil
			continue
		}
		if loc := gluedWrapper.FindStringIndex(l); loc != nil && loc[0] > 0 {
			if t := titleOf(l[:loc[0]]); t != "" {
				best, pending = t, nil
				continue
			}
		}
		if wrapperWords.MatchString(l) || strings.HasPrefix(l, ">") || strings.Contains(l, " > ") ||
			annexPrefix.MatchString(l) && fileExt.MatchString(l) {
			pending = nil
			continue
		}
		if bodyStart.MatchString(l) && best != "" {
			break
		}
		n := utf8.RuneCountInString(l)
		if n > 60 {
			// a title glued to the first paragraph: cut after its ending
			if t := gluedTitle(l); t != "" {
				best = t
			}
			if best != "" {
				break
			}
			pending = nil
			continue
		}
		if t := titleOf(l); t != "" {
			if utf8.RuneCountInString(t) <= 20 && !strings.HasPrefix(t, "关于") && !strings.HasPrefix(l, "#") && len(pending) > 0 {
				t = titleOf(strings.Join(pending, "") + t)
			}
			if i+1 < len(lines) && bracketLine.MatchString(lines[i+1]) && !titleBracket.MatchString(t) {
				// the subtitle on its own line: (教育专项工作经费)
				if tt := titleOf(t + lines[i+1]); tt != "" {
					t = tt
				}
			}
			best, pending = t, nil
			continue
		}
		if n <= 25 && !notTitlePart.MatchString(l) && !bodyStart.MatchString(l) {
			pending = append(pending, l)
			if len(pending) > 3 {
				pending = pending[1:]
			}
		} else {
			pending = nil
		}
	}
	return best
}

// titleOf is s as a title, with a site's additions removed; "" when s does
// not end as a title does.
func titleOf(s string) string {
	s = strings.TrimSpace(s)
	s = annexPrefix.ReplaceAllString(s, "")
	s = codePrefix.ReplaceAllString(s, "") // 219001-…: a budget code, not the title's
	s = fileExt.ReplaceAllString(s, "")
	s = strings.TrimSpace(siteSuffix.ReplaceAllString(s, ""))
	s = strings.Trim(s, " #-—")
	if loc := junkPrefix.FindStringIndex(s); loc != nil && loc[1] < len(s) && strings.Trim(s[:loc[1]], "xX ") != "" {
		if r, _ := utf8.DecodeRuneInString(s[loc[1]:]); unicode.Is(unicode.Han, r) && !strings.ContainsRune("年月日号个", r) {
			s = s[loc[1]:]
		}
	}
	if m := titleBracket.FindStringSubmatch(s); m != nil && !strings.Contains(m[3], "试行") {
		if t := titleOf(m[1]); t != "" {
			return t + m[2]
		}
	}
	n := utf8.RuneCountInString(s)
	if n < 4 || n > 60 || !titleEnd.MatchString(s) || notTitlePart.MatchString(s) && !strings.HasPrefix(s, "为") {
		return ""
	}
	if strings.HasPrefix(s, "根据") || strings.HasPrefix(s, "按照") || strings.HasPrefix(s, "现将") {
		return ""
	}
	return s
}

// announcedTitle is the title a document without a heading gives in its
// opening sentence (…现将2022年某县交通运输局…绩效自评总结报告如下：).
func announcedTitle(lines []string) string {
	for i, l := range lines {
		if i >= 10 {
			break
		}
		m := announced.FindStringSubmatch(l)
		if m == nil || !strings.ContainsAny(m[1], "绩评") || strings.HasPrefix(m[1], "我") {
			continue
		}
		if t := titleOf(m[1]); t != "" && utf8.RuneCountInString(t) >= 10 {
			return t
		}
	}
	return ""
}

var bracketLine = regexp.MustCompile(`^[(（][^()（）]{2,30}[)）]$`)

// titleSubject is the project a title names in its bracketed subtitle
// (…项目支出绩效自评报告(特殊教育公用经费补助资金)), "" when the bracket holds
// a year or something else.
func titleSubject(title string) string {
	m := titleBracket.FindStringSubmatch(title)
	if m == nil || yearRE.MatchString(m[3]) || strings.Contains(m[3], "年度") || strings.Contains(m[3], "试行") {
		return ""
	}
	return m[3]
}

var bracketAfter = regexp.MustCompile(`^\s*[(（][^()（）]{2,30}[)）]`)

var announced = regexp.MustCompile(`现将([^，。；:：,;]{8,60}?报告)\s*(?:[^，。；]{0,6})?如下`)

// gluedTitle cuts a title off the paragraph it is glued to (…自评价报告一、基本情况…).
func gluedTitle(l string) string {
	for _, end := range []string{"报告", "自评表", "评价表"} {
		if i := strings.Index(l, end); i > 0 && utf8.RuneCountInString(l[:i]) <= 50 {
			cut := i + len(end)
			if m := bracketAfter.FindStringIndex(l[cut:]); m != nil {
				cut += m[1] // …自评报告 (2018年度) 项目名称:…
			}
			if t := titleOf(l[:cut]); t != "" && !strings.ContainsAny(t, "，。；") {
				return t
			}
			if t := titleOf(l[:i+len(end)]); t != "" && !strings.ContainsAny(t, "，。；") {
				return t
			}
		}
	}
	return ""
}

// tableTitle is the name of a standard table among the first lines (2023年度部门整体支出绩效自评表).
func tableTitle(raw []string) string {
	for i, l := range raw {
		if i > 400 {
			break
		}
		t := headLine(l)
		if utf8.RuneCountInString(t) <= 40 && strings.HasSuffix(t, "自评表") && !strings.ContainsAny(t, "|：:") {
			return t
		}
	}
	return ""
}

// ---- year ----

var (
	yearRE       = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	titleYearRE  = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d{2})\s*(?:年|[\p{Han}])`)
	yearLabel    = regexp.MustCompile(`(?:评价|预算|考核|自评|所属|项目)?年度\s*[:：|]\s*((?:19|20)\d{2})`)
	yearOfPhrase = regexp.MustCompile(`((?:19|20)\d{2})\s*年度`)
	hanDateRE    = regexp.MustCompile(`[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月`)
	yearRange    = regexp.MustCompile(`(?:19|20)\d{2}\s*年?\s*[-－—~～至到]\s*(?:19|20)\d{2}\s*年`)
	dateRE       = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月`)
)

// findYear reads the budget year: from the title, a 年度: label, the first
// 20XX年度 phrase, the first year that is not part of a date, and last the
// date line at the end.
func findYear(lines []string, title string) int {
	if yearRange.MatchString(title) {
		return -1 // 2020-2022年度: several budget years, none of them the report's
	}
	if m := titleYearRE.FindStringSubmatch(title); m != nil {
		return atoi(m[1])
	}
	head := lines[:min(len(lines), 60)]
	for _, l := range head {
		if m := yearLabel.FindStringSubmatch(l); m != nil {
			return atoi(m[1])
		}
	}
	for _, l := range head {
		if wrapperWords.MatchString(l) && utf8.RuneCountInString(l) < 60 {
			continue
		}
		if m := yearOfPhrase.FindStringSubmatch(l); m != nil {
			return atoi(m[1])
		}
	}
	for _, l := range head {
		if wrapperWords.MatchString(l) && utf8.RuneCountInString(l) < 60 {
			continue
		}
		for _, m := range yearRE.FindAllStringSubmatchIndex(l, -1) {
			if !dateRE.MatchString(l[m[0]:min(len(l), m[1]+8)]) {
				return atoi(l[m[2]:m[3]])
			}
		}
	}
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-5; i-- {
		if m := dateRE.FindStringSubmatch(lines[i]); m != nil && utf8.RuneCountInString(lines[i]) <= 20 {
			return atoi(m[1])
		}
	}
	return 0
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// ---- unit ----

// unitSuffixes are the words a unit's name ends with, longest first.
var unitSuffixes = []string{
	"街道办事处", "人民政府", "中心学校", "中心小学", "委员会", "办事处", "办公室", "指挥部", "卫生院", "幼儿园",
	"医院", "学校", "小学", "中学", "学院", "大学", "街道", "苏木", "中心", "财政所",
	"镇", "乡", "局", "委", "办", "院", "所", "站", "队", "馆", "会", "部", "厅", "署", "处", "社", "司",
}

// badContinuation: a suffix followed by these characters is part of a
// longer word (乡村, 部门, 社会, 会计, 处理), not the end of a unit's name.
var badContinuation = map[string]string{
	"乡": "村镇", "镇": "村", "局": "部面", "部": "门署分", "社": "会区", "会": "计议同", "处": "理置",
	"所": "属有得需在以", "委": "托员", "办": "法理公", "站": "点", "队": "伍", "院": "校落", "中心": "城区小",
	"司": "法", "厅": "堂",
}

// notUnitWords never occur in a unit's name: they name a project or a fund.
var notUnitWords = regexp.MustCompile(`项目|资金|工程|建设|经费|补助|绩效|报告|专项|关于|[:：|]`)

// unitNameWords are the unit names that hold one of notUnitWords (住房和城乡建设局,
// 重点工程建设服务中心 is not one: only the bureau and commission names).
var unitNameWords = regexp.MustCompile(`(?:住房和城乡|住房城乡|城乡|城市)?建设(?:局|厅|委员会|委|部)|建设管理(?:局|站|所|中心)|工程建设(?:局|指挥部)`)

// notUnitName reports whether s holds a word no unit's name holds.
func notUnitName(s string) bool {
	return notUnitWords.MatchString(unitNameWords.ReplaceAllString(s, "局"))
}

// unitAt is the longest prefix of s that ends as a unit's name does and is
// not followed by a character that continues the last word.
func unitAt(s string) string {
	best := ""
	for i := range s {
		if i == 0 {
			continue
		}
		p := s[:i]
		rest := s[i:]
		for _, suf := range unitSuffixes {
			if !strings.HasSuffix(p, suf) {
				continue
			}
			if !namedStem(p, suf) {
				break // the longest suffix is the unit's word; its stem is no name
			}
			next, _ := utf8.DecodeRuneInString(rest)
			if strings.ContainsRune(badContinuation[suf], next) {
				continue
			}
			if notUnitName(p) {
				return best
			}
			best = p
			break
		}
	}
	if u := s; !notUnitName(u) {
		for _, suf := range unitSuffixes {
			if strings.HasSuffix(u, suf) {
				if namedStem(u, suf) {
					return u
				}
				break
			}
		}
	}
	return best
}

// namedStem: the name before the suffix says which unit it is (not 乡镇,
// 镇财政所: a generic word, not a name).
func namedStem(p, suf string) bool {
	stem := strings.TrimSuffix(p, suf)
	if utf8.RuneCountInString(stem) < 2 {
		return false
	}
	return !strings.ContainsAny(stem, "某X") && stem != "乡镇" && stem != "村级"
}

var (
	// A place without a unit (旌德县, 谢家集区): a unit elsewhere may extend it.
	placeRE = regexp.MustCompile(`^[\p{Han}]{2,12}(?:省|市|县|区|州|旗|盟)$`)
	// Labels naming the reporting unit.
	unitLabel = regexp.MustCompile(`(?:单位名称|部门[(（]单位[)）]名称|部门名称|预算部门单位[(（]公章[)）]|预算部门[(（]单位[)）]|预算单位[(（]公章[)）]|填报单位[(（]盖章[)）]|填报单位|项目单位|评价单位)\s*[:：|]?\s*([\p{Han}()（）]{3,30})`)
	// A site's 来源/发布机构 label.
	sourceLabel = regexp.MustCompile(`(?:发文单位|发布单位|发布机构|(?:信息)?来源)[\s:：|]+([\p{Han}]{3,30})`)
	// The unit as the subject of an opening sentence.
	openingSubject = regexp.MustCompile(`(?:^(?:\d+[.、．])?|(?:要求|精神|规定|部署|安排|通知)[,，]\s*)([\p{Han}()（）]{3,30}?)(?:[(（]以下简称|为全额|为差额|内设|下设|是|对|于\d|开展|组织|按照|根据|认真|及时|严格|高度|成立|现将|针对|积极|负责|主要有|主要负责|承担|共实施|共有|获得|收到)`)
	ourUnit        = regexp.MustCompile(`我(?:镇|乡|局|校|院|单位|中心|委|办|街道|所)[(（]([^()（）]{3,30})[)）]`)
)

// findUnit reads the reporting unit from, in this order, a 单位名称 label,
// the title, the opening sentences (我局（…）, …为全额拨款事业单位, 根据…要求，X对…),
// and the signature at the end; a place (旌德县) is extended by a unit that
// starts with it (来源：旌德县农业农村水利局, 旌德县…局 in the signature).
func findUnit(lines []string, title string) string {
	var cands []string
	add := func(u string) {
		u = strings.Trim(u, " ()（）")
		if u != "" && !notUnitName(u) {
			cands = append(cands, u)
		}
	}
	head := lines[:min(len(lines), 60)]
	for _, l := range head {
		if m := unitLabel.FindStringSubmatch(l); m != nil {
			add(unitAt(m[1]))
			break
		}
	}
	place := ""
	if u, p := unitOfTitle(title); u != "" {
		add(u)
	} else {
		place = p
	}
	for _, l := range head {
		if m := ourUnit.FindStringSubmatch(l); m != nil {
			add(unitAt(m[1]))
		}
		for _, m := range openingSubject.FindAllStringSubmatch(l, 3) {
			if u := unitAt(m[1]); u == m[1] {
				add(u)
			}
		}
	}
	add(signatureUnit(lines))
	var sources []string
	for _, l := range head {
		if m := sourceLabel.FindStringSubmatch(l); m != nil {
			if u := unitAt(m[1]); u != "" {
				sources = append(sources, u)
			}
		}
	}
	// the site's breadcrumb (当前位置：首页 > 乡镇 > 白沙镇 > 财政预决算): the
	// last of its steps that is a unit's name, after the site's own labels
	for _, l := range head[:min(len(head), 8)] {
		if u := breadcrumbUnit(l); u != "" {
			sources = append(sources, u)
		}
	}
	if len(cands) == 0 {
		if place == "" {
			place = spokenPlace(lines, title)
		}
		if place == "" {
			// nothing but the site's label of who published it (发文单位：鄂州市行政审批局),
			// unless the text speaks as a unit of another kind (我校 on a 局's
			// page: the school is not named) or as the evaluator another unit
			// commissioned (…受祁东县财政局委托)
			for _, u := range sources {
				if u != "" && !strings.HasSuffix(u, "办公室") && selfKindAgrees(lines, u) && !commissionedBy(lines, u) {
					return u
				}
			}
			return ""
		}
		for _, u := range sources {
			if strings.HasPrefix(u, place) && len(u) > len(place) && selfKindAgrees(lines, u) && !commissionedBy(lines, u) {
				return u
			}
		}
		return place // the title names no more than the place (会宁县2021年度…)
	}
	best := cands[0]
	// a fuller name of the same unit elsewhere (祖师庙镇 → 祖师庙镇人民政府)
	for _, u := range cands[1:] {
		if strings.HasPrefix(u, best) && len(u) > len(best) && strings.HasSuffix(u, "人民政府") {
			best = u
		}
	}
	return best
}

// breadcrumbSep divides the steps of a site's breadcrumb.
var breadcrumbSep = regexp.MustCompile(`\s*(?:>>|>|»|→|＞|/)\s*`)

// breadcrumbUnit is the unit a breadcrumb line names in one of its steps.
func breadcrumbUnit(l string) string {
	if !strings.Contains(l, "当前位置") && !strings.Contains(l, "首页") {
		return ""
	}
	steps := breadcrumbSep.Split(l, -1)
	if len(steps) < 3 {
		return ""
	}
	u := ""
	for _, st := range steps[1:] {
		st = strings.TrimSpace(strings.Trim(st, ":： "))
		if w := unitAt(st); w == st && utf8.RuneCountInString(st) <= 20 && !strings.ContainsAny(st, "、和及") {
			u = st
		}
	}
	return u
}

// selfWord is how a report names its own unit (我校, 我院, 我局 …).
var selfWord = regexp.MustCompile(`我(校|院|局|镇|乡|街道|委|办|中心|站|所|市|县|区)`)

// selfKinds are the endings of a unit's name each self-reference allows.
var selfKinds = map[string][]string{
	"校": {"学校", "小学", "中学", "学院", "大学", "幼儿园", "校"},
	"院": {"院"}, "局": {"局"}, "镇": {"镇", "人民政府"}, "乡": {"乡", "人民政府"},
	"街道": {"街道", "办事处"}, "委": {"委", "委员会"}, "办": {"办", "办公室"}, "中心": {"中心"}, "站": {"站"}, "所": {"所"},
	"市": {"市", "人民政府"}, "县": {"县", "人民政府"}, "区": {"区", "人民政府"},
}

// selfKindAgrees reports whether unit u is of the kind the text's own
// self-references say (the first of them decides); true when there is none.
func selfKindAgrees(lines []string, u string) bool {
	for _, l := range lines {
		m := selfWord.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		for _, end := range selfKinds[m[1]] {
			if strings.HasSuffix(u, end) {
				return true
			}
		}
		return false
	}
	return true
}

// titlePlace is the place a title starts with (无为市 of 无为市危房改造…报告).
var titlePlace = regexp.MustCompile(`^([\p{Han}]{2,8}?[省市县区州旗盟])`)

// spokenPlace is the place a title starts with when the text speaks as that
// place (我市 with 无为市…报告): the report is the place's, whoever published
// the page (a town's page carrying the city's report).
func spokenPlace(lines []string, title string) string {
	m := titlePlace.FindStringSubmatch(codePrefix.ReplaceAllString(title, ""))
	if m == nil {
		return ""
	}
	for _, l := range lines {
		if w := selfWord.FindStringSubmatch(l); w != nil {
			if strings.HasSuffix(m[1], w[1]) {
				return m[1]
			}
			return ""
		}
	}
	return ""
}

// commissionedBy reports whether the text says unit u commissioned it (受u委托).
func commissionedBy(lines []string, u string) bool {
	for _, l := range lines {
		if strings.Contains(l, "受"+u+"委托") || strings.Contains(l, u+"委托") {
			return true
		}
	}
	return false
}

// unitOfTitle reads the unit at the start of a title (before its year, or
// after 20XX年度 when the title starts with the year); when the title starts
// with a place but no unit (旌德县2021年…), it gives the place instead.
func unitOfTitle(title string) (unit, place string) {
	t := codePrefix.ReplaceAllString(title, "")
	t = strings.TrimPrefix(t, "关于")
	if m := titleYearRE.FindStringSubmatchIndex(t); m != nil {
		before := strings.TrimSpace(t[:m[2]])
		if before == "" {
			after := strings.TrimLeft(t[m[3]:], " 年度")
			return unitAt(cutGeneric(after)), ""
		}
		t = before
	}
	t = cutGeneric(t)
	if u := unitAt(t); u != "" && (u == t || placeWord.MatchString(strings.TrimSuffix(u, unitSuffixOf(u)))) {
		// the title's lead is the unit, or starts with one that names its place
		// (固始县祖师庙镇 of …镇仰天洼社区产业设施配套项目); a name that is only the
		// start of the project's words (健全现代医院 of 健全现代医院管理制度) is none
		return u, ""
	}
	if placeRE.MatchString(t) {
		return "", t
	}
	return "", ""
}

// placeWord: a stem that names a place (…省, …市, …县, …镇 …).
var placeWord = regexp.MustCompile(`[省市县区州旗盟镇乡村]|街道|苏木|嘎查`)

// unitSuffixOf is the unit word u ends with.
func unitSuffixOf(u string) string {
	for _, suf := range unitSuffixes {
		if strings.HasSuffix(u, suf) {
			return suf
		}
	}
	return ""
}

// cutGeneric cuts s before the first word that starts what a unit's name
// is not (专项, 项目, 绩效 …).
func cutGeneric(s string) string {
	cut := len(s)
	for _, w := range []string{"关于", "专项", "项目", "部门整体", "绩效", "整体", "预算", "资金", "自评", "年度", "机关"} {
		if i := strings.Index(s, w); i >= 0 && i < cut {
			cut = i
		}
	}
	if i := strings.IndexFunc(s, unicode.IsDigit); i >= 0 && i < cut {
		cut = i
	}
	return strings.TrimSpace(s[:cut])
}

// signatureUnit is a unit's name standing alone on one of the last lines,
// next to a date (固始县祖师庙镇人民政府 / 2025年12月30日).
func signatureUnit(lines []string) string {
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-6; i-- {
		l := strings.TrimSpace(lines[i])
		at := dateRE.FindStringIndex(l)
		if at == nil {
			at = hanDateRE.FindStringIndex(l) // 二〇二三年三月十日
		}
		if at == nil || utf8.RuneCountInString(l) > 20 {
			continue
		}
		// the unit on the line before the date, or before the date on the same line
		if at[0] > 0 {
			if u := strings.TrimSpace(l[:at[0]]); unitAt(u) == u {
				return u
			}
		}
		if i > 0 {
			if u := strings.TrimSpace(lines[i-1]); utf8.RuneCountInString(u) <= 30 && unitAt(u) == u {
				return u
			}
		}
	}
	return ""
}

// ---- used by the narrative reader ----

var unitInTextRE = regexp.MustCompile(`[\p{Han}]{2,12}?(?:街道办事处|镇|乡|街道)`)

// unitFromItems guesses the unit from the prefix most item names share
// (南屯镇… in every item of the reference report).
func unitFromItems(items []Item) string {
	counts := map[string]int{}
	for _, it := range items {
		if m := unitInTextRE.FindString(it.Name); m != "" && strings.HasPrefix(it.Name, m) {
			counts[m]++
		}
	}
	best, n := "", 0
	for u, c := range counts {
		if c > n || c == n && u < best {
			best, n = u, c
		}
	}
	if n*2 >= len(items) && n > 0 {
		return best
	}
	return ""
}
