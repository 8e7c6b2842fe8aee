package extract

import (
	"os"
	"testing"

	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/internal/fuzzbudget"
)

// maxFuzzText bounds what FuzzExtract extracts: the largest seed is 4 KB, and
// larger texts only repeat what smaller ones reach, at a slower rate.
const maxFuzzText = 8 << 10

// FuzzExtract feeds arbitrary text through normalisation and extraction:
// no panic, and every span stays inside the text.
func FuzzExtract(f *testing.F) {
	fuzzbudget.Set()
	data, err := os.ReadFile("../testdata/nantun-2023.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data[:4000]))
	f.Add("项目共计 2 个，预算总金额为 3 万元\n1. 甲：预算金额 1 万元，未拨付。\n2. 乙：共计 2 各项目，预算资金 1,0,0 元\n（一）甲项目：\n1、项目立项：好\n")
	f.Add("（一）甲：预算金额 约 3 万元，实际拨付 1万-5万元\n一、乙：下达资金 壹拾万元整")
	// prose of other hands: 其中 lists across the full stop, 一是 lists, batches, rates, a cut-off list
	f.Add("一、资金情况\n下达资金2263万元。其中：甲工程1435万元，乙工程25万元。一是规划编制,需资金277万元二是道路建设600万元\n")
	f.Add("项目名称:某工程评价年度:2022\n一批项目批复总投资3.3万元(其中建筑工程3万元)，合计批复总投资3.3万元。已完成拨付3万元，执行率90%。抽查项目2个:甲1万元;乙")
	// published shapes: a list opened by 分别是, a breakdown in brackets cut off, a bracketed subtitle,
	// names after their count, a breadcrumb, a Chinese-numeral date, a list cut after its first entry
	f.Add("项目绩效自评报告精品15篇\n支出87.5万元，分别是甲经费5万元，乙费18万元，科")
	f.Add("其中:甲支出66.2万元(其中:子1万元;子2、子3 2万元)、乙44.3万元(其中:丙18万元;丁")
	f.Add("当前位置:首页 > 乡镇 > 白沙镇 > 财政\n2023年度项目支出绩效自评报告\n(教育专项工作经费)\n资金总额16.20万元，拨付使用16.20万元。自评得分100分，自评结果为“优秀”。\n桃花镇人民政府\n二〇二三年三月十日")
	f.Add("对其中6所学校建设项目进行评价，分别是甲、乙、丙、丁、戊及己。政策任务 4 个，具体如下：\n一是甲项目，安排资金 420000.00 万元，主要用于重")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > maxFuzzText {
			return // the fuzzer grows inputs to a megabyte: slower runs, nothing new
		}
		doc := ingest.Assemble("fuzz.txt", "", ingest.FormatText, []ingest.Page{{N: 1, Text: text}}, nil)
		r, err := Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		in := func(s Span) bool { return s[0] >= 0 && s[0] <= s[1] && s[1] <= len(doc.Text) }
		for _, it := range r.Items {
			if !in(it.Span) || it.BudgetWan != nil && it.Budget == nil {
				t.Fatalf("item %+v", it)
			}
		}
		for _, ev := range r.Evaluations {
			if !in(ev.Span) {
				t.Fatalf("evaluation span %v", ev.Span)
			}
		}
		for _, s := range r.Sums {
			if !in(s.Span) {
				t.Fatalf("sum span %v", s.Span)
			}
		}
		for _, s := range r.Rates {
			if !in(s.Span) {
				t.Fatalf("rate span %v", s.Span)
			}
		}
		for _, c := range r.Claims {
			if !in(c.Span) {
				t.Fatalf("claim span %v", c.Span)
			}
		}
	})
}
