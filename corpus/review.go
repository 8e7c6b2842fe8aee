package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// ErrNoFinding means a report has no finding with the key given.
var ErrNoFinding = errors.New("报告中没有这条问题 (no such finding)")

// Decide records a reviewer's decision on the finding with key findingKey
// (see FindingKeys) of report reportID, replacing an earlier one. The finding
// must be present in the report now; the decision then stays with the key
// through re-extraction. It has no author; see Review.
func (s *Store) Decide(ctx context.Context, reportID, findingKey string, v Verdict, note string) error {
	if v != Confirmed && v != Dismissed {
		return fmt.Errorf("未知的审核结论 %q (want confirmed or dismissed)", v)
	}
	_, err := s.Review(ctx, []FindingRef{{reportID, findingKey}}, Action{Verdict: v, Note: note})
	return err
}

// ClearDecision removes the decision on a finding (back to pending).
func (s *Store) ClearDecision(ctx context.Context, reportID, findingKey string) error {
	if err := s.writable(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := clearIn(ctx, tx, FindingRef{reportID, findingKey}, Action{Verdict: Cleared}); err != nil {
		return err
	}
	return tx.Commit()
}

// Cleared is the action of taking a decision back (in the audit trail, and
// to Review).
const Cleared Verdict = "cleared"

// FindingRef names one finding: its report and its key.
type FindingRef struct {
	Report string `json:"report"`
	Key    string `json:"key"`
}

// Action is one review decision as a reviewer makes it: confirm, dismiss or
// clear, with a note and who made it.
type Action struct {
	Verdict Verdict // Confirmed, Dismissed or Cleared
	Note    string
	Author  string
}

// Review applies a to every finding of refs in one transaction, each with a
// line in the audit trail (ReviewLog); a finding not present in its report
// now fails the whole (ErrNoFinding; clearing needs no finding). It returns how many it applied.
func (s *Store) Review(ctx context.Context, refs []FindingRef, a Action) (int, error) {
	if err := s.writable(); err != nil {
		return 0, err
	}
	if a.Verdict != Confirmed && a.Verdict != Dismissed && a.Verdict != Cleared {
		return 0, fmt.Errorf("未知的审核结论 %q (want confirmed, dismissed or cleared)", a.Verdict)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	for _, ref := range refs {
		// a decision whose finding went away with re-extraction can be taken back
		if err := applyIn(ctx, tx, ref, a, a.Verdict != Cleared); err != nil {
			return 0, err
		}
	}
	return len(refs), tx.Commit()
}

// ReviewFilter applies a to every finding f selects (paging aside), in one
// transaction: "dismiss all the underspent infos of this unit". It returns
// how many it applied.
func (s *Store) ReviewFilter(ctx context.Context, f FindingFilter, a Action) (int, error) {
	if err := s.writable(); err != nil {
		return 0, err
	}
	if a.Verdict != Confirmed && a.Verdict != Dismissed && a.Verdict != Cleared {
		return 0, fmt.Errorf("未知的审核结论 %q (want confirmed, dismissed or cleared)", a.Verdict)
	}
	f.Limit, f.Offset = 0, 0
	where, args, err := f.where()
	if err != nil {
		return 0, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT f.report_id, f.key`+findingsFrom+where, args...)
	if err != nil {
		return 0, err
	}
	var refs []FindingRef
	for rows.Next() {
		var r FindingRef
		if err := rows.Scan(&r.Report, &r.Key); err != nil {
			rows.Close()
			return 0, err
		}
		refs = append(refs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, ref := range refs {
		if err := applyIn(ctx, tx, ref, a, false); err != nil {
			return 0, err
		}
	}
	return len(refs), tx.Commit()
}

// applyIn records a on ref in tx; check: make sure the finding is there.
func applyIn(ctx context.Context, tx *sql.Tx, ref FindingRef, a Action, check bool) error {
	if check {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM findings WHERE report_id = ? AND key = ?`, ref.Report, ref.Key).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("%w: %s %s", ErrNoFinding, ref.Report, ref.Key)
		}
	}
	if a.Verdict == Cleared {
		return clearIn(ctx, tx, ref, a)
	}
	t := now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO decisions (report_id, finding_key, decision, note, decided_at, author)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(report_id, finding_key) DO UPDATE SET decision = excluded.decision, note = excluded.note,
			decided_at = excluded.decided_at, author = excluded.author`,
		ref.Report, ref.Key, string(a.Verdict), a.Note, t, a.Author); err != nil {
		return err
	}
	return logIn(ctx, tx, ref, a, t)
}

// clearIn takes the decision on ref back, noting it in the trail when there was one.
func clearIn(ctx context.Context, tx *sql.Tx, ref FindingRef, a Action) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM decisions WHERE report_id = ? AND finding_key = ?`, ref.Report, ref.Key)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	return logIn(ctx, tx, ref, Action{Verdict: Cleared, Note: a.Note, Author: a.Author}, now())
}

func logIn(ctx context.Context, tx *sql.Tx, ref FindingRef, a Action, at string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO review_log (report_id, finding_key, at, author, action, note) VALUES (?, ?, ?, ?, ?, ?)`,
		ref.Report, ref.Key, at, a.Author, string(a.Verdict), a.Note)
	return err
}

// LogEntry is one line of the audit trail of a finding: who did what when.
type LogEntry struct {
	Key    string    `json:"key"`
	At     time.Time `json:"at"`
	Author string    `json:"author"`
	Action Verdict   `json:"action"` // confirmed, dismissed or cleared
	Note   string    `json:"note"`
}

// ReviewLog gives the audit trail of the findings of report id, oldest first
// (by key). It is kept by finding key, like the decisions: it survives
// re-extraction.
func (s *Store) ReviewLog(ctx context.Context, id string) (map[string][]LogEntry, error) {
	return loadLog(ctx, s.db, id)
}

func loadLog(ctx context.Context, q querier, id string) (map[string][]LogEntry, error) {
	rows, err := q.QueryContext(ctx, `SELECT finding_key, at, author, action, note FROM review_log
		WHERE report_id = ? ORDER BY finding_key, seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]LogEntry{}
	for rows.Next() {
		var e LogEntry
		var at, action string
		if err := rows.Scan(&e.Key, &at, &e.Author, &action, &e.Note); err != nil {
			return nil, err
		}
		e.At, e.Action = parseTime(at), Verdict(action)
		out[e.Key] = append(out[e.Key], e)
	}
	return out, rows.Err()
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
	Rule     string
	Severity validate.Severity
	Review   ReviewState
	MinDiff  *decimal.Decimal // |差额| at least (万元 findings)
	MaxDiff  *decimal.Decimal // |差额| at most

	// of the finding's report
	ReportID  string
	Year      int
	Unit      string // part of the unit name, or the whole name when UnitExact (see ParseUnit)
	UnitExact bool
	UnitUnder bool // Unit is a county (or a folder): the units under it
	Genre     extract.Genre
	DocType   extract.DocType
	MinTotal  *decimal.Decimal // the report's 所述总额 at least
	MaxTotal  *decimal.Decimal
	All       bool // the findings of copies and superseded versions too

	Sort   Sort
	Limit  int // at most this many (0: no limit)
	Offset int
}

func (f FindingFilter) scope() scope {
	return scope{all: f.All, reportID: f.ReportID, year: f.Year, unit: f.Unit, unitExact: f.UnitExact, unitUnder: f.UnitUnder, genre: f.Genre, docType: f.DocType,
		minTotal: f.MinTotal, maxTotal: f.MaxTotal, rule: f.Rule, severity: f.Severity, review: f.Review,
		minDiff: f.MinDiff, maxDiff: f.MaxDiff}
}

// Reports is the filter of the reports that have a finding f selects.
func (f FindingFilter) Reports() Filter {
	return Filter{All: f.All, ReportID: f.ReportID, Year: f.Year, Unit: f.Unit, UnitExact: f.UnitExact, UnitUnder: f.UnitUnder, Genre: f.Genre, DocType: f.DocType,
		MinTotal: f.MinTotal, MaxTotal: f.MaxTotal, Rule: f.Rule, Severity: f.Severity, Review: f.Review,
		MinDiff: f.MinDiff, MaxDiff: f.MaxDiff, Sort: f.Sort}
}

func (f FindingFilter) where() (string, []any, error) {
	var c conds
	sc := f.scope()
	sc.reportConds(&c)
	if err := sc.findingConds(&c); err != nil {
		return "", nil, err
	}
	return c.where(), c.args, nil
}

// orderBy is the ORDER BY clause of a list of findings.
func (f FindingFilter) orderBy() (string, error) {
	switch f.Sort {
	case SortDiff:
		return " ORDER BY f.abs_diff_key DESC NULLS LAST, r.unit, r.year, r.id, f.ord", nil
	case SortUnit:
		return " ORDER BY r.unit, r.year DESC, r.id, f.ord", nil
	case SortYear:
		return " ORDER BY r.year DESC, r.unit, r.id, f.ord", nil
	case SortDefault:
		return " ORDER BY r.unit, r.year, r.id, f.ord", nil
	}
	return "", fmt.Errorf("未知的排序 %q", f.Sort)
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
	order, err := f.orderBy()
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT f.`+strings.ReplaceAll(findingColumns, ", ", ", f.")+`,
		r.id, r.unit, r.year, r.title, d.decision, COALESCE(d.note, ''), COALESCE(d.decided_at, ''), COALESCE(d.author, '')`+
		findingsFrom+where+order+limitClause(f.Limit, f.Offset), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var rf ReviewedFinding
		var verdict sql.NullString
		var note, at, author string
		rf.Finding, rf.Key, err = scanFinding(rows, &rf.ReportID, &rf.Unit, &rf.Year, &rf.Title, &verdict, &note, &at, &author)
		if err != nil {
			return err
		}
		if verdict.Valid {
			rf.Decision = &Decision{Verdict: Verdict(verdict.String), Note: note, At: parseTime(at), Author: author}
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
