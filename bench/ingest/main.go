// Command ingest measures bulk ingest: it generates N synthetic reports,
// ingests them into a new corpus with its search index, and prints reports per
// second, CPU per report, peak RSS (VmHWM) and database size; with -reference
// it first measures reading + extracting + validating alone on the same
// files, and prints ingest's time as a ratio of that reference, measured in
// the same run. A second run (everything skipped) is timed too.
//
//	go run ./bench/ingest -n 2000 [-workers 2] [-index=false] [-dir KEEP]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/jixiao/jixiao/bench/procstat"
	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract/segment"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/synth"
)

type options struct {
	N         int
	Workers   int
	Seed      int64
	Dir       string
	Reference bool
	Index     bool
	Formats   []string
}

func main() {
	var o options
	var formats string
	flag.IntVar(&o.N, "n", 1000, "synthetic reports")
	flag.IntVar(&o.Workers, "workers", runtime.NumCPU(), "workers")
	flag.Int64Var(&o.Seed, "seed", 1, "synth seed")
	flag.StringVar(&o.Dir, "dir", "", "keep the data here (default: a temporary folder, removed)")
	flag.BoolVar(&o.Reference, "reference", true, "measure read + extract + validate alone first")
	flag.BoolVar(&o.Index, "index", true, "update the search index while ingesting")
	flag.StringVar(&formats, "formats", "", "synth formats, comma-separated (default all)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the whole run here")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench/ingest:", err)
			os.Exit(1)
		}
	}
	if formats != "" {
		o.Formats = strings.Split(formats, ",")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, o, os.Stdout, os.Stderr)
	pprof.StopCPUProfile()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/ingest:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, opts options, stdout, stderr io.Writer) error {
	if opts.N < 1 || opts.Workers < 1 {
		return fmt.Errorf("-n and -workers must be positive")
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
	go segment.Default() // load the segmenter while the reports are generated

	start := time.Now()
	truths, err := synth.Generate(src, opts.N, synth.Options{Seed: opts.Seed, Formats: opts.Formats})
	if err != nil {
		return err
	}
	srcBytes := procstat.DirBytes(src)
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
		x, err := index.Open(s.IndexPath(), 10*time.Second)
		if err != nil {
			return err
		}
		defer x.Close()
		ix = index.NewSync(s, x.NewBatch())
	}
	procstat.ResetPeakRSS()
	written0 := procstat.WrittenBytes()
	cpu0 := procstat.CPUTime()
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
	fmt.Fprintf(stdout, "入库 CPU 时间：%.1f s（每份 %.1f ms）\n", (procstat.CPUTime() - cpu0).Seconds(), (procstat.CPUTime()-cpu0).Seconds()*1000/float64(len(files)))
	peak := procstat.PeakRSS()
	written := procstat.WrittenBytes() - written0

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
	kept := db + procstat.DirBytes(s.IndexPath())
	if written > 0 {
		fmt.Fprintf(stdout, "入库阶段写入磁盘 %.0f MB，留下数据库与索引 %.0f MB：%.2f 倍\n", mb(written), mb(kept), float64(written)/float64(kept))
	}
	return nil
}

// extractOnly reads, extracts and validates files in parallel, storing
// nothing: the reference the store's cost is measured against.
func extractOnly(ctx context.Context, files []string, workers int) time.Duration {
	start := time.Now()
	for range pipeline.Files(ctx, files, pipeline.Options{Workers: workers}) {
	}
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
