package validate

import "sort"

var severityRank = map[Severity]int{Error: 0, Warning: 1, Info: 2}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if severityRank[a.Severity] != severityRank[b.Severity] {
			return severityRank[a.Severity] < severityRank[b.Severity]
		}
		return firstItem(a) < firstItem(b)
	})
}

func firstItem(f Finding) int {
	if len(f.Items) == 0 {
		return 0
	}
	return f.Items[0]
}
