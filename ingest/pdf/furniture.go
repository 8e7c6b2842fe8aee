package pdf

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Page furniture: running headers and footers (the same line at the same
// place on most pages) and page numbers are dropped, so that the text of a
// report reads on across page breaks.

const (
	furnitureLines = 2   // lines looked at from the top and from the bottom
	furnitureShare = 0.5 // share of pages a running line must be on
	furnitureYTol  = 3.0 // points
)

var (
	decoratedPageNumber = regexp.MustCompile(`^(?:[-–—－~·•]\s*\d{1,4}\s*[-–—－~·•]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of|/)\s*\d{1,4})?|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页)$`)
	barePageNumber      = regexp.MustCompile(`^\d{1,4}$`)
	digitRun            = regexp.MustCompile(`\d+`)
)

// dropFurniture removes running headers, footers and page numbers from the
// lines of each page, in place; it returns how many lines it dropped.
func dropFurniture(pages [][]line) int {
	n := dropRunning(pages)
	return n + dropPageNumbers(pages)
}

// edgeLines lists the indexes of the first and last few lines of a page.
func edgeLines(n int) []int {
	var out []int
	for i := 0; i < n && i < furnitureLines; i++ {
		out = append(out, i)
	}
	for i := max(n-furnitureLines, furnitureLines); i < n; i++ {
		out = append(out, i)
	}
	return out
}

// dropRunning drops lines near the top or bottom that repeat at the same
// place on at least half of the pages with text (three or more): the same
// text, or — for the first and last line — the same text but for a number
// that counts with the pages ("报告 第 3 页"). The first occurrence of a
// repeated text stays: a title repeated on every page (one form per page)
// still names the document once.
func dropRunning(pages [][]line) int {
	withText := 0
	for _, ls := range pages {
		if len(ls) > 0 {
			withText++
		}
	}
	if withText < 3 {
		return 0
	}
	type slot struct {
		page, line  int
		exact, norm string
		nums        []string
		y           float64
		edge        bool // first or last line
	}
	var slots []slot
	byNorm := map[string][]int{}
	for pi, ls := range pages {
		for _, li := range edgeLines(len(ls)) {
			exact := strings.Join(strings.Fields(ls[li].text), "")
			s := slot{page: pi, line: li, exact: exact, y: ls[li].y, edge: li == 0 || li == len(ls)-1,
				norm: digitRun.ReplaceAllString(exact, "#"), nums: digitRun.FindAllString(exact, -1)}
			byNorm[s.norm] = append(byNorm[s.norm], len(slots))
			slots = append(slots, s)
		}
	}
	need := max(2, int(math.Ceil(furnitureShare*float64(withText))))
	drop := map[[2]int]bool{}
	for _, s := range slots {
		var same, sameNorm []slot
		for _, k := range byNorm[s.norm] {
			o := slots[k]
			if math.Abs(o.y-s.y) > furnitureYTol {
				continue
			}
			sameNorm = append(sameNorm, o)
			if o.exact == s.exact {
				same = append(same, o)
			}
		}
		switch {
		case distinctPages(len(same), func(i int) int { return same[i].page }) >= need:
			first := same[0].page
			for _, o := range same {
				first = min(first, o.page)
			}
			if s.page != first {
				drop[[2]int{s.page, s.line}] = true
			}
		case s.edge && distinctPages(len(sameNorm), func(i int) int { return sameNorm[i].page }) >= need:
			// Some number of the line must count with the pages.
			for k := range s.nums {
				counts := true
				for _, o := range sameNorm {
					if len(o.nums) != len(s.nums) {
						counts = false
						break
					}
					a, _ := strconv.Atoi(o.nums[k])
					b, _ := strconv.Atoi(s.nums[k])
					if a-o.page != b-s.page {
						counts = false
						break
					}
				}
				if counts {
					drop[[2]int{s.page, s.line}] = true
					break
				}
			}
		}
	}
	return removeLines(pages, drop)
}

func distinctPages(n int, page func(int) int) int {
	seen := map[int]bool{}
	for i := range n {
		seen[page(i)] = true
	}
	return len(seen)
}

// dropPageNumbers drops a first or last line that is a page number:
// decorated (- 2 -, 第 3 页, 3/10, Page 4) or a bare number that counts
// with the pages.
func dropPageNumbers(pages [][]line) int {
	drop := map[[2]int]bool{}
	type bare struct{ page, line, n int }
	var bares []bare
	for pi, ls := range pages {
		if len(ls) == 0 {
			continue
		}
		edges := []int{0}
		if len(ls) > 1 {
			edges = append(edges, len(ls)-1)
		}
		for _, li := range edges {
			t := strings.Join(strings.Fields(ls[li].text), " ")
			switch {
			case decoratedPageNumber.MatchString(t):
				drop[[2]int{pi, li}] = true
			case barePageNumber.MatchString(t):
				n, _ := strconv.Atoi(t)
				bares = append(bares, bare{pi, li, n})
			}
		}
	}
	offsets := map[int]int{}
	for _, b := range bares {
		offsets[b.n-b.page]++
	}
	for _, b := range bares {
		if offsets[b.n-b.page] >= 2 || len(pages) == 1 && b.n == 1 {
			drop[[2]int{b.page, b.line}] = true
		}
	}
	return removeLines(pages, drop)
}

func removeLines(pages [][]line, drop map[[2]int]bool) int {
	if len(drop) == 0 {
		return 0
	}
	n := 0
	for pi := range pages {
		kept := pages[pi][:0]
		for li, l := range pages[pi] {
			if drop[[2]int{pi, li}] {
				n++
				continue
			}
			kept = append(kept, l)
		}
		pages[pi] = kept
	}
	return n
}
