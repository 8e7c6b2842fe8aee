package html

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jixiao/jixiao/internal/fuzzbudget"
)

func FuzzExtract(f *testing.F) {
	fuzzbudget.Set()
	for _, name := range []string{"nantun-2023.html", "portal-gbk.html", "xiangmu-table-gbk.html"} {
		f.Add(readFile(f, name))
	}
	for _, c := range articleCases {
		f.Add([]byte(c.page))
	}
	f.Add([]byte("<table><tr><td rowspan=9999 colspan=9999>x</td></tr><tr><td>y</td></tr></table>"))
	f.Add([]byte(`<meta charset="utf-16"><p>文字</p>`))
	f.Add([]byte("\xFE\xFF\x00<\x00p\x00>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := Extract(data)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Errorf("invalid UTF-8: %q", text)
		}
		// Output grows at most by list labels and table cell separators.
		if len(text) > 64*len(data)+1024 {
			t.Errorf("%d bytes of text from %d bytes of page", len(text), len(data))
		}
		for l := range strings.SplitSeq(text, "\n") {
			if l != strings.TrimSpace(l) {
				t.Errorf("untrimmed line %q", l)
			}
		}
	})
}
