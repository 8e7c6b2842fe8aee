// Command startup measures what a user waits for at the command line: two
// builds of jixiao (before and after a change) run the same commands in
// pairs, alternating which goes first, and the median and p90 of wall time
// and CPU time (user + system) of each are printed with their ratio. The
// output of the two builds is compared too: a faster build that says
// something else is reported as such.
//
//	go run ./bench/startup -a /tmp/jixiao-before -b /tmp/jixiao-after -corpus DIR [-rounds 15]
//
// The corpus (for `search`) is made with `jixiao ingest testdata/real/docs
// --corpus DIR` by the older build, so both can read it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

func main() {
	a := flag.String("a", "", "the reference build of jixiao (before)")
	b := flag.String("b", "", "the build measured against it (after)")
	dir := flag.String("corpus", "", "a corpus both builds can read, for search")
	rounds := flag.Int("rounds", 15, "pairs of runs per command")
	flag.Parse()
	if *a == "" || *b == "" || *dir == "" {
		fmt.Fprintln(os.Stderr, "bench/startup: -a, -b and -corpus are needed")
		os.Exit(2)
	}
	if err := run(*a, *b, *dir, *rounds, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench/startup:", err)
		os.Exit(1)
	}
}

// cases are the commands timed: one report extracted (prose and a table),
// a search in a corpus, and the version (the floor: a start that does no work).
func cases(dir string) [][]string {
	return [][]string{
		{"--version"},
		{"extract", "testdata/nantun-2023.md", "--json"},
		{"extract", "testdata/real/docs/hebei-langfang-shipingongchengxuexiao-2019-nuantong.txt", "--json"},
		{"search", "农村饮水", "--corpus", dir, "--json"},
		{"search", "水库", "--year", "2023", "--corpus", dir},
		{"search", "绩效", "--min-budget", "10", "--corpus", dir, "--json"},
	}
}

// sample is one run: its wall and CPU time.
type sample struct{ wall, cpu time.Duration }

func run(a, b, dir string, rounds int, out io.Writer) error {
	fmt.Fprintf(out, "a = %s\nb = %s\n%d pairs per command\n\n", a, b, rounds)
	fmt.Fprintf(out, "%-70s %22s %22s %12s\n", "command", "a wall p50/p90 (cpu)", "b wall p50/p90 (cpu)", "b/a wall")
	for _, args := range cases(dir) {
		outA, _, err := once(a, args)
		if err != nil {
			return err
		}
		outB, _, err := once(b, args)
		if err != nil {
			return err
		}
		var sa, sb []sample
		for r := range rounds {
			first, second := a, b
			if r%2 == 1 {
				first, second = b, a
			}
			_, s1, err := once(first, args)
			if err != nil {
				return err
			}
			_, s2, err := once(second, args)
			if err != nil {
				return err
			}
			if first == a {
				sa, sb = append(sa, s1), append(sb, s2)
			} else {
				sa, sb = append(sa, s2), append(sb, s1)
			}
		}
		wa, wb := pct(sa, 50, false), pct(sb, 50, false)
		note := ""
		if args[0] != "--version" && !bytes.Equal(outA, outB) {
			note = "  OUTPUT DIFFERS"
		}
		fmt.Fprintf(out, "%-70s %8.1f/%5.1f (%5.1f) ms %8.1f/%5.1f (%5.1f) ms %11.3f×%s\n", strings.Join(args, " "),
			ms(wa), ms(pct(sa, 90, false)), ms(pct(sa, 50, true)),
			ms(wb), ms(pct(sb, 90, false)), ms(pct(sb, 50, true)), float64(wb)/float64(wa), note)
	}
	return nil
}

// once runs a build with args from the repository root; exit code 1 (no
// match, error findings) is an answer, not a failure.
func once(bin string, args []string) ([]byte, sample, error) {
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		return nil, sample{}, fmt.Errorf("%s %s: %w: %s", bin, strings.Join(args, " "), err, stderr.String())
	}
	st := cmd.ProcessState
	return stdout.Bytes(), sample{wall, st.UserTime() + st.SystemTime()}, nil
}

// pct is the p-th percentile of the wall (or CPU) times.
func pct(s []sample, p int, cpu bool) time.Duration {
	d := make([]time.Duration, len(s))
	for i, x := range s {
		d[i] = x.wall
		if cpu {
			d[i] = x.cpu
		}
	}
	slices.Sort(d)
	return d[min(len(d)-1, len(d)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
