package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/ingest"
)

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// The same seed gives the same bytes; report i does not depend on n; another
// seed gives other reports.
func TestDeterministic(t *testing.T) {
	a, b, c, d := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	for _, g := range []struct {
		dir  string
		n    int
		seed int64
	}{{a, 40, 11}, {b, 40, 11}, {c, 15, 11}, {d, 40, 12}} {
		if _, err := Generate(g.dir, g.n, Options{Seed: g.seed}); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb, fc, fd := readDir(t, a), readDir(t, b), readDir(t, c), readDir(t, d)
	if len(fa) != 41 {
		t.Fatalf("%d files, want 40 reports and truth.jsonl", len(fa))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	for name, data := range fc {
		if name == "truth.jsonl" {
			if !bytes.HasPrefix(fa[name], data) {
				t.Errorf("truth of 15 reports is not a prefix of the truth of 40")
			}
			continue
		}
		if !bytes.Equal(data, fa[name]) {
			t.Errorf("%s differs when fewer reports are generated", name)
		}
	}
	if bytes.Equal(fa["truth.jsonl"], fd["truth.jsonl"]) {
		t.Errorf("seeds 11 and 12 give the same truth")
	}
}

// Every format is written as asked, and the project's reader sniffs it right.
func TestEachFormat(t *testing.T) {
	want := map[string]struct {
		ext    string
		format ingest.Format
	}{
		"md": {".md", ingest.FormatText}, "txt": {".txt", ingest.FormatText}, "gb18030": {".txt", ingest.FormatText},
		"utf16": {".txt", ingest.FormatText}, "html": {".html", ingest.FormatHTML}, "docx": {".docx", ingest.FormatDOCX},
	}
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) {
			dir := t.TempDir()
			truths, err := Generate(dir, 8, Options{Seed: 5, Formats: []string{f}, TableShare: 0.5})
			if err != nil {
				t.Fatal(err)
			}
			genres := map[string]bool{}
			for _, tr := range truths {
				genres[tr.Genre] = true
				if tr.Format != f || filepath.Ext(tr.File) != want[f].ext {
					t.Errorf("%s: format %s, want %s%s", tr.File, tr.Format, f, want[f].ext)
				}
				data, err := os.ReadFile(filepath.Join(dir, tr.File))
				if err != nil {
					t.Fatal(err)
				}
				if got := ingest.Sniff(data); got != want[f].format {
					t.Errorf("%s sniffed as %s, want %s", tr.File, got, want[f].format)
				}
				lines := decodeLines(t, f, data)
				if text := NormalizeName(strings.Join(lines, "")); !strings.Contains(text, tr.Items[0].Name) {
					t.Errorf("%s: first item %q not in the decoded text", tr.File, tr.Items[0].Name)
				}
			}
			if !genres[GenreNarrative] || !genres[GenreProjectTable] {
				t.Errorf("genres written: %v, want both", genres)
			}
		})
	}
}

func TestOptions(t *testing.T) {
	if _, err := Generate(t.TempDir(), 1, Options{Formats: []string{"pdf"}}); err == nil || !strings.Contains(err.Error(), "pdf") {
		t.Errorf("unknown format: error %v", err)
	}
	if _, err := Generate(t.TempDir(), 1, Options{MinItems: 10, MaxItems: 5}); err == nil {
		t.Errorf("MinItems > MaxItems accepted")
	}
	if _, err := Generate(t.TempDir(), -1, Options{}); err == nil {
		t.Errorf("negative count accepted")
	}
	truths, err := Generate(t.TempDir(), 60, Options{Seed: 2, PlantShare: -1, TableShare: -1, MinItems: 6, MaxItems: 9})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range truths {
		if tr.Genre != GenreNarrative || len(tr.Planted) != 0 {
			t.Errorf("%s: genre %s, planted %v; want consistent narratives only", tr.File, tr.Genre, tr.Planted)
		}
		if len(tr.Items) > 9 {
			t.Errorf("%s: %d items, max 9", tr.File, len(tr.Items))
		}
	}
	truths, err = Generate(t.TempDir(), 12, Options{Seed: 2, TableShare: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range truths {
		if tr.Genre != GenreProjectTable {
			t.Errorf("%s: genre %s with TableShare 1", tr.File, tr.Genre)
		}
	}
}

// The shares of genres, formats and planted rules, over many reports.
func TestProportions(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 500
	}
	opt, _ := Options{Seed: 3}.resolved()
	units := buildUnits(opt.Seed, (n+yearsPerUnit-1)/yearsPerUnit)
	genres, formats, planted, rules := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	items := 0
	for i := 0; i < n; i++ {
		tr, _, err := render(units, i, opt)
		if err != nil {
			t.Fatal(err)
		}
		genres[tr.Genre]++
		formats[tr.Format]++
		if len(tr.Planted) > 0 {
			planted[tr.Genre]++
		}
		if tr.Genre == GenreNarrative {
			items += len(tr.Items)
		}
		for _, p := range tr.Planted {
			rules[tr.Genre+" "+p.Rule]++
			if p.Severity == "info" && p.Rule == "total-mismatch" {
				rules[tr.Genre+" rounding"]++
			}
		}
	}
	share := func(k, of int) float64 { return float64(k) / float64(of) }
	if s := share(genres[GenreProjectTable], n); s < 0.11 || s > 0.19 {
		t.Errorf("table share %.3f, want about 0.15", s)
	}
	if s := share(planted[GenreNarrative], genres[GenreNarrative]); s < 0.28 || s > 0.42 {
		t.Errorf("planted narrative share %.3f, want about 0.35", s)
	}
	if s := share(planted[GenreProjectTable], genres[GenreProjectTable]); s < 0.2 || s > 0.5 {
		t.Errorf("planted table share %.3f, want about 0.35", s)
	}
	for _, f := range Formats {
		if s := share(formats[f], n); s < 0.05 {
			t.Errorf("format %s share %.3f", f, s)
		}
	}
	if avg := share(items, genres[GenreNarrative]); avg < 10 || avg > 25 {
		t.Errorf("%.1f items per narrative, want 10–25", avg)
	}
	for _, r := range narrativeRules {
		if rules[GenreNarrative+" "+r.id] == 0 {
			t.Errorf("narrative rule %s never planted", r.id)
		}
	}
	for _, r := range append(append([]ruleWeight(nil), tableRules...), scoringRules...) {
		id := r.id
		if id == "not-applicable" {
			id = "score-mismatch" // planted as a 总分 not rescaled
		}
		if rules[GenreProjectTable+" "+id] == 0 {
			t.Errorf("table rule %s never planted", r.id)
		}
	}
}

// A unit's projects recur across years under the same key, their names
// changing a little (the year, 项目 dropped or added, 年/年度).
func TestProjectsRecur(t *testing.T) {
	truths, err := Generate(t.TempDir(), 4*yearsPerUnit, Options{Seed: 9, TableShare: -1})
	if err != nil {
		t.Fatal(err)
	}
	for u := 0; u < 4; u++ {
		years := map[string]int{}
		names := map[string][]string{}
		unit := truths[u*yearsPerUnit].Unit
		for _, tr := range truths[u*yearsPerUnit : (u+1)*yearsPerUnit] {
			if tr.Unit != unit {
				t.Fatalf("unit %q then %q within one block of years", unit, tr.Unit)
			}
			for _, it := range tr.Items {
				years[it.Key]++
				if !slices.Contains(names[it.Key], it.Name) {
					names[it.Key] = append(names[it.Key], it.Name)
				}
			}
		}
		recurring, reworded := 0, 0
		for k, n := range years {
			if n >= 6 {
				recurring++
			}
			if len(names[k]) > 1 {
				reworded++
				for _, other := range names[k][1:] {
					if d := dice(stripYears(names[k][0]), stripYears(other)); d < 0.6 {
						t.Errorf("%s: %q and %q are too unlike for the same project (%.2f)", k, names[k][0], other, d)
					}
				}
			}
		}
		if recurring < 3 || reworded < 3 {
			t.Errorf("%s: %d projects recur in 6+ years, %d reworded; want at least 3 each", unit, recurring, reworded)
		}
	}
}

func stripYears(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}

func TestNormalizeName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"南屯镇 2023 年省级驻村工作队经费", "南屯镇2023年省级驻村工作队经费"},
		{"南屯镇 2023 年度 AKTD 资金", "南屯镇2023年度AKTD资金"},
		{"防贫监测员 2022 年 1-12 月劳务报酬", "防贫监测员2022年1-12月劳务报酬"},
		{"农村“两委”干部\u3000绩效补贴", "农村“两委”干部绩效补贴"},
		{"２０２３年（集中安置）", "2023年（集中安置）"},
		{"ＡＫＴＤ．资金\u00a0", "AKTD.资金"},
	} {
		if got := NormalizeName(c.in); got != c.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMoneyWriting(t *testing.T) {
	for _, c := range []struct {
		fen  int64
		seps bool
		want string
	}{
		{103_064_000, true, "1,030,640"},
		{103_064_003, true, "1,030,640.03"},
		{103_064_000, false, "1030640"},
		{98_100, true, "981"},
		{50, true, "0.50"},
	} {
		if got := formatYuan(c.fen, c.seps); got != c.want {
			t.Errorf("formatYuan(%d) = %q, want %q", c.fen, got, c.want)
		}
	}
	if got := wanString(937_131_003); got != "937.131003" {
		t.Errorf("wanString = %q", got)
	}
	if got := toFullWidthDigits("9.81"); got != "９.８１" {
		t.Errorf("full width %q", got)
	}
	w := written{decimals: 2, yuan: true}
	if got := w.halfUlp().String(); got != "0.0000005" {
		t.Errorf("half-ulp of 0.01 元 = %s 万元", got)
	}
}
