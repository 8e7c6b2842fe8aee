package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
)

// genreNames is the Chinese name of a genre ("—" when unknown).
func genreNames(g extract.Genre) string { return orDash(g.Label()) }

// reviewText says what was decided about a finding.
func reviewText(d corpus.Decision, ok bool) string {
	if !ok {
		return "待审核"
	}
	s := d.Verdict.Label()
	if d.Note != "" {
		s += "：" + d.Note
	}
	return s
}

// displayPath shortens an absolute path under the working directory.
func displayPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}
