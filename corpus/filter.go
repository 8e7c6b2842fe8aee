package corpus

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// Sort orders a list of reports or findings.
type Sort string

const (
	SortDefault Sort = ""     // by unit, year, report (and position in the report)
	SortDiff    Sort = "diff" // the largest |差额| first (of a report: of its findings the filter selects)
	SortUnit    Sort = "unit" // by unit, the latest year first
	SortYear    Sort = "year" // the latest year first, then by unit
)

// ParseSort reads a sort as the page and the commands name it.
func ParseSort(s string) (Sort, error) {
	switch v := Sort(strings.TrimSpace(s)); v {
	case SortDefault, SortDiff, SortUnit, SortYear:
		return v, nil
	}
	return "", fmt.Errorf("未知的排序 %q (want diff, unit or year)", s)
}

// Label is the Chinese name of the sort.
func (s Sort) Label() string {
	switch s {
	case SortDiff:
		return "按差额（绝对值）从大到小"
	case SortUnit:
		return "按单位"
	case SortYear:
		return "按年度（新的在前）"
	}
	return "默认（单位、年度）"
}

// scope is what both lists filter on, whichever asks: each condition is
// written here once, for the reports list (a report qualifies when one of
// its findings does) and the findings list alike.
type scope struct {
	// of the report
	all       bool // copies and superseded versions too
	reportID  string
	year      int
	unit      string
	unitExact bool
	unitUnder bool
	genre     extract.Genre
	docType   extract.DocType
	minTotal  *decimal.Decimal // 所述总额 (stated total) ≥
	maxTotal  *decimal.Decimal
	// of the finding
	rule     string
	severity validate.Severity
	review   ReviewState
	minDiff  *decimal.Decimal // |差额| ≥, 万元 findings only
	maxDiff  *decimal.Decimal
}

// conds accumulates SQL conditions and their arguments.
type conds struct {
	sql  []string
	args []any
}

func (c *conds) add(cond string, args ...any) {
	c.sql = append(c.sql, cond)
	c.args = append(c.args, args...)
}

func (c *conds) where() string {
	if len(c.sql) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.sql, " AND ")
}

// reportConds adds the conditions on the report (table alias r).
func (s scope) reportConds(c *conds) {
	if s.reportID != "" {
		c.add("r.id = ?", s.reportID)
	} else if !s.all {
		c.add(visibleReport)
	}
	if s.year != 0 {
		c.add("r.year = ?", s.year)
	}
	if s.unit != "" && s.unitExact {
		c.add("r.unit = ?", s.unit)
	} else if s.unit != "" && s.unitUnder {
		// the units named after the county, and the files in its folder
		c.add("(instr(r.unit, ?) = 1 OR instr(r.path, ?) > 0)", s.unit, "/"+s.unit+"/")
	} else if s.unit != "" {
		c.add("instr(r.unit, ?) > 0", s.unit)
	}
	if s.genre != "" {
		c.add("r.genre = ?", string(s.genre))
	}
	if s.docType != "" {
		c.add("r.doc_type = ?", string(s.docType))
	}
	if s.minTotal != nil {
		c.add("r.total_key >= ?", AmountKey(*s.minTotal))
	}
	if s.maxTotal != nil {
		c.add("r.total_key <= ?", AmountKey(*s.maxTotal))
	}
}

// visibleReport is the condition on a report r that it is neither a copy
// nor superseded: what the lists, the counts and the pending queue show.
const visibleReport = "r.copy_of IS NULL AND r.superseded_by IS NULL"

// hasFindingConds says whether the finding's conditions select anything.
func (s scope) hasFindingConds() bool {
	return s.rule != "" || s.severity != "" || s.review != ReviewAny || s.minDiff != nil || s.maxDiff != nil
}

// findingConds adds the conditions on the finding (alias f) and its
// decision (alias d, LEFT JOINed).
func (s scope) findingConds(c *conds) error {
	if s.rule != "" {
		c.add("f.rule = ?", s.rule)
	}
	if s.severity != "" {
		c.add("f.severity = ?", string(s.severity))
	}
	switch s.review {
	case ReviewAny:
	case ReviewPending:
		c.add("d.decision IS NULL")
	case ReviewConfirmed, ReviewDismissed:
		c.add("d.decision = ?", string(s.review))
	default:
		return fmt.Errorf("未知的审核状态 %q", s.review)
	}
	if s.minDiff != nil || s.maxDiff != nil {
		c.add("f.unit IN ('万元', '')")
	}
	if s.minDiff != nil {
		c.add("f.abs_diff_key >= ?", AmountKey(s.minDiff.Abs()))
	}
	if s.maxDiff != nil {
		c.add("f.abs_diff_key <= ?", AmountKey(s.maxDiff.Abs()))
	}
	return nil
}

// findingExists is the condition on a report r that one of its findings
// meets the finding's conditions; "" when there are none.
func (s scope) findingExists(c *conds) error {
	if !s.hasFindingConds() {
		return nil
	}
	var fc conds
	if err := s.findingConds(&fc); err != nil {
		return err
	}
	c.add("EXISTS (SELECT 1 FROM findings f LEFT JOIN decisions d ON d.report_id = f.report_id AND d.finding_key = f.key"+
		" WHERE f.report_id = r.id AND "+strings.Join(fc.sql, " AND ")+")", fc.args...)
	return nil
}

// maxDiffOrder is the ORDER BY term of a report by the largest |差额| of
// its findings the scope selects, with its arguments.
func (s scope) maxDiffOrder() (string, []any, error) {
	var fc conds
	if err := s.findingConds(&fc); err != nil {
		return "", nil, err
	}
	fc.add("f.abs_diff_key IS NOT NULL")
	return "(SELECT MAX(f.abs_diff_key) FROM findings f LEFT JOIN decisions d ON d.report_id = f.report_id AND d.finding_key = f.key" +
		" WHERE f.report_id = r.id AND " + strings.Join(fc.sql, " AND ") + ") DESC NULLS LAST", fc.args, nil
}

// amountKeyDigits are the digits of an AmountKey before and after the point.
const (
	amountKeyInt  = 18
	amountKeyFrac = 12
)

// AmountKey is a decimal written so that comparing the strings compares the
// amounts (for |差额| and totals, which are not negative): the integer part
// zero-padded to 18 digits, the fraction padded or cut to 12. The generated
// columns findings.abs_diff_key and reports.total_key are the same key made
// by SQLite (see amountKeySQL); amounts stay decimal strings everywhere else.
func AmountKey(d decimal.Decimal) string {
	s := d.Abs().String()
	ip, fp, _ := strings.Cut(s, ".")
	if len(ip) < amountKeyInt {
		ip = strings.Repeat("0", amountKeyInt-len(ip)) + ip
	}
	fp += strings.Repeat("0", amountKeyFrac)
	return ip + "." + fp[:amountKeyFrac]
}

// amountKeySQL is AmountKey of the decimal string column col, as SQL.
func amountKeySQL(col string) string {
	a := "ltrim(" + col + ", '-+')"
	dot := "instr(" + a + ", '.')"
	ip := "CASE WHEN " + dot + " > 0 THEN substr(" + a + ", 1, " + dot + " - 1) ELSE " + a + " END"
	fp := "CASE WHEN " + dot + " > 0 THEN substr(" + a + ", " + dot + " + 1) ELSE '' END"
	return fmt.Sprintf("CASE WHEN %s IS NULL THEN NULL ELSE printf('%%0%dd', CAST(%s AS INTEGER)) || '.' || substr((%s) || '%s', 1, %d) END",
		col, amountKeyInt, ip, fp, strings.Repeat("0", amountKeyFrac), amountKeyFrac)
}
