package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMessagesSayEachThingOnce: a file that cannot be read is named once,
// its reason once, and the details in Chinese (with English beside), without
// the reader's own sentinel said again or Go's text for a missing file.
func TestMessagesSayEachThingOnce(t *testing.T) {
	for _, c := range []struct {
		file string
		want string
		once string // a phrase that must appear once
	}{
		{"pdf/testdata/printed/02_lo_docx_notoserif16.pdf#half", "PDF 文件损坏 (damaged): 文件不完整，可能被截断 (truncated file); 找不到页面 (no pages)", "损坏"},
		{"pdf/testdata/bad/b07_enc_aes256_userpw.pdf", "PDF 需要密码，请用 --password 提供 (password required: use --password)", "密码"},
		{"pdf/testdata/bad/b12_scanned_image_only.pdf", "需要 OCR (needs OCR): 2 页都没有可读的文字 (no page has text)", "需要 OCR"},
		{"pdf/testdata/crafted/c5_pages_cycle.pdf", "PDF 文件损坏 (damaged): 找不到页面 (no pages); 页面树有循环 (page tree cycle)", "损坏"},
	} {
		path, half := strings.CutSuffix(c.file, "#half")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if half {
			data = data[:len(data)/2] // a print cut in the middle: no xref, no trailer
		}
		_, err = Read(context.Background(), c.file, data, Options{PDFInProcess: true, NoOCR: true})
		if err == nil {
			t.Fatalf("%s: read", c.file)
		}
		msg := err.Error()
		if !strings.HasSuffix(msg, c.want) || strings.Count(msg, c.once) != 1 || strings.Count(msg, filepath.Base(c.file)) != 1 {
			t.Errorf("%s:\n got %q\nwant …%q, %q once", c.file, msg, c.want, c.once)
		}
	}
	_, err := ReadFile(context.Background(), filepath.Join(t.TempDir(), "missing.pdf"), Options{})
	if err == nil || !strings.HasSuffix(err.Error(), "missing.pdf: 无法打开 (cannot open): 文件不存在 (no such file)") {
		t.Errorf("missing file: %v", err)
	}
	docx := filepath.Join(t.TempDir(), "cut.docx")
	os.WriteFile(docx, []byte("PK\x03\x04 cut short"), 0o644)
	if _, err := ReadFile(context.Background(), docx, Options{}); err == nil || strings.Contains(err.Error(), "zip: ") {
		t.Errorf("cut DOCX: %v", err)
	}
}
