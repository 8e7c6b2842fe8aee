package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractJSONContract(t *testing.T) {
	var out, errOut bytes.Buffer
	err := runExtract(context.Background(), readOptions{JSON: true}, globalOptions{}, []string{"../../testdata/nantun-2023.md", "../../testdata/qiaotou-2022.gb18030.txt"}, &out, &errOut)
	if err != nil {
		t.Fatalf("runExtract: %v (%s)", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d JSON lines, want one per file", len(lines))
	}
	var r struct {
		Source struct{ Path, SHA256, Format string }
		Unit   string
		Year   int
		Genre  string
		Stated struct {
			TotalWan *string `json:"total_wan"`
			Count    *int
		}
		Items []struct {
			Seq          int
			Name         string
			BudgetWan    *string `json:"budget_wan"`
			ActualWan    *string `json:"actual_wan"`
			Disbursement string
			Subprojects  int
			Purpose      string
			Evaluation   map[string]string
			Page         int
			Span         [2]int
		}
	}
	if err := json.Unmarshal([]byte(lines[0]), &r); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	if r.Source.Format != "markdown" || len(r.Source.SHA256) != 64 || r.Unit != "南屯镇" || r.Year != 2023 || r.Genre != "narrative" {
		t.Errorf("header = %+v", r)
	}
	if *r.Stated.TotalWan != "937.131003" || *r.Stated.Count != 40 {
		t.Errorf("stated = %v %v", *r.Stated.TotalWan, *r.Stated.Count)
	}
	it := r.Items[6]
	if it.Seq != 7 || *it.BudgetWan != "103.064" || it.ActualWan != nil || it.Disbursement != "unknown" || len(it.Evaluation) != 5 {
		t.Errorf("item 7 = %+v", it)
	}
	// amounts are JSON strings, never numbers
	if !strings.Contains(lines[0], `"budget_wan":"116.17825"`) || !strings.Contains(lines[0], `"total_wan":"937.131003"`) {
		t.Error("amounts are not JSON strings")
	}
	if it := r.Items[16]; it.Disbursement != "none" || *it.ActualWan != "0" {
		t.Errorf("item 17 = %+v", it)
	}
}

func TestValidateExitCodes(t *testing.T) {
	var out, errOut bytes.Buffer
	err := runValidate(context.Background(), readOptions{JSON: true}, globalOptions{}, []string{"../../testdata/nantun-2023.md"}, &out, &errOut)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Fatalf("reference report: err = %v, want exit 1", err)
	}
	var v struct {
		Source   struct{ Path string }
		Findings []struct {
			Rule, Severity         string
			Expected, Actual, Diff *string
			Items                  []int
		}
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	f := v.Findings[0]
	if f.Rule != "total-mismatch" || f.Severity != "error" || *f.Expected != "937.131003" || *f.Actual != "905.534931" || *f.Diff != "-31.596072" {
		t.Errorf("first finding = %+v", f)
	}

	out.Reset()
	if err := runValidate(context.Background(), readOptions{}, globalOptions{}, []string{"../../testdata/qiaotou-2022.gb18030.txt"}, &out, &errOut); err != nil {
		t.Errorf("a report that adds up: err = %v, want exit 0", err)
	}
	if !strings.Contains(out.String(), "underspent") || !strings.Contains(out.String(), "0 个错误") {
		t.Errorf("human output:\n%s", out.String())
	}

	errOut.Reset()
	err = runValidate(context.Background(), readOptions{}, globalOptions{}, []string{"../../testdata/no-such.pdf", "../../testdata/qiaotou-2022.gb18030.txt"}, &out, &errOut)
	if !errors.As(err, &ee) || ee.code != 2 {
		t.Errorf("bad input: err = %v, want exit 2", err)
	}
	if !strings.Contains(errOut.String(), "no-such.pdf") {
		t.Errorf("stderr does not name the file: %q", errOut.String())
	}
}

// TestJSONFailureRecords: with --json an unreadable file is a record in the
// stream, in its place, with its reason code; the readable ones follow.
func TestJSONFailureRecords(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "a-broken.docx")
	if err := os.WriteFile(broken, []byte("PK\x03\x04 not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"../../testdata/no-such.pdf", broken, "../../testdata/qiaotou-2022.gb18030.txt"}
	for name, run := range map[string]func(io.Writer, io.Writer) error{
		"extract": func(o, e io.Writer) error {
			return runExtract(context.Background(), readOptions{JSON: true}, globalOptions{}, args, o, e)
		},
		"validate": func(o, e io.Writer) error {
			return runValidate(context.Background(), readOptions{JSON: true}, globalOptions{}, args, o, e)
		},
	} {
		var out, errOut bytes.Buffer
		if err := run(&out, &errOut); exitCode(err) != 2 {
			t.Errorf("%s: exit %v, want 2", name, err)
		}
		var recs []struct {
			Source struct{ Path string }
			Error  *struct{ Code, Reason, Message string }
		}
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var r struct {
				Source struct{ Path string }
				Error  *struct{ Code, Reason, Message string }
			}
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%s: %v in %q", name, err, line)
			}
			recs = append(recs, r)
		}
		if len(recs) != 3 {
			t.Fatalf("%s: %d records, want 3:\n%s", name, len(recs), out.String())
		}
		if e := recs[0].Error; e == nil || e.Code != "cannot-open" || !strings.HasSuffix(recs[0].Source.Path, "no-such.pdf") || !strings.Contains(e.Message, "no-such.pdf") {
			t.Errorf("%s: missing file record %+v %+v", name, recs[0].Source, e)
		}
		if e := recs[1].Error; e == nil || e.Code != "docx-unreadable" || recs[1].Source.Path != broken {
			t.Errorf("%s: broken DOCX record %+v %+v", name, recs[1].Source, e)
		}
		if recs[2].Error != nil || !strings.HasSuffix(recs[2].Source.Path, "qiaotou-2022.gb18030.txt") {
			t.Errorf("%s: the readable file's record %+v", name, recs[2])
		}
	}
}

func TestDemo(t *testing.T) {
	var out bytes.Buffer
	if err := runDemo(context.Background(), globalOptions{}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"南屯镇", "905.534931", "937.131003", "-31.596072", "total-mismatch", "116.17825",
		"【驻村工作队】", "共 3 条"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

// TestValidateNothingRead: a document from which no figure was read says so
// instead of 没有发现问题, names its kind, and does not change the exit code.
func TestValidateNothingRead(t *testing.T) {
	var out, errOut bytes.Buffer
	files := []string{"../../testdata/real/docs/yunnan-zhenkang-mengduixiang-2023-juesuan.txt", "../../testdata/qiaotou-2022.gb18030.txt"}
	if err := runValidate(context.Background(), readOptions{}, globalOptions{}, files, &out, &errOut); err != nil {
		t.Fatalf("err = %v, want exit 0 (nothing-extracted is a warning)", err)
	}
	human := out.String()
	first, second, _ := strings.Cut(human, "qiaotou")
	if !strings.Contains(first, "部门决算") || !strings.Contains(first, "未能读出项目或金额") || !strings.Contains(first, "nothing-extracted") ||
		strings.Contains(first, "没有发现问题") {
		t.Errorf("the 决算 read nothing, output:\n%s", first)
	}
	if strings.Contains(second, "未能读出项目或金额") {
		t.Errorf("a report whose items were read is said to be empty:\n%s", second)
	}

	out.Reset()
	if err := runValidate(context.Background(), readOptions{JSON: true}, globalOptions{}, files[:1], &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var v struct {
		DocType  string `json:"doc_type"`
		Findings []struct{ Rule, Severity string }
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.DocType != "final-accounts" || len(v.Findings) != 1 || v.Findings[0].Rule != "nothing-extracted" || v.Findings[0].Severity != "warning" {
		t.Errorf("json = %s", out.String())
	}
}

// TestExtractFolder: a folder is read recursively, like ingest, the files in
// lexical order; file names keep the form they were given in.
func TestExtractFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reports")
	for _, name := range []string{"qiaotou-2022.gb18030.txt", "sub/nantun-2023.md"} {
		data, err := os.ReadFile(filepath.Join("../../testdata", filepath.Base(name)))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	var out, errOut bytes.Buffer
	if err := runExtract(context.Background(), readOptions{JSON: true}, globalOptions{}, []string{dir}, &out, &errOut); err != nil {
		t.Fatalf("runExtract: %v (%s)", err, errOut.String())
	}
	var paths []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r struct{ Source struct{ Path string } }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, strings.TrimPrefix(r.Source.Path, dir+"/"))
	}
	if strings.Join(paths, " ") != "qiaotou-2022.gb18030.txt sub/nantun-2023.md" {
		t.Errorf("extract of a folder read %q", paths)
	}
}
