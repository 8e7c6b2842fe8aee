package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

var cmdDemo = &cobra.Command{
	Use:   "demo",
	Short: "用内置的示例报告演示 (the embedded reference report: records, findings)",
	Args:  cobra.NoArgs,
	RunE: func(cmd *cobra.Command, args []string) error {
		return runDemo(cmd.Context(), cmd.OutOrStdout())
	},
}

func init() {
	cmdRoot.AddCommand(cmdDemo)
}

func runDemo(ctx context.Context, stdout io.Writer) error {
	preloadSegmenter()
	samples := corpus.Samples()
	names, err := fs.Glob(samples, "*.md")
	if err != nil {
		return err
	}
	for _, name := range names {
		data, err := fs.ReadFile(samples, name)
		if err != nil {
			return err
		}
		doc, err := ingest.Read(ctx, "示例/"+name, data, ingest.Options{})
		if err != nil {
			return err
		}
		rep, err := extract.Extract(doc)
		if err != nil {
			return err
		}
		printReport(stdout, rep)
		fmt.Fprintln(stdout)
		printFindings(stdout, validate.Report(rep))
	}
	return nil
}
