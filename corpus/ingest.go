package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/validate"
)

// Reasons of failures the store itself finds (ingest.Error gives the others).
const (
	reasonPanic = "提取程序出错 (extractor crashed)"
	reasonStore = "存储失败 (store error)"
)

func init() {
	ingest.RegisterReason("extractor-crashed", reasonPanic)
	ingest.RegisterReason("store-error", reasonStore)
}

// Outcome is what happened to one file.
type Outcome string

const (
	Stored    Outcome = "stored"    // a new report
	Duplicate Outcome = "duplicate" // same bytes as a report stored from another path
	Skipped   Outcome = "skipped"   // already in the corpus
	Failed    Outcome = "failed"    // see Reason
)

// Event reports one file done (or, in Reextract, one report).
type Event struct {
	Path    string
	ID      string // report id, when there is one
	Outcome Outcome
	Reason  string // Failed: short reason
	Err     error  // Failed: the error
}

// Failure is one file (or report) that could not be processed.
type Failure struct {
	Path   string `json:"path"`
	ID     string `json:"report,omitempty"`
	Code   string `json:"code"`   // stable English code of the reason (ingest.ReasonCode)
	Reason string `json:"reason"` // its Chinese label
	Error  string `json:"error"`
}

// failure is the Failure of path for reason.
func failure(path, id, reason string, err error) Failure {
	return Failure{Path: path, ID: id, Code: ingest.ReasonCode(reason), Reason: reason, Error: err.Error()}
}

// Summary counts the outcomes of Ingest or Reextract.
type Summary struct {
	Files       int       `json:"files"`                 // files (or reports) looked at
	Stored      int       `json:"stored"`                // new reports (Reextract: reports re-extracted)
	Copies      int       `json:"copies"`                // of Stored: copies of a stored report (another format or print)
	Superseded  int       `json:"superseded"`            // stored reports replaced by new bytes at their path
	Duplicates  int       `json:"duplicates"`            // files whose bytes were already stored from another path
	Skipped     int       `json:"skipped"`               // already in
	Failed      int       `json:"failed"`                // failures, listed in Failures
	Indexed     int       `json:"indexed"`               // reports put into the search index (catch-up included)
	IndexErrors int       `json:"index_errors"`          // reports left out of the index by this run's failures, retried next run
	IndexError  string    `json:"index_error,omitempty"` // the first index error
	Failures    []Failure `json:"failures"`
}

// ByReason counts the failures by reason code, most frequent first.
func (s *Summary) ByReason() []ReasonCount {
	m := map[string]int{}
	for _, f := range s.Failures {
		m[ingest.ReasonCode(f.Reason)]++
	}
	out := make([]ReasonCount, 0, len(m))
	for c, n := range m {
		out = append(out, ReasonCount{Code: c, Reason: ingest.ReasonLabel(c), Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// ReasonCount is a failure reason and how many files failed for it.
type ReasonCount struct {
	Code   string `json:"code"`
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

// IngestOptions tune Ingest.
type IngestOptions struct {
	Workers  int            // files read and extracted in parallel (default: the number of CPUs)
	Read     ingest.Options // passed to ingest.Read
	Index    Indexer        // nil: reports are stored but left unindexed
	Progress func(Event)    // called once per file, from one goroutine
}

// Ingest walks paths (see Walk) and ingests every file (see IngestFiles).
func (s *Store) Ingest(ctx context.Context, paths []string, opt IngestOptions) (Summary, error) {
	files, walkFailures := s.Walk(paths)
	sum, err := s.IngestFiles(ctx, files, opt)
	sum.Files += len(walkFailures)
	sum.Failed += len(walkFailures)
	sum.Failures = append(walkFailures, sum.Failures...)
	return sum, err
}

// IngestFiles reads, extracts and validates files in parallel workers and
// stores the results from one writer, several files per transaction (at most
// filesPerTx, open at most txAge while waiting), each file with its ledger
// row inside a savepoint: a run killed at any moment leaves every report
// either whole or absent, and the next run completes it. Progress, the
// summary and the index follow a file's commit. Files already in (same path, size,
// modification time and hash, or the same bytes under another path) are not
// extracted again; failed files are retried. After a report is committed it
// is put into opt.Index and marked indexed; reports left unindexed by an
// earlier run are indexed first.
//
// A file that fails is recorded in the ledger and the batch goes on; the
// returned error is for the store itself failing or ctx being cancelled.
func (s *Store) IngestFiles(ctx context.Context, files []string, opt IngestOptions) (Summary, error) {
	var sum Summary
	if err := s.writable(); err != nil {
		return sum, err
	}
	sum.Failures = []Failure{}
	if opt.Index != nil {
		n, err := opt.Index.Pending(ctx)
		sum.Indexed += n
		if err != nil {
			if ctx.Err() != nil {
				return sum, ctx.Err()
			}
			sum.IndexErrors++
			sum.IndexError = err.Error()
		}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan int)
	results := make(chan fileResult, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r := s.prepare(ctx, files[i], opt.Read)
				r.seq = i
				results <- r
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var storeErr error
	w := &writer{s: s, ix: opt.Index, sum: &sum, firstSeq: map[string]int{}, progress: opt.Progress,
		txCtx: context.WithoutCancel(ctx)}
	fail := func(err error) {
		if storeErr == nil && ctx.Err() == nil {
			storeErr = err
		}
		cancel()
	}
	for {
		r, ok, due := w.next(results)
		if due {
			if err := w.commitBatch(); err != nil {
				fail(err)
			}
			continue
		}
		if !ok {
			break
		}
		if storeErr != nil || ctx.Err() != nil {
			continue // drain
		}
		if err := w.add(ctx, r); err != nil {
			fail(err)
			continue
		}
		if len(w.batch) >= filesPerTx {
			if err := w.commitBatch(); err != nil {
				fail(err)
			}
		}
	}
	// what was recorded is committed, even when cancelled
	if err := w.commitBatch(); err != nil && storeErr == nil {
		storeErr = err
	}
	if w.ix != nil && storeErr == nil {
		// what was stored is committed to the index too, even when cancelled
		n, err := w.ix.Flush(context.WithoutCancel(ctx))
		sum.Indexed += n
		if err != nil {
			w.indexError(err)
		}
	}
	if sum.IndexErrors > 0 && storeErr == nil {
		// the failures counted are attempts (a report put again when its copy
		// committed first is tried twice); what the user is told is how many
		// reports the index lacks now
		if un, err := s.Unindexed(context.WithoutCancel(ctx)); err == nil {
			sum.IndexErrors = len(un)
		}
	}
	if storeErr != nil {
		return sum, storeErr
	}
	return sum, ctx.Err()
}

// indexError counts a failure of the index; the reports stay unindexed and
// the next run's Pending retries them.
func (w *writer) indexError(err error) {
	w.sum.IndexErrors++
	if w.sum.IndexError == "" {
		w.sum.IndexError = err.Error()
	}
}

// fileResult is what a worker made of one file.
type fileResult struct {
	seq    int // position in the files of the run
	stat   FileStat
	known  string // id of the stored report with these bytes
	skip   bool   // ledger and report say it is in already
	doc    *ingest.Document
	reps   []*extract.Report    // the reports the file holds
	fss    [][]validate.Finding // fss[i]: the findings of reps[i]
	enc    encoded
	reason string
	err    error
}

// prepare reads one file, and extracts and validates it unless its bytes
// are in the corpus already.
func (s *Store) prepare(ctx context.Context, path string, ro ingest.Options) (r fileResult) {
	r.stat.Path = path
	f, err := ingest.Load(path)
	r.stat.Size, r.stat.ModTime, r.stat.SHA256 = f.Size, f.ModTime, f.SHA256
	if err != nil {
		return fail(r, pipeline.Failed(path, err).Reason, err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM reports WHERE sha256 = ? AND part = 1`, r.stat.SHA256).Scan(&r.known); err == nil {
		e, ok, _ := s.LedgerLookup(ctx, path)
		r.skip = ok && e.Status != StatusFailed && e.SHA256 == r.stat.SHA256 && e.Size == r.stat.Size &&
			mtimeNS(e.ModTime) == mtimeNS(r.stat.ModTime) && e.ReportID == r.known
		return r
	}
	defer func() {
		if p := recover(); p != nil {
			r = fail(fileResult{stat: r.stat}, reasonPanic, fmt.Errorf("%s: %v", path, p))
		}
	}()
	res := pipeline.Loaded(ctx, f, pipeline.Options{Read: ro})
	if res.Err != nil {
		return fail(r, res.Reason, res.Err)
	}
	r.doc = res.Doc
	for _, p := range res.Parts {
		r.reps, r.fss = append(r.reps, p.Report), append(r.fss, p.Findings)
	}
	if r.enc, err = encode(r.doc, r.reps...); err != nil {
		r.doc = nil
		return fail(r, reasonStore, err)
	}
	return r
}

func fail(r fileResult, reason string, err error) fileResult {
	r.reason, r.err = reason, err
	return r
}

// A transaction of IngestFiles holds at most filesPerTx files and stays open
// at most txAge while the writer waits for the next file: a commit per file
// cost four times the writes themselves, and a run killed loses at most the
// files of the open transaction, which the next run does again.
const txAge = time.Second

var filesPerTx = 64 // a variable for the tests, which commit more often

// writer is the one goroutine of IngestFiles that writes. It records the
// files in a transaction of several files, each within a savepoint, so that
// a file that cannot be stored leaves nothing of itself; what follows a
// file's commit (the summary, the index, the progress) waits for the
// transaction's commit.
type writer struct {
	s   *Store
	ix  Indexer
	sum *Summary
	// firstSeq is, for each report stored in this run, the position of the
	// file it was stored from: when copies of one content are extracted at
	// once, the first in walk order becomes the report's path whichever
	// worker finished first, so a run's outcome does not depend on timing.
	firstSeq map[string]int
	progress func(Event)

	txCtx   context.Context // the run's context without its cancellation: a cancelled run commits what it recorded
	tx      *sql.Tx
	txStart time.Time
	batch   []recorded // the files in tx, in order
}

// recorded is one file in the open transaction and what its commit brings.
type recorded struct {
	ev      Event
	sum     Summary  // the file's counts, added to the run's at commit
	index   []string // new reports to put into the index
	reports []*StoredReport
	reindex string // a report whose path became this file's: indexed again
}

// next waits for the next result; due is true, without a result, when the
// open transaction has waited txAge.
func (w *writer) next(results <-chan fileResult) (r fileResult, ok, due bool) {
	if w.tx == nil {
		r, ok = <-results
		return r, ok, false
	}
	wait := time.NewTimer(time.Until(w.txStart.Add(txAge)))
	defer wait.Stop()
	select {
	case r, ok = <-results:
		return r, ok, false
	case <-wait.C:
		return r, false, true
	}
}

// add records one file's result in the open transaction (beginning one).
func (w *writer) add(ctx context.Context, r fileResult) error {
	if r.err != nil && ctx.Err() != nil {
		return ctx.Err() // cancelled: not the file's fault
	}
	if err := w.s.writable(); err != nil {
		return err
	}
	if w.tx == nil {
		tx, err := w.s.db.BeginTx(w.txCtx, nil)
		if err != nil {
			return err
		}
		w.tx, w.txStart = tx, time.Now()
	}
	if _, err := w.tx.ExecContext(w.txCtx, `SAVEPOINT file`); err != nil {
		return err
	}
	rec, err := w.record(r)
	if err != nil {
		if _, rerr := w.tx.ExecContext(w.txCtx, `ROLLBACK TO file; RELEASE file`); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	if _, err := w.tx.ExecContext(w.txCtx, `RELEASE file`); err != nil {
		return err
	}
	w.batch = append(w.batch, rec)
	return nil
}

// record writes one file's result into w.tx.
func (w *writer) record(r fileResult) (recorded, error) {
	ctx, tx := w.txCtx, w.tx
	rec := recorded{ev: Event{Path: r.stat.Path, ID: r.known}}
	ev, sum := &rec.ev, &rec.sum
	switch {
	case r.err != nil:
		if err := recordFailure(ctx, tx, r.stat, r.reason, r.err); err != nil {
			return rec, err
		}
		ev.Outcome, ev.Reason, ev.Err = Failed, r.reason, r.err
		sum.Failed++
		sum.Failures = append(sum.Failures, failure(r.stat.Path, "", r.reason, r.err))
	case r.skip:
		ev.Outcome = Skipped
		sum.Skipped++
	case r.known != "":
		st, err := recordKnown(ctx, tx, r.stat, r.known)
		if err != nil {
			return rec, err
		}
		if rec.reindex, err = w.firstInOrder(r, r.known, st); err != nil {
			return rec, err
		}
		ev.Outcome = outcomeOf(st, false)
		count(sum, ev.Outcome)
	default:
		res, err := putInTx(ctx, tx, r.stat, r.doc, r.reps, r.fss, r.enc)
		if err != nil {
			return rec, fmt.Errorf("%s: %s: %w", r.stat.Path, reasonStore, err)
		}
		ev.ID, ev.Outcome = res.ID, outcomeOf(res.Status, res.New)
		count(sum, ev.Outcome)
		if res.New {
			sum.Stored += len(res.IDs) - 1 // Stored counts reports: a file may hold several
			sum.Copies += res.Copies
			sum.Superseded += res.Superseded
			w.firstSeq[res.ID] = r.seq
		} else if rec.reindex, err = w.firstInOrder(r, res.ID, res.Status); err != nil {
			return rec, err
		}
		if res.New && w.ix != nil {
			rec.index = res.IDs
			for k := range res.IDs {
				rec.reports = append(rec.reports, &StoredReport{Report: r.reps[k], Findings: r.fss[k]})
			}
		}
	}
	return rec, nil
}

// commitBatch commits the open transaction, then counts its files, puts
// their new reports into the index and reports their progress.
func (w *writer) commitBatch() error {
	if w.tx == nil {
		return nil
	}
	tx, batch := w.tx, w.batch
	w.tx, w.batch = nil, nil
	if err := tx.Commit(); err != nil {
		return err
	}
	ctx := w.txCtx
	for _, rec := range batch {
		merge(w.sum, rec.sum)
		for k, id := range rec.index {
			n, err := w.ix.Put(ctx, id, rec.reports[k].Report, rec.reports[k].Findings)
			w.sum.Indexed += n
			if err != nil {
				w.indexError(err)
			}
		}
		if rec.reindex != "" && w.ix != nil {
			if err := w.ix.Refresh(ctx, rec.reindex); err != nil {
				w.indexError(err)
			}
		}
		if w.progress != nil {
			w.progress(rec.ev)
		}
	}
	return nil
}

// merge adds the counts of one file to the run's.
func merge(sum *Summary, f Summary) {
	sum.Files++
	sum.Stored += f.Stored
	sum.Copies += f.Copies
	sum.Superseded += f.Superseded
	sum.Duplicates += f.Duplicates
	sum.Skipped += f.Skipped
	sum.Failed += f.Failed
	sum.Failures = append(sum.Failures, f.Failures...)
}

// firstInOrder makes r's file the path of report id when r came out a
// duplicate of a file stored in this run from later in walk order; it
// returns id when it did (the report is to be indexed again).
func (w *writer) firstInOrder(r fileResult, id string, st Status) (string, error) {
	first, ok := w.firstSeq[id]
	if st != StatusDuplicate || !ok || first < r.seq {
		return "", nil
	}
	w.firstSeq[id] = r.seq
	if err := repathInTx(w.txCtx, w.tx, id, r.stat.Path); err != nil {
		return "", err
	}
	return id, nil
}

func outcomeOf(st Status, isNew bool) Outcome {
	switch {
	case isNew:
		return Stored
	case st == StatusDuplicate:
		return Duplicate
	default:
		return Skipped
	}
}

func count(sum *Summary, o Outcome) {
	switch o {
	case Stored:
		sum.Stored++
	case Duplicate:
		sum.Duplicates++
	case Skipped:
		sum.Skipped++
	}
}
