// Command search measures search latency: it runs a set of queries a
// reviewer asks of a county's reports against a corpus's index, as the search
// command and the web page do (facets, highlights, 20 hits), and prints the
// p50/p90/p99 latencies; the first round warms the index. Besides the words,
// the set has the filters of the command line (a year, a unit, a budget floor,
// a year alone).
//
//	go run ./bench/search -corpus ./jixiao-corpus [-rounds 20] [-cpuprofile FILE]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/jixiao/jixiao/bench/searchmix"
	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

func main() {
	dir := flag.String("corpus", "./jixiao-corpus", "the corpus whose index is searched")
	rounds := flag.Int("rounds", 20, "runs per query")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the searches here")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench/search:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "bench/search:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(context.Background(), *dir, *rounds, os.Stdout); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "bench/search:", err)
		os.Exit(1)
	}
}

// run runs the reference query mix against the corpus's index and prints
// the latency percentiles; the first round warms the index.
func run(ctx context.Context, dir string, rounds int, out io.Writer) error {
	ix, err := index.Open(filepath.Join(dir, corpus.IndexDir), 10*time.Second)
	if err != nil {
		return err
	}
	defer ix.Close()
	docs, _ := ix.Count()
	l, err := searchmix.Run(ctx, ix, rounds)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "检索 %d 次（%d 个查询 × %d 轮，索引 %d 个文档，平均每次 %d 条命中）：%s\n",
		l.Runs, l.Queries, rounds, docs, l.MeanHits, l)
	return nil
}
