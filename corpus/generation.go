package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// generation is the store's own connection for PRAGMA data_version: the
// value changes whenever another connection — any of the pool's, or
// another process's — commits, and this connection writes nothing.
type generation struct {
	mu   sync.Mutex
	conn *sql.Conn
}

// Generation is a number that changes whenever anything is committed to
// the corpus, by this process or another: what a cache of figures derived
// from the store (the choices of a filter, a chart's sums) is keyed on.
// Reading it costs a pragma, not a scan.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	s.gen.mu.Lock()
	defer s.gen.mu.Unlock()
	if s.gen.conn == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return 0, err
		}
		s.gen.conn = c
	}
	var v int64
	if err := s.gen.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		s.gen.conn.Close()
		s.gen.conn = nil
		return 0, err
	}
	return v, nil
}

// closeGeneration gives the connection back before the pool closes.
func (s *Store) closeGeneration() {
	s.gen.mu.Lock()
	defer s.gen.mu.Unlock()
	if s.gen.conn != nil {
		s.gen.conn.Close()
		s.gen.conn = nil
	}
}

// ReportsStamp changes whenever a report is stored, re-extracted, moved,
// marked a copy or superseded, and not on a review decision: what a cache
// of figures from the reports and their items alone is keyed on, so that a
// reviewer's decisions leave it. One pass over the reports' rows.
func (s *Store) ReportsStamp(ctx context.Context) (string, error) {
	var n, superseded, copies int
	var last string
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(updated_at), ''),
		COALESCE(SUM(superseded_by IS NOT NULL), 0), COALESCE(SUM(copy_of IS NOT NULL), 0) FROM reports`).
		Scan(&n, &last, &superseded, &copies)
	return fmt.Sprintf("%d|%s|%d|%d", n, last, superseded, copies), err
}
