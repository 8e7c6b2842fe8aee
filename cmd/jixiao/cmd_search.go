package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/money"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/web/local"
)

// searchOptions are the flags of `jixiao search`.
type searchOptions struct {
	Year      int
	Unit      string
	MinBudget string
	MaxBudget string
	Rule      string
	DocType   string
	JSON      bool
	Limit     int
	From      int
}

// newSearchCommand builds `jixiao search`.
func newSearchCommand(gopts *globalOptions) *cobra.Command {
	var opts searchOptions
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "检索项目和报告 (search items and reports)",
		Long: `检索语料库中的项目和报告。空格分开的每个词都须出现（AND）；按词检索
（驻村 可找到 驻村工作队），较长的词也按原文子串匹配。

  jixiao search 驻村工作队
  jixiao search 防火 --year 2023 --unit 南屯镇
  jixiao search "" --min-budget 100 --json`,
		Args: maximumArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSearch(cmd.Context(), opts, *gopts, args, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Year, "year", 0, "只看该年度 (year)")
	f.StringVar(&opts.Unit, "unit", "", "单位名称包含此文字；=名称 为完全一致 (unit name contains; =NAME for exactly)")
	f.StringVar(&opts.MinBudget, "min-budget", "", "预算不少于，万元；可写 100、100万元、1,000,000元 (minimum budget)")
	f.StringVar(&opts.MaxBudget, "max-budget", "", "预算不多于，万元 (maximum budget)")
	f.StringVar(&opts.Rule, "rule", "", "只看有该规则发现的项目，如 underspent (findings of rule)")
	f.StringVar(&opts.DocType, "doc-type", "", "只看该类型的文件，如 部门决算 或 final-accounts (document type)")
	f.BoolVar(&opts.JSON, "json", false, "输出 JSON (for programs)")
	f.IntVar(&opts.Limit, "limit", 20, "最多显示条数 (hits per page)")
	f.IntVar(&opts.From, "from", 0, "跳过前若干条 (skip hits)")
	registerCompletion(cmd, "rule", completeRules)
	registerCorpusCompletion(cmd, gopts)
	return cmd
}

func runSearch(ctx context.Context, opts searchOptions, gopts globalOptions, args []string, out io.Writer) error {
	q := index.Query{Year: opts.Year, Rule: opts.Rule, Size: opts.Limit, From: opts.From}
	q.Unit, q.UnitExact = corpus.ParseUnit(opts.Unit)
	if opts.DocType != "" {
		t, ok := extract.DocTypeByLabel(opts.DocType)
		if !ok {
			return usageError("未知的文件类型 %q (unknown --doc-type)", opts.DocType)
		}
		q.DocType = string(t)
	}
	if len(args) > 0 {
		q.Text = args[0]
	}
	var err error
	if q.MinBudget, err = budgetFlag("--min-budget", opts.MinBudget); err != nil {
		return err
	}
	if q.MaxBudget, err = budgetFlag("--max-budget", opts.MaxBudget); err != nil {
		return err
	}
	if opts.Limit <= 0 {
		return &exitError{2, fmt.Errorf("--limit 须为正数 (must be positive): %d", opts.Limit)}
	}
	if !opts.JSON {
		q.Marks = index.Brackets
		q.FragmentRunes = 20 // fits a table cell
	}
	ix, closeIndex, err := gopts.openCorpusSearch()
	if err != nil {
		return err
	}
	defer closeIndex()
	res, err := ix.Search(ctx, q)
	if local.IsBadRequest(err) {
		return usageError("%v", err)
	}
	if err != nil {
		return err
	}
	if opts.JSON {
		if err := encodeIndexJSON(out, res); err != nil {
			return err
		}
	} else {
		printSearch(out, res, q, gopts.Quiet)
		if res.Total == 0 {
			if ix, ok := ix.(*index.Index); ok {
				hintEmptyIndex(out, ix)
			}
		}
	}
	if res.Total == 0 {
		return errNoMatch
	}
	return nil
}

// errNoMatch exits 1 without a message, as grep and rg do when nothing
// matched: scripts can test for a hit.
var errNoMatch = &exitError{code: 1}

// hintEmptyIndex says how to fill an index that holds nothing at all.
func hintEmptyIndex(out io.Writer, ix *index.Index) {
	if n, err := ix.Count(); err == nil && n == 0 {
		fmt.Fprintln(out, "检索索引是空的：先运行 jixiao ingest，或由语料库重建：jixiao index rebuild (index is empty)")
	}
}

// budgetFlag reads an amount flag in 万元 (a bare number) or with its unit.
func budgetFlag(name, s string) (*decimal.Decimal, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	a, err := money.Parse(s)
	if err != nil {
		return nil, &exitError{2, fmt.Errorf("%s %q: %w", name, s, err)}
	}
	if !a.Exact() {
		return nil, &exitError{2, fmt.Errorf("%s %q: 须为确切金额 (must be an exact amount)", name, s)}
	}
	return &a.Wan, nil
}

// printSearch writes the hits as a table, then (unless quiet) their count
// and the facets.
func printSearch(out io.Writer, res *index.Result, q index.Query, quiet bool) {
	if res.Total == 0 {
		if quiet {
			return
		}
		fmt.Fprintln(out, "没有找到 (no hits)")
		return
	}
	rows := make([][]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		seq := "（报告）"
		if h.Seq != nil {
			seq = strconv.Itoa(*h.Seq)
		}
		rows = append(rows, []string{h.Unit, yearCell(h.Year), seq, h.Name,
			wanCell(h.BudgetWan), wanCell(h.ActualWan), fragmentOf(h)})
	}
	printTable(out, []string{"单位", "年度", "序号", "项目", "预算(万元)", "实际(万元)", "摘录"}, rows)
	if quiet {
		return
	}
	last := q.From + len(res.Hits)
	fmt.Fprintf(out, "\n共 %d 条，显示第 %d–%d 条 (hits)\n", res.Total, q.From+1, last)
	if f := res.Facets; f != nil {
		printFacet(out, "年度", f.Year)
		printFacet(out, "单位", f.Unit)
		printFacet(out, "规则", f.Rule)
		types := make([]index.FacetCount, len(f.DocType))
		for i, c := range f.DocType {
			types[i] = index.FacetCount{Value: extract.DocType(c.Value).Label(), Count: c.Count}
		}
		printFacet(out, "类型", types)
	}
}

// fragmentOf picks what to show of a hit: the first excerpt beyond the name
// (the name has its own column), else the name's.
func fragmentOf(h index.Hit) string {
	unmark := strings.NewReplacer("【", "", "】", "")
	for _, f := range h.Fragments {
		if unmark.Replace(f) != h.Name {
			return f
		}
	}
	if len(h.Fragments) > 0 {
		return h.Fragments[0]
	}
	return ""
}

func printFacet(out io.Writer, label string, counts []index.FacetCount) {
	if len(counts) == 0 {
		return
	}
	parts := make([]string, len(counts))
	for i, c := range counts {
		parts[i] = fmt.Sprintf("%s(%d)", c.Value, c.Count)
	}
	fmt.Fprintf(out, "%s：%s\n", label, strings.Join(parts, " "))
}

func wanCell(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	return d.String()
}

func yearCell(y int) string {
	if y == 0 {
		return "—"
	}
	return strconv.Itoa(y)
}

// encodeIndexJSON writes v as one line of JSON, <mark> left as is.
func encodeIndexJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
