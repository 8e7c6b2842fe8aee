package synth

import (
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// textStyle is how a plain-text or Markdown file lays out its blocks.
type textStyle struct {
	markdown bool
	sep      string // between blocks
	indent   string // before indented paragraphs
}

// renderText writes a document as Markdown (headings, bold, bullets, like the
// reference report) or as plain text.
func renderText(doc *document, st textStyle) string {
	var b strings.Builder
	for i, bl := range doc.blocks {
		if i > 0 {
			b.WriteString(st.sep)
		}
		switch bl.kind {
		case kindTable:
			for j, row := range bl.rows {
				if j > 0 {
					b.WriteByte('\n')
				}
				b.WriteString("| ")
				b.WriteString(strings.Join(row, " | "))
				b.WriteString(" |")
			}
			continue
		case kindTitle, kindHeading:
			text := bl.text
			if st.markdown {
				if bl.mdBold {
					text = "**" + text + "**"
				}
				if bl.level > 0 {
					text = strings.Repeat("#", bl.level) + " " + text
				}
			}
			b.WriteString(text)
			continue
		}
		if st.markdown && bl.bullet {
			b.WriteString("- ")
		} else if !st.markdown && bl.indent {
			b.WriteString(st.indent)
		}
		if bl.brk > 0 {
			gap := bl.gap
			if st.sep == "\n" {
				gap = "\n"
			}
			b.WriteString(bl.text[:bl.brk])
			b.WriteString(gap)
			b.WriteString(bl.text[bl.brk:])
		} else {
			b.WriteString(bl.text)
		}
	}
	b.WriteByte('\n')
	return b.String()
}

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// encodeGB18030 writes text in GB18030, as county sites publish GBK text.
func encodeGB18030(s string) ([]byte, error) {
	out, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	return []byte(out), err
}

// encodeUTF16LE writes text in UTF-16LE with a byte-order mark.
func encodeUTF16LE(s string) ([]byte, error) {
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	return []byte(out), err
}
