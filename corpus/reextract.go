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
func (s *Store) Stale(ctx context.Context) ([]string, error) {
	return s.ids(ctx, `SELECT id FROM reports WHERE extractor != ? ORDER BY id`, extract.Version)
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
		ids, err = s.ids(ctx, `SELECT id FROM reports ORDER BY id`)
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
		rep  *extract.Report
		fs   []validate.Finding
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
					r.rep, r.fs, r.err = extractSafely(doc)
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
	x := &indexing{s: s, ix: opt.Index}
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
			if err := s.replace(ctx, r.id, r.rep, r.fs); err != nil {
				storeErr = err
				cancel()
				continue
			}
			ev.Outcome = Stored
			sum.Stored++
			if opt.Index != nil {
				n, err := x.put(ctx, r.id, &StoredReport{Report: r.rep, Findings: r.fs})
				sum.Indexed += n
				if err != nil {
					sum.IndexErrors++
					if sum.IndexError == "" {
						sum.IndexError = err.Error()
					}
				}
			}
		}
		if opt.Progress != nil {
			opt.Progress(ev)
		}
	}
	if opt.Index != nil && storeErr == nil {
		n, err := x.flush(context.WithoutCancel(ctx))
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
		n, err := s.IndexPending(ctx, opt.Index)
		sum.Indexed += n
		if err != nil {
			sum.IndexErrors++
			sum.IndexError = err.Error()
		}
	}
	return sum, ctx.Err()
}

// extractSafely runs the extractor and the rules, turning a panic into an error.
func extractSafely(doc *ingest.Document) (rep *extract.Report, fs []validate.Finding, err error) {
	defer func() {
		if p := recover(); p != nil {
			rep, fs, err = nil, nil, fmt.Errorf("%s: %s: %v", doc.Source, reasonPanic, p)
		}
	}()
	res := pipeline.Document(doc)
	return res.Report, res.Findings, res.Err
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
