package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/segment"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/pipeline"
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
	f.DurationVar(&o.Timeout, "timeout", ingest.DefaultTimeout, "单个文件的读取时限，任何格式 (deadline for reading one file)")
}

func (o *readOptions) ingest() ingest.Options {
	return ingest.Options{Password: o.Password, Timeout: o.Timeout}
}

// newExtractCommand builds `jixiao extract`.
func newExtractCommand(gopts *globalOptions) *cobra.Command {
	var opts readOptions
	cmd := &cobra.Command{
		Use:   "extract FILE|DIR...",
		Short: "提取报告中的项目、金额和评价 (extract records; no corpus)",
		Long: `extract 读取每个文件（PDF、DOCX、HTML、文本），输出单位、年度、所述总额和项目数，
以及每个项目的预算、实际拨付、拨付状态、子项目数、用途和评价。

退出码：0 全部读取成功；2 有文件无法读取或用法错误。`,
		Args: minimumArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd.Context(), opts, *gopts, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.register(cmd)
	return cmd
}

func runExtract(ctx context.Context, opts readOptions, gopts globalOptions, files []string, stdout, stderr io.Writer) error {
	preloadSegmenter()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	n, results := readFiles(ctx, files, opts.ingest())
	for i, res := range results {
		if res.Err != nil {
			failed++
			if err := reportFailure(enc, opts.JSON, res, stderr); err != nil {
				return err
			}
			continue
		}
		if opts.JSON {
			for _, p := range res.Parts {
				if err := enc.Encode(p.Report); err != nil {
					return err
				}
			}
			continue
		}
		for k, p := range res.Parts {
			if i > 0 || k > 0 {
				fmt.Fprintln(stdout)
			}
			printPartHeading(stdout, p.Report)
			printReport(stdout, p.Report)
		}
	}
	return badInput(failed, n)
}

// failedJSON is the --json record of a file that could not be read. It
// takes the file's place in the stream of records, so that a program sees
// every file it named, in order, and why one gave nothing.
type failedJSON struct {
	Source struct {
		Path string `json:"path"`
	} `json:"source"`
	Error struct {
		Code    string `json:"code"`    // stable English code (ingest.ReasonCode)
		Reason  string `json:"reason"`  // its Chinese label
		Message string `json:"message"` // what went wrong, naming the file
	} `json:"error"`
}

// reportFailure says on stderr why a file could not be read and, with
// --json, writes its record to enc as well.
func reportFailure(enc *json.Encoder, asJSON bool, res pipeline.Result, stderr io.Writer) error {
	fmt.Fprintln(stderr, "jixiao:", terminalSafe(res.Err.Error()))
	if !asJSON {
		return nil
	}
	var rec failedJSON
	rec.Source.Path = res.Path
	rec.Error.Code = ingest.ReasonCode(res.Reason)
	rec.Error.Reason = res.Reason
	rec.Error.Message = res.Err.Error()
	return enc.Encode(rec)
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

// readFiles expands folders among args (recursively, like ingest) and runs
// the pipeline over the files, yielding the results in order. Paths that
// cannot be listed come first, as failed results.
func readFiles(ctx context.Context, args []string, opt ingest.Options) (int, iter.Seq2[int, pipeline.Result]) {
	files, errs := pipeline.Expand(args, nil)
	boundMemory(files, 0)
	n := len(files) + len(errs)
	return n, func(yield func(int, pipeline.Result) bool) {
		for i, err := range errs {
			if !yield(i, pipeline.Failed("", err)) {
				return
			}
		}
		for i, r := range pipeline.Files(ctx, files, pipeline.Options{Read: opt}) {
			if !yield(len(errs)+i, r) {
				return
			}
		}
	}
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
