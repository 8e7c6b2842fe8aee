package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/segment"
	"github.com/jixiao/jixiao/ingest"
)

// readOptions are the flags of commands that read report files.
type readOptions struct {
	JSON     bool
	Password string
	Timeout  time.Duration
}

func (o *readOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.JSON, "json", false, "每个文件输出一行 JSON (one JSON object per file, per line)")
	f.StringVar(&o.Password, "password", "", "加密 PDF 的用户密码 (user password of encrypted PDFs)")
	f.DurationVar(&o.Timeout, "timeout", 30*time.Second, "单个 PDF 的解析时限 (deadline for one PDF)")
}

func (o *readOptions) ingest() ingest.Options {
	return ingest.Options{Password: o.Password, PDFTimeout: o.Timeout}
}

var extractOpts readOptions

var cmdExtract = &cobra.Command{
	Use:   "extract FILE...",
	Short: "提取报告中的项目、金额和评价 (extract records; no corpus)",
	Long: `extract 读取每个文件（PDF、DOCX、HTML、文本），输出单位、年度、所述总额和项目数，
以及每个项目的预算、实际拨付、拨付状态、子项目数、用途和评价。

退出码：0 全部读取成功；2 有文件无法读取或用法错误。`,
	Args: cobra.MinimumNArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		return runExtract(cmd.Context(), extractOpts, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
	},
}

func init() {
	extractOpts.register(cmdExtract)
	cmdRoot.AddCommand(cmdExtract)
}

func runExtract(ctx context.Context, opts readOptions, files []string, stdout, stderr io.Writer) error {
	preloadSegmenter()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for i, res := range readReports(ctx, files, opts.ingest()) {
		if res.err != nil {
			failed++
			fmt.Fprintln(stderr, "jixiao:", res.err)
			continue
		}
		if opts.JSON {
			for _, rep := range res.reports {
				if err := enc.Encode(rep); err != nil {
					return err
				}
			}
			continue
		}
		for k, rep := range res.reports {
			if i > 0 || k > 0 {
				fmt.Fprintln(stdout)
			}
			printPartHeading(stdout, rep)
			printReport(stdout, rep)
		}
	}
	return badInput(failed, len(files))
}

// readResult is one file read and extracted into its reports, or why not.
type readResult struct {
	reports []*extract.Report
	err     error
}

// readReports reads files on as many workers as there are CPUs (a PDF is
// parsed in a child process, so this overlaps them with loading the
// segmenter) and yields the results in the order of files.
func readReports(ctx context.Context, files []string, opt ingest.Options) iter.Seq2[int, readResult] {
	return func(yield func(int, readResult) bool) {
		results := make([]chan readResult, len(files))
		for i := range results {
			results[i] = make(chan readResult, 1)
		}
		sem := make(chan struct{}, runtime.NumCPU())
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			for i, path := range files {
				select {
				case sem <- struct{}{}:
				case <-ctx.Done():
					results[i] <- readResult{err: ctx.Err()}
					continue
				}
				go func() {
					defer func() { <-sem }()
					_, reps, err := readReport(ctx, path, opt)
					results[i] <- readResult{reps, err}
				}()
			}
		}()
		for i := range files {
			if !yield(i, <-results[i]) {
				return
			}
		}
	}
}

// readReport reads one file and extracts the reports it holds.
func readReport(ctx context.Context, path string, opt ingest.Options) (*ingest.Document, []*extract.Report, error) {
	doc, err := ingest.ReadFile(ctx, path, opt)
	if err != nil {
		return nil, nil, err
	}
	reps, err := extract.ExtractAll(doc)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, reps, nil
}

// printPartHeading says which of a file's reports follows, when it holds several.
func printPartHeading(w io.Writer, r *extract.Report) {
	if r.Parts < 2 {
		return
	}
	fmt.Fprintf(w, "== 第 %d/%d 份报告%s ==\n", r.Part, r.Parts, extentText(r))
}

// extentText is where in its file a report is: its pages, or its sheet.
func extentText(r *extract.Report) string {
	switch {
	case r.Sheet != "":
		return "（工作表 " + r.Sheet + "）"
	case len(r.Pages) == 2 && r.Pages[0] == r.Pages[1]:
		return fmt.Sprintf("（第 %d 页）", r.Pages[0])
	case len(r.Pages) == 2:
		return fmt.Sprintf("（第 %d–%d 页）", r.Pages[0], r.Pages[1])
	}
	return ""
}

// preloadSegmenter starts loading the dictionaries while files are read.
func preloadSegmenter() {
	go segment.Default()
}

// badInput is the exit status for files that could not be read.
func badInput(failed, total int) error {
	if failed == 0 {
		return nil
	}
	return &exitError{code: 2, err: fmt.Errorf("%d/%d 个文件无法读取 (unreadable files)", failed, total)}
}
