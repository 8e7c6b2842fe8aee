package ingest

import "strings"

// normalize is a placeholder: pages joined by newlines.
func normalize(d *Document) {
	var b strings.Builder
	for _, p := range d.Pages {
		d.PageStarts = append(d.PageStarts, b.Len())
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	d.Text = b.String()
}
