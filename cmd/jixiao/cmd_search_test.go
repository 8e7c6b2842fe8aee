package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/validate"
)

// testCorpus makes a corpus directory whose index holds three items of the
// reference report and one of an earlier year, and returns the global options that point --corpus at it.
func testCorpus(t *testing.T) globalOptions {
	t.Helper()
	dir := t.TempDir()
	ix, err := index.Open(filepath.Join(dir, corpus.IndexDir), index.DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	item := func(seq int, name, budget, purpose string) extract.Item {
		b := decimal.RequireFromString(budget)
		return extract.Item{Seq: seq, Name: name, BudgetWan: &b, Purpose: purpose}
	}
	r2023 := &extract.Report{Unit: "南屯镇", Year: 2023, Genre: extract.Narrative, Items: []extract.Item{
		item(1, "南屯镇 2023 年省级驻村工作队经费", "24", "用于解决脱贫驻村工作队的经费需求，为百姓服务，解决当地百姓问题，继续为当地百姓群众服务。"),
		item(6, "南屯镇 2023 年县级工作队经费", "40", "用于解决脱贫驻村工作队的经费需求，为百姓服务，解决当地百姓问题，继续为当地百姓群众服务。"),
		item(30, "南屯镇 2023 年耕地地力保护项目", "137.041641", "用于支付我镇粮食补贴资金，消除上访隐患。"),
	}}
	r2022 := &extract.Report{Unit: "南屯镇", Year: 2022, Genre: extract.Narrative, Items: []extract.Item{
		item(3, "南屯镇2022年度省级驻村工作队经费项目", "20", "用于驻村工作队。"),
	}}
	if err := ix.Put("r2023", r2023, []validate.Finding{{Rule: "underspent", Items: []int{30}}}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Put("r2022", r2022, nil); err != nil {
		t.Fatal(err)
	}
	return globalOptions{Corpus: dir}
}

func TestRunSearch(t *testing.T) {
	g := testCorpus(t)
	var out bytes.Buffer
	if err := runSearch(context.Background(), searchOptions{JSON: true, Limit: 20}, g, []string{"耕地地力保护"}, &out); err != nil {
		t.Fatal(err)
	}
	want := `{"total":1,"hits":[{"report":"r2023","unit":"南屯镇","year":2023,"seq":30,"name":"南屯镇 2023 年耕地地力保护项目",` +
		`"budget_wan":"137.041641","actual_wan":null,"fragments":["南屯镇 2023 年<mark>耕地地力保护</mark>项目"]}],` +
		`"facets":{"year":[{"value":"2023","count":1}],"unit":[{"value":"南屯镇","count":1}],"rule":[{"value":"underspent","count":1}],"doc_type":[]}}` + "\n"
	if out.String() != want {
		t.Errorf("search --json\n got %s\nwant %s", out.String(), want)
	}

	out.Reset()
	if err := runSearch(context.Background(), searchOptions{Limit: 20, Year: 2023}, g, []string{"驻村"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"南屯镇 2023 年省级驻村工作队经费", "【驻村工作队】", "共 2 条", "年度：2023(2)"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("search table lacks %q:\n%s", s, out.String())
		}
	}

	out.Reset()
	if err := runSearch(context.Background(), searchOptions{Limit: 20, MinBudget: "1,000,000元"}, g, nil, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "137.041641") || !strings.Contains(out.String(), "共 1 条") {
		t.Errorf("--min-budget 1,000,000元:\n%s", out.String())
	}
	if err := runSearch(context.Background(), searchOptions{Limit: 20, MinBudget: "约3万元"}, g, nil, &out); err == nil {
		t.Error("--min-budget 约3万元: no error")
	}
}

func TestRunHistory(t *testing.T) {
	g := testCorpus(t)
	var out bytes.Buffer
	if err := runHistory(context.Background(), historyOptions{Unit: "南屯镇", JSON: true}, g, []string{"省级驻村工作队经费"}, &out); err != nil {
		t.Fatal(err)
	}
	want := `{"name":"省级驻村工作队经费","unit":"南屯镇","history":[` +
		`{"report":"r2022","unit":"南屯镇","year":2022,"seq":3,"name":"南屯镇2022年度省级驻村工作队经费项目","budget_wan":"20","actual_wan":null,"similarity":1},` +
		`{"report":"r2023","unit":"南屯镇","year":2023,"seq":1,"name":"南屯镇 2023 年省级驻村工作队经费","budget_wan":"24","actual_wan":null,"similarity":1}]}` + "\n"
	if out.String() != want {
		t.Errorf("history --json\n got %s\nwant %s", out.String(), want)
	}
}

func TestSearchEmptyIndex(t *testing.T) {
	g := globalOptions{Corpus: t.TempDir()}
	var out bytes.Buffer
	// no match exits 1, as grep and rg do, and says so
	if err := runSearch(context.Background(), searchOptions{Limit: 20}, g, []string{"驻村"}, &out); exitCode(err) != 1 {
		t.Fatalf("exit %d (%v), want 1", exitCode(err), err)
	}
	if !strings.Contains(out.String(), "没有找到") || !strings.Contains(out.String(), "jixiao index rebuild") {
		t.Errorf("search of an empty index:\n%s", out.String())
	}
}

func TestSearchNoCorpus(t *testing.T) {
	g := globalOptions{Corpus: t.TempDir() + "/missing"}
	err := runSearch(context.Background(), searchOptions{Limit: 20}, g, []string{"驻村"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("search without a corpus: %v", err)
	}
}

// history shows the rules across reports: a budget that moved by more than
// 30 % from one year to the next.
func TestHistoryAcrossYears(t *testing.T) {
	dir := t.TempDir()
	ix, err := index.Open(filepath.Join(dir, corpus.IndexDir), index.DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range []struct {
		id     string
		year   int
		budget string
	}{{"a2021", 2021, "20"}, {"a2022", 2022, "30"}, {"a2023", 2023, "33"}} {
		b := decimal.RequireFromString(y.budget)
		r := &extract.Report{Unit: "北河镇", Year: y.year, Genre: extract.Narrative, Items: []extract.Item{
			{Seq: 1, Name: fmt.Sprintf("北河镇%d年农村道路养护经费", y.year), BudgetWan: &b}}}
		if err := ix.Put(y.id, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	ix.Close()
	g := globalOptions{Corpus: dir}
	var out bytes.Buffer
	if err := runHistory(context.Background(), historyOptions{}, g, []string{"农村道路养护经费"}, &out); err != nil {
		t.Fatal(err)
	}
	// 20 → 30 is +50 %: a finding on 2022; 30 → 33 is +10 %: none
	want := "2021 年预算 20 万元，2022 年 30 万元，变动 50%（超过 30%），差额（重算 − 所写）+10 万元 (target-changed)"
	if !strings.Contains(out.String(), want) || strings.Count(out.String(), "(target-changed)") != 1 {
		t.Errorf("history:\n%s\nwant one finding %q", out.String(), want)
	}
}
