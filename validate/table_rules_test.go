package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
)

// tableReport extracts a table sample of ../extract/testdata/tables, without
// the notes at its top.
func tableReport(t *testing.T, name string) *extract.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "tables", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for strings.HasPrefix(s, "# ") {
		s = s[strings.IndexByte(s, '\n')+1:]
	}
	doc := ingest.Assemble(name, "", ingest.FormatText, []ingest.Page{{N: 1, Text: s}}, nil)
	r, err := extract.Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestDumpFindings(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	for _, n := range strings.Split(os.Getenv("DUMP"), ",") {
		for _, f := range Report(tableReport(t, n)) {
			t.Logf("%s %s %s exp=%v act=%v diff=%v", f.Rule, f.Severity, f.Message, f.Expected, f.Actual, f.Diff)
		}
	}
}
