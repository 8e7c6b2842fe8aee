package ingest

// Assemble builds a Document from decoded pages: it normalises and reflows
// their text into Text, keeping every offset mappable to the original.
// It is also how stored pages are re-read after the extractor changes.
func Assemble(source, sha string, format Format, pages []Page, warnings []string) *Document {
	d := &Document{Source: source, SHA256: sha, Format: format, Pages: pages, Warnings: warnings}
	normalize(d)
	return d
}
