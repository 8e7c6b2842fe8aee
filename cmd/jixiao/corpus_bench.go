package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/synth"
	"github.com/jixiao/jixiao/validate"
)

// benchOptions are the flags of bench-ingest.
type benchOptions struct {
	N         int
	Workers   int
	Seed      int64
	Dir       string
	Reference bool
	Index     bool
	Formats   []string
}

var benchOpts benchOptions

var cmdBenchIngest = &cobra.Command{
	Use:    "bench-ingest",
	Short:  "测量入库速度 (measure ingest: reports/s, peak RSS, database size)",
	Hidden: true,
	Long: `bench-ingest 生成 N 份合成报告，导入一个新的语料库，报告每秒入库份数、峰值内存（VmHWM）和数据库大小；
--reference 先测只读取、提取、核对而不入库的速度作为参照；最后再运行一次（全部应跳过）。
数据放在 --dir（默认临时目录，结束后删除）。`,
	Args: cobra.NoArgs,
	RunE: func(cmd *cobra.Command, args []string) error {
		return runBenchIngest(cmd.Context(), benchOpts, cmd.OutOrStdout(), cmd.ErrOrStderr())
	},
}

func init() {
	f := cmdBenchIngest.Flags()
	f.IntVar(&benchOpts.N, "n", 1000, "合成报告份数 (reports)")
	f.IntVar(&benchOpts.Workers, "workers", runtime.NumCPU(), "并行 (workers)")
	f.Int64Var(&benchOpts.Seed, "seed", 1, "生成种子 (synth seed)")
	f.StringVar(&benchOpts.Dir, "dir", "", "数据目录，保留 (keep data here)")
	f.BoolVar(&benchOpts.Reference, "reference", true, "先测不入库的参照速度 (measure extract-only first)")
	f.BoolVar(&benchOpts.Index, "index", true, "同时更新检索索引 (update the search index)")
	f.StringSliceVar(&benchOpts.Formats, "formats", nil, "合成报告的格式，默认全部 (synth formats; default all)")
	cmdRoot.AddCommand(cmdBenchIngest)
}

func runBenchIngest(ctx context.Context, opts benchOptions, stdout, stderr io.Writer) error {
	if opts.N < 1 || opts.Workers < 1 {
		return usageError("--n 和 --workers 须为正数")
	}
	dir := opts.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "jixiao-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	src, store := filepath.Join(dir, "src"), filepath.Join(dir, "corpus")
	if err := os.RemoveAll(store); err != nil {
		return err
	}
	preloadSegmenter()

	start := time.Now()
	truths, err := synth.Generate(src, opts.N, synth.Options{Seed: opts.Seed, Formats: opts.Formats})
	if err != nil {
		return err
	}
	srcBytes := dirBytes(src)
	fmt.Fprintf(stdout, "生成 %d 份合成报告：%.1f s，%.1f MB\n", opts.N, time.Since(start).Seconds(), mb(srcBytes))

	s, err := corpus.Open(store)
	if err != nil {
		return err
	}
	defer func() { s.Close() }()
	files := make([]string, len(truths))
	for i, t := range truths {
		files[i] = filepath.Join(src, t.File)
	}

	var ref time.Duration
	if opts.Reference {
		ref = extractOnly(ctx, files, opts.Workers)
		fmt.Fprintf(stdout, "参照（读取+提取+核对，不入库）：%.0f 份/秒\n", float64(len(files))/ref.Seconds())
	}
	var ix corpus.Indexer
	if opts.Index {
		var closeIndex func()
		ix, closeIndex = openIndex(s, stderr)
		defer closeIndex()
	}
	resetPeakRSS()
	cpu0 := cpuTime()
	start = time.Now()
	sum, err := s.IngestFiles(ctx, files, corpus.IngestOptions{Workers: opts.Workers, Index: ix})
	took := time.Since(start)
	if err != nil {
		return err
	}
	line := fmt.Sprintf("入库：%d 份，%.1f s，%.0f 份/秒；失败 %d；建索引 %d", sum.Stored, took.Seconds(), float64(len(files))/took.Seconds(), sum.Failed, sum.Indexed)
	if ref > 0 {
		line += fmt.Sprintf("（耗时为参照的 %.2f 倍）", took.Seconds()/ref.Seconds())
	}
	fmt.Fprintln(stdout, line)
	fmt.Fprintf(stdout, "入库 CPU 时间：%.1f s（每份 %.1f ms）\n", (cpuTime() - cpu0).Seconds(), (cpuTime()-cpu0).Seconds()*1000/float64(len(files)))
	peak := peakRSS()

	start = time.Now()
	again, err := s.IngestFiles(ctx, files, corpus.IngestOptions{Workers: opts.Workers, Index: ix})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "再次运行：跳过 %d 份，%.1f s，%.0f 份/秒\n", again.Skipped, time.Since(start).Seconds(), float64(len(files))/time.Since(start).Seconds())

	fmt.Fprintf(stdout, "峰值内存 (VmHWM，入库阶段)：%.0f MB\n", mb(peak))
	if err := s.Close(); err != nil { // merges the WAL into the database
		return err
	}
	db := fileBytes(filepath.Join(store, corpus.DBName))
	fmt.Fprintf(stdout, "数据库：%.1f MB，每份报告 %.1f KB；原文件共 %.1f MB\n",
		mb(db), float64(db)/1024/float64(max(1, sum.Stored)), mb(srcBytes))
	return nil
}

// extractOnly reads, extracts and validates files in parallel, storing
// nothing: the reference the store's cost is measured against.
func extractOnly(ctx context.Context, files []string, workers int) time.Duration {
	start := time.Now()
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				doc, err := ingest.ReadFile(ctx, p, ingest.Options{})
				if err != nil {
					continue
				}
				if rep, err := extract.Extract(doc); err == nil {
					validate.Report(rep)
				}
			}
		}()
	}
	for _, p := range files {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return time.Since(start)
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

func fileBytes(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func dirBytes(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
		return nil
	})
	return n
}
