package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go)
)

// ErrInUse means another process holds the corpus for writing.
var ErrInUse = errors.New("语料库正被另一个进程使用 (corpus in use)")

// ErrNoCorpus means the directory asked for holds no corpus (a typo in
// --corpus, most often): commands that only read or serve say so instead of
// creating an empty one.
var ErrNoCorpus = errors.New("语料库不存在 (no corpus here; check --corpus, or run jixiao ingest first)")

// ErrNotFound means no report matches the id, prefix or path asked for.
var ErrNotFound = errors.New("找不到报告 (report not found)")

// ErrAmbiguous means an id prefix matches more than one report.
var ErrAmbiguous = errors.New("编号前缀对应多份报告 (ambiguous id prefix)")

// DBName is the SQLite file inside the corpus directory.
const DBName = "corpus.db"

// IndexDir is the directory of the search index inside the corpus directory.
const IndexDir = "index"

// UploadsDir is the directory inside the corpus directory where files sent
// from the review page are kept: ingested from there like any other path
// (the ledger and dedupe by path and bytes apply), and skipped by a Walk of a
// parent directory as the rest of the corpus directory is.
const UploadsDir = "uploads"

// DefaultLockTimeout is how long Open retries before reporting ErrInUse.
const DefaultLockTimeout = 1500 * time.Millisecond

// Store is an open corpus directory. Its methods are safe for concurrent use.
type Store struct {
	dir      string
	db       *sql.DB
	lock     *os.File // nil for a read-only store
	readOnly bool
	gen      generation // see Generation
}

// Options tune Open.
type Options struct {
	// ReadOnly opens without the writer lock: reads see committed data while
	// another process writes. The corpus must exist.
	ReadOnly bool
	// LockTimeout bounds the wait for another writer (DefaultLockTimeout when 0).
	LockTimeout time.Duration
	// Shared opens for writing without the writer lock: the process (the
	// page of jixiao serve) writes beside one CLI writer, SQLite serialising
	// the transactions (WAL, BEGIN IMMEDIATE, a busy timeout).
	Shared bool
	// MustExist refuses a directory that holds no corpus (ErrNoCorpus,
	// naming the path) instead of creating one.
	MustExist bool
}

// Open opens the corpus in dir for reading and writing, creating dir and the
// database when missing. It returns ErrInUse within LockTimeout when another
// process (or another Store in this one) holds it.
func Open(dir string) (*Store, error) { return OpenOptions(dir, Options{}) }

// OpenReadOnly opens an existing corpus for reading; it never waits for a writer.
func OpenReadOnly(dir string) (*Store, error) { return OpenOptions(dir, Options{ReadOnly: true}) }

// OpenOptions opens the corpus in dir as opt says.
func OpenOptions(dir string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("语料库目录 %s: %w", dir, err)
	}
	s := &Store{dir: abs, readOnly: opt.ReadOnly}
	dbPath := filepath.Join(abs, DBName)
	if opt.ReadOnly || opt.MustExist {
		if err := Exists(abs); err != nil {
			return nil, err
		}
	}
	if !opt.ReadOnly {
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return nil, fmt.Errorf("无法创建语料库目录 %s: %w", abs, err)
		}
		timeout := opt.LockTimeout
		if timeout == 0 {
			timeout = DefaultLockTimeout
		}
		if !opt.Shared {
			s.lock, err = lockDir(abs, timeout)
			if err != nil {
				return nil, err
			}
		}
	}
	s.db, err = sql.Open("sqlite", dsn(dbPath, opt.ReadOnly))
	if err != nil {
		s.unlock()
		return nil, fmt.Errorf("打开 %s: %w", dbPath, err)
	}
	s.db.SetMaxOpenConns(8)
	s.db.SetMaxIdleConns(8)
	if err := s.migrate(context.Background()); err != nil {
		s.db.Close()
		s.unlock()
		return nil, fmt.Errorf("语料库 %s: %w", abs, err)
	}
	return s, nil
}

// Exists says whether dir holds a corpus (its database file); the error
// names the path as given and as resolved.
func Exists(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("语料库目录 %s: %w", dir, err)
	}
	fi, err := os.Stat(filepath.Join(abs, DBName))
	if err != nil || !fi.Mode().IsRegular() {
		if abs != dir {
			return fmt.Errorf("%w: %s (%s)", ErrNoCorpus, dir, abs)
		}
		return fmt.Errorf("%w: %s", ErrNoCorpus, dir)
	}
	return nil
}

// dsn is the connection string: WAL, foreign keys, a busy timeout so that a
// reader never fails on a writer's checkpoint, and BEGIN IMMEDIATE for writes.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Set("_query_only", "1")
	} else {
		q.Set("_journal_mode", "WAL")
		// In WAL mode NORMAL loses no committed transaction on a process
		// crash (kill -9); only a power cut may roll back the last ones.
		q.Set("_synchronous", "NORMAL")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Dir is the corpus directory (absolute); the search index lives in Dir()/index.
func (s *Store) Dir() string { return s.dir }

// IndexPath is the directory of the search index.
func (s *Store) IndexPath() string { return filepath.Join(s.dir, IndexDir) }

// UploadsPath is the directory of uploaded files (UploadsDir).
func (s *Store) UploadsPath() string { return filepath.Join(s.dir, UploadsDir) }

// ReadOnly reports whether the store was opened without the writer lock.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close releases the database and the writer lock.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	s.closeGeneration()
	err := s.db.Close()
	s.db = nil
	s.unlock()
	return err
}

func (s *Store) unlock() {
	if s.lock != nil {
		unlockDir(s.lock)
		s.lock = nil
	}
}

// errReadOnly is returned by writing methods of a read-only store.
var errReadOnly = errors.New("语料库以只读方式打开 (corpus opened read-only)")

func (s *Store) writable() error {
	if s.readOnly {
		return errReadOnly
	}
	return nil
}

// now is the time recorded in rows; UTC, so that sorting strings sorts times.
func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
