package extract

import (
	"github.com/jixiao/jixiao/ingest"
)

// Extract reads a Document into a Report: it recognises the genre and hands
// the text to the reader of that genre. A report that says little gives a
// Report with little in it, never an error; errors are for unusable input.
func Extract(doc *ingest.Document) (*Report, error) {
	r := &Report{
		Source:    Source{Path: doc.Source, SHA256: doc.SHA256, Format: string(doc.Format)},
		Extractor: Version,
		Items:     []Item{},
		Warnings:  append([]string(nil), doc.Warnings...),
	}
	if g, ok := tableGenre(doc); ok {
		r.Genre = g
		if err := extractTable(doc, r); err != nil {
			return nil, err
		}
	} else {
		r.Genre = Narrative
		if err := extractNarrative(doc, r); err != nil {
			return nil, err
		}
	}
	completeHeader(doc, r)
	classify(doc, r)
	if r.DocType == FinalAccounts || r.DocType == DepartmentBudget {
		readAccountsPerformance(doc, r)
	}
	markOCR(doc, r)
	return r, nil
}
