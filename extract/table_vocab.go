package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The words of the standard self-evaluation tables: field labels, section
// labels, fund rows, indicator levels and column headers. Cells are matched
// on their key (cellKey), so "产 出 指 标 (50分)" and "一级\n指标" match too.

// cellKey is the form a cell is matched in: no whitespace, ASCII parentheses
// and colon, no trailing colon. A text already in that form is returned
// as it is (a piece of the document text, not a copy): the scoring form's
// reader keys every line of a document, and most lines need no change.
func cellKey(s string) string {
	if keyForm(s) {
		return strings.TrimRight(s, ":")
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			continue
		case r == '（':
			r = '('
		case r == '）':
			r = ')'
		case r == '：':
			r = ':'
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), ":")
}

// keyForm reports whether cellKey would change no rune of s: no space, no
// zero-width character, no full-width parenthesis or colon, and no invalid
// UTF-8 (which the copy writes as U+FFFD).
func keyForm(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '（' || r == '）' || r == '：' || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// scoreNote is a weight written into a label: 产出指标(50分), 绩效指标（90分）.
var scoreNote = regexp.MustCompile(`\((\d+(?:\.\d+)?)分\)`)

// withoutScoreNote removes 产出指标(50分)'s note (cheaply when there is none).
func withoutScoreNote(key string) string {
	if !strings.Contains(key, "分)") {
		return key
	}
	return scoreNote.ReplaceAllString(key, "")
}

// bareLabel strips the weight note, a 其中: prefix and list numbering from a key.
func bareLabel(key string) string {
	key = withoutScoreNote(key)
	key = strings.TrimPrefix(key, "其中:")
	key = strings.TrimPrefix(key, "其中")
	return strings.TrimRight(key, ":")
}

// Field labels of the head of a table.
const (
	fieldName        = "name"
	fieldDepartment  = "department"
	fieldImplementer = "implementer"
	fieldResponsible = "responsible"
	fieldDeptName    = "dept-name"
	fieldOther       = "other"
)

var fieldLabels = map[string]string{
	"项目名称":     fieldName,
	"主管部门":     fieldDepartment,
	"主管部门及代码":  fieldDepartment,
	"主管单位":     fieldDepartment,
	"实施单位":     fieldImplementer,
	"实施单位(盖章)": fieldImplementer,
	"项目实施单位":   fieldImplementer,
	"项目负责人及电话": fieldResponsible,
	"项目负责人":    fieldResponsible,
	"部门名称":     fieldDeptName,
	"部门(单位)名称": fieldDeptName,
	"单位名称":     fieldDeptName,
	"预算部门":     fieldDeptName,
	"财务负责人":    fieldOther,
	"联系人":      fieldOther,
	"部门联系人":    fieldOther,
	"财政处室":     fieldOther, // the finance office in charge (重庆's 部门整体绩效自评表 head)
	"联系电话":     fieldOther,
	"填报人":      fieldOther,
	"填表人":      fieldOther,
	"审核人":      fieldOther,
	"报表编号":     fieldOther,
	"填报日期":     fieldOther,
	"下属单位个数":   fieldOther,
	"项目类别":     fieldOther,
	"项目属性":     fieldOther,
	"项目类型":     fieldOther,
}

// fieldOf says which head field a key labels.
func fieldOf(key string) (string, bool) {
	key = strings.TrimRight(key, ":")
	if f, ok := fieldLabels[key]; ok {
		return f, ok
	}
	// 预算部门、单位名称, 部门(单位)名称(盖章), 填报单位(盖章): the unit,
	// however a province words its label
	k := strings.TrimSuffix(strings.TrimSuffix(key, "(盖章)"), "(公章)")
	if n := utf8.RuneCountInString(k); n <= 12 && (strings.HasSuffix(k, "单位名称") || strings.HasSuffix(k, "部门名称") ||
		k == "填报单位" || k == "预算单位") {
		return fieldDeptName, true
	}
	return "", false
}

// fieldPrefix splits "项目名称:某某项目" written in one cell into label and value.
func fieldPrefix(text string) (field, value string, ok bool) {
	t := strings.TrimSpace(text)
	for _, sep := range []string{":", "："} {
		i := strings.Index(t, sep)
		if i <= 0 {
			continue
		}
		if f, ok := fieldOf(cellKey(t[:i])); ok {
			v := strings.TrimSpace(t[i+len(sep):])
			if loc := wideSpace.FindStringIndex(v); loc != nil {
				v = v[:loc[0]] // 项目负责人：王宁　　财务负责人：赵敏
			}
			for k := strings.IndexByte(v, ' '); k > 0; k = strings.IndexByte(v[k+1:], ' ') + k + 1 {
				rest := v[k+1:]
				if j := strings.IndexAny(rest, ":："); j > 0 {
					if _, ok := fieldOf(cellKey(rest[:j])); ok {
						v = strings.TrimSpace(v[:k]) // 单位名称：某局 填报日期：…
						break
					}
				}
				if strings.IndexByte(v[k+1:], ' ') < 0 {
					break
				}
			}
			return f, v, true
		}
	}
	return "", "", false
}

var wideSpace = regexp.MustCompile(`\s{2,}|\x{3000}|\t`)

// Section labels end the block before them.
var sectionLabel = regexp.MustCompile(`^(\d+[.、])?(年度总体目标|总体目标|项目年度目标|年度目标|项目基本情况|项目年度目标完成情况|项目实施内容及过程概述|` +
	`绩效指标|年度绩效指标|一级指标|年度主要任务|主要任务|评价结论|自评结论|存在问题|存在的问题|问题及改进措施|改进措施|` +
	`项目资金(\(万元\)|\(元\))?|资金情况(\(万元\)|\(元\))?|预算执行情况|年度预算数(\(万元\)|\(元\))?|` +
	`年度部门整体支出预算.*|部门整体支出预算.*|其他需要说明(的)?(事项|问题|情况)|说明|备注|注)$`)

func isSectionLabel(key string) bool {
	key = withoutScoreNote(key)
	if sectionLabel.MatchString(key) {
		return true
	}
	_, ok := fieldOf(key)
	return ok
}

// totalLabel marks the 合计 / 总分 row at the end of the indicators, the
// full marks sometimes written into it: 总分(100分).
var totalLabel = regexp.MustCompile(`^(合计|总分|总计|自评总分|自评得分|综合得分|得分合计|总得分|分值合计)(\(\d+(?:\.\d+)?分\))?$`)

// Fund rows: the total and its components.
var (
	fundTotal  = regexp.MustCompile(`^(年度资金总额|年度财政资金总额|财政资金总额|资金总额|总额|年度支出总额|年度预算总额|支出总额|年度资金总计|合计)$`)
	fundLevel1 = regexp.MustCompile(`^((本年度?|当年)?财政拨款(资金)?|财政资金|上年结转(资金)?|上年结余(资金)?|财政专户管理资金|单位资金|其他资金|其他|` +
		`基本支出|项目支出|一般公共预算(资金)?|政府性基金(预算)?(资金)?|国有资本经营预算(资金)?|(中央|省级|省|市级|市|县级|县|区级|区)(补助|财政|本级)?资金|自筹资金|社会投入资金|银行贷款)$`)
	fundLevel2 = regexp.MustCompile(`^(人员经费|公用经费|人员类项目|运转类项目|特定目标类项目|基本建设类项目|行政事业类项目|其他类项目)$`)
)

// fundRowLevel reports whether a key is a fund row label and its level.
func fundRowLevel(key string) (int, bool) {
	if strings.HasPrefix(key, "其中") && len(bareLabel(key)) > 0 {
		if fundLevel2.MatchString(bareLabel(key)) {
			return 2, true
		}
		return 1, true
	}
	b := bareLabel(key)
	switch {
	case fundTotal.MatchString(b):
		return 0, true
	case fundLevel1.MatchString(b):
		return 1, true
	case fundLevel2.MatchString(b):
		return 2, true
	}
	return 0, false
}

// Indicator levels. 成本指标 is a level-1 indicator in the 2021 templates
// (with 经济成本指标 … under it) and a level-2 one under 产出指标 before.
var (
	level1Names = map[string]bool{"产出指标": true, "效益指标": true, "满意度指标": true, "成本指标": true,
		"管理指标": true, "效果指标": true} // 部门整体支出: 管理指标 | 产出指标 | 效果指标
	level2Names = map[string]bool{
		"数量指标": true, "质量指标": true, "时效指标": true, "成本指标": true,
		"经济效益指标": true, "社会效益指标": true, "生态效益指标": true, "生态环境效益指标": true,
		"可持续影响指标": true, "服务对象满意度指标": true, "社会公众满意度指标": true, "满意度指标": true,
		"经济成本指标": true, "社会成本指标": true, "生态环境成本指标": true,
	}
)

// levelName is the canonical form of an indicator level label: the key
// without its weight note. A label cut by a wrapped cell in a PDF just before
// its last character (服务对象满意度指 | 标) is taken for the label; cut
// anywhere else it cannot be told from an indicator named like its level
// (服务对象满意度), and is not.
func levelName(key string) string {
	k := withoutScoreNote(key)
	if strings.HasSuffix(k, "指") && (level1Names[k+"标"] || level2Names[k+"标"]) {
		return k + "标"
	}
	return k
}

// levelKind is the level a label names, 服务对象满意度指标等 read as 服务对象满意度指标.
func levelKind(key string) string { return strings.TrimSuffix(levelName(key), "等") }

func isLevel1(key string) bool { return key != "" && level1Names[levelKind(key)] }
func isLevel2(key string) bool { return key != "" && level2Names[levelKind(key)] }

// A column of a table header.
type column string

const (
	colInitial  column = "initial"  // 年初预算数
	colBudget   column = "budget"   // 全年预算数, 调整后预算数
	colExecuted column = "executed" // 全年执行数, 预算执行数
	colWeight   column = "weight"   // 分值, 权重
	colRate     column = "rate"     // 执行率
	colScore    column = "score"    // 得分
	colReason   column = "reason"   // 原因, 偏差原因分析及改进措施
	colLevel1   column = "level1"
	colLevel2   column = "level2"
	colLevel3   column = "level3"
	colNature   column = "nature" // 指标性质
	colTarget   column = "target" // 年度指标值
	colUnit     column = "unit"   // 度量单位
	colActual   column = "actual" // 实际完成值
	colTaskName column = "task"   // 任务名称
	colContent  column = "content"
	colMethod   column = "method"     // 得分计算方法, 评分标准: text
	colComplete column = "completion" // 完成率: a percentage
	colCore     column = "core"       // 是否核心指标: 是/否
	colCoef     column = "coef"       // 得分系数
)

// isTextColumn reports whether a column holds words, not figures.
func isTextColumn(c column) bool { return c == colReason || c == colMethod }

type headerWord struct {
	word string
	col  column
}

// Header words, longest first where one contains another.
var fundHeaderWords = []headerWord{
	{"年初预算数", colInitial}, {"年初预算", colInitial}, {"年初预", colInitial}, // 年初预匏数: a scan's misreading
	{"全年预算数", colBudget}, {"调整后预算数", colBudget}, {"调整后预算", colBudget}, {"全年预算", colBudget}, {"调整预算", colBudget}, {"预算数", colBudget},
	{"全年执行数", colExecuted}, {"预算执行数", colExecuted}, {"实际执行数", colExecuted}, {"执行数", colExecuted},
	{"预算执行率", colRate}, {"执行率", colRate},
	{"分值", colWeight}, {"权重", colWeight},
	{"得分计算方法", colMethod}, {"评分标准", colMethod}, {"计分方法", colMethod},
	{"自评得分", colScore}, {"得分", colScore},
	{"偏差原因", colReason}, {"原因说明", colReason}, {"原因", colReason},
}

var indicatorHeaderWords = []headerWord{
	{"一级指标", colLevel1}, {"二级指标", colLevel2}, {"三级指标", colLevel3},
	{"指标性质", colNature},
	{"年度指标值", colTarget}, {"年初目标值", colTarget}, {"年初指标值", colTarget}, {"年度目标值", colTarget}, {"预期指标值", colTarget}, {"指标值", colTarget}, {"目标值", colTarget},
	{"度量单位", colUnit}, {"计量单位", colUnit},
	{"实际完成值", colActual}, {"全年实际值", colActual}, {"实际完成情况", colActual}, {"实际值", colActual}, {"完成值", colActual},
	{"指标分值", colWeight}, {"分值", colWeight}, {"权重", colWeight},
	{"完成率", colComplete}, {"完成比率", colComplete}, {"是否核心指标", colCore}, {"核心指标", colCore},
	{"得分系数", colCoef}, {"得分计算方法", colMethod}, {"评分标准", colMethod}, {"计分方法", colMethod},
	{"自评得分", colScore}, {"得分", colScore},
	{"偏差原因分析及改进措施", colReason}, {"未完成原因及拟采取的改进措施", colReason}, {"未完成原因分析", colReason},
	{"偏差原因分析", colReason}, {"未完成原因", colReason}, {"偏差原因", colReason}, {"原因分析", colReason}, {"原因", colReason},
}

var taskHeaderWords = []headerWord{
	{"任务名称", colTaskName}, {"主要内容", colContent}, {"主要任务内容", colContent},
}

// headerNoise is text that headers carry besides column names.
var headerNoise = regexp.MustCompile(`\((万元|元|A|B|B/A|%)\)|\(\d+分\)|\([^()]{0,12}分[*×][^()]{0,12}\)|万元|年度预算数|项目资金|资金情况|预算执行情况|绩效指标|` +
	`年度部门整体支出预算|部门整体支出预算|年度`)

// headerNoiseAt matches headerNoise only where scanHeader stands.
var headerNoiseAt = regexp.MustCompile(`^(?:` + headerNoise.String() + `)`)

// scanHeader reads the column names in the concatenated keys of header
// cells, in order. It reports how much of the text the names and the
// known noise cover, so that callers can tell a header from other text.
func scanHeader(s string, words []headerWord) (cols []column, covered int) {
	for i := 0; i < len(s); {
		matched := false
		for _, w := range words {
			if strings.HasPrefix(s[i:], w.word) {
				cols = append(cols, w.col)
				i += len(w.word)
				covered += len(w.word)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if loc := headerNoiseAt.FindStringIndex(s[i:]); loc != nil && loc[1] > 0 {
			i += loc[1]
			covered += loc[1]
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return cols, covered
}

// isHeaderFragment reports whether a key is (part of) a header word, so that
// a header split over cells (年初 | 预算数) is read as one.
func isHeaderFragment(key string, words []headerWord) bool {
	if key == "" {
		return false
	}
	k := headerNoise.ReplaceAllString(key, "")
	if k == "" {
		return true
	}
	if cols, covered := scanHeader(k, words); len(cols) > 0 && covered == len(k) {
		return true
	}
	for _, w := range words {
		if strings.Contains(w.word, k) {
			return true
		}
	}
	return false
}

// Goals sub-headers: 预期目标 | 实际完成情况, 年初设定目标 | 年度总体目标完成情况综述.
var goalsSubHeader = regexp.MustCompile(`^(预期目标|年初设定目标|年度目标|项目年度目标|总体目标|设定目标|目标|` +
	`实际完成情况|(年度)?(总体)?目标完成情况(综述)?|完成情况(综述)?|实际完成情况综述)$`)
var goalsLabel = regexp.MustCompile(`^(年度总体目标|总体目标|项目年度目标|年度目标)$`)

// instruction is the template's own guidance left in an unfilled cell:
// 对照年度目标,说明相关任务目标的完成情况(100字以内).
var instruction = regexp.MustCompile(`[(（]\d+字以内[)）]`)

// Row-start markers inside the indicator block: a new row begins here even
// when the previous one has not filled all its columns.
var rowStartMarker = regexp.MustCompile(`^(其中|★|☆|指标\d|……|…)`)

// templateTitle names the standard tables.
var templateTitle = regexp.MustCompile(`(项目支出|部门整体支出|部门\(单位\)整体支出|单位整体支出|整体支出|部门预算项目支出|绩效目标|财政项目|项目|部门整体|单位整体)绩效?自评表|绩效目标自评表`)
