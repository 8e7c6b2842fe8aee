// Command jixiao reads Chinese public-finance performance self-evaluation
// reports into exact records, checks that their figures add up, and makes
// years of them searchable.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/index"

	"github.com/spf13/cobra"
)

// globalOptions are the flags every command has.
type globalOptions struct {
	Corpus string
	// Quiet leaves out progress bars and summaries; records, findings and
	// errors are still written.
	Quiet bool
	// IndexWait is how long a command waits for another process to let go
	// of the search index (index.DefaultTimeout when zero).
	IndexWait time.Duration
}

// indexWait is g.IndexWait, or the index's default.
func (g globalOptions) indexWait() time.Duration {
	if g.IndexWait > 0 {
		return g.IndexWait
	}
	return index.DefaultTimeout
}

// newRootCommand builds the jixiao command with every subcommand, their
// flags bound to gopts and to options of their own.
func newRootCommand(gopts *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "jixiao",
		Short: "绩效自评报告：读取、核对、检索 (performance self-evaluation reports: read, check, search)",
		Long: `jixiao 读取绩效自评报告（PDF、DOCX、HTML、文本），提取项目、金额和评价，
核对数字是否相符，并可跨年度、跨单位检索。

退出码 (exit codes):
  0    成功；validate 没有错误级发现；search 有命中
  1    validate 有错误级发现；search 没有命中（与 grep、rg 相同）
  2    用法错误或输入无法读取 (usage or bad input)
  130  被中断 (Ctrl-C)；ingest 等可再次运行以继续 (interrupted; run again to resume)`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	def := os.Getenv("JIXIAO_CORPUS")
	if def == "" {
		def = "./jixiao-corpus"
	}
	f := root.PersistentFlags()
	f.StringVar(&gopts.Corpus, "corpus", def, "语料库目录 (corpus directory; env JIXIAO_CORPUS)")
	f.BoolVarP(&gopts.Quiet, "quiet", "q", false, "不显示进度和汇总，只输出记录、问题和错误 (no progress or summaries)")
	root.AddCommand(
		newDemoCommand(gopts),
		newExtractCommand(gopts),
		newValidateCommand(gopts),
		newIngestCommand(gopts),
		newListCommand(gopts),
		newShowCommand(gopts),
		newSearchCommand(gopts),
		newHistoryCommand(gopts),
		newReviewCommand(gopts),
		newExportCommand(gopts),
		newReextractCommand(gopts),
		newIndexCommand(gopts),
		newServeCommand(gopts),
	)
	localizeCommands(root)
	return root
}

// exitError carries an exit code through cobra: 1 for error findings,
// 2 for bad input or usage.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

// version is what --version prints: the module version the binary was
// built from, and the extractor version that reextract compares stored
// reports against.
func version() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return fmt.Sprintf("%s (extractor %s, %s)", v, extract.Version, runtime.Version())
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var gopts globalOptions
	err := newRootCommand(&gopts).ExecuteContext(ctx)
	if err == nil {
		return
	}
	if ctx.Err() != nil {
		// interrupted: what was committed stays, a second run resumes
		fmt.Fprintln(os.Stderr, "jixiao: 已中断 (interrupted)")
		os.Exit(130)
	}
	code := 2
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
		if ee.err == nil {
			os.Exit(code)
		}
	}
	fmt.Fprintln(os.Stderr, "jixiao:", terminalSafe(err.Error()))
	os.Exit(code)
}
