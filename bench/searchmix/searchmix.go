// Package searchmix is the reference query mix of the search benchmarks
// (bench/search, bench/scale): what a reviewer asks of a county's reports,
// run in process as the search command and the web page run it (facets,
// highlights, 20 hits), with the latency percentiles.
package searchmix

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/bench/procstat"
	"github.com/jixiao/jixiao/index"
)

// words are what a reviewer asks of a county's reports.
var words = []string{
	"驻村工作队", "驻村", "防火", "耕地地力保护", "选调生", "两委干部", "危房改造", "一事一议", "抢险救灾",
	"户厕", "防汛", "村级组织", "土地流转", "监测", "公益性岗位", "人居环境", "高标准农田", "计划生育",
	"信访稳定", "公务用车", "无人机 防火", "补助资金", "养老保险", "满意度", "河长制",
}

// Queries are the mix: the words, then the filters of the command line and
// the page: a year, a unit, a budget floor, and a year alone (filters only).
func Queries() []index.Query {
	var qs []index.Query
	for _, w := range words {
		qs = append(qs, index.Query{Text: w})
	}
	ten := decimal.NewFromInt(10)
	return append(qs,
		index.Query{Text: "防火", Year: 2020},
		index.Query{Text: "驻村", Unit: "镇"},
		index.Query{Text: "补助资金", MinBudget: &ten},
		index.Query{Year: 2021},
	)
}

// Latencies is what Run measured.
type Latencies struct {
	Runs     int
	Queries  int
	MeanHits uint64 // matching documents per search, on average
	P50, P90 time.Duration
	P99      time.Duration
	// CPU is the process's CPU time per search, on average: on a shared
	// machine it varies less than the latencies.
	CPU time.Duration
}

// String is the percentiles in milliseconds.
func (l Latencies) String() string {
	return fmt.Sprintf("p50 %.1f ms，p90 %.1f ms，p99 %.1f ms，每次 CPU %.1f ms", ms(l.P50), ms(l.P90), ms(l.P99), ms(l.CPU))
}

// Run runs the mix rounds times against ix, 20 hits per search with HTML
// fragments and the facets, after one round that warms the index.
func Run(ctx context.Context, ix *index.Index, rounds int) (Latencies, error) {
	queries := Queries()
	var lat []time.Duration
	hits := uint64(0)
	var cpu0 time.Duration
	for r := 0; r <= rounds; r++ {
		if r == 1 {
			cpu0 = procstat.CPUTime()
		}
		for _, q := range queries {
			q.Size, q.Marks = 20, index.HTML
			start := time.Now()
			res, err := ix.Search(ctx, q)
			if err != nil {
				return Latencies{}, err
			}
			if r > 0 {
				lat = append(lat, time.Since(start))
				hits += res.Total
			}
		}
	}
	if len(lat) == 0 {
		return Latencies{}, fmt.Errorf("searchmix: no rounds")
	}
	slices.Sort(lat)
	pct := func(p int) time.Duration { return lat[min(len(lat)-1, len(lat)*p/100)] }
	return Latencies{Runs: len(lat), Queries: len(queries), MeanHits: hits / uint64(len(lat)),
		P50: pct(50), P90: pct(90), P99: pct(99), CPU: (procstat.CPUTime() - cpu0) / time.Duration(len(lat))}, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
