package main

import (
	"strings"
	"testing"
)

func TestPrintTableAlignsWideCharacters(t *testing.T) {
	var b strings.Builder
	printTable(&b, []string{"序号", "项目", "预算(万元)"}, [][]string{
		{"1", "驻村工作队经费", "24"},
		{"27", "张石高速两侧土地流转绿化资金", "116.17825"},
	})
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines:\n%s", len(lines), b.String())
	}
	// the third column starts at the same display column on every row
	col := func(l, cell string) int { return displayWidth(l[:strings.Index(l, cell)]) }
	if a, c := col(lines[2], "24"), col(lines[3], "116.17825"); a != c {
		t.Errorf("amount column at %d and %d:\n%s", a, c, b.String())
	}
	if got := displayWidth("驻村a"); got != 5 {
		t.Errorf("displayWidth = %d, want 5", got)
	}
	if got := truncate("南屯镇张石高速两侧土地流转绿化资金", 10); got != "南屯镇张…" {
		t.Errorf("truncate = %q", got)
	}
}

// TestTerminalSafe: a file name with escape sequences is shown, not run.
func TestTerminalSafe(t *testing.T) {
	for in, want := range map[string]string{
		"报告\x1b]0;pwned\x07.pdf": `报告\x1b]0;pwned\x07.pdf`,
		"a\u202egpj.exe":         `a\u202egpj.exe`,
		"\u009b31m":              `\x9b31m`,
		"普通 文件\t名.md":            "普通 文件\t名.md",
	} {
		if got := terminalSafe(in); got != want {
			t.Errorf("terminalSafe(%q) = %q, want %q", in, got, want)
		}
	}
	var b strings.Builder
	printTable(&b, []string{"文件"}, [][]string{{"x\x1b[2J.md"}})
	if strings.ContainsRune(b.String(), 0x1b) || !strings.Contains(b.String(), `x\x1b[2J.md`) {
		t.Errorf("table printed %q", b.String())
	}
}

// TestTableFitsTheTerminal: on a narrow terminal names are cut and the last
// column wraps; figures, ids and rule ids keep every character.
func TestTableFitsTheTerminal(t *testing.T) {
	rows := [][]string{
		{"27", "张石高速两侧土地流转绿化资金", "116.17825", "total-mismatch", "所述总额 937.131003 万元与项目预算合计 905.534931 万元不符，差额 -31.596072 万元"},
		{"3", "驻村工作队经费", "24", "underspent", "执行率 50%"},
	}
	header := []string{"序号", "项目", "预算(万元)", "规则", "说明"}
	var b strings.Builder
	printTableMax(&b, header, rows, 160, tableStyle{width: 60})
	out := b.String()
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if w := displayWidth(line); w > 60 {
			t.Errorf("line of %d cells in a 60-cell terminal: %q", w, line)
		}
	}
	for _, whole := range []string{"116.17825", "total-mismatch", "underspent", "张石高速两…"} {
		if !strings.Contains(out, whole) {
			t.Errorf("fitted table lacks %q:\n%s", whole, out)
		}
	}
	// the message wraps between words, its figures whole, every part in order
	lines := strings.Split(out, "\n")
	var msg []string
	for _, line := range lines[2:] {
		if strings.Contains(line, "underspent") {
			break
		}
		if i := strings.Index(line, "total-mismatch"); i >= 0 {
			line = line[i+len("total-mismatch"):]
		}
		msg = append(msg, strings.TrimSpace(line))
	}
	if got := strings.Join(msg, " "); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(rows[0][4], " ", "") || len(msg) < 2 {
		t.Errorf("wrapped message reads %q", got)
	}
	for _, figure := range []string{"937.131003", "905.534931", "-31.596072"} {
		if !strings.Contains(out, figure) {
			t.Errorf("figure %s split by the wrap:\n%s", figure, out)
		}
	}
	// without a width (a pipe, a file) nothing is cut
	b.Reset()
	printTableMax(&b, header, rows, 160, tableStyle{})
	if !strings.Contains(b.String(), rows[0][1]) || !strings.Contains(b.String(), rows[0][4]) {
		t.Errorf("unfitted table cut something:\n%s", b.String())
	}
}

// TestSeverityColour: severity labels are coloured only when colour is on,
// and the colour does not shift the columns.
func TestSeverityColour(t *testing.T) {
	rows := [][]string{{"错误", "total-mismatch"}, {"提示", "underspent"}}
	var plain, coloured strings.Builder
	printTableMax(&plain, []string{"级别", "规则"}, rows, 48, tableStyle{})
	printTableMax(&coloured, []string{"级别", "规则"}, rows, 48, tableStyle{colour: true})
	if strings.ContainsRune(plain.String(), 0x1b) {
		t.Errorf("colour without a terminal: %q", plain.String())
	}
	if !strings.Contains(coloured.String(), "\x1b[1;31m错误\x1b[0m") || !strings.Contains(coloured.String(), "\x1b[36m提示\x1b[0m") {
		t.Errorf("no colour: %q", coloured.String())
	}
	strip := strings.NewReplacer("\x1b[1;31m", "", "\x1b[36m", "", "\x1b[0m", "")
	if strip.Replace(coloured.String()) != plain.String() {
		t.Errorf("colour moved the columns:\n%s\n%s", coloured.String(), plain.String())
	}
}
