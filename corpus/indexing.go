package corpus

import "context"

// Flusher is an Indexer that holds what is put until Flush (package
// index's *Batch): a report is marked indexed only once flushed, so a run
// killed before the flush leaves it to IndexPending.
type Flusher interface {
	Indexer
	Flush() error
}

// flushEvery is how many reports a Flusher gathers before committing.
const flushEvery = 64

// indexing puts reports into an Indexer and marks them indexed when the
// index holds them: at once for a plain Indexer, at each flush for a Flusher.
type indexing struct {
	s       *Store
	ix      Indexer
	pending []string
}

// put indexes report id; indexed is how many reports became durable in the
// index with this call (0 while a Flusher is gathering).
func (x *indexing) put(ctx context.Context, id string, r *StoredReport) (indexed int, err error) {
	// A copy or a superseded version is not searched for: the report it is
	// a copy of, or the version after it, is.
	h, err := hidden(ctx, x.s.db, id)
	if err != nil {
		return 0, err
	}
	if h {
		if d, ok := x.ix.(interface{ Delete(string) error }); ok {
			if err := d.Delete(id); err != nil {
				return 0, err
			}
		}
	} else if err := x.ix.Put(id, r.Report, r.Findings); err != nil {
		return 0, err
	}
	if _, ok := x.ix.(Flusher); !ok {
		return 1, x.s.MarkIndexed(ctx, id)
	}
	x.pending = append(x.pending, id)
	if len(x.pending) < flushEvery {
		return 0, nil
	}
	return x.flush(ctx)
}

// flush commits what a Flusher gathered and marks it indexed.
func (x *indexing) flush(ctx context.Context) (int, error) {
	f, ok := x.ix.(Flusher)
	if !ok || len(x.pending) == 0 {
		return 0, nil
	}
	ids := x.pending
	x.pending = nil
	if err := f.Flush(); err != nil {
		return 0, err
	}
	return len(ids), x.s.MarkIndexed(ctx, ids...)
}
