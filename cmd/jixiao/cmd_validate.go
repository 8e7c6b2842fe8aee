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

// newValidateCommand builds `jixiao validate`.
func newValidateCommand(gopts *globalOptions) *cobra.Command {
	var opts readOptions
	var rules bool
	cmd := &cobra.Command{
		Use:   "validate FILE|DIR... | validate --rules",
		Short: "核对报告的数字是否相符 (check that the figures add up)",
		Long: `validate 提取每个文件并逐条核对：合计、项目数、拨付、评价维度、前后对应等。

--rules 列出全部规则：编号、通常级别、说明，以及是否需要语料库（跨报告的规则，
如 target-changed，在 jixiao history 中给出，不在单份报告上运行）。

退出码：0 没有错误级问题；1 有错误级问题；2 有文件无法读取或用法错误。`,
		Args: func(cmd *cobra.Command, args []string) error {
			if rules {
				return noArgs(cmd, args)
			}
			return minimumArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if rules {
				return printRules(cmd.OutOrStdout(), opts.JSON)
			}
			return runValidate(cmd.Context(), opts, *gopts, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.register(cmd)
	cmd.Flags().BoolVar(&rules, "rules", false, "列出全部规则 (list every rule: id, severity, what it checks, whether it needs the corpus)")
	return cmd
}

// validateOutput is the JSON of one file: its source and findings.
type validateOutput struct {
	Source       extract.Source     `json:"source"`
	Part         int                `json:"part,omitempty"`  // which report of the file, when it holds several
	Pages        []int              `json:"pages,omitempty"` // its first and last page
	DocType      extract.DocType    `json:"doc_type"`
	DocTypeLabel string             `json:"doc_type_label"`
	Findings     []validate.Finding `json:"findings"`
}

func runValidate(ctx context.Context, opts readOptions, gopts globalOptions, files []string, stdout, stderr io.Writer) error {
	preloadSegmenter()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed, withErrors := 0, 0
	n, results := readFiles(ctx, files, opts.ingest())
	for i, res := range results {
		if res.Err != nil {
			failed++
			if err := reportFailure(enc, opts.JSON, res, stderr); err != nil {
				return err
			}
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
				if err := enc.Encode(validateOutput{Source: rep.Source, Part: rep.Part, Pages: rep.Pages,
					DocType: rep.DocType, DocTypeLabel: rep.DocTypeLabel, Findings: fs}); err != nil {
					return err
				}
				continue
			}
			if i > 0 || k > 0 {
				fmt.Fprintln(stdout)
			}
			printPartHeading(stdout, rep)
			fmt.Fprintf(stdout, "%s（%s，%s %s，%d 项）\n", path, rep.DocType.Label(), orDash(rep.Unit), yearText(rep.Year), len(rep.Items))
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

// printRules lists the rule catalogue.
func printRules(out io.Writer, asJSON bool) error {
	cat := validate.Catalogue()
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		return enc.Encode(cat)
	}
	rows := make([][]string, 0, len(cat))
	for _, e := range cat {
		corpus := "否"
		if e.NeedsCorpus {
			corpus = "是（跨报告）"
		}
		rows = append(rows, []string{e.ID, e.Severity.Label(), corpus, e.Summary})
	}
	printTableWide(out, []string{"规则", "级别", "需语料库", "说明"}, rows)
	return nil
}
