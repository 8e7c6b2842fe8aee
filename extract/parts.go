package extract

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/ingest"
)

// FormulaCell is a spreadsheet cell whose cached value (the figure the
// sheet shows) disagrees with what its formula computes.
type FormulaCell struct {
	Cell     string `json:"cell"` // Sheet1!D7
	Formula  string `json:"formula"`
	Cached   string `json:"cached"`
	Computed string `json:"computed"`
	Page     int    `json:"page"`
}

// CellAt gives the spreadsheet cell (Sheet1!D7) the byte at offset off of
// the Document's Text came from, while the report is fresh from ExtractAll;
// "" otherwise.
func (r *Report) CellAt(off int) string {
	if r == nil || r.cellAt == nil {
		return ""
	}
	return r.cellAt(off)
}

// ExtractAll reads every report a file holds: an annex bundle of several
// 自评表, a 部门决算 that carries its 自评表 as sections, a report followed by
// its tables, a workbook with one 自评表 per sheet. The document is cut at
// the title lines of reports and tables (and at worksheets); each part that
// is a report on its own — a table with fund rows, indicators or a score,
// or prose with projects or a stated total — becomes one, with its page
// range. A file where fewer than two parts are reports is one report, read
// as Extract reads it, so that cutting never loses what the whole gave.
//
// Offsets, pages and spans of every report are those of the whole
// Document: each part is read through a mask of the text (ingest.Document.Mask).
func ExtractAll(doc *ingest.Document) ([]*Report, error) {
	whole, err := Extract(doc)
	if err != nil {
		return nil, err
	}
	var reps []*Report
	notSheets := partNonTableSheets(doc)
	parts := splitParts(doc)
	if len(parts) == 2 && parts[0].head && !partIsSheet(doc) && partInk(doc.Text[parts[0].start:parts[0].end]) < 300 {
		parts = nil // one title under a short heading: the file is one report, as read whole
	}
	if len(parts) > 1 {
		for i := 0; i < len(parts); i++ {
			p := parts[i]
			r, err := Extract(doc.Mask(p.start, p.end))
			if err != nil {
				return nil, err
			}
			if p.head && !partSubstantive(r) {
				parts[i+1].start = p.start // the head of the first titled part
				continue
			}
			if !partSubstantive(r) {
				// a title line that heads nothing of its own (an annex
				// named in prose): its text stays with the report before
				if len(reps) > 0 {
					last := reps[len(reps)-1]
					if r, err = Extract(doc.Mask(last.Extent[0], p.end)); err != nil {
						return nil, err
					}
					r.Extent = &Span{last.Extent[0], p.end}
					reps[len(reps)-1] = r
				}
				continue
			}
			r.Extent = &Span{p.start, p.end}
			reps = append(reps, r)
		}
	}
	// one report among other parts: the whole, unless the parts are worksheets
	// (the report is then its sheet, with the sheet's name and formulas)
	if len(reps) == 0 || len(reps) == 1 && partSubstantive(whole) && !partIsSheet(doc) {
		whole.Extent = &Span{0, len(doc.Text)}
		reps = []*Report{whole}
	}
	for i, r := range reps {
		if len(reps) > 1 {
			r.Part, r.Parts = i+1, len(reps)
		}
		partFinish(doc, r, notSheets)
	}
	return reps, nil
}

// partInk counts the bytes of a text that are not blank.
func partInk(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] > ' ' {
			n++
		}
	}
	return n
}

// part is a stretch [start, end) of the Document's Text.
type docPart struct {
	start, end int
	head       bool // the text before the first title: its own report only when it is one
}

// partTitleLine matches the title of a report or a table, compacted (no spaces).
// The title may be followed on its line by the table's first cell, where
// the text was reflowed (自评表预算部门、单位名称), or by its year ((2023年度)).
var partTitleLine = regexp.MustCompile(`^(附件[0-9一二三四五六七八九十]*[:：.、]?)?[^。；;，,：:]{0,48}(绩效自评表|绩效自评报告|自评报告|绩效评价报告|绩效评价表|绩效自评情况表|评分表|得分表)([(（]?\d{4}年度?[)）]?)?([)）]|$|[^。；;，,]{0,40}(名称|单位|部门)$)`)

// partTitlePrefix matches a line that belongs to the title under it (附件2, 2023年度).
var partTitlePrefix = regexp.MustCompile(`^(附件[0-9一二三四五六七八九十]*[:：.、]?|附表[0-9一二三四五六七八九十]*[:：.、]?|\d{4}年度?)$`)

// splitParts cuts the text at report and table titles and at worksheets.
func splitParts(doc *ingest.Document) []docPart {
	text := doc.Text
	var cuts []int
	sheets := partIsSheet(doc)
	if sheets {
		for _, s := range doc.PageStarts {
			cuts = append(cuts, s)
		}
	}
	lines := splitTextLines(text)
	for i, l := range lines {
		k := partCompact(l.text)
		if k == "" || utf8.RuneCountInString(k) > 100 || !partTitleLine.MatchString(k) {
			continue
		}
		at := l.start
		for j := i - 1; j >= 0 && i-j <= 3; j-- {
			pk := partCompact(lines[j].text)
			if pk == "" {
				continue
			}
			if !partTitlePrefix.MatchString(pk) {
				break
			}
			at = lines[j].start
		}
		cuts = append(cuts, at)
	}
	if len(cuts) == 0 {
		return nil
	}
	sort.Ints(cuts)
	var out []docPart
	prev := 0
	for _, c := range cuts {
		if c <= prev {
			continue
		}
		out = append(out, docPart{start: prev, end: c})
		prev = c
	}
	out = append(out, docPart{start: prev, end: len(text)})
	// the text before the first title is the head of the first part (a
	// unit's heading, a 决算's opening) unless it is a report of its own
	// (the end of a table whose title was on an earlier page); ExtractAll
	// decides, the head is marked
	if len(out) > 1 && !sheets {
		out[0].head = true
	}
	return out
}

// partCompact is a line without spaces and table bars.
func partCompact(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\u3000', '|', '¦', '\u00a0':
			return -1
		}
		return r
	}, s)
}

// partSubstantive tells whether a report has something of its own: a table
// read (fund rows, indicators, a score), or prose with projects or a total.
func partSubstantive(r *Report) bool {
	if r.Genre == ProjectTable || r.Genre == DepartmentTable {
		return len(r.Funds) > 0 || len(r.Indicators) > 0 || r.TotalScore != nil || r.TotalRow != nil
	}
	if r.Stated.TotalWan != nil {
		return true
	}
	for _, it := range r.Items {
		if it.BudgetWan != nil || it.ActualWan != nil {
			return true // a project with an amount; a list of names alone (a 决算's table of contents) is not a report
		}
	}
	return false
}

func partIsSheet(doc *ingest.Document) bool {
	return doc.Format.Sheet()
}

// partNonTableSheets names the worksheets that are not a 自评表: a workbook's
// other sheets (a 基础数据表, a list of staff) are said to be so, never left
// silently unread.
func partNonTableSheets(doc *ingest.Document) map[int]string {
	if !partIsSheet(doc) {
		return nil
	}
	out := map[int]string{}
	for i, p := range doc.Pages {
		start := doc.PageStarts[i]
		end := len(doc.Text)
		if i+1 < len(doc.PageStarts) {
			end = doc.PageStarts[i+1]
		}
		if _, ok := detectTable(doc.Text[start:end]); !ok {
			name := p.Sheet
			if strings.TrimSpace(doc.Text[start:end]) == "" {
				name += "（空）"
			}
			out[i] = name
		}
	}
	return out
}

// partFinish gives a report its page range, its sheet, the cells of its
// figures and the stale formulas of its sheets.
func partFinish(doc *ingest.Document, r *Report, notSheets map[int]string) {
	if r.Parts < 2 && !partIsSheet(doc) {
		r.Extent = nil // the file is the report: as Extract gives it
		return
	}
	ext := *r.Extent
	last := max(ext[0], ext[1]-1)
	for ext[0] < last && doc.Text[ext[0]] == '\n' {
		ext[0]++
	}
	first := doc.PageAt(ext[0])
	if len(doc.Pages) > 1 {
		r.Pages = []int{first, doc.PageAt(last)}
	}
	if !partIsSheet(doc) {
		return
	}
	i0, i1 := doc.PageIndex(ext[0]), doc.PageIndex(last)
	if i0 == i1 {
		r.Sheet = doc.Pages[i0].Sheet
	}
	for i := i0; i <= i1 && i < len(doc.Pages); i++ {
		p := doc.Pages[i]
		for _, f := range p.Formulas {
			r.Formulas = append(r.Formulas, FormulaCell{Cell: ingest.CellName(p.Sheet, f.Ref), Formula: f.Formula,
				Cached: f.Cached, Computed: f.Computed, Page: p.N})
		}
	}
	if r.Part <= 1 {
		for i := range doc.Pages {
			if name, ok := notSheets[i]; ok {
				r.Warnings = append(r.Warnings, fmt.Sprintf("工作表“%s”不是自评表，未读出记录 (sheet is not a self-evaluation table)", name))
			}
		}
	}
	r.cellAt = doc.CellAt
	partSetCells(doc, reflect.ValueOf(r).Elem())
}

var (
	partSpanType = reflect.TypeOf(Span{})
	partCellsKey = map[reflect.Type][]string{
		reflect.TypeOf(FundRow{}):   {"initial", "budget", "executed", "weight", "rate", "score"},
		reflect.TypeOf(Indicator{}): {"target", "actual", "weight", "score"},
		reflect.TypeOf(TotalRow{}):  {"weight", "score"},
	}
)

// partSetCells walks the report and, wherever a record has a Span and a Cell,
// sets Cell to the cell its span begins in; records with Cells get the
// cell of each figure, found left to right among the cells of the row.
func partSetCells(doc *ingest.Document, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			partSetCells(doc, v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			partSetCells(doc, v.Index(i))
		}
	case reflect.Struct:
		sp, cell := v.FieldByName("Span"), v.FieldByName("Cell")
		if sp.IsValid() && cell.IsValid() && cell.Kind() == reflect.String && cell.CanSet() {
			var s Span
			ok := false
			if sp.Type() == partSpanType {
				s, ok = sp.Interface().(Span), true
			} else if sp.Kind() == reflect.Pointer && !sp.IsNil() && sp.Elem().Type() == partSpanType {
				s, ok = sp.Elem().Interface().(Span), true
			}
			if ok && s[1] > s[0] {
				cell.SetString(partFirstCell(doc, s))
				if keys, has := partCellsKey[v.Type()]; has {
					if cf := v.FieldByName("Cells"); cf.IsValid() && cf.CanSet() {
						if m := partFigureCells(doc, s, v, keys); len(m) > 0 {
							cf.Set(reflect.ValueOf(m))
						}
					}
				}
			}
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				partSetCells(doc, v.Field(i))
			}
		}
	}
}

// partFirstCell is the first cell with text in span s.
func partFirstCell(doc *ingest.Document, s Span) string {
	for off := s[0]; off < s[1]; off++ {
		if c := doc.CellAt(off); c != "" {
			return c
		}
	}
	return ""
}

// partCell is one cell's text within a record's span.
type partCell struct {
	name, text string
}

func partSpanCells(doc *ingest.Document, s Span) []partCell {
	var out []partCell
	for off := s[0]; off < s[1] && off < len(doc.Text); {
		c := doc.CellAt(off)
		if c == "" {
			off++
			continue
		}
		end := off
		for end < s[1] && end < len(doc.Text) && doc.CellAt(end) == c {
			end++
		}
		out = append(out, partCell{c, doc.Text[off:end]})
		off = end
	}
	return out
}

// partFigureCells finds, left to right, the cell of each figure of a record.
func partFigureCells(doc *ingest.Document, s Span, v reflect.Value, keys []string) map[string]string {
	cells := partSpanCells(doc, s)
	out := map[string]string{}
	at := 0
	for _, k := range keys {
		f := v.FieldByName(partFieldName(k))
		if !f.IsValid() {
			continue
		}
		for j := at; j < len(cells); j++ {
			if partSameFigure(f, cells[j].text) {
				out[k] = cells[j].name
				at = j + 1
				break
			}
		}
	}
	return out
}

func partFieldName(key string) string {
	switch key {
	case "initial":
		return "InitialWan"
	case "budget":
		return "BudgetWan"
	case "executed":
		return "ExecutedWan"
	}
	return strings.ToUpper(key[:1]) + key[1:]
}

// partSameFigure tells whether a cell's text is the figure held in f (a
// decimal in 万元, percent or points, or a text).
func partSameFigure(f reflect.Value, text string) bool {
	text = strings.TrimSpace(text)
	if f.Kind() == reflect.String {
		return f.String() != "" && partCompact(text) == partCompact(f.String())
	}
	if f.Kind() != reflect.Pointer || f.IsNil() {
		return false
	}
	d, ok := f.Interface().(*decimal.Decimal)
	if !ok {
		return false
	}
	t := strings.NewReplacer(",", "", "，", "", "%", "", "％", "", "万元", "", "元", "", "分", "").Replace(text)
	got, err := decimal.NewFromString(strings.TrimSpace(t))
	if err != nil {
		return false
	}
	return got.Equal(*d) || got.Div(decimal.NewFromInt(10000)).Equal(*d) || got.Mul(decimal.NewFromInt(100)).Equal(*d)
}
