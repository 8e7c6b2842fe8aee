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
	"runtime"
	"strings"

	"github.com/yanyiwu/gojieba"
)

// The dictionaries of cppjieba (MIT, see dict/LICENSE.gojieba), compressed,
// and our own domain dictionary of public-finance words.
//
//go:embed dict/jieba.dict.utf8.bz2 dict/hmm_model.utf8.bz2 dict/idf.utf8.bz2 dict/stop_words.utf8.bz2 dict/user.dict.utf8
var dicts embed.FS

// dictFiles are the five files gojieba wants, in the order NewJieba takes them.
var dictFiles = []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8", "idf.utf8", "stop_words.utf8"}

// imageVersion names the layout of the dictionary image (Image.hpp of
// third_party/gojieba); a new layout gets a new name, so a new binary never
// reads an old image.
const imageVersion = "img1"

// CacheDir is where the dictionary image is kept; empty means the user cache
// directory (or the temp directory when there is none). Set before Default.
var CacheDir string

// cacheBase is CacheDir or its default.
func cacheBase() string {
	if CacheDir != "" {
		return CacheDir
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "jixiao")
	}
	return filepath.Join(os.TempDir(), "jixiao-cache")
}

// imageDir is the directory of the image of the embedded dictionaries, named
// after their content, the image layout and the machine kind (the image is
// in the machine's byte order and struct layout).
func imageDir(base string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s %s/%s\x00", imageVersion, runtime.GOOS, runtime.GOARCH)
	for _, name := range dictFiles {
		b, err := readEmbedded(name, false)
		if err != nil {
			return "", err
		}
		h.Write(b)
	}
	return filepath.Join(base, "jieba-"+hex.EncodeToString(h.Sum(nil))[:16]), nil
}

// loadJieba gives a gojieba instance of the embedded dictionaries. It reads
// the dictionary image under base (mapped, not parsed: milliseconds); when
// there is none, or it is damaged, it builds one from the dictionaries
// (about a second, once per machine and dictionary) and reads that. When the
// image can be neither written nor mapped, the instance built from the text
// dictionaries is used: the same words, only slower to start.
func loadJieba(base string) (*gojieba.Jieba, error) {
	dir, err := imageDir(base)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "dict.img")
	if j, err := openImage(path); err == nil {
		return j, nil
	}
	text, err := jiebaFromText(base)
	if err != nil {
		return nil, err
	}
	img, err := text.Image()
	if err != nil {
		return text, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return text, nil
	}
	if err := writeAtomic(path, img); err != nil {
		return text, nil
	}
	j, err := openImage(path)
	if err != nil {
		return text, nil
	}
	// Nothing has segmented with the text instance yet: freeing it now
	// cannot catch a call in flight, and gives back its 130 MB.
	text.Free()
	return j, nil
}

// openImage maps a dictionary image and reads a gojieba instance from it.
// The mapping is kept for the life of the process, as the instance is.
func openImage(path string) (*gojieba.Jieba, error) {
	data, err := mapFile(path)
	if err != nil {
		return nil, err
	}
	j, err := gojieba.NewJiebaFromImage(data)
	if err != nil {
		unmapFile(data)
		return nil, fmt.Errorf("分词词典映像 %s: %w", path, err)
	}
	return j, nil
}

// jiebaFromText writes the embedded dictionaries into a directory of this
// process's own under base, builds a gojieba instance from them and removes
// them: a private directory, so that two processes building at once never
// read each other's half-written files.
//
// When base cannot be written (a read-only home), the temp directory serves.
func jiebaFromText(base string) (*gojieba.Jieba, error) {
	tmp, err := "", os.MkdirAll(base, 0o755)
	if err == nil {
		tmp, err = os.MkdirTemp(base, "jieba-build-")
	}
	if err != nil {
		if tmp, err = os.MkdirTemp("", "jixiao-jieba-build-"); err != nil {
			return nil, fmt.Errorf("分词词典目录 %s: %w", base, err)
		}
	}
	defer os.RemoveAll(tmp)
	paths := make([]string, len(dictFiles))
	for i, name := range dictFiles {
		b, err := readEmbedded(name, true)
		if err != nil {
			return nil, err
		}
		paths[i] = filepath.Join(tmp, name)
		if err := os.WriteFile(paths[i], b, 0o644); err != nil {
			return nil, fmt.Errorf("写入分词词典 %s: %w", paths[i], err)
		}
	}
	return gojieba.NewJieba(paths...), nil
}

// stopWords are the words IsContent refuses: cppjieba's stop words and the
// words every report title carries.
func stopWords() (map[string]bool, error) {
	stopBytes, err := readEmbedded("stop_words.utf8", true)
	if err != nil {
		return nil, err
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
	return stop, nil
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
