package main

import (
	"context"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
)

// listOptions are the flags of list.
type listOptions struct {
	Year int
	Unit string
	JSON bool
}

// newListCommand builds `jixiao list`.
func newListCommand(gopts *globalOptions) *cobra.Command {
	var opts listOptions
	cmd := &cobra.Command{
		Use:   "list",
		Short: "列出语料库中的报告 (list the reports in the corpus)",
		Long: `list 每份报告一行：编号、单位、年度、体裁、项目数、所述总额、项目预算合计、错误和警告数。
--unit 按单位名称的一部分筛选。`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runList(cmd.Context(), opts, *gopts, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Year, "year", 0, "年度 (year)")
	f.StringVar(&opts.Unit, "unit", "", "单位名称包含此文字；=名称 为完全一致 (unit name contains; =NAME for exactly)")
	f.BoolVar(&opts.JSON, "json", false, "以 JSON 输出 (JSON for programs)")
	registerCorpusCompletion(cmd, gopts)
	return cmd
}

func runList(ctx context.Context, opts listOptions, gopts globalOptions, stdout io.Writer) error {
	s, err := gopts.openCorpusReader()
	if err != nil {
		return err
	}
	defer s.Close()
	f := corpus.Filter{Year: opts.Year}
	f.Unit, f.UnitExact = corpus.ParseUnit(opts.Unit)
	reports, err := s.List(ctx, f)
	if err != nil {
		return err
	}
	if opts.JSON {
		return writeJSON(stdout, reports)
	}
	rows := make([][]string, len(reports))
	for i, r := range reports {
		stated := amountText(r.StatedTotal)
		rows[i] = []string{r.ID, orDash(r.Unit), yearText(r.Year), genreNames(r.Genre), strconv.Itoa(r.Items),
			stated, r.ItemsBudget.String(), strconv.Itoa(r.Errors), strconv.Itoa(r.Warnings)}
	}
	printTable(stdout, []string{"编号", "单位", "年度", "体裁", "项目数", "所述总额(万元)", "项目合计(万元)", "错误", "警告"}, rows)
	if !gopts.Quiet {
		io.WriteString(stdout, "共 "+strconv.Itoa(len(reports))+" 份报告\n")
	}
	return nil
}
