package extract

import "strings"

// lineSpan is a line's byte range in a text, without its newline (or \r\n).
type lineSpan struct{ start, end int }

// splitLines cuts text into line spans, blank lines included: they mark
// paragraph ends, and in some table layouts empty cells.
func splitLines(text string) []lineSpan {
	var out []lineSpan
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
		out = append(out, lineSpan{i, e})
		if j < 0 {
			break
		}
		i = end + 1
	}
	return out
}

// textLine is one line of the Document's Text with its byte span.
type textLine struct {
	text       string
	start, end int
}

// splitTextLines is splitLines with each line's text.
func splitTextLines(text string) []textLine {
	spans := splitLines(text)
	out := make([]textLine, len(spans))
	for i, l := range spans {
		out[i] = textLine{text: text[l.start:l.end], start: l.start, end: l.end}
	}
	return out
}
