//go:build unix

package corpus

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestIngestReportsWhatIsNotAFile: inside a folder, a FIFO, a broken link and
// a link to a device are reported with their reasons, not skipped unseen and
// not read (a FIFO would block the batch, /dev/zero never end); the ordinary
// report beside them is stored.
func TestIngestReportsWhatIsNotAFile(t *testing.T) {
	src := t.TempDir()
	text, err := os.ReadFile("../testdata/nantun-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, src, map[string]string{"ok/nantun-2023.md": string(text)})
	if err := syscall.Mkfifo(filepath.Join(src, "pipe.md"), 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	os.Symlink(filepath.Join(src, "gone.md"), filepath.Join(src, "broken.md"))
	os.Symlink("/dev/zero", filepath.Join(src, "zero.txt"))
	os.Symlink(filepath.Join(src, "ok"), filepath.Join(src, "linked-folder"))

	s := openTemp(t)
	sum, err := s.Ingest(context.Background(), []string{src}, IngestOptions{Workers: 2, Read: testRead})
	if err != nil {
		t.Fatal(err)
	}
	got, codes := map[string]string{}, map[string]string{}
	for _, f := range sum.Failures {
		got[filepath.Base(f.Path)] = f.Reason
		codes[filepath.Base(f.Path)] = f.Code
	}
	// the stable codes programs group by, beside the labels people read
	if codes["pipe.md"] != "fifo" || codes["broken.md"] != "cannot-open" || codes["zero.txt"] != "device" {
		t.Errorf("codes %v", codes)
	}
	if br := sum.ByReason(); len(br) != 3 || br[0].Code != "cannot-open" || br[0].Reason != "无法打开 (cannot open)" {
		t.Errorf("ByReason = %+v", br)
	}
	want := map[string]string{
		"pipe.md":   "是管道 (FIFO)，不是普通文件 (not a regular file)",
		"broken.md": "无法打开 (cannot open)",
		"zero.txt":  "是设备文件，不是普通文件 (not a regular file)",
	}
	if sum.Stored != 1 || sum.Failed != 3 || len(got) != 3 {
		t.Errorf("summary %+v", sum)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: reason %q, want %q", k, got[k], v)
		}
	}
}
