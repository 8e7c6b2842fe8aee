package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/corpus"
)

// referencePrint is the reference report printed to PDF by LibreOffice.
const referencePrint = "../ingest/pdf/testdata/printed/01_lo_txt_default.pdf"

// pdfFixture is a server over a corpus of one print of the reference
// report, copied to a temporary directory (so that a test may move it);
// it returns the fixture, the report's id and the copy's path.
func pdfFixture(t *testing.T, opt Options) (*fixture, string, string) {
	t.Helper()
	data, err := os.ReadFile(referencePrint)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "nantun-2023.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFixtureOf(t, opt, path)
	list, err := f.store.List(context.Background(), corpus.Filter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("reports %v %v", list, err)
	}
	return f, list[0].ID, path
}

// TestPDFEvidence: the total-mismatch finding of the reference report's
// PDF print (937.131003 stated, 905.534931 the items' sum) has, on page 1,
// a box whose text is the stated figure, inside the page; the original is
// served while its bytes are those read, and not once they change.
func TestPDFEvidence(t *testing.T) {
	f, id, path := pdfFixture(t, Options{})
	ctx := context.Background()
	sr, err := f.store.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := f.store.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ev := pdfEvidence(doc, reportTargets(sr), targetFigures(sr))
	ref := ""
	for i, fd := range sr.Findings {
		if fd.Rule == "total-mismatch" {
			if fd.Expected.String() != "937.131003" || fd.Actual.String() != "905.534931" {
				t.Fatalf("total-mismatch %s vs %s", fd.Expected, fd.Actual)
			}
			ref = "f" + itoa(i)
		}
	}
	got, ok := ev[ref]
	if !ok {
		t.Fatalf("no page evidence for the total-mismatch finding %q: %v", ref, ev)
	}
	var figures []evidenceBox
	for _, b := range got.Boxes {
		if b.Figure {
			figures = append(figures, b)
		}
	}
	want := evidenceBox{X0: 375, Y0: 446.89, X1: 435.11, Y1: 456.89, Text: "937.131003", Figure: true}
	if got.Page != 1 || len(figures) != 1 || figures[0] != want {
		t.Errorf("page %d, figure boxes %+v; want page 1, %+v", got.Page, figures, want)
	}
	if g := got.Geometry; g.CropBox[2] < want.X1 || g.CropBox[3] < want.Y1 || g.Rotate != 0 {
		t.Errorf("geometry %+v", g)
	}

	// Pages without boxes (read by OCR, or stored before boxes were kept)
	// still place the evidence on its page.
	bare := *doc
	bare.Pages = slices.Clone(doc.Pages)
	for i := range bare.Pages {
		bare.Pages[i].Boxes, bare.Pages[i].Geometry = nil, nil
	}
	if old := pdfEvidence(&bare, reportTargets(sr), targetFigures(sr))[ref]; old.Page != 1 || len(old.Boxes) != 0 || old.Geometry != nil {
		t.Errorf("without boxes: %+v, want page 1 alone", old)
	}

	// The report page carries the viewer; the API the boxes.
	body := f.get("/reports/" + id).Body.String()
	for _, s := range []string{`id="pdf-view"`, `data-evidence="/api/reports/` + id + `/evidence"`, `src="/static/evidence.js"`} {
		if !strings.Contains(body, s) {
			t.Errorf("report page lacks %s", s)
		}
	}
	var api evidenceJSON
	if w := f.get("/api/reports/" + id + "/evidence"); w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &api) != nil {
		t.Fatalf("evidence API: %d %s", w.Code, w.Body.String())
	}
	if api.Original != "/reports/"+id+"/original" || len(api.Targets) != len(ev) || !slices.Contains(api.Targets[ref].Boxes, want) {
		t.Errorf("evidence API: original %q, %d targets (want %d), %s: %+v", api.Original, len(api.Targets), len(ev), ref, api.Targets[ref])
	}
	// The embedded pdf.js is served.
	for _, name := range []string{"pdf.min.mjs", "pdf.worker.min.mjs", "GBK-EUC-H.bcmap", "evidence.js"} {
		if w := f.get("/static/" + name); w.Code != http.StatusOK || w.Body.Len() < 1000 {
			t.Errorf("/static/%s: %d, %d bytes", name, w.Code, w.Body.Len())
		}
	}

	orig, _ := os.ReadFile(path)
	w := f.get("/reports/" + id + "/original")
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/pdf" || !bytes.Equal(w.Body.Bytes(), orig) {
		t.Errorf("original: %d %s, %d bytes of %d", w.Code, w.Header().Get("Content-Type"), w.Body.Len(), len(orig))
	}
	if err := os.WriteFile(path, append(orig, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if w := f.get("/reports/" + id + "/original"); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "已移动或已修改") {
		t.Errorf("changed original: %d %s", w.Code, w.Body.String())
	}
	// Other formats have no page.
	g := newFixture(t, Options{})
	if w := g.get("/reports/" + nantunID + "/original"); w.Code != http.StatusNotFound {
		t.Errorf("original of a Markdown report: %d", w.Code)
	}
	if body := g.get("/reports/" + nantunID).Body.String(); strings.Contains(body, `id="pdf-view"`) {
		t.Error("a Markdown report has a page viewer")
	}
	if w := g.get("/api/reports/" + nantunID + "/evidence"); w.Code != http.StatusOK || w.Body.String() != `{"id":"`+nantunID+`","original":"","targets":{}}`+"\n" {
		t.Errorf("evidence API of a Markdown report: %d %s", w.Code, w.Body.String())
	}
}

// TestPDFEvidenceOfCopy: the reference report received as Markdown and as
// a PDF print is one report with two files; the Markdown report's page
// viewer draws the PDF's pages, its total-mismatch finding boxed there.
func TestPDFEvidenceOfCopy(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(referencePrint)
	if err != nil {
		t.Fatal(err)
	}
	pdfPath := filepath.Join(dir, "nantun-2023.pdf")
	if err := os.WriteFile(pdfPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFixtureOf(t, Options{}, referenceReport, pdfPath)
	ctx := context.Background()
	files, err := f.store.Files(ctx, nantunID)
	if err != nil || len(files) != 2 {
		t.Fatalf("files of the reference report: %+v %v", files, err)
	}
	pdfID := pdfCopy(nantunID, files)
	if pdfID == "" {
		t.Fatalf("no PDF among %+v", files)
	}
	if body := f.get("/reports/" + nantunID).Body.String(); !strings.Contains(body, `data-evidence="/api/reports/`+nantunID+`/evidence"`) {
		t.Error("the Markdown report has no page viewer")
	}
	var api evidenceJSON
	if w := f.get("/api/reports/" + nantunID + "/evidence"); w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &api) != nil {
		t.Fatalf("evidence API: %d %s", w.Code, w.Body.String())
	}
	sr, err := f.store.Get(ctx, nantunID)
	if err != nil {
		t.Fatal(err)
	}
	ref := "f" + strconv.Itoa(slices.Index(sr.Keys, "total-mismatch"))
	want := evidenceBox{X0: 375, Y0: 446.89, X1: 435.11, Y1: 456.89, Text: "937.131003", Figure: true}
	if api.Source != pdfID || api.File != pdfPath || api.Original != "/reports/"+pdfID+"/original" ||
		api.Targets[ref].Page != 1 || !slices.Contains(api.Targets[ref].Boxes, want) {
		t.Errorf("evidence of the Markdown report: source %s file %s original %s, %s: %+v", api.Source, api.File, api.Original, ref, api.Targets[ref])
	}
	if len(api.Targets) < 40 {
		t.Errorf("%d targets placed on the PDF's pages", len(api.Targets))
	}
}

// TestPDFEvidenceToken: with --token, the original and the boxes are the
// token holder's only, like every page.
func TestPDFEvidenceToken(t *testing.T) {
	const tok = "s3cret-Token"
	f, id, _ := pdfFixture(t, Options{Token: tok})
	for _, target := range []string{"/reports/" + id + "/original", "/api/reports/" + id + "/evidence", "/static/pdf.worker.min.mjs"} {
		r := request(http.MethodGet, target, nil)
		r.Host = "192.168.1.5:8080"
		if w := f.do(r); w.Code != http.StatusUnauthorized || bytes.HasPrefix(w.Body.Bytes(), []byte("%PDF")) {
			t.Errorf("%s without the token: %d", target, w.Code)
		}
		r.Header.Set("Authorization", "Bearer "+tok)
		if w := f.do(r); w.Code != http.StatusOK {
			t.Errorf("%s with the token: %d", target, w.Code)
		}
	}
}

func TestIsFigure(t *testing.T) {
	figs := []decimal.Decimal{decimal.RequireFromString("937.131003"), decimal.RequireFromString("-31.596072")}
	for text, want := range map[string]bool{"937.131003": true, "９３７．１３１００３": true, "９３７.１３１００３": true, "31.596072": true,
		"1,937.131003": false, "937.13": false, "万元": false, "": false, "937，131003": false} {
		if got := isFigure(text, figs); got != want {
			t.Errorf("isFigure(%q) = %v", text, got)
		}
	}
}
