package index

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A second Open in the same process waits on bolt's file lock (flock locks
// belong to the open file, not the process) and gives ErrInUse.
func TestOpenInUseSameProcess(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	second, err := Open(dir, 200*time.Millisecond)
	if err == nil {
		second.Close()
		t.Fatal("second Open succeeded while the index is open")
	}
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: %v, want ErrInUse", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("second Open gave up after %v", waited)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	// Released: opens again, with what was created.
	again, err := Open(dir, DefaultTimeout)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	again.Close()
}

// A second process gets ErrInUse too. The test binary re-runs itself as the
// second process.
func TestOpenInUseOtherProcess(t *testing.T) {
	if dir := os.Getenv("JIXIAO_INDEX_LOCK_DIR"); dir != "" {
		_, err := Open(dir, 200*time.Millisecond)
		if errors.Is(err, ErrInUse) {
			os.Stdout.WriteString("IN-USE: " + err.Error() + "\n")
			return
		}
		t.Fatalf("child Open: %v, want ErrInUse", err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpenInUseOtherProcess$", "-test.v")
	cmd.Env = append(os.Environ(), "JIXIAO_INDEX_LOCK_DIR="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "IN-USE: "+dir+": 检索索引正被另一个进程使用") {
		t.Errorf("child output:\n%s", out)
	}
}

// An index made with another layout is refused, not misread.
func TestOpenOutdated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := open(dir, DefaultTimeout, cjkAnalyzers)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := Open(dir, DefaultTimeout); !errors.Is(err, ErrOutdated) {
		t.Fatalf("Open of a cjk-layout index: %v, want ErrOutdated", err)
	}
}
