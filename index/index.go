// Package index is the bleve search index over the corpus: one document per
// item and one per report, cut into words by jieba (package index/jieba) with
// a bigram field for exact substrings. It is derived data, rebuilt from the
// corpus at will; it is never the only copy of anything. The package also
// owns the sync from the corpus (sync.go): which stored reports the index
// lacks, and when one counts as indexed, so that a run killed at any moment
// leaves at worst reports put again, never one marked but missing.
package index

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bolt "go.etcd.io/bbolt"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/segment"
	"github.com/jixiao/jixiao/validate"
)

// ErrInUse means another process holds the index open.
var ErrInUse = errors.New("检索索引正被另一个进程使用 (index in use)")

// ErrOutdated means the index was built by another version of jixiao with a
// different layout; `jixiao index rebuild` makes it anew from the corpus.
var ErrOutdated = errors.New("检索索引版本不符，请运行 jixiao index rebuild (index layout outdated)")

// DefaultTimeout is how long commands wait for another process to release
// the index before giving up with ErrInUse.
const DefaultTimeout = 3 * time.Second

// layoutVersion names the mapping and document layout; an index built with
// another is refused with ErrOutdated.
const layoutVersion = "jixiao-index-1"

var layoutKey = []byte("jixiao.layout")

// Index is an open bleve index. It is safe for concurrent use.
type Index struct {
	dir   string
	b     bleve.Index
	an    analyzers
	query queryAnalyzer
}

// Open opens (creating when missing) the index in dir, waiting at most
// timeout for another process to release it (ErrInUse after that).
// The lock is per open file, so a second Open in the same process waits too.
func Open(dir string, timeout time.Duration) (*Index, error) {
	return open(dir, timeout, jiebaAnalyzers)
}

func open(dir string, timeout time.Duration, an analyzers) (*Index, error) {
	// Load the dictionaries now: the tokenizer cannot report errors.
	if _, err := segment.Default(); err != nil {
		return nil, fmt.Errorf("检索索引 %s: %w", dir, err)
	}
	if timeout <= 0 {
		timeout = time.Millisecond // bolt waits forever on 0
	}
	config := map[string]any{"bolt_timeout": timeout.String()}
	b, err := bleve.OpenUsing(dir, config)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing) {
		b, err = bleve.NewUsing(dir, newMapping(an), scorch.Name, bleve.Config.DefaultKVStore, config)
		if errors.Is(err, bleve.ErrorIndexPathExists) { // another process created it meanwhile
			b, err = bleve.OpenUsing(dir, config)
		}
	}
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("%s: %w", dir, ErrInUse)
	}
	if err != nil {
		return nil, fmt.Errorf("打开检索索引 %s: %w", dir, err)
	}
	layout, err := b.GetInternal(layoutKey)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("打开检索索引 %s: %w", dir, err)
	}
	want := layoutVersion + "/" + an.index
	if layout == nil {
		// A new index (ours, or one another process has just created)
		// takes our layout; a filled one without a layout is not ours.
		if n, derr := b.DocCount(); derr == nil && n == 0 {
			layout = []byte(want)
			err = b.SetInternal(layoutKey, layout)
		}
	}
	if err != nil || string(layout) != want {
		b.Close()
		return nil, fmt.Errorf("%s: %w", dir, ErrOutdated)
	}
	ix := &Index{dir: dir, b: b, an: an}
	if ix.query, err = newQueryAnalyzer(b.Mapping(), an); err != nil {
		b.Close()
		return nil, fmt.Errorf("打开检索索引 %s: %w", dir, err)
	}
	return ix, nil
}

// Close releases the index.
func (ix *Index) Close() error { return ix.b.Close() }

// Dir is the directory of the index.
func (ix *Index) Dir() string { return ix.dir }

// Put replaces every document of report id (one per item, one for the report).
func (ix *Index) Put(id string, r *extract.Report, fs []validate.Finding) error {
	if r == nil {
		return fmt.Errorf("检索索引：报告 %s 为空 (nil report)", id)
	}
	batch := ix.b.NewBatch()
	if err := ix.deleteInto(batch, id); err != nil {
		return err
	}
	ids, docs := documents(id, r, fs, ix.an.exactField)
	for i, d := range docs {
		if err := batch.Index(ids[i], d.fields()); err != nil {
			return fmt.Errorf("检索索引：报告 %s: %w", id, err)
		}
	}
	if err := ix.b.Batch(batch); err != nil {
		return fmt.Errorf("检索索引：报告 %s: %w", id, err)
	}
	return nil
}

// Delete removes every document of report id.
func (ix *Index) Delete(id string) error {
	batch := ix.b.NewBatch()
	if err := ix.deleteInto(batch, id); err != nil {
		return err
	}
	if err := ix.b.Batch(batch); err != nil {
		return fmt.Errorf("检索索引：删除报告 %s: %w", id, err)
	}
	return nil
}

// deleteInto adds to batch the deletion of every document of report id.
func (ix *Index) deleteInto(batch *bleve.Batch, id string) error {
	q := bleve.NewTermQuery(id)
	q.SetField(fieldReport)
	const page = 1000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.SortBy([]string{"_id"})
		res, err := ix.b.SearchInContext(context.Background(), req)
		if err != nil {
			return fmt.Errorf("检索索引：查找报告 %s: %w", id, err)
		}
		for _, h := range res.Hits {
			batch.Delete(h.ID)
		}
		if len(res.Hits) < page {
			return nil
		}
	}
}

// Count is the number of documents (items and reports) in the index.
func (ix *Index) Count() (uint64, error) { return ix.b.DocCount() }

// queryAnalyzer cuts query text the way the text fields are looked up.
type queryAnalyzer func(text string) []string

func newQueryAnalyzer(m mapping.IndexMapping, an analyzers) (queryAnalyzer, error) {
	a := m.AnalyzerNamed(an.query)
	if a == nil {
		return nil, fmt.Errorf("analyzer %s not registered", an.query)
	}
	return func(text string) []string {
		var out []string
		seen := map[string]bool{}
		for _, t := range a.Analyze([]byte(text)) {
			if w := string(t.Term); !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
		return out
	}, nil
}
