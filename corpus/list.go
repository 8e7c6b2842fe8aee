package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// Filter selects reports. Zero fields select everything.
type Filter struct {
	ReportID  string // this report only
	Year      int    // exact year
	Unit      string // part of the unit name, or the whole name when UnitExact
	UnitExact bool
	UnitUnder bool             // Unit is a county (or a folder): the units under it (see ParseUnit)
	Genre     extract.Genre    // exact genre
	DocType   extract.DocType  // exact document type
	MinTotal  *decimal.Decimal // 所述总额 (stated total, 万元, by magnitude) at least; reports without one fall out
	MaxTotal  *decimal.Decimal // 所述总额 at most

	// Reports with a finding that meets all of these (and, in an export,
	// only those findings).
	Rule     string
	Severity validate.Severity
	Review   ReviewState
	MinDiff  *decimal.Decimal // |差额| at least (万元 findings)
	MaxDiff  *decimal.Decimal // |差额| at most

	// All lists copies and superseded versions too (see versions.go).
	All bool

	Sort   Sort
	Limit  int // at most this many (0: no limit)
	Offset int
}

func (f Filter) scope() scope {
	return scope{all: f.All, reportID: f.ReportID, year: f.Year, unit: f.Unit, unitExact: f.UnitExact, unitUnder: f.UnitUnder, genre: f.Genre, docType: f.DocType,
		minTotal: f.MinTotal, maxTotal: f.MaxTotal, rule: f.Rule, severity: f.Severity, review: f.Review,
		minDiff: f.MinDiff, maxDiff: f.MaxDiff}
}

// Findings is the filter of the findings of the reports f selects, the
// finding's conditions included: what an export of f holds.
func (f Filter) Findings() FindingFilter {
	return FindingFilter{All: f.All, ReportID: f.ReportID, Year: f.Year, Unit: f.Unit, UnitExact: f.UnitExact, UnitUnder: f.UnitUnder, Genre: f.Genre, DocType: f.DocType,
		MinTotal: f.MinTotal, MaxTotal: f.MaxTotal, Rule: f.Rule, Severity: f.Severity, Review: f.Review,
		MinDiff: f.MinDiff, MaxDiff: f.MaxDiff, Sort: f.Sort}
}

// ParseUnit reads a unit filter as every command and the page take it:
// the text is part of the unit name (南屯 finds 南屯镇 and 南屯镇人民政府), and a
// leading = asks for exactly that name (=南屯镇).
func ParseUnit(s string) (name string, exact bool) {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "="); ok {
		return strings.TrimSpace(rest), true
	}
	return s, false
}

// where is the WHERE clause of f over reports r.
func (f Filter) where() (string, []any, error) {
	var c conds
	sc := f.scope()
	sc.reportConds(&c)
	if err := sc.findingExists(&c); err != nil {
		return "", nil, err
	}
	return c.where(), c.args, nil
}

// orderBy is the ORDER BY clause of a list of reports r.
func (f Filter) orderBy() (string, []any, error) {
	switch f.Sort {
	case SortDiff:
		o, args, err := f.scope().maxDiffOrder()
		return " ORDER BY " + o + ", r.unit, r.year, r.id", args, err
	case SortUnit:
		return " ORDER BY r.unit, r.year DESC, r.id", nil, nil
	case SortYear:
		return " ORDER BY r.year DESC, r.unit, r.id", nil, nil
	case SortDefault:
		return " ORDER BY r.unit, r.year, r.id", nil, nil
	}
	return "", nil, fmt.Errorf("未知的排序 %q", f.Sort)
}

func limitClause(limit, offset int) string {
	if limit <= 0 && offset <= 0 {
		return ""
	}
	if limit <= 0 {
		limit = -1
	}
	return " LIMIT " + itoa(limit) + " OFFSET " + itoa(offset)
}

// ReportSummary is one row of List: what a table of reports shows.
type ReportSummary struct {
	ID          string           `json:"id"`
	Path        string           `json:"path"`
	Unit        string           `json:"unit"`
	Year        int              `json:"year"`
	Title       string           `json:"title"`
	Genre       extract.Genre    `json:"genre"`
	DocType     extract.DocType  `json:"doc_type"`
	StatedTotal *decimal.Decimal `json:"stated_total_wan"` // as the report states it
	StatedCount *int             `json:"stated_count"`
	Items       int              `json:"items"`
	ItemsBudget decimal.Decimal  `json:"items_budget_wan"` // exact sum of the items' budgets
	Errors      int              `json:"errors"`
	Warnings    int              `json:"warnings"`
	Infos       int              `json:"infos"`
	Extractor   string           `json:"extractor"`
	Indexed     bool             `json:"indexed"`
	Created     time.Time        `json:"created"`
}

// List gives the reports f selects, by unit, year and id.
func (s *Store) List(ctx context.Context, f Filter) ([]ReportSummary, error) {
	where, args, err := f.where()
	if err != nil {
		return nil, err
	}
	order, oargs, err := f.orderBy()
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.path, r.unit, r.year, r.title, r.genre, r.doc_type, r.stated_total_wan, r.stated_count,
		r.item_count, r.items_budget_wan, r.errors, r.warnings, r.infos, r.extractor, r.indexed, r.created_at
		FROM reports r`+where+order+limitClause(f.Limit, f.Offset), append(args, oargs...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []ReportSummary{}
	for rows.Next() {
		var r ReportSummary
		var genre, docType, sum, created string
		var total sql.NullString
		var count sql.NullInt64
		if err := rows.Scan(&r.ID, &r.Path, &r.Unit, &r.Year, &r.Title, &genre, &docType, &total, &count,
			&r.Items, &sum, &r.Errors, &r.Warnings, &r.Infos, &r.Extractor, &r.Indexed, &created); err != nil {
			return nil, err
		}
		r.Genre, r.DocType, r.Created = extract.Genre(genre), extract.DocType(docType), parseTime(created)
		if r.StatedTotal, err = parseDec(total); err != nil {
			return nil, err
		}
		if count.Valid {
			n := int(count.Int64)
			r.StatedCount = &n
		}
		if r.ItemsBudget, err = decimal.NewFromString(sum); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CountReports is the number of reports f selects, Limit and Offset aside.
func (s *Store) CountReports(ctx context.Context, f Filter) (int, error) {
	where, args, err := f.where()
	if err != nil {
		return 0, err
	}
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM reports r`+where, args...).Scan(&n)
	return n, err
}

// ItemRow is one item with the report it belongs to: a row of an export.
type ItemRow struct {
	ReportID     string               `json:"report"`
	Unit         string               `json:"unit"`
	Year         int                  `json:"year"`
	Seq          int                  `json:"seq"`
	Name         string               `json:"name"`
	BudgetWan    *decimal.Decimal     `json:"budget_wan"`
	ActualWan    *decimal.Decimal     `json:"actual_wan"`
	Disbursement extract.Disbursement `json:"disbursement"`
	Subprojects  int                  `json:"subprojects"`
	Purpose      string               `json:"purpose"`
	Page         int                  `json:"page"`
	// Ord is the item's position among its report's items (Report.Items[Ord]).
	Ord int `json:"-"`
}

// EachItem calls fn for every item of the reports f selects (Limit and
// Offset ignored), by unit, year, report and position.
func (s *Store) EachItem(ctx context.Context, f Filter, fn func(ItemRow) error) error {
	where, args, err := f.where()
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.unit, r.year, i.seq, i.name, i.budget_wan, i.actual_wan,
		i.disbursement, i.subprojects, i.purpose, i.page, i.ord
		FROM items i JOIN reports r ON r.id = i.report_id`+where+` ORDER BY r.unit, r.year, r.id, i.ord`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var it ItemRow
		var b, a sql.NullString
		var disb string
		if err := rows.Scan(&it.ReportID, &it.Unit, &it.Year, &it.Seq, &it.Name, &b, &a, &disb, &it.Subprojects, &it.Purpose, &it.Page, &it.Ord); err != nil {
			return err
		}
		it.Disbursement = extract.Disbursement(disb)
		if it.BudgetWan, err = parseDec(b); err != nil {
			return err
		}
		if it.ActualWan, err = parseDec(a); err != nil {
			return err
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return rows.Err()
}
