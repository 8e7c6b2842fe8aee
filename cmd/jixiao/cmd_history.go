package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/validate"
)

// historyOptions are the flags of `jixiao history`.
type historyOptions struct {
	Unit string
	JSON bool
}

// newHistoryCommand builds `jixiao history`.
func newHistoryCommand(gopts *globalOptions) *cobra.Command {
	var opts historyOptions
	cmd := &cobra.Command{
		Use:   "history NAME",
		Short: "同一项目的历年情况 (the same project across years)",
		Long: `按项目名称找出同一单位历年的同一项目：名称按词比较，年份、单位名称、
“项目”“经费”“资金”等通用字样不计；每年一行。

其后列出跨报告规则（target-changed，需语料库）的结果：同一单位相邻两年的年度
指标值改变，或预算变动超过 30%。

  jixiao history 省级驻村工作队经费 --unit 南屯镇`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runHistory(cmd.Context(), opts, *gopts, args, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Unit, "unit", "", "单位名称包含此文字；=名称 为完全一致 (unit name contains; =NAME for exactly)")
	f.BoolVar(&opts.JSON, "json", false, "输出 JSON (for programs)")
	registerCorpusCompletion(cmd, gopts)
	return cmd
}

// historyJSON is the --json output of `jixiao history`.
type historyJSON struct {
	Name    string               `json:"name"`
	Unit    string               `json:"unit,omitempty"`
	History []index.HistoryEntry `json:"history"`
	// Findings are those of the rules across reports (target-changed), year
	// against the year before.
	Findings []validate.YearFinding `json:"findings,omitempty"`
}

func runHistory(ctx context.Context, opts historyOptions, gopts globalOptions, args []string, out io.Writer) error {
	ix, err := gopts.openCorpusIndex()
	if err != nil {
		return err
	}
	defer ix.Close()
	unit, _ := corpus.ParseUnit(opts.Unit) // the project is the same one in any unit holding the name
	es, err := ix.History(ctx, args[0], unit)
	if err != nil {
		return &exitError{2, err}
	}
	fs, err := acrossYears(ctx, gopts, es)
	if err != nil {
		return err
	}
	if opts.JSON {
		if es == nil {
			es = []index.HistoryEntry{}
		}
		return encodeIndexJSON(out, historyJSON{Name: args[0], Unit: opts.Unit, History: es, Findings: fs})
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
	if len(fs) > 0 {
		fmt.Fprintln(out)
		fmt.Fprintln(out, "跨年度核对（需语料库的规则，相邻两年比较）：")
		for _, f := range fs {
			fmt.Fprintf(out, "%s  %s  %s（报告 %s，对比 %s）：%s\n", f.Severity.Label(), f.Rule, yearCell(f.Year), f.Report, f.Previous, f.Message)
		}
	}
	return nil
}

// acrossYears runs the rules across reports over a project's years: each
// year's budget, and the indicators of the report when the year is a table
// report of its own.
func acrossYears(ctx context.Context, gopts globalOptions, es []index.HistoryEntry) ([]validate.YearFinding, error) {
	if len(es) < 2 {
		return nil, nil
	}
	var s *corpus.Store // opened only when a year is a table report of its own
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	ys := make([]validate.YearOfProject, 0, len(es))
	for _, e := range es {
		y := validate.YearOfProject{Report: e.Report, Unit: e.Unit, Year: e.Year, Name: e.Name, BudgetWan: e.BudgetWan}
		if e.Seq == nil {
			if s == nil {
				var err error
				if s, err = gopts.openCorpusReader(); err != nil {
					return nil, err
				}
			}
			sr, err := s.Get(ctx, e.Report)
			if err != nil {
				return nil, err
			}
			y.Indicators = sr.Report.Indicators
		}
		ys = append(ys, y)
	}
	return validate.AcrossYears(ys), nil
}
