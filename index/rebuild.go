package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// PutFunc adds one stored report to an index being built.
type PutFunc func(id string, r *extract.Report, fs []validate.Finding) error

// Source calls put for every stored report, stopping at the first error;
// corpus.Store.Each fits through a closure.
type Source func(ctx context.Context, put PutFunc) error

// rebuildBatch is how many documents go to the engine at once.
const rebuildBatch = 500

// Rebuild makes the index in dir anew from src: it builds a new index beside
// it and swaps it in only when complete, so a failed rebuild leaves the old
// index as it was. It returns ErrInUse when another process has the index
// open, and the number of reports indexed.
func Rebuild(ctx context.Context, dir string, timeout time.Duration, src Source) (int, error) {
	// Hold the old index while building, so no one writes to it meanwhile.
	// One that cannot be read (outdated, damaged) is simply replaced.
	old, err := Open(dir, timeout)
	if errors.Is(err, ErrInUse) {
		return 0, err
	}
	if err == nil {
		defer func() {
			if old != nil {
				old.Close()
			}
		}()
		// Holding the index, no other rebuild of it runs: what an
		// interrupted one left beside it can go.
		removeLeftovers(dir)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return 0, fmt.Errorf("重建检索索引 %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".rebuild-")
	if err != nil {
		return 0, fmt.Errorf("重建检索索引 %s: %w", dir, err)
	}
	n, err := build(ctx, tmp, src)
	if err != nil {
		os.RemoveAll(tmp)
		return 0, err
	}
	if old != nil {
		if err := old.Close(); err != nil {
			os.RemoveAll(tmp)
			return 0, fmt.Errorf("重建检索索引 %s: %w", dir, err)
		}
		old = nil
	}
	if err := swapDir(dir, tmp); err != nil {
		os.RemoveAll(tmp)
		return 0, fmt.Errorf("重建检索索引 %s: %w", dir, err)
	}
	return n, nil
}

// removeLeftovers removes the folders a killed rebuild of dir left beside it
// (dir.rebuild-*, and their .old when the swap was cut short).
func removeLeftovers(dir string) {
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), globEscape(filepath.Base(dir))+".rebuild-*"))
	for _, p := range left {
		os.RemoveAll(p)
	}
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// build indexes every report of src into a new index in dir.
func build(ctx context.Context, dir string, src Source) (n int, err error) {
	ix, err := open(dir, time.Second, jiebaAnalyzers)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := ix.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("重建检索索引: %w", cerr)
		}
	}()
	batch := ix.b.NewBatch()
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		if err := ix.b.Batch(batch); err != nil {
			return fmt.Errorf("重建检索索引: %w", err)
		}
		batch.Reset()
		return nil
	}
	err = src(ctx, func(id string, r *extract.Report, fs []validate.Finding) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if r == nil {
			return fmt.Errorf("重建检索索引：报告 %s 为空 (nil report)", id)
		}
		ids, docs := documents(id, r, fs, ix.an.exactField)
		for i, d := range docs {
			if err := batch.Index(ids[i], d.fields()); err != nil {
				return fmt.Errorf("重建检索索引：报告 %s: %w", id, err)
			}
		}
		n++
		if batch.Size() >= rebuildBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return n, err
}

// swapDir puts the directory fresh in place of dir, removing the old one.
func swapDir(dir, fresh string) error {
	var aside string
	if _, err := os.Stat(dir); err == nil {
		aside = fresh + ".old"
		if err := os.Rename(dir, aside); err != nil {
			return err
		}
	}
	if err := os.Rename(fresh, dir); err != nil {
		if aside != "" {
			os.Rename(aside, dir)
		}
		return err
	}
	if aside != "" {
		return os.RemoveAll(aside)
	}
	return nil
}
