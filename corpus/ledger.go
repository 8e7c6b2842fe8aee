package corpus

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jixiao/jixiao/extract"
)

// Status is the outcome of ingesting one file.
type Status string

const (
	StatusOK        Status = "ok"        // stored (or already stored from this path)
	StatusFailed    Status = "failed"    // could not be read or extracted: see Reason
	StatusDuplicate Status = "duplicate" // same bytes as a report stored from another path
)

// LedgerEntry is the last outcome recorded for one file path.
type LedgerEntry struct {
	FileStat
	Status    Status    `json:"status"`
	ReportID  string    `json:"report,omitempty"`
	Reason    string    `json:"reason,omitempty"` // short, for grouping failures
	Error     string    `json:"error,omitempty"`  // the full error
	Extractor string    `json:"extractor"`
	At        time.Time `json:"at"`
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func upsertLedger(ctx context.Context, x execer, e LedgerEntry) error {
	var rid *string
	if e.ReportID != "" {
		rid = &e.ReportID
	}
	_, err := x.ExecContext(ctx, `INSERT INTO ledger (path, size, mtime_ns, sha256, status, report_id, reason, error, extractor, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256,
			status = excluded.status, report_id = excluded.report_id, reason = excluded.reason, error = excluded.error,
			extractor = excluded.extractor, at = excluded.at`,
		e.Path, e.Size, mtimeNS(e.ModTime), e.SHA256, string(e.Status), rid, e.Reason, e.Error, e.Extractor, now())
	return err
}

func mtimeNS(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// RecordFailure records in the ledger that file f could not be ingested,
// with a short reason (for grouping) and the error.
func (s *Store) RecordFailure(ctx context.Context, f FileStat, reason string, err error) error {
	if e := s.writable(); e != nil {
		return e
	}
	return recordFailure(ctx, s.db, f, reason, err)
}

// recordFailure is RecordFailure through x (the store or a transaction).
func recordFailure(ctx context.Context, x execer, f FileStat, reason string, err error) error {
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	if reason == "" {
		reason = msg
	}
	return upsertLedger(ctx, x, LedgerEntry{FileStat: f, Status: StatusFailed, Reason: reason, Error: msg, Extractor: extract.Version})
}

// RecordKnown records in the ledger that file f holds bytes already stored
// as report id (status ok when the report was first read from f.Path,
// duplicate otherwise), without extracting them again.
func (s *Store) RecordKnown(ctx context.Context, f FileStat, id string) (Status, error) {
	if e := s.writable(); e != nil {
		return "", e
	}
	return recordKnown(ctx, s.db, f, id)
}

// recordKnown is RecordKnown through x (the store or a transaction).
func recordKnown(ctx context.Context, x interface {
	querier
	execer
}, f FileStat, id string) (Status, error) {
	var first, extractor string
	if err := x.QueryRowContext(ctx, `SELECT path, extractor FROM reports WHERE id = ?`, id).Scan(&first, &extractor); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", ErrNotFound
		}
		return "", err
	}
	st := StatusOK
	if first != f.Path {
		st = StatusDuplicate
	}
	return st, upsertLedger(ctx, x, LedgerEntry{FileStat: f, Status: st, ReportID: id, Extractor: extractor})
}

const ledgerColumns = `path, size, mtime_ns, sha256, status, COALESCE(report_id, ''), reason, error, extractor, at`

func scanLedger(sc interface{ Scan(...any) error }) (LedgerEntry, error) {
	var e LedgerEntry
	var mt int64
	var st, at string
	if err := sc.Scan(&e.Path, &e.Size, &mt, &e.SHA256, &st, &e.ReportID, &e.Reason, &e.Error, &e.Extractor, &at); err != nil {
		return e, err
	}
	if mt != 0 {
		e.ModTime = time.Unix(0, mt)
	}
	e.Status, e.At = Status(st), parseTime(at)
	return e, nil
}

// LedgerLookup gives the ledger entry of an absolute path; ok is false when
// the path was never ingested.
func (s *Store) LedgerLookup(ctx context.Context, path string) (e LedgerEntry, ok bool, err error) {
	e, err = scanLedger(s.db.QueryRowContext(ctx, `SELECT `+ledgerColumns+` FROM ledger WHERE path = ?`, path))
	if errors.Is(err, sql.ErrNoRows) {
		return LedgerEntry{}, false, nil
	}
	return e, err == nil, err
}

// Ledger calls fn for every ledger entry with the given status ("" for all), by path.
func (s *Store) Ledger(ctx context.Context, status Status, fn func(LedgerEntry) error) error {
	q := `SELECT ` + ledgerColumns + ` FROM ledger`
	var args []any
	if status != "" {
		q += ` WHERE status = ?`
		args = append(args, string(status))
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY path`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanLedger(rows)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// LedgerCounts gives the number of ledger entries by status.
func (s *Store) LedgerCounts(ctx context.Context) (map[Status]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT status, COUNT(*) FROM ledger GROUP BY status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[Status]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[Status(st)] = n
	}
	return out, rows.Err()
}
