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
	"slices"
	"time"

	"github.com/shopspring/decimal"

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

// benchSearchQueries are what a reviewer asks of a county's reports.
var benchSearchQueries = []string{
	"驻村工作队", "驻村", "防火", "耕地地力保护", "选调生", "两委干部", "危房改造", "一事一议", "抢险救灾",
	"户厕", "防汛", "村级组织", "土地流转", "监测", "公益性岗位", "人居环境", "高标准农田", "计划生育",
	"信访稳定", "公务用车", "无人机 防火", "补助资金", "养老保险", "满意度", "河长制",
}

// benchFilteredQueries add the filters of the command line and the page:
// a year, a unit, a budget floor, and a year alone (filters only).
func benchFilteredQueries() []index.Query {
	ten := decimal.NewFromInt(10)
	return []index.Query{
		{Text: "防火", Year: 2020},
		{Text: "驻村", Unit: "镇"},
		{Text: "补助资金", MinBudget: &ten},
		{Year: 2021},
	}
}

// run runs the query set against the corpus's index, as the
// search command and the web page do (facets, highlights, 20 hits), and
// prints the latency percentiles; the first round warms the index.
func run(ctx context.Context, dir string, rounds int, out io.Writer) error {
	ix, err := index.Open(filepath.Join(dir, corpus.IndexDir), 10*time.Second)
	if err != nil {
		return err
	}
	defer ix.Close()
	docs, _ := ix.Count()
	var queries []index.Query
	for _, q := range benchSearchQueries {
		queries = append(queries, index.Query{Text: q})
	}
	queries = append(queries, benchFilteredQueries()...)
	var lat []time.Duration
	hits := uint64(0)
	for r := 0; r <= rounds; r++ {
		for _, q := range queries {
			q.Size, q.Marks = 20, index.HTML
			start := time.Now()
			res, err := ix.Search(ctx, q)
			if err != nil {
				return err
			}
			if r > 0 {
				lat = append(lat, time.Since(start))
				hits += res.Total
			}
		}
	}
	fmt.Fprintf(out, "检索 %d 次（%d 个查询 × %d 轮，索引 %d 个文档，平均每次 %d 条命中）：%s\n",
		len(lat), len(queries), rounds, docs, hits/uint64(len(lat)), percentiles(lat))
	return nil
}

func pct(lat []time.Duration, p int) time.Duration {
	s := slices.Clone(lat)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func percentiles(lat []time.Duration) string {
	return fmt.Sprintf("p50 %.1f ms，p90 %.1f ms，p99 %.1f ms", ms(pct(lat, 50)), ms(pct(lat, 90)), ms(pct(lat, 99)))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
