package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// printTable writes a header and rows aligned in columns for a terminal,
// counting East Asian wide characters as two cells (text/tabwriter counts
// them as one and misaligns Chinese). Cells longer than maxCell are cut.
func printTable(w io.Writer, header []string, rows [][]string) {
	printTableMax(w, header, rows, 48)
}

// printTableWide is printTable with room for long messages in the last column.
func printTableWide(w io.Writer, header []string, rows [][]string) {
	printTableMax(w, header, rows, 160)
}

func printTableMax(w io.Writer, header []string, rows [][]string, maxCell int) {
	all := append([][]string{header}, rows...)
	widths := make([]int, len(header))
	cells := make([][]string, len(all))
	for i, row := range all {
		cells[i] = make([]string, len(header))
		for j := range header {
			if j < len(row) {
				cells[i][j] = truncate(terminalSafe(strings.ReplaceAll(row[j], "\n", " ")), maxCell)
			}
			widths[j] = max(widths[j], displayWidth(cells[i][j]))
		}
	}
	var b strings.Builder
	for i, row := range cells {
		b.Reset()
		for j, c := range row {
			b.WriteString(c)
			if j < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-displayWidth(c)+2))
			}
		}
		io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n")
		if i == 0 {
			b.Reset()
			for j := range row {
				b.WriteString(strings.Repeat("-", widths[j]))
				if j < len(row)-1 {
					b.WriteString("  ")
				}
			}
			io.WriteString(w, b.String()+"\n")
		}
	}
}

// displayWidth is the number of terminal cells s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// truncate cuts s to at most n cells, marking the cut with "…".
func truncate(s string, n int) string {
	if displayWidth(s) <= n {
		return s
	}
	w := 0
	for i, r := range s {
		rw := displayWidth(string(r))
		if w+rw > n-1 {
			return s[:i] + "…"
		}
		w += rw
	}
	return s
}

// terminalSafe escapes what a terminal would act on instead of showing: C0
// and C1 control characters (ESC starts colour, cursor and title sequences),
// DEL, and the bidirectional overrides that reorder what follows. A file
// name holding them is printed as \x1b, \u202e …, never executed. Line
// breaks and tabs are kept; callers that need one line replace them.
func terminalSafe(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == utf8.RuneError
}
