package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// Truth is one document's truth file (testdata/real/README.md), worked out by
// hand from the document's text.
type Truth struct {
	ID       string        `json:"id"`
	DocType  string        `json:"doc_type"`
	Complete *bool         `json:"complete"`
	Reports  []TruthReport `json:"reports"`
	Notes    string        `json:"notes"`

	// Doc is the path of the document the truth describes.
	Doc string `json:"-"`
}

// TruthReport is one report of a document.
type TruthReport struct {
	Genre              *string           `json:"genre"`
	Unit               string            `json:"unit"`
	UnitAccept         []string          `json:"unit_accept"`
	Year               *int              `json:"year"`
	Title              string            `json:"title"`
	TitleAccept        []string          `json:"title_accept"`
	Pages              []int             `json:"pages"`
	NothingExtractable bool              `json:"nothing_extractable"`
	Stated             TruthStated       `json:"stated"`
	Items              []TruthItem       `json:"items"`
	Funds              []TruthFund       `json:"funds"`
	Indicators         []TruthIndicator  `json:"indicators"`
	TotalScore         *decimal.Decimal  `json:"total_score"`
	Grade              *string           `json:"grade"`
	GroupWeights       map[string]string `json:"group_weights"`
	Inconsistencies    []TruthFinding    `json:"inconsistencies"`
}

// TruthStated is what the report states of itself as a whole.
type TruthStated struct {
	TotalWan *decimal.Decimal `json:"total_wan"`
	Count    *int             `json:"count"`
}

// TruthItem is one project of a narrative report.
type TruthItem struct {
	Name         string           `json:"name"`
	NameAccept   []string         `json:"name_accept"` // other spellings that are right too
	BudgetWan    *decimal.Decimal `json:"budget_wan"`
	ActualWan    *decimal.Decimal `json:"actual_wan"`
	Disbursement *string          `json:"disbursement"`
	Subprojects  *int             `json:"subprojects"`
}

// TruthFund is one fund row of a table.
type TruthFund struct {
	Row         string           `json:"row"`
	InitialWan  *decimal.Decimal `json:"initial_wan"`
	BudgetWan   *decimal.Decimal `json:"budget_wan"`
	ExecutedWan *decimal.Decimal `json:"executed_wan"`
	Weight      *decimal.Decimal `json:"weight"`
	Rate        *decimal.Decimal `json:"rate"`
	Score       *decimal.Decimal `json:"score"`
}

// TruthIndicator is one 绩效指标 row of a table.
type TruthIndicator struct {
	Level1 string           `json:"level1"`
	Level2 string           `json:"level2"`
	Level3 string           `json:"level3"`
	Target *string          `json:"target"`
	Actual *string          `json:"actual"`
	Weight *decimal.Decimal `json:"weight"`
	Score  *decimal.Decimal `json:"score"`
	Reason *string          `json:"reason"`
}

// TruthFinding is an inconsistency that really exists in the document.
type TruthFinding struct {
	Rule     string           `json:"rule"`
	Severity string           `json:"severity"`
	Expected *decimal.Decimal `json:"expected"`
	Actual   *decimal.Decimal `json:"actual"`
	Diff     *decimal.Decimal `json:"diff"`
	Items    []int            `json:"items"`
	Why      string           `json:"why"`
}

// LoadTruths reads every truth file under dir/truth and pairs it with its
// document under dir/docs (the file whose name without extension is the id).
func LoadTruths(dir string) ([]Truth, error) {
	files, err := filepath.Glob(filepath.Join(dir, "truth", "*.json"))
	if err != nil {
		return nil, err
	}
	docs, err := os.ReadDir(filepath.Join(dir, "docs"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	byID := map[string]string{}
	for _, d := range docs {
		name := d.Name()
		id := strings.TrimSuffix(name, filepath.Ext(name))
		if prev, dup := byID[id]; dup {
			return nil, fmt.Errorf("two documents for id %s: %s and %s", id, prev, name)
		}
		byID[id] = filepath.Join(dir, "docs", name)
	}
	sort.Strings(files)
	var out []Truth
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var t Truth
		if err := json.Unmarshal(b, &t); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		if t.ID == "" {
			t.ID = id
		}
		if t.ID != id {
			return nil, fmt.Errorf("%s: id %q differs from the file name", f, t.ID)
		}
		doc, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("%s: no document docs/%s.*", f, id)
		}
		t.Doc = doc
		out = append(out, t)
	}
	return out, nil
}

// nameScore is how well got matches the item's name or one of the spellings
// its truth accepts.
func (t TruthItem) nameScore(got string) float64 {
	best := nameSim(t.Name, got)
	for _, a := range t.NameAccept {
		best = max(best, nameSim(a, got))
	}
	return best
}
