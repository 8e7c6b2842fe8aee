// Command synth writes N synthetic 绩效自评报告 (narrative reports and
// 项目支出绩效自评表, in md, txt, GB18030, UTF-16, html and docx) into DIR,
// with DIR/truth.jsonl: one line of ground truth per report (items, amounts,
// sub-projects, evaluation dimensions, and the inconsistencies planted on
// purpose with their rule ids). The same seed writes the same bytes. The
// reports are for scale and for planted inconsistencies; accuracy is measured
// on real documents (bench/realdocs), never on these.
//
//	go run ./bench/synth -n 1500 -o /tmp/synth [-seed 1] [-formats md,docx]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jixiao/jixiao/synth"
)

type options struct {
	Count      int
	Output     string
	Seed       int64
	Formats    []string
	TableShare float64
	PlantShare float64
}

func main() {
	var o options
	var formats string
	flag.IntVar(&o.Count, "n", 100, "number of reports")
	flag.StringVar(&o.Output, "o", "", "output folder (created if missing)")
	flag.Int64Var(&o.Seed, "seed", 1, "seed: the same seed gives the same bytes")
	flag.StringVar(&formats, "formats", "", "formats, comma-separated (default all: md,txt,gb18030,utf16,html,docx)")
	flag.Float64Var(&o.TableShare, "table-share", 0, "share of 项目支出绩效自评表 (0: the default 0.15; negative: none)")
	flag.Float64Var(&o.PlantShare, "plant-share", 0, "share of reports with planted inconsistencies (0: the default 0.35; negative: none)")
	flag.Parse()
	if formats != "" {
		o.Formats = strings.Split(formats, ",")
	}
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(2)
	}
}

func run(o options, stdout io.Writer) error {
	if o.Output == "" {
		return errors.New("missing -o DIR")
	}
	if o.Count <= 0 {
		return fmt.Errorf("-n must be positive: %d", o.Count)
	}
	truths, err := synth.Generate(o.Output, o.Count, synth.Options{
		Seed: o.Seed, Formats: o.Formats, TableShare: o.TableShare, PlantShare: o.PlantShare,
	})
	if err != nil {
		return err
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
		len(truths), tables, planted, o.Output, filepath.Join(o.Output, "truth.jsonl"))
	return nil
}
