package corpus

import (
	"context"
	"fmt"
	"strconv"
)

// FindingCount is how many findings one group holds: a rule, a unit or a
// year (as its decimal digits).
type FindingCount struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Groupings of CountFindingsBy.
const (
	ByRule = "rule"
	ByUnit = "unit"
	ByYear = "year"
)

// groupColumns are the columns CountFindingsBy groups on.
var groupColumns = map[string]string{ByRule: "f.rule", ByUnit: "r.unit", ByYear: "r.year"}

// CountFindingsBy counts the findings f selects (Limit, Offset and Sort
// aside) by rule, unit or year, most first (ties by key): one query, what a
// chart of the corpus draws.
func (s *Store) CountFindingsBy(ctx context.Context, f FindingFilter, by string) ([]FindingCount, error) {
	col, ok := groupColumns[by]
	if !ok {
		return nil, fmt.Errorf("未知的分组 %q (unknown grouping)", by)
	}
	where, args, err := f.where()
	if err != nil {
		return nil, err
	}
	out := []FindingCount{}
	err = s.scanRows(ctx, `SELECT `+col+`, COUNT(*)`+findingsFrom+where+` GROUP BY 1 ORDER BY 2 DESC, 1`,
		func(sc func(...any) error) error {
			var c FindingCount
			if by == ByYear {
				var y int
				if err := sc(&y, &c.Count); err != nil {
					return err
				}
				c.Key = strconv.Itoa(y)
			} else if err := sc(&c.Key, &c.Count); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		}, args...)
	return out, err
}

// OnFindings says whether f has conditions on the findings (rule,
// severity, review state, |差额|): what it selects then changes with a
// decision, not only with the reports.
func (f FindingFilter) OnFindings() bool { return f.scope().hasFindingConds() }
