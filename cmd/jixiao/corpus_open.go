package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/web/local"
)

// indexOpenTimeout bounds the wait for the search index held by another process.
const indexOpenTimeout = 3 * time.Second

// openCorpus opens the corpus of --corpus for writing; in use by another
// process, it says so (exit 2) instead of waiting.
func (g globalOptions) openCorpus() (*corpus.Store, error) {
	s, err := corpus.Open(g.Corpus)
	if errors.Is(err, corpus.ErrInUse) {
		return nil, &exitError{code: 2, err: fmt.Errorf("%w；请等另一个 jixiao 进程结束后再试", err)}
	}
	return s, err
}

// openExistingCorpus opens the corpus of --corpus for writing beside other
// writers (the page of a running serve among them: SQLite serialises the
// transactions); a directory without a corpus is an error naming it (exit 2),
// never a new empty corpus.
func (g globalOptions) openExistingCorpus() (*corpus.Store, error) {
	s, err := corpus.OpenOptions(g.Corpus, corpus.Options{Shared: true, MustExist: true})
	if errors.Is(err, corpus.ErrNoCorpus) {
		return nil, &exitError{code: 2, err: err}
	}
	return s, err
}

// openCorpusReader opens the corpus of --corpus for reading beside a writer;
// a directory without a corpus is an error naming it (exit 2).
func (g globalOptions) openCorpusReader() (*corpus.Store, error) {
	s, err := corpus.OpenReadOnly(g.Corpus)
	if errors.Is(err, corpus.ErrNoCorpus) {
		return nil, &exitError{code: 2, err: err}
	}
	return s, err
}

// searcher is what search and history need of the index: the index itself,
// or the running serve that holds it.
type searcher interface {
	Search(ctx context.Context, q index.Query) (*index.Result, error)
}

// openCorpusSearch opens the index of the corpus of --corpus for searching;
// when a running serve holds it, the search goes through the server.
func (g globalOptions) openCorpusSearch() (searcher, func(), error) {
	if err := g.corpusDir(); err != nil {
		return nil, nil, err
	}
	if c, err := local.Dial(g.Corpus); err == nil {
		return c, c.Close, nil
	}
	ix, err := g.openCorpusIndex()
	if err != nil {
		return nil, nil, err
	}
	return ix, func() { ix.Close() }, nil
}

// openCorpusIndex opens the index of the corpus named by --corpus, waiting a few
// seconds for another jixiao process to let go of it.
func (g globalOptions) openCorpusIndex() (*index.Index, error) {
	if err := g.corpusDir(); err != nil {
		return nil, err
	}
	ix, err := index.Open(filepath.Join(g.Corpus, corpus.IndexDir), g.indexWait())
	if errors.Is(err, index.ErrInUse) {
		return nil, fmt.Errorf("%w：请等另一个 jixiao 进程结束后再试", err)
	}
	return ix, err
}

// corpusDir checks that --corpus names a directory (exit 2 naming it):
// the commands that only search never create one.
func (g globalOptions) corpusDir() error {
	if fi, err := os.Stat(g.Corpus); err != nil || !fi.IsDir() {
		return &exitError{2, fmt.Errorf("%w: %s", corpus.ErrNoCorpus, g.Corpus)}
	}
	return nil
}

// openIndex opens the search index of s. The store is the record of truth:
// when the index cannot be opened, reports are stored anyway, left
// unindexed. A running serve that holds the index is asked to index them
// when the work is done (and finds them by itself within seconds); else the
// next ingest indexes them, and a warning says so.
func openIndex(s *corpus.Store, stderr io.Writer) (corpus.Indexer, func()) {
	if c, err := local.Dial(s.Dir()); err == nil {
		return nil, func() {
			defer c.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			if _, err := c.IndexPending(ctx); err != nil {
				fmt.Fprintf(stderr, "jixiao: 警告：运行中的 jixiao serve 未能建立检索索引（%v）；它会稍后重试\n", err)
			}
		}
	}
	ix, err := index.Open(s.IndexPath(), indexOpenTimeout)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao: 警告：检索索引无法打开（%v）；报告照常入库，下次 ingest 时补建索引\n", err)
		return nil, func() {}
	}
	return index.NewSync(s, ix.NewBatch()), func() { ix.Close() }
}

// writeJSON writes v as indented JSON for programs.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// isTerminal reports whether w is a terminal (progress bars go only there).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// usageError is exit status 2 with a message.
func usageError(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}
