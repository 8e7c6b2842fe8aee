// Package corpus is the store: SQLite holding reports, items, findings,
// review decisions and the ingest ledger. It is the record of truth; the
// search index is derived from it and rebuilt from it at will.
//
// A corpus is a directory: corpus.db (SQLite in WAL mode, pure Go), a lock
// file, and index/ (the search index, owned by package index). One process
// at a time takes the writer lock (Open, else ErrInUse within a second or
// two) for bulk work (ingest, reextract); others write beside it without the
// lock (Options{Shared: true}: the page of serve, a review), SQLite
// serialising the transactions; any number read (OpenReadOnly) and see
// committed data. Options{MustExist: true} refuses a directory without a
// corpus (ErrNoCorpus) instead of creating one.
//
// Writing:
//
//	s.Ingest(ctx, paths, IngestOptions{...})   // files and folders: parallel, resumable, one writer
//	s.Put(ctx, doc, rep, findings)             // one report and its ledger row, one transaction
//	s.Reextract(ctx, ReextractOptions{...})    // from the stored pages, keeping review decisions
//	s.Decide(ctx, id, key, Confirmed, note)    // a review decision on a finding (see FindingKeys)
//
// Reading:
//
//	s.List(ctx, Filter{Year, Unit})            // report summaries
//	s.Get(ctx, id)                             // report, findings, decisions, pages
//	s.Resolve(ctx, "9175ea")                   // id, id prefix or file path → id
//	s.Findings(ctx, FindingFilter{Rule, Severity, Review})  // across the corpus
//	s.Each(ctx, fn)                            // every report, streamed (index rebuild)
//	s.EachItem, s.EachFinding, s.Stats, s.LedgerLookup, s.Ledger
//
// Amounts are decimal strings in every column and JSON value, never floats.
// Reports are identified by the first 12 hex digits of the SHA-256 of the
// file's bytes (more on a collision): the same bytes under two paths are one
// report, and the ledger says duplicate for the second path.
package corpus
