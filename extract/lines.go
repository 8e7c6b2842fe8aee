package extract

import "strings"

// textLine is one line of the Document's Text with its byte span.
type textLine struct {
	text       string
	start, end int
}

// splitTextLines cuts text into lines, keeping blank lines (they mark
// paragraph ends) and byte offsets.
func splitTextLines(text string) []textLine {
	var out []textLine
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		out = append(out, textLine{text: text[start:end], start: start, end: end})
		start = end + 1
	}
	return out
}
