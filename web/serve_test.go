package web

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

// serving runs f's server on a loopback port until the returned stop is
// called; stop waits for Serve to return and gives its error.
func (f *fixture) serving(t *testing.T) (base string, stop func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, f.srv) }()
	stopped := false
	var serveErr error
	stop = func() error {
		if !stopped {
			stopped = true
			cancel()
			select {
			case serveErr = <-done:
			case <-time.After(ShutdownTimeout + 5*time.Second):
				serveErr = errors.New("Serve did not return")
			}
		}
		return serveErr
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

// TestServeFinishesRequestsInFlight: a request being answered when the stop
// comes is answered in full before Serve returns.
func TestServeFinishesRequestsInFlight(t *testing.T) {
	f := newFixture(t, Options{})
	started := make(chan struct{})
	var finished atomic.Bool
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		f.srv.ServeHTTP(w, r)
		finished.Store(true)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, slow) }()
	type answer struct {
		status int
		body   string
		err    error
	}
	got := make(chan answer, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/api/reports/" + nantunID)
		if err != nil {
			got <- answer{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- answer{resp.StatusCode, string(b), err}
	}()
	<-started
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if !finished.Load() {
		t.Error("Serve returned before the request in flight was answered")
	}
	select {
	case a := <-got:
		if a.err != nil || a.status != http.StatusOK || !strings.Contains(a.body, `"expected":"937.131003"`) {
			t.Errorf("request in flight: %d %v %.200s", a.status, a.err, a.body)
		}
	case <-time.After(5 * time.Second):
		t.Error("no answer to the request in flight")
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	f := newFixture(t, Options{})
	base, stop := f.serving(t)
	resp, err := http.Get(base + "/api/reports")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"total":6`) {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	// While it serves, another writer is refused: the corpus is held.
	if _, err := corpus.OpenOptions(f.dir, corpus.Options{LockTimeout: 50 * time.Millisecond}); !errors.Is(err, corpus.ErrInUse) {
		t.Errorf("second writer while serving: %v", err)
	}
	if err := stop(); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if _, err := http.Get(base + "/api/reports"); err == nil {
		t.Error("still answering after shutdown")
	}
	// Closed cleanly: both open again.
	f.close()
	s, err := corpus.Open(f.dir)
	if err != nil {
		t.Fatalf("corpus after shutdown: %v", err)
	}
	defer s.Close()
	ix, err := index.Open(s.IndexPath(), 100*time.Millisecond)
	if err != nil {
		t.Fatalf("index after shutdown: %v", err)
	}
	ix.Close()
}
