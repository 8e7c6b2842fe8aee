package web

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// ruleNames are the Chinese names of the rules; the id is shown beside them.
var ruleNames = map[string]string{
	"total-mismatch":           "总额不符",
	"count-mismatch":           "项目数不符",
	"actual-exceeds-budget":    "支出超预算",
	"underspent":               "预算未用完",
	"not-disbursed":            "未拨付",
	"claim-contradicted":       "表述与数据矛盾",
	"missing-dimension":        "评价维度缺失",
	"unmatched-item":           "项目前后不对应",
	"rate-mismatch":            "执行率不符",
	"score-mismatch":           "得分不符",
	"composition-mismatch":     "资金构成不符",
	"sum-mismatch":             "分项合计不符",
	"amount-unparsed":          "金额无法识别",
	"weight-mismatch":          "分值不符",
	"indicator-score-mismatch": "指标得分不符",
	"reason-missing":           "缺偏差原因",
	"grade-mismatch":           "等级与总分不符",
	"placeholder":              "模板占位未删",
	"target-changed":           "跨年指标变动",
	"nothing-extracted":        "未能读出项目或金额",
}

// docTypeName is the Chinese name of a document type code, from extract's one table.
func docTypeName(code string) string { return extract.DocType(code).Label() }

// ruleUnits are the units of a rule's expected and actual figures (万元 when absent).
var ruleUnits = map[string]string{
	"count-mismatch":           "个",
	"rate-mismatch":            "%",
	"score-mismatch":           "分",
	"weight-mismatch":          "分",
	"indicator-score-mismatch": "分",
	"grade-mismatch":           "分",
	"reason-missing":           "%",
}

// dimShort are the evaluation dimensions in one character, for a table cell
// (the whole name is the cell's title).
var dimShort = map[string]string{"立项": "立", "资金落实": "资", "业务管理": "管", "产出": "产", "效益": "效"}

func ruleName(id string) string {
	if n, ok := ruleNames[id]; ok {
		return n
	}
	return id
}

func ruleUnit(id string) string {
	if u, ok := ruleUnits[id]; ok {
		return u
	}
	return "万元"
}

// ruleIDs lists the rules of the catalogue, for the filter of the findings page.
func ruleIDs() []string {
	var out []string
	for _, r := range validate.Rules() {
		out = append(out, r.ID)
	}
	return out
}

// amount writes an exact decimal with thousands separators in its integer
// part, every written decimal kept; "—" for none.
func amount(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	return groupDigits(d.String())
}

// signedAmount is amount with an explicit sign, for differences.
func signedAmount(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	if d.IsPositive() {
		return "+" + groupDigits(d.String())
	}
	return strings.Replace(groupDigits(d.String()), "-", "−", 1)
}

func groupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

func yearText(y int) string {
	if y == 0 {
		return "—"
	}
	return strconv.Itoa(y)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, "、")
}

var templateFuncs = template.FuncMap{
	"amount":       amount,
	"amountv":      func(d decimal.Decimal) string { return amount(&d) },
	"sevCount":     func(m map[validate.Severity]int, s string) int { return m[validate.Severity(s)] },
	"signedAmount": signedAmount,
	"ruleName":     ruleName,
	"docTypeName":  func(t extract.DocType) string { return t.Label() },
	"ruleUnit":     ruleUnit,
	"sevName":      validate.Severity.Label,
	"verdictName":  corpus.Verdict.Label,
	"genreName":    extract.Genre.Label,
	"disbName":     extract.Disbursement.Label,
	"yearText":     yearText,
	"dimShort":     func(d string) string { return dimShort[d] },
	"orDash":       orDash,
	"joinInts":     joinInts,
	"groupDigits":  groupDigits,
	"plusOne":      func(n int) int { return n + 1 },
	"timeText":     func(t time.Time) string { return t.Local().Format("2006-01-02 15:04") },
	"reviewFor":    reviewName,
	"actionName":   actionName,
	"deref": func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	},
}

func reviewName(s corpus.ReviewState) string { return s.Label() }

// actionName is the Chinese name of an entry of the audit trail.
func actionName(v corpus.Verdict) string {
	if v == corpus.Cleared {
		return "撤销结论"
	}
	return v.Label()
}
