package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/corpus/export"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// exportOptions are the flags of export.
type exportOptions struct {
	Format   string
	Output   string
	Year     int
	Unit     string
	Findings bool
	// The filter of the page's lists.
	DocType  string
	Rule     string
	Severity string
	Review   string
	MinDiff  string
	MaxDiff  string
}

// newExportCommand builds `jixiao export`.
func newExportCommand(gopts *globalOptions) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export --format csv|xlsx|jsonl [-o FILE]",
		Short: "导出项目和问题（含审核结论）(export items and findings with reviews)",
		Long: `export 导出语料库中所有项目（单位、年度、报告编号、序号、名称、预算、实际、拨付情况、子项目数、用途）
和所有问题及审核结论。

  xlsx   一个工作簿：“项目”和“问题”两张工作表；金额为数值单元格，显示的小数位与记录一致。须给 -o。
  csv    UTF-8（带 BOM，Excel 可直接打开）。-o FILE 写项目到 FILE，问题到 FILE 同名加 -findings；
         写到标准输出时只写项目，加 --findings 改写问题。
  jsonl  每行一个 JSON 对象："kind" 为 "item" 或 "finding"；金额为字符串。`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), opts, *gopts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "", "csv、xlsx 或 jsonl")
	f.StringVarP(&opts.Output, "output", "o", "", "输出文件；- 或不写为标准输出 (output file; - or none: standard output)")
	f.IntVar(&opts.Year, "year", 0, "只导出该年度 (year)")
	f.StringVar(&opts.Unit, "unit", "", "单位名称包含此文字；=名称 为完全一致 (unit name contains; =NAME for exactly)")
	f.StringVar(&opts.DocType, "doc-type", "", "只导出该类型的文件，如 部门决算 或 final-accounts (document type)")
	f.StringVar(&opts.Rule, "rule", "", "只导出有该规则问题的报告及这些问题，如 underspent (findings of rule)")
	f.StringVar(&opts.Severity, "severity", "", "只导出该级别的问题：error、warning、info (severity)")
	f.StringVar(&opts.Review, "review", "", "只导出该审核状态的问题：pending、confirmed、dismissed (review state)")
	f.StringVar(&opts.MinDiff, "min-diff", "", "只导出 |差额| 不少于此数的问题，万元 (|diff| at least)")
	f.StringVar(&opts.MaxDiff, "max-diff", "", "只导出 |差额| 不多于此数的问题，万元 (|diff| at most)")
	f.BoolVar(&opts.Findings, "findings", false, "csv 写到标准输出时：写问题而非项目 (csv to stdout: findings instead of items)")
	registerCompletion(cmd, "format", fixed("csv", "xlsx", "jsonl"))
	registerCompletion(cmd, "rule", completeRules)
	registerCompletion(cmd, "severity", fixed("error", "warning", "info"))
	registerCompletion(cmd, "review", fixed("pending", "confirmed", "dismissed"))
	registerCorpusCompletion(cmd, gopts)
	return cmd
}

func runExport(ctx context.Context, opts exportOptions, gopts globalOptions, stdout, stderr io.Writer) error {
	format := strings.ToLower(opts.Format)
	switch format {
	case "csv", "xlsx", "jsonl":
	case "":
		return usageError("请用 --format 指定 csv、xlsx 或 jsonl")
	default:
		return usageError("未知的格式 %q（csv、xlsx 或 jsonl）", opts.Format)
	}
	toStdout := opts.Output == "-" // asked for explicitly: even xlsx to a terminal
	if toStdout {
		opts.Output = ""
	}
	if format == "xlsx" && opts.Output == "" && !toStdout && isTerminal(stdout) {
		return usageError("xlsx 须用 -o 指定输出文件")
	}
	if opts.Findings && (format != "csv" || opts.Output != "") {
		return usageError("--findings 只用于把 csv 写到标准输出")
	}
	s, err := gopts.openCorpusReader()
	if err != nil {
		return err
	}
	defer s.Close()
	filter, err := exportFilter(opts)
	if err != nil {
		return err
	}

	if format == "csv" && opts.Output != "" {
		findingsPath := findingsFile(opts.Output)
		err := writeFiles(map[string]func(io.Writer) error{
			opts.Output:  func(w io.Writer) error { return export.CSV(ctx, s, filter, w, nil) },
			findingsPath: func(w io.Writer) error { return export.CSV(ctx, s, filter, nil, w) },
		})
		if err == nil && !gopts.Quiet {
			fmt.Fprintf(stderr, "已导出项目到 %s，问题到 %s\n", opts.Output, findingsPath)
		}
		return err
	}
	write := func(w io.Writer) error {
		switch format {
		case "xlsx":
			return export.XLSX(ctx, s, filter, w)
		case "jsonl":
			return export.JSONL(ctx, s, filter, w)
		}
		if opts.Findings {
			return export.CSV(ctx, s, filter, nil, w)
		}
		return export.CSV(ctx, s, filter, w, nil)
	}
	if opts.Output == "" {
		bw := bufio.NewWriter(stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return writeFiles(map[string]func(io.Writer) error{opts.Output: write})
}

// findingsFile is the name of the findings CSV next to the items CSV.
func findingsFile(items string) string {
	ext := filepath.Ext(items)
	return strings.TrimSuffix(items, ext) + "-findings" + ext
}

// writeFiles writes each file through a temporary file renamed into place,
// so that a failed export leaves no half-written file.
func writeFiles(files map[string]func(io.Writer) error) error {
	for path, write := range files {
		tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
		if err != nil {
			return err
		}
		err = tmp.Chmod(0o644) // CreateTemp makes it private; an export is a normal file
		bw := bufio.NewWriter(tmp)
		if err == nil {
			err = write(bw)
		}
		if err == nil {
			err = bw.Flush()
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), path)
		}
		if err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("导出到 %s: %w", path, err)
		}
	}
	return nil
}

// exportFilter is the filter of export's flags: the page's list filter, so
// that the command exports what the page shows.
func exportFilter(opts exportOptions) (corpus.Filter, error) {
	f := corpus.Filter{Year: opts.Year, Rule: opts.Rule}
	f.Unit, f.UnitExact = corpus.ParseUnit(opts.Unit)
	if opts.DocType != "" {
		t, ok := extract.DocTypeByLabel(opts.DocType)
		if !ok {
			return f, usageError("未知的文件类型 %q (unknown --doc-type)", opts.DocType)
		}
		f.DocType = t
	}
	switch sev := validate.Severity(opts.Severity); sev {
	case "", validate.Error, validate.Warning, validate.Info:
		f.Severity = sev
	default:
		return f, usageError("--severity 须为 error、warning 或 info")
	}
	switch rv := corpus.ReviewState(opts.Review); rv {
	case corpus.ReviewAny, corpus.ReviewPending, corpus.ReviewConfirmed, corpus.ReviewDismissed:
		f.Review = rv
	default:
		return f, usageError("--review 须为 pending、confirmed 或 dismissed")
	}
	var err error
	if f.MinDiff, err = budgetFlag("--min-diff", opts.MinDiff); err != nil {
		return f, err
	}
	if f.MaxDiff, err = budgetFlag("--max-diff", opts.MaxDiff); err != nil {
		return f, err
	}
	return f, nil
}
