package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/ingest"
)

// upload sends data as the page does, under the relative path rel.
func (f *fixture) upload(rel string, data []byte) (int, uploadResult) {
	f.t.Helper()
	r := request(http.MethodPost, "/api/upload?path="+url.QueryEscape(rel), bytes.NewReader(data))
	r.Header.Set("Content-Type", uploadType)
	w := f.do(r)
	var res uploadResult
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		f.t.Fatalf("upload %s: %d %s", rel, w.Code, w.Body)
	}
	return w.Code, res
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestUpload sends real files through the handler: a PDF (parsed in the
// child process) is stored, indexed and searchable; sent again it is
// skipped; a PDF print of the reference report already in the corpus is a
// copy of it; an encrypted PDF fails with its reason; new bytes at a path
// supersede the report stored from it.
func TestUpload(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	pdf := readFile(t, "../testdata/formats/hengshan-2023-zhengti.pdf")

	code, res := f.upload("衡山县/贯塘乡/自评表.pdf", pdf)
	want := uploadResult{Path: "衡山县/贯塘乡/自评表.pdf", Outcome: "stored", Label: "新入库", Report: res.Report,
		Unit: "衡山县贯塘乡人民政府", Year: 2023, Title: "年度部门整体支出绩效自评表", Findings: 1, Indexed: true}
	if code != 200 || res != want || !validReportID(res.Report) {
		t.Fatalf("first upload: %d %+v", code, res)
	}
	kept := filepath.Join(f.dir, corpus.UploadsDir, "衡山县", "贯塘乡", "自评表.pdf")
	if got, err := os.ReadFile(kept); err != nil || !bytes.Equal(got, pdf) {
		t.Fatalf("kept file %s: %d bytes, %v", kept, len(got), err)
	}
	if e, ok, err := f.store.LedgerLookup(ctx, kept); err != nil || !ok || e.ReportID != res.Report || e.Status != corpus.StatusOK {
		t.Errorf("ledger of %s: %+v %v %v", kept, e, ok, err)
	}
	hits, err := f.ix.Search(ctx, index.Query{Text: "贯塘乡", Size: 10})
	if err != nil || hits.Total == 0 || hits.Hits[0].Report != res.Report {
		t.Errorf("search after upload: %+v %v", hits, err)
	}
	first := res.Report

	// The same bytes again: in already, nothing extracted.
	if code, res = f.upload("衡山县/贯塘乡/自评表.pdf", pdf); code != 200 || res.Outcome != "skipped" || res.Label != "已在库中" || res.Report != first {
		t.Errorf("second upload: %d %+v", code, res)
	}
	// The same bytes at another path: a duplicate of the stored report.
	if code, res = f.upload("备份/自评表.pdf", pdf); code != 200 || res.Outcome != "duplicate" || res.Report != first {
		t.Errorf("upload elsewhere: %d %+v", code, res)
	}

	// A PDF print of the reference report: one report, another file.
	code, res = f.upload("南屯镇/2023.pdf", readFile(t, "../ingest/pdf/testdata/printed/05_lo_odt_wqymicrohei14.pdf"))
	if code != 200 || res.Outcome != "stored" || !res.Copy || res.Report != nantunID || res.Unit != "南屯镇" || res.Findings != 12 {
		t.Errorf("print of the reference report: %d %+v", code, res)
	}
	if files, err := f.store.Files(ctx, nantunID); err != nil || len(files) != 2 {
		t.Errorf("files of the reference report: %+v %v", files, err)
	}

	// An encrypted PDF: failed, with the reason ingest gives, named by the
	// path sent (never the server's directory).
	code, res = f.upload("加密.pdf", readFile(t, "../ingest/pdf/testdata/bad/b07_enc_aes256_userpw.pdf"))
	if code != 200 || res.Outcome != "failed" || res.Code != "pdf-password-required" || !strings.HasPrefix(res.Reason, "PDF 需要密码") ||
		!strings.HasPrefix(res.Error, "加密.pdf: ") || strings.Contains(res.Error, f.dir) {
		t.Errorf("encrypted PDF: %d %+v", code, res)
	}

	// New bytes at a stored path: a new version supersedes the report.
	code, res = f.upload("衡山县/贯塘乡/自评表.pdf", readFile(t, "../testdata/formats/hengshan-2023-zhengti.docx"))
	if code != 200 || res.Outcome != "stored" || res.Superseded != 1 || res.Report == first || res.Title != "2023年度部门整体支出绩效自评表" {
		t.Errorf("new version: %d %+v", code, res)
	}
	if old, err := f.store.Get(ctx, first); err != nil || old.SupersededBy != res.Report {
		t.Errorf("old version: superseded by %q, %v", old.SupersededBy, err)
	}

	// The folder the files came in names the county: the unit filter offers
	// it, and "衡山县/" selects what is under it.
	w := f.get("/reports")
	if body := w.Body.String(); !strings.Contains(body, `<option value="衡山县/" label="衡山县 及所属 1 个单位">`) ||
		!strings.Contains(body, `<option value="=衡山县贯塘乡人民政府" label="衡山县 › 衡山县贯塘乡人民政府">`) {
		t.Errorf("the unit filter lacks the county 衡山县")
	}
	var list reportList
	if w := f.get("/api/reports?unit=" + url.QueryEscape("衡山县/")); w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &list) != nil ||
		list.Total != 1 || list.Reports[0].Unit != "衡山县贯塘乡人民政府" {
		t.Errorf("reports under 衡山县/: %d %s", w.Code, w.Body)
	}
	if w := f.get("/findings?unit=" + url.QueryEscape("衡山县/")); !strings.Contains(w.Body.String(), "单位：衡山县 及所属单位") {
		t.Errorf("findings under 衡山县/: no chip")
	}
}

// TestUploadRefused: what an upload may not be.
func TestUploadRefused(t *testing.T) {
	f := newFixture(t, Options{})
	send := func(path, ctype string, hdr map[string]string, body []byte) int {
		r := request(http.MethodPost, "/api/upload?path="+url.QueryEscape(path), bytes.NewReader(body))
		r.Header.Set("Content-Type", ctype)
		for k, v := range hdr {
			r.Header.Set(k, v)
		}
		return f.do(r).Code
	}
	body := []byte("南屯镇2023年部门年度绩效自评工作报告")
	for _, c := range []struct {
		name, path, ctype string
		hdr               map[string]string
		want              int
	}{
		{"dot dot", "../x.txt", uploadType, nil, 400},
		{"absolute", "/etc/x.txt", uploadType, nil, 400},
		{"inner dot dot", "a/../../x.txt", uploadType, nil, 400},
		{"hidden", "a/.x.txt", uploadType, nil, 400},
		{"backslash", `a\x.txt`, uploadType, nil, 400},
		{"control", "a\nx.txt", uploadType, nil, 400},
		{"no path", "", uploadType, nil, 400},
		{"form", "x.txt", "multipart/form-data; boundary=x", nil, 415},
		{"text/plain", "x.txt", "text/plain", nil, 415},
		{"cross site", "x.txt", uploadType, map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, 403},
	} {
		if got := send(c.path, c.ctype, c.hdr, body); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
	if ents, err := os.ReadDir(f.store.UploadsPath()); err == nil || len(ents) != 0 {
		t.Errorf("refused uploads left files: %v %v", ents, err)
	}

	// Over the size limit: refused before any byte is kept, with the reason
	// `jixiao ingest` gives.
	r := request(http.MethodPost, "/api/upload?path=big.pdf", bytes.NewReader(body))
	r.Header.Set("Content-Type", uploadType)
	r.ContentLength = ingest.MaxFileSize + 1
	w := f.do(r)
	var res uploadResult
	json.Unmarshal(w.Body.Bytes(), &res)
	if w.Code != http.StatusRequestEntityTooLarge || res.Outcome != "failed" || res.Code != "too-large" || res.Reason != ingest.ReasonTooLarge {
		t.Errorf("too large: %d %s", w.Code, w.Body)
	}
}

func TestUploadPath(t *testing.T) {
	f := newFixture(t, Options{})
	for in, want := range map[string]string{"a.pdf": "a.pdf", "县/乡 镇/a.pdf": filepath.Join("县", "乡 镇", "a.pdf")} {
		if got, err := f.store.UploadPath(in); err != nil || got != filepath.Join(f.store.UploadsPath(), want) {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	if _, err := f.store.UploadPath(strings.Repeat("a/", corpus.MaxUploadDepth) + "x"); !errors.Is(err, corpus.ErrUploadPath) {
		t.Errorf("too deep: %v", err)
	}
}
