package ingest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/ingest/ocr"
)

// TestSniffImage: image files are told by their magic numbers, whatever
// their name.
func TestSniffImage(t *testing.T) {
	for name, head := range map[string]string{
		"jpeg": "\xFF\xD8\xFF\xE0\x00\x10JFIF", "png": "\x89PNG\r\n\x1a\n\x00", "tiff-le": "II*\x00\x08\x00",
		"tiff-be": "MM\x00*\x00\x00", "webp": "RIFF\x10\x00\x00\x00WEBPVP8 ",
	} {
		if f := Sniff([]byte(head)); f != FormatImage {
			t.Errorf("%s: %s, want image", name, f)
		}
	}
	for _, text := range []string{"II 项目", "MM", "RIFF only"} {
		if f := Sniff([]byte(text)); f == FormatImage {
			t.Errorf("%q sniffed as an image", text)
		}
	}
}

// TestImageFile: a multi-page TIFF (a real published table, scanned as a
// fax: bilevel, CCITT G4) is read by OCR in the child process, a page for
// each of its pages, every page marked as OCR'd.
func TestImageFile(t *testing.T) {
	ocr.RequireOrSkip(t)
	doc, err := ReadFile(context.Background(), "../testdata/scans/yunnan-yongde-minglangzhongxue-2022-yingyang-200.tif", Options{Timeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatImage || len(doc.Pages) != 2 || !doc.Pages[0].OCR || !doc.Pages[1].OCR || !doc.HasOCR() {
		t.Fatalf("format %s, %d pages", doc.Format, len(doc.Pages))
	}
	for _, want := range []string{"项目支出绩效自评表", "年度资金总额"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	i := strings.Index(doc.Text, "年度资金总额")
	if conf, ok := doc.OCRAt(i, i+len("年度资金总额")); !ok || conf <= 0 || conf > 100 {
		t.Errorf("OCRAt = %d %v", conf, ok)
	}
}
