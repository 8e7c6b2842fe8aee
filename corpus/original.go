package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
)

// The original of a report is the file it was ingested from, read again
// from the path recorded with it: the corpus keeps the pages as read, not
// the bytes (a year of a county's PDFs would double the store for the few
// pages a reviewer looks at). It is given only while the file still holds
// the bytes the report was read from.

// ErrOriginalGone says the file a report was read from is no longer at its
// path as it was read (moved, deleted or changed since).
var ErrOriginalGone = errors.New("原件已移动或已修改 (original moved or changed)")

// MaxOriginal bounds the size of an original read back.
const MaxOriginal = 512 << 20

// Original reads the file report id was ingested from and checks that its
// SHA-256 is still the report's; it returns the bytes and the path.
func (s *Store) Original(ctx context.Context, id string) ([]byte, string, error) {
	var path, sha string
	err := s.db.QueryRowContext(ctx, `SELECT path, sha256 FROM reports WHERE id = ?`, id).Scan(&path, &sha)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err != nil {
		return nil, "", err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, path, fmt.Errorf("%s: %w: %w", path, ErrOriginalGone, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxOriginal+1))
	if err != nil {
		return nil, path, fmt.Errorf("%s: %w", path, err)
	}
	sum := sha256.Sum256(data)
	if len(data) > MaxOriginal || hex.EncodeToString(sum[:]) != sha {
		return nil, path, fmt.Errorf("%s: %w", path, ErrOriginalGone)
	}
	return data, path, nil
}
