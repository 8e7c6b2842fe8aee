package ingest

import "github.com/jixiao/jixiao/ingest/ocr"

// OCRAt tells whether Text[start:end] was read by OCR, and the engine's
// confidence in it (0–100: the lowest of its words that hold a digit, else
// of all its words). ok is false for text read from a text layer.
func (d *Document) OCRAt(start, end int) (conf int, ok bool) {
	if end <= start || start < 0 || end > len(d.Text) {
		return 0, false
	}
	i := d.PageIndex(start)
	if i >= len(d.Pages) || !d.Pages[i].OCR {
		return 0, false
	}
	// offsets of the page in Original(): pages joined with form feeds
	base := 0
	for _, p := range d.Pages[:i] {
		base += len(p.Text) + 1
	}
	p := d.Pages[i]
	os, oe := d.OriginalOffset(start)-base, d.OriginalOffset(max(start, end-1))-base+1
	os, oe = max(0, os), min(len(p.Text), oe)
	if oe <= os {
		return 0, true
	}
	if c, found := ocr.SpanConfidence(p.Text, p.Words, os, oe); found {
		return c, true
	}
	return 0, true
}

// HasOCR tells whether any page of the document was read by OCR.
func (d *Document) HasOCR() bool {
	for _, p := range d.Pages {
		if p.OCR {
			return true
		}
	}
	return false
}
