package synth

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Genres of generated reports (the values of extract.Genre).
const (
	GenreNarrative    = "narrative"
	GenreProjectTable = "project-table"
)

// Disbursement values of TruthItem (the values of extract.Disbursement).
const (
	DisbursedFull    = "full"    // actual written and ≥ budget
	DisbursedPartial = "partial" // actual written and < budget
	DisbursedNone    = "none"    // 未拨付 / 未支出: no actual figure
	DisbursedUnknown = "unknown" // nothing said about disbursement
)

// Truth is what a generated report says, known exactly because the report
// was made from it. Amounts are decimal strings in 万元 without trailing
// zeros ("24", "937.131003"); names are normalised by NormalizeName.
type Truth struct {
	File   string `json:"file"`   // path relative to the output folder
	Format string `json:"format"` // md, txt, gb18030, utf16, html, docx
	Unit   string `json:"unit"`   // narrative: the unit of the title (南屯镇); table: the 实施单位 cell
	County string `json:"county"`
	Year   int    `json:"year"`
	Genre  string `json:"genre"` // narrative | project-table
	Title  string `json:"title"` // normalised

	// StatedTotalWan is the total the report states (项目概况 sentence; for a
	// table the 全年预算数 of 年度资金总额). StatedCount is the project count of
	// the 项目概况 sentence (0 for tables, which state none).
	StatedTotalWan string `json:"stated_total_wan"`
	StatedCount    int    `json:"stated_count"`
	// Claim tells whether the report claims completion (全部按预算实施验收完毕).
	Claim bool `json:"claim"`

	Items []TruthItem `json:"items"`

	// Table genre only.
	Funds      []TruthFund      `json:"funds,omitempty"`
	Indicators []TruthIndicator `json:"indicators,omitempty"`
	TotalScore string           `json:"total_score,omitempty"`
	Grade      string           `json:"grade,omitempty"` // 自评等级 stated in a table

	// Planted lists the inconsistencies put into the report on purpose; a
	// report without any is consistent in the sense of the package doc.
	Planted []Plant `json:"planted"`
}

// TruthItem is one listed item (for tables: the project of the table).
type TruthItem struct {
	Seq          int    `json:"seq"`  // its number in the list, from 1
	Key          string `json:"key"`  // the same project of the same unit in other years has the same key
	Name         string `json:"name"` // as listed, normalised
	BudgetWan    string `json:"budget_wan"`
	ActualWan    string `json:"actual_wan"` // "" when no figure is written (none, unknown)
	Disbursement string `json:"disbursement"`
	Subprojects  int    `json:"subprojects"` // 共计 N 个项目; 1 when not stated
	// Evaluation is the heading of its evaluation entry, normalised, without
	// numbering and colon; "" when the item has none. Dimensions are those the
	// entry has, in order (立项 资金落实 业务管理 产出 效益).
	Evaluation string   `json:"evaluation,omitempty"`
	Dimensions []string `json:"dimensions,omitempty"`
}

// TruthFund is one row of a table's funds block. Amounts in 万元, "" when the
// cell is blank or "-"; Rate in percent as written ("86", "86.2").
type TruthFund struct {
	Row         string `json:"row"`
	InitialWan  string `json:"initial_wan"`
	BudgetWan   string `json:"budget_wan"`
	ExecutedWan string `json:"executed_wan"`
	Weight      string `json:"weight"`
	Rate        string `json:"rate"`
	Score       string `json:"score"`
}

// TruthIndicator is one 绩效指标 row of a table.
type TruthIndicator struct {
	Level1 string `json:"level1"`
	Level2 string `json:"level2"`
	Level3 string `json:"level3"`
	Target string `json:"target"`
	Actual string `json:"actual"`
	Weight string `json:"weight"`
	Score  string `json:"score"`
	Reason string `json:"reason,omitempty"`
}

// Plant is one inconsistency put into a report on purpose. Rule is a rule id
// of DESIGN.md's catalogue and Severity the severity validate should give it
// (the catalogue's, except a rounding difference of the total:
// total-mismatch at info). Items are the seqs of the listed items involved.
// Stated is the figure the report writes and Computed what its parts give
// (for total-mismatch: the stated total and the sum of the items). Detail
// says where, for plants that are not about listed items (the heading of an
// evaluation entry with no listed item; the row or column of a table).
type Plant struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Items    []int  `json:"items,omitempty"`
	Stated   string `json:"stated,omitempty"`
	Computed string `json:"computed,omitempty"`
	Detail   string `json:"detail,omitempty"`
}

// Has reports whether rule was planted in the report.
func (t *Truth) Has(rule string) bool {
	for _, p := range t.Planted {
		if p.Rule == rule {
			return true
		}
	}
	return false
}

// HasAt reports whether rule was planted at severity.
func (t *Truth) HasAt(rule, severity string) bool {
	for _, p := range t.Planted {
		if p.Rule == rule && p.Severity == severity {
			return true
		}
	}
	return false
}

// ReadTruth reads a truth.jsonl file written by Generate.
func ReadTruth(path string) ([]Truth, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	defer f.Close()
	ts, err := decodeTruth(f)
	if err != nil {
		return nil, fmt.Errorf("synth: %s: %w", path, err)
	}
	return ts, nil
}

// decodeTruth reads one Truth per line; blank lines are skipped.
func decodeTruth(r io.Reader) ([]Truth, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var out []Truth
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var t Truth
		if err := json.Unmarshal(b, &t); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, t)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// encodeTruth writes one Truth per line.
func encodeTruth(w io.Writer, ts []Truth) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range ts {
		if err := enc.Encode(&ts[i]); err != nil {
			return err
		}
	}
	return nil
}
