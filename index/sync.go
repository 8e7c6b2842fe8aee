package index

import (
	"context"
	"fmt"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// Store is what the sync needs of the corpus (corpus.*Store): which reports
// the index lacks, a report to put, and the flag that records it is in. The
// corpus is the record of truth and never imports this package; the index
// is derived from it, and this file alone decides when a report counts as
// indexed.
type Store interface {
	// Unindexed gives the ids of reports stored but not (or not in their
	// current version) in the index.
	Unindexed(ctx context.Context) ([]string, error)
	// ReportForIndex loads report id with its findings.
	ReportForIndex(ctx context.Context, id string) (*extract.Report, []validate.Finding, error)
	// Hidden says whether report id is a copy or a superseded version,
	// which is not searched for (the report it copies, or the version
	// after it, is).
	Hidden(ctx context.Context, id string) (bool, error)
	// MarkIndexed records that the index holds the current version of ids.
	MarkIndexed(ctx context.Context, ids ...string) error
}

// Writer is what the sync writes into: an *Index, where each put is durable
// at once, or a *Batch, where puts are durable at Flush.
type Writer interface {
	Put(id string, r *extract.Report, fs []validate.Finding) error
}

// flusher is a Writer that holds what is put until Flush (*Batch).
type flusher interface {
	Writer
	Flush() error
}

// deleter is a Writer that can take a report out (*Index, *Batch).
type deleter interface {
	Delete(id string) error
}

// flushEvery is how many reports a batch gathers before committing.
const flushEvery = 64

// Sync puts the corpus's reports into the index and marks them indexed in
// the store only once the index holds them durably: at once for a plain
// Writer, at each flush for a batch. A run killed at any moment leaves at
// worst reports indexed but not marked, which Pending puts again (a put
// replaces), never a report marked but missing. A Sync is used from one
// goroutine.
type Sync struct {
	st      Store
	ix      Writer
	pending []string // put into a batch, not yet flushed
}

// NewSync gives the sync of store st into ix.
func NewSync(st Store, ix Writer) *Sync { return &Sync{st: st, ix: ix} }

// Pending puts every report the store holds unindexed into the index and
// marks it indexed; it returns how many it indexed.
func (x *Sync) Pending(ctx context.Context) (int, error) {
	ids, err := x.st.Unindexed(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		r, fs, err := x.st.ReportForIndex(ctx, id)
		if err != nil {
			return n, err
		}
		k, err := x.Put(ctx, id, r, fs)
		n += k
		if err != nil {
			return n, err
		}
	}
	k, err := x.Flush(ctx)
	return n + k, err
}

// Put indexes report id (committed in the store) with its findings, or
// takes it out of the index when it is hidden; indexed is how many reports
// became durable in the index with this call (0 while a batch is
// gathering).
func (x *Sync) Put(ctx context.Context, id string, r *extract.Report, fs []validate.Finding) (indexed int, err error) {
	h, err := x.st.Hidden(ctx, id)
	if err != nil {
		return 0, err
	}
	if h {
		if err := x.Delete(id); err != nil {
			return 0, err
		}
	} else if err := x.ix.Put(id, r, fs); err != nil {
		return 0, err
	}
	if _, ok := x.ix.(flusher); !ok {
		return 1, x.st.MarkIndexed(ctx, id)
	}
	x.pending = append(x.pending, id)
	if len(x.pending) < flushEvery {
		return 0, nil
	}
	return x.Flush(ctx)
}

// Refresh indexes report id again as the store holds it now (its path
// changed, or it became hidden), and commits it at once.
func (x *Sync) Refresh(ctx context.Context, id string) error {
	r, fs, err := x.st.ReportForIndex(ctx, id)
	if err != nil {
		return err
	}
	one := NewSync(x.st, x.ix)
	if _, err := one.Put(ctx, id, r, fs); err != nil {
		return err
	}
	_, err = one.Flush(ctx)
	return err
}

// Delete takes report id out of the index (a report that is no longer
// stored); a Writer that cannot delete is left as it is.
func (x *Sync) Delete(id string) error {
	if d, ok := x.ix.(deleter); ok {
		return d.Delete(id)
	}
	return nil
}

// Flush commits what a batch gathered and marks it indexed; it returns how
// many reports it marked.
func (x *Sync) Flush(ctx context.Context) (int, error) {
	f, ok := x.ix.(flusher)
	if !ok || len(x.pending) == 0 {
		return 0, nil
	}
	ids := x.pending
	x.pending = nil
	if err := f.Flush(); err != nil {
		return 0, err
	}
	return len(ids), x.st.MarkIndexed(ctx, ids...)
}

// StoreSource gives every stored report of a corpus: put for a report that
// is searched for, skip for one that is not (a copy, a superseded version),
// which the index holds nothing of.
type StoreSource func(ctx context.Context, put PutFunc, skip func(id string)) error

// RebuildStore is Rebuild from the corpus st: it then marks every report src
// gave (put or skipped) indexed, and only once the new index is swapped in,
// so a failed rebuild marks nothing and the old index keeps its marks.
func RebuildStore(ctx context.Context, dir string, timeout time.Duration, st Store, src StoreSource) (int, error) {
	var ids []string
	skip := func(id string) { ids = append(ids, id) }
	n, err := Rebuild(ctx, dir, timeout, func(ctx context.Context, put PutFunc) error {
		return src(ctx, func(id string, r *extract.Report, fs []validate.Finding) error {
			if err := put(id, r, fs); err != nil {
				return err
			}
			ids = append(ids, id)
			return nil
		}, skip)
	})
	if err != nil {
		return n, err
	}
	if err := st.MarkIndexed(ctx, ids...); err != nil {
		return n, fmt.Errorf("重建检索索引：记录索引状态: %w", err)
	}
	return n, nil
}
