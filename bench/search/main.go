// Command search measures search latency: it runs a set of queries a
// reviewer asks of a county's reports against a corpus's index, as the search
// command and the web page do (facets, highlights, 20 hits), and prints the
// p50/p90/p99 latencies; the first round warms the index.
//
//	go run ./bench/search -corpus ./jixiao-corpus [-rounds 20]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
)

func main() {
	dir := flag.String("corpus", "./jixiao-corpus", "the corpus whose index is searched")
	rounds := flag.Int("rounds", 20, "runs per query")
	flag.Parse()
	if err := run(context.Background(), *dir, *rounds, os.Stdout); err != nil {
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
	var lat []time.Duration
	hits := uint64(0)
	for r := 0; r <= rounds; r++ {
		for _, q := range benchSearchQueries {
			start := time.Now()
			res, err := ix.Search(ctx, index.Query{Text: q, Size: 20, Marks: index.HTML})
			if err != nil {
				return err
			}
			if r > 0 {
				lat = append(lat, time.Since(start))
				hits += res.Total
			}
		}
	}
	slices.Sort(lat)
	pct := func(p int) time.Duration { return lat[min(len(lat)-1, len(lat)*p/100)] }
	fmt.Fprintf(out, "检索 %d 次（%d 个查询 × %d 轮，索引 %d 个文档，平均每次 %d 条命中）：p50 %.1f ms，p90 %.1f ms，p99 %.1f ms\n",
		len(lat), len(benchSearchQueries), rounds, docs, hits/uint64(len(lat)),
		ms(pct(50)), ms(pct(90)), ms(pct(99)))
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
