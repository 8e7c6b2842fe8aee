package jieba

import (
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/jixiao/jixiao/extract/segment"
)

// show renders tokens as term@position[start,end] for exact comparison.
func show(ts analysis.TokenStream) []string {
	var out []string
	for _, t := range ts {
		out = append(out, fmt.Sprintf("%s@%d[%d,%d]", t.Term, t.Position, t.Start, t.End))
	}
	return out
}

func TestTokenizer(t *testing.T) {
	tests := []struct {
		mode Mode
		text string
		want []string
	}{
		{Search, "南屯镇2023年省级驻村工作队经费", []string{
			"南屯镇@1[0,9]", "2023@2[9,13]", "年@3[13,16]", "省级@4[16,22]",
			"驻村工作队@5[22,37]", "驻村@5[22,37]", "工作队@5[22,37]", "工作@5[22,37]", "经费@6[37,43]"}},
		{Cut, "南屯镇2023年省级驻村工作队经费", []string{
			"南屯镇@1[0,9]", "2023@2[9,13]", "年@3[13,16]", "省级@4[16,22]", "驻村工作队@5[22,37]", "经费@6[37,43]"}},
		// Punctuation and spaces give no token and take no position.
		{Search, "转移安置（集中安置）人员", []string{
			"转移安置@1[0,12]", "转移@1[0,12]", "安置@1[0,12]",
			"集中安置@2[15,27]", "集中@2[15,27]", "安置@2[15,27]", "人员@3[30,36]"}},
		{Cut, "防火员 8 个月防火期工资。", []string{
			"防火员@1[0,9]", "8@2[10,11]", "个@3[12,15]", "月@4[15,18]", "防火期@5[18,27]", "工资@6[27,33]"}},
		// Full-width digits are cut as one number; spans stay in the input.
		{Cut, "２０２３年ＡＫＴＤ", []string{"2023@1[0,12]", "年@2[12,15]", "AKTD@3[15,27]"}},
		{Search, "，。 、", nil},
		{Search, "", nil},
	}
	for _, tt := range tests {
		got := show(NewTokenizer(tt.mode).Tokenize([]byte(tt.text)))
		if !slices.Equal(got, tt.want) {
			t.Errorf("mode %d %q:\n got %q\nwant %q", tt.mode, tt.text, got, tt.want)
		}
	}
}

// The analyzers are registered by name and fold width and case.
func TestAnalyzersRegistered(t *testing.T) {
	cache := registry.NewCache()
	tests := []struct {
		name, text string
		want       []string
	}{
		{IndexAnalyzerName, "２０２３年度ＡＫＴＤ资金", []string{"2023", "年度", "aktd", "资金"}},
		{QueryAnalyzerName, "驻村工作队 经费", []string{"驻村工作队", "经费"}},
		{IndexAnalyzerName, "驻村工作队", []string{"驻村工作队", "驻村", "工作队", "工作"}},
	}
	for _, tt := range tests {
		a, err := cache.AnalyzerNamed(tt.name)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for _, tk := range a.Analyze([]byte(tt.text)) {
			got = append(got, string(tk.Term))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %q: got %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// Invalid UTF-8 must not silently empty the whole text.
func TestTokenizerInvalidUTF8(t *testing.T) {
	got := show(NewTokenizer(Cut).Tokenize([]byte("防火\xff经费")))
	want := []string{"防火@1[0,6]", "经费@2[7,13]"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzTokenizer(f *testing.F) {
	for _, s := range []string{"南屯镇2023年省级驻村工作队经费", "转移安置（集中安置）人员", "防火\xff经费", "ＡＫＴＤ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, mode := range []Mode{Cut, Search} {
			last := 0
			for _, tk := range NewTokenizer(mode).Tokenize([]byte(s)) {
				if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End {
					t.Fatalf("mode %d: bad span %d..%d in %q", mode, tk.Start, tk.End, s)
				}
				if tk.Position < last || tk.Position > last+1 {
					t.Fatalf("mode %d: position %d after %d in %q", mode, tk.Position, last, s)
				}
				last = tk.Position
			}
		}
	})
}

// BenchmarkTokenizeSearch cuts the reference report as the index does, and
// BenchmarkCutForSearch cuts it in the segmenter alone, in the same run: the
// difference is what the tokenizer adds (ordering, positions, tokens).
func BenchmarkTokenizeSearch(b *testing.B) {
	text := referenceText(b)
	tk := NewTokenizer(Search)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tk.Tokenize(text)
	}
}

func BenchmarkCutForSearch(b *testing.B) {
	text := referenceText(b)
	seg := segment.MustDefault()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		seg.CutForSearch(string(text))
	}
}

func referenceText(b *testing.B) []byte {
	text, err := os.ReadFile("../../testdata/nantun-2023.md")
	if err != nil {
		b.Fatal(err)
	}
	return text
}
