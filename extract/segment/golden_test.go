package segment

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yanyiwu/gojieba"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/golden.txt from the current segmenter")

// digest is what a golden line records of one way of cutting one text: the
// number of tokens and a hash of every token with its byte span (or of
// every keyword with its weight, to the last bit).
type digest struct {
	n   int
	sum string
}

func (d digest) String() string { return fmt.Sprintf("%d %s", d.n, d.sum) }

// cuts are the ways of cutting a text whose results are kept: precise and
// search mode (as Cut and CutForSearch call them) and TF-IDF keywords, line
// by line, with their weights (as Keywords calls them).
var cuts = []struct {
	name string
	run  func(j *gojieba.Jieba, text string) digest
}{
	{"cut", func(j *gojieba.Jieba, text string) digest {
		return wordsDigest(j.Tokenize(sanitize(text), gojieba.DefaultMode, true))
	}},
	{"search", func(j *gojieba.Jieba, text string) digest {
		return wordsDigest(j.Tokenize(sanitize(text), gojieba.SearchMode, true))
	}},
	{"keywords", func(j *gojieba.Jieba, text string) digest {
		h := sha256.New()
		n := 0
		for line := range strings.SplitSeq(sanitize(text), "\n") {
			for _, w := range j.ExtractWithWeight(line, 10) {
				fmt.Fprintf(h, "%s\x00%.17g\x00", w.Word, w.Weight)
				n++
			}
			h.Write([]byte{'\n'})
		}
		return digest{n, hex.EncodeToString(h.Sum(nil))}
	}},
}

func wordsDigest(ws []gojieba.Word) digest {
	h := sha256.New()
	for _, w := range ws {
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", w.Str, w.Start, w.End)
	}
	return digest{len(ws), hex.EncodeToString(h.Sum(nil))}
}

// goldenTexts are the texts the golden file was made from, read as they lie
// in the shared fixtures: every published document of testdata/real/docs
// kept as text, the reference report, an HTML print and a GB18030 file
// (its invalid UTF-8 bytes exercise sanitize).
func goldenTexts(t *testing.T) map[string]string {
	paths, err := filepath.Glob("../../testdata/real/docs/*.txt")
	if err != nil || len(paths) < 60 {
		t.Fatalf("the real documents under testdata/real/docs: %d, %v", len(paths), err)
	}
	paths = append(paths, "../../testdata/nantun-2023.md", "../../testdata/qiaotou-2022.gb18030.txt",
		"../../testdata/formats/hengshan-2023-zhengti.html")
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = string(b)
	}
	return out
}

// goldenLines gives the golden file's lines for a segmenter: "file way n
// sum", for the files named in only (every text when only is nil). A file
// of only that is not among the texts is a line of its own, "file missing".
func goldenLines(t *testing.T, j *gojieba.Jieba, only map[string]bool) []string {
	texts := goldenTexts(t)
	names := make([]string, 0, len(texts))
	for n := range texts {
		if only == nil || only[n] {
			names = append(names, n)
		}
	}
	for n := range only {
		if _, ok := texts[n]; !ok {
			texts[n] = ""
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var lines []string
	for _, name := range names {
		if only != nil && texts[name] == "" {
			lines = append(lines, name+" missing")
			continue
		}
		for _, c := range cuts {
			lines = append(lines, fmt.Sprintf("%s %s %s", name, c.name, c.run(j, texts[name])))
		}
	}
	return lines
}

func readGolden(t *testing.T) []string {
	f, err := os.Open("testdata/golden.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestSegmentsAsUpstream holds the segmenter to what gojieba v1.4.6 as
// published gives on the real documents: testdata/golden.txt was written by
// the unpatched library (before third_party/gojieba was patched), so the
// patched one, loaded from its dictionary image, must cut every text into
// the same tokens at the same offsets and weigh the same keywords the same,
// to the last bit. Documents added to testdata/real after the golden file
// was written are not in it (they were never cut by the unpatched library);
// the texts it names must all still be there.
func TestSegmentsAsUpstream(t *testing.T) {
	s := MustDefault()
	want := readGolden(t)
	named := map[string]bool{}
	for _, l := range want {
		named[strings.Fields(l)[0]] = true
	}
	only := named
	if *updateGolden {
		only = nil
	}
	got := goldenLines(t, s.jieba, only)
	if *updateGolden {
		head := "# file way tokens sha256 — written by go test -run TestSegmentsAsUpstream -update\n"
		if err := os.WriteFile("testdata/golden.txt", []byte(head+strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if len(want) < 3*60 {
		t.Fatalf("testdata/golden.txt holds %d lines", len(want))
	}
	if !slices.Equal(got, want) {
		for i := range max(len(got), len(want)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("got  %s\nwant %s", g, w)
			}
		}
	}
}
