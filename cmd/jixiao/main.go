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
	"syscall"

	"github.com/spf13/cobra"
)

// globalOptions are the flags every command has.
type globalOptions struct {
	Corpus string
}

var globals globalOptions

var cmdRoot = &cobra.Command{
	Use:   "jixiao",
	Short: "绩效自评报告：读取、核对、检索 (performance self-evaluation reports: read, check, search)",
	Long: `jixiao 读取绩效自评报告（PDF、DOCX、HTML、文本），提取项目、金额和评价，
核对数字是否相符，并可跨年度、跨单位检索。`,
	SilenceUsage:  true,
	SilenceErrors: true,
}

func init() {
	def := os.Getenv("JIXIAO_CORPUS")
	if def == "" {
		def = "./jixiao-corpus"
	}
	cmdRoot.PersistentFlags().StringVar(&globals.Corpus, "corpus", def, "语料库目录 (corpus directory; env JIXIAO_CORPUS)")
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

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := cmdRoot.ExecuteContext(ctx)
	if err == nil {
		return
	}
	code := 2
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
		if ee.err == nil {
			os.Exit(code)
		}
	}
	fmt.Fprintln(os.Stderr, "jixiao:", err)
	os.Exit(code)
}
