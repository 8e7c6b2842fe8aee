package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

// TestMain lets a test run the test binary as the jixiao command itself
// (JIXIAO_TEST_MAIN=1), to see its exit status as a shell does.
func TestMain(m *testing.M) {
	if os.Getenv("JIXIAO_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// jixiaoCommand is the jixiao command line args, run as a process.
func jixiaoCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "JIXIAO_TEST_MAIN=1")
	return cmd
}

// TestExitCodes: the status a script sees, one per documented code — 0, 1
// for error findings and for no match, 2 for bad input and for usage, 130
// when interrupted.
func TestExitCodes(t *testing.T) {
	status := func(args ...string) int {
		err := jixiaoCommand(t, args...).Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	}
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"validate", "../../testdata/qiaotou-2022.gb18030.txt"}, 0},
		{[]string{"validate", "../../testdata/nantun-2023.md"}, 1},
		{[]string{"--corpus", filepath.Join(dir, "none"), "search", "驻村"}, 2}, // no corpus
		{[]string{"extract", filepath.Join(dir, "missing.pdf")}, 2},
		{[]string{"extract", "--bogus"}, 2},
		{[]string{"--corpus", dir, "ingest", "../../testdata/nantun-2023.md"}, 0},
		{[]string{"--corpus", dir, "ingest", filepath.Join(dir, "missing.pdf")}, 2}, // unreadable input, as extract
		{[]string{"--corpus", dir, "search", "驻村工作队"}, 0},
		{[]string{"--corpus", dir, "search", "航天发射场"}, 1},
	} {
		if got := status(c.args...); got != c.want {
			t.Errorf("jixiao %s: exit %d, want %d", strings.Join(c.args, " "), got, c.want)
		}
	}
}

// TestExitInterrupted: Ctrl-C during a command that waits exits 130.
// index rebuild waits for the index another process holds; once it has the
// index open (its process holds the file), it is sent SIGINT.
func TestExitInterrupted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	var out, errOut bytes.Buffer
	if err := runIngest(context.Background(), ingestOptions{Workers: 1}, globalOptions{Corpus: dir}, []string{"../../testdata/nantun-2023.md"}, &out, &errOut); err != nil {
		t.Fatal(err, errOut.String())
	}
	ix, err := index.Open(filepath.Join(dir, corpus.IndexDir), index.DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	cmd := jixiaoCommand(t, "--corpus", dir, "index", "rebuild")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// waiting for the lock: the child has a file of the index open
	indexDir, _ := filepath.Abs(filepath.Join(dir, corpus.IndexDir))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for !holdsFileUnder(cmd.Process.Pid, indexDir) {
		select {
		case err := <-done:
			t.Fatalf("index rebuild ended before it waited: %v", err)
		case <-time.After(10 * time.Millisecond): // look again
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = <-done
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Errorf("interrupted index rebuild: %v, want exit 130", err)
	}
}

// holdsFileUnder reports whether process pid has a file below dir open.
func holdsFileUnder(pid int, dir string) bool {
	fds, _ := filepath.Glob(filepath.Join("/proc", strconv.Itoa(pid), "fd", "*"))
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
