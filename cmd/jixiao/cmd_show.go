package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/validate"
)

// newShowCommand builds `jixiao show`.
func newShowCommand(gopts *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show REPORT",
		Short: "显示一份报告：项目表和问题及审核结论 (one report: records and findings with reviews)",
		Long: `show 显示一份已入库的报告。REPORT 可以是编号、编号的前缀（至少 4 位）或导入时的文件路径；
一个文件含多份报告（附件汇编、工作簿的多张自评表）时，以路径或前缀指定则依次显示全部，
以某份报告的编号（如 9175ead8c52e-2）指定则只显示该份。`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runShow(cmd.Context(), *gopts, asJSON, args[0], cmd.OutOrStdout())
		},
		ValidArgsFunction: completeReportArg(gopts, 0),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "以 JSON 输出 (JSON for programs)")
	return cmd
}

// resolveReport finds the report a person named; not found is bad input.
func resolveReport(ctx context.Context, s *corpus.Store, ref string) (string, error) {
	id, err := s.Resolve(ctx, ref)
	if errors.Is(err, corpus.ErrNotFound) || errors.Is(err, corpus.ErrAmbiguous) {
		return "", &exitError{code: 2, err: err}
	}
	return id, err
}

func runShow(ctx context.Context, gopts globalOptions, asJSON bool, ref string, stdout io.Writer) error {
	s, err := gopts.openCorpusReader()
	if err != nil {
		return err
	}
	defer s.Close()
	id, err := resolveReport(ctx, s, ref)
	if err != nil {
		return err
	}
	// a file (its path, or a prefix of its id) that holds several reports
	// shows them all, in order; a report's own id shows that report
	ids := []string{id}
	if strings.TrimSpace(ref) != id {
		if ids, err = s.FileReports(ctx, id); err != nil {
			return err
		}
	}
	for k, id := range ids {
		if k > 0 && !asJSON {
			fmt.Fprintln(stdout)
		}
		if err := showOne(ctx, s, id, asJSON, stdout); err != nil {
			return err
		}
	}
	return nil
}

// showOne prints one stored report.
func showOne(ctx context.Context, s *corpus.Store, id string, asJSON bool, stdout io.Writer) error {
	r, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	view := corpus.View(r)
	orphans := view.Orphans
	if asJSON {
		return writeJSON(stdout, view)
	}

	printPartHeading(stdout, r.Report)
	fmt.Fprintf(stdout, "编号：%s　提取器版本：%s　入库：%s\n", r.ID, r.Extractor, r.Created.Local().Format("2006-01-02 15:04"))
	printReport(stdout, r.Report)
	fmt.Fprintln(stdout)
	if len(r.Findings) == 0 && !validate.FiguresRead(r.Report) {
		fmt.Fprintln(stdout, "未能读出项目或金额。")
	} else if len(r.Findings) == 0 {
		fmt.Fprintln(stdout, "没有发现问题。")
	} else {
		counts := map[validate.Severity]int{}
		rows := make([][]string, len(r.Findings))
		for i, f := range r.Findings {
			counts[f.Severity]++
			d, ok := r.Decision(i)
			rows[i] = []string{f.Severity.Label(), r.Keys[i], whereText(f.Page, f.Cell), reviewText(d, ok), f.Message}
		}
		fmt.Fprintf(stdout, "发现 %d 个错误、%d 个警告、%d 个提示：\n", counts[validate.Error], counts[validate.Warning], counts[validate.Info])
		printTableWide(stdout, []string{"级别", "问题键", "页", "审核", "说明"}, rows)
	}
	if len(orphans) > 0 {
		keys := make([]string, 0, len(orphans))
		for k := range orphans {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintln(stdout, "\n重新提取后不再出现的问题上的审核结论：")
		var rows [][]string
		for _, k := range keys {
			rows = append(rows, []string{k, reviewText(orphans[k], true)})
		}
		printTableWide(stdout, []string{"问题键", "审核"}, rows)
	}
	return nil
}
