package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/validate"
)

// The tests in this file run the store in child processes: the test binary
// re-executed with JIXIAO_CORPUS_CHILD set.

func TestMain(m *testing.M) {
	if mode := os.Getenv("JIXIAO_CORPUS_CHILD"); mode != "" {
		os.Exit(childMain(mode))
	}
	os.Exit(m.Run())
}

// childMain is the child process: "ingest" ingests $SRC into $CORPUS with a
// slowish index that logs the ids it receives to $INDEXLOG; "open" tries to
// open $CORPUS and says "inuse" when it cannot.
func childMain(mode string) int {
	dir := os.Getenv("CORPUS")
	switch mode {
	case "open":
		start := time.Now()
		s, err := Open(dir)
		if errors.Is(err, ErrInUse) {
			fmt.Printf("inuse %d\n", time.Since(start).Milliseconds())
			return 3
		}
		if err != nil {
			fmt.Println(err)
			return 1
		}
		s.Close()
		fmt.Println("opened")
		return 0
	case "ingest":
		s, err := Open(dir)
		if err != nil {
			fmt.Println(err)
			return 1
		}
		defer s.Close()
		ix := &logIndex{path: os.Getenv("INDEXLOG")}
		sum, err := s.Ingest(context.Background(), []string{os.Getenv("SRC")}, IngestOptions{Workers: 2, Read: testRead, Index: index.NewSync(s, ix)})
		if err != nil {
			fmt.Println(err)
			return 1
		}
		json.NewEncoder(os.Stdout).Encode(sum)
		return 0
	}
	return 2
}

// logIndex appends each id it is given to a file, slowly enough that a
// kill lands in the middle of a run.
type logIndex struct {
	mu   sync.Mutex
	path string
}

func (l *logIndex) Put(id string, r *extract.Report, fs []validate.Finding) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	time.Sleep(2 * time.Millisecond)
	f, err := os.OpenFile(l.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintln(f, id)
	return err
}

func child(t *testing.T, mode string, env ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(append(os.Environ(), "JIXIAO_CORPUS_CHILD="+mode), env...)
	return cmd
}

func TestSecondProcessGetsInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "c")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := child(t, "open", "CORPUS="+dir).Output()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 || !strings.HasPrefix(string(out), "inuse") {
		t.Fatalf("second process: %q, %v; want inuse", out, err)
	}
	var ms int
	fmt.Sscanf(string(out), "inuse %d", &ms)
	if ms > 3000 {
		t.Errorf("ErrInUse after %d ms", ms)
	}
	s.Close()
	if out, err := child(t, "open", "CORPUS="+dir).Output(); err != nil || string(out) != "opened\n" {
		t.Errorf("after the first closed: %q, %v", out, err)
	}
}

// TestKillDuringIngest kills an ingest twice at random points with SIGKILL,
// then lets a third run finish: every report must be there exactly once,
// whole, in the ledger and in the index, and SQLite must find nothing wrong.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	const n = 200
	src := t.TempDir()
	fixtureTree(t, src, n)
	dir := filepath.Join(t.TempDir(), "c")
	indexLog := filepath.Join(t.TempDir(), "index.log")
	env := []string{"CORPUS=" + dir, "SRC=" + src, "INDEXLOG=" + indexLog}

	ledgerRows := func() int {
		s, err := OpenReadOnly(dir)
		if err != nil {
			return 0
		}
		defer s.Close()
		c, err := s.LedgerCounts(context.Background())
		if err != nil {
			return 0
		}
		return c[StatusOK] + c[StatusDuplicate] + c[StatusFailed]
	}
	for round, target := range []int{40, 120} {
		cmd := child(t, "ingest", env...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		deadline := time.Now().Add(30 * time.Second)
		for ledgerRows() < target && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatalf("round %d: the child ended before the kill: %v", round+1, err)
		}
		err := <-exited
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: child was not killed mid-run: %v", round+1, err)
		}
		got := ledgerRows()
		t.Logf("round %d: killed with %d ledger rows", round+1, got)
		if got >= n+3 {
			t.Fatalf("round %d: the run had finished before the kill", round+1)
		}
		// consistent right after the kill
		s, err := OpenReadOnly(dir)
		if err != nil {
			t.Fatal(err)
		}
		integrity(t, s)
		s.Close()
	}

	out, err := child(t, "ingest", env...).Output()
	if err != nil {
		t.Fatalf("final run: %s %v", out, err)
	}
	var sum Summary
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatalf("final run said %q: %v", out, err)
	}
	if sum.Failed != 2 || sum.Stored+sum.Skipped+sum.Duplicates != n+1 {
		t.Errorf("final run: %+v", sum)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkOnce(t, s, n)
	counts, _ := s.LedgerCounts(context.Background())
	if counts[StatusOK] != n || counts[StatusDuplicate] != 1 || counts[StatusFailed] != 2 {
		t.Errorf("ledger %v", counts)
	}
	if un, _ := s.Unindexed(context.Background()); len(un) != 0 {
		t.Errorf("%d reports never indexed", len(un))
	}
	logged, _ := os.ReadFile(indexLog)
	seen := map[string]bool{}
	for _, id := range strings.Fields(string(logged)) {
		seen[id] = true
	}
	if len(seen) != n {
		t.Errorf("the index was given %d distinct reports, want %d", len(seen), n)
	}
}
