package web

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/jixiao/jixiao/index"
)

// SocketName is the Unix socket of a running `jixiao serve` inside the corpus
// directory (package web/local listens on it and dials it): the CLI finds the
// server through it and has the server do what needs the search index the
// server holds open. Requests on it need no token: the socket is the
// owner's alone (mode 0600).
const SocketName = "serve.sock"

// localKey marks a request that came through the socket.
type localKey struct{}

// Local is the handler of the socket: the same pages and API, with no host or
// token check (the socket's mode keeps other users out).
func (s *Server) Local() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), localKey{}, true)))
	})
}

func isLocal(r *http.Request) bool { v, _ := r.Context().Value(localKey{}).(bool); return v }

// indexMu keeps one sync of the index at a time (the endpoint and KeepIndexed).
var indexMu sync.Mutex

// IndexPending puts into the index what the store holds unindexed (reports
// another process stored while this one holds the index).
func (s *Server) IndexPending(ctx context.Context) (int, error) {
	indexMu.Lock()
	defer indexMu.Unlock()
	return index.NewSync(s.store, s.index).Pending(ctx)
}

// KeepIndexed indexes what other processes store, every interval, until ctx
// ends.
func (s *Server) KeepIndexed(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.IndexPending(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("indexing pending reports", "err", err)
			}
		}
	}
}

// apiIndexPending: POST /api/index/pending (the socket only) indexes what
// is pending and answers {"indexed": n}.
func (s *Server) apiIndexPending(w http.ResponseWriter, r *http.Request) {
	if !isLocal(r) {
		writeError(w, http.StatusForbidden, "只接受本机套接字的请求 (socket only)")
		return
	}
	n, err := s.IndexPending(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"indexed": n})
}
