package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
)

// reextractOptions are the flags of reextract.
type reextractOptions struct {
	All     bool
	Workers int
	JSON    bool
}

// newReextractCommand builds `jixiao reextract`.
func newReextractCommand(gopts *globalOptions) *cobra.Command {
	var opts reextractOptions
	cmd := &cobra.Command{
		Use:   "reextract",
		Short: "用当前提取器重新提取已入库的报告 (re-extract stored reports with this extractor)",
		Long: `reextract 从语料库保存的页面文字重新提取报告（不再读取原文件），替换项目和问题记录，
保留审核结论，并更新检索索引。默认只处理由其他提取器版本生成的报告；--all 处理全部。

退出码：0 全部成功；1 有报告提取失败（保留原记录）。`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReextract(cmd.Context(), opts, *gopts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.All, "all", false, "重新提取全部报告 (every report, not only stale ones)")
	f.IntVar(&opts.Workers, "workers", runtime.NumCPU(), "并行提取的报告数 (parallel workers)")
	f.BoolVar(&opts.JSON, "json", false, "以 JSON 输出汇总 (summary as JSON)")
	return cmd
}

// reextractJSON is the --json output of reextract.
type reextractJSON struct {
	Checked     int              `json:"checked"`
	Reextracted int              `json:"reextracted"`
	Failed      int              `json:"failed"`
	Indexed     int              `json:"indexed"`
	IndexErrors int              `json:"index_errors"`
	IndexError  string           `json:"index_error,omitempty"`
	Failures    []corpus.Failure `json:"failures"`
}

func runReextract(ctx context.Context, opts reextractOptions, gopts globalOptions, stdout, stderr io.Writer) error {
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
	var bar *progressbar.ProgressBar
	if !opts.JSON && !gopts.Quiet && isTerminal(stderr) {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("重新提取"),
			progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	sum, err := s.Reextract(ctx, corpus.ReextractOptions{All: opts.All, Workers: opts.Workers, Index: ix,
		Progress: func(corpus.Event) {
			if bar != nil {
				bar.Add(1)
			}
		}})
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return err
	}
	if opts.JSON {
		if err := writeJSON(stdout, reextractJSON{Checked: sum.Files, Reextracted: sum.Stored, Failed: sum.Failed,
			Indexed: sum.Indexed, IndexErrors: sum.IndexErrors, IndexError: sum.IndexError, Failures: sum.Failures}); err != nil {
			return err
		}
	} else if gopts.Quiet {
		for _, f := range sum.Failures {
			fmt.Fprintf(stderr, "jixiao: %s: %s\n", f.ID, terminalSafe(f.Error))
		}
	} else {
		fmt.Fprintf(stdout, "提取器版本 %s：重新提取 %d 份报告，失败 %d；建索引 %d 份\n", extract.Version, sum.Stored, sum.Failed, sum.Indexed)
		if sum.IndexErrors > 0 {
			fmt.Fprintf(stdout, "%d 份报告未能加入检索索引（%s），下次 ingest 时重试\n", sum.IndexErrors, sum.IndexError)
		}
		for i, f := range sum.Failures {
			if i == maxFailuresShown {
				break
			}
			fmt.Fprintf(stdout, "  %s  %s\n", f.ID, f.Error)
		}
	}
	if sum.Failed > 0 {
		return &exitError{code: 1}
	}
	return nil
}
