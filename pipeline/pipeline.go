// Package pipeline is the one composition of jixiao's steps for a file:
// read (ingest) → extract → validate. Every command and the corpus go
// through it, for one file, for a document already read (re-extraction from
// stored text), or for many files on several workers, so that what a file
// yields does not depend on which command read it.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

// Part is one report of a file and its findings.
type Part struct {
	Report   *extract.Report
	Findings []validate.Finding
}

// Result is what one file yields: its document, its report and the report's
// findings, or the error that stopped it (an *ingest.Error names the file
// and the reason).
type Result struct {
	Path     string
	Doc      *ingest.Document
	Report   *extract.Report    // the file's first report (Parts[0])
	Findings []validate.Finding // its findings
	// Parts are every report the file holds (extract.ExtractAll), with
	// their findings, in order; one for most files.
	Parts  []Part
	Err    error
	Reason string // why Err happened, for summaries that count files by reason
}

// ReasonExtract is the reason of a file that was read but not extracted.
const ReasonExtract = "提取失败 (extraction failed)"

func init() { ingest.RegisterReason("extract-failed", ReasonExtract) }

// Failed is the Result of err, with its reason.
func Failed(path string, err error) Result {
	r := Result{Path: path, Err: err, Reason: ingest.ReasonRead}
	var ie *ingest.Error
	if errors.As(err, &ie) {
		if ie.Reason != "" {
			r.Reason = ie.Reason
		}
		if r.Path == "" {
			r.Path = ie.Path
		}
	}
	return r
}

// Options control a run.
type Options struct {
	Read    ingest.Options
	Workers int // files read at once by Files (0: the number of CPUs)
}

// Document extracts and validates a document already read.
func Document(doc *ingest.Document) Result {
	r := Result{Path: doc.Source, Doc: doc}
	reps, err := extract.ExtractAll(doc)
	if err != nil {
		r.Err, r.Reason = fmt.Errorf("%s: %w", doc.Source, err), ReasonExtract
		return r
	}
	for _, rep := range reps {
		r.Parts = append(r.Parts, Part{Report: rep, Findings: validate.Report(rep)})
	}
	r.Report, r.Findings = r.Parts[0].Report, r.Parts[0].Findings
	return r
}

// Loaded reads, extracts and validates a file already loaded.
func Loaded(ctx context.Context, f ingest.File, opt Options) Result {
	doc, err := f.Read(ctx, opt.Read)
	if err != nil {
		return Failed(f.Path, err)
	}
	return Document(doc)
}

// File loads, reads, extracts and validates the file at path.
func File(ctx context.Context, path string, opt Options) Result {
	f, err := ingest.Load(path)
	if err != nil {
		return Failed(path, err)
	}
	return Loaded(ctx, f, opt)
}

// Files runs File over paths on opt.Workers workers (a PDF is parsed in a
// child process, so reading overlaps with the segmenter loading) and yields
// the results in the order of paths. Breaking out of the loop stops the
// workers; a cancelled ctx yields its error for the files not yet begun.
func Files(ctx context.Context, paths []string, opt Options) iter.Seq2[int, Result] {
	return func(yield func(int, Result) bool) {
		workers := opt.Workers
		if workers <= 0 {
			workers = runtime.NumCPU()
		}
		results := make([]chan Result, len(paths))
		for i := range results {
			results[i] = make(chan Result, 1)
		}
		sem := make(chan struct{}, workers)
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			for i, path := range paths {
				select {
				case sem <- struct{}{}:
				case <-ctx.Done():
					results[i] <- Failed(path, ctx.Err())
					continue
				}
				go func() {
					defer func() { <-sem }()
					results[i] <- File(ctx, path, opt)
				}()
			}
		}()
		for i := range paths {
			if !yield(i, <-results[i]) {
				return
			}
		}
	}
}
