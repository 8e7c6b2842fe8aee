package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/synth"
)

// synthCorpus generates n reports (unit i/11 in year 2015+i%11) and turns
// their ground truth into Reports: unit, year, items with their names as
// written and budgets. It returns the report ids, the reports and the truth
// key of every item by "id/seq".
func synthCorpus(t testing.TB, n int, seed int64) (ids []string, reports []*extract.Report, key map[string]string) {
	t.Helper()
	truths, err := synth.Generate(t.TempDir(), n, synth.Options{Seed: seed, Formats: []string{"md"}})
	if err != nil {
		t.Fatal(err)
	}
	key = map[string]string{}
	for i, tr := range truths {
		id := fmt.Sprintf("s%04d", i)
		r := &extract.Report{Unit: tr.Unit, Year: tr.Year, Title: tr.Title, Genre: extract.Genre(tr.Genre)}
		for _, it := range tr.Items {
			item := extract.Item{Seq: it.Seq, Name: it.Name}
			if b, err := decimal.NewFromString(it.BudgetWan); err == nil {
				item.BudgetWan = &b
			}
			r.Items = append(r.Items, item)
			key[fmt.Sprintf("%s/%d", id, it.Seq)] = it.Key
		}
		ids = append(ids, id)
		reports = append(reports, r)
	}
	return ids, reports, key
}

// TestHistorySynthetic asks History, for every recurring project of the
// synthetic units, the name it has in its last year, and checks the answer
// against the generator's project keys: precision is the share of returned
// lines that are the project, recall the share of the project's years found.
// (Precision can fall short of 1 by design: a unit may list this year's and
// last year's 下派选调生 money, and the name of one in a year can be written
// exactly as the other's in the next; History then shows both.)
func TestHistorySynthetic(t *testing.T) {
	n := 110 // 10 units × 11 years
	if testing.Short() {
		n = 44
	}
	ids, reports, key := synthCorpus(t, n, 11)
	ix := openTest(t)
	for i, r := range reports {
		if err := ix.Put(ids[i], r, nil); err != nil {
			t.Fatal(err)
		}
	}
	type occurrence struct {
		year int
		name string
	}
	// Every project of every unit and the years it appears in.
	projects := map[[2]string][]occurrence{} // (unit, key) → occurrences
	for i, r := range reports {
		for _, it := range r.Items {
			k := [2]string{r.Unit, key[fmt.Sprintf("%s/%d", ids[i], it.Seq)]}
			projects[k] = append(projects[k], occurrence{r.Year, it.Name})
		}
	}
	var returned, right, wanted, found int
	var misses []string
	for k, occ := range projects {
		if len(occ) < 2 {
			continue
		}
		sort.Slice(occ, func(i, j int) bool { return occ[i].year < occ[j].year })
		name := occ[len(occ)-1].name
		es, err := ix.History(context.Background(), name, k[0])
		if err != nil {
			t.Fatalf("History(%q, %q): %v", name, k[0], err)
		}
		years := map[int]bool{}
		for _, e := range es {
			returned++
			got := key[fmt.Sprintf("%s/%d", e.Report, *e.Seq)]
			if got == k[1] {
				right++
				years[e.Year] = true
			} else {
				misses = append(misses, fmt.Sprintf("%s %q: %d %q (%.3f) is another project", k[0], name, e.Year, e.Name, e.Similarity))
			}
		}
		distinct := map[int]bool{}
		for _, o := range occ {
			distinct[o.year] = true
		}
		wanted += len(distinct)
		found += len(years)
		for _, o := range occ {
			if !years[o.year] {
				misses = append(misses, fmt.Sprintf("%s %q: %d %q not found", k[0], name, o.year, o.name))
			}
		}
	}
	precision := float64(right) / float64(returned)
	recall := float64(found) / float64(wanted)
	t.Logf("history on %d reports: precision %.3f (%d/%d lines), recall %.3f (%d/%d years)", n, precision, right, returned, recall, found, wanted)
	sort.Strings(misses)
	if len(misses) > 0 {
		t.Logf("misses, e.g.:\n  %s", strings.Join(misses[:min(len(misses), 40)], "\n  "))
	}
	if precision < 0.99 || recall < 0.99 {
		t.Errorf("precision %.3f, recall %.3f: want at least 0.99 and 0.99", precision, recall)
	}
}
