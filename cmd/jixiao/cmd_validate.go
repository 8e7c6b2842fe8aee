package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

var validateOpts readOptions

var cmdValidate = &cobra.Command{
	Use:   "validate FILE|DIR...",
	Short: "核对报告的数字是否相符 (check that the figures add up)",
	Long: `validate 提取每个文件并逐条核对：合计、项目数、拨付、评价维度、前后对应等。

退出码：0 没有错误级问题；1 有错误级问题；2 有文件无法读取或用法错误。`,
	Args: minimumArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		return runValidate(cmd.Context(), validateOpts, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
	},
}

func init() {
	validateOpts.register(cmdValidate)
	cmdRoot.AddCommand(cmdValidate)
}

// validateOutput is the JSON of one file: its source and findings.
type validateOutput struct {
	Source   extract.Source     `json:"source"`
	Part     int                `json:"part,omitempty"`  // which report of the file, when it holds several
	Pages    []int              `json:"pages,omitempty"` // its first and last page
	Findings []validate.Finding `json:"findings"`
}

func runValidate(ctx context.Context, opts readOptions, files []string, stdout, stderr io.Writer) error {
	preloadSegmenter()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed, withErrors := 0, 0
	n, results := readFiles(ctx, files, opts.ingest())
	for i, res := range results {
		if res.Err != nil {
			failed++
			fmt.Fprintln(stderr, "jixiao:", terminalSafe(res.Err.Error()))
			continue
		}
		path := displayPath(res.Path)
		fileErrors := false
		for k, p := range res.Parts {
			rep, fs := p.Report, p.Findings
			fileErrors = fileErrors || validate.HasErrors(fs)
			if opts.JSON {
				if fs == nil {
					fs = []validate.Finding{}
				}
				if err := enc.Encode(validateOutput{Source: rep.Source, Part: rep.Part, Pages: rep.Pages, Findings: fs}); err != nil {
					return err
				}
				continue
			}
			if i > 0 || k > 0 {
				fmt.Fprintln(stdout)
			}
			printPartHeading(stdout, rep)
			fmt.Fprintf(stdout, "%s（%s %s，%d 项）\n", path, orDash(rep.Unit), yearText(rep.Year), len(rep.Items))
			printFindings(stdout, fs)
		}
		if fileErrors {
			withErrors++
		}
	}
	if err := badInput(failed, n); err != nil {
		return err
	}
	if withErrors > 0 {
		return &exitError{code: 1}
	}
	return nil
}
