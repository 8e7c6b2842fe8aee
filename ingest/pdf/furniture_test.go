package pdf

import (
	"fmt"
	"strings"
	"testing"
)

func linesOf(texts ...any) []line {
	var ls []line
	for i := 0; i+1 < len(texts); i += 2 {
		ls = append(ls, line{text: texts[i].(string), y: texts[i+1].(float64), size: 10})
	}
	return ls
}

func TestDropFurniture(t *testing.T) {
	var pages [][]line
	for p := 1; p <= 5; p++ {
		pages = append(pages, linesOf(
			"南屯镇人民政府 2023 年度绩效自评报告", 40.0,
			fmt.Sprintf("正文第%d页第一行", p), 80.0,
			fmt.Sprintf("正文第%d页第二行", p), 94.0,
			fmt.Sprintf("南屯镇 2023 年 第 %d 页", p), 800.0,
		))
	}
	// The first and last lines of a form repeated on each page, which differ
	// by figures that do not count with the pages, stay.
	pages = append(pages, linesOf("项目 2021", 40.0, "预算 12 万元", 80.0), linesOf("项目 2022", 40.0, "预算 17 万元", 80.0))
	// A title repeated at the top of every page stays on the first.
	dropFurniture(pages)
	var got []string
	for _, ls := range pages {
		var ts []string
		for _, l := range ls {
			ts = append(ts, l.text)
		}
		got = append(got, strings.Join(ts, "|"))
	}
	want := []string{
		"南屯镇人民政府 2023 年度绩效自评报告|正文第1页第一行|正文第1页第二行",
		"正文第2页第一行|正文第2页第二行",
		"正文第3页第一行|正文第3页第二行",
		"正文第4页第一行|正文第4页第二行",
		"正文第5页第一行|正文第5页第二行",
		"项目 2021|预算 12 万元",
		"项目 2022|预算 17 万元",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPageNumbers(t *testing.T) {
	for _, c := range []struct {
		last string
		drop bool
	}{
		{"第 3 页", true}, {"第3页 共10页", true}, {"3/10", true}, {"- 3 -", true}, {"—3—", true}, {"Page 3 of 10", true},
		{"共 10 页 第 3 页", true}, {"3", true}, {"合计 3", false}, {"第三部分", false},
	} {
		pages := [][]line{
			linesOf("甲", 100.0, "乙", 114.0),
			linesOf("丙", 100.0, "丁", 114.0),
			linesOf("戊", 100.0, c.last, 800.0),
		}
		// Bare numbers count with the pages: page 1 and 2 carry 1 and 2.
		if c.last == "3" {
			pages[0] = append(pages[0], line{text: "1", y: 800, size: 10})
			pages[1] = append(pages[1], line{text: "2", y: 800, size: 10})
		}
		dropPageNumbers(pages)
		kept := pages[2][len(pages[2])-1].text == c.last
		if kept == c.drop {
			t.Errorf("%q: dropped = %v, want %v", c.last, !kept, c.drop)
		}
	}
	// A lone number that does not count with the pages stays.
	pages := [][]line{linesOf("甲", 100.0, "17", 800.0), linesOf("乙", 100.0, "42", 800.0)}
	dropPageNumbers(pages)
	if len(pages[0]) != 2 || len(pages[1]) != 2 {
		t.Errorf("table figures dropped: %v", pages)
	}
}

func TestLayoutOrientation(t *testing.T) {
	// Text running down the page (rotated 270°) on two lines.
	mk := func(text string, x, y float64) glyph {
		return glyph{text: text, x: x, y: y, adv: 10, size: 10, dx: 0, dy: -1}
	}
	glyphs := []glyph{mk("乙", 300, 700), mk("甲", 314, 700), mk("一", 314, 690), mk("二", 300, 690)}
	var ts []string
	for _, l := range layoutLines(glyphs) {
		ts = append(ts, l.text)
	}
	if got := strings.Join(ts, "|"); got != "甲一|乙二" {
		t.Errorf("lines = %q", got)
	}
}

// TestParagraphs: double-spaced lines with a little more space between
// paragraphs (LibreOffice from DOCX) and a page of one-line paragraphs
// (Chromium) both get their blank lines from the document's line pitch.
func TestParagraphs(t *testing.T) {
	pageA := linesOf("第一段第一行", 100.0, "第一段第二行", 134.5, "第二段", 176.0, "第三段第一行", 217.5, "第三段第二行", 252.0)
	pageB := linesOf("一", 100.0, "二", 144.0, "三", 188.0)
	pages := [][]line{pageA, pageB}
	for i := range pages {
		for j := range pages[i] {
			pages[i][j].size = 16
		}
	}
	pitch := linePitch(pages)
	if got, want := renderLines(pageA, pitch), "第一段第一行\n第一段第二行\n\n第二段\n\n第三段第一行\n第三段第二行"; got != want {
		t.Errorf("page A = %q, want %q", got, want)
	}
	if got, want := renderLines(pageB, pitch), "一\n\n二\n\n三"; got != want {
		t.Errorf("page B = %q, want %q", got, want)
	}
}
