package corpus

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/validate"
)

// ReextractOptions tune Reextract.
type ReextractOptions struct {
	All      bool        // every report, not only those made by another extractor version
	Workers  int         // reports extracted in parallel (default: the number of CPUs)
	Index    Indexer     // nil: re-extracted reports are left unindexed
	Progress func(Event) // called once per report, from one goroutine
}

// Stale gives the ids of the reports made by an extractor version other than
// extract.Version.
// A file's reports are re-extracted together: the ids are those of the
// files' first reports.
func (s *Store) Stale(ctx context.Context) ([]string, error) {
	return s.ids(ctx, `SELECT DISTINCT f.id FROM reports r JOIN reports f ON f.sha256 = r.sha256 AND f.part = 1
		WHERE r.extractor != ? ORDER BY f.id`, extract.Version)
}

func (s *Store) ids(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Reextract rebuilds reports from their stored pages (ingest.Assemble →
// extract.Extract → validate.Report) without reading the files: those made
// by another extractor version, or all with opt.All. Items and findings are
// replaced in one transaction per report; review decisions are kept (they
// apply again wherever the same finding key comes back). The index is then
// refreshed, with any report an earlier run left unindexed. Summary.Stored
// counts the reports re-extracted.
func (s *Store) Reextract(ctx context.Context, opt ReextractOptions) (Summary, error) {
	sum := Summary{Failures: []Failure{}}
	if err := s.writable(); err != nil {
		return sum, err
	}
	var ids []string
	var err error
	if opt.All {
		ids, err = s.ids(ctx, `SELECT id FROM reports WHERE part = 1 ORDER BY id`)
	} else {
		ids, err = s.Stale(ctx)
	}
	if err != nil {
		return sum, err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		id   string
		path string
		reps []*extract.Report
		fss  [][]validate.Finding
		err  error
	}
	jobs := make(chan string)
	results := make(chan result, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				r := result{id: id}
				var doc *ingest.Document
				doc, r.err = s.Document(ctx, id)
				if r.err == nil {
					r.path = doc.Source
					r.reps, r.fss, r.err = extractSafely(doc)
				}
				results <- r
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, id := range ids {
			select {
			case jobs <- id:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var storeErr error
	for r := range results {
		if storeErr != nil || ctx.Err() != nil {
			continue
		}
		sum.Files++
		ev := Event{Path: r.path, ID: r.id}
		if r.err != nil {
			ev.Outcome, ev.Reason, ev.Err = Failed, pipeline.ReasonExtract, r.err
			sum.Failed++
			sum.Failures = append(sum.Failures, failure(r.path, r.id, pipeline.ReasonExtract, r.err))
		} else {
			ids, gone, err := s.replaceFile(ctx, r.id, r.reps, r.fss)
			if err != nil {
				storeErr = err
				cancel()
				continue
			}
			ev.Outcome = Stored
			sum.Stored += len(ids) // reports: a file may hold several
			if opt.Index != nil {
				for _, id := range gone {
					if err := opt.Index.Delete(id); err != nil && sum.IndexError == "" {
						sum.IndexErrors++
						sum.IndexError = err.Error()
					}
				}
				for k, id := range ids {
					n, err := opt.Index.Put(ctx, id, r.reps[k], r.fss[k])
					sum.Indexed += n
					if err != nil {
						sum.IndexErrors++
						if sum.IndexError == "" {
							sum.IndexError = err.Error()
						}
					}
				}
			}
		}
		if opt.Progress != nil {
			opt.Progress(ev)
		}
	}
	if opt.Index != nil && storeErr == nil {
		n, err := opt.Index.Flush(context.WithoutCancel(ctx))
		sum.Indexed += n
		if err != nil {
			sum.IndexErrors++
			sum.IndexError = err.Error()
		}
	}
	if storeErr != nil {
		return sum, storeErr
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if opt.Index != nil && sum.IndexErrors == 0 {
		// reports left unindexed earlier (a killed run, an index that was down)
		n, err := opt.Index.Pending(ctx)
		sum.Indexed += n
		if err != nil {
			sum.IndexErrors++
			sum.IndexError = err.Error()
		}
	}
	return sum, ctx.Err()
}

// extractSafely runs the extractor and the rules, turning a panic into an error.
func extractSafely(doc *ingest.Document) (reps []*extract.Report, fss [][]validate.Finding, err error) {
	defer func() {
		if p := recover(); p != nil {
			reps, fss, err = nil, nil, fmt.Errorf("%s: %s: %v", doc.Source, reasonPanic, p)
		}
	}()
	res := pipeline.Document(doc)
	for _, p := range res.Parts {
		reps, fss = append(reps, p.Report), append(fss, p.Findings)
	}
	return reps, fss, res.Err
}

// replaceFile writes a new extraction of the reports of the file whose
// first report is id, in one transaction: the k-th report replaces the
// k-th stored one (keeping its review decisions), reports beyond those
// stored are added, stored ones beyond the new count are removed (gone).
func (s *Store) replaceFile(ctx context.Context, id string, reps []*extract.Report, fss [][]validate.Finding) (ids, gone []string, err error) {
	if len(reps) == 0 || len(fss) != len(reps) {
		return nil, nil, fmt.Errorf("报告 %s: 没有报告", id)
	}
	data := make([][]byte, len(reps))
	for k, rep := range reps {
		if data[k], err = deflateJSON(rep); err != nil {
			return nil, nil, err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	old, err := fileReportIDs(ctx, tx, id)
	if err != nil {
		return nil, nil, err
	}
	var sha, path, format string
	if err := tx.QueryRowContext(ctx, `SELECT sha256, path, format FROM reports WHERE id = ?`, id).Scan(&sha, &path, &format); err != nil {
		return nil, nil, fmt.Errorf("报告 %s: %w", id, err)
	}
	doc := &ingest.Document{SHA256: sha, Format: ingest.Format(format)}
	for k, rep := range reps {
		pid := partID(id, k+1)
		fresh := k >= len(old)
		if fresh {
			if err := insertReport(ctx, tx, pid, doc, path, k+1, len(reps), rep); err != nil {
				return nil, nil, fmt.Errorf("报告 %s: %w", pid, err)
			}
		}
		if err := writeExtraction(ctx, tx, pid, rep, data[k], fss[k], fresh); err != nil {
			return nil, nil, fmt.Errorf("报告 %s: %w", pid, err)
		}
		ids = append(ids, pid)
	}
	for _, o := range old[min(len(old), len(reps)):] {
		if _, err := tx.ExecContext(ctx, `DELETE FROM reports WHERE id = ?`, o); err != nil {
			return nil, nil, err
		}
		gone = append(gone, o)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE reports SET parts = ? WHERE sha256 = ?`, len(reps), sha); err != nil {
		return nil, nil, err
	}
	return ids, gone, tx.Commit()
}

// replace writes a new extraction of report id in one transaction and marks
// it unindexed; decisions stay.
func (s *Store) replace(ctx context.Context, id string, rep *extract.Report, fs []validate.Finding) error {
	repData, err := deflateJSON(rep)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := writeExtraction(ctx, tx, id, rep, repData, fs, false); err != nil {
		return fmt.Errorf("报告 %s: %w", id, err)
	}
	return tx.Commit()
}

// Replace stores a new extraction of an existing report (what Reextract does
// for each report), keeping its document, ledger rows and review decisions.
func (s *Store) Replace(ctx context.Context, id string, rep *extract.Report, fs []validate.Finding) error {
	if err := s.writable(); err != nil {
		return err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM reports WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return s.replace(ctx, id, rep, fs)
}
