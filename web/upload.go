package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/ingest"
)

// Upload from the page: each file is sent on its own, as its bytes
// (POST /api/upload?path=folder/name.pdf, Content-Type
// application/octet-stream), kept under the corpus's uploads directory at
// that relative path, and ingested there by corpus.IngestFiles, the path
// `jixiao ingest` takes: the same dedupe by bytes and by report, the same
// ledger (sending a folder again skips what is in; new bytes at a path
// supersede the report stored from it), the same size limit, PDFs parsed in
// a child process. One file per request is what gives the page a progress
// and an outcome per file.

// uploadType is the content type an upload must carry. Like the JSON of the
// other changes, no HTML form can send it to another site, so with the
// cross-origin check no other page can upload.
const uploadType = "application/octet-stream"

// uploadPath is the one endpoint that takes uploadType instead of JSON.
const uploadPath = "/api/upload"

// UploadTimeout bounds one upload: receiving the file, waiting for the
// uploads before it, reading and storing it.
const UploadTimeout = 10 * time.Minute

// ingestMu keeps one upload and its ingest at a time: the browser sends
// files one after the other, and two pages sending at once take turns.
var ingestMu sync.Mutex

// uploadResult is the answer of POST /api/upload: what became of the file.
type uploadResult struct {
	Path       string `json:"path"`              // as sent
	Outcome    string `json:"outcome"`           // stored, duplicate, skipped, failed
	Label      string `json:"label"`             // the outcome in words
	Report     string `json:"report,omitempty"`  // the report to open (of a copy: the report it is a copy of)
	Unit       string `json:"unit,omitempty"`    //
	Year       int    `json:"year,omitempty"`    //
	Title      string `json:"title,omitempty"`   //
	Findings   int    `json:"findings"`          // findings of the report
	Copy       bool   `json:"copy,omitempty"`    // another format or print of a stored report
	Superseded int    `json:"superseded"`        // stored reports this file replaced as a new version
	Code       string `json:"code,omitempty"`    // failed: the reason's stable code
	Reason     string `json:"reason,omitempty"`  // failed: the reason
	Error      string `json:"error,omitempty"`   // failed: the detail
	Indexed    bool   `json:"indexed,omitempty"` // put into the search index
}

// outcomeLabels say each outcome as the summary of `jixiao ingest` does.
var outcomeLabels = map[corpus.Outcome]string{
	corpus.Stored:    "新入库",
	corpus.Duplicate: "内容重复",
	corpus.Skipped:   "已在库中",
	corpus.Failed:    "失败",
}

// apiUpload: POST /api/upload?path=REL with the file's bytes as the body.
func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request) {
	sent := r.URL.Query().Get("path")
	dst, err := s.store.UploadPath(sent)
	if err != nil {
		s.apiFail(w, r, &badRequest{err.Error()})
		return
	}
	if r.ContentLength > ingest.MaxFileSize {
		s.uploadRefused(w, sent, r.ContentLength)
		return
	}
	// A large file on a slow line, then its reading (a scan's OCR), take
	// longer than the server's deadlines for other requests.
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Now().Add(UploadTimeout))
	rc.SetWriteDeadline(time.Now().Add(UploadTimeout))
	ingestMu.Lock()
	defer ingestMu.Unlock()
	err = s.store.SaveUpload(dst, r.Body, ingest.MaxFileSize)
	switch {
	case errors.Is(err, corpus.ErrUploadTooLarge):
		s.uploadRefused(w, sent, -1)
		return
	case errors.Is(err, corpus.ErrUploadPath):
		s.apiFail(w, r, &badRequest{err.Error()})
		return
	case err != nil:
		s.apiFail(w, r, err)
		return
	}
	res, err := s.ingestUpload(r.Context(), sent, dst)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// uploadRefused answers a file over ingest.MaxFileSize (of n bytes; -1:
// unknown) as `jixiao ingest` names it, without keeping any of it.
func (s *Server) uploadRefused(w http.ResponseWriter, sent string, n int64) {
	detail := fmt.Sprintf("%s: 上限 %d 字节", sent, ingest.MaxFileSize)
	if n >= 0 {
		detail = fmt.Sprintf("%s: %d 字节，上限 %d 字节", sent, n, ingest.MaxFileSize)
	}
	writeJSON(w, http.StatusRequestEntityTooLarge, uploadResult{
		Path: sent, Outcome: string(corpus.Failed), Label: outcomeLabels[corpus.Failed],
		Code: ingest.ReasonCode(ingest.ReasonTooLarge), Reason: ingest.ReasonTooLarge, Error: detail,
	})
}

// ingestUpload ingests the upload kept at dst, as `jixiao ingest dst` would,
// and says what became of it.
func (s *Server) ingestUpload(ctx context.Context, sent, dst string) (uploadResult, error) {
	var ev corpus.Event
	indexMu.Lock() // the index is written here as by IndexPending
	sum, err := s.store.IngestFiles(ctx, []string{dst}, corpus.IngestOptions{
		Workers:  1,
		Index:    index.NewSync(s.store, s.index),
		Progress: func(e corpus.Event) { ev = e },
	})
	indexMu.Unlock()
	if err != nil {
		return uploadResult{}, err
	}
	res := uploadResult{Path: sent, Outcome: string(ev.Outcome), Label: outcomeLabels[ev.Outcome],
		Superseded: sum.Superseded, Indexed: sum.Indexed > 0}
	if ev.Outcome == corpus.Failed {
		res.Code, res.Reason = ingest.ReasonCode(ev.Reason), ev.Reason
		if ev.Err != nil {
			// named by the path sent, not where the server keeps it
			res.Error = strings.ReplaceAll(ev.Err.Error(), dst, sent)
		}
		return res, nil
	}
	if ev.ID == "" {
		return res, nil
	}
	sr, err := s.store.Get(ctx, ev.ID)
	if err != nil {
		return res, err
	}
	res.Report, res.Copy = sr.ID, sr.CopyOf != ""
	if res.Copy {
		if first, err := s.store.Get(ctx, sr.CopyOf); err == nil {
			sr = first
			res.Report = first.ID
		}
	}
	if sr.Report != nil {
		res.Unit, res.Year, res.Title = sr.Report.Unit, sr.Report.Year, sr.Report.Title
	}
	res.Findings = len(sr.Findings)
	return res, nil
}

// uploadView is what the upload page shows.
type uploadView struct {
	MaxMB int64
}

// uploadPage: /upload — drop files or a folder; each is sent and ingested
// in turn, with its progress and outcome.
func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "upload", "导入", "upload",
		uploadView{MaxMB: ingest.MaxFileSize >> 20})
}
