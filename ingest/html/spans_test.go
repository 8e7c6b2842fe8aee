package html

import (
	"fmt"
	"strings"
	"testing"
)

// TestSpansStayLinear: rowspans that pile up to the right (every row starts
// a cell spanning to the end of the table) used to make the text grow with
// the square of the rows (an 85 KB page took a minute). The grid is now at
// most maxColumns wide, so the text stays proportional to the page.
func TestSpansStayLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><table>")
	rows := 2000
	for range rows {
		b.WriteString("<tr><td rowspan=9999>项目</td><td>1</td></tr>")
	}
	b.WriteString("</table></body></html>")
	text, warnings, err := Extract([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(text, "项目"); n != rows {
		t.Errorf("%d cells kept their text, want %d", n, rows)
	}
	// every row holds at most maxColumns cells and its own two
	for i, l := range strings.Split(text, "\n") {
		if n := strings.Count(l, "|") - 1; n > maxColumns+2 {
			t.Fatalf("row %d has %d cells", i+1, n)
		}
	}
	if len(text) > 3*maxColumns*rows+len(b.String()) {
		t.Errorf("text of %d bytes from a page of %d", len(text), b.Len())
	}
	if !strings.Contains(strings.Join(warnings, "\n"), fmt.Sprintf("表格超过 %d 列", maxColumns)) {
		t.Errorf("no warning that columns were dropped: %q", warnings)
	}
}

// TestSpansGrid: an ordinary 自评表 header with spans keeps its columns.
func TestSpansGrid(t *testing.T) {
	page := `<html><body><table>
<tr><td rowspan=2>一级指标</td><td colspan=2>指标</td><td>分值</td></tr>
<tr><td>二级</td><td>三级</td><td>10</td></tr>
<tr><td>产出</td><td>数量</td><td>户数</td><td>20</td></tr>
</table></body></html>`
	text, _, err := Extract([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "| 一级指标 | 指标 |  | 分值 |\n|  | 二级 | 三级 | 10 |\n| 产出 | 数量 | 户数 | 20 |"
	if !strings.Contains(text, want) {
		t.Errorf("got\n%s\nwant\n%s", text, want)
	}
}
