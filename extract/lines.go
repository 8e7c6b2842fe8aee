package extract

import "strings"

// lineSpan is a line's byte range in a text, without its newline (or \r\n).
// The offsets are int32: a text is capped well below 2 GiB on reading, and a
// table of one span per line is the extractor's largest per-line cost (eight
// bytes a line instead of sixteen).
type lineSpan struct{ start, end int32 }

// lineRange is a lineSpan widened to int, for the readers that do
// arithmetic on a line's offsets; it lives only while one line is read.
type lineRange struct{ start, end int }

// wide is the span as ints.
func (l lineSpan) wide() lineRange { return lineRange{int(l.start), int(l.end)} }

// splitLines cuts text into line spans, blank lines included: they mark
// paragraph ends, and in some table layouts empty cells. The table is sized
// once from the newline count, so no grown copies are left behind.
func splitLines(text string) []lineSpan {
	out := make([]lineSpan, 0, strings.Count(text, "\n")+1)
	for i := 0; i <= len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		e := end
		if e > i && text[e-1] == '\r' {
			e--
		}
		out = append(out, lineSpan{int32(i), int32(e)})
		if j < 0 {
			break
		}
		i = end + 1
	}
	return out
}

// textLine is one line of the Document's Text with its byte offset. The
// line's end is not stored: it is start+len(text), and leaving it out makes
// the table 24 bytes a line instead of 32.
type textLine struct {
	text  string
	start int
}

// end is the byte offset just past the line (before its newline).
func (l textLine) end() int { return l.start + len(l.text) }

// splitTextLines is splitLines with each line's text.
func splitTextLines(text string) []textLine {
	spans := splitLines(text)
	out := make([]textLine, len(spans))
	for i, l := range spans {
		out[i] = textLine{text: text[l.start:l.end], start: int(l.start)}
	}
	return out
}
