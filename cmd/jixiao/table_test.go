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
