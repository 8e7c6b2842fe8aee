package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
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

func TestServeSharesTheCorpusAndStops(t *testing.T) {
	g := withCorpus(t)
	dir := g.Corpus
	ingestReference(t, g)
	addr, out, stop := startServe(t, g, serveOptions{Addr: "127.0.0.1:0"})
	if !strings.Contains(out.String(), "照常可用") {
		t.Errorf("startup message does not say the command line keeps working:\n%s", out)
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
	// Shared: a writer of the command line opens beside it, a reader reads.
	s, err := corpus.OpenOptions(dir, corpus.Options{LockTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Errorf("a writer while serving: %v", err)
	} else {
		s.Close()
	}
	if _, err := os.Stat(filepath.Join(dir, web.SocketName)); err != nil {
		t.Errorf("no socket while serving: %v", err)
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
	if _, err := os.Stat(filepath.Join(dir, web.SocketName)); !os.IsNotExist(err) {
		t.Errorf("socket left after serve: %v", err)
	}
	// Released: the index opens again.
	ix, err := index.Open(filepath.Join(dir, corpus.IndexDir), 50*time.Millisecond)
	if err != nil {
		t.Fatalf("index after serve: %v", err)
	}
	ix.Close()
}

// TestServeBesideTheCommandLine runs serve as a real process and the
// commands of the command line as others: search goes through the server,
// review and ingest write beside it (what ingest stores becomes searchable),
// export reads.
func TestServeBesideTheCommandLine(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	g := withCorpus(t)
	dir := g.Corpus
	ingestReference(t, g)
	serve := jixiaoCommand(t, "--corpus", dir, "serve", "--addr", "127.0.0.1:0")
	stdout, err := serve.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var serveErr bytes.Buffer
	serve.Stderr = &serveErr
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		exited <- serve.Wait()
	}()
	t.Cleanup(func() {
		serve.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			serve.Process.Kill()
		}
	})
	var addr string
	for addr == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("serve ended: %s", serveErr.String())
			}
			addr = serveURLPattern.FindString(l)
		case <-time.After(60 * time.Second):
			t.Fatal("serve printed no address")
		}
	}
	go func() {
		for range lines {
		}
	}()
	run := func(args ...string) string {
		t.Helper()
		out, err := jixiaoCommand(t, append([]string{"--corpus", dir}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("jixiao %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if out := run("search", "驻村工作队", "--json"); !strings.Contains(out, `"name":"南屯镇2023年省级驻村工作队经费"`) {
		t.Errorf("search beside serve:\n%.500s", out)
	}
	if out := run("review", "9175ea", "total-mismatch", "--confirm", "--note", "命令行"); !strings.Contains(out, "已确认") {
		t.Errorf("review beside serve: %s", out)
	}
	resp, err := http.Get(addr + "api/reports/9175ead8c52e")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"note":"命令行"`) {
		t.Errorf("the page does not see the decision of the command line: %.300s", body)
	}
	const other = "../../testdata/real/docs/anhui-guichi-tangxizhen-2022-cunjibuzhu.txt"
	run("ingest", other)
	if out := run("search", "", "--unit", "棠溪镇", "--json"); !strings.Contains(out, `"unit":"池州市贵池区棠溪镇人民政府"`) {
		t.Errorf("what ingest stored beside serve is not searchable:\n%.500s", out)
	}
	jsonl := filepath.Join(t.TempDir(), "all.jsonl")
	run("export", "--format", "jsonl", "-o", jsonl)
	if b, err := os.ReadFile(jsonl); err != nil || !strings.Contains(string(b), `"unit":"池州市贵池区棠溪镇人民政府"`) {
		t.Errorf("export beside serve: %v\n%.300s", err, b)
	}
}

// A --corpus that names no corpus is an error naming it, for every command
// that reads or serves; nothing is created.
func TestCorpusTypo(t *testing.T) {
	typo := filepath.Join(t.TempDir(), "corpsu")
	g := globalOptions{Corpus: typo}
	for name, run := range map[string]func() error{
		"serve": func() error {
			return runServe(context.Background(), serveOptions{Addr: "127.0.0.1:0"}, g, io.Discard, io.Discard)
		},
		"search": func() error {
			return runSearch(context.Background(), searchOptions{Limit: 5}, g, []string{"x"}, io.Discard)
		},
		"review": func() error {
			return runReview(context.Background(), reviewOptions{Confirm: true}, g, "9175ea", "total-mismatch", io.Discard)
		},
		"export": func() error {
			return runExport(context.Background(), exportOptions{Format: "jsonl", Output: filepath.Join(t.TempDir(), "x.jsonl")}, g, io.Discard, io.Discard)
		},
	} {
		err := run()
		if exitCode(err) != 2 || !strings.Contains(err.Error(), corpus.ErrNoCorpus.Error()) || !strings.Contains(err.Error(), typo) {
			t.Errorf("%s on a typo: %v (exit %d)", name, err, exitCode(err))
		}
		if _, err := os.Stat(typo); !os.IsNotExist(err) {
			t.Fatalf("%s created %s", name, typo)
		}
	}
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
