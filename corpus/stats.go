package corpus

import (
	"context"

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
