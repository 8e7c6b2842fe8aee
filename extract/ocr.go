package extract

import (
	"reflect"

	"github.com/jixiao/jixiao/ingest"
)

// OCRMark says that a record's figures were read by OCR from a page image
// (a scanned page), not from a text layer: OCR is true and Confidence is the
// engine's confidence (0–100) in the figures of the record's span, the
// lowest of its words that hold a digit. Such a figure may be misread;
// validate asks to check the scan (请核对原件) when a finding rests on one.
type OCRMark struct {
	OCR        bool `json:"ocr,omitempty"`
	Confidence *int `json:"ocr_confidence,omitempty"`
}

// OCRMarked is the mark of a record that embeds OCRMark.
func (m OCRMark) OCRMarked() OCRMark { return m }

var (
	ocrSpanType = reflect.TypeOf(Span{})
	ocrMarkType = reflect.TypeOf(OCRMark{})
)

// markOCR sets the OCR mark of every record of r whose span lies on text
// read by OCR, and lists the pages read by OCR in r.OCRPages.
func markOCR(doc *ingest.Document, r *Report) {
	if !doc.HasOCR() {
		return
	}
	r.OCRPages = nil
	for _, p := range doc.Pages {
		if p.OCR {
			r.OCRPages = append(r.OCRPages, p.N)
		}
	}
	ocrWalk(doc, reflect.ValueOf(r).Elem())
}

func ocrWalk(doc *ingest.Document, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			ocrWalk(doc, v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			ocrWalk(doc, v.Index(i))
		}
	case reflect.Struct:
		sp, mark := v.FieldByName("Span"), v.FieldByName("OCRMark")
		if sp.IsValid() && mark.IsValid() && mark.Type() == ocrMarkType && mark.CanSet() {
			var s Span
			ok := false
			if sp.Type() == ocrSpanType {
				s, ok = sp.Interface().(Span), true
			} else if sp.Kind() == reflect.Pointer && !sp.IsNil() && sp.Elem().Type() == ocrSpanType {
				s, ok = sp.Elem().Interface().(Span), true
			}
			if ok && s[1] > s[0] {
				if conf, read := doc.OCRAt(s[0], s[1]); read {
					m := OCRMark{OCR: true}
					if conf > 0 {
						m.Confidence = &conf
					}
					mark.Set(reflect.ValueOf(m))
				}
			}
		}
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() && f.Type != ocrMarkType {
				ocrWalk(doc, v.Field(i))
			}
		}
	}
}
