package extract

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// figure is one number read from a table cell, with how it was written.
type figure struct {
	value    decimal.Decimal
	decimals int
	percent  bool
	text     string // as written
	start    int    // span in the document text
	end      int
}

var (
	// figurePattern is one figure alone in a cell: 43.2, 1,030.5, 86%, 100.00%, 10分.
	figurePattern = regexp.MustCompile(`^[+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(%|％|分|万元|万)?$`)
	// gluedRun is figures written without separators: 202010100.00%10.
	gluedRun = regexp.MustCompile(`^[\d.%％]*\d[\d.%％]*$`)
	// placeholder marks an empty cell: /, -, —.
	placeholder = regexp.MustCompile(`^(/|／|\\|-|－|—|——|--|－－|―|无)$`)
	// placeholderRun is several placeholders written together: --, //.
	placeholderRun = regexp.MustCompile(`^[-—－/／―]+$`)
	// valueLike is what a flattened run holds besides words: figures with a
	// short unit (29.5亩, ≥11.376万元, 192只), operators, placeholders.
	valueLike = regexp.MustCompile(`^([≥≤><=＞＜≈]|约)?[-+]?\d[\d.,]*(%|％|‰)?[\p{Han}A-Za-z/²³]{0,4}$|^[=≥≤><＞＜≈%％‰]$|^[\d.,%％]+$`)
)

func isValueLike(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && (valueLike.MatchString(s) || placeholder.MatchString(s))
}

type valueKind int

const (
	vEmpty  valueKind = iota // blank or a placeholder
	vFigure                  // one figure
	vGlued                   // several figures without separators
	vText                    // anything else
)

// readFigure classifies a cell and reads its figure when it holds one.
func readFigure(c cell) (figure, valueKind) {
	t := strings.TrimSpace(c.text)
	if t == "" || placeholder.MatchString(t) {
		return figure{}, vEmpty
	}
	if m := figurePattern.FindStringSubmatch(t); m != nil {
		num := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t, m[4]), "%"), "％"), "分")
		num = strings.TrimSuffix(num, "万")
		num = strings.ReplaceAll(strings.TrimPrefix(num, "+"), ",", "")
		d, err := decimal.NewFromString(num)
		if err != nil {
			return figure{}, vText
		}
		f := figure{value: d, text: t, start: c.start, end: c.end, percent: m[4] == "%" || m[4] == "％"}
		if f.percent && m[2] == "" && len(m[1]) > 4 {
			return figure{}, vGlued // 202010100.00%: no rate has five integer digits; figures glued to it
		}
		if k := strings.IndexByte(num, '.'); k >= 0 {
			f.decimals = len(num) - k - 1
		}
		return f, vFigure
	}
	if gluedRun.MatchString(t) {
		return figure{}, vGlued
	}
	return figure{}, vText
}

// maxSplits bounds the readings of one glued run; maxFigureLen is the
// longest figure a split may produce (10 integer digits, point, 6 decimals, %);
// maxGluedLen is the longest run searched at all (six such figures are far
// shorter); searchBudget bounds the readings weighed for one document, so
// that no input can make the search run long.
const (
	maxSplits    = 2048
	maxFigureLen = 18
	maxGluedLen  = 64
	searchBudget = 200000
)

// splitGlued lists the ways a run of figures written without separators can
// be read as a sequence of figures: 43.243.237.24 → 43.2 | 43.2 | 37.24, …
// A number never starts with a point or with 0 followed by a digit; a % sign
// ends the number before it.
func splitGlued(c cell, maxPieces int) [][]figure {
	return splitGluedAt(c, maxPieces, -1)
}

// splitGluedAt is splitGlued knowing that the rate column, the only one
// written with %, is the rateAt-th of the figure columns (-1: unknown): a
// percentage then has at most rateAt figures before it and at most
// maxPieces-rateAt-1 after, and a rate has at most three integer digits.
// Without these bounds a long run (2456.182456.182456.1810100%10) has more
// splits than are weighed, and the right one may never be reached.
func splitGluedAt(c cell, maxPieces, rateAt int) [][]figure {
	s := strings.ReplaceAll(strings.TrimSpace(c.text), "％", "%")
	pctAt := -1 // pieces before the percentage taken, once one is
	base := c.start
	var out [][]figure
	var cur []figure
	steps := 0
	var walk func(i int)
	walk = func(i int) {
		steps++
		if len(out) >= maxSplits || len(cur) > maxPieces || steps > 8*maxSplits {
			return
		}
		if i == len(s) {
			out = append(out, append([]figure(nil), cur...))
			return
		}
		if len(cur) == maxPieces || len(s)-i > (maxPieces-len(cur))*maxFigureLen {
			return // the rest cannot be covered by the pieces left
		}
		if s[i] < '0' || s[i] > '9' {
			return
		}
		maxInt := 10
		if s[i] == '0' {
			maxInt = 1
		}
		for il := 1; il <= maxInt && i+il <= len(s); il++ {
			if !isDigits(s[i : i+il]) {
				break
			}
			ends := []int{i + il}
			if i+il < len(s) && s[i+il] == '.' {
				ends = ends[:0]
				for fl := 1; fl <= 6 && i+il+1+fl <= len(s) && isDigits(s[i+il+1:i+il+1+fl]); fl++ {
					ends = append(ends, i+il+1+fl)
				}
			}
			for _, e := range ends {
				num := s[i:e]
				f := figure{text: num, start: min(base+i, c.end), end: min(base+e, c.end)}
				f.value, _ = decimal.NewFromString(num)
				if k := strings.IndexByte(num, '.'); k >= 0 {
					f.decimals = len(num) - k - 1
				}
				next := e
				if next < len(s) && s[next] == '%' {
					f.percent = true
					f.text += "%"
					next++
					f.end = min(base+next, c.end)
				}
				if next < len(s) && s[next] == '.' {
					continue
				}
				if rateAt >= 0 {
					switch {
					case f.percent && (len(cur) > rateAt || il > 3 || pctAt >= 0):
						continue
					case !f.percent && pctAt < 0 && len(cur) >= rateAt && strings.Contains(s[next:], "%"):
						continue // too many figures before the rate
					case !f.percent && pctAt >= 0 && len(cur)-pctAt > maxPieces-rateAt-1:
						continue
					}
				}
				saved := pctAt
				if f.percent {
					pctAt = len(cur)
				}
				cur = append(cur, f)
				walk(next)
				cur = cur[:len(cur)-1]
				pctAt = saved
			}
		}
	}
	walk(0)
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var hundred = decimal.NewFromInt(100)

// halfUnit is half a unit of the last decimal written: the most that
// rounding to that many decimals can hide.
func halfUnit(decimals int) decimal.Decimal { return decimal.New(5, int32(-(decimals + 1))) }

// unit is one unit of the last decimal written.
func unit(decimals int) decimal.Decimal { return decimal.New(1, int32(-decimals)) }

// fundReading is one way of reading a fund row's figures into its columns.
type fundReading map[column]figure

// plausibility scores a reading by how well its figures agree with each
// other: 执行率 = 执行数 ÷ 预算数, 得分 = 分值 × 执行率, 年初 = 全年 预算数 ….
// It is used only to choose between readings of figures whose separation
// the text does not show; the figures themselves are never changed.
func (rd fundReading) plausibility(noBudget bool) float64 {
	s := 0.0
	I, hasI := rd[colInitial]
	B, hasB := rd[colBudget]
	E, hasE := rd[colExecuted]
	W, hasW := rd[colWeight]
	R, hasR := rd[colRate]
	S, hasS := rd[colScore]
	if hasI && !hasB && noBudget {
		B, hasB = I, true // 执行率(B/A) over 年初预算数(A) where the table has no 全年预算数
	}
	// only a rate written as a percentage vouches for a reading: a bare
	// number in the rate column agrees with too many splits of a run
	if hasR && R.percent && hasB && hasE && B.value.IsPositive() {
		// the rate's own rounding only: coarse amounts would excuse any split
		comp := E.value.Div(B.value).Mul(hundred)
		if comp.Sub(R.value).Abs().LessThanOrEqual(halfUnit(R.decimals)) {
			s += 10
		} else {
			s -= 3
		}
	}
	if hasR && !R.percent {
		s -= 2
	}
	if hasR && R.value.GreaterThan(decimal.NewFromInt(1000)) {
		s -= 5
	}
	if hasR && R.decimals > 2 {
		s -= 3
	}
	if hasW {
		if W.value.GreaterThan(hundred) {
			s -= 4
		}
		if W.decimals > 1 {
			s -= 2 // weights are whole points, or halves
		}
	}
	if hasS && (S.value.GreaterThan(hundred) || S.decimals > 2) {
		s -= 4
	}
	if hasW && hasS {
		if S.value.GreaterThan(W.value) {
			s -= 4
		}
		if hasR && R.percent {
			exp := W.value.Mul(decimal.Min(R.value, hundred)).Div(hundred)
			switch d := exp.Sub(S.value).Abs(); {
			case S.value.Equal(exp.Round(int32(S.decimals))) || S.value.Equal(exp.Round(0)):
				s += 4
			case d.LessThanOrEqual(unit(S.decimals)):
				s--
			default:
				s -= 4
			}
		}
	}
	if hasI && hasB && I.value.Equal(B.value) {
		s += 2
	}
	if hasE && hasB {
		if E.value.LessThanOrEqual(B.value) {
			s++
		} else if E.value.GreaterThan(B.value.Mul(decimal.NewFromInt(2))) {
			s -= 2
		}
	}
	for _, c := range []column{colInitial, colBudget, colExecuted} {
		if f, ok := rd[c]; ok && f.decimals > 2 {
			s-- // 万元 are written to the 百元 (2 decimals), seldom finer
			if f.decimals > 4 {
				s--
			}
		}
	}
	return s
}

// readFundFigures assigns a fund row's value cells to the header's columns.
// Cells written apart in a layout that shows empty cells are read by
// position; a run of glued figures, or a flattened row whose empty cells
// were dropped, is read in the way its figures agree best (see plausibility).
// It returns the figures by column, the reason text, whether the reading
// had to be searched for, and, when several readings remain equally
// possible, all of them (the figures returned are then only those they
// agree on: a reading is never chosen by a coin toss).
func readFundFigures(values []cell, cols []column, budget *int) (fundReading, string, bool, []fundReading) {
	numeric := make([]column, 0, len(cols))
	hasReason := false
	for _, c := range cols {
		if isTextColumn(c) {
			hasReason = hasReason || c == colReason
			continue
		}
		numeric = append(numeric, c)
	}
	type item struct {
		kind valueKind
		fig  figure
		c    cell
	}
	items := make([]item, len(values))
	glued, flat := false, false
	reason := ""
	for i, v := range values {
		f, k := readFigure(v)
		items[i] = item{k, f, v}
		glued = glued || k == vGlued
		flat = flat || v.flat
		if k == vText && !instruction.MatchString(v.text) && (i >= len(cols) || cols[i] != colMethod) {
			reason = strings.TrimSpace(v.text)
		}
	}
	if !hasReason {
		reason = ""
	}
	// By position, when that is consistent.
	if !glued {
		rd := fundReading{}
		ok := true
		for i, it := range items {
			if i >= len(cols) {
				break
			}
			switch it.kind {
			case vFigure:
				if isTextColumn(cols[i]) {
					continue
				}
				if it.fig.percent != (cols[i] == colRate) && (it.fig.percent || flat) {
					ok = false
				}
				rd[cols[i]] = it.fig
			case vText:
				if !isTextColumn(cols[i]) {
					ok = false
				}
			}
		}
		if ok {
			return rd, reason, false, nil
		}
	}
	// Search: every split of glued runs, every order-preserving placement.
	seqs := [][]figure{nil}
	for _, it := range items {
		switch it.kind {
		case vFigure:
			for i := range seqs {
				seqs[i] = append(seqs[i], it.fig)
			}
		case vGlued:
			if len(it.c.text) > maxGluedLen || *budget <= 0 {
				continue
			}
			rateAt := -1
			for k, col := range numeric {
				if col == colRate {
					rateAt = k
				}
			}
			splits := splitGluedAt(it.c, len(numeric), rateAt)
			if len(splits) == 0 {
				continue
			}
			var next [][]figure
			for _, s := range seqs {
				for _, sp := range splits {
					if len(next) >= maxSplits {
						break
					}
					n := append(append([]figure(nil), s...), sp...)
					next = append(next, n)
				}
			}
			seqs = next
		}
	}
	var best fundReading
	var tied []fundReading // other readings exactly as plausible as best
	bestScore := 0.0
	noBudget := !hasColumn(cols, colBudget)
	bestSeq := -1
	var other fundReading // the best reading of another split of the run
	otherScore := 0.0
	seqBest := make([]fundReading, len(seqs))
	seqScore := make([]float64, len(seqs))
	for si, seq := range seqs {
		if len(seq) > len(numeric) {
			continue
		}
		if *budget <= 0 {
			break
		}
		placeFigures(seq, numeric, func(rd fundReading, gaps int) {
			*budget--
			// fewer, longer figures and no skipped columns are likelier
			sc := rd.plausibility(noBudget) - 1.5*float64(gaps) - 0.6*float64(len(rd))
			if seqBest[si] == nil || sc > seqScore[si] {
				seqBest[si], seqScore[si] = rd, sc
			}
			switch {
			case best == nil || sc > bestScore+1e-9:
				best, bestScore, tied, bestSeq = rd, sc, nil, si
			case sc > bestScore-1e-9 && !rd.same(best) && len(tied) < 8:
				tied = append(tied, rd)
			}
		})
	}
	if best == nil {
		best = fundReading{}
	}
	for si, rd := range seqBest {
		if rd != nil && si != bestSeq && (other == nil || seqScore[si] > otherScore) {
			other, otherScore = rd, seqScore[si]
		}
	}
	// A split of glued figures that no relation of the row vouches for (a
	// rate written with % that 执行数 ÷ 预算数 gives, a score that 分值 ×
	// 执行率 gives) is a guess when another split comes close: say so.
	if len(tied) == 0 && other != nil && !best.vouched(noBudget) && otherScore > bestScore-2 && !other.same(best) {
		tied = append(tied, other)
	}
	if len(tied) == 0 {
		return best, reason, true, nil
	}
	// Two readings the text and the row's relations allow equally: keep
	// only the figures they agree on, and hand both back to be reported.
	agreed := fundReading{}
	for col, f := range best {
		all := true
		for _, t := range tied {
			if g, ok := t[col]; !ok || g.text != f.text || !g.value.Equal(f.value) {
				all = false
				break
			}
		}
		if all {
			agreed[col] = f
		}
	}
	return agreed, reason, true, append([]fundReading{best}, tied...)
}

// vouched reports whether one of the row's relations holds for the reading
// within the rounding of the figures as written.
func (rd fundReading) vouched(noBudget bool) bool {
	B, hasB := rd[colBudget]
	if !hasB && noBudget {
		B, hasB = rd[colInitial]
	}
	E, hasE := rd[colExecuted]
	R, hasR := rd[colRate]
	W, hasW := rd[colWeight]
	S, hasS := rd[colScore]
	if hasR && R.percent && hasB && hasE && B.value.IsPositive() &&
		E.value.Div(B.value).Mul(hundred).Sub(R.value).Abs().LessThanOrEqual(halfUnit(R.decimals)) {
		return true
	}
	if hasR && R.percent && hasW && hasS {
		exp := W.value.Mul(decimal.Min(R.value, hundred)).Div(hundred)
		if S.value.Equal(exp.Round(int32(S.decimals))) || S.value.Equal(exp.Round(0)) {
			return true
		}
	}
	// 年初预算数 and 全年预算数 written alike (43.243.2…), the rate, if any, a percentage
	I, hasI := rd[colInitial]
	return hasI && hasB && I.text == B.text && (!hasR || R.percent)
}

// same reports whether two readings put the same figures in the same columns.
func (rd fundReading) same(o fundReading) bool {
	if len(rd) != len(o) {
		return false
	}
	for col, f := range rd {
		g, ok := o[col]
		if !ok || g.text != f.text || g.start != f.start {
			return false
		}
	}
	return true
}

// placeFigures calls fn with every order-preserving placement of seq into
// cols in which percentages sit in the rate column and only there, and the
// number of columns skipped before the last one placed.
func placeFigures(seq []figure, cols []column, fn func(fundReading, int)) {
	pos := make([]int, len(seq))
	var walk func(i, from int)
	walk = func(i, from int) {
		if i == len(seq) {
			rd := make(fundReading, len(seq))
			gaps := 0
			for k, p := range pos {
				rd[cols[p]] = seq[k]
			}
			if len(pos) > 0 {
				gaps = pos[len(pos)-1] + 1 - len(pos)
			}
			fn(rd, gaps)
			return
		}
		for p := from; p <= len(cols)-(len(seq)-i); p++ {
			if seq[i].percent != (cols[p] == colRate) && seq[i].percent {
				continue
			}
			pos[i] = p
			walk(i+1, p+1)
		}
	}
	walk(0, 0)
}
