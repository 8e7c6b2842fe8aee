package index

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/segment"
	"github.com/jixiao/jixiao/index/jieba"
)

// HistoryEntry is one year of a project: the item (or project report) of
// that year whose name is most like the name asked for.
type HistoryEntry struct {
	Report     string           `json:"report"`
	Unit       string           `json:"unit"`
	Year       int              `json:"year"`
	Seq        *int             `json:"seq,omitempty"`
	Name       string           `json:"name"` // as written that year
	BudgetWan  *decimal.Decimal `json:"budget_wan"`
	ActualWan  *decimal.Decimal `json:"actual_wan"`
	Similarity float64          `json:"similarity"`
}

// historyPage and historyMax bound the candidates read for one history.
const (
	historyPage = 1000
	historyMax  = 20000
)

// History finds the same project across years: the items whose names share
// words with name are compared with it on their name keys (nameKey: years,
// unit prefixes and generic suffixes set aside), those naming the same
// project (sameProject) and, when name is written as such somewhere, with
// the same year offset (sameYearOffset) are kept, and for each unit and year
// the most similar one is returned (all of them on a tie), by unit then
// year. unit, when not empty, keeps to that unit (exact name).
func (ix *Index) History(ctx context.Context, name, unit string) ([]HistoryEntry, error) {
	seg, err := segment.Default()
	if err != nil {
		return nil, err
	}
	key := nameKey(seg, name, unit)
	if len(key) == 0 {
		return nil, errors.New("项目名称没有可比较的词 (name has no words to compare)")
	}
	q := ix.historyQuery(key, unit)
	var cands []HistoryEntry
	keys := map[string][]string{} // name key of the query, by candidate unit
	for from := 0; from < historyMax; from += historyPage {
		req := bleve.NewSearchRequestOptions(q, historyPage, from, false)
		req.Fields = []string{fieldReport, fieldUnitKW, fieldYearKW, fieldSeq, fieldName, fieldBudgetWan, fieldActualWan}
		req.SortBy([]string{"-_score", fieldReport, fieldSeq})
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("项目历史 %q: %w", name, err)
		}
		for _, dm := range res.Hits {
			h := hitOf(dm, HTML, 0)
			if h.Year == 0 {
				continue
			}
			qk, ok := keys[h.Unit]
			if !ok {
				qk = nameKey(seg, name, firstNonEmpty(unit, h.Unit))
				keys[h.Unit] = qk
			}
			if sim, same := sameProject(qk, nameKey(seg, h.Name, h.Unit)); same {
				cands = append(cands, HistoryEntry{Report: h.Report, Unit: h.Unit, Year: h.Year, Seq: h.Seq, Name: h.Name,
					BudgetWan: h.BudgetWan, ActualWan: h.ActualWan, Similarity: round3(sim)})
			}
		}
		if len(res.Hits) < historyPage {
			break
		}
	}
	cands = sameYearOffset(cands, name)
	type groupKey struct {
		unit string
		year int
	}
	best := map[groupKey][]HistoryEntry{}
	for _, e := range cands {
		g := groupKey{e.Unit, e.Year}
		switch cur := best[g]; {
		case len(cur) == 0 || e.Similarity > cur[0].Similarity:
			best[g] = []HistoryEntry{e}
		case e.Similarity == cur[0].Similarity:
			best[g] = append(cur, e) // equally like the name: show both
		}
	}
	var out []HistoryEntry
	for _, es := range best {
		out = append(out, es...)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		if a.Report != b.Report {
			return a.Report < b.Report
		}
		return seqOf(a.Seq) < seqOf(b.Seq)
	})
	return out, nil
}

// sameYearOffset keeps, when the name asked for is written as such in some
// report, the candidates whose own year stands as far from their report's
// year: a report of 2023 may list both 关于提前下达2023年下派选调生… and
// 关于提前下达2022年下派选调生… (this year's money and last year's), two
// projects whose names differ only by the year that similarity sets aside.
// Names without a year are kept.
func sameYearOffset(cands []HistoryEntry, name string) []HistoryEntry {
	written := strings.Join(strings.Fields(name), "")
	offset, found := 0, false
	for _, e := range cands {
		if y, ok := yearInName(e.Name); ok && strings.Join(strings.Fields(e.Name), "") == written {
			if found && y-e.Year != offset {
				return cands // written alike with different offsets: no rule
			}
			offset, found = y-e.Year, true
		}
	}
	if !found {
		return cands
	}
	out := cands[:0]
	for _, e := range cands {
		if y, ok := yearInName(e.Name); !ok || y-e.Year == offset {
			out = append(out, e)
		}
	}
	return out
}

// yearInName finds the first year (1990–2099) written in a name.
func yearInName(name string) (int, bool) {
	m := yearPattern.FindStringSubmatch(name)
	if m == nil {
		return 0, false
	}
	y, err := strconv.Atoi(m[1])
	return y, err == nil
}

var yearPattern = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)(?:\D|$)`)

// historyQuery finds candidates: documents whose name has any word or
// sub-word of the key, or holds a key word of three or more characters as
// a substring (耕地地力保护 in 耕地地力保护补贴).
func (ix *Index) historyQuery(key []string, unit string) query.Query {
	var any []query.Query
	words := bleve.NewMatchQuery(strings.Join(key, " "))
	words.SetField(fieldName)
	words.Analyzer = jieba.IndexAnalyzerName
	any = append(any, words)
	if ix.an.exactField {
		for _, w := range key {
			if utf8.RuneCountInString(w) >= 3 {
				p := bleve.NewMatchPhraseQuery(w)
				p.SetField(fieldExact)
				p.Analyzer = cjk.AnalyzerName
				any = append(any, p)
			}
		}
	}
	var q query.Query = bleve.NewDisjunctionQuery(any...)
	if unit != "" {
		q = bleve.NewConjunctionQuery(q, unitFilter(unit, false))
	}
	return q
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func seqOf(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
