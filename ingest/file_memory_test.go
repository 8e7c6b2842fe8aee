package ingest

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// TestLoadHoldsTheTextOnce: a large text file is read into one buffer of its
// size (io.ReadAll's doubling cost up to twice that, plus the copies left
// behind), and a UTF-8 text read from a loaded file is that buffer, not a
// copy of it; bytes handed to Read by a caller stay the caller's (copied).
func TestLoadHoldsTheTextOnce(t *testing.T) {
	one, err := os.ReadFile("../testdata/nantun-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat(string(one), (4<<20)/len(one)+1) // 4 MB
	path := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f, err := Load(path)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(len(text))+64<<10; got > limit {
		t.Errorf("Load of %d bytes allocated %d bytes, want at most %d", len(text), got, limit)
	}
	if string(f.Data) != text {
		t.Fatal("Load read other bytes")
	}
	doc, err := f.Read(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 1 || unsafe.StringData(doc.Pages[0].Text) != unsafe.SliceData(f.Data) {
		t.Errorf("the page's text of a loaded UTF-8 file is a copy of the file's bytes")
	}

	data := []byte("南屯镇 2023 年度绩效自评报告\n")
	doc, err = Read(context.Background(), "caller.md", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	copy(data, "xxxxxxxxx")
	if doc.Pages[0].Text != "南屯镇 2023 年度绩效自评报告\n" {
		t.Errorf("the caller's bytes changed the page's text: %q", doc.Pages[0].Text)
	}
}
