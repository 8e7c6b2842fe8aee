package web

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

// Options tune a Server.
type Options struct {
	// Token, when set, must come with every request: as "Authorization:
	// Bearer T" or in the cookie that visiting /?token=T sets. Required to
	// listen beyond loopback (see CheckAddr). Without it, only requests whose
	// Host names this machine are answered.
	Token string
	// Reviewers are the reviewers and their tokens (ReadReviewers): each
	// request carries one, and the decisions it makes are that reviewer's.
	// Like Token, they allow listening beyond loopback.
	Reviewers []Reviewer
	// Logger receives server errors; nil discards them.
	Logger *slog.Logger
}

// Server answers the pages and the JSON API over one open corpus and its
// index. It does not own them: the caller closes them after Serve returns.
type Server struct {
	store  *corpus.Store
	index  *index.Index
	guard  *tokenGuard
	pages  map[string]*template.Template
	assets map[string]asset
	log    *slog.Logger
	mux    *http.ServeMux
	csrf   *http.CrossOriginProtection
	memo   memo // what pages derive from the whole corpus, while it does not change
	// reportsMemo: what they derive from the reports and items alone,
	// while no report changes (decisions aside)
	reportsMemo memo
}

// New makes the server of store (opened for writing: decisions are stored)
// and ix.
func New(store *corpus.Store, ix *index.Index, opt Options) (*Server, error) {
	if store == nil || ix == nil {
		return nil, errors.New("web: 需要已打开的语料库和检索索引 (store and index required)")
	}
	s := &Server{store: store, index: ix, guard: newTokenGuard(opt.Token, opt.Reviewers), log: opt.Logger,
		csrf: http.NewCrossOriginProtection()}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	var err error
	if s.pages, err = loadTemplates(); err != nil {
		return nil, err
	}
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := http.NewServeMux()
	get := func(pattern string, h http.HandlerFunc) { m.Handle(pattern, allow(h, http.MethodGet)) }

	get("/api/search", s.apiSearch)
	get("/api/reports", s.apiReports)
	get("/api/reports/{id}", s.apiReport)
	get("/api/reports/{id}/text", s.apiText)
	get("/api/reports/{id}/evidence", s.apiEvidence)
	get("/api/findings", s.apiFindings)
	get("/api/export", s.apiExport)
	m.Handle("/api/index/pending", allow(s.apiIndexPending, http.MethodPost))
	m.Handle("/api/decisions", allow(s.apiDecisions, http.MethodPost))
	m.Handle("/api/reviewer", allow(s.apiReviewer, http.MethodPost))
	m.Handle(uploadPath, allow(s.apiUpload, http.MethodPost))
	m.Handle("/api/reports/{id}/findings/{key}/decision", allow(s.apiDecision, http.MethodPost, http.MethodDelete))
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "没有这个接口 (no such API)")
	})

	get("/static/{name}", s.static)
	get("/{$}", s.searchPage)
	get("/reports", s.reportsPage)
	get("/reports/{id}", s.reportPage)
	get("/reports/{id}/original", s.originalPDF)
	get("/findings", s.findingsPage)
	get("/coverage", s.coveragePage)
	get("/opinion", s.opinionPage)
	get("/upload", s.uploadPage)
	get("/charts", s.chartsPage)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, http.StatusNotFound, "找不到这个页面。")
	})
	s.mux = m
}

// ServeHTTP checks every request before it reaches a handler: a clean path,
// the host (no token) or the token, and for changes the origin and a JSON
// body (an upload: the file's bytes, see uploadType).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	secureHeaders(w.Header())
	w.Header().Set("Cache-Control", "no-store")
	api := strings.HasPrefix(r.URL.Path, "/api/")
	fail := func(status int, msg string) {
		if api {
			writeError(w, status, msg)
		} else {
			s.errorPage(w, status, msg)
		}
	}
	if !cleanRequestPath(r) {
		fail(http.StatusBadRequest, "无效的路径 (invalid path)")
		return
	}
	local := isLocal(r)
	if s.guard == nil && !local && !loopbackHost(r) {
		fail(http.StatusForbidden, "只接受本机地址的访问 (loopback host only)")
		return
	}
	if s.guard != nil && !local {
		if tok := r.URL.Query().Get("token"); tok != "" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			if _, ok := s.guard.matches(tok); !ok {
				fail(http.StatusUnauthorized, "访问令牌不正确 (wrong token)")
				return
			}
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: tok, Path: "/", HttpOnly: true,
				SameSite: http.SameSiteStrictMode})
			http.Redirect(w, r, withoutToken(r.URL), http.StatusSeeOther)
			return
		}
		name, ok := s.guard.fromRequest(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="jixiao"`)
			fail(http.StatusUnauthorized, "需要访问令牌：请打开启动时显示的带 token 的地址 (token required)")
			return
		}
		if name != "" {
			r = r.WithContext(context.WithValue(r.Context(), reviewerKey{}, name))
		}
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
	default:
		if err := s.csrf.Check(r); err != nil {
			fail(http.StatusForbidden, "拒绝跨站请求 (cross-origin request refused)")
			return
		}
		if r.URL.Path == uploadPath {
			if !bodyOfType(r, uploadType) {
				fail(http.StatusUnsupportedMediaType, "上传须为文件内容 (Content-Type: application/octet-stream)")
				return
			}
		} else if !jsonBody(r) {
			fail(http.StatusUnsupportedMediaType, "请求须为 JSON (Content-Type: application/json)")
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// allow answers only the methods given (GET includes HEAD), else 405.
func allow(h http.HandlerFunc, methods ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, m := range methods {
			if r.Method == m || (m == http.MethodGet && r.Method == http.MethodHead) {
				h(w, r)
				return
			}
		}
		w.Header().Set("Allow", strings.Join(methods, ", "))
		if strings.HasPrefix(r.URL.Path, "/api/") {
			writeError(w, http.StatusMethodNotAllowed, "不支持的请求方法 (method not allowed)")
			return
		}
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	})
}

// static serves one embedded file by exact name.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets[r.PathValue("name")]
	if !ok {
		s.errorPage(w, http.StatusNotFound, "找不到这个文件。")
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", a.etag)
	if r.Header.Get("If-None-Match") == a.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(a.data)
}

// writeJSON writes v as JSON; <mark> in fragments stays as is, as in
// `jixiao search --json` (the content type and nosniff keep it from being
// read as HTML).
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeError writes {"error": msg}.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// internalError logs err and answers 500 without its details.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error, api bool) {
	s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	const msg = "服务器内部错误 (internal error)"
	if api {
		writeError(w, http.StatusInternalServerError, msg)
		return
	}
	s.errorPage(w, http.StatusInternalServerError, msg)
}
