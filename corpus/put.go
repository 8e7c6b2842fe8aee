package corpus

import (
	"bytes"
	"compress/zlib"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

// FileStat identifies one version of a file for the ledger.
type FileStat struct {
	Path    string // absolute
	Size    int64
	ModTime time.Time
	SHA256  string // of the bytes; "" when they could not be read
}

// StatFile gives the FileStat of path without its hash.
func StatFile(path string) (FileStat, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return FileStat{Path: path}, err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return FileStat{Path: abs}, err
	}
	return FileStat{Path: abs, Size: fi.Size(), ModTime: fi.ModTime()}, nil
}

// Put stores one extracted report with its findings and records the file in
// the ledger, in one transaction. The same bytes already stored (under any
// path) are not stored again: Put returns the existing id and the ledger says
// duplicate. Size and modification time come from stat-ing doc.Source.
func (s *Store) Put(ctx context.Context, doc *ingest.Document, rep *extract.Report, fs []validate.Finding) (string, error) {
	st, _ := StatFile(doc.Source)
	st.SHA256 = doc.SHA256
	res, err := s.PutFile(ctx, st, doc, rep, fs)
	return res.ID, err
}

// PutAll stores the reports of one file (extract.ExtractAll) with their
// findings (fss[i] those of reps[i]) in one transaction: they are stored,
// deduplicated and replaced together. It returns their ids in order.
func (s *Store) PutAll(ctx context.Context, doc *ingest.Document, reps []*extract.Report, fss [][]validate.Finding) ([]string, error) {
	st, _ := StatFile(doc.Source)
	st.SHA256 = doc.SHA256
	if doc == nil || len(reps) == 0 || len(fss) != len(reps) {
		return nil, errors.New("corpus.PutAll: no document, no reports, or findings not one per report")
	}
	enc, err := encode(doc, reps...)
	if err != nil {
		return nil, err
	}
	res, err := s.putEncoded(ctx, st, doc, reps, fss, enc)
	return res.IDs, err
}

// PutResult says what PutFile did.
type PutResult struct {
	ID     string   // the file's (first) report
	IDs    []string // every report of the file, in order
	Status Status   // StatusOK: stored (or already stored from this path); StatusDuplicate: same bytes stored from another path
	New    bool     // a report was added
	// Copies is how many of the new reports are copies of a stored report
	// (the same report in another format or print, see versions.go), and
	// Superseded how many stored reports the new bytes of this path replaced.
	Copies, Superseded int
}

// PutFile is Put with the file's ledger identity given by the caller.
func (s *Store) PutFile(ctx context.Context, f FileStat, doc *ingest.Document, rep *extract.Report, fs []validate.Finding) (PutResult, error) {
	if doc == nil || rep == nil {
		return PutResult{}, errors.New("corpus.Put: nil document or report")
	}
	enc, err := encode(doc, rep)
	if err != nil {
		return PutResult{}, err
	}
	return s.putEncoded(ctx, f, doc, []*extract.Report{rep}, [][]validate.Finding{fs}, enc)
}

// encoded are the large values of a report as stored, made by the ingest
// workers so that the one writer only writes.
type encoded struct {
	pages    []byte
	reports  [][]byte
	warnings string
}

func encode(doc *ingest.Document, reps ...*extract.Report) (encoded, error) {
	var e encoded
	var err error
	if e.pages, err = deflate(func(w io.Writer) error { return writePagesJSON(w, doc.Pages) }); err != nil {
		return e, fmt.Errorf("corpus.Put %s: %w", doc.Source, err)
	}
	for _, rep := range reps {
		b, err := deflateJSON(rep)
		if err != nil {
			return e, fmt.Errorf("corpus.Put %s: %w", doc.Source, err)
		}
		e.reports = append(e.reports, b)
	}
	w, _ := json.Marshal(nonNil(doc.Warnings))
	e.warnings = string(w)
	return e, nil
}

func (s *Store) putEncoded(ctx context.Context, f FileStat, doc *ingest.Document, reps []*extract.Report, fss [][]validate.Finding, enc encoded) (PutResult, error) {
	if err := s.writable(); err != nil {
		return PutResult{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return PutResult{}, err
	}
	defer tx.Rollback()
	res, err := putInTx(ctx, tx, f, doc, reps, fss, enc)
	if err != nil {
		return PutResult{}, err
	}
	return res, tx.Commit()
}

// putInTx is the work of putEncoded within tx, for one transaction per file
// or for a batch of files (IngestFiles); on error tx holds part of it and
// must be rolled back (to a savepoint taken before).
func putInTx(ctx context.Context, tx *sql.Tx, f FileStat, doc *ingest.Document, reps []*extract.Report, fss [][]validate.Finding, enc encoded) (PutResult, error) {
	if len(reps) == 0 || len(fss) != len(reps) || len(enc.reports) != len(reps) {
		return PutResult{}, fmt.Errorf("corpus.Put %s: no reports, or findings not one per report", doc.Source)
	}
	if len(doc.SHA256) < 12 {
		return PutResult{}, fmt.Errorf("corpus.Put %s: no content hash", doc.Source)
	}
	if f.Path == "" {
		f.Path = doc.Source
	}
	if f.SHA256 == "" {
		f.SHA256 = doc.SHA256
	}
	rep := reps[0]
	var res PutResult
	var firstPath string
	err := tx.QueryRowContext(ctx, `SELECT id, path FROM reports WHERE sha256 = ? AND part = 1`, doc.SHA256).Scan(&res.ID, &firstPath)
	switch {
	case err == nil:
		res.Status = StatusOK
		if firstPath != f.Path {
			res.Status = StatusDuplicate
		}
		if res.IDs, err = fileReportIDs(ctx, tx, res.ID); err != nil {
			return PutResult{}, err
		}
	case errors.Is(err, sql.ErrNoRows):
		res.ID, err = newID(ctx, tx, doc.SHA256)
		if err != nil {
			return PutResult{}, err
		}
		for k, rep := range reps {
			id := partID(res.ID, k+1)
			if err := insertReport(ctx, tx, id, doc, f.Path, k+1, len(reps), rep); err != nil {
				return PutResult{}, fmt.Errorf("corpus.Put %s: %w", doc.Source, err)
			}
			if k == 0 {
				if _, err := tx.ExecContext(ctx, `INSERT INTO documents (report_id, warnings, pages) VALUES (?, ?, ?)`,
					id, enc.warnings, enc.pages); err != nil {
					return PutResult{}, fmt.Errorf("corpus.Put %s: %w", doc.Source, err)
				}
			}
			if err := writeExtraction(ctx, tx, id, rep, enc.reports[k], fss[k], true); err != nil {
				return PutResult{}, fmt.Errorf("corpus.Put %s: %w", doc.Source, err)
			}
			res.IDs = append(res.IDs, id)
		}
		// New bytes from the path of stored reports: a new version of the file.
		old, err := supersede(ctx, tx, f.Path, doc.SHA256, res.ID)
		if err != nil {
			return PutResult{}, fmt.Errorf("corpus.Put %s: %w", doc.Source, err)
		}
		res.Superseded = len(old)
		// A report that says it replaces an earlier one (or an earlier one
		// that comes after its correction).
		for k, rep := range reps {
			named, err := supersedeNamed(ctx, tx, res.IDs[k], rep, doc)
			if err != nil {
				return PutResult{}, fmt.Errorf("corpus.Put %s: %w", doc.Source, err)
			}
			res.Superseded += len(named)
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM reports WHERE sha256 = ? AND copy_of IS NOT NULL`,
			doc.SHA256).Scan(&res.Copies); err != nil {
			return PutResult{}, fmt.Errorf("corpus.Put %s: %w", doc.Source, err)
		}
		res.Status, res.New = StatusOK, true
	default:
		return PutResult{}, err
	}
	if err := upsertLedger(ctx, tx, LedgerEntry{FileStat: f, Status: res.Status, ReportID: res.ID, Extractor: rep.Extractor}); err != nil {
		return PutResult{}, err
	}
	return res, nil
}

// partID is the id of the k-th report (from 1) of the file whose first report is id.
func partID(id string, k int) string {
	if k <= 1 {
		return id
	}
	return fmt.Sprintf("%s-%d", id, k)
}

// insertReport adds the reports row of one report of a file.
func insertReport(ctx context.Context, tx *sql.Tx, id string, doc *ingest.Document, path string, part, parts int, rep *extract.Report) error {
	t := now()
	_, err := tx.ExecContext(ctx, `INSERT INTO reports (id, sha256, path, format, extractor, created_at, updated_at, part, parts, pages)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, doc.SHA256, path, string(doc.Format), rep.Extractor, t, t, part, parts, pagesText(rep.Pages))
	return err
}

// pagesText is a report's page range as stored: "3-7", "" when unknown.
func pagesText(p []int) string {
	if len(p) != 2 {
		return ""
	}
	return fmt.Sprintf("%d-%d", p[0], p[1])
}

// fileReportIDs gives the ids of the reports of the file report id belongs to, in order.
func fileReportIDs(ctx context.Context, q querier, id string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.id FROM reports r JOIN reports x ON x.sha256 = r.sha256
		WHERE x.id = ? ORDER BY r.part`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		ids = append(ids, s)
	}
	return ids, rows.Err()
}

// newID picks the report id: the first 12 hex digits of the hash, or more
// when another report (other bytes) already has them.
func newID(ctx context.Context, tx *sql.Tx, sha string) (string, error) {
	for n := 12; n <= len(sha); n += 4 {
		id := sha[:n]
		var other string
		err := tx.QueryRowContext(ctx, `SELECT sha256 FROM reports WHERE id = ?`, id).Scan(&other)
		if errors.Is(err, sql.ErrNoRows) {
			return id, nil
		}
		if err != nil {
			return "", err
		}
	}
	return "", fmt.Errorf("corpus: no free id for %s", sha)
}

// writeExtraction (re)writes everything derived from the extraction of
// report id: the summary columns, the report, items and findings (fresh:
// there are none yet). The caller's transaction has the reports row.
// Review decisions are left alone.
func writeExtraction(ctx context.Context, tx *sql.Tx, id string, rep *extract.Report, repData []byte, fs []validate.Finding, fresh bool) error {
	var total *string
	if rep.Stated.TotalWan != nil {
		v := rep.Stated.TotalWan.String()
		total = &v
	}
	sum := decimal.Zero
	for _, it := range rep.Items {
		if it.BudgetWan != nil {
			sum = sum.Add(*it.BudgetWan)
		}
	}
	var nErr, nWarn, nInfo int
	for _, f := range fs {
		switch f.Severity {
		case validate.Error:
			nErr++
		case validate.Warning:
			nWarn++
		default:
			nInfo++
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE reports SET unit = ?, year = ?, title = ?, genre = ?, doc_type = ?,
		stated_total_wan = ?, stated_count = ?, item_count = ?, items_budget_wan = ?,
		errors = ?, warnings = ?, infos = ?, extractor = ?, indexed = 0, updated_at = ?, pages = ?
		WHERE id = ?`,
		rep.Unit, rep.Year, rep.Title, string(rep.Genre), string(rep.DocType), total, rep.Stated.Count, len(rep.Items), sum.String(),
		nErr, nWarn, nInfo, rep.Extractor, now(), pagesText(rep.Pages), id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO report_data (report_id, report) VALUES (?, ?)
		ON CONFLICT(report_id) DO UPDATE SET report = excluded.report`, id, repData); err != nil {
		return err
	}
	if !fresh {
		if _, err := tx.ExecContext(ctx, `DELETE FROM items WHERE report_id = ?`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM findings WHERE report_id = ?`, id); err != nil {
			return err
		}
	}
	if len(rep.Items) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO items
			(report_id, ord, seq, name, budget_wan, actual_wan, disbursement, subprojects, purpose, page, span_start, span_end)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, it := range rep.Items {
			if _, err := st.ExecContext(ctx, id, i, it.Seq, it.Name, decString(it.BudgetWan), decString(it.ActualWan),
				string(it.Disbursement), it.Subprojects, it.Purpose, it.Page, it.Span[0], it.Span[1]); err != nil {
				return err
			}
		}
	}
	if len(fs) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO findings
			(report_id, ord, key, rule, severity, message, expected, actual, diff, items, page, span_start, span_end, cell, unit)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, key := range FindingKeys(fs) {
			f := fs[i]
			var s0, s1 *int
			if f.Span != nil {
				s0, s1 = &f.Span[0], &f.Span[1]
			}
			if _, err := st.ExecContext(ctx, id, i, key, f.Rule, string(f.Severity), f.Message,
				decString(f.Expected), decString(f.Actual), decString(f.Diff), joinInts(f.Items), f.Page, s0, s1, f.Cell, f.FigureUnit); err != nil {
				return err
			}
		}
	}
	return identify(ctx, tx, id, rep)
}

// decString is the column value of an optional amount: its exact decimal
// string, or NULL.
func decString(d *decimal.Decimal) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}

func parseDec(s sql.NullString) (*decimal.Decimal, error) {
	if !s.Valid {
		return nil, nil
	}
	d, err := decimal.NewFromString(s.String)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// deflateJSON is v as zlib-deflated JSON: the large values (reports, pages)
// shrink about sixfold, at a millisecond per report.
func deflateJSON(v any) ([]byte, error) {
	return deflate(func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	})
}

// deflate is what write writes, zlib-deflated.
func deflate(write func(io.Writer) error) ([]byte, error) {
	var b bytes.Buffer
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	zw.Reset(&b)
	if err := write(zw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// pageTextChunk is how much of a page's text writePagesJSON escapes at once.
const pageTextChunk = 64 << 10

// writePagesJSON writes the pages as deflateJSON would encode them (the same
// bytes), but streams each page's text in chunks: encoding/json builds the
// whole encoding in memory before writing it, which for a 100 MB text is one
// more copy of the text (more, escaped) held beside the text itself.
func writePagesJSON(w io.Writer, pages []ingest.Page) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// encode is v as enc writes it, without the newline it ends with.
	encode := func(v any) ([]byte, error) {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
	}
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	for i, p := range pages {
		text := p.Text
		p.Text = ""
		b, err := encode(p)
		if err != nil {
			return err
		}
		// Page's fields are n, then text: the text goes where "text":"" is.
		const field = `"text":"`
		at := bytes.Index(b, []byte(field+`"`))
		if at < 0 {
			return fmt.Errorf("corpus: page %d encodes without its text", p.N)
		}
		at += len(field)
		rest := bytes.Clone(b[at:])
		if i > 0 {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		if _, err := w.Write(b[:at]); err != nil {
			return err
		}
		for len(text) > 0 {
			n := min(len(text), pageTextChunk)
			// never cut a character: back up to the start of one (an
			// invalid byte is replaced alike on either side of a cut)
			for k := 0; k < utf8.UTFMax && n < len(text) && n > 1 && !utf8.RuneStart(text[n]); k++ {
				n--
			}
			q, err := encode(text[:n])
			if err != nil {
				return err
			}
			if _, err := w.Write(q[1 : len(q)-1]); err != nil { // without the quotes
				return err
			}
			text = text[n:]
		}
		if _, err := w.Write(rest); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]\n")
	return err
}

// zlibWriters are reused: a new one allocates its whole compressor state.
var zlibWriters = sync.Pool{New: func() any {
	zw, _ := zlib.NewWriterLevel(io.Discard, zlib.BestSpeed)
	return zw
}}

// inflateJSON reads what deflateJSON wrote into v.
func inflateJSON(blob []byte, v any) error {
	data, err := inflate(blob)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("数据损坏: %w", err)
	}
	return nil
}

// inflate gives the JSON text of a blob deflateJSON made.
func inflate(blob []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(blob))
	if err != nil {
		return nil, fmt.Errorf("数据损坏: %w", err)
	}
	defer zr.Close()
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("数据损坏: %w", err)
	}
	return data, nil
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// repath makes path the path of report id (the one it was first read from):
// the report, its Source and the ledger rows of both paths change in one
// transaction; the old path's row becomes the duplicate. The report is
// left unindexed (the index holds the old path).
func (s *Store) repath(ctx context.Context, id, path string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := repathInTx(ctx, tx, id, path); err != nil {
		return err
	}
	return tx.Commit()
}

// repathInTx is the work of repath within tx.
func repathInTx(ctx context.Context, tx *sql.Tx, id, path string) error {
	var old string
	var data []byte
	if err := tx.QueryRowContext(ctx, `SELECT r.path, d.report FROM reports r JOIN report_data d ON d.report_id = r.id WHERE r.id = ?`, id).
		Scan(&old, &data); err != nil {
		return err
	}
	var rep extract.Report
	if err := inflateJSON(data, &rep); err != nil {
		return err
	}
	rep.Source.Path = path
	data, err := deflateJSON(&rep)
	if err != nil {
		return err
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE reports SET path = ?, indexed = 0, updated_at = ? WHERE id = ?`, []any{path, now(), id}},
		{`UPDATE report_data SET report = ? WHERE report_id = ?`, []any{data, id}},
		// the file's other reports follow its first (their stored Source
		// keeps the first path until re-extraction)
		{`UPDATE reports SET path = ?, indexed = 0, updated_at = ? WHERE part > 1 AND sha256 = (SELECT sha256 FROM reports WHERE id = ?)`, []any{path, now(), id}},
		{`UPDATE ledger SET status = 'duplicate' WHERE path = ? AND report_id = ?`, []any{old, id}},
		{`UPDATE ledger SET status = 'ok' WHERE path = ? AND report_id = ?`, []any{path, id}},
	} {
		if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
			return err
		}
	}
	return nil
}
