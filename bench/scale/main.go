//go:build unix

// Command scale measures how ingest and search grow with the corpus: for each
// N it generates N synthetic reports (package synth, seed 1), ingests them
// into a fresh corpus with its search index, and runs the reference query mix
// (bench/searchmix) on it; it prints reports per second, CPU per report, peak
// RSS of the ingest and search p50/p99 for every N, as ratios to the first N,
// all in one run. Each ingest and each search runs in a child process of its
// own, so that the peak RSS is that of the one phase at the one size.
//
//	go run ./bench/scale [-n 1000,10000] [-dir WORK] [-rounds 10] [-search-only]
//
// With -dir the generated reports and the corpora are kept (WORK/src-N,
// WORK/corpus-N) and the reports are generated only once: a later run with
// -search-only measures search alone on the same corpora, for a before and
// after of a change to search on the same index.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jixiao/jixiao/bench/procstat"
	"github.com/jixiao/jixiao/bench/searchmix"
	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/synth"
)

type options struct {
	Sizes      []int
	Dir        string
	Rounds     int
	Workers    int
	Formats    []string
	SearchOnly bool
}

func main() {
	var o options
	sizes := flag.String("n", "1000,10000", "corpus sizes in reports, comma-separated")
	flag.StringVar(&o.Dir, "dir", "", "keep the reports and the corpora here (default: a temporary folder, removed)")
	flag.IntVar(&o.Rounds, "rounds", 10, "rounds of the query mix")
	flag.IntVar(&o.Workers, "workers", runtime.NumCPU(), "ingest workers")
	formats := flag.String("formats", "", "synth formats, comma-separated (default all)")
	flag.BoolVar(&o.SearchOnly, "search-only", false, "measure search alone on the corpora kept in -dir")
	child := flag.String("child", "", "internal: run one phase (ingest or search) of one size")
	n := flag.Int("size", 0, "internal: the size of the child's phase")
	flag.Parse()
	if *formats != "" {
		o.Formats = strings.Split(*formats, ",")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var err error
	if *child != "" {
		err = runChild(ctx, *child, *n, o, os.Stdout)
	} else {
		for _, s := range strings.Split(*sizes, ",") {
			v, perr := strconv.Atoi(strings.TrimSpace(s))
			if perr != nil || v < 1 {
				err = fmt.Errorf("-n: %q is not a positive size", s)
				break
			}
			o.Sizes = append(o.Sizes, v)
		}
		if err == nil {
			err = run(ctx, o, os.Stdout)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/scale:", err)
		os.Exit(1)
	}
}

// measure is what the children report of one size.
type measure struct {
	N          int           `json:"n"`
	Stored     int           `json:"stored"`
	Failed     int           `json:"failed"`
	Ingest     time.Duration `json:"ingest"`
	CPU        time.Duration `json:"cpu"`
	PeakRSS    int64         `json:"peak_rss"`
	Written    int64         `json:"written"` // bytes the ingest wrote to storage
	Kept       int64         `json:"kept"`    // bytes of the database and the index after it
	Docs       uint64        `json:"docs"`
	MeanHits   uint64        `json:"mean_hits"`
	P50, P99   time.Duration `json:"-"`
	P50ns      int64         `json:"p50_ns"`
	P99ns      int64         `json:"p99_ns"`
	SearchPeak int64         `json:"search_peak_rss"`
	SearchCPU  int64         `json:"search_cpu_ns"`
}

func (m measure) perSecond() float64 { return float64(m.N) / m.Ingest.Seconds() }

func run(ctx context.Context, o options, out io.Writer) error {
	if o.SearchOnly && o.Dir == "" {
		return fmt.Errorf("-search-only needs -dir with the corpora of an earlier run")
	}
	dir := o.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "jixiao-scale-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var rows []measure
	for _, n := range o.Sizes {
		m := measure{N: n}
		if !o.SearchOnly {
			if err := generate(dir, n, o.Formats); err != nil {
				return err
			}
			if err := os.RemoveAll(corpusDir(dir, n)); err != nil {
				return err
			}
			if err := child(ctx, self, "ingest", n, dir, o, &m); err != nil {
				return err
			}
			fmt.Fprintf(out, "N=%d 入库：%d 份（失败 %d），%.1f s，%.0f 份/秒，每份 CPU %.1f ms，峰值内存 %.0f MB；写入磁盘 %.0f MB，留下 %.0f MB（%.2f 倍）\n",
				n, m.Stored, m.Failed, m.Ingest.Seconds(), m.perSecond(), ms(m.CPU)/float64(n), mb(m.PeakRSS),
				mb(m.Written), mb(m.Kept), float64(m.Written)/float64(max(1, m.Kept)))
		}
		if err := child(ctx, self, "search", n, dir, o, &m); err != nil {
			return err
		}
		m.P50, m.P99 = time.Duration(m.P50ns), time.Duration(m.P99ns)
		fmt.Fprintf(out, "N=%d 检索：%d 个文档，平均每次 %d 条命中，p50 %.1f ms，p99 %.1f ms，每次 CPU %.1f ms，峰值内存 %.0f MB\n",
			n, m.Docs, m.MeanHits, ms(m.P50), ms(m.P99), ms(time.Duration(m.SearchCPU)), mb(m.SearchPeak))
		rows = append(rows, m)
	}
	fmt.Fprintf(out, "\n%8s %10s %16s %16s %16s %16s %16s %16s   (倍数：相对 N=%d)\n", "N", "文档", "份/秒", "CPU/份 ms", "峰值内存MB", "p50 ms", "p99 ms", "检索CPU ms", rows[0].N)
	for _, m := range rows {
		b := rows[0]
		fmt.Fprintf(out, "%8d %10d %16s %16s %16s %16s %16s %16s\n", m.N, m.Docs,
			ratio(m.perSecond(), b.perSecond(), o.SearchOnly, "%.0f"),
			ratio(ms(m.CPU)/float64(m.N), ms(b.CPU)/float64(b.N), o.SearchOnly, "%.1f"),
			ratio(mb(m.PeakRSS), mb(b.PeakRSS), o.SearchOnly, "%.0f"),
			ratio(ms(m.P50), ms(b.P50), false, "%.1f"),
			ratio(ms(m.P99), ms(b.P99), false, "%.1f"),
			ratio(ms(time.Duration(m.SearchCPU)), ms(time.Duration(b.SearchCPU)), false, "%.2f"))
	}
	return nil
}

// ratio prints v and, after the first row, v/base.
func ratio(v, base float64, skip bool, format string) string {
	if skip {
		return "-"
	}
	s := fmt.Sprintf(format, v)
	if base > 0 && v != base {
		s += fmt.Sprintf("(%.2f×)", v/base)
	}
	return s
}

func srcDir(dir string, n int) string    { return filepath.Join(dir, fmt.Sprintf("src-%d", n)) }
func corpusDir(dir string, n int) string { return filepath.Join(dir, fmt.Sprintf("corpus-%d", n)) }

// generate writes the n reports once; a kept folder is reused as is.
func generate(dir string, n int, formats []string) error {
	src := srcDir(dir, n)
	done := filepath.Join(src, ".complete")
	if _, err := os.Stat(done); err == nil {
		return nil
	}
	if err := os.RemoveAll(src); err != nil {
		return err
	}
	start := time.Now()
	if _, err := synth.Generate(src, n, synth.Options{Seed: 1, Formats: formats}); err != nil {
		return err
	}
	// The ground truth is not a report.
	if err := os.Remove(filepath.Join(src, "truth.jsonl")); err != nil && !os.IsNotExist(err) {
		return err
	}
	fmt.Fprintf(os.Stderr, "生成 %d 份合成报告：%.1f s\n", n, time.Since(start).Seconds())
	return os.WriteFile(done, nil, 0o644)
}

// child runs one phase in a process of its own and reads its measures into m.
func child(ctx context.Context, self, phase string, n int, dir string, o options, m *measure) error {
	args := []string{"-child", phase, "-size", strconv.Itoa(n), "-dir", dir,
		"-rounds", strconv.Itoa(o.Rounds), "-workers", strconv.Itoa(o.Workers)}
	cmd := exec.CommandContext(ctx, self, args...)
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s N=%d: %w", phase, n, err)
	}
	if err := json.Unmarshal(stdout.Bytes(), m); err != nil {
		return fmt.Errorf("%s N=%d: %w", phase, n, err)
	}
	return nil
}

// runChild is one phase of one size; it prints its measures as JSON, only
// the fields of its phase, so that decoding them into the measure of the
// other phase leaves that phase's fields alone.
func runChild(ctx context.Context, phase string, n int, o options, out io.Writer) error {
	var fields map[string]any
	switch phase {
	case "ingest":
		files, err := reportFiles(srcDir(o.Dir, n))
		if err != nil {
			return err
		}
		s, err := corpus.Open(corpusDir(o.Dir, n))
		if err != nil {
			return err
		}
		ix, err := index.Open(s.IndexPath(), 10*time.Second)
		if err != nil {
			s.Close()
			return err
		}
		cpu0, w0 := procstat.CPUTime(), procstat.WrittenBytes()
		start := time.Now()
		sum, err := s.IngestFiles(ctx, files, corpus.IngestOptions{Workers: o.Workers, Index: index.NewSync(s, ix.NewBatch())})
		took, cpu := time.Since(start), procstat.CPUTime()-cpu0
		err = errors.Join(err, ix.Close(), s.Close()) // closing the store merges the WAL into the database
		if err != nil {
			return err
		}
		dir := corpusDir(o.Dir, n)
		fields = map[string]any{"stored": sum.Stored, "failed": sum.Failed, "ingest": took, "cpu": cpu,
			"peak_rss": procstat.PeakRSS(), "written": procstat.WrittenBytes() - w0, "kept": procstat.DirBytes(dir)}
	case "search":
		s, err := corpus.Open(corpusDir(o.Dir, n))
		if err != nil {
			return err
		}
		defer s.Close()
		ix, err := index.Open(s.IndexPath(), 10*time.Second)
		if err != nil {
			return err
		}
		defer ix.Close()
		docs, err := ix.Count()
		if err != nil {
			return err
		}
		l, err := searchmix.Run(ctx, ix, o.Rounds)
		if err != nil {
			return err
		}
		fields = map[string]any{"docs": docs, "mean_hits": l.MeanHits, "p50_ns": l.P50, "p99_ns": l.P99, "search_peak_rss": procstat.PeakRSS(), "search_cpu_ns": l.CPU}
	default:
		return fmt.Errorf("-child: unknown phase %q", phase)
	}
	return json.NewEncoder(out).Encode(fields)
}

// reportFiles lists the generated reports.
func reportFiles(src string) ([]string, error) {
	src, err := filepath.EvalSymlinks(src) // a kept folder may link to another run's
	if err != nil {
		return nil, err
	}
	var files []string
	err = filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			files = append(files, p)
		}
		return err
	})
	return files, err
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
func mb(n int64) float64         { return float64(n) / (1 << 20) }
