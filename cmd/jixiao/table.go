package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"
	"golang.org/x/text/width"

	"github.com/jixiao/jixiao/validate"
)

// printTable writes a header and rows aligned in columns for a terminal,
// counting East Asian wide characters as two cells (text/tabwriter counts
// them as one and misaligns Chinese). Cells longer than maxCell are cut. On
// a terminal the table is fitted to its width (see fitWidths) and severity
// labels are coloured (see colourOf).
func printTable(w io.Writer, header []string, rows [][]string) {
	printTableMax(w, header, rows, 48, styleOf(w))
}

// printTableWide is printTable with room for long messages in the last
// column, which wraps instead of being cut when the terminal is narrow.
func printTableWide(w io.Writer, header []string, rows [][]string) {
	printTableMax(w, header, rows, 160, styleOf(w))
}

// tableStyle is how a table is written to one writer: the width it must fit
// (0: any) and whether severities are coloured.
type tableStyle struct {
	width  int
	colour bool
}

// styleOf is the style of w: fitted and coloured on a terminal (COLUMNS,
// when set, gives the width; NO_COLOR or TERM=dumb turn colour off), plain
// text into a pipe or a file.
func styleOf(w io.Writer) tableStyle {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return tableStyle{}
	}
	st := tableStyle{colour: os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		st.width = n
	} else if n, _, err := term.GetSize(int(f.Fd())); err == nil && n > 0 {
		st.width = n
	}
	return st
}

func printTableMax(w io.Writer, header []string, rows [][]string, maxCell int, st tableStyle) {
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
	wrapLast := maxCell > 48
	fitted := fitWidths(widths, textColumns(cells), st.width)
	var b strings.Builder
	pad := func(j int, c string) {
		b.WriteString(colourOf(c, st.colour))
		if j < len(fitted)-1 {
			b.WriteString(strings.Repeat(" ", fitted[j]-displayWidth(c)+2))
		}
	}
	for i, row := range cells {
		b.Reset()
		var rest []string // the last cell's wrapped lines after the first
		for j, c := range row {
			switch {
			case displayWidth(c) <= fitted[j]:
			case j == len(row)-1 && wrapLast && i > 0:
				lines := wrapCells(c, fitted[j])
				c, rest = lines[0], lines[1:]
			default:
				c = truncate(c, fitted[j])
			}
			pad(j, c)
		}
		io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n")
		indent := 0
		for _, n := range fitted[:len(fitted)-1] {
			indent += n + 2
		}
		for _, l := range rest {
			io.WriteString(w, strings.Repeat(" ", indent)+l+"\n")
		}
		if i == 0 {
			b.Reset()
			for j := range row {
				b.WriteString(strings.Repeat("-", fitted[j]))
				if j < len(row)-1 {
					b.WriteString("  ")
				}
			}
			io.WriteString(w, b.String()+"\n")
		}
	}
}

// minTextWidth is the narrowest a name or message column is made to fit a
// terminal: about four Chinese characters and the cut mark.
const minTextWidth = 9

// fitWidths narrows the text columns (names, messages: those with Chinese
// or spaces) until the table fits width, the widest first; figures, ids,
// rule ids and dates keep their width, so a figure is never cut. A width of
// 0, or a table that cannot fit, leaves what it can.
func fitWidths(widths []int, text []bool, width int) []int {
	out := slices.Clone(widths)
	if width <= 0 {
		return out
	}
	total := 2 * (len(out) - 1)
	for _, n := range out {
		total += n
	}
	for total > width {
		k := -1
		for j, n := range out {
			if text[j] && n > minTextWidth && (k < 0 || n > out[k]) {
				k = j
			}
		}
		if k < 0 {
			break
		}
		out[k]--
		total--
	}
	return out
}

// textColumns marks the columns whose body cells hold Chinese or spaces:
// the ones fitWidths may narrow.
func textColumns(cells [][]string) []bool {
	text := make([]bool, len(cells[0]))
	for _, row := range cells[1:] {
		for j, c := range row {
			if !text[j] && strings.ContainsFunc(c, func(r rune) bool {
				return r == ' ' || unicode.Is(unicode.Han, r)
			}) {
				text[j] = true
			}
		}
	}
	return text
}

// wrapCells cuts s into lines of at most n terminal cells, between Chinese
// characters or at spaces; a figure or a word of Latin letters is never split
// unless it is longer than a line.
func wrapCells(s string, n int) []string {
	var lines []string
	var line strings.Builder
	w := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		w = 0
	}
	for _, tok := range wrapTokens(s) {
		tw := displayWidth(tok)
		if w+tw > n && w > 0 {
			flush()
			if tok == " " {
				continue
			}
		}
		for tw > n { // longer than a line: cut where it must be
			cut := truncateCells(tok, n)
			lines = append(lines, cut)
			tok = tok[len(cut):]
			tw = displayWidth(tok)
		}
		line.WriteString(tok)
		w += tw
	}
	if line.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// wrapTokens splits s into what wrapCells keeps whole: a wide character, a
// space, or a run of anything else (a figure, a rule id, a Latin word).
func wrapTokens(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		wide := displayWidth(string(r)) == 2
		if r == ' ' || wide {
			if start >= 0 {
				toks = append(toks, s[start:i])
				start = -1
			}
			toks = append(toks, string(r))
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// truncateCells is the longest prefix of s that takes at most n cells.
func truncateCells(s string, n int) string {
	w := 0
	for i, r := range s {
		if w+displayWidth(string(r)) > n {
			return s[:i]
		}
		w += displayWidth(string(r))
	}
	return s
}

// severityColours are the terminal colours of the severity labels: errors
// bold red, warnings yellow, notes cyan.
var severityColours = map[string]string{
	validate.Error.Label():   "\x1b[1;31m",
	validate.Warning.Label(): "\x1b[33m",
	validate.Info.Label():    "\x1b[36m",
}

// colourOf is cell c coloured when it is a severity label and colour is on.
func colourOf(c string, on bool) string {
	if code, ok := severityColours[c]; ok && on {
		return code + c + "\x1b[0m"
	}
	return c
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
