package validate

import (
	"os"
	"strings"
	"testing"
)

// The README's rule table is the catalogue: a rule added, renamed or
// re-described without the README fails here, with the table to paste.
func TestReadmeRuleTable(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := MarkdownTable()
	if !strings.Contains(string(b), want) {
		t.Errorf("README.md's rule table is not the catalogue; the table under \"What `validate` checks\" should read:\n%s", want)
	}
}

func TestCatalogue(t *testing.T) {
	seen := map[string]bool{}
	corpus := 0
	for _, e := range Catalogue() {
		if seen[e.ID] {
			t.Errorf("%s listed twice", e.ID)
		}
		seen[e.ID] = true
		if e.Summary == "" || e.Severity == "" || e.Name == "" {
			t.Errorf("%s: no name, summary or severity", e.ID)
		}
		if e.NeedsCorpus {
			corpus++
		}
	}
	for _, id := range []string{"weight-mismatch", "indicator-score-mismatch", "reason-missing", "grade-mismatch",
		"placeholder", "score-mismatch", "target-changed"} {
		if !seen[id] {
			t.Errorf("%s missing from the catalogue", id)
		}
	}
	if corpus != 1 {
		t.Errorf("%d rules need the corpus, want 1 (target-changed)", corpus)
	}
}
