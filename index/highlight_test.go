package index

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jixiao/jixiao/internal/fuzzbudget"
)

// spanOf is the byte span of the n-th (0-based) occurrence of word in text.
func spanOf(t *testing.T, text, word string, n int) span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		k := strings.Index(text[off:], word)
		if k < 0 {
			t.Fatalf("%q: occurrence %d of %q missing", text, n, word)
		}
		if i == n {
			return span{off + k, off + k + len(word)}
		}
		off += k + len(word)
	}
}

func TestFragments(t *testing.T) {
	long := "用于支付我镇购买无人机费用，加强防火巡逻，加强对我镇山地、森林等资源的日常巡护，避免发生火灾等危险。" +
		"另外购置防火服二十套，防火物资储备充足，全年未发生森林火灾，群众满意度高。"
	eval := "立项：符合要求。\n产出：加强我镇防火巡逻。\n效益：我镇未发生火灾。"
	texts := []string{"南屯镇防火经费", long, eval, "", ""}
	ranges := [][]span{
		{spanOf(t, texts[0], "防火", 0)},
		{spanOf(t, long, "防火", 0), spanOf(t, long, "防火", 1), spanOf(t, long, "防火", 2)},
		{spanOf(t, eval, "防火", 0)},
		nil, nil,
	}
	got := fragments(texts, ranges, Brackets, 30)
	want := []string{
		// The name, whole.
		"南屯镇【防火】经费",
		// A window of 30 characters from 7 (a quarter) before the first match.
		"…人机费用，加强【防火】巡逻，加强对我镇山地、森林等资源的日常巡护…",
		// The next window starts at the next match not shown; both fit.
		"…危险。另外购置【防火】服二十套，【防火】物资储备充足，全年未发生森林…",
	}
	if !slices.Equal(got, want) {
		t.Errorf("fragments\n got %q\nwant %q", got, want)
	}
	// A window does not cross into another dimension's line.
	got = fragments([]string{"", "", eval, "", ""}, [][]span{nil, nil, ranges[2], nil, nil}, HTML, 30)
	if want := []string{"产出：加强我镇<mark>防火</mark>巡逻。"}; !slices.Equal(got, want) {
		t.Errorf("fragment of a dimension: %q, want %q", got, want)
	}
	// HTML escapes the text.
	got = fragments([]string{"A&B<防火>", "", "", "", ""}, [][]span{{{4, 10}}, nil, nil, nil, nil}, HTML, 30)
	if want := []string{"A&amp;B&lt;<mark>防火</mark>&gt;"}; !slices.Equal(got, want) {
		t.Errorf("escaped: %q, want %q", got, want)
	}
}

func TestMergeSpans(t *testing.T) {
	got := mergeSpans([]span{{6, 12}, {0, 6}, {9, 15}, {12, 18}, {20, 23}})
	// Overlapping bigrams join; touching words stay apart.
	want := []span{{0, 6}, {6, 18}, {20, 23}}
	if !slices.Equal(got, want) {
		t.Errorf("mergeSpans = %v, want %v", got, want)
	}
}

// Any query text gives a result or an error, never a panic, and fragments
// stay valid UTF-8 with balanced marks.
func FuzzSearch(f *testing.F) {
	fuzzbudget.Set()
	for _, s := range []string{"驻村工作队", "驻村 市级", "地力保护", "，。", "ＡＫＴＤ", "\xff驻村", "a\x00b", "***", "+-:\"(", "防火 防火 防火"} {
		f.Add(s)
	}
	ix := nantunIndex(f)
	f.Fuzz(func(t *testing.T, text string) {
		res, err := ix.Search(context.Background(), Query{Text: text, Size: 5})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		for _, h := range res.Hits {
			for _, fr := range h.Fragments {
				if !utf8.ValidString(fr) {
					t.Fatalf("%q: invalid UTF-8 fragment %q", text, fr)
				}
				if strings.Count(fr, "<mark>") != strings.Count(fr, "</mark>") || strings.Count(fr, "<mark>") == 0 {
					t.Fatalf("%q: marks in fragment %q", text, fr)
				}
			}
		}
	})
}
