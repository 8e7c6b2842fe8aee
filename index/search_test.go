package index

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

const nantunID = "a1b2c3d4e5f6"

// openTest opens a fresh index in a temporary directory.
func openTest(t testing.TB) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "index"), DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func nantunIndex(t testing.TB) *Index {
	t.Helper()
	ix := openTest(t)
	if err := ix.Put(nantunID, nantunReport(t), nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

func find(t testing.TB, ix *Index, q Query) *Result {
	t.Helper()
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	return res
}

// seqs lists the item numbers of the hits, in item order; a report hit is 0.
func seqs(res *Result) []int {
	var out []int
	for _, h := range res.Hits {
		if h.Seq == nil {
			out = append(out, 0)
		} else {
			out = append(out, *h.Seq)
		}
	}
	slices.Sort(out)
	return out
}

// The fixture is the reference report as written.
func TestFixtureMatchesReference(t *testing.T) {
	ref, err := os.ReadFile("../testdata/nantun-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(ref)
	for _, it := range nantunItems {
		if !strings.Contains(text, it.name+"：") {
			t.Errorf("item %d: name %q not in the reference", it.seq, it.name)
		}
		if !strings.Contains(text, it.budget+" 万元") {
			t.Errorf("item %d: budget %s 万元 not in the reference", it.seq, it.budget)
		}
	}
	if len(nantunItems) != 32 {
		t.Errorf("%d items, want 32", len(nantunItems))
	}
}

func TestSearchNantun(t *testing.T) {
	ix := nantunIndex(t)
	tests := []struct {
		q    Query
		want []int
	}{
		{Query{Text: "驻村工作队"}, []int{1, 6, 10}},
		{Query{Text: "驻村"}, []int{1, 6, 10}},
		{Query{Text: "防火"}, []int{8, 15, 22}},
		{Query{MinBudget: wan(t, "100")}, []int{7, 27, 30}},
		{Query{Text: "耕地地力保护"}, []int{30}},
		// A sub-word of a word: 工作队 inside 驻村工作队, and alone.
		{Query{Text: "工作队"}, []int{1, 6, 10}},
		// AND of terms.
		{Query{Text: "驻村工作队 市级"}, []int{10}},
		{Query{Text: "防火 巡逻"}, []int{8}},
		// An exact substring jieba cuts otherwise: 地力保护 inside 耕地地力保护.
		{Query{Text: "地力保护"}, []int{30}},
		// Budget range, both bounds inclusive, exact at the float boundary.
		{Query{MinBudget: wan(t, "72.8883"), MaxBudget: wan(t, "103.064")}, []int{7, 31}},
		{Query{Text: "补偿", MaxBudget: wan(t, "50")}, []int{5}},
		// Full-width Latin in the query folds to the indexed ASCII.
		{Query{Text: "ＡＫＴＤ"}, []int{32}},
		{Query{Text: "aktd"}, []int{32}},
		// Filters.
		{Query{Text: "驻村工作队", Year: 2022}, nil},
		{Query{Text: "驻村工作队", Unit: "南屯镇"}, []int{1, 6, 10}},
		{Query{Text: "驻村工作队", Unit: "南屯"}, []int{1, 6, 10}}, // part of the name
		{Query{Text: "驻村工作队", Unit: "南屯", UnitExact: true}, nil},
		{Query{Text: "驻村工作队", Unit: "南屯镇", UnitExact: true}, []int{1, 6, 10}},
		{Query{Text: "驻村工作队", Unit: "北山"}, nil},
		// Punctuation only finds nothing rather than everything.
		{Query{Text: "，。"}, nil},
		// The report document holds the report's own text.
		{Query{Text: "验收完毕"}, []int{0}},
	}
	for _, tt := range tests {
		res := find(t, ix, tt.q)
		if got := seqs(res); !slices.Equal(got, tt.want) {
			t.Errorf("%+v: items %v, want %v", tt.q, got, tt.want)
		}
		if int(res.Total) != len(tt.want) {
			t.Errorf("%+v: total %d, want %d", tt.q, res.Total, len(tt.want))
		}
	}
}

func TestHighlightWholeWord(t *testing.T) {
	ix := nantunIndex(t)
	for _, text := range []string{"驻村工作队", "驻村"} {
		res := find(t, ix, Query{Text: text})
		for _, h := range res.Hits {
			joined := strings.Join(h.Fragments, " | ")
			if !strings.Contains(joined, "<mark>驻村工作队</mark>") {
				t.Errorf("%s: item %d fragments %q lack <mark>驻村工作队</mark>", text, *h.Seq, h.Fragments)
			}
			if strings.Contains(joined, "<mark>驻村</mark>") {
				t.Errorf("%s: item %d fragments %q mark half a word", text, *h.Seq, h.Fragments)
			}
		}
	}
	res := find(t, ix, Query{Text: "驻村工作队", Marks: Brackets})
	want := map[int][]string{
		1:  {"南屯镇 2023 年省级【驻村工作队】经费", "用于解决脱贫【驻村工作队】的经费需求，为百姓服务，解决当地百姓问题，继续为当地百姓群众服务。"},
		6:  {"用于解决脱贫【驻村工作队】的经费需求，为百姓服务，解决当地百姓问题，继续为当地百姓群众服务。"},
		10: {"南屯镇 2021 年市级【驻村工作队】经费", "用于解决脱贫【驻村工作队】的经费需求，为百姓服务，解决当地百姓问题，继续为当地百姓群众服务。"},
	}
	for _, h := range res.Hits {
		if !slices.Equal(h.Fragments, want[*h.Seq]) {
			t.Errorf("item %d fragments %q, want %q", *h.Seq, h.Fragments, want[*h.Seq])
		}
	}
	// Item 6 ranks below the two whose name holds the words.
	if got := *res.Hits[2].Seq; got != 6 {
		t.Errorf("third hit is item %d, want 6", got)
	}
	// An exact substring is marked whole, not bigram by bigram.
	res = find(t, ix, Query{Text: "地力保护", Marks: Brackets})
	if got, want := res.Hits[0].Fragments, []string{"南屯镇 2023 年耕地【地力保护】项目", "产出：及时发放耕地【地力保护】资金。"}; !slices.Equal(got, want) {
		t.Errorf("地力保护 fragments %q, want %q", got, want)
	}
}

func TestSearchJSON(t *testing.T) {
	ix := nantunIndex(t)
	res := find(t, ix, Query{Text: "耕地地力保护"})
	b := mustJSON(res.Hits)
	want := `[{"report":"a1b2c3d4e5f6","unit":"南屯镇","year":2023,"seq":30,"name":"南屯镇 2023 年耕地地力保护项目",` +
		`"budget_wan":"137.041641","actual_wan":null,"fragments":["南屯镇 2023 年<mark>耕地地力保护</mark>项目",` +
		`"产出：及时发放<mark>耕地地力保护</mark>资金。"]}]`
	if b != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
	// A whole-report hit has no seq.
	res = find(t, ix, Query{Text: "验收完毕"})
	b = mustJSON(res.Hits[0])
	if strings.Contains(string(b), `"seq"`) || !strings.Contains(string(b), `"name":"南屯镇 2023 年部门年度绩效 自评工作报告"`) {
		t.Errorf("report hit JSON %s", b)
	}
}

func TestPutReplacesAndDelete(t *testing.T) {
	ix := nantunIndex(t)
	r := nantunReport(t)
	r.Items = r.Items[:5] // a re-extraction with fewer items
	if err := ix.Put(nantunID, r, nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 6 {
		t.Errorf("after Put of 5 items: %d documents, want 6", n)
	}
	if got := seqs(find(t, ix, Query{Text: "驻村工作队"})); !slices.Equal(got, []int{1}) {
		t.Errorf("驻村工作队 after replace: %v, want [1]", got)
	}
	if err := ix.Delete(nantunID); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 0 {
		t.Errorf("after Delete: %d documents, want 0", n)
	}
}

// report makes a small report for facet and history tests.
func report(unit string, year int, items ...extract.Item) *extract.Report {
	return &extract.Report{Unit: unit, Year: year, Genre: extract.Narrative, Title: unit + "绩效自评报告", Items: items}
}

func item(seq int, name, budget string) extract.Item {
	b := decimal.RequireFromString(budget)
	return extract.Item{Seq: seq, Name: name, BudgetWan: &b}
}

func TestFacets(t *testing.T) {
	ix := openTest(t)
	put := func(id string, r *extract.Report, fs ...validate.Finding) {
		t.Helper()
		if err := ix.Put(id, r, fs); err != nil {
			t.Fatal(err)
		}
	}
	put("r1", report("南屯镇", 2023, item(1, "南屯镇防火经费", "9"), item(2, "南屯镇防汛经费", "1")),
		validate.Finding{Rule: "underspent", Items: []int{1}},
		validate.Finding{Rule: "not-disbursed", Items: []int{2}},
		validate.Finding{Rule: "total-mismatch"})
	put("r2", report("南屯镇", 2022, item(1, "南屯镇防火员工资", "20")),
		validate.Finding{Rule: "underspent", Items: []int{1}})
	put("r3", report("北山乡", 2023, item(1, "北山乡森林防火经费", "12"), item(2, "北山乡防火瞭望塔维修", "3")))

	res := find(t, ix, Query{Text: "防火"})
	if res.Total != 4 {
		t.Errorf("防火: total %d, want 4", res.Total)
	}
	want := Facets{
		Year:    []FacetCount{{"2023", 3}, {"2022", 1}},
		Unit:    []FacetCount{{"北山乡", 2}, {"南屯镇", 2}},
		Rule:    []FacetCount{{"underspent", 2}},
		DocType: []FacetCount{},
	}
	if got := mustJSON(res.Facets); got != mustJSON(want) {
		t.Errorf("facets %s, want %s", got, mustJSON(want))
	}
	// Facets count every match, not only the page.
	res = find(t, ix, Query{Text: "防火", Size: 1})
	if len(res.Hits) != 1 || res.Facets.Year[0] != (FacetCount{"2023", 3}) {
		t.Errorf("page of 1: %d hits, year facet %v", len(res.Hits), res.Facets.Year)
	}
	// Filters.
	if got := find(t, ix, Query{Rule: "underspent"}).Total; got != 2 {
		t.Errorf("rule underspent: %d, want 2", got)
	}
	if got := find(t, ix, Query{Rule: "total-mismatch"}); got.Total != 1 || got.Hits[0].Seq != nil || got.Hits[0].Report != "r1" {
		t.Errorf("rule total-mismatch: %+v, want report r1", got.Hits)
	}
	if got := find(t, ix, Query{Year: 2023, Unit: "北山乡"}).Total; got != 3 {
		t.Errorf("北山乡 2023: %d, want 3 (2 items, 1 report)", got)
	}
	// Paging goes through all hits once, newest year first for equal scores.
	var all []string
	for from := 0; from < 12; from += 4 {
		for _, h := range find(t, ix, Query{Year: 2023, Size: 4, From: from}).Hits {
			all = append(all, h.Report+":"+h.Name)
		}
	}
	if len(all) != 6 || len(slices.Compact(slices.Sorted(slices.Values(all)))) != 6 {
		t.Errorf("paging 2023: %q", all)
	}
	if _, err := ix.Search(context.Background(), Query{MinBudget: wan(t, "10"), MaxBudget: wan(t, "5")}); err == nil {
		t.Error("min-budget above max-budget: no error")
	}
}

// mustJSON encodes v as the commands do: without escaping <mark>.
func mustJSON(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// TestDocTypeFacet counts and filters documents by what kind of document
// their report was read from.
func TestDocTypeFacet(t *testing.T) {
	ix := openTest(t)
	self := report("南屯镇", 2023, item(1, "南屯镇防火经费", "9"))
	self.DocType = extract.SelfEvaluationReport
	accounts := report("北山乡", 2023, item(1, "北山乡防火经费", "12"))
	accounts.DocType = extract.FinalAccounts
	for id, r := range map[string]*extract.Report{"r1": self, "r2": accounts} {
		if err := ix.Put(id, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	res := find(t, ix, Query{Text: "防火"})
	want := []FacetCount{{"final-accounts", 1}, {"self-evaluation-report", 1}}
	if got := mustJSON(res.Facets.DocType); got != mustJSON(want) {
		t.Errorf("doc_type facet %s, want %s", got, mustJSON(want))
	}
	res = find(t, ix, Query{Text: "防火", DocType: string(extract.FinalAccounts)})
	if res.Total != 1 || res.Hits[0].Report != "r2" {
		t.Errorf("doc_type filter: %d hits, first %+v", res.Total, res.Hits)
	}
}
