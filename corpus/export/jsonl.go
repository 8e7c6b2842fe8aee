package export

import (
	"context"
	"encoding/json"
	"io"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// ItemLine is a line of the JSON Lines export for an item ("kind": "item").
// An item read by OCR carries "ocr": true and "ocr_confidence".
type ItemLine struct {
	Kind string `json:"kind"`
	corpus.ItemRow
	extract.OCRMark
}

// FindingLine is a line of the JSON Lines export for a finding ("kind":
// "finding"); one that rests on text read by OCR carries "ocr": true and the
// lowest confidence of the OCR'd figures it names.
type FindingLine struct {
	Kind     string            `json:"kind"`
	ReportID string            `json:"report"`
	Unit     string            `json:"unit"`
	Year     int               `json:"year"`
	Key      string            `json:"key"`
	Rule     string            `json:"rule"`
	Severity validate.Severity `json:"severity"`
	Message  string            `json:"message"`
	Expected *decimal.Decimal  `json:"expected"`
	Actual   *decimal.Decimal  `json:"actual"`
	Diff     *decimal.Decimal  `json:"diff"`
	// FigureUnit is the unit of expected, actual and diff (万元, %, 分, 个 …).
	FigureUnit string           `json:"figure_unit"`
	Items      []int            `json:"items"`
	Page       int              `json:"page"`
	Span       *extract.Span    `json:"span,omitempty"`
	Review     *corpus.Decision `json:"review"` // null while pending
	extract.OCRMark
}

// JSONL writes one JSON object per line: every item of the reports f
// selects ("kind": "item"), then every finding with its review decision
// ("kind": "finding"). Amounts are JSON strings.
func JSONL(ctx context.Context, s *corpus.Store, f corpus.Filter, w io.Writer) error {
	sel, err := selectReports(ctx, s, f)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := s.EachItem(ctx, f, func(it corpus.ItemRow) error {
		return enc.Encode(ItemLine{"item", it, sel.ocr[it.ReportID].Item(it.Ord)})
	}); err != nil {
		return err
	}
	return s.EachFinding(ctx, findingFilter(f), func(rf corpus.ReviewedFinding) error {
		fd := rf.Finding
		items := fd.Items
		if items == nil {
			items = []int{}
		}
		return enc.Encode(FindingLine{Kind: "finding", ReportID: rf.ReportID, Unit: rf.Unit, Year: rf.Year, Key: rf.Key,
			Rule: fd.Rule, Severity: fd.Severity, Message: fd.Message, Expected: fd.Expected, Actual: fd.Actual, Diff: fd.Diff, FigureUnit: fd.FigureUnit,
			Items: items, Page: fd.Page, Span: fd.Span, Review: rf.Decision, OCRMark: sel.ocr[rf.ReportID].Findings[rf.Key]})
	})
}
