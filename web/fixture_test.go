package web

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

// The reports of the test corpus, each read where the repository keeps it:
// the reference report, published reports (three tables and a narrative
// from the table samples of extract), and a report whose text holds markup
// (<script>, <img onerror>).
const (
	nantunID        = "9175ead8c52e" // nantun-2023.md, the reference report
	referenceReport = "../testdata/nantun-2023.md"
	hostileReport   = "testdata/hostile-2023.txt"
)

// publishedTables are the published 自评表 of the test corpus.
var publishedTables = []string{
	"../extract/testdata/tables/langfang_shipinxuexiao_2019_xiangmu_table.txt",
	"../extract/testdata/tables/qingshen_fgj_2023_xiangmu_table.txt",
	"../extract/testdata/tables/xiaoxian_zhangzhuangzhai_2023_mubiao_table.txt",
}

// fixtureFiles are the files of the test corpus.
var fixtureFiles = append([]string{referenceReport, hostileReport,
	"../extract/testdata/tables/fupin_jiuchang_2020_narrative_docsite.txt"}, publishedTables...)

// template corpus: built once per test binary, copied for each test so that
// decisions made by one test are not seen by another.
var (
	templateOnce sync.Once
	templateDir  string
	templateErr  error
	templateRoot string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if templateRoot != "" {
		os.RemoveAll(templateRoot)
	}
	os.Exit(code)
}

func buildTemplate() (string, error) {
	templateOnce.Do(func() {
		templateRoot, templateErr = os.MkdirTemp("", "jixiao-web-test-")
		if templateErr != nil {
			return
		}
		templateDir = filepath.Join(templateRoot, "corpus")
		templateErr = buildCorpus(templateDir, fixtureFiles...)
	})
	return templateDir, templateErr
}

// buildCorpus ingests paths into a new corpus in dir, indexing every report.
func buildCorpus(dir string, paths ...string) error {
	s, err := corpus.Open(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	ix, err := index.Open(s.IndexPath(), time.Second)
	if err != nil {
		return err
	}
	defer ix.Close()
	sum, err := s.Ingest(context.Background(), paths, corpus.IngestOptions{Workers: 2, Index: index.NewSync(s, ix)})
	if err == nil && (sum.Failed != 0 || sum.Indexed != sum.Stored) {
		err = fmt.Errorf("test corpus: %d failed, %d of %d indexed", sum.Failed, sum.Indexed, sum.Stored)
	}
	return err
}

// copyTree copies the directory src to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if d.Name() == "lock" || strings.HasSuffix(d.Name(), ".lock") {
			return nil
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// fixture is a server over a fresh copy of the test corpus.
type fixture struct {
	t       *testing.T
	dir     string
	store   *corpus.Store
	ix      *index.Index
	srv     *Server
	hostile string // id of the report with markup in its text
	closeFn func()
}

// newFixture copies the test corpus into a temporary directory and opens a
// server over it.
func newFixture(t *testing.T, opt Options) *fixture {
	t.Helper()
	tmpl, err := buildTemplate()
	if err != nil {
		t.Fatalf("building the test corpus: %v", err)
	}
	f := &fixture{t: t, dir: filepath.Join(t.TempDir(), "corpus")}
	if err := copyTree(tmpl, f.dir); err != nil {
		t.Fatal(err)
	}
	f.open(opt)
	list, err := f.store.List(context.Background(), corpus.Filter{Unit: "恶意镇"})
	if err != nil || len(list) != 1 {
		t.Fatalf("hostile report: %v %v", list, err)
	}
	f.hostile = list[0].ID
	return f
}

// newFixtureOf opens a server over a new corpus of the files given.
func newFixtureOf(t *testing.T, opt Options, files ...string) *fixture {
	t.Helper()
	f := &fixture{t: t, dir: filepath.Join(t.TempDir(), "corpus")}
	if err := buildCorpus(f.dir, files...); err != nil {
		t.Fatal(err)
	}
	f.open(opt)
	return f
}

// open opens the store, the index and a server over f.dir.
func (f *fixture) open(opt Options) {
	f.t.Helper()
	var err error
	if f.store, err = corpus.Open(f.dir); err != nil {
		f.t.Fatal(err)
	}
	if f.ix, err = index.Open(f.store.IndexPath(), time.Second); err != nil {
		f.t.Fatal(err)
	}
	if f.srv, err = New(f.store, f.ix, opt); err != nil {
		f.t.Fatal(err)
	}
	store, ix := f.store, f.ix
	closed := false
	f.closeFn = func() {
		if !closed {
			closed = true
			ix.Close()
			store.Close()
		}
	}
	f.t.Cleanup(f.closeFn)
}

// close closes the store and the index (a restart opens them again).
func (f *fixture) close() { f.closeFn() }

// request builds a request to the server as a browser on this machine sends it.
func request(method, target string, body io.Reader) *http.Request {
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8080"
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	return r
}

// do sends r to the server and returns the response recorded.
func (f *fixture) do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, r)
	return w
}

// get sends GET target.
func (f *fixture) get(target string) *httptest.ResponseRecorder {
	return f.do(request(http.MethodGet, target, nil))
}
