package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// TestVersion: --version names the extractor version that reextract
// compares stored reports against.
func TestVersion(t *testing.T) {
	out, err := run(t, "--version")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "(extractor "+extract.Version+",") {
		t.Errorf("--version printed %q", out)
	}
}

// TestHelpExitCodes: the exit codes are documented in --help.
func TestHelpExitCodes(t *testing.T) {
	for _, code := range []string{"  0 ", "  1 ", "  2 ", "  130 "} {
		if !strings.Contains(newRootCommand(&globalOptions{}).Long, code) {
			t.Errorf("--help does not document exit code %q", strings.TrimSpace(code))
		}
	}
}

// run runs the root command as the shell would, returning what it printed.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	root := newRootCommand(&globalOptions{})
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), err
}

// TestHelpInChinese: cobra's own words are Chinese; flags and ids are not.
func TestHelpInChinese(t *testing.T) {
	out, err := run(t, "extract", "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"用法 (Usage):", "jixiao extract FILE|DIR... [选项]", "选项 (Flags):", "全局选项 (Global Flags):", "--json", "(默认 30s)", "显示 extract 的帮助"} {
		if !strings.Contains(out, want) {
			t.Errorf("extract --help lacks %q:\n%s", want, out)
		}
	}
	for _, english := range []string{"Usage:", "Flags:", "help for", "(default ", "version for"} {
		if strings.Contains(out, english) && !strings.Contains(out, "("+english) {
			t.Errorf("extract --help still says %q", english)
		}
	}
	root, err := run(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(root, "显示版本和提取器版本") || strings.Contains(root, "version for") {
		t.Errorf("jixiao --help: the --version flag is not described in Chinese:\n%s", root)
	}
	if _, err := run(t, "show"); exitCode(err) != 2 || !strings.Contains(err.Error(), "需要 1 个参数") {
		t.Errorf("show without a report: %v", err)
	}
	if _, err := run(t, "list", "--bogus"); exitCode(err) != 2 || !strings.Contains(err.Error(), "未知的选项") {
		t.Errorf("an unknown flag: %v", err)
	}
}

// TestCompletion: rule ids, formats and the corpus's reports and units.
func TestCompletion(t *testing.T) {
	g := withCorpus(t)
	dir := g.Corpus
	var o, e bytes.Buffer
	if err := runIngest(context.Background(), ingestOptions{Workers: 1, JSON: true}, g, []string{"../../testdata/nantun-2023.md"}, &o, &e); err != nil {
		t.Fatal(err, e.String())
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "search", "--rule", ""}, "total-mismatch\n"},
		{[]string{"__complete", "export", "--format", ""}, "xlsx\n"},
		{[]string{"__complete", "export", "--rule", ""}, "underspent\n"},
		{[]string{"__complete", "export", "--severity", ""}, "warning\n"},
		{[]string{"__complete", "export", "--review", ""}, "dismissed\n"},
		{[]string{"__complete", "--corpus", dir, "list", "--unit", ""}, "南屯镇\n"},
		{[]string{"__complete", "--corpus", dir, "show", ""}, "\t南屯镇 2023 "},
	} {
		out, err := run(t, c.args...)
		if err != nil || !strings.Contains(out, c.want) {
			t.Errorf("%v: %v\n%s", c.args, err, out)
		}
	}
}
