package extract

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/jixiao/jixiao/ingest"
)

// allocated is the bytes f allocates (TotalAlloc, which counts garbage too,
// and does not depend on when the collector runs).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// memoryTexts are two generated texts of about size bytes: the reference
// report repeated, and one of many short lines (the worst case for a table
// per line).
func memoryTexts(t *testing.T, size int) map[string]string {
	one, err := os.ReadFile("../testdata/nantun-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"report": strings.Repeat(string(one), size/len(one)+1),
		"short":  strings.Repeat("项目12\n", size/9),
	}
}

// TestLineTablesAreCompact: a line costs 8 bytes in splitLines' table and
// 24 in splitTextLines' (plus the 8 of the spans it is built from), the
// tables are allocated once at their size (no grown copies left behind),
// and the table sizes follow the line count, not the text's size.
func TestLineTablesAreCompact(t *testing.T) {
	if s := unsafe.Sizeof(lineSpan{}); s != 8 {
		t.Errorf("lineSpan is %d bytes, want 8", s)
	}
	if s := unsafe.Sizeof(textLine{}); s != 24 {
		t.Errorf("textLine is %d bytes, want 24", s)
	}
	for name, text := range memoryTexts(t, 4<<20) {
		n := uint64(strings.Count(text, "\n") + 1)
		var spans []lineSpan
		if got, want := allocated(func() { spans = splitLines(text) }), 8*n+64<<10; got > want {
			t.Errorf("%s: splitLines of %d lines allocated %d bytes, want at most %d", name, n, got, want)
		}
		if uint64(len(spans)) != n {
			t.Errorf("%s: splitLines gave %d lines, want %d", name, len(spans), n)
		}
		var lines []textLine
		if got, want := allocated(func() { lines = splitTextLines(text) }), 32*n+64<<10; got > want {
			t.Errorf("%s: splitTextLines of %d lines allocated %d bytes, want at most %d", name, n, got, want)
		}
		for _, l := range lines {
			if l.text != text[l.start:l.end()] || strings.Contains(l.text, "\n") {
				t.Fatalf("%s: line %q at %d–%d is not the text there", name, l.text, l.start, l.end())
			}
		}
		if last := lines[len(lines)-1]; last.end() != len(text) {
			t.Errorf("%s: the last line %q ends at %d, want %d", name, last.text, last.end(), len(text))
		}
	}
}

// TestCellKeyOfKeyFormIsNotCopied: the scoring form's reader keys every
// line of a document; a line already in key form costs nothing.
func TestCellKeyOfKeyFormIsNotCopied(t *testing.T) {
	s := "南屯镇2023年省级驻村工作队经费24万元"
	if n := testing.AllocsPerRun(100, func() { _ = cellKey(s) }); n != 0 {
		t.Errorf("cellKey(%q) allocated %v times, want 0", s, n)
	}
	if got := cellKey(s); unsafe.StringData(got) != unsafe.StringData(s) {
		t.Errorf("cellKey(%q) is a copy", s)
	}
	for in, want := range map[string]string{"项目名称：": "项目名称", "产 出 指 标（50分）": "产出指标(50分)", "a\u200bb\ufeff": "ab", "x\xffy": "x\ufffdy", "名称::": "名称"} {
		if got := cellKey(in); got != want {
			t.Errorf("cellKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExtractAllocatesInProportion: extracting a generated 2 MB text
// allocates (garbage included) a bounded multiple of the text. At the time
// of writing: 35 × for the reference report repeated and 120 × for many
// short lines; before the line tables were made compact and the cell keys
// of a table's detection stopped being copies, 45 × and 186 ×, which these
// bounds reject. TotalAlloc does not depend on when the collector runs.
func TestExtractAllocatesInProportion(t *testing.T) {
	bound := map[string]uint64{"report": 40, "short": 140}
	for name, text := range memoryTexts(t, 2<<20) {
		doc, err := ingest.Read(context.Background(), name+".txt", []byte(text), ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var r *Report
		got := allocated(func() { r, err = Extract(doc) })
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes, %d items, allocated %d bytes (%.1f ×)", name, len(doc.Text), len(r.Items), got, float64(got)/float64(len(doc.Text)))
		if limit := bound[name] * uint64(len(doc.Text)); got > limit {
			t.Errorf("%s: Extract of %d bytes allocated %d bytes, want at most %d (%d × the text)", name, len(doc.Text), got, limit, bound[name])
		}
	}
}

// formInRows is hasScoringForm over rows held whole: a header row, or a
// header scoringStream gathers from one-cell rows.
func formInRows(rows []scoringRow) bool {
	for _, r := range rows {
		if _, ok := scoringHeader(r); ok {
			return true
		}
	}
	_, h := scoringStream(rows)
	return h >= 0
}

// TestHasScoringFormWithoutRows: looking for a scoring form row by row, as
// the rows are cut, finds what looking at all the rows held at once finds,
// on every text among the test files (the fuzz target checks the same).
func TestHasScoringFormWithoutRows(t *testing.T) {
	var files []string
	for _, root := range []string{"testdata", "../testdata"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt")) {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	forms := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		got, want := hasScoringForm(text), formInRows(scoringRows(text))
		if got != want {
			t.Errorf("%s: hasScoringForm = %v, the rows held whole say %v", f, got, want)
		}
		if want {
			forms++
		}
	}
	if len(files) < 20 || forms == 0 {
		t.Errorf("%d test files, %d with a scoring form: the test looked at too little", len(files), forms)
	}
	t.Logf("%d files, %d with a scoring form", len(files), forms)
}
