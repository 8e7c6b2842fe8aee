// Package validate checks a Report's arithmetic and consistency: one small
// named rule each, returning Findings. It never parses text and never adjusts
// a figure to make a report reconcile.
package validate

import (
	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// Severity of a finding.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Finding is one thing a reviewer should look at.
type Finding struct {
	Rule     string           `json:"rule"`
	Severity Severity         `json:"severity"`
	Message  string           `json:"message"` // for people, in Chinese
	Expected *decimal.Decimal `json:"expected,omitempty"`
	Actual   *decimal.Decimal `json:"actual,omitempty"`
	Diff     *decimal.Decimal `json:"diff,omitempty"` // actual − expected, signed
	// FigureUnit is the unit of Expected, Actual and Diff: 万元, %, 分, 个 (a
	// count), or an indicator's own unit (亩, 户); empty when the finding has
	// no figures. (Not the reporting unit, 单位, which is the report's.)
	FigureUnit string        `json:"figure_unit,omitempty"`
	Items      []int         `json:"items,omitempty"`
	Page       int           `json:"page,omitempty"`
	Span       *extract.Span `json:"span,omitempty"` // evidence in the document text
	Cell       string        `json:"cell,omitempty"` // spreadsheet cell of the evidence (Sheet1!D7)
}

// A Rule checks one thing of one report.
type Rule struct {
	ID       string
	Name     string   // a few Chinese words beside the id in tables and exports (总额不符)
	Severity Severity // the usual severity; a rule may lower it (rounding → info)
	Summary  string   // one line in Chinese: what the rule checks
	Check    func(r *extract.Report) []Finding
}

var rules []Rule

// register adds a rule to the catalogue; each rule file calls it from init.
// A second rule with an id already taken is a programming error: ids are
// stable names that findings, reviews and exports refer to.
func register(r Rule) {
	if r.Name == "" {
		panic("validate: rule " + r.ID + " has no name")
	}
	for _, have := range rules {
		if have.ID == r.ID {
			panic("validate: rule " + r.ID + " registered twice")
		}
	}
	rules = append(rules, r)
}

// RuleName is the Chinese name of a rule id, or the id for a rule nobody
// registered (a finding stored by an older version).
func RuleName(id string) string {
	for _, r := range rules {
		if r.ID == id && r.Name != "" {
			return r.Name
		}
	}
	for _, r := range acrossRules {
		if r.ID == id && r.Name != "" {
			return r.Name
		}
	}
	return id
}

// Rules returns the catalogue, in registration order.
func Rules() []Rule { return append([]Rule(nil), rules...) }

// Report runs every rule over r and returns the findings, errors first.
func Report(r *extract.Report) []Finding {
	var out []Finding
	for _, rule := range rules {
		out = append(out, rule.Check(r)...)
	}
	for i := range out {
		if out[i].Cell == "" && out[i].Span != nil {
			out[i].Cell = r.CellAt(out[i].Span[0])
		}
	}
	out = ocrReview(r, out) // figures read by OCR: ask to check the scan
	sortFindings(out)
	return out
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

func dec(d decimal.Decimal) *decimal.Decimal { return &d }
