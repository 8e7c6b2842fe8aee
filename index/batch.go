package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// Batch gathers the documents of many reports and commits them together:
// committing one report at a time makes a segment per report, and merging
// those is most of the cost of a bulk import. Nothing put is searchable, or
// durable, before Flush. A Batch is not safe for concurrent use.
type Batch struct {
	ix      *Index
	b       *bleve.Batch
	reports int
}

// NewBatch starts a batch on ix.
func (ix *Index) NewBatch() *Batch { return &Batch{ix: ix, b: ix.b.NewBatch()} }

// Put adds report id's documents to the batch, replacing those the index
// holds for it.
func (b *Batch) Put(id string, r *extract.Report, fs []validate.Finding) error {
	if r == nil {
		return fmt.Errorf("检索索引：报告 %s 为空 (nil report)", id)
	}
	if err := b.ix.deleteInto(b.b, id); err != nil {
		return err
	}
	ids, docs := documents(id, r, fs, b.ix.an.exactField)
	for i, d := range docs {
		if err := b.b.Index(ids[i], d.fields()); err != nil {
			return fmt.Errorf("检索索引：报告 %s: %w", id, err)
		}
	}
	b.reports++
	return nil
}

// Reports is how many reports were put since the last Flush.
func (b *Batch) Reports() int { return b.reports }

// Flush commits what was put.
func (b *Batch) Flush() error {
	if b.reports == 0 && b.b.Size() == 0 {
		return nil
	}
	err := b.ix.b.Batch(b.b)
	b.b.Reset()
	b.reports = 0
	if err != nil {
		return fmt.Errorf("检索索引：提交 (commit): %w", err)
	}
	return nil
}

// Delete adds to the batch the removal of every document of report id (a
// report a file no longer holds after re-extraction).
func (b *Batch) Delete(id string) error { return b.ix.deleteInto(b.b, id) }
