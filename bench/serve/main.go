// Command serve measures page loads of the review page (jixiao serve) on a
// corpus of N synthetic reports (default 10,000): every page a reviewer
// opens — the search, the lists filtered and sorted, a report, the
// coverage, the charts, the review opinion, the upload page — requested
// through the server's handler in this process (no network), each page
// -rounds times after one warm-up round; it prints p50, p95 and the worst
// per page and over all loads, then the first load of the heavy pages
// after a change, when nothing derived from the corpus is kept.
//
//	go run ./bench/serve [-n 10000] [-corpus DIR] [-rounds 20]
//
// With -corpus DIR and a corpus already there, it is used as it is (a
// second run does not ingest again); otherwise the reports are generated
// and ingested into DIR (a temporary folder when not given).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/synth"
	"github.com/jixiao/jixiao/web"
)

func main() {
	n := flag.Int("n", 10000, "synthetic reports to ingest when the corpus is new")
	dir := flag.String("corpus", "", "corpus folder (kept; reused when it holds a corpus)")
	rounds := flag.Int("rounds", 20, "loads of each page after the warm-up")
	only := flag.String("only", "", "load only the pages whose address contains this")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the loads here")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench/serve:", err)
			os.Exit(1)
		}
	}
	err := run(context.Background(), *dir, *n, *rounds, *only, os.Stdout)
	pprof.StopCPUProfile()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/serve:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dir string, n, rounds int, only string, out io.Writer) error {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "jixiao-bench-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = filepath.Join(tmp, "corpus")
	}
	if corpus.Exists(dir) != nil {
		if err := build(ctx, dir, n, out); err != nil {
			return err
		}
	}
	store, err := corpus.OpenOptions(dir, corpus.Options{Shared: true, MustExist: true})
	if err != nil {
		return err
	}
	defer store.Close()
	ix, err := index.Open(store.IndexPath(), 10*time.Second)
	if err != nil {
		return err
	}
	defer ix.Close()
	srv, err := web.New(store, ix, web.Options{})
	if err != nil {
		return err
	}
	pages, err := benchPages(ctx, store)
	if err != nil {
		return err
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "corpus %s: %d reports, %d units, %d years; %d loads of each of %d pages\n",
		dir, st.Reports, len(st.Units), len(st.Years), rounds, len(pages))
	var all []time.Duration
	fmt.Fprintf(out, "%-58s %8s %8s %8s %9s\n", "page", "p50 ms", "p95 ms", "max ms", "bytes")
	for _, p := range pages {
		if only != "" && !strings.Contains(p, only) {
			continue
		}
		var ds []time.Duration
		size := 0
		for i := 0; i <= rounds; i++ {
			d, n, err := load(srv, p)
			if err != nil {
				return err
			}
			if i > 0 { // the first load warms caches
				ds = append(ds, d)
			}
			size = n
		}
		all = append(all, ds...)
		fmt.Fprintf(out, "%-58s %8.1f %8.1f %8.1f %9d\n", p, ms(pct(ds, 50)), ms(pct(ds, 95)), ms(slices.Max(ds)), size)
	}
	if len(all) > 0 {
		fmt.Fprintf(out, "all %d loads: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", len(all), ms(pct(all, 50)), ms(pct(all, 95)), ms(slices.Max(all)))
	}

	// Cold: the first load after the corpus changed (a decision, an
	// ingest), when nothing derived from it is kept: a new server each time.
	fmt.Fprintf(out, "first load after a change (nothing kept), %d loads each:\n", rounds)
	for _, p := range []string{"/reports", "/findings", "/coverage", "/charts"} {
		var ds []time.Duration
		for i := 0; i < rounds; i++ {
			cold, err := web.New(store, ix, web.Options{})
			if err != nil {
				return err
			}
			d, _, err := load(cold, p)
			if err != nil {
				return err
			}
			ds = append(ds, d)
		}
		fmt.Fprintf(out, "%-58s %8.1f %8.1f %8.1f\n", p, ms(pct(ds, 50)), ms(pct(ds, 95)), ms(slices.Max(ds)))
	}
	return nil
}

// build generates n synthetic reports and ingests them, indexed, into dir.
func build(ctx context.Context, dir string, n int, out io.Writer) error {
	src, err := os.MkdirTemp("", "jixiao-bench-serve-src-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(src)
	start := time.Now()
	if _, err := synth.Generate(src, n, synth.Options{Seed: 1, Formats: []string{"md", "txt"}}); err != nil {
		return err
	}
	os.Remove(filepath.Join(src, "truth.jsonl"))
	store, err := corpus.Open(dir)
	if err != nil {
		return err
	}
	defer store.Close()
	ix, err := index.Open(store.IndexPath(), 10*time.Second)
	if err != nil {
		return err
	}
	defer ix.Close()
	sum, err := store.Ingest(ctx, []string{src}, corpus.IngestOptions{Index: index.NewSync(store, ix)})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "ingested %d reports (%d failed) in %s\n", sum.Stored, sum.Failed, time.Since(start).Round(time.Second))
	return nil
}

// benchPages are the pages a reviewer opens in a day's work.
func benchPages(ctx context.Context, s *corpus.Store) ([]string, error) {
	list, err := s.List(ctx, corpus.Filter{Sort: corpus.SortDiff, Rule: "total-mismatch", Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("no report with a total-mismatch")
	}
	rep := list[0]
	unit := url.QueryEscape("=" + rep.Unit)
	year := strconv.Itoa(rep.Year)
	return []string{
		"/",
		"/?q=" + url.QueryEscape("驻村工作队"),
		"/?q=" + url.QueryEscape("补助资金") + "&year=" + year,
		"/reports",
		"/reports?sort=diff&rule=total-mismatch",
		"/reports?unit=" + unit,
		"/reports?from=5000",
		"/findings",
		"/findings?rule=underspent&review=pending&sort=diff",
		"/findings?unit=" + unit + "&year=" + year + "&sort=diff",
		"/findings?severity=error&from=2000",
		"/reports/" + rep.ID,
		"/reports/" + rep.ID + "?finding=total-mismatch",
		"/coverage",
		"/charts",
		"/charts?unit=" + unit,
		"/opinion?unit=" + unit + "&year=" + year,
		"/upload",
		"/api/findings?rule=underspent&size=100",
	}, nil
}

// load requests target once and says how long the whole answer took.
func load(h http.Handler, target string) (time.Duration, int, error) {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(w, r)
	d := time.Since(start)
	if w.Code != http.StatusOK {
		return d, 0, fmt.Errorf("%s: %d %.200s", target, w.Code, w.Body.String())
	}
	return d, w.Body.Len(), nil
}

// pct is the p-th percentile of ds (nearest rank).
func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s) + 99) / 100
	return s[max(i-1, 0)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
