package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/ingest"
)

// ingestOptions are the flags of ingest.
type ingestOptions struct {
	Workers  int
	JSON     bool
	Password string
	Timeout  time.Duration
}

// newIngestCommand builds `jixiao ingest`.
func newIngestCommand(gopts *globalOptions) *cobra.Command {
	var opts ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "把报告文件导入语料库 (import report files into the corpus; resumable)",
		Long: `ingest 读取文件和目录（递归；跳过隐藏文件和语料库目录本身），提取、核对后存入语料库，
并更新检索索引。可以随时中断：再次运行会跳过已入库的文件（路径、大小、修改时间和内容相同，
或内容与已入库的报告相同），重试失败的文件。

退出码：0 全部成功；1 有文件失败（原因记入台账并在最后汇总）；2 用法错误。`,
		Args: minimumArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), opts, *gopts, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Workers, "workers", runtime.NumCPU(), "并行读取的文件数 (parallel workers)")
	f.BoolVar(&opts.JSON, "json", false, "以 JSON 输出汇总 (summary as JSON)")
	f.StringVar(&opts.Password, "password", "", "加密 PDF 的用户密码 (user password of encrypted PDFs)")
	f.DurationVar(&opts.Timeout, "timeout", ingest.DefaultTimeout, "单个文件的读取时限，任何格式 (deadline for reading one file)")
	return cmd
}

func runIngest(ctx context.Context, opts ingestOptions, gopts globalOptions, paths []string, stdout, stderr io.Writer) error {
	if opts.Workers < 1 {
		return usageError("--workers 须为正数 (got %d)", opts.Workers)
	}
	preloadSegmenter()
	s, err := gopts.openCorpus()
	if err != nil {
		return err
	}
	defer s.Close()
	ix, closeIndex := openIndex(s, stderr)
	defer closeIndex()

	files, walkFailures := s.Walk(paths)
	boundMemory(files, opts.Workers)
	var bar *progressbar.ProgressBar
	if !opts.JSON && !gopts.Quiet && isTerminal(stderr) {
		bar = progressbar.NewOptions(len(files),
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("入库"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("份"),
			progressbar.OptionShowIts(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionUseANSICodes(true),
		)
	}
	sum, err := s.IngestFiles(ctx, files, corpus.IngestOptions{
		Workers: opts.Workers,
		Read:    ingest.Options{Password: opts.Password, Timeout: opts.Timeout},
		Index:   ix,
		Progress: func(corpus.Event) {
			if bar != nil {
				bar.Add(1)
			}
		},
	})
	if bar != nil {
		bar.Finish()
	}
	sum.Files += len(walkFailures)
	sum.Failed += len(walkFailures)
	sum.Failures = append(walkFailures, sum.Failures...)
	if err != nil {
		// what was committed stays; say how far it got
		printIngestSummary(stderr, sum)
		if errors.Is(err, context.Canceled) {
			return &exitError{code: 1, err: errors.New("已中断 (interrupted)：已入库的报告保留，再次运行 ingest 即可继续")}
		}
		return err
	}
	if opts.JSON {
		if err := writeJSON(stdout, ingestJSON{Summary: sum, ByReason: sum.ByReason()}); err != nil {
			return err
		}
	} else if gopts.Quiet {
		printFailedFiles(stderr, sum.Failures)
	} else {
		printIngestSummary(stdout, sum)
	}
	if sum.Failed > 0 {
		return &exitError{code: 2} // input that could not be read, as extract says it
	}
	return nil
}

// ingestJSON is the --json output of ingest.
type ingestJSON struct {
	corpus.Summary
	ByReason []corpus.ReasonCount `json:"by_reason"`
}

// printFailedFiles writes one line per failed file, for --quiet: nothing
// when everything was read.
func printFailedFiles(w io.Writer, failures []corpus.Failure) {
	for _, f := range failures {
		fmt.Fprintf(w, "jixiao: %s: %s\n", terminalSafe(displayPath(f.Path)), f.Reason)
	}
}

// storedDetail says how many of the new reports are copies of a stored
// report (one report, several files: not reviewed twice) and how many
// stored reports they replaced as a new version: "" for none.
func storedDetail(sum corpus.Summary) string {
	var parts []string
	if sum.Copies > 0 {
		parts = append(parts, fmt.Sprintf("其中 %d 份是已有报告的另一格式或另一印本", sum.Copies))
	}
	if sum.Superseded > 0 {
		parts = append(parts, fmt.Sprintf("替换了 %d 份旧版本", sum.Superseded))
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// maxFailuresShown is how many failed files the summary names.
const maxFailuresShown = 5

func printIngestSummary(w io.Writer, sum corpus.Summary) {
	fmt.Fprintf(w, "共 %d 个文件：新入库 %d%s，内容重复 %d，已在库中 %d，失败 %d；建索引 %d 份\n",
		sum.Files, sum.Stored, storedDetail(sum), sum.Duplicates, sum.Skipped, sum.Failed, sum.Indexed)
	if sum.IndexErrors > 0 {
		fmt.Fprintf(w, "%d 份报告未能加入检索索引（%s），下次 ingest 时重试\n", sum.IndexErrors, sum.IndexError)
	}
	if sum.Failed == 0 {
		return
	}
	var rows [][]string
	for _, r := range sum.ByReason() {
		rows = append(rows, []string{r.Reason, strconv.Itoa(r.Count)})
	}
	fmt.Fprintln(w, "\n失败原因：")
	printTable(w, []string{"原因", "文件数"}, rows)
	rows = rows[:0]
	for i, f := range sum.Failures {
		if i == maxFailuresShown {
			break
		}
		rows = append(rows, []string{displayPath(f.Path), f.Reason, failureDetail(f)})
	}
	if sum.Failed > maxFailuresShown {
		fmt.Fprintf(w, "\n前 %d 个失败的文件（全部见 --json）：\n", maxFailuresShown)
	} else {
		fmt.Fprintln(w, "\n失败的文件：")
	}
	printTableWide(w, []string{"文件", "原因", "说明"}, rows)
}

// failureDetail is what the error says beyond the file and the reason
// (文件不存在, 文件不完整…), so that the reason's label is not all a user sees.
func failureDetail(f corpus.Failure) string {
	d := strings.TrimPrefix(f.Error, f.Path+": ")
	d = strings.TrimPrefix(d, f.Reason)
	d = strings.TrimPrefix(d, ": ")
	if d == f.Error && strings.Contains(d, f.Reason) {
		return "" // said in another shape; the reason column has it
	}
	return terminalSafe(d)
}
