package validate

import "sort"

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity.Rank() != b.Severity.Rank() {
			return a.Severity.Rank() > b.Severity.Rank()
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
