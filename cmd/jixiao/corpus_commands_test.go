package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// withCorpus is the global options of a fresh corpus directory for one test.
func withCorpus(t *testing.T) globalOptions {
	t.Helper()
	return globalOptions{Corpus: filepath.Join(t.TempDir(), "corpus")}
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return -1
}

// sourceTree copies the reference reports into a folder with a broken file.
func sourceTree(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	for _, name := range []string{"nantun-2023.md", "qiaotou-2022.gb18030.txt"} {
		data, err := os.ReadFile(filepath.Join("../../testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(src, "sub"), 0o755)
		if err := os.WriteFile(filepath.Join(src, "sub", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(src, "broken.docx"), []byte("PK\x03\x04 not a zip"), 0o644)
	return src
}

func TestIngestListShowReviewExport(t *testing.T) {
	ctx := context.Background()
	g := withCorpus(t)
	src := sourceTree(t)

	var out, errOut bytes.Buffer
	err := runIngest(ctx, ingestOptions{Workers: 2, JSON: true}, g, []string{src}, &out, &errOut)
	if exitCode(err) != 2 {
		t.Fatalf("ingest with a broken file: %v, want exit 2 (%s)", err, errOut.String())
	}
	var sum struct {
		Files, Stored, Failed int
		Failures              []struct{ Path, Reason string }
		ByReason              []struct {
			Reason string
			Count  int
		} `json:"by_reason"`
	}
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		t.Fatalf("%s: %v", out.String(), err)
	}
	if sum.Files != 3 || sum.Stored != 2 || sum.Failed != 1 || sum.Failures[0].Reason != "DOCX 无法读取" ||
		!strings.HasSuffix(sum.Failures[0].Path, "broken.docx") || sum.ByReason[0].Count != 1 {
		t.Errorf("summary %+v", sum)
	}
	// human summary of a second run: everything in, the broken file again
	out.Reset()
	err = runIngest(ctx, ingestOptions{Workers: 1}, g, []string{src}, &out, &errOut)
	if exitCode(err) != 2 || !strings.Contains(out.String(), "已在库中 2，失败 1") || !strings.Contains(out.String(), "broken.docx") {
		t.Errorf("second run: %v\n%s", err, out.String())
	}
	// --quiet: no summary, one line per failed file on stderr
	quiet := g
	quiet.Quiet = true
	out.Reset()
	errOut.Reset()
	err = runIngest(ctx, ingestOptions{Workers: 1}, quiet, []string{src}, &out, &errOut)
	if exitCode(err) != 2 || out.Len() != 0 || strings.Count(errOut.String(), "\n") != 1 ||
		!strings.Contains(errOut.String(), "broken.docx: DOCX 无法读取") {
		t.Errorf("quiet run: %v\nstdout %q\nstderr %q", err, out.String(), errOut.String())
	}
	os.Remove(filepath.Join(src, "broken.docx"))
	out.Reset()
	if err := runIngest(ctx, ingestOptions{Workers: 1}, quiet, []string{src}, &out, &errOut); err != nil || out.Len() != 0 {
		t.Errorf("all in, quietly: %v, want exit 0 and nothing printed: %q", err, out.String())
	}

	out.Reset()
	if err := runList(ctx, listOptions{JSON: true, Year: 2023}, g, &out); err != nil {
		t.Fatal(err)
	}
	var list []struct {
		ID          string
		Unit        string
		Items       int
		StatedTotal *string `json:"stated_total_wan"`
		ItemsBudget string  `json:"items_budget_wan"`
		Errors      int
	}
	if err := json.Unmarshal(out.Bytes(), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Unit != "南屯镇" || *list[0].StatedTotal != "937.131003" || list[0].Items == 0 || list[0].Errors == 0 {
		t.Fatalf("list --year 2023: %s", out.String())
	}
	id := list[0].ID
	out.Reset()
	if err := runList(ctx, listOptions{}, g, &out); err != nil || !strings.Contains(out.String(), "桥头乡") || !strings.Contains(out.String(), "共 2 份报告") {
		t.Errorf("list: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := runList(ctx, listOptions{}, quiet, &out); err != nil || !strings.Contains(out.String(), "桥头乡") || strings.Contains(out.String(), "共 2 份报告") {
		t.Errorf("list --quiet: %v\n%s", err, out.String())
	}

	// review the first finding by its rule and items, then see it in show
	out.Reset()
	if err := runShow(ctx, g, true, id[:6], &out); err != nil {
		t.Fatal(err)
	}
	var shown struct {
		ID       string
		Findings []struct {
			Rule   string
			Items  []int
			Key    string
			Review *struct{ Decision, Note string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &shown); err != nil || shown.ID != id || len(shown.Findings) == 0 {
		t.Fatalf("show --json: %v\n%.300s", err, out.String())
	}
	f := shown.Findings[0]
	var seqs []string
	for _, n := range f.Items {
		seqs = append(seqs, strconv.Itoa(n))
	}
	items := strings.Join(seqs, ",")
	out.Reset()
	if err := runReview(ctx, reviewOptions{Dismiss: true, Items: items, Note: "已核实"}, g, id, f.Rule, &out); err != nil {
		t.Fatalf("review %s %s --items %s: %v", id, f.Rule, items, err)
	}
	out.Reset()
	runShow(ctx, g, true, filepath.Join(src, "sub", "nantun-2023.md"), &out)
	json.Unmarshal(out.Bytes(), &shown)
	if r := shown.Findings[0].Review; r == nil || r.Decision != "dismissed" || r.Note != "已核实" {
		t.Errorf("review not shown: %+v", shown.Findings[0])
	}
	out.Reset()
	if err := runShow(ctx, g, false, id, &out); err != nil || !strings.Contains(out.String(), "已排除：已核实") || !strings.Contains(out.String(), "937.131003") {
		t.Errorf("show: %v\n%s", err, out.String())
	}

	// export: the decision travels with the finding
	csvPath := filepath.Join(t.TempDir(), "out.csv")
	if err := runExport(ctx, exportOptions{Format: "csv", Output: csvPath}, g, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	items2, _ := os.ReadFile(csvPath)
	findings, _ := os.ReadFile(strings.TrimSuffix(csvPath, ".csv") + "-findings.csv")
	if !strings.HasPrefix(string(items2), "\ufeff单位,") || !strings.Contains(string(items2), ",116.17825,") ||
		!strings.Contains(string(findings), "已排除,已核实") {
		t.Errorf("export: items %d bytes, findings:\n%.400s", len(items2), findings)
	}
	// -o - writes to standard output, xlsx too
	out.Reset()
	if err := runExport(ctx, exportOptions{Format: "xlsx", Output: "-"}, g, &out, &errOut); err != nil || !strings.HasPrefix(out.String(), "PK\x03\x04") {
		t.Errorf("export -o -: %v, %d bytes", err, out.Len())
	}
	// re-extraction keeps the decision
	out.Reset()
	if err := runReextract(ctx, reextractOptions{All: true, Workers: 2, JSON: true}, g, &out, &errOut); err != nil || !strings.Contains(out.String(), `"reextracted": 2`) {
		t.Errorf("reextract: %v %s", err, out.String())
	}
	out.Reset()
	runShow(ctx, g, true, id, &out)
	json.Unmarshal(out.Bytes(), &shown)
	if r := shown.Findings[0].Review; r == nil || r.Decision != "dismissed" {
		t.Errorf("decision lost in reextract: %+v", shown.Findings[0])
	}
}

func TestCorpusCommandUsageErrors(t *testing.T) {
	ctx := context.Background()
	g := withCorpus(t)
	var out, errOut bytes.Buffer
	for name, err := range map[string]error{
		"ingest --workers 0":   runIngest(ctx, ingestOptions{Workers: 0}, g, []string{"."}, &out, &errOut),
		"review without":       runReview(ctx, reviewOptions{}, g, "abcd", "total-mismatch", &out),
		"review both":          runReview(ctx, reviewOptions{Confirm: true, Dismiss: true}, g, "abcd", "total-mismatch", &out),
		"review bad items":     runReview(ctx, reviewOptions{Confirm: true, Items: "x"}, g, "abcd", "total-mismatch", &out),
		"export no format":     runExport(ctx, exportOptions{}, g, &out, &errOut),
		"export bad format":    runExport(ctx, exportOptions{Format: "pdf"}, g, &out, &errOut),
		"reextract workers -1": runReextract(ctx, reextractOptions{Workers: -1}, g, &out, &errOut),
	} {
		if exitCode(err) != 2 {
			t.Errorf("%s: %v, want exit 2", name, err)
		}
	}
	// an unknown report is bad input too
	if err := runIngest(ctx, ingestOptions{Workers: 1}, g, []string{t.TempDir()}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if err := runShow(ctx, g, false, "ffffff", &out); exitCode(err) != 2 {
		t.Errorf("show unknown: %v, want exit 2", err)
	}
}
