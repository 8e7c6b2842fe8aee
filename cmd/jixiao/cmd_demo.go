package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"

	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/pipeline"
)

// newDemoCommand builds `jixiao demo`.
func newDemoCommand(gopts *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "用内置的示例报告演示 (the embedded reference report: records, findings, a search)",
		Long: `demo 读取内置的示例报告（南屯镇 2023 年绩效自评报告），存入临时语料库，
显示提取的项目和核对发现的问题，再检索「驻村工作队」。不会改动任何现有语料库。`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDemo(cmd.Context(), *gopts, cmd.OutOrStdout())
		},
	}

	return cmd
}

// demoQuery is what the demo searches for.
const demoQuery = "驻村工作队"

func runDemo(ctx context.Context, gopts globalOptions, stdout io.Writer) error {
	preloadSegmenter()
	dir, err := os.MkdirTemp("", "jixiao-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	store, err := corpus.Open(dir)
	if err != nil {
		return err
	}
	defer store.Close()
	ix, err := index.Open(store.IndexPath(), index.DefaultTimeout)
	if err != nil {
		return err
	}
	defer ix.Close()

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
		res := pipeline.Document(doc)
		if res.Err != nil {
			return res.Err
		}
		rep, findings := res.Report, res.Findings
		id, err := store.Put(ctx, doc, rep, findings)
		if err != nil {
			return err
		}
		if err := ix.Put(id, rep, findings); err != nil {
			return err
		}
		printReport(stdout, rep)
		fmt.Fprintln(stdout)
		printFindings(stdout, findings)
	}

	q := index.Query{Text: demoQuery, Size: 10, Marks: index.Brackets, FragmentRunes: 20}
	res, err := ix.Search(ctx, q)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\n检索「%s」(jixiao search %s)：\n", demoQuery, demoQuery)
	printSearch(stdout, res, q, false)
	fmt.Fprintln(stdout, "\n读取自己的报告：jixiao extract 文件…；入库：jixiao ingest 目录；检索：jixiao search 词；浏览器：jixiao serve")
	return nil
}
