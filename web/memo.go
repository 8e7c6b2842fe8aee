package web

import (
	"context"
	"net/url"
	"strconv"
	"sync"

	"github.com/jixiao/jixiao/corpus"
)

// memo keeps what the pages derive from the whole corpus — its counts and
// the choices of the filters, the unit hierarchy, a chart's sums — for as
// long as nothing is committed to the store (corpus.Store.Generation), by
// this server or another process: on 10,000 reports each costs a scan,
// and every list page needs the first two.
type memo struct {
	mu   sync.Mutex
	gen  string
	vals map[string]any
}

// maxMemo bounds the entries kept for one generation (one per filter of
// the charts at most).
const maxMemo = 256

// remember gives the value of key for the store's current generation,
// computing it with fn when it is not kept (or the generation cannot be
// read).
func remember[T any](ctx context.Context, s *Server, key string, fn func() (T, error)) (T, error) {
	g, err := s.store.Generation(ctx)
	if err != nil {
		return fn()
	}
	return memoGet(&s.memo, strconv.FormatInt(g, 10), key, fn)
}

// rememberReports is remember for what depends on the reports and their
// items only (corpus.Store.ReportsStamp): a decision leaves it.
func rememberReports[T any](ctx context.Context, s *Server, key string, fn func() (T, error)) (T, error) {
	st, err := s.store.ReportsStamp(ctx)
	if err != nil {
		return fn()
	}
	return memoGet(&s.reportsMemo, st, key, fn)
}

// memoGet gives the value of key kept for generation gen, or computes it.
func memoGet[T any](m *memo, gen, key string, fn func() (T, error)) (T, error) {
	m.mu.Lock()
	if m.vals == nil || m.gen != gen {
		m.vals, m.gen = map[string]any{}, gen
	}
	v, ok := m.vals[key].(T)
	m.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := fn()
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	if m.gen == gen && len(m.vals) < maxMemo {
		m.vals[key] = v
	}
	m.mu.Unlock()
	return v, nil
}

// stats is the store's Stats, kept while the corpus does not change.
// Callers only read it.
func (s *Server) stats(ctx context.Context) (*corpus.Stats, error) {
	return remember(ctx, s, "stats", func() (*corpus.Stats, error) { return s.store.Stats(ctx) })
}

// unitTree is the store's UnitTree, kept while the corpus does not change.
func (s *Server) unitTree(ctx context.Context) ([]corpus.UnitGroup, error) {
	return remember(ctx, s, "units", func() ([]corpus.UnitGroup, error) { return s.store.UnitTree(ctx) })
}

// findingCounts is CountFindingsBy of the filter read from form, kept.
func (s *Server) findingCounts(ctx context.Context, form url.Values, f corpus.FindingFilter, by string) ([]corpus.FindingCount, error) {
	return remember(ctx, s, "counts:"+by+"?"+form.Encode(), func() ([]corpus.FindingCount, error) {
		return s.store.CountFindingsBy(ctx, f, by)
	})
}
