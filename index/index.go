// Package index is the bleve search index over the corpus: derived, and
// rebuildable from it at will. (Stub: being written.)
package index

import (
	"context"
	"errors"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// ErrInUse means another process holds the index open.
var ErrInUse = errors.New("检索索引正被另一个进程使用 (index in use)")

// Index is an open bleve index.
type Index struct{}

// Open opens (creating when missing) the index in dir, waiting at most
// timeout for another process to release it.
func Open(dir string, timeout time.Duration) (*Index, error) {
	return nil, errors.New("index is not built yet")
}

// Close releases the index.
func (ix *Index) Close() error { return nil }

// Put replaces every document of report id (one per item, one for the report).
func (ix *Index) Put(id string, r *extract.Report, fs []validate.Finding) error { return nil }

// Delete removes every document of report id.
func (ix *Index) Delete(id string) error { return nil }

// Search runs a query. (The query and result types are the index's to define.)
func (ix *Index) Search(ctx context.Context, q string) error { return nil }
