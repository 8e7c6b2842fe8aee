package corpus

import (
	"context"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// Indexer is what ingest and reextract need of the sync of the search index
// (package index's *Sync, which reads what is unindexed from the store and
// marks it indexed): the corpus never imports the index, which is derived
// from the corpus, and only keeps the flag that says a report is in it.
type Indexer interface {
	// Pending indexes every report stored unindexed.
	Pending(ctx context.Context) (int, error)
	// Put indexes committed report id; it returns how many reports became
	// durable in the index with the call.
	Put(ctx context.Context, id string, r *extract.Report, fs []validate.Finding) (int, error)
	// Refresh indexes report id again as the store holds it now.
	Refresh(ctx context.Context, id string) error
	// Delete takes a report no longer stored out of the index.
	Delete(id string) error
	// Flush commits what was put and gives how many reports it marked.
	Flush(ctx context.Context) (int, error)
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
// deleted or its mapping changed), so that the index sync puts them all again.
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

// ReportForIndex loads report id with its findings, without pages, for
// the search index.
func (s *Store) ReportForIndex(ctx context.Context, id string) (*extract.Report, []validate.Finding, error) {
	r, err := scanReport(s.db.QueryRowContext(ctx, reportSelect+` WHERE r.id = ?`, id))
	if err != nil {
		return nil, nil, err
	}
	if err := fillReview(ctx, s.db, r); err != nil {
		return nil, nil, err
	}
	return r.Report, r.Findings, nil
}

// Hidden says whether report id is a copy or a superseded version, which
// is not searched for (the report it copies, or the version after it, is).
// An id not stored is not hidden.
func (s *Store) Hidden(ctx context.Context, id string) (bool, error) {
	return hidden(ctx, s.db, id)
}
