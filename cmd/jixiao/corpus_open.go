package main

import (
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

// openCorpusReader opens the corpus of --corpus for reading beside a writer.
func (g globalOptions) openCorpusReader() (*corpus.Store, error) {
	return corpus.OpenReadOnly(g.Corpus)
}

// openCorpusIndex opens the index of the corpus named by --corpus, waiting a few
// seconds for another jixiao process to let go of it.
func (g globalOptions) openCorpusIndex() (*index.Index, error) {
	if fi, err := os.Stat(g.Corpus); err != nil || !fi.IsDir() {
		return nil, &exitError{2, fmt.Errorf("语料库 %s 不存在 (no corpus; run jixiao ingest first)", g.Corpus)}
	}
	ix, err := index.Open(filepath.Join(g.Corpus, corpus.IndexDir), g.indexWait())
	if errors.Is(err, index.ErrInUse) {
		return nil, fmt.Errorf("%w：请等另一个 jixiao 进程结束后再试", err)
	}
	return ix, err
}

// openIndex opens the search index of s. The store is the record of truth:
// when the index cannot be opened, reports are stored anyway, left
// unindexed, and the next ingest indexes them; a warning says so.
func openIndex(s *corpus.Store, stderr io.Writer) (corpus.Indexer, func()) {
	ix, err := index.Open(s.IndexPath(), indexOpenTimeout)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao: 警告：检索索引无法打开（%v）；报告照常入库，下次 ingest 时补建索引\n", err)
		return nil, func() {}
	}
	return ix.NewBatch(), func() { ix.Close() }
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
