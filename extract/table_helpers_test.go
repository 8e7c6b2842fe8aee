package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/ingest"
)

// loadTableSample reads a sample under testdata/tables without the notes at
// its top ("# source:", "# note:", "# eval note:"), which are ours, not the
// document's.
func loadTableSample(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "tables", name))
	if err != nil {
		t.Fatal(err)
	}
	return stripNotes(string(b))
}

func stripNotes(s string) string {
	for strings.HasPrefix(s, "# ") {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return ""
		}
		s = s[i+1:]
	}
	return s
}

// extractText runs the whole extractor over text as a one-page text document.
func extractText(t testing.TB, name, text string) *Report {
	t.Helper()
	doc := ingest.Assemble(name, "", ingest.FormatText, []ingest.Page{{N: 1, Text: text}}, nil)
	r, err := Extract(doc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

func dumpJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

func textOf(t testing.TB, sample string, sp Span) string {
	t.Helper()
	s := loadTableSample(t, sample)
	doc := ingest.Assemble(sample, "", ingest.FormatText, []ingest.Page{{N: 1, Text: s}}, nil)
	if sp[0] < 0 || sp[1] > len(doc.Text) || sp[0] > sp[1] {
		t.Fatalf("span %v outside text of %d bytes", sp, len(doc.Text))
	}
	return doc.Text[sp[0]:sp[1]]
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
