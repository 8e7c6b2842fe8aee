package corpus

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Files sent from the review page are kept under UploadsDir at the
// relative path the browser gives (the name, or folder/…/name of a folder
// chosen or dropped), and ingested from there like any other path.

// Limits of an upload's relative path.
const (
	MaxUploadPathRunes = 400
	MaxUploadDepth     = 12
)

// ErrUploadPath means the relative path of an upload is refused; the
// error wrapping it says why.
var ErrUploadPath = errors.New("上传的文件路径无效 (invalid upload path)")

// UploadPath is where the upload of relative path rel is kept: under
// UploadsPath, rel being slash-separated with no absolute path, no . or ..
// segments, no hidden names (a Walk skips them), no control characters or
// backslashes, at most MaxUploadDepth segments and MaxUploadPathRunes
// characters.
func (s *Store) UploadPath(rel string) (string, error) {
	bad := func(why string) (string, error) { return "", fmt.Errorf("%w: %s", ErrUploadPath, why) }
	switch {
	case rel == "":
		return bad("缺少文件名 (path required)")
	case !utf8.ValidString(rel) || utf8.RuneCountInString(rel) > MaxUploadPathRunes:
		return bad("路径不是 UTF-8 或过长 (not UTF-8 or too long)")
	case strings.ContainsAny(rel, "\\\x00") || strings.IndexFunc(rel, unicode.IsControl) >= 0:
		return bad("含有不允许的字符 (backslash or control character)")
	}
	segs := strings.Split(rel, "/")
	if len(segs) > MaxUploadDepth {
		return bad("层级过深 (too deep)")
	}
	for _, seg := range segs {
		switch {
		case seg == "":
			return bad("有空的一段或以 / 开头 (empty segment or absolute path)")
		case seg == "." || seg == "..":
			return bad("不得含 . 或 .. (dot segment)")
		case strings.HasPrefix(seg, "."):
			return bad(fmt.Sprintf("隐藏文件不导入 (hidden name): %s", seg))
		}
	}
	return filepath.Join(append([]string{s.UploadsPath()}, segs...)...), nil
}

// SaveUpload writes at most limit bytes of body to dst (an UploadPath):
// whole or not at all (a body cut off, or one over the limit, leaves
// nothing behind), and not at all when dst holds the same bytes already, so
// that its ledger entry still says it is in. A body over limit is
// ErrUploadTooLarge.
func (s *Store) SaveUpload(dst string, body io.Reader, limit int64) error {
	if err := s.writable(); err != nil {
		return err
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("上传目录: %w", err)
	}
	f, err := os.CreateTemp(dir, ".upload-*")
	if err != nil {
		return fmt.Errorf("上传: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after the rename, nothing is there
	n, err := io.Copy(f, io.LimitReader(body, limit+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("上传: %w", err)
	}
	if n > limit {
		return ErrUploadTooLarge
	}
	same, err := sameBytes(tmp, dst)
	if err != nil || same {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fmt.Errorf("上传: %w", err)
	}
	return nil
}

// ErrUploadTooLarge means an upload's body was over its limit.
var ErrUploadTooLarge = errors.New("上传的文件过大 (upload too large)")

// sameBytes reports whether the files a and b hold the same bytes (false
// when b does not exist).
func sameBytes(a, b string) (bool, error) {
	fb, err := os.Stat(b)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("上传: %w", err)
	}
	if !fb.Mode().IsRegular() {
		return false, fmt.Errorf("%w: %s 已存在且不是普通文件 (exists, not a regular file)", ErrUploadPath, filepath.Base(b))
	}
	fa, err := os.Stat(a)
	if err != nil || fa.Size() != fb.Size() {
		return false, err
	}
	x, err := fileSum(a)
	if err != nil {
		return false, err
	}
	y, err := fileSum(b)
	return err == nil && x == y, err
}

// fileSum is the SHA-256 of the file at p, read as a stream.
func fileSum(p string) ([32]byte, error) {
	var sum [32]byte
	f, err := os.Open(p)
	if err != nil {
		return sum, fmt.Errorf("上传: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, fmt.Errorf("上传: %w", err)
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
}
