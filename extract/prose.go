package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract/money"
)

// Reading prose amount-first: every amount of the text is found with money
// (amounts are unambiguous), then its role is decided from the words of its
// clause before it (下达/安排 → budget, 拨付/支付 → actual, 其中 → part, 第一批
// → batch, 年初 → initial budget, 造价 → contract, 未支 → unspent, 按…标准 →
// a rate per head, not money spent), and its label from what the clause names.
// Lists, markers and sentences only group the figures; they are not the way in.

// Roles of an amount in prose.
const (
	roleBudget   = "budget"          // 预算/下达/安排/批复/计划投资/投入 …
	roleActual   = "actual"          // 拨付/支付/支出/使用/完成/到位/执行 …
	roleInitial  = "initial-budget"  // 年初预算
	roleAdjusted = "adjusted-budget" // 调整后预算
	roleBatch    = "batch"           // 第一批 / 二批 …
	roleContract = "contract"        // 合同造价 / 结算审核造价
	roleAdvance  = "advance"         // 预拨资金
	roleUnspent  = "unspent"         // 未支 / 结余
	roleStandard = "standard"        // 按生均 1000 元: a rate, not an amount spent
	roleIncome   = "income"          // 收入 / 收益 / 分红: not spending
	roleEstimate = "estimate"        // 估算投资 / 概算 / 项目总投资: what a construction project costs, not the budget evaluated
	rolePlain    = ""                // no role word: an item's figure in a list
)

// proseFig is one amount of the prose with what its clause says of it.
type proseFig struct {
	m      money.Match // offsets into the document text
	sent   int         // index of its sentence
	clause [2]int      // its clause, in document offsets
	lead   string      // the clause before the amount (after the last dash)
	whole  string      // the clause before the amount, dashes and all
	tail   string      // the clause after the amount
	role   string
	total  bool // 共计/合计/总投资 … before it
	part   bool // after 其中, or in brackets
	paren  bool
	used   bool // taken by an item
}

var (
	standardLead = regexp.MustCompile(`(?:按|每|生均|人均|户均|亩均|标准|标准为|补助标准|每人|每户|每亩|每生)\s*$`)
	unspentWord  = regexp.MustCompile(`未(?:支|拨|付|使用|执行)|尚未|结余|余额`)
	contractWord = regexp.MustCompile(`造价|合同价|中标价|合同金额|结算`)
	actualWord   = regexp.MustCompile(`拨付|支付|支出|使用|完成|到位|执行|发放|兑付|报账|兑现`)
	incomeWord   = regexp.MustCompile(`收入|收益|分红|利润|产值|产量|增收|营业额`)
	advanceWord  = regexp.MustCompile(`预拨`)
	// what a construction project is estimated to cost in all (估算投资, 总概算,
	// 项目总投资), beside the year's budget that is evaluated
	estimateWord = regexp.MustCompile(`估算|概算|(?:项目|工程|建设)总投资|计划总投资|预计总投资`)
	// a grant of the budget (批复总投资, 下达…): the budget, whatever it is called
	grantWord    = regexp.MustCompile(`批复|下达|安排`)
	initialWord  = regexp.MustCompile(`年初`)
	adjustedWord = regexp.MustCompile(`调整后|调整预算|调整为`)
	batchWord    = regexp.MustCompile(`第?[一二三四五六七八九十]批|\d批`)
	budgetWord   = regexp.MustCompile(`预算|下达|安排|批复|投资|投入|获得|收到|下拨|资金|经费|补助|共需|需|计划|总额|拨款`)
	totalWord    = regexp.MustCompile(`共计|合计|总计|累计|总共|总投资|总额|总预算|总金额`)
	partLead     = regexp.MustCompile(`^\s*其中\s*[：:，,]?`)
	dashes       = regexp.MustCompile(`[-－—–]+`)
	// a reading gloss a reprint site puts after characters: 鄉(xiāng)
	gloss = regexp.MustCompile(`[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]`)
	// what may stand between a payment word and its amount (已完成拨付资金共计 …)
	actualNear = regexp.MustCompile(`(?:拨付|支付|支出|使用|完成|到位|执行|发放|兑付|报账|兑现)(?:了|的)?(?:资金|金额|经费)?(?:共计|合计|累计|共|总额)?(?:为|达|达到)?\s*[：:]?\s*$`)
	// fund names that hold a payment word: 转移支付资金, 统筹整合使用财政涉农资金
	fixedTerm = regexp.MustCompile(`转移支付|统筹整合使用|整合使用`)
	// the kinds of a budget named as spending (部门预算项目支出, 专项预算支出):
	// a budget's part, not a payment
	budgetKind   = regexp.MustCompile(`(?:部门|专项)预算(?:项目)?支出`)
	strongBudget = regexp.MustCompile(`预算|下达|安排|批复|投资|投入|获得|收到|下拨|拨款|总额|共需`)
	// book titles and brackets say nothing about the amount after them
	titled = regexp.MustCompile(`《[^》]*》|〔[^〕]*〕|【[^】]*】`)
)

// dropGloss removes reading glosses from text.
func dropGloss(s string) string { return gloss.ReplaceAllString(s, "") }

// proseSentences cuts the text into sentences: at 。！？ and at line ends,
// except a line that ends in ；，、： (a list that goes on in the next paragraph).
func proseSentences(text string) [][2]int {
	var out [][2]int
	start := 0
	last := rune(0) // the last non-space rune seen
	for i, r := range text {
		switch {
		case r == '。' || r == '！' || r == '？' || r == '!' || r == '?':
			out = append(out, [2]int{start, i + utf8.RuneLen(r)})
			start = i + utf8.RuneLen(r)
			last = 0
		case r == '\n':
			if strings.ContainsRune("；;，,、：:", last) {
				continue
			}
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + 1
			last = 0
		case r == ' ' || r == '\t' || r == '\r' || r == '\u3000':
		default:
			last = r
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// proseClauses cuts a sentence at ，；：, outside brackets, into document offsets.
func proseClauses(text string, s [2]int) [][2]int {
	return cutClauses(text, s, true)
}

// cutClauses cuts sentence s of text at ，；(and ：when colons is set) outside
// brackets, into document offsets; a comma between ASCII digits is a
// thousands separator (1,030,640 元), not a cut.
func cutClauses(text string, s [2]int, colons bool) [][2]int {
	var out [][2]int
	depth := 0
	start := s[0]
	for i, r := range text[s[0]:s[1]] {
		i += s[0]
		switch r {
		case '（', '(', '《', '【', '〔', '[', '“':
			depth++
		case '）', ')', '》', '】', '〕', ']', '”':
			if depth > 0 {
				depth--
			}
		case '，', ',', '；', ';', '：', ':':
			if (r == '：' || r == ':') && !colons {
				continue
			}
			if r == ',' && i > 0 && i+1 < len(text) && isASCIIDigit(text[i-1]) && isASCIIDigit(text[i+1]) {
				continue
			}
			if depth == 0 {
				if i > start {
					out = append(out, [2]int{start, i})
				}
				start = i + utf8.RuneLen(r)
			}
		}
	}
	if start < s[1] {
		out = append(out, [2]int{start, s[1]})
	}
	return out
}

// inParens reports whether offset i of s lies inside brackets.
func inParens(s string, i int) bool {
	depth := 0
	for _, r := range s[:i] {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}

// figureures finds every readable amount of text[from:to] with its role.
func proseFigures(text string, sents [][2]int) []proseFig {
	var out []proseFig
	for si, s := range sents {
		clauses := proseClauses(text, s)
		inPart := false // a clause of this sentence opened with 其中
		if si > 0 && partLead.MatchString(text[s[0]:s[1]]) {
			inPart = true
		}
		seen := 0 // parts seen since 其中
		for _, c := range clauses {
			ct := text[c[0]:c[1]]
			ms := money.Find(ct)
			switch {
			case partLead.MatchString(ct):
				inPart, seen = true, 0
			case inPart && seen > 0 && (len(ms) == 0 || newSubject.MatchString(ct) || sumKeyword.MatchString(strings.TrimSpace(ct))):
				// the parts end at a clause without a figure, a new subject or a total
				inPart = false
			}
			if inPart && len(ms) > 0 {
				seen++
			}
			for _, m := range ms {
				if m.Err != nil {
					continue
				}
				f := proseFig{m: m, sent: si, clause: c}
				f.m.Start += c[0]
				f.m.End += c[0]
				lead := ct[:m.Start]
				f.whole = dropGloss(lead)
				f.paren = inParens(ct, m.Start)
				if loc := dashes.FindAllStringIndex(lead, -1); len(loc) > 0 {
					lead = lead[loc[len(loc)-1][1]:]
				}
				f.lead = strings.TrimSpace(dropGloss(lead))
				f.tail = ct[m.End:]
				f.role = roleOf(f.lead, f.tail)
				f.total = statesTotal(f.lead)
				f.part = inPart || f.paren
				out = append(out, f)
			}
		}
	}
	return out
}

// leadOf is the start of a clause, where its keyword stands.
func leadOf(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 6 {
		r = r[:6]
	}
	return string(r)
}

// roleOf decides what an amount is from the clause words before it.
func roleOf(lead, tail string) string {
	t := strings.TrimSpace(tail)
	switch {
	case standardLead.MatchString(lead) || strings.HasPrefix(t, "/") || strings.HasPrefix(t, "每"):
		return roleStandard
	}
	lead = fixedTerm.ReplaceAllString(titled.ReplaceAllString(lead, ""), "资金")
	lead = budgetKind.ReplaceAllString(lead, "预算")
	switch {
	case estimateWord.MatchString(lead) && !grantWord.MatchString(lead):
		return roleEstimate
	case unspentWord.MatchString(lead):
		return roleUnspent
	case contractWord.MatchString(lead):
		return roleContract
	case incomeWord.MatchString(lead):
		return roleIncome
	case actualNear.MatchString(lead):
		return roleActual
	case advanceWord.MatchString(lead):
		return roleAdvance
	case initialWord.MatchString(lead):
		return roleInitial
	case adjustedWord.MatchString(lead):
		return roleAdjusted
	case batchWord.MatchString(lead):
		return roleBatch
	}
	// the later of a payment word and a budget word decides (财政局拨付我乡…资金50万元;
	// 收到上级下拨…资金合计)
	a, b := lastIndex(actualWord, lead), lastIndex(strongBudget, lead)
	switch {
	case a >= 0 && a > b:
		return roleActual
	case budgetWord.MatchString(lead):
		return roleBudget
	}
	return rolePlain
}

func lastIndex(re *regexp.Regexp, s string) int {
	locs := re.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return -1
	}
	return locs[len(locs)-1][0]
}

// paidAfter: the clause after the amount says it was all paid (…105万元已全部到位).
var paidAfter = regexp.MustCompile(`(?:已|均已)(?:全部|足额)?(?:到位|拨付|支付|落实到位|支出|使用)|全部(?:用于|到位|拨付|支付|使用|落实到位)`)

// fundSource recognises a label that names where money came from (中央资金,
// 县财政配套资金, 市级, 本级) rather than a project it was spent on.
var fundSource = regexp.MustCompile(`(?:资金|拨款|投入|基金|公益金|预算|配套|经费来源)$|^(?:中央|省|市|县|区|乡|镇|本级|上级|地方|央省|自治区|州|盟|旗)(?:级|财政)?$`)

// notItemName rejects labels that are headings or measures, not projects.
var notItemName = regexp.MustCompile(`(?:情况|分析|说明|概况|目标|指标|依据|措施|问题|建议|结论|原则|内容|标准)$|[（(](?:类|款|项)[）)]|三公|机关运行|^(?:因公出国[（(]境[)）]费|公务用车购置及运行维护费|公务用车运行维护费|公务接待费)$|^(?:货物|工程|服务)类?采购$`)

// headingName: a list line whose "name" is a section heading (…下达预算及项目情况).
var headingName = regexp.MustCompile(`(?:情况|分析|说明|概况)$`)

// labelOf is what a clause names before its amount: the lead without its
// 其中, dates and role words (一批项目县级批复总投资 → 一批项目县级).
func labelOf(lead string) string {
	s := partLead.ReplaceAllString(lead, "")
	s = strings.TrimSpace(s)
	for {
		loc := roleTrail.FindStringIndex(s)
		if loc == nil || loc[1] != len(s) || loc[0] == 0 {
			break
		}
		s = strings.TrimSpace(s[:loc[0]])
	}
	return trimPunct(cleanText(s))
}

var roleTrail = regexp.MustCompile(`(?:(?:到位|下达|安排|预算|拨付|支付|使用|投入|计划|批复|执行|项目)资金|预算|下达|安排|批复|总投资|投资|投入|获得|收到|下拨|共需|需|计划|总额|拨款|共计|合计|总计|累计|共|为|是|达|拨付|支付|支出|使用|完成|到位|执行|发放|已|实际|金额|约|数)+\s*[：:]?\s*$`)

// statesTotal reports whether a lead says its amount is a total: 共计, 合计,
// 总投资 …, or 共 on its own (共下达, 资金共), not the 共 of 公共 or 共同.
func statesTotal(lead string) bool {
	if totalWord.MatchString(lead) {
		return true
	}
	for i := 0; ; {
		k := strings.Index(lead[i:], "共")
		if k < 0 {
			return false
		}
		k += i
		prev, _ := utf8.DecodeLastRuneInString(lead[:k])
		next, _ := utf8.DecodeRuneInString(lead[k+len("共"):])
		if prev != '公' && !strings.ContainsRune("同享建性产青商识赢治用", next) {
			return true
		}
		i = k + len("共")
	}
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }
