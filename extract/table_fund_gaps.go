package extract

// A fund header written as one row may leave empty cells between its column
// labels: the two halves of a merged 预算执行数 cell (| 预算执行数 | | | 预算执行率 |).
// The value rows under it leave the same cells empty, so their figures sit
// one or two cells right of where the labels alone would put them. The empty
// header cells are gaps: a value row that is empty at every gap drops them
// and is read by position; a row that writes something into a gap is read as
// before.

// fundHeaderGaps marks, cell by cell from the first column label of the
// header row, which cells are gaps (true) and which carry one column each
// (false). It returns nil when the header is not one row, when a label
// carries more or fewer than one column, or when no gap lies between two
// labels.
func (p *tableParser) fundHeaderGaps(anchor, first int, cols []column) []bool {
	if !p.cs.rows || first <= anchor {
		return nil
	}
	row := -1
	labelled := map[int]int{}
	for _, c := range p.c[anchor:first] {
		if got, _ := scanHeader(c.key, fundHeaderWords); len(got) > 0 {
			labelled[c.row]++
		}
	}
	for r, n := range labelled {
		if row < 0 || n > labelled[row] {
			row = r
		}
	}
	if row < 0 {
		return nil
	}
	var marks []bool
	n, inner := 0, false
	for _, c := range p.c[anchor:first] {
		if c.row != row {
			continue
		}
		if c.empty() {
			if len(marks) > 0 {
				marks = append(marks, true)
			}
			continue
		}
		got, _ := scanHeader(c.key, fundHeaderWords)
		if len(got) == 0 {
			if len(marks) > 0 {
				return nil // a word that is no column inside the header
			}
			continue // the block's own label before the columns: 预算执行情况(10分)
		}
		if len(got) != 1 {
			return nil
		}
		if len(marks) > 0 && marks[len(marks)-1] {
			inner = true
		}
		marks = append(marks, false)
		n++
	}
	for len(marks) > 0 && marks[len(marks)-1] {
		marks = marks[:len(marks)-1]
	}
	if !inner || n != len(cols) {
		return nil
	}
	return marks
}

// dropGaps removes the cells at the header's gaps from a value row when
// every one of them is empty; otherwise it returns the row as it is.
func dropGaps(vals []cell, gaps []bool) []cell {
	for k, g := range gaps {
		if g && k < len(vals) && !vals[k].empty() {
			return vals
		}
	}
	out := make([]cell, 0, len(vals))
	for k, v := range vals {
		if k < len(gaps) && gaps[k] {
			continue
		}
		out = append(out, v)
	}
	return out
}
