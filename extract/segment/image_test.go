package segment

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/yanyiwu/gojieba"
)

// builtImage gives the path of an image built under a fresh cache directory.
func builtImage(t testing.TB, base string) string {
	j, err := loadJieba(base)
	if err != nil {
		t.Fatal(err)
	}
	_ = j // mapped for the life of the test process, as Default's is
	dir, err := imageDir(base)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "dict.img")
}

func cut(j *gojieba.Jieba, text string) []string {
	var out []string
	for _, w := range j.Tokenize(text, gojieba.SearchMode, true) {
		out = append(out, w.Str)
	}
	return out
}

// TestImageBuiltOnceAndRead: the first load writes the image and leaves no
// text dictionaries behind; the next reads the image and segments the same.
func TestImageBuiltOnceAndRead(t *testing.T) {
	base := t.TempDir()
	path := builtImage(t, base)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no image after the first load: %v", err)
	}
	if fi.Size() < 10<<20 {
		t.Errorf("image of %d bytes: the dictionary is missing from it", fi.Size())
	}
	left, _ := filepath.Glob(filepath.Join(base, "jieba-build-*"))
	if len(left) != 0 {
		t.Errorf("text dictionaries left behind: %v", left)
	}
	j, err := openImage(path)
	if err != nil {
		t.Fatal(err)
	}
	got := cut(j, "南屯镇2023年省级驻村工作队经费")
	want := []string{"南屯镇", "2023", "年", "省级", "驻村", "工作", "工作队", "驻村工作队", "经费"}
	if !slices.Equal(got, want) {
		t.Errorf("from the image: %q, want %q", got, want)
	}
	// The ways of cutting the project does not use give the same from the
	// image as from the text dictionaries too.
	text, err := jiebaFromText(base)
	if err != nil {
		t.Fatal(err)
	}
	defer text.Free()
	const s = "南屯镇2023年省级驻村工作队经费已全部拨付，用于村级组织办公和一事一议财政奖补。"
	if g, w := j.Tag(s), text.Tag(s); !slices.Equal(g, w) {
		t.Errorf("Tag from the image %q, from text %q", g, w)
	}
	if g, w := j.CutAll(s), text.CutAll(s); !slices.Equal(g, w) {
		t.Errorf("CutAll from the image %q, from text %q", g, w)
	}
	if g, w := j.Cut(s, false), text.Cut(s, false); !slices.Equal(g, w) {
		t.Errorf("Cut without HMM from the image %q, from text %q", g, w)
	}
	// A word added to an instance read from the image is found: the
	// ordinary trie is built from the image's first.
	added, err := openImage(path)
	if err != nil {
		t.Fatal(err)
	}
	defer added.Free()
	added.AddWord("省级驻村工作队经费")
	if got := added.Cut("南屯镇2023年省级驻村工作队经费", true); !slices.Contains(got, "省级驻村工作队经费") {
		t.Errorf("after AddWord: %q", got)
	}
	if got := added.Cut("防火巡逻", true); !slices.Equal(got, j.Cut("防火巡逻", true)) {
		t.Errorf("after AddWord, other words: %q, want %q", got, j.Cut("防火巡逻", true))
	}
	kw := j.ExtractWithWeight("南屯镇购买无人机项目，用于支付我镇购买无人机费用，加强防火巡逻", 1)
	if len(kw) != 1 || kw[0].Word != "无人机" {
		t.Errorf("keywords from the image: %v, want 无人机", kw)
	}
}

// TestDamagedImageRebuilt: an image whose bytes changed on disk is refused
// by its checksum, and the next load builds a sound one in its place.
func TestDamagedImageRebuilt(t *testing.T) {
	base := t.TempDir()
	path := builtImage(t, base)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0x40
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := openImage(path); err == nil {
		t.Fatal("a damaged image was read")
	}
	j, err := loadJieba(base)
	if err != nil {
		t.Fatal(err)
	}
	if got := cut(j, "驻村工作队"); !slices.Equal(got, []string{"驻村", "工作", "工作队", "驻村工作队"}) {
		t.Errorf("after the rebuild: %q", got)
	}
	if _, err := openImage(path); err != nil {
		t.Errorf("the rebuilt image: %v", err)
	}
}

// BenchmarkLoadImage and BenchmarkLoadText compare a start from the image
// with a start from the text dictionaries, in the same run.
func BenchmarkLoadImage(b *testing.B) {
	path := builtImage(b, b.TempDir())
	for b.Loop() {
		data, err := mapFile(path)
		if err != nil {
			b.Fatal(err)
		}
		j, err := gojieba.NewJiebaFromImage(data)
		if err != nil {
			b.Fatal(err)
		}
		j.Free()
		unmapFile(data)
	}
}

func BenchmarkLoadText(b *testing.B) {
	base := b.TempDir()
	for b.Loop() {
		j, err := jiebaFromText(base)
		if err != nil {
			b.Fatal(err)
		}
		j.Free()
	}
}

// TestReadOnlyCache: when the cache directory cannot be written, the
// segmenter is built from the text dictionaries in the temp directory and
// cuts the same; nothing is left behind.
func TestReadOnlyCache(t *testing.T) {
	// Under a regular file no directory can be made, whoever runs the test.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(file, "cache")
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "jixiao-jieba-build-*"))
	j, err := loadJieba(base)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Free()
	if got := cut(j, "驻村工作队"); !slices.Equal(got, []string{"驻村", "工作", "工作队", "驻村工作队"}) {
		t.Errorf("from text: %q", got)
	}
	if after, _ := filepath.Glob(filepath.Join(os.TempDir(), "jixiao-jieba-build-*")); len(after) > len(before) {
		t.Errorf("left behind: %v", after)
	}
}
