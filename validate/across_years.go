package validate

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// Rules across reports: they compare the same project of the same unit in
// consecutive years, so they need the corpus and run beside `jixiao history`,
// never inside Report (one report alone says nothing about them). They are
// listed by Catalogue with NeedsCorpus set.

// A YearOfProject is one year of a project as the corpus holds it: the
// report it comes from, its budget, and the indicators of its table (none
// for a project of a narrative report).
type YearOfProject struct {
	Report     string
	Unit       string
	Year       int
	Name       string
	BudgetWan  *decimal.Decimal
	Indicators []extract.Indicator
}

// An AcrossRule checks one project from one year to the next.
type AcrossRule struct {
	ID       string
	Name     string // a few Chinese words beside the id in tables and exports
	Severity Severity
	Summary  string
	Check    func(prev, cur YearOfProject) []Finding
}

var acrossRules []AcrossRule

// registerAcross adds a rule across reports to the catalogue.
func registerAcross(r AcrossRule) { acrossRules = append(acrossRules, r) }

// AcrossYears runs the rules across reports over the years of one project:
// each unit's years in order, each year against the one before it when the
// two are consecutive. Findings carry the later year's report in Report.
func AcrossYears(years []YearOfProject) []YearFinding {
	ys := append([]YearOfProject(nil), years...)
	sort.SliceStable(ys, func(i, j int) bool {
		if ys[i].Unit != ys[j].Unit {
			return ys[i].Unit < ys[j].Unit
		}
		return ys[i].Year < ys[j].Year
	})
	var out []YearFinding
	for i := 1; i < len(ys); i++ {
		prev, cur := ys[i-1], ys[i]
		if prev.Unit != cur.Unit || cur.Year != prev.Year+1 {
			continue
		}
		for _, r := range acrossRules {
			for _, f := range r.Check(prev, cur) {
				out = append(out, YearFinding{Report: cur.Report, Previous: prev.Report, Year: cur.Year, Finding: f})
			}
		}
	}
	return out
}

// YearFinding is a finding across reports: on the report of Year, against
// the report of the year before.
type YearFinding struct {
	Report   string `json:"report"`
	Previous string `json:"previous"`
	Year     int    `json:"year"`
	Finding
}

// indicatorKey is the name a row is matched on from year to year: the
// third-level name without template numbering, marks and spaces.
func indicatorKey(ind extract.Indicator) string {
	n := strings.Join(strings.Fields(ind.Level3), "")
	n = strings.TrimLeft(n, "★☆*＊")
	n = placeholderPrefix.ReplaceAllString(n, "")
	return ind.Level2 + "/" + n
}
