package corpus

import (
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

// StoredReport is a report as kept in the corpus.
type StoredReport struct {
	ID       string // stable id: first 12 hex digits of the content SHA-256
	Report   *extract.Report
	Findings []validate.Finding
	// Keys[i] is the review key of Findings[i] (see FindingKeys).
	Keys []string
	// Decisions are the review decisions of this report, by finding key. A
	// decision whose finding no longer appears is kept (and still listed).
	Decisions map[string]Decision
	// Log is the audit trail of the review of this report, by finding key.
	Log map[string][]LogEntry

	SHA256    string
	Path      string // absolute path the bytes were first read from
	Format    ingest.Format
	Extractor string // extract.Version that made Report
	Indexed   bool   // the search index holds this version
	Created   time.Time
	Updated   time.Time
	// CopyOf is the report this one is a copy of, SupersededBy the later
	// version that superseded it (see versions.go); "" for neither.
	CopyOf       string
	SupersededBy string

	// Pages and DocWarnings are the document as read, so that re-extraction
	// never re-reads the file. Filled by Get; Each and List leave them empty
	// (use Document to rebuild the Document of one report).
	Pages       []ingest.Page
	DocWarnings []string
}

// Decision returns the review decision of Findings[i], if any.
func (r *StoredReport) Decision(i int) (Decision, bool) {
	if i < 0 || i >= len(r.Keys) {
		return Decision{}, false
	}
	d, ok := r.Decisions[r.Keys[i]]
	return d, ok
}

// Verdict is what a reviewer decided about a finding.
type Verdict string

const (
	Confirmed Verdict = "confirmed" // the finding is a real problem
	Dismissed Verdict = "dismissed" // the finding is not a problem (with a note why)
)

// Decision is one review decision on a finding.
type Decision struct {
	Verdict Verdict   `json:"decision"`
	Note    string    `json:"note"`
	At      time.Time `json:"at"`
	Author  string    `json:"author"` // who decided ("" for decisions recorded before authors were)
}

// Searchable says whether the report belongs in the search index: neither a
// copy nor superseded.
func (r *StoredReport) Searchable() bool { return r.CopyOf == "" && r.SupersededBy == "" }
