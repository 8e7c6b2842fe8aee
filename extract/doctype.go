package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/ingest"
)

// DocType is what kind of document a report was read from. It is a
// different question from Genre (how the text is laid out): a 部门决算 may
// carry a 部门整体支出绩效自评表, and a 第三方 evaluation is written in prose
// like a 自评报告. The codes are stable (JSON, the corpus, facets); the
// Chinese labels are for people.
type DocType string

const (
	SelfEvaluationReport DocType = "self-evaluation-report" // 绩效自评报告
	ProjectSelfTable     DocType = "project-self-table"     // 项目支出绩效自评表
	DepartmentSelfTable  DocType = "department-self-table"  // 部门整体支出绩效自评表
	GoalDeclaration      DocType = "goal-declaration"       // 绩效目标申报表
	MonitoringTable      DocType = "monitoring-table"       // 绩效运行监控表
	EvaluationReport     DocType = "evaluation-report"      // 第三方/重点绩效评价报告
	FinalAccounts        DocType = "final-accounts"         // 部门决算
	DepartmentBudget     DocType = "department-budget"      // 部门预算
	OtherDocument        DocType = "other"                  // a 管理办法, a notice, a template …
)

// docTypeLabels is the one table of the Chinese names of the document types,
// in the order they are listed to people.
var docTypeLabels = []struct {
	code  DocType
	label string
}{
	{SelfEvaluationReport, "绩效自评报告"},
	{ProjectSelfTable, "项目支出绩效自评表"},
	{DepartmentSelfTable, "部门整体支出绩效自评表"},
	{GoalDeclaration, "绩效目标申报表"},
	{MonitoringTable, "绩效运行监控表"},
	{EvaluationReport, "第三方/重点绩效评价报告"},
	{FinalAccounts, "部门决算"},
	{DepartmentBudget, "部门预算"},
	{OtherDocument, "其他"},
}

// DocTypes lists every document type, in display order.
func DocTypes() []DocType {
	out := make([]DocType, len(docTypeLabels))
	for i, l := range docTypeLabels {
		out[i] = l.code
	}
	return out
}

// Label is the Chinese name of the type: "其他" for other and an unknown
// code, "未分类" for none (a report stored before documents were classified).
func (t DocType) Label() string {
	if t == "" {
		return "未分类"
	}
	for _, l := range docTypeLabels {
		if l.code == t {
			return l.label
		}
	}
	return "其他"
}

// DocTypeByLabel finds the type a Chinese name or a code stands for (the
// truth files write other as "other", its code).
func DocTypeByLabel(s string) (DocType, bool) {
	s = strings.TrimSpace(s)
	for _, l := range docTypeLabels {
		if s == l.label || s == string(l.code) {
			return l.code, true
		}
	}
	return "", false
}

var (
	// A heading that ends naming a 决算 or 预算 of a department or unit
	// (2024 年度部门决算, 单位决算公开表, 决算编制说明, 2024年部门预算) — not
	// a section of a 自评报告 about them (部门决算情况, 部门预算单位构成).
	accountsHead = regexp.MustCompile(`(?:(?:部门|单位|年度?|政府)决算|决算)(?:公开|编制说明|情况说明|报告|公开表|总表|表)?$`)
	budgetHead   = regexp.MustCompile(`(?:部门|单位|\d{4}年度?)预算(?:公开|编制说明|情况说明|公开表|总表)?$`)
	// A site's category label or breadcrumb among the head lines.
	siteCategory = regexp.MustCompile(`[、>/＞|]|^\[|分类`)
	// A goal-declaration or monitoring form.
	goalHead    = regexp.MustCompile(`绩效目标(?:申报|设定|申请)?表|绩效目标申报`)
	monitorHead = regexp.MustCompile(`(?:运行|执行)监控|监控(?:情况)?表`)
	// An evaluation made by others: commissioned from a firm or an agency, a
	// finance bureau's 重点评价 or spot check of the units' own evaluations.
	commissioned = regexp.MustCompile(`委托.{0,40}?(?:会计师事务所|事务所|第三方|咨询(?:有限)?公司|评价机构).{0,100}?评价|委托.{0,10}?第三方评价机构|受.{0,30}?委托[,，]?\s*(?:我所|我公司|本所|本公司|我中心).{0,40}?评价|第三方(?:评价)?机构.{0,20}?(?:对|开展|进行).{0,60}?评价`)
	// An evaluator speaking of its own work (本次评价我们…): a unit evaluating
	// itself says 我局/我校/本单位, not 我们 of the evaluation.
	evaluatorVoice = regexp.MustCompile(`本次(?:绩效)?评价(?:工作)?[，,]?\s*我们`)
	// A unit speaking of its own evaluation (我局组织开展了…评价, 本单位对…进行了评价).
	selfSpeaker  = regexp.MustCompile(`(?:我|本)(?:局|校|院|镇|乡|街道|委|办|中心|单位|部门|站|所|馆)(?:[^，。；]{0,8}?)(?:组织|开展|进行|成立|对)[^。]{0,40}?评价`)
	keyEvalTitle = regexp.MustCompile(`重点(?:项目)?.{0,20}评价|第三方|抽查|再评价|综合绩效评价`)
	// The title of rules, a notice or a plan rather than a report.
	policyTitle = regexp.MustCompile(`(?:办法|细则|规定|规程|制度|通知|意见|方案|指南)(?:[(（]试行[)）])?$`)
	// Figures left as placeholders in a template (xx.xx 万元, x 个).
	placeholderFigure = regexp.MustCompile(`(?i)(?:^|[^a-z])x+(?:\.x+)?\s*(?:万元|元|个|%)`)
	// An annex named in a publishing notice (附件1：…报告.pdf).
	annexLine = regexp.MustCompile(`^附件\s*\d*\s*[:：].{2,}\.(?:pdf|docx?|xlsx?|wps|zip|rar)$`)
)

// classify sets r.DocType from the document's head and body and the genre
// read. The head (title and the lines before the body starts) decides what
// the document says it is; the body can overrule it where the text says who
// made the evaluation (委托…会计师事务所 makes a 自评-titled text a
// third-party evaluation).
func classify(doc *ingest.Document, r *Report) {
	r.DocType = docTypeOf(dropReadings(doc.Text), r)
	r.DocTypeLabel = r.DocType.Label()
}

func docTypeOf(text string, r *Report) DocType {
	head := headingLines(text, 25)
	title := r.Title
	anyHead := func(re *regexp.Regexp) bool {
		if re.MatchString(title) {
			return true
		}
		for _, l := range head {
			if siteCategory.MatchString(l) {
				continue // a site's category or breadcrumb (财政预算、决算 / 预算/决算>预算), not the document's name
			}
			if re.MatchString(l) {
				return true
			}
		}
		return false
	}
	switch {
	case anyHead(accountsHead):
		return FinalAccounts
	case anyHead(budgetHead):
		return DepartmentBudget
	case policyTitle.MatchString(title) && !strings.Contains(title, "报告"):
		return OtherDocument
	case isTemplate(text):
		return OtherDocument
	case isPublishingNotice(text, title):
		return OtherDocument
	case anyHead(goalHead) && r.Genre != Narrative || goalHead.MatchString(title) && !strings.Contains(title, "自评"):
		return GoalDeclaration
	case anyHead(monitorHead):
		return MonitoringTable
	case commissioned.MatchString(text) || keyEvalTitle.MatchString(title) || evaluatorVoice.MatchString(text):
		return EvaluationReport
	case r.Genre == ProjectTable:
		return ProjectSelfTable
	case r.Genre == DepartmentTable:
		return DepartmentSelfTable
	case strings.Contains(title, "自评") || strings.Contains(text, "自评"):
		return SelfEvaluationReport
	case strings.Contains(title, "评价") && !selfSpeaker.MatchString(text):
		// a 评价报告 that does not speak as the unit evaluated; a unit's own
		// (我局组织开展了…绩效评价) is its self-evaluation
		return EvaluationReport
	case strings.Contains(title, "评价"):
		return SelfEvaluationReport
	case strings.Contains(text, "绩效"):
		return SelfEvaluationReport
	}
	return OtherDocument
}

// headingLines are the short lines near the top of the text, where a
// document names itself: the first n non-empty lines of at most 40
// characters, whitespace removed.
func headingLines(text string, n int) []string {
	var out []string
	seen := 0
	for _, l := range strings.Split(text, "\n") {
		t := strings.Join(strings.Fields(l), "")
		if t == "" {
			continue
		}
		if seen++; seen > n {
			break
		}
		if utf8.RuneCountInString(t) <= 40 {
			out = append(out, t)
		}
	}
	return out
}

// isTemplate: figures left as placeholders (xx 万元) and none written.
func isTemplate(text string) bool {
	if len(placeholderFigure.FindAllStringIndex(text, 4)) < 3 {
		return false
	}
	return !realFigure.MatchString(text)
}

var realFigure = regexp.MustCompile(`\d+(?:\.\d+)?\s*万?元`)

// isPublishingNotice: a page that announces documents published as annexes
// (附件1：…报告.pdf) and has no report title of its own.
func isPublishingNotice(text, title string) bool {
	if title != "" {
		return false
	}
	annexes := 0
	for _, l := range strings.Split(text, "\n") {
		if annexLine.MatchString(strings.TrimSpace(l)) {
			annexes++
		}
	}
	return annexes >= 2 && !realFigure.MatchString(text)
}

// readAccountsPerformance reads what a 部门决算 or 部门预算 says of its own
// performance evaluation, when the reader of its genre found nothing: the
// 预算绩效管理情况 section's 绩效自评 sentence (绩效自评的2024年度项目39个，
// 涉及预算金额4415.48万元，平均得分99.33分).
func readAccountsPerformance(doc *ingest.Document, r *Report) {
	if len(r.Items) > 0 || len(r.Funds) > 0 {
		return // the genre's reader found the 自评 figures (a 自评表 in the 决算)
	}
	m := selfEvalSentence.FindStringSubmatchIndex(doc.Text)
	if m == nil {
		return
	}
	// What the narrative reader took already (the count and total of the
	// same sentence) stays; what it left is read here.
	if r.Stated.Count == nil {
		if n, err := strconv.Atoi(doc.Text[m[2]:m[3]]); err == nil {
			r.Stated.Count = &n
		}
	}
	if r.Stated.TotalWan == nil {
		a, err := money.Parse(doc.Text[m[4]:m[5]])
		if err != nil {
			return
		}
		r.Stated.Total = &a
		v := a.Wan
		r.Stated.TotalWan = &v
		r.Stated.Page = doc.PageAt(m[0])
		r.Stated.Span = &Span{m[0], m[1]}
	}
	if m[6] >= 0 && r.TotalScore == nil {
		if sc, err := decimal.NewFromString(doc.Text[m[6]:m[7]]); err == nil {
			r.TotalScore = &sc
		}
	}
}

// selfEvalSentence is a 决算's sentence on its own 绩效自评: the number of
// projects, the budget they involve and, where given, the average score.
var selfEvalSentence = regexp.MustCompile(`绩效自评的?[^。；;]{0,24}?项目\s*(\d+)\s*个\s*[，,]\s*(?:共|合计|总计)?\s*涉及(?:预算)?(?:金额|资金)?\s*((?:\d[\d,]*)(?:\.\d+)?\s*(?:万元|亿元|元))(?:\s*[，,]\s*平均得分\s*(\d+(?:\.\d+)?)\s*分)?`)
