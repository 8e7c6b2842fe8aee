package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// The same report more than once.
//
// A copy is the same document in another format or another print: the
// same unit, year, title and figures (Fingerprint), from other bytes. It is
// stored with its own pages (its evidence stays where its file has it) but
// marked a copy of the report first stored (copy_of): the lists, the
// counts, the pending queue and the search show the first one only, which
// names every file it was received as (Files). One report, several files,
// one set of findings.
//
// A version: new bytes ingested from the path of a stored report supersede
// it. The old report is kept, marked superseded (superseded_by, with the
// time), and leaves the lists and the pending queue; Versions gives the
// chain, newest first.

// Fingerprint is the identity of a report's content: its unit, year, title
// (white space aside), type, the project it is about, and every figure it
// states (the stated total and count; each item's seq, budget and actual;
// the funds rows; the indicators' figures; the total score). Two files whose
// reports have the same fingerprint hold the same report. A report without
// a unit, a year or any figure has none (""): nothing can say two such are
// the same.
func Fingerprint(rep *extract.Report) string {
	if rep == nil || rep.Unit == "" || rep.Year == 0 {
		return ""
	}
	figures := false
	var b strings.Builder
	dec := func(d *decimal.Decimal) {
		if d == nil {
			b.WriteString("-|")
			return
		}
		figures = true
		b.WriteString(d.String())
		b.WriteByte('|')
	}
	fmt.Fprintf(&b, "%s|%d|%s|%s|", squeeze(rep.Unit), rep.Year, squeeze(rep.Title), rep.DocType)
	if rep.Project != nil {
		b.WriteString(squeeze(rep.Project.Name))
	}
	b.WriteString("\nstated|")
	dec(rep.Stated.TotalWan)
	if rep.Stated.Count != nil {
		figures = true
		fmt.Fprintf(&b, "%d|", *rep.Stated.Count)
	}
	for _, it := range rep.Items {
		fmt.Fprintf(&b, "\nitem|%d|", it.Seq)
		dec(it.BudgetWan)
		dec(it.ActualWan)
	}
	for _, f := range rep.Funds {
		b.WriteString("\nfund|")
		for _, d := range []*decimal.Decimal{f.InitialWan, f.BudgetWan, f.ExecutedWan, f.Weight, f.Rate, f.Score} {
			dec(d)
		}
	}
	for _, in := range rep.Indicators {
		fmt.Fprintf(&b, "\nindicator|%s|%s|", squeeze(in.Target), squeeze(in.Actual))
		dec(in.Weight)
		dec(in.Score)
	}
	b.WriteString("\ntotal|")
	dec(rep.TotalScore)
	if !figures {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}

// squeeze is s without white space (prints of one document wrap and space
// a title differently).
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// identify records the fingerprint and the kind of report id (in the caller's
// transaction, after its extraction was written) and whether it is a copy:
// of the oldest report with the same fingerprint that is itself neither a
// copy nor superseded, from another file.
func identify(ctx context.Context, tx *sql.Tx, id string, rep *extract.Report) error {
	fp := Fingerprint(rep)
	var copyOf *string
	if fp != "" {
		var first string
		err := tx.QueryRowContext(ctx, `SELECT o.id FROM reports o, reports me
			WHERE me.id = ? AND o.fingerprint = ? AND o.id != me.id AND o.sha256 != me.sha256
				AND o.copy_of IS NULL AND o.superseded_by IS NULL
				AND (o.created_at < me.created_at OR (o.created_at = me.created_at AND o.id < me.id))
			ORDER BY o.created_at, o.id LIMIT 1`, id, fp).Scan(&first)
		switch {
		case err == nil:
			copyOf = &first
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE reports SET fingerprint = ?, copy_of = ?, kind = ? WHERE id = ?`, fp, copyOf, Kind(rep), id)
	return err
}

// supersede marks the reports stored from path with other bytes than sha
// (the earlier versions of the file, not yet superseded) superseded by
// report id; they are left unindexed, so that indexing takes them out of
// the index. It returns their ids.
func supersede(ctx context.Context, tx *sql.Tx, path, sha, id string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM reports WHERE path = ? AND sha256 != ? AND superseded_by IS NULL ORDER BY id`, path, sha)
	if err != nil {
		return nil, err
	}
	var old []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			rows.Close()
			return nil, err
		}
		old = append(old, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return old, markSuperseded(ctx, tx, old, id)
}

// markSuperseded marks the reports old superseded by report id, now; they
// are left unindexed, so that indexing takes them out of the index.
func markSuperseded(ctx context.Context, tx *sql.Tx, old []string, id string) error {
	t := now()
	for _, o := range old {
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET superseded_by = ?, superseded_at = ?, indexed = 0 WHERE id = ?`, id, t, o); err != nil {
			return err
		}
	}
	return nil
}

// hidden says whether report id is left out of the lists and the search:
// a copy, or superseded.
func hidden(ctx context.Context, q querier, id string) (bool, error) {
	var h bool
	err := q.QueryRowContext(ctx, `SELECT copy_of IS NOT NULL OR superseded_by IS NOT NULL FROM reports WHERE id = ?`, id).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return h, err
}

// FileRef is one file a report was received as.
type FileRef struct {
	Report  string    `json:"report"` // the stored report of this file (the report itself, or a copy of it)
	Path    string    `json:"path"`
	Format  string    `json:"format"`
	SHA256  string    `json:"sha256"`
	Pages   string    `json:"pages,omitempty"` // the report's pages in the file, when it holds several
	Created time.Time `json:"created"`
}

// Files gives the files report id was received as: its own first, then its
// copies, in the order they came. For a copy, those of the report it is a
// copy of.
func (s *Store) Files(ctx context.Context, id string) ([]FileRef, error) {
	var first string
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(copy_of, id) FROM reports WHERE id = ?`, id).Scan(&first); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
		}
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, path, format, sha256, pages, created_at FROM reports
		WHERE id = ? OR copy_of = ? ORDER BY id != ?, created_at, id`, first, first, first)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FileRef
	for rows.Next() {
		var f FileRef
		var created string
		if err := rows.Scan(&f.Report, &f.Path, &f.Format, &f.SHA256, &f.Pages, &created); err != nil {
			return nil, err
		}
		f.Created = parseTime(created)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Identity says what a report is beside the others: the report it is a
// copy of, the report that superseded it, and when.
type Identity struct {
	Fingerprint  string    `json:"fingerprint,omitempty"`
	CopyOf       string    `json:"copy_of,omitempty"`
	SupersededBy string    `json:"superseded_by,omitempty"`
	SupersededAt time.Time `json:"superseded_at,omitzero"`
}

// IdentityOf gives the Identity of report id.
func (s *Store) IdentityOf(ctx context.Context, id string) (Identity, error) {
	var idn Identity
	var copyOf, by, at sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT fingerprint, copy_of, superseded_by, superseded_at FROM reports WHERE id = ?`, id).
		Scan(&idn.Fingerprint, &copyOf, &by, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return idn, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	idn.CopyOf, idn.SupersededBy = copyOf.String, by.String
	if at.Valid {
		idn.SupersededAt = parseTime(at.String)
	}
	return idn, err
}

// Version is one version of a report: the report stored from the same path
// at one time.
type Version struct {
	Report       string    `json:"report"`
	Created      time.Time `json:"created"`
	SupersededAt time.Time `json:"superseded_at,omitzero"`
	Errors       int       `json:"errors"`
	Warnings     int       `json:"warnings"`
	Infos        int       `json:"infos"`
	StatedTotal  *string   `json:"stated_total_wan"`
	ItemsBudget  string    `json:"items_budget_wan"`
}

// Versions gives the versions of report id, newest first: the reports it
// superseded, and those that superseded it, followed both ways.
func (s *Store) Versions(ctx context.Context, id string) ([]Version, error) {
	rows, err := s.db.QueryContext(ctx, `
WITH RECURSIVE newer(id) AS (
	SELECT ? UNION SELECT r.superseded_by FROM reports r JOIN newer n ON r.id = n.id WHERE r.superseded_by IS NOT NULL
), chain(id) AS (
	SELECT id FROM newer UNION SELECT r.id FROM reports r JOIN chain c ON r.superseded_by = c.id
)
SELECT r.id, r.created_at, COALESCE(r.superseded_at, ''), r.errors, r.warnings, r.infos, r.stated_total_wan, r.items_budget_wan
FROM reports r JOIN chain c ON c.id = r.id ORDER BY r.created_at DESC, r.id DESC`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		var created, at string
		var total sql.NullString
		if err := rows.Scan(&v.Report, &created, &at, &v.Errors, &v.Warnings, &v.Infos, &total, &v.ItemsBudget); err != nil {
			return nil, err
		}
		v.Created = parseTime(created)
		if at != "" {
			v.SupersededAt = parseTime(at)
		}
		if total.Valid {
			v.StatedTotal = &total.String
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// VersionDiff is what changed from one version of a report to the next:
// the figures of the whole, and the findings by key.
type VersionDiff struct {
	Older, Newer           string
	StatedTotal            [2]*string // older, newer (万元, as stored)
	ItemsBudget            [2]string
	Items                  [2]int
	FindingsAdded, Removed []string // keys
}

// CompareVersions says what changed from report older to report newer.
func (s *Store) CompareVersions(ctx context.Context, older, newer string) (VersionDiff, error) {
	d := VersionDiff{Older: older, Newer: newer}
	keys := [2]map[string]bool{{}, {}}
	for i, id := range []string{older, newer} {
		var total sql.NullString
		if err := s.db.QueryRowContext(ctx, `SELECT stated_total_wan, items_budget_wan, item_count FROM reports WHERE id = ?`, id).
			Scan(&total, &d.ItemsBudget[i], &d.Items[i]); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return d, fmt.Errorf("%w: %s", ErrNotFound, id)
			}
			return d, err
		}
		if total.Valid {
			d.StatedTotal[i] = &total.String
		}
		err := s.scanRows(ctx, `SELECT key FROM findings WHERE report_id = ? ORDER BY ord`, func(sc func(...any) error) error {
			var k string
			if err := sc(&k); err != nil {
				return err
			}
			keys[i][k] = true
			if i == 1 && !keys[0][k] {
				d.FindingsAdded = append(d.FindingsAdded, k)
			}
			return nil
		}, id)
		if err != nil {
			return d, err
		}
	}
	err := s.scanRows(ctx, `SELECT key FROM findings WHERE report_id = ? ORDER BY ord`, func(sc func(...any) error) error {
		var k string
		if err := sc(&k); err != nil {
			return err
		}
		if !keys[1][k] {
			d.Removed = append(d.Removed, k)
		}
		return nil
	}, older)
	return d, err
}
