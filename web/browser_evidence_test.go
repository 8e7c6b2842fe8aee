package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

// TestBrowserPDFEvidence opens the PDF print of the reference report,
// selects its total-mismatch finding and sees page 1 drawn by pdf.js with a
// box over the stated figure 937.131003, ink under the box; then opens the
// finding's link and sees the same box drawn on load. With
// JIXIAO_SCREENSHOTS set it writes serve-evidence.png there.
func TestBrowserPDFEvidence(t *testing.T) {
	ctx, events := browser(t)
	f, id, _ := pdfFixture(t, Options{})
	base, _ := f.serving(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	do(t, ctx, "open the PDF report",
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(base+"/reports/"+id),
		chromedp.WaitVisible(css(`.finding[data-key="total-mismatch"]`)),
	)
	if hidden := eval[bool](t, ctx, `document.getElementById('pdf-view').hidden`); !hidden {
		t.Error("page viewer shown before anything is selected")
	}
	do(t, ctx, "select total-mismatch",
		chromedp.Click(css(`.finding[data-key="total-mismatch"] .finding-head`)),
		chromedp.WaitVisible(css(`#pdf-page .pdf-box.figure`)),
	)
	checkDrawn(t, ctx, "selected", "原件第 1 页")
	t.Logf("page drawn %.0f ms after navigation (pdf.js loaded on selection)",
		eval[float64](t, ctx, `performance.getEntriesByName('pdf-page-drawn').pop().startTime`))

	// The finding's link draws the page on load.
	do(t, ctx, "open the finding's link",
		chromedp.Navigate(base+"/reports/"+id+"?finding=total-mismatch"),
		chromedp.WaitVisible(css(`#pdf-page .pdf-box.figure`)),
	)
	checkDrawn(t, ctx, "on load", "原件第 1 页")
	t.Logf("page drawn %.0f ms after navigation (finding's link)",
		eval[float64](t, ctx, `performance.getEntriesByName('pdf-page-drawn').pop().startTime`))
	if dir := os.Getenv("JIXIAO_SCREENSHOTS"); dir != "" {
		do(t, ctx, "settle", chromedp.Sleep(200*time.Millisecond))
		png := get(t, ctx, chromedp.CaptureScreenshot())
		if err := os.WriteFile(filepath.Join(dir, "serve-evidence.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	events.check(t)
}

// checkDrawn: the page viewer shows a page captioned caption, with one
// figure box whose text is 937.131003, inside the page and over ink.
func checkDrawn(t *testing.T, ctx context.Context, step, caption string) {
	t.Helper()
	type drawn struct {
		Caption string
		Text    []string
		Inside  bool
		Ink     int
		Canvas  [2]float64
	}
	got := eval[drawn](t, ctx, `(() => {
		const sheet = document.querySelector('#pdf-page .pdf-sheet');
		const canvas = sheet.querySelector('canvas');
		const boxes = Array.from(sheet.querySelectorAll('.pdf-box.figure'));
		const s = sheet.getBoundingClientRect();
		const inside = boxes.every((b) => { const r = b.getBoundingClientRect();
			return r.left >= s.left && r.right <= s.right && r.top >= s.top && r.bottom <= s.bottom && r.width > 20 && r.height > 8; });
		// Dark pixels of the rendered page under the first box: the figure's glyphs.
		const b = boxes[0], k = canvas.width / canvas.clientWidth;
		const px = canvas.getContext('2d').getImageData(b.offsetLeft * k, b.offsetTop * k, b.offsetWidth * k, b.offsetHeight * k).data;
		let ink = 0;
		for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && px[i] + px[i + 1] + px[i + 2] < 300) ink++;
		return { Caption: document.getElementById('pdf-caption').textContent, Text: boxes.map((b) => b.dataset.text),
			Inside: inside, Ink: ink, Canvas: [canvas.clientWidth, canvas.clientHeight] };
	})()`)
	if got.Caption != caption || len(got.Text) != 1 || got.Text[0] != "937.131003" || !got.Inside || got.Ink < 50 {
		t.Errorf("%s: drawn %+v; want %q, one box 937.131003 inside the page over ink", step, got, caption)
	}
	// A4 shown at the pane's width keeps its proportions.
	if r := got.Canvas[1] / got.Canvas[0]; r < 1.40 || r > 1.43 {
		t.Errorf("%s: canvas %v", step, got.Canvas)
	}
}

// TestBrowserPDFEvidenceOfCopy: the reference report received as Markdown
// and as a PDF print; the Markdown report's finding link draws the PDF's
// page with the figure boxed, captioned with the PDF's name.
func TestBrowserPDFEvidenceOfCopy(t *testing.T) {
	ctx, events := browser(t)
	data, err := os.ReadFile(referencePrint)
	if err != nil {
		t.Fatal(err)
	}
	pdfPath := filepath.Join(t.TempDir(), "南屯镇2023.pdf")
	if err := os.WriteFile(pdfPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFixtureOf(t, Options{}, referenceReport, pdfPath)
	base, _ := f.serving(t)
	do(t, ctx, "open the Markdown report's finding",
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(base+"/reports/"+nantunID+"?finding=total-mismatch"),
		chromedp.WaitVisible(chromedp.CSS(`#pdf-page .pdf-box.figure`)),
	)
	checkDrawn(t, ctx, "copy", "原件第 1 页（同一报告的 PDF 文件 南屯镇2023.pdf）")
	events.check(t)
}

// openPDFEvidence ingests the PDF print of the reference report into f's
// corpus while the server runs, opens its total-mismatch finding and sees
// the figure boxed on page 1 (a step of the browser tests on a large
// corpus).
func openPDFEvidence(t *testing.T, ctx context.Context, f *fixture, base string) {
	t.Helper()
	data, err := os.ReadFile(referencePrint)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "nantun-2023.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := f.store.Ingest(context.Background(), []string{path}, corpus.IngestOptions{Workers: 1, Index: index.NewSync(f.store, f.ix)})
	if err != nil || sum.Failed != 0 {
		t.Fatalf("ingesting the print: %+v %v", sum, err)
	}
	h := sha256.Sum256(data)
	do(t, ctx, "open the PDF report's finding",
		chromedp.Navigate(base+"/reports/"+hex.EncodeToString(h[:])[:12]+"?finding=total-mismatch"),
		chromedp.WaitVisible(chromedp.CSS(`#pdf-page .pdf-box.figure`)),
	)
	checkDrawn(t, ctx, "PDF report", "原件第 1 页")
}
