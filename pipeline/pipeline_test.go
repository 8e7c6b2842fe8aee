package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/jixiao/jixiao/ingest"
)

// TestFiles: two reports and a broken file, yielded in order: the reference
// report's 32 items and its total-mismatch, the GB18030 report read as such,
// and the broken file's reason.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"nantun-2023.md", "qiaotou-2022.gb18030.txt"} {
		data, err := os.ReadFile(filepath.Join("../testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
		os.WriteFile(filepath.Join(dir, "sub", name), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "broken.docx"), []byte("PK\x03\x04 not a zip"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.md"), []byte("# 隐藏"), 0o644)

	files, errs := Expand([]string{dir, filepath.Join(dir, "nosuch.pdf")}, nil)
	want := []string{filepath.Join(dir, "broken.docx"), filepath.Join(dir, "sub", "nantun-2023.md"), filepath.Join(dir, "sub", "qiaotou-2022.gb18030.txt")}
	if !slices.Equal(files, want) {
		t.Fatalf("Expand = %v, want %v", files, want)
	}
	var ie *ingest.Error
	if len(errs) != 1 || !errors.As(errs[0], &ie) || ie.Reason != ingest.ReasonOpen || ie.Path != filepath.Join(dir, "nosuch.pdf") {
		t.Fatalf("Expand errors %v", errs)
	}

	var got []Result
	for i, r := range Files(context.Background(), files, Options{Workers: 2}) {
		if r.Path != files[i] {
			t.Errorf("result %d is %s, want %s", i, r.Path, files[i])
		}
		got = append(got, r)
	}
	if got[0].Err == nil || got[0].Reason != "DOCX 无法读取" {
		t.Errorf("broken.docx: %v (%q)", got[0].Err, got[0].Reason)
	}
	n := got[1]
	if n.Err != nil || len(n.Report.Items) != 32 || n.Report.Unit != "南屯镇" || n.Report.Year != 2023 {
		t.Fatalf("nantun: %v", n.Err)
	}
	if it := n.Report.Items[26]; it.Seq != 27 || it.BudgetWan == nil || it.BudgetWan.String() != "116.17825" {
		t.Errorf("item 27: %d %v", it.Seq, it.BudgetWan)
	}
	rules := map[string]bool{}
	for _, f := range n.Findings {
		rules[f.Rule] = true
	}
	if !rules["total-mismatch"] || !rules["underspent"] {
		t.Errorf("nantun findings %v", rules)
	}
	if q := got[2]; q.Err != nil || q.Doc == nil || !slices.Contains(q.Doc.Warnings, "编码: GB18030") {
		t.Errorf("qiaotou: %v %v", q.Err, q.Doc)
	}
}

// TestFilesStops: breaking out of the loop ends the run.
func TestFilesStops(t *testing.T) {
	files := []string{"../testdata/nantun-2023.md", "../testdata/nantun-2023.md", "../testdata/nantun-2023.md"}
	n := 0
	for range Files(context.Background(), files, Options{Workers: 1}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d results after break", n)
	}
}
