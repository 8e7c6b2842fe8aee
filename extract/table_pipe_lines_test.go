package extract

import (
	"path/filepath"
	"strings"
	"testing"
)

// pipePerLine lays a published "cell |" table out as a web page copied with
// its cell ends gives it: every cell and every pipe on a line of its own.
func pipePerLine(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		if !strings.Contains(l, "|") {
			b.WriteString(l + "\n")
			continue
		}
		parts := strings.Split(l, "|")
		for k, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				b.WriteString(p + "\n")
			}
			if k < len(parts)-1 {
				b.WriteString("|\n")
			}
		}
	}
	return b.String()
}

// TestPipePerLineTable reads a real scoring form whose every cell and every
// pipe stand on lines of their own: a lone pipe ends the cell above it (and
// stands for an empty cell only after another pipe), so the rows come out as
// they do from the same table written "cell |" a line.
func TestPipePerLineTable(t *testing.T) {
	const id = "hubei-ezhou-xingzhengshenpiju-2021-shiminzhongxin"
	src := realDoc(t, id)
	want := extractText(t, id, src)
	text := pipePerLine(src)
	if !strings.Contains(text, "年度资金总额\n|\n150万\n|\n") {
		t.Fatalf("layout not as meant:\n%.400s", text)
	}
	got := extractText(t, id, text)

	if len(got.Funds) != 4 {
		t.Fatalf("fund rows = %d, want 4:\n%s", len(got.Funds), dumpJSON(got.Funds))
	}
	f := got.Funds[0]
	if f.Row != "年度资金总额" || decString(f.InitialWan) != "150" || decString(f.BudgetWan) != "150" ||
		decString(f.ExecutedWan) != "125.25" || decString(f.Weight) != "100" || decString(f.Rate) != "83.5" || decString(f.Score) != "98" {
		t.Errorf("total row = %s", dumpJSON(f))
	}
	if r := got.Funds[2]; r.Row != "上年结转资金" || decString(r.ExecutedWan) != "0" || r.Weight != nil || r.Score != nil {
		t.Errorf("上年结转资金 row = %s", dumpJSON(r))
	}
	if len(got.Indicators) != len(want.Indicators) || len(got.Indicators) < 3 {
		t.Fatalf("indicators = %d, want %d", len(got.Indicators), len(want.Indicators))
	}
	in := got.Indicators[0]
	if in.Level2 != "数量指标" || in.Level3 != "预算执行率" || in.Target != "100%" || in.Actual != "83.5%" ||
		decString(in.Weight) != "20" || decString(in.Score) != "18" {
		t.Errorf("first indicator = %s", dumpJSON(in))
	}
	for i := range want.Indicators {
		w, g := want.Indicators[i], got.Indicators[i]
		if w.Level3 != g.Level3 || w.Target != g.Target || w.Actual != g.Actual || decString(w.Weight) != decString(g.Weight) || decString(w.Score) != decString(g.Score) {
			t.Errorf("indicator %d: pipe-per-line %s, cell-a-line %s", i, dumpJSON(g), dumpJSON(w))
		}
	}
}

// TestPipePerLinePublished reads a form published with every cell and every
// pipe on a line of its own: the title lines above the table stay cells of
// their own, a cell written over several lines (偏差大或 / 目标未完成 /
// 原因分析) is one cell, and 总分(100分) is the total row.
func TestPipePerLinePublished(t *testing.T) {
	const id = "yunnan-baoshan-tuiyijunren-2022-chunjiewenwei"
	r := extractText(t, id, realDoc(t, id))
	if r.Project == nil || r.Project.Name != "春节走访慰问经费" || r.Unit != "保山市退役军人事务局" || r.Year != 2022 {
		t.Errorf("head = %+v unit %q year %d", r.Project, r.Unit, r.Year)
	}
	if len(r.Funds) != 1 {
		t.Fatalf("fund rows = %d:\n%s", len(r.Funds), dumpJSON(r.Funds))
	}
	if f := r.Funds[0]; f.Row != "年度财政资金总额" || decString(f.BudgetWan) != "34.64" || decString(f.ExecutedWan) != "34.64" ||
		decString(f.Rate) != "100" || decString(f.Score) != "20" {
		t.Errorf("fund row = %s", dumpJSON(f))
	}
	want := []struct{ level2, target, actual, score string }{
		{"数量指标", "100%", "100%", "20"},
		{"质量指标", "100%", "100%", "20"},
		{"时效指标", "按时限完成", "100%", "20"},
		{"社会效益指标", "小于5次", "无上访", "10"},
		{"服务对象满意度指标", "100%", "100%", "10"},
	}
	if len(r.Indicators) != len(want) {
		t.Fatalf("indicators = %d, want %d:\n%s", len(r.Indicators), len(want), dumpJSON(r.Indicators))
	}
	for i, w := range want {
		g := r.Indicators[i]
		if g.Level2 != w.level2 || g.Target != w.target || g.Actual != w.actual || decString(g.Score) != w.score || g.Weight != nil {
			t.Errorf("indicator %d = %s, want %+v", i, dumpJSON(g), w)
		}
	}
	if decString(r.TotalScore) != "100" || r.Grade != "优" {
		t.Errorf("total %s grade %q, want 100 优", decString(r.TotalScore), r.Grade)
	}
}

// TestPipePerLineScoringForm reads a scoring form (一级/二级/三级指标, 分值,
// 得分) copied with every cell and every pipe on a line of its own and each
// row closed by a line of pipes: the rows are those of the same form written
// as pipe rows, and so are the indicators read from them.
func TestPipePerLineScoringForm(t *testing.T) {
	rows := [][]string{
		{"一级指标", "二级指标", "三级指标", "分值", "得分"},
		{"项目决策(20分)", "项目立项(10分)", "立项依据充分性", "5", "5"},
		{"", "", "立项程序规范性", "5", "4"},
		{"", "绩效目标(10分)", "绩效目标合理性", "5", "5"},
		{"", "", "绩效指标明确性", "5", "3"},
		{"总分", "", "", "20", "17"},
	}
	var piped, lines strings.Builder
	lines.WriteString("项目支出绩效评价评分表\n")
	piped.WriteString("项目支出绩效评价评分表\n")
	for _, r := range rows {
		piped.WriteString("| " + strings.Join(r, " | ") + " |\n")
		for _, c := range r {
			if c != "" {
				lines.WriteString(c + "\n")
			}
			lines.WriteString("|\n")
		}
		lines.WriteString("|||\n")
	}
	got := scoringRows(lines.String())
	if len(got) != len(rows)+1 {
		for _, g := range got {
			var ts []string
			for _, c := range g.cells {
				ts = append(ts, c.text)
			}
			t.Logf("%q", ts)
		}
		t.Fatalf("rows = %d, want %d", len(got), len(rows)+1)
	}
	for k, r := range rows {
		cells := got[k+1].cells
		if len(cells) != len(r) {
			t.Fatalf("row %d: %d cells, want %d", k, len(cells), len(r))
		}
		for j, c := range r {
			if cells[j].text != c {
				t.Errorf("row %d cell %d = %q, want %q", k, j, cells[j].text, c)
			}
		}
	}
	want := extractText(t, "piped", piped.String())
	r := extractText(t, "lines", lines.String())
	if len(r.Indicators) != 4 || len(want.Indicators) != 4 {
		t.Fatalf("indicators: %d from lines, %d from pipe rows:\n%s", len(r.Indicators), len(want.Indicators), dumpJSON(r.Indicators))
	}
	for i := range want.Indicators {
		w, g := want.Indicators[i], r.Indicators[i]
		if w.Level1 != g.Level1 || w.Level2 != g.Level2 || w.Level3 != g.Level3 || decString(w.Weight) != decString(g.Weight) || decString(w.Score) != decString(g.Score) {
			t.Errorf("indicator %d: lines %s, pipe rows %s", i, dumpJSON(g), dumpJSON(w))
		}
	}
	if g := r.Indicators[3]; g.Level3 != "绩效指标明确性" || decString(g.Weight) != "5" || decString(g.Score) != "3" {
		t.Errorf("last indicator = %s", dumpJSON(g))
	}
	if decString(r.TotalScore) != "17" {
		t.Errorf("total = %s, want 17", decString(r.TotalScore))
	}
}

// TestPipePerLineScoringSample: a cell written over two lines (立项程序 /
// 规范性) before its pipe is one cell, and the merged cells of the rows
// under the first carry its levels down.
func TestPipePerLineScoringSample(t *testing.T) {
	r := extractText(t, "pipe_per_line.txt", loadTableSample(t, filepath.Join("scoring", "pipe_per_line.txt")))
	if len(r.Indicators) != 2 {
		t.Fatalf("indicators = %d:\n%s", len(r.Indicators), dumpJSON(r.Indicators))
	}
	g := r.Indicators[1]
	if g.Level1 != r.Indicators[0].Level1 || g.Level2 != r.Indicators[0].Level2 || g.Level3 != "立项程序规范性" ||
		decString(g.Weight) != "5" || decString(g.Score) != "4" {
		t.Errorf("second indicator = %s", dumpJSON(g))
	}
	if decString(r.TotalScore) != "17" {
		t.Errorf("total = %s, want 17", decString(r.TotalScore))
	}
}
