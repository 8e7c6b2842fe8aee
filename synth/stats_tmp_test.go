package synth

import (
	"fmt"
	"sort"
	"testing"
	"time"
)

func TestStatsTmp(t *testing.T) {
	opt, _ := Options{Seed: 3}.resolved()
	n := 2000
	units := buildUnits(opt.Seed, (n+10)/11)
	rules := map[string]int{}
	genre := map[string]int{}
	formats := map[string]int{}
	planted := map[string]int{}
	size := 0
	items := 0
	start := time.Now()
	maxSize := 0
	for i := 0; i < n; i++ {
		tr, data, err := render(units, i, opt)
		if err != nil {
			t.Fatal(err)
		}
		size += len(data)
		maxSize = max(maxSize, len(data))
		genre[tr.Genre]++
		formats[tr.Format]++
		items += len(tr.Items)
		if len(tr.Planted) > 0 {
			planted[tr.Genre]++
		}
		seen := map[string]bool{}
		for _, p := range tr.Planted {
			if !seen[p.Rule] {
				rules[tr.Genre+" "+p.Rule]++
			}
			seen[p.Rule] = true
		}
	}
	fmt.Println("time", time.Since(start), "bytes", size, "avg", size/n, "max", maxSize, "items/report", float64(items)/float64(n))
	fmt.Println(genre, formats, planted)
	var ks []string
	for k := range rules {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Printf("%-40s %5d %.3f\n", k, rules[k], float64(rules[k])/float64(genre[k[:len(k)-len(k[indexSpace(k):])]]))
	}
}

func indexSpace(s string) int {
	for i, c := range s {
		if c == ' ' {
			return i
		}
	}
	return len(s)
}
