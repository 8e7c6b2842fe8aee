package corpus

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/ingest/ocr"
	"github.com/jixiao/jixiao/ingest/sheet"
)

// TestWritePagesJSON: the pages streamed chunk by chunk are byte for byte
// what encoding/json writes for them, whatever falls on a chunk boundary (a
// character of three bytes, an invalid byte, characters JSON escapes), so
// stored pages read back as before.
func TestWritePagesJSON(t *testing.T) {
	// 南 is three bytes: a run of them puts a character across every
	// 64 KiB boundary but one in three.
	across := strings.Repeat("南", pageTextChunk/3+7) + "\"\\\n\t<>&\u2028\x01" + strings.Repeat("a", pageTextChunk-1) + "\xe4\xb8" + "\xff" + strings.Repeat("屯", 100)
	for name, pages := range map[string][]ingest.Page{
		"none":          nil,
		"empty":         {{N: 1}},
		"one":           {{N: 1, Text: "南屯镇 2023 年度绩效自评报告\n"}},
		"across chunks": {{N: 1, Text: across}, {N: 2, Text: across[1:]}, {N: 3, Text: across[2:] + "\xe5"}},
		"sheet and OCR": {
			{N: 1, Text: "项目\t预算", Sheet: "Sheet1\"", Cells: []sheet.Cell{{Ref: "A1", Start: 0, End: 6}}},
			{N: 2, Text: "甲 1 万元", OCR: true, Words: []ocr.Word{{Start: 0, End: 3, Conf: 91}}},
		},
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(nonNil(pages)); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := writePagesJSON(&got, pages); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			g, w := got.String(), want.String()
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Errorf("%s: differs at byte %d of %d/%d: got %q, want %q", name, i, len(g), len(w),
				g[max(0, i-20):min(len(g), i+20)], w[max(0, i-20):min(len(w), i+20)])
		}
	}
}
