package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// export takes the filter of the page's lists: what it writes is what the
// page shows.
func TestExportFilterFlags(t *testing.T) {
	g := withCorpus(t)
	ingestReference(t, g)
	out := filepath.Join(t.TempDir(), "x.jsonl")
	opts := exportOptions{Format: "jsonl", Output: out, Unit: "=南屯镇", Year: 2023, Rule: "underspent", Review: "pending", MinDiff: "1"}
	if err := runExport(context.Background(), opts, g, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	findings := 0
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var rec struct {
			Kind string `json:"kind"`
			Rule string `json:"rule"`
			Diff string `json:"diff"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if rec.Kind == "finding" {
			findings++
			if rec.Rule != "underspent" || strings.HasPrefix(strings.TrimPrefix(rec.Diff, "-"), "0.") {
				t.Errorf("exported %s", line)
			}
		}
	}
	if findings == 0 {
		t.Errorf("no findings exported:\n%.500s", b)
	}
	for _, bad := range []exportOptions{{Format: "jsonl", Output: out, Review: "done"}, {Format: "jsonl", Output: out, Severity: "fatal"}, {Format: "jsonl", Output: out, MinDiff: "约3万元"}} {
		if err := runExport(context.Background(), bad, g, io.Discard, io.Discard); exitCode(err) != 2 {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}
