package index

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract"
)

// TestReportTextIsBounded: a report whose own text runs to megabytes (a
// report pasted into itself, a hostile file) gives the index its first
// megabyte, cut at a line, so that indexing it costs what a real report
// does; a real report's text is indexed whole.
func TestReportTextIsBounded(t *testing.T) {
	claim := "经过全体工作人员努力，四十个专项工作全部按预算实施验收完毕。\n"
	r := &extract.Report{Title: "南屯镇2023年绩效自评报告"}
	for range 40000 { // about 3.6 MB
		r.Claims = append(r.Claims, extract.Claim{Text: claim})
	}
	_, docs := documents("r", r, nil, false)
	text := docs[len(docs)-1].Text
	if len(text) > maxReportText || len(text) < maxReportText*3/4 || !utf8.ValidString(text) || !strings.HasSuffix(text, "完毕。") {
		t.Errorf("report text of %d bytes (limit %d), ends %q", len(text), maxReportText, text[max(0, len(text)-20):])
	}
	small := &extract.Report{Claims: []extract.Claim{{Text: claim}}}
	_, docs = documents("s", small, nil, false)
	if got := docs[len(docs)-1].Text; got != strings.TrimSpace(claim) {
		t.Errorf("a real report's text: %q", got)
	}
	if got := capText("南屯镇", 4); got != "南" {
		t.Errorf("capText cut inside a character: %q", got)
	}
}
