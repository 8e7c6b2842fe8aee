package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
)

var genreLabels = map[extract.Genre]string{
	extract.Narrative: "自评报告", extract.ProjectTable: "项目自评表", extract.DepartmentTable: "部门自评表",
}

// genreNames is the Chinese name of a genre (the code when unknown).
func genreNames(g extract.Genre) string {
	if n, ok := genreLabels[g]; ok {
		return n
	}
	return orDash(string(g))
}

var verdictLabels = map[corpus.Verdict]string{corpus.Confirmed: "已确认", corpus.Dismissed: "已排除"}

// reviewText says what was decided about a finding.
func reviewText(d corpus.Decision, ok bool) string {
	if !ok {
		return "待审核"
	}
	s := verdictLabels[d.Verdict]
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
