// Command checkplanted compares a corpus's findings with the ground truth of
// the synthetic reports it was built from: every report stored exactly once,
// every planted inconsistency found with its rule, severity and items, and
// nothing else found (a finding of a rule planted in the report at another
// severity is counted apart, as the rounding cases the generator cannot
// avoid).
//
//	go run ./bench/checkplanted SRC/truth.jsonl findings.jsonl list.json
//
// findings.jsonl is `jixiao export --format jsonl --findings`, list.json is
// `jixiao list --json`.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/jixiao/jixiao/synth"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: checkplanted truth.jsonl findings.jsonl list.json")
		os.Exit(2)
	}
	truths, err := synth.ReadTruth(os.Args[1])
	check(err)

	var list []struct {
		ID   string `json:"id"`
		Path string `json:"path"`
	}
	b, err := os.ReadFile(os.Args[3])
	check(err)
	check(json.Unmarshal(b, &list))
	byFile := map[string]string{}
	ids := map[string]bool{}
	for _, r := range list {
		if ids[r.ID] {
			fail("report %s listed twice", r.ID)
		}
		ids[r.ID] = true
		byFile[filepath.Base(r.Path)] = r.ID
	}

	type key struct{ report, rule, severity string }
	found := map[key][]int{}
	seen := map[key]bool{}
	ruleSeen := map[[2]string]string{} // report, rule → a severity it was found at
	planted := map[key]bool{}
	plantedRule := map[[2]string]bool{}
	fileOf := map[string]string{}
	for _, t := range truths {
		id := byFile[filepath.Base(t.File)]
		fileOf[id] = t.File
		for _, p := range t.Planted {
			planted[key{id, p.Rule, p.Severity}] = true
			plantedRule[[2]string{id, p.Rule}] = true
		}
	}
	unplanted, unplantedOther := 0, 0
	f, err := os.Open(os.Args[2])
	check(err)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var row struct {
			Kind     string `json:"kind"`
			Report   string `json:"report"`
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			Items    []int  `json:"items"`
		}
		check(json.Unmarshal(sc.Bytes(), &row))
		if row.Kind != "finding" {
			continue
		}
		k := key{row.Report, row.Rule, row.Severity}
		if !planted[k] && !seen[k] {
			if plantedRule[[2]string{row.Report, row.Rule}] {
				unplantedOther++
			} else {
				unplanted++
				if unplanted <= 10 {
					fmt.Printf("not planted: %s %s %s items %v\n", fileOf[row.Report], row.Rule, row.Severity, row.Items)
				}
			}
		}
		found[k] = append(found[k], row.Items...)
		seen[k] = true
		ruleSeen[[2]string{row.Report, row.Rule}] = row.Severity
	}
	check(sc.Err())

	nPlanted, missed, missing, otherSeverity := 0, 0, 0, 0
	for _, t := range truths {
		id, ok := byFile[filepath.Base(t.File)]
		if !ok {
			missing++
			fmt.Printf("not stored: %s\n", t.File)
			continue
		}
		for _, p := range t.Planted {
			nPlanted++
			k := key{id, p.Rule, p.Severity}
			ok := seen[k]
			for _, it := range p.Items {
				ok = ok && slices.Contains(found[k], it)
			}
			if !ok {
				if sev, other := ruleSeen[[2]string{id, p.Rule}]; other {
					otherSeverity++
					fmt.Printf("found at %s, planted as %s: %s %s items %v\n", sev, p.Severity, t.File, p.Rule, p.Items)
					continue
				}
				missed++
				if missed <= 10 {
					fmt.Printf("missed: %s %s %s items %v\n", t.File, p.Rule, p.Severity, p.Items)
				}
			}
		}
	}
	fmt.Printf("%d reports generated, %d stored (%d distinct ids), %d not stored; %d inconsistencies planted: %d found as planted, %d found at another severity, %d missed; %d findings not planted (%d more of a planted rule at another severity)\n",
		len(truths), len(list), len(ids), missing, nPlanted, nPlanted-missed-otherSeverity, otherSeverity, missed, unplanted, unplantedOther)
	byRule := map[string]int{}
	for _, t := range truths {
		for _, p := range t.Planted {
			byRule[p.Rule+" "+p.Severity]++
		}
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	slices.Sort(rules)
	for _, r := range rules {
		fmt.Printf("  planted %-36s %d\n", r, byRule[r])
	}
	if missing > 0 || missed > 0 || unplanted > 0 || len(list) != len(truths) {
		os.Exit(1)
	}
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "checkplanted: "+format+"\n", args...)
	os.Exit(1)
}
