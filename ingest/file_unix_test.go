//go:build unix

package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadRefusesWhatIsNotAFile: a FIFO named on the command line used to
// block for ever, and /dev/zero to be read until memory ran out.
func TestLoadRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "report.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	zero := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	regular := filepath.Join(dir, "ok.md")
	os.WriteFile(regular, []byte("# 南屯镇\n"), 0o600)
	link := filepath.Join(dir, "link.md")
	os.Symlink(regular, link)

	for _, c := range []struct {
		path, reason string
	}{
		{fifo, "是管道 (FIFO)，不是普通文件 (not a regular file)"},
		{zero, "是设备文件，不是普通文件 (not a regular file)"},
		{"/dev/urandom", "是设备文件，不是普通文件 (not a regular file)"},
		{dir, "是目录，不是文件 (a directory)"},
		{filepath.Join(dir, "nosuch.pdf"), "无法打开 (cannot open)"},
	} {
		_, err := Load(c.path)
		var ie *Error
		if !errors.As(err, &ie) || ie.Reason != c.reason || ie.Path != c.path {
			t.Errorf("Load(%s) = %v, want reason %q", c.path, err, c.reason)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, c.path+": ") || strings.Contains(msg, "stat ") || strings.Count(msg, c.path) != 1 {
			t.Errorf("message %q should name the file once and no Go internals", msg)
		}
	}
	f, err := Load(link)
	if err != nil || string(f.Data) != "# 南屯镇\n" || f.Size != 12 || len(f.SHA256) != 64 {
		t.Errorf("a symlink to a regular file is read: %+v %v", f, err)
	}
}

// TestReasonCodes: every reason of this package has a stable code, and a
// password error tells the user about --password.
func TestReasonCodes(t *testing.T) {
	for _, label := range []string{ReasonOpen, ReasonFIFO, ReasonDevice, ReasonTooLarge, ReasonLimit, ReasonTimeout, ReasonPDFOCR, ReasonPDFUndecode, ReasonPDFPassword, ErrEmpty.Error()} {
		code := ReasonCode(label)
		if code == "" || ReasonLabel(code) != label || strings.ContainsAny(code, " （(") {
			t.Errorf("%q has code %q", label, code)
		}
	}
	if !strings.Contains(ReasonPDFPassword, "--password") || !strings.Contains(ReasonPDFWrongPwd, "--password") {
		t.Errorf("password reasons do not name --password")
	}
	if ReasonCode("旧的说法") != "read-error" {
		t.Errorf("an unknown label is not read-error")
	}
}
