package corpus

import (
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/validate"
)

// FindingKey is the review key of a finding: its rule and the item seqs it
// names ("total-mismatch", "actual-exceeds-budget:17", "unmatched-item:17,18").
// It does not depend on the message wording or on amounts, so a decision
// still applies when re-extraction brings the same finding back.
func FindingKey(rule string, items []int) string {
	if len(items) == 0 {
		return rule
	}
	var b strings.Builder
	b.WriteString(rule)
	b.WriteByte(':')
	b.WriteString(joinInts(items))
	return b.String()
}

// FindingKeys gives the review key of each finding, in order. A key that
// repeats within the report gets "#2", "#3" … in the order the findings come.
func FindingKeys(fs []validate.Finding) []string {
	keys := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		k := FindingKey(f.Rule, f.Items)
		seen[k]++
		if n := seen[k]; n > 1 {
			k += "#" + strconv.Itoa(n)
		}
		keys[i] = k
	}
	return keys
}

func joinInts(xs []int) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(x))
	}
	return b.String()
}

// ParseItems reads a comma-separated list of item seqs ("17,18").
func ParseItems(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
