package validate

// Entry is one rule of the catalogue as `jixiao validate --rules` lists it.
type Entry struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Summary  string   `json:"summary"`
	// NeedsCorpus: the rule compares several reports of the corpus (the same
	// project across years) and runs beside `jixiao history`, never on one
	// report alone.
	NeedsCorpus bool `json:"needs_corpus"`
}

// Catalogue lists every rule: the one-report rules in registration order,
// then the rules across reports.
func Catalogue() []Entry {
	var out []Entry
	for _, r := range rules {
		out = append(out, Entry{ID: r.ID, Severity: r.Severity, Summary: r.Summary})
	}
	for _, r := range acrossRules {
		out = append(out, Entry{ID: r.ID, Severity: r.Severity, Summary: r.Summary, NeedsCorpus: true})
	}
	return out
}
