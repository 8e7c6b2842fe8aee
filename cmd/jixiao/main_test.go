package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// TestVersion: --version names the extractor version that reextract
// compares stored reports against.
func TestVersion(t *testing.T) {
	var out bytes.Buffer
	cmdRoot.SetOut(&out)
	cmdRoot.SetArgs([]string{"--version"})
	defer cmdRoot.SetArgs(nil)
	if err := cmdRoot.Execute(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "(extractor "+extract.Version+",") {
		t.Errorf("--version printed %q", out.String())
	}
}

// TestHelpExitCodes: the exit codes are documented in --help.
func TestHelpExitCodes(t *testing.T) {
	for _, code := range []string{"  0 ", "  1 ", "  2 ", "  130 "} {
		if !strings.Contains(cmdRoot.Long, code) {
			t.Errorf("--help does not document exit code %q", strings.TrimSpace(code))
		}
	}
}
