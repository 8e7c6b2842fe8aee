package corpus

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// Filter selects reports. Zero fields select everything.
type Filter struct {
	Year      int    // exact year
	Unit      string // part of the unit name, or the whole name when UnitExact
	UnitExact bool
	Genre     extract.Genre   // exact genre
	DocType   extract.DocType // exact document type
	Limit     int             // at most this many (0: no limit)
	Offset    int
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

func (f Filter) where(prefix string) (string, []any) {
	var conds []string
	var args []any
	if f.Year != 0 {
		conds = append(conds, prefix+"year = ?")
		args = append(args, f.Year)
	}
	if f.Unit != "" && f.UnitExact {
		conds = append(conds, prefix+"unit = ?")
		args = append(args, f.Unit)
	} else if f.Unit != "" {
		conds = append(conds, "instr("+prefix+"unit, ?) > 0")
		args = append(args, f.Unit)
	}
	if f.Genre != "" {
		conds = append(conds, prefix+"genre = ?")
		args = append(args, string(f.Genre))
	}
	if f.DocType != "" {
		conds = append(conds, prefix+"doc_type = ?")
		args = append(args, string(f.DocType))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
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
	where, args := f.where("")
	rows, err := s.db.QueryContext(ctx, `SELECT id, path, unit, year, title, genre, doc_type, stated_total_wan, stated_count,
		item_count, items_budget_wan, errors, warnings, infos, extractor, indexed, created_at
		FROM reports`+where+` ORDER BY unit, year, id`+limitClause(f.Limit, f.Offset), args...)
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
	where, args := f.where("")
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM reports`+where, args...).Scan(&n)
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
}

// EachItem calls fn for every item of the reports f selects (Limit and
// Offset ignored), by unit, year, report and position.
func (s *Store) EachItem(ctx context.Context, f Filter, fn func(ItemRow) error) error {
	where, args := f.where("r.")
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.unit, r.year, i.seq, i.name, i.budget_wan, i.actual_wan,
		i.disbursement, i.subprojects, i.purpose, i.page
		FROM items i JOIN reports r ON r.id = i.report_id`+where+` ORDER BY r.unit, r.year, r.id, i.ord`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var it ItemRow
		var b, a sql.NullString
		var disb string
		if err := rows.Scan(&it.ReportID, &it.Unit, &it.Year, &it.Seq, &it.Name, &b, &a, &disb, &it.Subprojects, &it.Purpose, &it.Page); err != nil {
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
