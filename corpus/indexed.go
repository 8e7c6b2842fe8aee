package corpus

import (
	"context"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// Indexer is what the store needs of the search index (package index's
// *Index): the corpus never imports it, the index is derived from the corpus.
type Indexer interface {
	Put(id string, r *extract.Report, fs []validate.Finding) error
}

// MarkIndexed records that the search index holds the current version of
// the reports ids.
func (s *Store) MarkIndexed(ctx context.Context, ids ...string) error {
	if err := s.writable(); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := s.db.ExecContext(ctx, `UPDATE reports SET indexed = 1 WHERE id = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// ResetIndexed marks every report as not indexed (after the index was
// deleted or its mapping changed), so that IndexPending puts them all again.
func (s *Store) ResetIndexed(ctx context.Context) error {
	if err := s.writable(); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `UPDATE reports SET indexed = 0 WHERE indexed != 0`)
	return err
}

// Unindexed gives the ids of reports stored but not (or not in their current
// version) in the search index: a run that was killed between storing and
// indexing leaves some.
func (s *Store) Unindexed(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM reports WHERE indexed = 0 ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// IndexPending puts every unindexed report into ix and marks it indexed;
// it returns how many it indexed.
func (s *Store) IndexPending(ctx context.Context, ix Indexer) (int, error) {
	ids, err := s.Unindexed(ctx)
	if err != nil {
		return 0, err
	}
	x := &indexing{s: s, ix: ix}
	n := 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		r, err := s.reportForIndex(ctx, id)
		if err != nil {
			return n, err
		}
		k, err := x.put(ctx, id, r)
		n += k
		if err != nil {
			return n, err
		}
	}
	k, err := x.flush(ctx)
	return n + k, err
}

func (s *Store) indexOne(ctx context.Context, ix Indexer, id string) error {
	r, err := s.reportForIndex(ctx, id)
	if err != nil {
		return err
	}
	x := &indexing{s: s, ix: ix}
	if _, err := x.put(ctx, id, r); err != nil {
		return err
	}
	_, err = x.flush(ctx)
	return err
}

// reportForIndex loads report id with its findings, without pages.
func (s *Store) reportForIndex(ctx context.Context, id string) (*StoredReport, error) {
	r, err := scanReport(s.db.QueryRowContext(ctx, reportSelect+` WHERE r.id = ?`, id))
	if err != nil {
		return nil, err
	}
	return r, fillReview(ctx, s.db, r)
}
