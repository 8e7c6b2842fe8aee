package web

import (
	"html"
	"strings"
)

// Piece is a run of a search fragment: plain text, or text the query matched.
type Piece struct {
	Text string
	Mark bool
}

const (
	markOpen  = "<mark>"
	markClose = "</mark>"
)

// fragmentPieces reads a fragment the index rendered with index.HTML marks
// (escaped text, matches between <mark> and </mark>) back into plain text
// pieces. Only the two tags are taken as markup: everything else is
// unescaped to the text it stands for, and the page escapes it again, so
// whatever the document holds stays text.
func fragmentPieces(f string) []Piece {
	var out []Piece
	add := func(s string, mark bool) {
		if s == "" {
			return
		}
		s = html.UnescapeString(s)
		if n := len(out); n > 0 && out[n-1].Mark == mark {
			out[n-1].Text += s
			return
		}
		out = append(out, Piece{Text: s, Mark: mark})
	}
	for f != "" {
		i := strings.Index(f, markOpen)
		if i < 0 {
			add(f, false)
			break
		}
		add(f[:i], false)
		f = f[i+len(markOpen):]
		j := strings.Index(f, markClose)
		if j < 0 { // unclosed: the rest is marked
			add(f, true)
			break
		}
		add(f[:j], true)
		f = f[j+len(markClose):]
	}
	return out
}

// piecesText is the plain text of the pieces.
func piecesText(ps []Piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
	}
	return b.String()
}
