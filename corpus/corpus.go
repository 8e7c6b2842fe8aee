// Package corpus is the store: SQLite holding reports, items, findings,
// review decisions and the ingest ledger. It is the record of truth; the
// search index is derived from it. (Stub: being written.)
package corpus

import (
	"context"
	"errors"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// ErrInUse means another process holds the corpus.
var ErrInUse = errors.New("语料库正被另一个进程使用 (corpus in use)")

// Store is an open corpus directory.
type Store struct{ dir string }

// StoredReport is a report as kept in the corpus.
type StoredReport struct {
	ID       string // stable id: first 12 hex digits of the content SHA-256
	Report   *extract.Report
	Findings []validate.Finding
}

// Open opens (creating when missing) the corpus in dir.
func Open(dir string) (*Store, error) { return nil, errors.New("corpus is not built yet") }

// Dir is the corpus directory; the search index lives in Dir()/index.
func (s *Store) Dir() string { return s.dir }

// Close releases the store.
func (s *Store) Close() error { return nil }

// Each calls fn for every stored report, in id order.
func (s *Store) Each(ctx context.Context, fn func(*StoredReport) error) error { return nil }
