package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/width"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/ingest/pdf"
)

// Evidence on the page: for a report read from a PDF, the page a finding or
// record rests on is drawn by pdf.js (embedded, static/pdfjs) from the
// original file, with the boxes of its evidence over it. The boxes come
// from the stored pages (ingest.Page.Boxes); the file is read again by the
// store from the path it was ingested from (corpus.Store.Original), and is
// served only while its bytes still hash to the report's SHA-256.

// pageEvidence is where one target's evidence lies in the original PDF:
// a page number (1-based) with its geometry, and boxes in PDF user space.
// Figure marks the boxes whose text is one of the target's figures (the
// figure itself, not the sentence around it). A page read by OCR, or one
// ingested before the boxes were kept, has no boxes: the page alone is
// shown.
type pageEvidence struct {
	Page     int           `json:"page"`
	Geometry *pdf.Geometry `json:"geometry,omitempty"`
	Boxes    []evidenceBox `json:"boxes"`
}

type evidenceBox struct {
	X0     float64 `json:"x0"`
	Y0     float64 `json:"y0"`
	X1     float64 `json:"x1"`
	Y1     float64 `json:"y1"`
	Text   string  `json:"text"`
	Figure bool    `json:"figure,omitempty"`
}

// pdfEvidence gives, by target id, where each target's evidence lies on
// the pages of doc; nil when doc is not a PDF. A target whose spans run
// over several pages is placed on the page of its first span.
func pdfEvidence(doc *ingest.Document, targets []target, figures map[string][]decimal.Decimal) map[string]pageEvidence {
	if doc.Format != ingest.FormatPDF {
		return nil
	}
	out := map[string]pageEvidence{}
	for _, t := range targets {
		ev := pageEvidence{Page: -1}
		for _, sp := range t.spans {
			pi, s, e, ok := doc.PageSpan(sp[0], sp[1])
			if !ok || ev.Page >= 0 && doc.Pages[pi].N != ev.Page {
				continue
			}
			p := &doc.Pages[pi]
			ev.Page, ev.Geometry = p.N, p.Geometry
			for _, b := range p.BoxesOf(s, e) {
				text := p.Text[b.Start:b.End]
				ev.Boxes = append(ev.Boxes, evidenceBox{X0: b.X0, Y0: b.Y0, X1: b.X1, Y1: b.Y1, Text: text,
					Figure: isFigure(text, figures[t.id])})
			}
		}
		if ev.Page >= 0 {
			if ev.Boxes == nil {
				ev.Boxes = []evidenceBox{}
			}
			out[t.id] = ev
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// isFigure tells whether a run of text is, as written, one of the figures
// (thousands separators and full-width digits aside): 937.131003 or
// ９３７.１３１００３ for 937.131003, not 937.13.
func isFigure(text string, figures []decimal.Decimal) bool {
	if len(figures) == 0 {
		return false
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(width.Narrow.String(text), ",", ""))
	if err != nil {
		return false
	}
	for _, f := range figures {
		if d.Equal(f) || d.Equal(f.Abs()) {
			return true
		}
	}
	return false
}

// targetFigures are the figures each target names: a finding's expected,
// actual and difference, an item's budget and actual.
func targetFigures(sr *corpus.StoredReport) map[string][]decimal.Decimal {
	out := map[string][]decimal.Decimal{}
	add := func(id string, ds ...*decimal.Decimal) {
		for _, d := range ds {
			if d != nil {
				out[id] = append(out[id], *d)
			}
		}
	}
	for i, f := range sr.Findings {
		add(fmt.Sprintf("f%d", i), f.Expected, f.Actual, f.Diff)
	}
	for _, it := range sr.Report.Items {
		add(fmt.Sprintf("i%d", it.Seq), it.BudgetWan, it.ActualWan)
	}
	return out
}

// evidenceJSON is the answer of GET /api/reports/{id}/evidence: the
// original PDF the pages are drawn from (the report's own file, or that of
// a copy of it received as PDF), and each target's evidence on its page, by
// target id (the ids of the report page: f3, i17, r2, x5).
type evidenceJSON struct {
	ID       string                  `json:"id"`
	Source   string                  `json:"source,omitempty"` // the report whose file is drawn
	File     string                  `json:"file,omitempty"`   // its path
	Original string                  `json:"original"`
	Targets  map[string]pageEvidence `json:"targets"`
}

// apiEvidence: /api/reports/{id}/evidence — fetched by the page viewer on
// the first selection, so that the report page itself stays the size it
// was (the boxes of every target are a third of it again).
func (s *Server) apiEvidence(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := s.resolveID(ctx, r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out, err := s.evidence(ctx, id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// evidence finds where the targets of report id lie on the pages of a PDF:
// its own when it was read from one, else those of its first copy received
// as PDF (the same report in another format: one report, several files).
// The targets of a copy are matched to the report's own by finding key,
// item number, and row.
func (s *Server) evidence(ctx context.Context, id string) (evidenceJSON, error) {
	out := evidenceJSON{ID: id, Targets: map[string]pageEvidence{}}
	sr, err := s.store.Get(ctx, id)
	if err != nil {
		return out, err
	}
	doc, err := s.store.Document(ctx, id)
	if err != nil {
		return out, err
	}
	src, srcDoc := sr, doc
	if doc.Format != ingest.FormatPDF {
		files, err := s.store.Files(ctx, id)
		if err != nil {
			return out, err
		}
		other := pdfCopy(id, files)
		if other == "" {
			return out, nil
		}
		if src, err = s.store.Get(ctx, other); err != nil {
			return out, err
		}
		if srcDoc, err = s.store.Document(ctx, other); err != nil {
			return out, err
		}
	}
	found := pdfEvidence(srcDoc, reportTargets(src), targetFigures(src))
	if len(found) == 0 {
		return out, nil
	}
	out.Source, out.File, out.Original = src.ID, srcDoc.Source, "/reports/"+src.ID+"/original"
	if src == sr {
		out.Targets = found
		return out, nil
	}
	// The copy's findings by key: f{j} there is f{i} here.
	refOf := map[string]string{}
	for j, k := range src.Keys {
		refOf[k] = "f" + strconv.Itoa(j)
	}
	for i, k := range sr.Keys {
		if ev, ok := found[refOf[k]]; ok {
			out.Targets["f"+strconv.Itoa(i)] = ev
		}
	}
	for ref, ev := range found {
		if !strings.HasPrefix(ref, "f") { // items by number, rows by place
			out.Targets[ref] = ev
		}
	}
	return out, nil
}

// pdfCopy is the first of files, other than report id's own, that is a PDF.
func pdfCopy(id string, files []corpus.FileRef) string {
	for _, f := range files {
		if f.Report != id && f.Format == string(ingest.FormatPDF) {
			return f.Report
		}
	}
	return ""
}

// hasPages tells whether the page viewer has pages to show for report id
// (read from doc, received as files): its own, or those of a copy
// received as PDF.
func hasPages(id string, doc *ingest.Document, files []corpus.FileRef) bool {
	return doc.Format == ingest.FormatPDF || pdfCopy(id, files) != ""
}

// originalPDF: /reports/{id}/original — the PDF report id was read from,
// for the page viewer. Other formats have no page to show.
func (s *Server) originalPDF(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := s.resolveID(ctx, r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	doc, err := s.store.Document(ctx, id)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if doc.Format != ingest.FormatPDF {
		s.errorPage(w, http.StatusNotFound, "此报告不是 PDF，没有页面可显示。")
		return
	}
	data, path, err := s.store.Original(ctx, id)
	if errors.Is(err, corpus.ErrOriginalGone) {
		s.errorPage(w, http.StatusNotFound, "原件 "+path+" 已移动或已修改，无法显示页面。")
		return
	}
	if err != nil {
		s.internalError(w, r, err, false)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `inline; filename="`+id+`.pdf"`)
	h.Set("Cache-Control", "private, no-cache")
	h.Set("ETag", `"`+doc.SHA256+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}
