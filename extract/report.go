// Package extract turns a Document into a Report: genre, unit, year, the
// stated total and count, and the items with their amounts and spans. It
// records what the report says; judging whether the numbers agree is validate's.
package extract

import (
	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract/money"
)

// Version names the extractor's behaviour; stored reports made by another
// version are refreshed by `jixiao reextract`.
const Version = "1"

// Genre is the kind of report.
type Genre string

const (
	Narrative       Genre = "narrative"        // 绩效自评报告 in prose
	ProjectTable    Genre = "project-table"    // 项目支出绩效自评表
	DepartmentTable Genre = "department-table" // 部门整体支出绩效自评表
)

// Disbursement says how much of an item's budget was paid out.
type Disbursement string

const (
	Full    Disbursement = "full"
	Partial Disbursement = "partial"
	None    Disbursement = "none" // 未拨付 / 未支出
	Unknown Disbursement = "unknown"
)

// Dimensions of the item-by-item evaluation, in the order reports give them.
var Dimensions = []string{"立项", "资金落实", "业务管理", "产出", "效益"}

// Source identifies the file a report was read from.
type Source struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Format string `json:"format"`
}

// Span is a byte range [start, end) in the Document's Text.
type Span [2]int

// Report is everything extracted from one document.
type Report struct {
	Source Source `json:"source"`
	Unit   string `json:"unit"`
	Year   int    `json:"year"`
	Title  string `json:"title"`
	Genre  Genre  `json:"genre"`
	// DocType is what kind of document this is (a 自评报告, a 决算 …);
	// DocTypeLabel its Chinese name, from the one table in doctype.go.
	DocType      DocType `json:"doc_type"`
	DocTypeLabel string  `json:"doc_type_label"`
	Stated       Stated  `json:"stated"`
	Items        []Item  `json:"items"`
	Extractor    string  `json:"extractor"`

	// Evaluations are the entries of the item-by-item evaluation section,
	// linked or not to a listed item.
	Evaluations []Evaluation `json:"evaluations,omitempty"`
	// Claims are sentences claiming that everything was carried out.
	Claims []Claim `json:"claims,omitempty"`
	// Unparsed are figures that look like money but could not be read.
	Unparsed []Unparsed `json:"unparsed,omitempty"`
	// Sums are amounts stated in prose as the sum of listed parts
	// (其中：30万元…；29.99万元… against 共完成预算资金89.97万元).
	Sums []StatedSum `json:"sums,omitempty"`
	// Rates are execution rates stated in prose beside the amounts they are
	// made of (已完成拨付2113.63万元，执行率97%).
	Rates []StatedRate `json:"rates,omitempty"`
	// ItemsIncomplete says that the text ends inside the list of items (a
	// page cut off): the items are what the text holds, not the whole list.
	ItemsIncomplete bool `json:"items_incomplete,omitempty"`
	// OCRPages are the pages read by OCR (scanned pages, image files): the
	// records on them carry OCRMark.
	OCRPages []int `json:"ocr_pages,omitempty"`

	// Table genres.
	Project    *ProjectInfo     `json:"project,omitempty"`
	Funds      []FundRow        `json:"funds,omitempty"`
	Goals      *Goals           `json:"goals,omitempty"`
	Indicators []Indicator      `json:"indicators,omitempty"`
	TotalScore *decimal.Decimal `json:"total_score,omitempty"`
	// TotalRow is the 合计 / 总分 row as written: the total of the weights
	// (分值, 权重) and of the scores, either of which may be blank.
	TotalRow *TotalRow `json:"total_row,omitempty"`
	// Grade is a stated 自评等级 / 评价等级 (优, 良好, 合格 …) as written, and
	// where it is.
	Grade     string `json:"grade,omitempty"`
	GradeSpan *Span  `json:"grade_span,omitempty"`
	// Department is the head of a 部门整体支出绩效自评表.
	Department *DepartmentInfo `json:"department,omitempty"`

	Warnings []string `json:"warnings,omitempty"`

	// Where a file holds several reports (see ExtractAll): which one this is
	// (1-based, 0 when the file holds one), how many the file holds, its
	// first and last page, and its byte range in the Document's Text. Sheet
	// names the worksheet of a report read from a spreadsheet.
	Part   int    `json:"part,omitempty"`
	Parts  int    `json:"parts,omitempty"`
	Pages  []int  `json:"pages,omitempty"`
	Extent *Span  `json:"extent,omitempty"`
	Sheet  string `json:"sheet,omitempty"`
	// Formulas are the cells of the sheet whose cached value disagrees with
	// what their formula computes.
	Formulas []FormulaCell `json:"formulas,omitempty"`

	// cellAt maps offsets of the Document's Text to spreadsheet cells (set by
	// ExtractAll, not stored: validate uses it while the document is at hand).
	cellAt func(int) string
}

// Stated holds what the report says about itself as a whole.
type Stated struct {
	TotalWan *decimal.Decimal `json:"total_wan"`
	Count    *int             `json:"count"`
	Total    *money.Amount    `json:"total,omitempty"` // as written
	Page     int              `json:"page,omitempty"`
	Span     *Span            `json:"span,omitempty"`
	Cell     string           `json:"cell,omitempty"` // spreadsheet cell (Sheet1!D7)
	OCRMark
	// Candidates are the other totals and counts the text states, with
	// their role (actual, part, batch, initial-budget …).
	Candidates []StatedCandidate `json:"candidates,omitempty"`
}

// Item is one listed project (项目概况) of a narrative report.
type Item struct {
	Seq          int              `json:"seq"`
	Name         string           `json:"name"`
	BudgetWan    *decimal.Decimal `json:"budget_wan"`
	ActualWan    *decimal.Decimal `json:"actual_wan"`
	Budget       *money.Amount    `json:"budget,omitempty"` // as written
	Actual       *money.Amount    `json:"actual,omitempty"` // as written
	Disbursement Disbursement     `json:"disbursement"`
	Subprojects  int              `json:"subprojects"` // 共计 N 个项目; 1 when not stated
	// Group is what a listed item is a part of, when the text lists items
	// under several totals (…下达2263万元。其中：A 1435万元，…; …下达791万元。其中：…).
	Group      string            `json:"group,omitempty"`
	Purpose    string            `json:"purpose"`
	Evaluation map[string]string `json:"evaluation"` // dimension → text, from the linked evaluation entry
	Keywords   []string          `json:"keywords,omitempty"`
	Page       int               `json:"page"`
	Span       Span              `json:"span"`
	Cell       string            `json:"cell,omitempty"` // spreadsheet cell (Sheet1!D7)
	OCRMark
}

// SetBudget records the budget as written and its value in 万元.
func (it *Item) SetBudget(a money.Amount) {
	it.Budget = &a
	v := a.Wan
	it.BudgetWan = &v
}

// SetActual records the amount disbursed as written and its value in 万元.
func (it *Item) SetActual(a money.Amount) {
	it.Actual = &a
	v := a.Wan
	it.ActualWan = &v
}

// Evaluation is one entry of the evaluation section (（一）南屯镇…项目：
// 1、项目立项：… 5、项目效益：…).
type Evaluation struct {
	Seq        int               `json:"seq"`     // its own number, 0 when unnumbered
	Heading    string            `json:"heading"` // the name as the section writes it
	Dimensions map[string]string `json:"dimensions"`
	Item       int               `json:"item"`       // seq of the linked listed item, 0 when none
	Similarity float64           `json:"similarity"` // of the names, on jieba tokens (0..1)
	Page       int               `json:"page"`
	Span       Span              `json:"span"`
}

// Claim is a sentence that claims completion (全部按预算实施验收完毕).
type Claim struct {
	Text string `json:"text"`
	Page int    `json:"page"`
	Span Span   `json:"span"`
}

// Unparsed is a figure that looks like money but could not be read.
type Unparsed struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
	Item   int    `json:"item,omitempty"`
	Page   int    `json:"page"`
	Span   Span   `json:"span"`
	OCRMark
}

// StatedSum is a total stated in prose next to the parts it should be the sum of.
type StatedSum struct {
	Label string         `json:"label"`
	Total money.Amount   `json:"total"`
	Parts []money.Amount `json:"parts"`
	Page  int            `json:"page"`
	Span  Span           `json:"span"`
	OCRMark
}

// ProjectInfo is the head of a 项目支出绩效自评表.
type ProjectInfo struct {
	Name        string `json:"name"`
	Department  string `json:"department"`  // 主管部门
	Implementer string `json:"implementer"` // 实施单位
	Responsible string `json:"responsible,omitempty"`
}

// FundRow is one row of the funds block of a table (年度资金总额, 其中：本年财政拨款 …).
// Amounts are in 万元; Rate is in percent (86 for 86%).
type FundRow struct {
	Row string `json:"row"`
	// Level places the row in the block: 0 the total (年度资金总额, 总额),
	// 1 its components (本年财政拨款, 上年结转资金, 其他资金, 基本支出 …),
	// 2 components of the level-1 row above (人员经费, 公用经费 under 基本支出).
	Level       int              `json:"level"`
	InitialWan  *decimal.Decimal `json:"initial_wan"`
	BudgetWan   *decimal.Decimal `json:"budget_wan"`
	ExecutedWan *decimal.Decimal `json:"executed_wan"`
	Weight      *decimal.Decimal `json:"weight"`
	Rate        *decimal.Decimal `json:"rate"`
	Score       *decimal.Decimal `json:"score"`
	Reason      string           `json:"reason,omitempty"` // 原因 column, where the table has one
	// Decimals of each figure in the unit stored (万元, percent, points), for
	// the rounding tolerance, by key: "initial", "budget", "executed",
	// "weight", "rate", "score". A table written in 元 has 4 more than written.
	Decimals map[string]int `json:"decimals,omitempty"`
	// Written is each figure as the table writes it ("86%", "100.00%"), by the same keys.
	Written map[string]string `json:"written,omitempty"`
	Page    int               `json:"page"`
	Span    Span              `json:"span"`
	Cell    string            `json:"cell,omitempty"`  // spreadsheet cell of the row's label (Sheet1!A7)
	Cells   map[string]string `json:"cells,omitempty"` // spreadsheet cell of each figure, by the keys of Decimals
	OCRMark
	// Breakdowns are the total split another way under the row, label and
	// figure in one cell (按收入性质分:2030.12, 其中:基本支出:900.47).
	Breakdowns []FundBreakdown `json:"breakdowns,omitempty"`
}

// FundBreakdown is one way a fund total is broken down (按收入性质分,
// 按支出性质分): its own stated figure and its parts, as written.
type FundBreakdown struct {
	Label    string           `json:"label"`
	Wan      *decimal.Decimal `json:"wan"`
	Decimals int              `json:"decimals"`
	Parts    []FundPart       `json:"parts"`
	Page     int              `json:"page"`
	Span     Span             `json:"span"`
	Cell     string           `json:"cell,omitempty"` // spreadsheet cell (Sheet1!B5)
	OCRMark
}

// FundPart is one part of a FundBreakdown; Wan is nil when the cell is blank.
type FundPart struct {
	Label    string           `json:"label"`
	Wan      *decimal.Decimal `json:"wan"`
	Decimals int              `json:"decimals"`
	Span     Span             `json:"span"`
	Cell     string           `json:"cell,omitempty"` // spreadsheet cell (Sheet1!B6)
	OCRMark
}

// TotalRow is the 合计 / 总分 row of a table.
type TotalRow struct {
	Label    string            `json:"label"`
	Weight   *decimal.Decimal  `json:"weight"`
	Score    *decimal.Decimal  `json:"score"`
	Decimals map[string]int    `json:"decimals,omitempty"` // "weight", "score"
	Page     int               `json:"page"`
	Span     Span              `json:"span"`
	Cell     string            `json:"cell,omitempty"`  // spreadsheet cell of the label
	Cells    map[string]string `json:"cells,omitempty"` // "weight", "score"
	OCRMark
}

// DepartmentInfo is the head of a 部门整体支出绩效自评表.
type DepartmentInfo struct {
	Name  string `json:"name"` // 部门（单位）名称
	Tasks []Task `json:"tasks,omitempty"`
}

// Task is one row of 年度主要任务: the task and what it consists of.
type Task struct {
	Name    string `json:"name"`
	Content string `json:"content"`
	Page    int    `json:"page"`
	Span    Span   `json:"span"`
}

// Goals is the 年度总体目标 block: what was expected and what was done.
type Goals struct {
	Expected string `json:"expected"`
	Actual   string `json:"actual"`
	Page     int    `json:"page"`
	Span     Span   `json:"span"`
}

// Indicator is one 绩效指标 row.
type Indicator struct {
	Level1 string           `json:"level1"`
	Level2 string           `json:"level2"`
	Level3 string           `json:"level3"`
	Nature string           `json:"nature,omitempty"` // 指标性质 (=, ≥, ≤ …), where the table has the column
	Target string           `json:"target"`
	Unit   string           `json:"unit,omitempty"` // 度量单位, where the table has the column
	Actual string           `json:"actual"`
	Weight *decimal.Decimal `json:"weight"`
	Score  *decimal.Decimal `json:"score"`
	Reason string           `json:"reason"`
	// Level1Weight is the weight its 一级 header declares (产出指标（50分）),
	// where the header writes one.
	Level1Weight *decimal.Decimal `json:"level1_weight,omitempty"`
	// Level2Weight is the weight its 二级 label declares (目标任务（15分）),
	// where a scoring form writes one.
	Level2Weight *decimal.Decimal `json:"level2_weight,omitempty"`
	// NotApplicable: the row's 实际 or 得分 cell says 不适用 / 不涉及: the row
	// is out of the score and the total is rescaled over the others.
	NotApplicable bool `json:"not_applicable,omitempty"`
	// Unsure: the row's cells could not all be placed in its columns (a
	// name that is a figure, cells left over): its figures are kept as read
	// but sums over the rows are not judged.
	Unsure bool `json:"unsure,omitempty"`
	// PartOf is the 1-based index in Indicators of the row a 其中 sub-row
	// breaks down (其中桃树种植面积 under 补助各类瓜果蔬菜种植面积); 0 otherwise.
	PartOf int `json:"part_of,omitempty"`
	// Prose: the row was read from a narrative report's sentences, not from
	// a table: it has no 偏差原因 column (the report explains in its text).
	Prose    bool              `json:"prose,omitempty"`
	Decimals map[string]int    `json:"decimals,omitempty"` // "weight", "score"
	Page     int               `json:"page"`
	Span     Span              `json:"span"`
	Cell     string            `json:"cell,omitempty"`  // spreadsheet cell of the row's first column
	Cells    map[string]string `json:"cells,omitempty"` // "target", "actual", "weight", "score"
	OCRMark
}
