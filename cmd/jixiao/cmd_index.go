package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

// newIndexCommand builds `jixiao index` and its subcommand rebuild.
func newIndexCommand(gopts *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "index",
		Short: "检索索引维护 (search index maintenance)",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "rebuild",
		Short: "由语料库重建检索索引 (rebuild the search index from the corpus)",
		Long: `丢弃检索索引，由语料库中的全部报告重建。新索引建好后才替换旧索引，
中途失败时旧索引不变。`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIndexRebuild(cmd.Context(), *gopts, cmd.OutOrStdout())
		},
	})
	return cmd
}

func runIndexRebuild(ctx context.Context, gopts globalOptions, out io.Writer) error {
	// The writer lock keeps ingest out while the index is rebuilt.
	store, err := gopts.openCorpus()
	if err != nil {
		return err
	}
	defer store.Close()
	each := func(ctx context.Context, put index.PutFunc, skip func(id string)) error {
		return store.Each(ctx, func(sr *corpus.StoredReport) error {
			if !sr.Searchable() { // a copy or a superseded version: not searched for
				skip(sr.ID)
				return nil
			}
			return put(sr.ID, sr.Report, sr.Findings)
		})
	}
	n, err := index.RebuildStore(ctx, store.IndexPath(), gopts.indexWait(), store, each)
	if errors.Is(err, index.ErrInUse) {
		return &exitError{2, fmt.Errorf("%w：请等另一个 jixiao 进程（如 serve）结束后再试", err)}
	}
	if err != nil {
		return err
	}
	if gopts.Quiet {
		return nil
	}
	fmt.Fprintf(out, "已重建检索索引：%d 份报告 (index rebuilt: %d reports)\n", n, n)
	return nil
}
