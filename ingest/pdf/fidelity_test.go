package pdf

import (
	"context"
	"math/rand"
	"strings"
	"testing"
)

// The golden texts in testdata/golden were made once with poppler's
// pdftotext 22.12 (default and -layout modes); the tests need no poppler.

var printed = []string{
	"01_lo_txt_default", "02_lo_docx_notoserif16", "03_lo_docx_fangsongGB2312_subst",
	"04_lo_odt_wqyzenhei12", "05_lo_odt_wqymicrohei14", "06_chromium_notoserif16",
	"07_chromium_wqyzenhei12", "08_cairo_wqyzenhei_identityH",
}

var realPDFs = []string{"shanghai-putuo-guihuaziyuan-2024-juesuan", "shanghai-putuo-shegongbu-2024-juesuan"}

// realDir holds the published documents of the repository (testdata/real),
// the two real PDFs among them; readTestdata's paths are under testdata.
const realDir = "../../../testdata/real/docs"

func extractFile(t testing.TB, opt Options, parts ...string) (Result, error) {
	t.Helper()
	opt.InProcess = true
	return Extract(context.Background(), readTestdata(t, parts...), opt)
}

// TestFidelity compares the stream of ideographs of each file with
// pdftotext's. Our lines follow the page geometry row by row (table cells
// joined by tabs), which is pdftotext -layout's reading order; plain
// pdftotext reads tables column block by column block, so for the two real
// reports with tables the plain-mode ratio is lower by construction and is
// only logged.
func TestFidelity(t *testing.T) {
	md := ideographs(string(readTestdata(t, "../../../testdata/nantun-2023.md")))
	type tc struct {
		name, dir string
		printed   bool
	}
	var cases []tc
	for _, n := range printed {
		cases = append(cases, tc{n, "printed", true})
	}
	for _, n := range realPDFs {
		cases = append(cases, tc{n, realDir, false})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := extractFile(t, Options{}, c.dir, c.name+".pdf")
			if err != nil {
				t.Fatal(err)
			}
			ours := ideographs(strings.Join(res.Pages, "\n"))
			layout := ideographs(string(readTestdata(t, "golden", c.name+".pdftotext-layout.txt")))
			plain := ideographs(string(readTestdata(t, "golden", c.name+".pdftotext.txt")))
			rl, rp := ratio(layout, ours), ratio(plain, ours)
			t.Logf("%s: %d ideographs; vs pdftotext -layout %.5f, vs pdftotext %.5f", c.name, len(ours), rl, rp)
			if rl < 0.999 {
				t.Errorf("fidelity vs pdftotext -layout = %.5f, want ≥ 0.999", rl)
			}
			if c.printed {
				if rp < 0.999 {
					t.Errorf("fidelity vs pdftotext = %.5f, want ≥ 0.999", rp)
				}
				if rm := ratio(md, ours); rm < 0.999 {
					t.Errorf("fidelity vs nantun-2023.md = %.5f, want ≥ 0.999", rm)
				} else {
					t.Logf("vs nantun-2023.md %.5f", rm)
				}
			}
			if want := strings.Count(string(readTestdata(t, "golden", c.name+".pdftotext.txt")), "\f"); len(res.Pages) != want {
				t.Errorf("%d pages, pdftotext has %d", len(res.Pages), want)
			}
		})
	}
}

// TestItemPage checks that item 27 starts on the page pdftotext puts it on.
func TestItemPage(t *testing.T) {
	const item = "27.南屯镇张石高速两侧土地流转绿化资金"
	pageOf := func(pages []string) int {
		for i, p := range pages {
			if strings.Contains(strings.Join(strings.Fields(p), ""), item) {
				return i + 1
			}
		}
		return 0
	}
	for _, name := range printed {
		res, err := extractFile(t, Options{}, "printed", name+".pdf")
		if err != nil {
			t.Fatal(err)
		}
		want := pageOf(strings.Split(string(readTestdata(t, "golden", name+".pdftotext.txt")), "\f"))
		got := pageOf(res.Pages)
		if want == 0 || got != want {
			t.Errorf("%s: item 27 on page %d, pdftotext puts it on page %d", name, got, want)
		}
	}
}

// TestPrintedText checks exact lines of the reference report as printed by
// LibreOffice (04) and Chromium (06).
func TestPrintedText(t *testing.T) {
	res, err := extractFile(t, Options{}, "printed", "04_lo_odt_wqyzenhei12.pdf")
	if err != nil {
		t.Fatal(err)
	}
	first := strings.Split(res.Pages[0], "\n")
	for i, want := range []string{"1. 衡", "", "南屯镇 2023 年部门年度绩效 自评工作报告",
		"我单位对 2023 年度所有县级以上级次专项资金开展绩效评价。现将评价情况做如下报告："} {
		if i >= len(first) || first[i] != want {
			t.Fatalf("line %d = %q, want %q", i, first[min(i, len(first)-1)], want)
		}
	}
	if !strings.Contains(res.Pages[0], "2023 年全镇涉及县级及以上专项资金项目共计 40 个，预算总金额为 937.131003 万元，具体\n项目概况如下：") {
		t.Errorf("page 1 lacks the stated total line:\n%s", res.Pages[0])
	}
	res, err = extractFile(t, Options{}, "printed", "06_chromium_notoserif16.pdf")
	if err != nil {
		t.Fatal(err)
	}
	// Type3 fonts, one glyph per text operator, ActualText spans.
	if !strings.Contains(res.Pages[0], "（一）基本经验及主要做法\n\n为做好专项实施的跟踪检查工作。") {
		t.Errorf("Chromium page 1:\n%s", res.Pages[0])
	}
}

// TestTableRows checks that table rows of a real report come out as lines
// with tab-separated cells.
func TestTableRows(t *testing.T) {
	res, err := extractFile(t, Options{}, realDir, "shanghai-putuo-shegongbu-2024-juesuan.pdf")
	if err != nil {
		t.Fatal(err)
	}
	page := res.Pages[4]
	for _, row := range []string{
		"项目\t决算数\t项目\t决算数",
		"一、一般公共预算财政拨款收入\t307.82\t一、一般公共服务支出\t264.87",
		"本年收入合计\t307.82\t本年支出合计\t307.82",
	} {
		if !strings.Contains(page, row+"\n") {
			t.Errorf("page 5 lacks row %q:\n%s", row, page)
		}
	}
}

func TestLCS(t *testing.T) {
	dp := func(a, b []rune) int {
		prev := make([]int, len(b)+1)
		for i := range a {
			cur := make([]int, len(b)+1)
			for j := range b {
				if a[i] == b[j] {
					cur[j+1] = prev[j] + 1
				} else {
					cur[j+1] = max(prev[j+1], cur[j])
				}
			}
			prev = cur
		}
		return prev[len(b)]
	}
	rng := rand.New(rand.NewSource(1))
	for k := 0; k < 200; k++ {
		a := make([]rune, rng.Intn(150))
		b := make([]rune, rng.Intn(150))
		for i := range a {
			a[i] = rune('a' + rng.Intn(4))
		}
		for i := range b {
			b[i] = rune('a' + rng.Intn(4))
		}
		if got, want := lcsLen(a, b), dp(a, b); got != want {
			t.Fatalf("lcs(%q, %q) = %d, want %d", string(a), string(b), got, want)
		}
	}
}
