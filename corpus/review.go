package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/validate"
)

// ErrNoFinding means a report has no finding with the key given.
var ErrNoFinding = errors.New("报告中没有这条问题 (no such finding)")

// Decide records a reviewer's decision on the finding with key findingKey
// (see FindingKeys) of report reportID, replacing an earlier one. The finding
// must be present in the report now; the decision then stays with the key
// through re-extraction.
func (s *Store) Decide(ctx context.Context, reportID, findingKey string, v Verdict, note string) error {
	if err := s.writable(); err != nil {
		return err
	}
	if v != Confirmed && v != Dismissed {
		return fmt.Errorf("未知的审核结论 %q (want confirmed or dismissed)", v)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM findings WHERE report_id = ? AND key = ?`, reportID, findingKey).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: %s %s", ErrNoFinding, reportID, findingKey)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO decisions (report_id, finding_key, decision, note, decided_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(report_id, finding_key) DO UPDATE SET decision = excluded.decision, note = excluded.note, decided_at = excluded.decided_at`,
		reportID, findingKey, string(v), note, now())
	return err
}

// ClearDecision removes the decision on a finding (back to pending).
func (s *Store) ClearDecision(ctx context.Context, reportID, findingKey string) error {
	if err := s.writable(); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `DELETE FROM decisions WHERE report_id = ? AND finding_key = ?`, reportID, findingKey)
	return err
}

// Decisions gives the review decisions of a report, by finding key.
func (s *Store) Decisions(ctx context.Context, reportID string) (map[string]Decision, error) {
	return loadDecisions(ctx, s.db, reportID)
}

// ReviewState selects findings by their review decision.
type ReviewState string

const (
	ReviewAny       ReviewState = ""
	ReviewPending   ReviewState = "pending" // no decision yet
	ReviewConfirmed ReviewState = "confirmed"
	ReviewDismissed ReviewState = "dismissed"
)

// FindingFilter selects findings across the corpus. Zero fields select everything.
type FindingFilter struct {
	Rule      string
	Severity  validate.Severity
	Review    ReviewState
	ReportID  string
	Year      int
	Unit      string // part of the unit name, or the whole name when UnitExact (see ParseUnit)
	UnitExact bool
	Limit     int // at most this many (0: no limit)
	Offset    int
}

func (f FindingFilter) where() (string, []any, error) {
	var conds []string
	var args []any
	add := func(c string, a any) { conds = append(conds, c); args = append(args, a) }
	if f.Rule != "" {
		add("f.rule = ?", f.Rule)
	}
	if f.Severity != "" {
		add("f.severity = ?", string(f.Severity))
	}
	if f.ReportID != "" {
		add("f.report_id = ?", f.ReportID)
	}
	if f.Year != 0 {
		add("r.year = ?", f.Year)
	}
	if f.Unit != "" && f.UnitExact {
		add("r.unit = ?", f.Unit)
	} else if f.Unit != "" {
		add("instr(r.unit, ?) > 0", f.Unit)
	}
	switch f.Review {
	case ReviewAny:
	case ReviewPending:
		conds = append(conds, "d.decision IS NULL")
	case ReviewConfirmed, ReviewDismissed:
		add("d.decision = ?", string(f.Review))
	default:
		return "", nil, fmt.Errorf("未知的审核状态 %q", f.Review)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

const findingsFrom = ` FROM findings f JOIN reports r ON r.id = f.report_id
	LEFT JOIN decisions d ON d.report_id = f.report_id AND d.finding_key = f.key`

// ReviewedFinding is a finding with its report and review decision: a row of
// the "findings across the corpus" view.
type ReviewedFinding struct {
	ReportID string           `json:"report"`
	Unit     string           `json:"unit"`
	Year     int              `json:"year"`
	Title    string           `json:"title"`
	Key      string           `json:"key"`
	Finding  validate.Finding `json:"finding"`
	Decision *Decision        `json:"review,omitempty"`
}

// EachFinding calls fn for every finding f selects, by report (unit, year,
// id) and order within the report.
func (s *Store) EachFinding(ctx context.Context, f FindingFilter, fn func(ReviewedFinding) error) error {
	where, args, err := f.where()
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT f.`+strings.ReplaceAll(findingColumns, ", ", ", f.")+`,
		r.id, r.unit, r.year, r.title, d.decision, COALESCE(d.note, ''), COALESCE(d.decided_at, '')`+
		findingsFrom+where+` ORDER BY r.unit, r.year, r.id, f.ord`+limitClause(f.Limit, f.Offset), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var rf ReviewedFinding
		var verdict sql.NullString
		var note, at string
		rf.Finding, rf.Key, err = scanFinding(rows, &rf.ReportID, &rf.Unit, &rf.Year, &rf.Title, &verdict, &note, &at)
		if err != nil {
			return err
		}
		if verdict.Valid {
			rf.Decision = &Decision{Verdict: Verdict(verdict.String), Note: note, At: parseTime(at)}
		}
		if err := fn(rf); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Findings gives the findings f selects (see EachFinding).
func (s *Store) Findings(ctx context.Context, f FindingFilter) ([]ReviewedFinding, error) {
	out := []ReviewedFinding{}
	err := s.EachFinding(ctx, f, func(rf ReviewedFinding) error { out = append(out, rf); return nil })
	return out, err
}

// CountFindings is the number of findings f selects, Limit and Offset aside.
func (s *Store) CountFindings(ctx context.Context, f FindingFilter) (int, error) {
	where, args, err := f.where()
	if err != nil {
		return 0, err
	}
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*)`+findingsFrom+where, args...).Scan(&n)
	return n, err
}

func itoa(n int) string { return strconv.Itoa(n) }
