package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/synth"
)

func TestSynthWritesReportsAndTruth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out bytes.Buffer
	if err := run(options{Count: 23, Output: dir, Seed: 4}, &out); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 24 {
		t.Fatalf("%d files, want 23 reports and truth.jsonl", len(ents))
	}
	truths, err := synth.ReadTruth(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(truths) != 23 {
		t.Fatalf("%d truths, want 23", len(truths))
	}
	for _, tr := range truths {
		if _, err := os.Stat(filepath.Join(dir, tr.File)); err != nil {
			t.Errorf("truth names %s: %v", tr.File, err)
		}
	}
	if !strings.Contains(out.String(), "已生成 23 份报告") {
		t.Errorf("output %q", out.String())
	}
}

func TestSynthUsageErrors(t *testing.T) {
	for _, opts := range []options{
		{Count: 3},
		{Count: 0, Output: t.TempDir()},
		{Count: 3, Output: t.TempDir(), Formats: []string{"pdf"}},
	} {
		if err := run(opts, &bytes.Buffer{}); err == nil {
			t.Errorf("%+v: no error", opts)
		}
	}
}
