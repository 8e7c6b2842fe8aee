package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/ingest/ocr"
)

// TestOCRScanned: a PDF of page images (the reference report's first
// pages, scanned) is read by OCR in the child process, every page marked as
// OCR'd with the confidence of each word.
func TestOCRScanned(t *testing.T) {
	ocr.RequireOrSkip(t)
	res, err := Extract(context.Background(), readTestdata(t, "bad", "b12_scanned_image_only.pdf"), Options{Timeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pages) != 2 || len(res.OCR) != 2 || !res.OCR[0].OCR || !res.OCR[1].OCR {
		t.Fatalf("%d pages, OCR %v", len(res.Pages), len(res.OCR))
	}
	text := strings.Join(res.Pages, "\n")
	for _, want := range []string{"预算总金额为", "937.131003万元", "预算金额24万元"} {
		if !strings.Contains(text, want) {
			t.Errorf("OCR text lacks %q", want)
		}
	}
	for i, p := range res.OCR {
		if len(p.Words) < 100 {
			t.Errorf("page %d: %d words", i+1, len(p.Words))
		}
		for _, w := range p.Words {
			if w.Start < 0 || w.End > len(res.Pages[i]) || w.Start >= w.End || w.Conf < 0 || w.Conf > 100 {
				t.Fatalf("page %d: word %+v out of its text (%d bytes)", i+1, w, len(res.Pages[i]))
			}
		}
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "已用 OCR 读出") {
		t.Errorf("warnings %q do not say OCR was used", res.Warnings)
	}
}

// scanPage is the first page image of a scan in testdata/scans, as stored.
func scanPage(t *testing.T, name string) []byte {
	t.Helper()
	imgs, err := pageImages(context.Background(), readTestdata(t, "../../../testdata/scans/"+name), []int{1})
	if err != nil || len(imgs[1]) == 0 {
		t.Fatalf("%s: no page image: %v", name, err)
	}
	return imgs[1][0].data
}

// mixedPDF has a page with a text layer and a page that is a JPEG scan.
func mixedPDF(jpeg []byte) []byte {
	return buildPDF([]pdfObject{
		{body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{body: "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>"},
		{body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R >>"},
		{body: "<< >>", stream: []byte("BT /F1 12 Tf 72 700 Td (Report 2023) Tj ET")},
		{body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.44 841.68] /Resources << /XObject << /Im1 8 0 R >> >> /Contents 6 0 R >>"},
		{body: "<< >>", stream: []byte("q 595.44 0 0 841.68 0 0 cm /Im1 Do Q")},
		{body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
		{body: fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width 1240 /Height 1753 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>", len(jpeg)), stream: jpeg},
	})
}

// TestOCRMixed: in a file of pages with and without a text layer, only the
// page without one is OCR'd, and its image is taken out as stored.
func TestOCRMixed(t *testing.T) {
	ocr.RequireOrSkip(t)
	jpeg := scanPage(t, "yunnan-linxiang-linyeju-2023-shourongsuo-150.pdf")
	if !bytes.HasPrefix(jpeg, []byte{0xFF, 0xD8, 0xFF}) {
		t.Fatal("the scan's page image is not its JPEG")
	}
	for _, isolated := range []bool{false, true} {
		res, err := Extract(context.Background(), mixedPDF(jpeg), Options{InProcess: !isolated, Timeout: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Pages) != 2 || res.Pages[0] != "Report 2023" || len(res.OCR) != 2 || res.OCR[0].OCR || !res.OCR[1].OCR {
			t.Fatalf("isolated=%v: pages %q, OCR %+v", isolated, res.Pages, len(res.OCR))
		}
		for _, want := range []string{"项目支出绩效自评表", "年度资金总额"} {
			if !strings.Contains(res.Pages[1], want) {
				t.Errorf("isolated=%v: the scanned page lacks %q:\n%s", isolated, want, res.Pages[1])
			}
		}
	}
}

// TestOCRNotInstalled: without tesseract, a scanned file says exactly what
// to install, and nothing else changes.
func TestOCRNotInstalled(t *testing.T) {
	was := checkOCR
	checkOCR = func() error { return ocr.ErrNotInstalled }
	defer func() { checkOCR = was }()
	_, err := Extract(context.Background(), readTestdata(t, "bad", "b12_scanned_image_only.pdf"), Options{InProcess: true})
	if !errors.Is(err, ErrNeedsOCR) || !strings.Contains(err.Error(), "apt-get install tesseract-ocr tesseract-ocr-chi-sim") {
		t.Errorf("scanned PDF: %v", err)
	}
	res, err := Extract(context.Background(), mixedPDF([]byte("\xFF\xD8\xFF not read")), Options{InProcess: true})
	if err != nil || res.Pages[0] != "Report 2023" || res.OCR != nil {
		t.Fatalf("mixed: %v %q", err, res.Pages)
	}
	if w := strings.Join(res.Warnings, "\n"); !strings.Contains(w, "第 2 页没有文字层") || !strings.Contains(w, ocr.InstallHint) {
		t.Errorf("mixed: warnings %q", res.Warnings)
	}
	if _, err := OCRImage(context.Background(), []byte("\xFF\xD8\xFF"), Options{InProcess: true}); !errors.Is(err, ErrNeedsOCR) || !strings.Contains(err.Error(), ocr.InstallHint) {
		t.Errorf("image: %v", err)
	}
}
