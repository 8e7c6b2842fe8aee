package validate

import (
	"fmt"
	"sort"
	"strings"
)

// Entry is one rule of the catalogue as `jixiao validate --rules` lists it.
type Entry struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Severity Severity `json:"severity"`
	Summary  string   `json:"summary"`
	// NeedsCorpus: the rule compares several reports of the corpus (the same
	// project across years) and runs beside `jixiao history`, never on one
	// report alone.
	NeedsCorpus bool `json:"needs_corpus"`
}

// Catalogue lists every rule: the one-report rules, then the rules across
// reports, each by id.
func Catalogue() []Entry {
	var one, across []Entry
	for _, r := range rules {
		one = append(one, Entry{ID: r.ID, Name: r.Name, Severity: r.Severity, Summary: r.Summary})
	}
	for _, r := range acrossRules {
		across = append(across, Entry{ID: r.ID, Name: r.Name, Severity: r.Severity, Summary: r.Summary, NeedsCorpus: true})
	}
	byID := func(es []Entry) { sort.Slice(es, func(i, j int) bool { return es[i].ID < es[j].ID }) }
	byID(one)
	byID(across)
	return append(one, across...)
}

// MarkdownTable is the catalogue as the README's rule table.
func MarkdownTable() string {
	var b strings.Builder
	b.WriteString("| rule | 名称 | severity | needs the corpus | what it checks |\n|---|---|---|---|---|\n")
	for _, e := range Catalogue() {
		corpus := ""
		if e.NeedsCorpus {
			corpus = "yes (across reports, beside `history`)"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", e.ID, e.Name, e.Severity, corpus, e.Summary)
	}
	return b.String()
}
