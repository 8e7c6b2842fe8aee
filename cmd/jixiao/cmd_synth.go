package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/synth"
)

// synthOptions are the flags of the hidden dev command synth.
type synthOptions struct {
	Count      int
	Output     string
	Seed       int64
	Formats    []string
	TableShare float64
	PlantShare float64
}

var synthOpts synthOptions

var cmdSynth = &cobra.Command{
	Use:    "synth -n N -o DIR [--seed S]",
	Short:  "生成带标准答案的合成报告，供测试和基准使用 (synthetic reports with ground truth; for development)",
	Hidden: true,
	Long: `synth 在 DIR 中生成 N 份合成的绩效自评报告（叙述体与项目支出绩效自评表；
md、txt、GB18030、UTF-16、html、docx），并写出 DIR/truth.jsonl：每份报告一行标准答案
（项目、金额、子项目数、评价维度，以及有意植入的不一致及其规则 id）。同一 seed 输出逐字节相同。`,
	Args: cobra.NoArgs,
	RunE: func(cmd *cobra.Command, args []string) error {
		return runSynth(cmd.Context(), synthOpts, cmd.OutOrStdout())
	},
}

func init() {
	f := cmdSynth.Flags()
	f.IntVarP(&synthOpts.Count, "count", "n", 100, "报告份数 (number of reports)")
	f.StringVarP(&synthOpts.Output, "output", "o", "", "输出目录 (output folder; created if missing)")
	f.Int64Var(&synthOpts.Seed, "seed", 1, "随机种子 (seed; the same seed gives the same bytes)")
	f.StringSliceVar(&synthOpts.Formats, "formats", nil, "格式，默认全部 (md,txt,gb18030,utf16,html,docx)")
	f.Float64Var(&synthOpts.TableShare, "table-share", 0, "项目支出绩效自评表的比例，0 为默认 0.15，负数为无 (share of tables)")
	f.Float64Var(&synthOpts.PlantShare, "plant-share", 0, "植入不一致的比例，0 为默认 0.35，负数为无 (share of reports with planted inconsistencies)")
	cmdRoot.AddCommand(cmdSynth)
}

func runSynth(ctx context.Context, opts synthOptions, stdout io.Writer) error {
	if opts.Output == "" {
		return &exitError{2, errors.New("缺少输出目录 -o DIR (missing -o DIR)")}
	}
	if opts.Count <= 0 {
		return &exitError{2, fmt.Errorf("报告份数须为正数: %d (-n must be positive)", opts.Count)}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	truths, err := synth.Generate(opts.Output, opts.Count, synth.Options{
		Seed: opts.Seed, Formats: opts.Formats, TableShare: opts.TableShare, PlantShare: opts.PlantShare,
	})
	if err != nil {
		return &exitError{2, err}
	}
	tables, planted := 0, 0
	for _, t := range truths {
		if t.Genre == synth.GenreProjectTable {
			tables++
		}
		if len(t.Planted) > 0 {
			planted++
		}
	}
	fmt.Fprintf(stdout, "已生成 %d 份报告（%d 份自评表，%d 份植入不一致）：%s\n标准答案：%s\n",
		len(truths), tables, planted, opts.Output, filepath.Join(opts.Output, "truth.jsonl"))
	return nil
}
