package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/web"
)

// syncBuffer is a buffer written by the server's goroutine and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var serveURLPattern = regexp.MustCompile(`http://127\.0\.0\.1:\d+/(\?token=\S+)?`)

// startServe runs serve in the background and returns the address it
// printed; stop cancels it and returns its error.
func startServe(t *testing.T, g globalOptions, opts serveOptions) (addr string, out *syncBuffer, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out = &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, opts, g, out, io.Discard) }()
	deadline := time.Now().Add(20 * time.Second)
	for addr == "" {
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve ended: %v\n%s", err, out)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve printed no address:\n%s", out)
		}
		addr = serveURLPattern.FindString(out.String())
		time.Sleep(20 * time.Millisecond)
	}
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() { cancel(); err = <-done })
		return err
	}
	t.Cleanup(func() { stop() })
	return addr, out, stop
}

func ingestReference(t *testing.T, g globalOptions) {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := runIngest(context.Background(), ingestOptions{Workers: 1}, g, []string{"../../testdata/nantun-2023.md"}, &out, &errOut); err != nil {
		t.Fatalf("ingest: %v %s", err, errOut.String())
	}
}

func TestServeHoldsTheCorpusAndStops(t *testing.T) {
	g := withCorpus(t)
	dir := g.Corpus
	ingestReference(t, g)
	addr, out, stop := startServe(t, g, serveOptions{Addr: "127.0.0.1:0"})
	if !strings.Contains(out.String(), "正被另一个进程使用") {
		t.Errorf("startup message does not say the corpus is held:\n%s", out)
	}
	resp, err := http.Get(addr + "api/reports/9175ead8c52e")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"expected":"937.131003","actual":"905.534931"`) {
		t.Fatalf("report: %d %.300s", resp.StatusCode, body)
	}
	// Held: another writer gets "in use", a reader still reads.
	if _, err := corpus.OpenOptions(dir, corpus.Options{LockTimeout: 50 * time.Millisecond}); !errors.Is(err, corpus.ErrInUse) {
		t.Errorf("second writer while serving: %v", err)
	}
	var showOut bytes.Buffer
	if err := runShow(context.Background(), g, true, "9175ea", &showOut); err != nil || !strings.Contains(showOut.String(), "937.131003") {
		t.Errorf("show while serving: %v", err)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if !strings.Contains(out.String(), "已停止") {
		t.Errorf("no stop message:\n%s", out)
	}
	// Released: both open again.
	s, err := corpus.OpenOptions(dir, corpus.Options{LockTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatalf("corpus after serve: %v", err)
	}
	defer s.Close()
	ix, err := index.Open(s.IndexPath(), 50*time.Millisecond)
	if err != nil {
		t.Fatalf("index after serve: %v", err)
	}
	ix.Close()
}

func TestServeBeyondLoopback(t *testing.T) {
	g := withCorpus(t)
	dir := g.Corpus
	// Without a token it refuses before touching the corpus.
	err := runServe(context.Background(), serveOptions{Addr: "0.0.0.0:0"}, g, io.Discard, io.Discard)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), web.ErrTokenRequired.Error()) {
		t.Fatalf("0.0.0.0 without a token: %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the corpus was created: %v", err)
	}
	// With a token every request must carry it.
	ingestReference(t, g)
	addr, _, _ := startServe(t, g, serveOptions{Addr: "0.0.0.0:0", Token: "s3cret"})
	if !strings.HasSuffix(addr, "/?token=s3cret") {
		t.Fatalf("address %s", addr)
	}
	base := strings.TrimSuffix(addr, "?token=s3cret")
	resp, err := http.Get(base + "api/reports")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without the token: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodGet, base+"api/reports", nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"total":1`) {
		t.Errorf("with the token: %d %s", resp.StatusCode, body)
	}
}

func TestServeURL(t *testing.T) {
	for _, tc := range []struct{ asked, token, want string }{
		{"127.0.0.1:0", "", "http://127.0.0.1:43210/"},
		{"0.0.0.0:8080", "a b&c", "http://127.0.0.1:43210/?token=a+b%26c"},
		{":8080", "", "http://127.0.0.1:43210/"},
		{"[::1]:8080", "", "http://[::1]:43210/"},
		{"localhost:8080", "", "http://localhost:43210/"},
	} {
		bound := fakeAddr("127.0.0.1:43210")
		if got := serveURL(bound, tc.asked, tc.token); got != tc.want {
			t.Errorf("serveURL(%q, %q) = %s, want %s", tc.asked, tc.token, got, tc.want)
		}
	}
}

type fakeAddr string

func (a fakeAddr) Network() string { return "tcp" }
func (a fakeAddr) String() string  { return string(a) }
