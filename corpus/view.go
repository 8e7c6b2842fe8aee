package corpus

import (
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// ReportView is a stored report as programs see it (`jixiao show --json`,
// GET /api/reports/{id}): the report, and each finding with its key and
// review decision.
type ReportView struct {
	ID        string          `json:"id"`
	Path      string          `json:"path"`
	SHA256    string          `json:"sha256"`
	Format    string          `json:"format"`
	Extractor string          `json:"extractor"`
	Indexed   bool            `json:"indexed"`
	Created   time.Time       `json:"created"`
	Report    *extract.Report `json:"report"`
	Findings  []FindingView   `json:"findings"`
	// Decisions whose finding no longer appears in the report (after re-extraction).
	Orphans map[string]Decision `json:"orphan_decisions,omitempty"`
}

// FindingView is a finding with its key and review decision (null while pending).
type FindingView struct {
	validate.Finding
	Key    string     `json:"key"`
	Review *Decision  `json:"review"`
	Log    []LogEntry `json:"review_log,omitempty"` // who decided what when, oldest first
}

// View gives the view of r.
func View(r *StoredReport) ReportView {
	out := ReportView{ID: r.ID, Path: r.Path, SHA256: r.SHA256, Format: string(r.Format), Extractor: r.Extractor,
		Indexed: r.Indexed, Created: r.Created, Report: r.Report, Findings: []FindingView{}}
	orphans := map[string]Decision{}
	for k, d := range r.Decisions {
		orphans[k] = d
	}
	for i, f := range r.Findings {
		fv := FindingView{Finding: f, Key: r.Keys[i], Log: r.Log[r.Keys[i]]}
		if d, ok := r.Decision(i); ok {
			fv.Review = &d
		}
		delete(orphans, r.Keys[i])
		out.Findings = append(out.Findings, fv)
	}
	if len(orphans) > 0 {
		out.Orphans = orphans
	}
	return out
}
