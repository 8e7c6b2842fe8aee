package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// OCRMarks say which rows of a stored report rest on text read by OCR (a
// scanned page, an image file), for the tables that list them without the
// report (exports, the list of findings): the pages read by OCR, each item's
// mark by its position, and the mark of each finding that rests on OCR'd
// text, by finding key. The marks are the report's own (extract.OCRMark)
// and validate.FindingsOCR's.
type OCRMarks struct {
	Pages    []int
	Items    []extract.OCRMark
	Findings map[string]extract.OCRMark
}

// Item is the mark of the item at position ord (none when out of range).
func (m OCRMarks) Item(ord int) extract.OCRMark {
	if ord < 0 || ord >= len(m.Items) {
		return extract.OCRMark{}
	}
	return m.Items[ord]
}

// MarksOf gives the OCR marks of r; ok is false when no page of r was read
// by OCR.
func MarksOf(r *StoredReport) (OCRMarks, bool) {
	return marksOf(r.Report, r.Findings, r.Keys)
}

func marksOf(rep *extract.Report, fs []validate.Finding, keys []string) (OCRMarks, bool) {
	if len(rep.OCRPages) == 0 {
		return OCRMarks{}, false
	}
	m := OCRMarks{Pages: rep.OCRPages, Items: make([]extract.OCRMark, len(rep.Items)), Findings: map[string]extract.OCRMark{}}
	for i, it := range rep.Items {
		m.Items[i] = it.OCRMark
	}
	for i, fm := range validate.FindingsOCR(rep, fs) {
		if fm.OCR && i < len(keys) {
			m.Findings[keys[i]] = fm
		}
	}
	return m, true
}

// ocrBatch bounds the ids of one query of OCRMarks.
const ocrBatch = 500

// OCRMarks gives the marks of those of the reports ids that have pages read
// by OCR, by report id; the others are absent.
func (s *Store) OCRMarks(ctx context.Context, ids []string) (map[string]OCRMarks, error) {
	out := map[string]OCRMarks{}
	for len(ids) > 0 {
		n := min(len(ids), ocrBatch)
		batch := ids[:n]
		ids = ids[n:]
		args := make([]any, len(batch))
		for i, id := range batch {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT report_id, report FROM report_data WHERE report_id IN (?`+
			strings.Repeat(", ?", len(batch)-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		reps := map[string]*extract.Report{}
		for rows.Next() {
			var id string
			var blob []byte
			if err := rows.Scan(&id, &blob); err != nil {
				rows.Close()
				return nil, err
			}
			data, err := inflate(blob)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("报告 %s 的数据: %w", id, err)
			}
			// Most reports have no page read by OCR, and their JSON no
			// "ocr_pages" key (omitempty; a string holding the words has its
			// quotes escaped): only the others are decoded.
			if !bytes.Contains(data, []byte(`"ocr_pages":`)) {
				continue
			}
			rep := &extract.Report{}
			if err := json.Unmarshal(data, rep); err != nil {
				rows.Close()
				return nil, fmt.Errorf("报告 %s 的数据损坏: %w", id, err)
			}
			if len(rep.OCRPages) == 0 {
				continue
			}
			reps[id] = rep
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for id, rep := range reps {
			fs, keys, err := loadFindings(ctx, s.db, id)
			if err != nil {
				return nil, err
			}
			out[id], _ = marksOf(rep, fs, keys)
		}
	}
	return out, nil
}
