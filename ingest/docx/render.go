package docx

import (
	"strings"
	"unicode"
)

// output renders blocks as text: each paragraph one line (more when it has
// line breaks), each table row one "| cell | cell |" line, a blank line
// between blocks.
type output struct {
	b strings.Builder
}

func (o *output) len() int { return o.b.Len() }

func (o *output) String() string { return o.b.String() }

// lines writes one block of lines, dropping empty ones.
func (o *output) lines(ls []string) {
	first := true
	for _, l := range ls {
		if l == "" {
			continue
		}
		if first {
			if o.b.Len() > 0 {
				o.b.WriteString("\n")
			}
			first = false
		}
		o.b.WriteString(l)
		o.b.WriteString("\n")
	}
}

func (o *output) block(b block) {
	switch b := b.(type) {
	case *paragraph:
		var ls []string
		for l := range strings.SplitSeq(b.text, "\n") {
			ls = append(ls, cleanLine(l))
		}
		o.lines(ls)
		for _, f := range b.floats {
			o.block(f)
		}
	case *table:
		if !b.data {
			// No row with more than one cell: page layout, not data. The
			// cells' contents are read as ordinary blocks.
			for _, chunk := range b.layout {
				if chunk == "" {
					continue
				}
				if o.b.Len() > 0 {
					o.b.WriteString("\n")
				}
				o.b.WriteString(chunk)
			}
			return
		}
		first := true
		for _, cells := range b.cells {
			l := rowLine(cells)
			if l == "" {
				continue
			}
			if first && o.b.Len() > 0 {
				o.b.WriteString("\n")
			}
			first = false
			o.b.WriteString(l)
			o.b.WriteString("\n")
			if o.b.Len() > MaxTextBytes {
				return // the caller reports the limit
			}
		}
	}
}

// filled counts the cells that are not merge continuations.
func (r row) filled() int {
	n := 0
	for _, c := range r.cells {
		if !c.merged {
			n++
		}
	}
	return n
}

// texts gives a row's cell texts: a cell spanning n grid columns is
// followed by n-1 empty cells, a merge continuation is empty.
func (r row) texts() []string {
	var cells []string
	for _, c := range r.cells {
		text := ""
		if !c.merged {
			text = cellText(c.blocks)
		}
		cells = append(cells, text)
		for i := 1; i < c.span; i++ {
			cells = append(cells, "")
		}
	}
	return cells
}

// rowLine renders a row as "| a | b |"; a row without any text gives "".
func rowLine(cells []string) string {
	any := false
	for _, c := range cells {
		if c != "" {
			any = true
		}
	}
	if !any {
		return ""
	}
	var b strings.Builder
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" ")
		b.WriteString(c)
		b.WriteString(" |")
	}
	return b.String()
}

// cellText flattens a cell's blocks into one line: paragraphs joined with a
// space, a nested table's cells and rows too.
func cellText(blocks []block) string {
	var parts []string
	var walk func(bs []block)
	walk = func(bs []block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *paragraph:
				if t := cleanLine(b.text); t != "" {
					parts = append(parts, t)
				}
				walk(b.floats)
			case *table:
				for _, cells := range b.cells {
					for _, c := range cells {
						if c != "" {
							parts = append(parts, c)
						}
					}
				}
			}
		}
	}
	walk(blocks)
	s := strings.Join(parts, " ")
	s = strings.ReplaceAll(s, "\t", " ")
	s = strings.ReplaceAll(s, "|", "¦") // a pipe would split the cell
	return s
}

// cleanLine trims a line and normalises its white space: no-break and other
// odd spaces become plain spaces; inside a table cell line breaks and tabs
// become spaces as well (cleanLine is applied per line outside tables, where
// "\n" has already been split on).
func cleanLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2007', '\u202f', '\n', '\r', '\v', '\f':
			return ' '
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			return -1
		}
		return r
	}, s)
	return strings.TrimFunc(s, unicode.IsSpace)
}
