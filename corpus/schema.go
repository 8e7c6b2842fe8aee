package corpus

import (
	"context"
	"fmt"
)

// migrations build the schema; migrations[i] takes user_version i to i+1.
// Append, never edit: a corpus records its version in PRAGMA user_version.
//
// Amounts are TEXT decimal strings (shopspring/decimal), never REAL.
var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE reports (
	id               TEXT PRIMARY KEY,         -- first 12 hex digits of sha256 (more on collision)
	sha256           TEXT NOT NULL UNIQUE,     -- of the file's bytes
	path             TEXT NOT NULL,            -- absolute path it was first read from
	format           TEXT NOT NULL,
	unit             TEXT NOT NULL DEFAULT '',
	year             INTEGER NOT NULL DEFAULT 0,
	title            TEXT NOT NULL DEFAULT '',
	genre            TEXT NOT NULL DEFAULT '',
	stated_total_wan TEXT,                     -- decimal string
	stated_count     INTEGER,
	item_count       INTEGER NOT NULL DEFAULT 0,
	items_budget_wan TEXT NOT NULL DEFAULT '0', -- exact sum of the items' budgets
	errors           INTEGER NOT NULL DEFAULT 0, -- findings by severity
	warnings         INTEGER NOT NULL DEFAULT 0,
	infos            INTEGER NOT NULL DEFAULT 0,
	extractor        TEXT NOT NULL,            -- extract.Version that made the report
	indexed          INTEGER NOT NULL DEFAULT 0, -- 1 once the search index has this version
	created_at       TEXT NOT NULL,
	updated_at       TEXT NOT NULL
);
-- The large values live beside the reports row, so that updating a flag or
-- a count does not rewrite them.
CREATE TABLE report_data (
	report_id TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
	report    BLOB NOT NULL                    -- zlib-deflated JSON of extract.Report
);
CREATE TABLE documents (
	report_id TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
	warnings  TEXT NOT NULL DEFAULT '[]',      -- the Document's warnings, JSON
	pages     BLOB NOT NULL                    -- zlib-deflated JSON of []ingest.Page, as read
);
CREATE INDEX reports_unit_year ON reports(unit, year);
CREATE INDEX reports_year ON reports(year);
CREATE INDEX reports_unindexed ON reports(indexed) WHERE indexed = 0;

CREATE TABLE items (
	report_id    TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	ord          INTEGER NOT NULL,             -- position in the report's items
	seq          INTEGER NOT NULL,
	name         TEXT NOT NULL,
	budget_wan   TEXT,                         -- decimal string
	actual_wan   TEXT,                         -- decimal string
	disbursement TEXT NOT NULL DEFAULT '',
	subprojects  INTEGER NOT NULL DEFAULT 0,
	purpose      TEXT NOT NULL DEFAULT '',
	page         INTEGER NOT NULL DEFAULT 0,
	span_start   INTEGER NOT NULL DEFAULT 0,
	span_end     INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (report_id, ord)
) WITHOUT ROWID;

CREATE TABLE findings (
	report_id  TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,               -- position in the report's findings
	key        TEXT NOT NULL,                  -- review key: rule[:items][#n]
	rule       TEXT NOT NULL,
	severity   TEXT NOT NULL,
	message    TEXT NOT NULL DEFAULT '',
	expected   TEXT,                           -- decimal strings
	actual     TEXT,
	diff       TEXT,
	items      TEXT NOT NULL DEFAULT '',       -- item seqs, comma separated
	page       INTEGER NOT NULL DEFAULT 0,
	span_start INTEGER,
	span_end   INTEGER,
	PRIMARY KEY (report_id, ord),
	UNIQUE (report_id, key)
) WITHOUT ROWID;
CREATE INDEX findings_rule ON findings(rule, severity);
CREATE INDEX findings_severity ON findings(severity);

-- Review decisions are keyed by finding key, not by row: they survive
-- re-extraction whenever the same finding comes back.
CREATE TABLE decisions (
	report_id   TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	finding_key TEXT NOT NULL,
	decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
	note        TEXT NOT NULL DEFAULT '',
	decided_at  TEXT NOT NULL,
	PRIMARY KEY (report_id, finding_key)
) WITHOUT ROWID;

-- The ingest ledger: the last outcome for each file path.
CREATE TABLE ledger (
	path      TEXT PRIMARY KEY,
	size      INTEGER NOT NULL,
	mtime_ns  INTEGER NOT NULL,
	sha256    TEXT NOT NULL DEFAULT '',
	status    TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'duplicate')),
	report_id TEXT,                            -- ok/duplicate: the report these bytes are
	reason    TEXT NOT NULL DEFAULT '',        -- failed: short reason, for grouping
	error     TEXT NOT NULL DEFAULT '',        -- failed: the full error
	extractor TEXT NOT NULL DEFAULT '',
	at        TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX ledger_status ON ledger(status);
CREATE INDEX ledger_sha ON ledger(sha256);
`,
	// 2: a file may hold several reports (an annex bundle, a 决算 with its
	// 自评表, a workbook with a table per sheet). reports loses its UNIQUE
	// sha256 for UNIQUE (sha256, part); the document (pages) is stored once,
	// under the file's first report; findings keep the spreadsheet cell of
	// their evidence. SQLite cannot drop a constraint: the table is rebuilt
	// (with foreign keys off, see noForeignKeys).
	`
CREATE TABLE reports_new (
	id               TEXT PRIMARY KEY,         -- the file's first report: first 12 hex digits of sha256 (more on collision); its k-th: that id + "-k"
	sha256           TEXT NOT NULL,            -- of the file's bytes
	path             TEXT NOT NULL,
	format           TEXT NOT NULL,
	unit             TEXT NOT NULL DEFAULT '',
	year             INTEGER NOT NULL DEFAULT 0,
	title            TEXT NOT NULL DEFAULT '',
	genre            TEXT NOT NULL DEFAULT '',
	stated_total_wan TEXT,
	stated_count     INTEGER,
	item_count       INTEGER NOT NULL DEFAULT 0,
	items_budget_wan TEXT NOT NULL DEFAULT '0',
	errors           INTEGER NOT NULL DEFAULT 0,
	warnings         INTEGER NOT NULL DEFAULT 0,
	infos            INTEGER NOT NULL DEFAULT 0,
	extractor        TEXT NOT NULL,
	indexed          INTEGER NOT NULL DEFAULT 0,
	created_at       TEXT NOT NULL,
	updated_at       TEXT NOT NULL,
	part             INTEGER NOT NULL DEFAULT 1, -- which report of the file, from 1
	parts            INTEGER NOT NULL DEFAULT 1, -- reports the file holds
	pages            TEXT NOT NULL DEFAULT '',   -- first-last page of this report, '' when the file has one page
	UNIQUE (sha256, part)
);
INSERT INTO reports_new (id, sha256, path, format, unit, year, title, genre, stated_total_wan, stated_count, item_count,
	items_budget_wan, errors, warnings, infos, extractor, indexed, created_at, updated_at)
SELECT id, sha256, path, format, unit, year, title, genre, stated_total_wan, stated_count, item_count,
	items_budget_wan, errors, warnings, infos, extractor, indexed, created_at, updated_at FROM reports;
DROP TABLE reports;
ALTER TABLE reports_new RENAME TO reports;
CREATE INDEX reports_unit_year ON reports(unit, year);
CREATE INDEX reports_year ON reports(year);
CREATE INDEX reports_unindexed ON reports(indexed) WHERE indexed = 0;
ALTER TABLE findings ADD COLUMN cell TEXT NOT NULL DEFAULT '';
`,
	// 3: what kind of document each report was read from (extract.DocType);
	// '' for reports stored before, until reextract refreshes them.
	`
ALTER TABLE reports ADD COLUMN doc_type TEXT NOT NULL DEFAULT '';
CREATE INDEX reports_doc_type ON reports(doc_type);
`,
	// 4: the unit of a finding's expected, actual and diff (万元, %, 分, 个 …);
	// '' for findings stored before, until reextract refreshes them.
	`
ALTER TABLE findings ADD COLUMN unit TEXT NOT NULL DEFAULT '';
`,
	// 5: sortable keys of |差额| and of the stated total (AmountKey), made by
	// SQLite from the decimal strings, so that the lists sort and range on
	// amounts exactly, without floats.
	`
ALTER TABLE findings ADD COLUMN abs_diff_key TEXT GENERATED ALWAYS AS (` + amountKeySQL("diff") + `) VIRTUAL;
ALTER TABLE reports ADD COLUMN total_key TEXT GENERATED ALWAYS AS (` + amountKeySQL("stated_total_wan") + `) VIRTUAL;
CREATE INDEX findings_abs_diff ON findings(abs_diff_key);
CREATE INDEX reports_total ON reports(total_key);
`,
	// 6: who decided (the reviewer's name; '' before), and the audit trail
	// of every decision, kept by finding key like the decisions (it
	// survives re-extraction).
	`
ALTER TABLE decisions ADD COLUMN author TEXT NOT NULL DEFAULT '';
CREATE TABLE review_log (
	seq         INTEGER PRIMARY KEY,           -- order of the entries
	report_id   TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	finding_key TEXT NOT NULL,
	at          TEXT NOT NULL,
	author      TEXT NOT NULL DEFAULT '',
	action      TEXT NOT NULL CHECK (action IN ('confirmed', 'dismissed', 'cleared')),
	note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_log_finding ON review_log(report_id, finding_key, seq);
INSERT INTO review_log (report_id, finding_key, at, author, action, note)
	SELECT report_id, finding_key, decided_at, '', decision, note FROM decisions ORDER BY decided_at;
`,
	// 7: the same report more than once (versions.go): the fingerprint of
	// a report's content, the report a copy is a copy of, and the report
	// that superseded an earlier version of its file. Reports stored
	// before get a fingerprint when reextract refreshes them.
	`
ALTER TABLE reports ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN copy_of TEXT;
ALTER TABLE reports ADD COLUMN superseded_by TEXT;
ALTER TABLE reports ADD COLUMN superseded_at TEXT;
CREATE INDEX reports_fingerprint ON reports(fingerprint) WHERE fingerprint != '';
CREATE INDEX reports_copy_of ON reports(copy_of) WHERE copy_of IS NOT NULL;
CREATE INDEX reports_superseded_by ON reports(superseded_by) WHERE superseded_by IS NOT NULL;
CREATE INDEX reports_path ON reports(path);
`,
	// 8: a document that says it replaces an earlier one (replaces.go):
	// the kind of a report (unit, year, type, project, title without its
	// marks of correction), what it shares with the report it replaces,
	// and whether it says so (1). Reports stored before get their kind when
	// reextract refreshes them.
	`
ALTER TABLE reports ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN replaces INTEGER NOT NULL DEFAULT 0;
CREATE INDEX reports_kind ON reports(kind) WHERE kind != '';
`,
}

// noForeignKeys are the migrations that rebuild a table others refer to:
// they run with foreign keys off (dropping the old table would otherwise
// cascade to every row that refers to it) and are checked after.
var noForeignKeys = map[int]bool{1: true}

// schemaVersion is the user_version of a corpus this build writes.
var schemaVersion = len(migrations)

// migrate brings the schema up to schemaVersion, one transaction per step.
func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("读取版本: %w", err)
	}
	switch {
	case v > schemaVersion:
		return fmt.Errorf("语料库由更新版本的 jixiao 建立 (schema %d > %d)", v, schemaVersion)
	case v == schemaVersion:
		return nil
	case s.readOnly:
		return fmt.Errorf("语料库需要升级，请先以写入方式打开 (schema %d < %d)", v, schemaVersion)
	}
	for ; v < schemaVersion; v++ {
		if noForeignKeys[v] {
			if err := s.migrateNoFK(ctx, v); err != nil {
				return err
			}
			continue
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("升级到版本 %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// migrateNoFK runs migration v on one connection with foreign keys off,
// checks them before committing, and turns them on again.
func (s *Store) migrateNoFK(ctx context.Context, v int) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return fmt.Errorf("升级到版本 %d: %w", v+1, err)
	}
	var bad int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM pragma_foreign_key_check").Scan(&bad); err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("升级到版本 %d: %d 条外键错误", v+1, bad)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return err
	}
	return tx.Commit()
}
