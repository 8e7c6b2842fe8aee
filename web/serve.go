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
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
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
