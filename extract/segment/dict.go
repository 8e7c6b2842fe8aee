package segment

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The dictionaries of cppjieba (MIT, see dict/LICENSE.gojieba), compressed,
// and our own domain dictionary of public-finance words.
//
//go:embed dict/jieba.dict.utf8.bz2 dict/hmm_model.utf8.bz2 dict/idf.utf8.bz2 dict/stop_words.utf8.bz2 dict/user.dict.utf8
var dicts embed.FS

// dictFiles are the five files gojieba wants, in the order NewJieba takes them.
var dictFiles = []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8", "idf.utf8", "stop_words.utf8"}

// CacheDir is where the dictionaries are written; empty means the user cache
// directory (or the temp directory when there is none). Set before Default.
var CacheDir string

// installDicts writes the embedded dictionaries to a directory named after
// their content (so a new binary never reads an old dictionary) and returns
// their paths and the stop words.
func installDicts() ([]string, map[string]bool, error) {
	h := sha256.New()
	for _, name := range dictFiles {
		b, err := readEmbedded(name, false)
		if err != nil {
			return nil, nil, err
		}
		h.Write(b)
	}
	base := CacheDir
	if base == "" {
		if d, err := os.UserCacheDir(); err == nil {
			base = filepath.Join(d, "jixiao")
		} else {
			base = filepath.Join(os.TempDir(), "jixiao-cache")
		}
	}
	dir := filepath.Join(base, "jieba-"+hex.EncodeToString(h.Sum(nil))[:16])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("分词词典目录 %s: %w", dir, err)
	}
	paths := make([]string, len(dictFiles))
	for i, name := range dictFiles {
		p := filepath.Join(dir, name)
		paths[i] = p
		if fi, err := os.Stat(p); err == nil && fi.Size() > 0 {
			continue
		}
		b, err := readEmbedded(name, true)
		if err != nil {
			return nil, nil, err
		}
		if err := writeAtomic(p, b); err != nil {
			return nil, nil, fmt.Errorf("写入分词词典 %s: %w", p, err)
		}
	}
	stopBytes, err := readEmbedded("stop_words.utf8", true)
	if err != nil {
		return nil, nil, err
	}
	stop := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(stopBytes))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			stop[w] = true
		}
	}
	for _, w := range []string{"的", "了", "和", "与", "及", "等", "对", "关于", "项目", "年", "年度", "资金", "经费"} {
		stop[w] = true
	}
	return paths, stop, nil
}

// readEmbedded returns a dictionary file, decompressed when asked.
func readEmbedded(name string, decompress bool) ([]byte, error) {
	if b, err := dicts.ReadFile("dict/" + name); err == nil {
		return b, nil
	}
	b, err := dicts.ReadFile("dict/" + name + ".bz2")
	if err != nil {
		return nil, fmt.Errorf("内嵌分词词典 %s: %w", name, err)
	}
	if !decompress {
		return b, nil
	}
	out, err := io.ReadAll(bzip2.NewReader(bytes.NewReader(b)))
	if err != nil {
		return nil, fmt.Errorf("解压分词词典 %s: %w", name, err)
	}
	return out, nil
}

func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}
