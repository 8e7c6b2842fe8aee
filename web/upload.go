package web

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/corpus"
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

// Limits of an upload's relative path.
const (
	maxUploadPathRunes = 400
	maxUploadDepth     = 12
)

// ingestMu keeps one ingest of uploads at a time: the browser sends files
// one after the other, and two pages sending at once take turns.
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

// cleanUploadPath checks the relative path a browser sends with a file
// (the name, or folder/…/name of a folder chosen or dropped) and gives it as
// a path under the uploads directory: no absolute path, no . or ..
// segments, no hidden names (a Walk skips them), no control characters or
// backslashes; at most maxUploadDepth segments.
func cleanUploadPath(p string) (string, error) {
	if p == "" {
		return "", badf("缺少文件名 (path required)")
	}
	if !utf8.ValidString(p) || utf8.RuneCountInString(p) > maxUploadPathRunes {
		return "", badf("文件路径无效或过长 (invalid or too long path)")
	}
	if strings.ContainsAny(p, "\\\x00") || strings.IndexFunc(p, unicode.IsControl) >= 0 {
		return "", badf("文件路径含有不允许的字符 (invalid character in path)")
	}
	segs := strings.Split(p, "/")
	if len(segs) > maxUploadDepth {
		return "", badf("文件路径层级过深 (path too deep)")
	}
	for _, s := range segs {
		switch {
		case s == "":
			return "", badf("文件路径无效：%q (empty segment)", p)
		case s == "." || s == "..":
			return "", badf("文件路径不得含 . 或 .. (no dot segments)")
		case strings.HasPrefix(s, "."):
			return "", badf("隐藏文件不导入：%q (hidden name)", s)
		}
	}
	return filepath.Join(segs...), nil
}

// apiUpload: POST /api/upload?path=REL with the file's bytes as the body.
func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request) {
	rel, err := cleanUploadPath(r.URL.Query().Get("path"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if r.ContentLength > ingest.MaxFileSize {
		s.uploadRefused(w, r, rel, r.ContentLength)
		return
	}
	dst := filepath.Join(s.store.UploadsPath(), rel)
	tmp, err := receive(w, r, dst)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		s.uploadRefused(w, r, rel, tooLarge.Limit+1)
		return
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	res, err := s.ingestUpload(r.Context(), r.URL.Query().Get("path"), tmp, dst)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// uploadRefused answers a file over ingest.MaxFileSize as `jixiao ingest`
// names it, without keeping any of it.
func (s *Server) uploadRefused(w http.ResponseWriter, r *http.Request, rel string, n int64) {
	writeJSON(w, http.StatusRequestEntityTooLarge, uploadResult{
		Path: r.URL.Query().Get("path"), Outcome: string(corpus.Failed), Label: outcomeLabels[corpus.Failed],
		Code: ingest.ReasonCode(ingest.ReasonTooLarge), Reason: ingest.ReasonTooLarge,
		Error: fmt.Sprintf("%s: 超过 %d 字节，上限 %d 字节", rel, n-1, ingest.MaxFileSize),
	})
}

// receive writes the body into a temporary file beside dst (whole or not
// at all: an upload cut off leaves nothing behind) and returns its name.
func receive(w http.ResponseWriter, r *http.Request, dst string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", fmt.Errorf("上传目录: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(dst), ".upload-*")
	if err != nil {
		return "", fmt.Errorf("上传: %w", err)
	}
	body := http.MaxBytesReader(w, r.Body, ingest.MaxFileSize)
	_, err = io.Copy(f, body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// ingestUpload puts the received file tmp at dst (unless dst holds the same
// bytes already: its ledger entry then says it is in) and ingests it.
func (s *Server) ingestUpload(ctx context.Context, sent, tmp, dst string) (uploadResult, error) {
	ingestMu.Lock()
	defer ingestMu.Unlock()
	if same, err := sameBytes(tmp, dst); err != nil {
		os.Remove(tmp)
		return uploadResult{}, err
	} else if same {
		os.Remove(tmp)
	} else if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return uploadResult{}, fmt.Errorf("上传: %w", err)
	}
	var ev corpus.Event
	indexMu.Lock() // the index is written here as by IndexPending
	sum, err := s.store.IngestFiles(ctx, []string{dst}, corpus.IngestOptions{
		Workers:  1,
		Index:    s.index,
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

// sameBytes reports whether the files a and b hold the same bytes (false
// when b does not exist).
func sameBytes(a, b string) (bool, error) {
	fb, err := os.Stat(b)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("上传: %w", err)
	}
	if !fb.Mode().IsRegular() {
		return false, badf("上传目录中 %s 不是普通文件 (not a regular file)", filepath.Base(b))
	}
	fa, err := os.Stat(a)
	if err != nil || fa.Size() != fb.Size() {
		return false, err
	}
	x, err := fileSum(a)
	if err != nil {
		return false, err
	}
	y, err := fileSum(b)
	return err == nil && x == y, err
}

// fileSum is the SHA-256 of the file at p, read as a stream.
func fileSum(p string) ([32]byte, error) {
	var sum [32]byte
	f, err := os.Open(p)
	if err != nil {
		return sum, fmt.Errorf("上传: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, fmt.Errorf("上传: %w", err)
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
}

// uploadView is what the upload page shows.
type uploadView struct {
	MaxMB int64
	Dir   string
}

// uploadPage: /upload — drop files or a folder; each is sent and ingested
// in turn, with its progress and outcome.
func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "upload", "导入", "upload",
		uploadView{MaxMB: ingest.MaxFileSize >> 20, Dir: s.store.UploadsPath()})
}
