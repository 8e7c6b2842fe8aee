package corpus

import (
	"context"
	"slices"

	"github.com/jixiao/jixiao/validate"
)

// Stats is an overview of the corpus: what a dashboard shows and the
// choices of its filters.
type Stats struct {
	Reports    int                       `json:"reports"`    // neither copies nor superseded
	Copies     int                       `json:"copies"`     // files received again in another format or print
	Superseded int                       `json:"superseded"` // earlier versions of a file
	Items      int                       `json:"items"`
	Findings   map[validate.Severity]int `json:"findings"` // by severity
	Reviewed   map[Verdict]int           `json:"reviewed"` // decisions on findings present, by verdict
	Pending    int                       `json:"pending"`  // findings without a decision
	Unindexed  int                       `json:"unindexed"`
	Ledger     map[Status]int            `json:"ledger"` // files by last outcome
	Units      []string                  `json:"units"`  // distinct units, sorted
	Years      []int                     `json:"years"`  // distinct years, sorted
}

// Stats counts what the corpus holds.
func (s *Store) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{Findings: map[validate.Severity]int{}, Reviewed: map[Verdict]int{}, Units: []string{}, Years: []int{}}
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(copy_of IS NULL AND superseded_by IS NULL), 0),
		COALESCE(SUM(CASE WHEN copy_of IS NULL AND superseded_by IS NULL THEN item_count ELSE 0 END), 0), COALESCE(SUM(indexed = 0), 0),
		COALESCE(SUM(copy_of IS NOT NULL AND superseded_by IS NULL), 0), COALESCE(SUM(superseded_by IS NOT NULL), 0) FROM reports`).
		Scan(&st.Reports, &st.Items, &st.Unindexed, &st.Copies, &st.Superseded); err != nil {
		return nil, err
	}
	err := s.scanRows(ctx, `SELECT f.severity, d.decision, COUNT(*) `+findingsFrom+` WHERE `+visibleReport+` GROUP BY 1, 2`, func(sc func(...any) error) error {
		var sev string
		var verdict *string
		var n int
		if err := sc(&sev, &verdict, &n); err != nil {
			return err
		}
		st.Findings[validate.Severity(sev)] += n
		if verdict == nil {
			st.Pending += n
		} else {
			st.Reviewed[Verdict(*verdict)] += n
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if st.Ledger, err = s.LedgerCounts(ctx); err != nil {
		return nil, err
	}
	err = s.scanRows(ctx, `SELECT DISTINCT unit FROM reports r WHERE unit != '' AND `+visibleReport+` ORDER BY unit`, func(sc func(...any) error) error {
		var u string
		err := sc(&u)
		st.Units = append(st.Units, u)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = s.scanRows(ctx, `SELECT DISTINCT year FROM reports r WHERE year != 0 AND `+visibleReport+` ORDER BY year`, func(sc func(...any) error) error {
		var y int
		err := sc(&y)
		st.Years = append(st.Years, y)
		return err
	})
	return st, err
}

func (s *Store) scanRows(ctx context.Context, q string, fn func(scan func(...any) error) error, args ...any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CoverageCell is what was received of one unit in one year.
type CoverageCell struct {
	Reports int `json:"reports"` // neither copies nor superseded
	Errors  int `json:"errors"`  // error findings of those reports
	Pending int `json:"pending"` // their findings without a decision
}

// Coverage is the unit × year matrix of what has been received: a cell per
// unit and year with reports, absent where nothing came.
type Coverage struct {
	Units []string                        `json:"units"`
	Years []int                           `json:"years"`
	Cells map[string]map[int]CoverageCell `json:"cells"` // unit → year → cell
}

// Coverage counts the reports f selects by unit and year (reports without a
// unit or a year left out), with their error and pending findings.
func (s *Store) Coverage(ctx context.Context, f Filter) (*Coverage, error) {
	f.Sort, f.Limit, f.Offset = SortDefault, 0, 0
	where, args, err := f.where()
	if err != nil {
		return nil, err
	}
	cond := " WHERE "
	if where != "" {
		cond = where + " AND "
	}
	cv := &Coverage{Units: []string{}, Years: []int{}, Cells: map[string]map[int]CoverageCell{}}
	years := map[int]bool{}
	err = s.scanRows(ctx, `SELECT r.unit, r.year, COUNT(*), COALESCE(SUM(r.errors), 0),
		COALESCE(SUM((SELECT COUNT(*) FROM findings fp LEFT JOIN decisions dp ON dp.report_id = fp.report_id AND dp.finding_key = fp.key
			WHERE fp.report_id = r.id AND dp.decision IS NULL)), 0)
		FROM reports r`+cond+`r.unit != '' AND r.year != 0 GROUP BY r.unit, r.year ORDER BY r.unit, r.year`,
		func(sc func(...any) error) error {
			var u string
			var y int
			var c CoverageCell
			if err := sc(&u, &y, &c.Reports, &c.Errors, &c.Pending); err != nil {
				return err
			}
			if cv.Cells[u] == nil {
				cv.Cells[u] = map[int]CoverageCell{}
				cv.Units = append(cv.Units, u)
			}
			cv.Cells[u][y] = c
			years[y] = true
			return nil
		}, args...)
	if err != nil {
		return nil, err
	}
	// Every year from the first to the last: a year nothing came in is a column too.
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	if len(ys) > 0 {
		for y := slices.Min(ys); y <= slices.Max(ys); y++ {
			cv.Years = append(cv.Years, y)
		}
	}
	return cv, nil
}
