package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// reportSelect reads what scanReport scans; add WHERE/ORDER on r.
const reportSelect = `SELECT r.id, r.sha256, r.path, r.format, r.extractor, r.indexed, r.created_at, r.updated_at, d.report,
	COALESCE(r.copy_of, ''), COALESCE(r.superseded_by, '')
	FROM reports r JOIN report_data d ON d.report_id = r.id`

func scanReport(sc interface{ Scan(...any) error }) (*StoredReport, error) {
	r := &StoredReport{}
	var format, created, updated string
	var repData []byte
	if err := sc.Scan(&r.ID, &r.SHA256, &r.Path, &format, &r.Extractor, &r.Indexed, &created, &updated, &repData,
		&r.CopyOf, &r.SupersededBy); err != nil {
		return nil, err
	}
	r.Format, r.Created, r.Updated = ingest.Format(format), parseTime(created), parseTime(updated)
	r.Report = &extract.Report{}
	if err := inflateJSON(repData, r.Report); err != nil {
		return nil, fmt.Errorf("报告 %s 的数据损坏: %w", r.ID, err)
	}
	return r, nil
}

// Get returns report id with its findings, decisions and pages.
func (s *Store) Get(ctx context.Context, id string) (*StoredReport, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	r, err := scanReport(tx.QueryRowContext(ctx, reportSelect+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err != nil {
		return nil, err
	}
	if err := fillReview(ctx, tx, r); err != nil {
		return nil, err
	}
	var blob []byte
	var warn string
	if err := tx.QueryRowContext(ctx, `SELECT d.pages, d.warnings FROM reports r
		JOIN reports f ON f.sha256 = r.sha256 AND f.part = 1 JOIN documents d ON d.report_id = f.id
		WHERE r.id = ?`, id).Scan(&blob, &warn); err != nil {
		return nil, fmt.Errorf("报告 %s 的页面: %w", id, err)
	}
	if err = inflateJSON(blob, &r.Pages); err != nil {
		return nil, fmt.Errorf("报告 %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(warn), &r.DocWarnings); err != nil {
		return nil, fmt.Errorf("报告 %s: %w", id, err)
	}
	return r, nil
}

// Document rebuilds the Document of report id from its stored pages, as
// ingest.ReadFile made it, without reading the file.
func (s *Store) Document(ctx context.Context, id string) (*ingest.Document, error) {
	var path, sha, format, warn string
	var blob []byte
	err := s.db.QueryRowContext(ctx, `SELECT r.path, r.sha256, r.format, d.warnings, d.pages
		FROM reports r JOIN reports f ON f.sha256 = r.sha256 AND f.part = 1
		JOIN documents d ON d.report_id = f.id WHERE r.id = ?`, id).
		Scan(&path, &sha, &format, &warn, &blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err != nil {
		return nil, err
	}
	var pages []ingest.Page
	if err := inflateJSON(blob, &pages); err != nil {
		return nil, fmt.Errorf("报告 %s 的页面: %w", id, err)
	}
	var warnings []string
	if err := json.Unmarshal([]byte(warn), &warnings); err != nil {
		return nil, fmt.Errorf("报告 %s: %w", id, err)
	}
	if len(warnings) == 0 {
		warnings = nil
	}
	return ingest.Assemble(path, sha, ingest.Format(format), pages, warnings), nil
}

// fillReview loads the findings, keys and decisions of r.
func fillReview(ctx context.Context, q querier, r *StoredReport) error {
	var err error
	if r.Findings, r.Keys, err = loadFindings(ctx, q, r.ID); err != nil {
		return err
	}
	r.Decisions, err = loadDecisions(ctx, q, r.ID)
	if err == nil {
		r.Log, err = loadLog(ctx, q, r.ID)
	}
	return err
}

const findingColumns = `key, rule, severity, message, expected, actual, diff, items, page, span_start, span_end, cell, unit`

func scanFinding(sc interface{ Scan(...any) error }, extra ...any) (validate.Finding, string, error) {
	var f validate.Finding
	var key, sev, items string
	var exp, act, diff sql.NullString
	var s0, s1 sql.NullInt64
	dest := append([]any{&key, &f.Rule, &sev, &f.Message, &exp, &act, &diff, &items, &f.Page, &s0, &s1, &f.Cell, &f.FigureUnit}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return f, "", err
	}
	f.Severity = validate.Severity(sev)
	var err error
	if f.Expected, err = parseDec(exp); err != nil {
		return f, "", err
	}
	if f.Actual, err = parseDec(act); err != nil {
		return f, "", err
	}
	if f.Diff, err = parseDec(diff); err != nil {
		return f, "", err
	}
	if f.Items, err = ParseItems(items); err != nil {
		return f, "", err
	}
	if s0.Valid && s1.Valid {
		f.Span = &extract.Span{int(s0.Int64), int(s1.Int64)}
	}
	return f, key, nil
}

func loadFindings(ctx context.Context, q querier, id string) ([]validate.Finding, []string, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+findingColumns+` FROM findings WHERE report_id = ? ORDER BY ord`, id)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var fs []validate.Finding
	var keys []string
	for rows.Next() {
		f, k, err := scanFinding(rows)
		if err != nil {
			return nil, nil, fmt.Errorf("报告 %s 的问题记录损坏: %w", id, err)
		}
		fs, keys = append(fs, f), append(keys, k)
	}
	return fs, keys, rows.Err()
}

func loadDecisions(ctx context.Context, q querier, id string) (map[string]Decision, error) {
	rows, err := q.QueryContext(ctx, `SELECT finding_key, decision, note, decided_at, author FROM decisions WHERE report_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Decision{}
	for rows.Next() {
		var k, v, note, at, author string
		if err := rows.Scan(&k, &v, &note, &at, &author); err != nil {
			return nil, err
		}
		out[k] = Decision{Verdict: Verdict(v), Note: note, At: parseTime(at), Author: author}
	}
	return out, rows.Err()
}

// Each calls fn for every stored report, in id order, with its findings and
// decisions but without pages. It streams: memory does not grow with the
// corpus. fn may call other Store methods, writing ones included.
func (s *Store) Each(ctx context.Context, fn func(*StoredReport) error) error {
	after := ""
	const batch = 256
	for {
		rows, err := s.db.QueryContext(ctx, reportSelect+` WHERE r.id > ? ORDER BY r.id LIMIT ?`, after, batch)
		if err != nil {
			return err
		}
		var page []*StoredReport
		for rows.Next() {
			r, err := scanReport(rows)
			if err != nil {
				rows.Close()
				return err
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range page {
			if err := fillReview(ctx, s.db, r); err != nil {
				return err
			}
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(page) < batch {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// Resolve finds the report a person means: an id, a unique id prefix (at
// least 4 hex digits), or the path of an ingested file.
func (s *Store) Resolve(ctx context.Context, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", fmt.Errorf("%w: 空的编号", ErrNotFound)
	}
	var exact int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM reports WHERE id = ?`, ref).Scan(&exact); err == nil && exact == 1 {
		return ref, nil // a report's id, the k-th of a file's (abc…-2) among them
	}
	if isHex(ref) && len(ref) >= 4 {
		// a prefix: the reports of one file share it, and mean the file's first
		rows, err := s.db.QueryContext(ctx, `SELECT id, sha256, part FROM reports WHERE id >= ? AND id < ? ORDER BY id LIMIT 64`, ref, ref+"g")
		if err != nil {
			return "", err
		}
		var first string
		files := map[string]bool{}
		for rows.Next() {
			var id, sha string
			var part int
			rows.Scan(&id, &sha, &part)
			files[sha] = true
			if part == 1 {
				first = id
			}
		}
		rows.Close()
		if len(files) == 1 && first != "" {
			return first, nil
		}
		if len(files) > 1 {
			return "", fmt.Errorf("%w: %s", ErrAmbiguous, ref)
		}
	}
	abs, err := filepath.Abs(ref)
	if err == nil {
		var id sql.NullString
		err := s.db.QueryRowContext(ctx, `SELECT report_id FROM ledger WHERE path = ? AND report_id IS NOT NULL`, abs).Scan(&id)
		if err == nil && id.Valid {
			return id.String, nil
		}
		err = s.db.QueryRowContext(ctx, `SELECT id FROM reports WHERE path = ? ORDER BY part LIMIT 1`, abs).Scan(&id)
		if err == nil && id.Valid {
			return id.String, nil
		}
	}
	if isHex(ref) && len(ref) < 4 {
		return "", fmt.Errorf("%w: %s：编号前缀至少 4 位 (an id prefix needs at least 4 hex digits)", ErrNotFound, ref)
	}
	return "", fmt.Errorf("%w: %s", ErrNotFound, ref)
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Count is the number of stored reports.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM reports`).Scan(&n)
	return n, err
}

// FileReports gives the ids of every report of the file report id belongs
// to, in order (one id for a file that holds one report).
func (s *Store) FileReports(ctx context.Context, id string) ([]string, error) {
	ids, err := fileReportIDs(ctx, s.db, id)
	if err == nil && len(ids) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return ids, err
}
