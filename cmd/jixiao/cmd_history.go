package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

// historyOptions are the flags of `jixiao history`.
type historyOptions struct {
	Unit string
	JSON bool
}

var historyOpts historyOptions

var cmdHistory = &cobra.Command{
	Use:   "history NAME",
	Short: "同一项目的历年情况 (the same project across years)",
	Long: `按项目名称找出同一单位历年的同一项目：名称按词比较，年份、单位名称、
“项目”“经费”“资金”等通用字样不计；每年一行。

  jixiao history 省级驻村工作队经费 --unit 南屯镇`,
	Args: exactArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		return runHistory(cmd.Context(), historyOpts, args, cmd.OutOrStdout())
	},
}

func init() {
	f := cmdHistory.Flags()
	f.StringVar(&historyOpts.Unit, "unit", "", "单位名称包含此文字；=名称 为完全一致 (unit name contains; =NAME for exactly)")
	f.BoolVar(&historyOpts.JSON, "json", false, "输出 JSON (for programs)")
	cmdRoot.AddCommand(cmdHistory)
}

// historyJSON is the --json output of `jixiao history`.
type historyJSON struct {
	Name    string               `json:"name"`
	Unit    string               `json:"unit,omitempty"`
	History []index.HistoryEntry `json:"history"`
}

func runHistory(ctx context.Context, opts historyOptions, args []string, out io.Writer) error {
	ix, err := openCorpusIndex()
	if err != nil {
		return err
	}
	defer ix.Close()
	unit, _ := corpus.ParseUnit(opts.Unit) // the project is the same one in any unit holding the name
	es, err := ix.History(ctx, args[0], unit)
	if err != nil {
		return &exitError{2, err}
	}
	if opts.JSON {
		if es == nil {
			es = []index.HistoryEntry{}
		}
		return encodeIndexJSON(out, historyJSON{Name: args[0], Unit: opts.Unit, History: es})
	}
	if len(es) == 0 {
		fmt.Fprintln(out, "没有找到 (no such project)")
		hintEmptyIndex(out, ix)
		return nil
	}
	rows := make([][]string, 0, len(es))
	for _, e := range es {
		seq := "（报告）"
		if e.Seq != nil {
			seq = strconv.Itoa(*e.Seq)
		}
		rows = append(rows, []string{e.Unit, yearCell(e.Year), e.Report, seq, e.Name,
			wanCell(e.BudgetWan), wanCell(e.ActualWan)})
	}
	printTable(out, []string{"单位", "年度", "报告", "序号", "项目（原文）", "预算(万元)", "实际(万元)"}, rows)
	return nil
}
