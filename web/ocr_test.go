package web

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

// TestOCRMarks: a report whose first page was read by OCR (its stated total,
// confidence 90, and item 1, confidence 64) says so above its records; the
// OCR'd total and item, and the total mismatch that rests on them (lowest
// confidence 64), are marked 请核对原件 on the report page and in the list
// of findings; item 2, from the text layer of page 2, is not.
func TestOCRMarks(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "corpus")
	s, err := corpus.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	amount := func(raw string) money.Amount {
		a, err := money.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	conf := func(n int) extract.OCRMark { return extract.OCRMark{OCR: true, Confidence: &n} }
	r := &extract.Report{Unit: "扫描镇", Year: 2021, Genre: extract.Narrative, OCRPages: []int{1}, Extractor: extract.Version}
	total := amount("937.131003万元")
	r.Stated.Total, r.Stated.TotalWan, r.Stated.Page, r.Stated.Span, r.Stated.OCRMark = &total, &total.Wan, 1, &extract.Span{0, 10}, conf(90)
	it1 := extract.Item{Seq: 1, Name: "驻村工作队经费", Page: 1, Span: extract.Span{20, 40}, Disbursement: extract.Unknown, Subprojects: 1, OCRMark: conf(64)}
	it1.SetBudget(amount("905.534931万元"))
	it2 := extract.Item{Seq: 2, Name: "农村公路养护", Page: 2, Span: extract.Span{60, 80}, Disbursement: extract.Unknown, Subprojects: 1}
	it2.SetBudget(amount("10万元"))
	r.Items = []extract.Item{it1, it2}
	doc, err := ingest.Read(ctx, "/r/scan.txt", []byte("扫描镇 2021 年绩效自评报告"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Put(ctx, doc, r, validate.Report(r))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(s.IndexPath(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	srv, err := New(s, ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, srv: srv}

	mark := func(c string) string {
		return `<span class="ocr-mark" title="由 OCR 从扫描件读出，识别置信度 ` + c + `：数字可能有误，请核对原件">OCR ` + c + ` · 请核对原件</span>`
	}
	page := f.get("/reports/" + id).Body.String()
	for _, want := range []string{
		`<p class="notice notice-warning ocr-pages">第 1 页由 OCR 从扫描件读出`,
		`<dd class="num">937.131003 万元` + mark("90") + `</dd>`, // the stated total
		`<td class="num">1` + mark("64") + `</td>`,             // item 1, page 1
		`<td class="num">2</td>`,                               // item 2, page 2: no mark
		`<span class="muted small">第 1 页</span>
            ` + mark("64"), // the finding
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report page lacks %s", want)
		}
	}
	if n := strings.Count(page, `<span class="ocr-mark" title=`); n != 3 {
		t.Errorf("report page: %d marks, want 3 (total, item 1, finding)", n)
	}
	list := f.get("/findings").Body.String()
	if !strings.Contains(list, `<div class="muted small mono key">total-mismatch</div>`+mark("64")+`</td>`) {
		t.Errorf("findings list does not mark the total mismatch:\n%s", list)
	}
	if n := strings.Count(list, `<span class="ocr-mark"`); n != 1 {
		t.Errorf("findings list: %d marks, want 1", n)
	}
}
