package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// ShutdownTimeout bounds how long Serve waits for requests in flight after
// ctx is cancelled.
const ShutdownTimeout = 10 * time.Second

// WriteTimeout bounds how long a response may take to write: every page and
// API answer is small; an export moves the deadline ahead as it writes (see
// countingWriter), so it is bounded per write, not in total.
const WriteTimeout = 30 * time.Second

// Serve answers h on ln until ctx is cancelled, then shuts down gracefully:
// it stops accepting, lets requests in flight finish (at most
// ShutdownTimeout) and returns nil, so that the caller can close the store
// and the index with no request still using them.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := newHTTPServer(ctx, h)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = srv.Close() // cut what is left
	}
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// Timeouts of the HTTP server: a client that sends its request slowly, holds
// an idle connection or stops reading an answer is cut off instead of holding
// a connection (and the export it asked for) for ever. The largest request
// is a review decision of a few kilobytes; the largest answer, an export,
// moves the write deadline ahead per write (WriteTimeout).
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = time.Minute
	IdleTimeout       = 2 * time.Minute
)

// newHTTPServer is the server Serve runs: h with the timeouts above.
func newHTTPServer(ctx context.Context, h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
}
