package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/ingest/ocr"
)

func scan(t *testing.T, name string) Scan {
	t.Helper()
	scans, err := Scans("../../testdata/scans")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scans {
		if filepath.Base(s.File) == name {
			return s
		}
	}
	t.Fatalf("no scan %s in sources.tsv", name)
	return Scan{}
}

// TestReferenceScan300: the reference report scanned at 300 dpi (its three
// pages of projects and amounts) is read by OCR and its total mismatch is
// found as on its text: 40 projects stated at 937.131003 万元, whose budgets
// add up to 905.534931 万元; the finding asks to check the scan.
func TestReferenceScan300(t *testing.T) {
	ocr.RequireOrSkip(t)
	m, err := Run(context.Background(), scan(t, "nantun-2023-300.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range m.Findings {
		if f.Rule == "total-mismatch" && f.Expected != nil && f.Expected.String() == "937.131003" && f.Actual != nil && f.Actual.String() == "905.534931" {
			found = true
			if f.Severity != "error" || !strings.Contains(f.Message, "请核对原件") {
				t.Errorf("total-mismatch %s: %s", f.Severity, f.Message)
			}
		}
	}
	if !found {
		t.Errorf("no total-mismatch 937.131003 vs 905.534931 among %+v", m.Findings)
	}
	report(t, m)
	if m.Exact*100 < m.Figures*95 || m.Right*100 < m.Chars*90 {
		t.Errorf("figures exact %d/%d, characters right %d/%d: below 95%% and 90%%", m.Exact, m.Figures, m.Right, m.Chars)
	}
	for _, it := range m.Report.Items {
		if !it.OCR || it.Confidence == nil {
			t.Errorf("item %d (%s) not marked as read by OCR", it.Seq, it.Name)
		}
	}
}

// TestTableScans: a real published table scanned at 150, 200 and 300 dpi:
// the share of its figures read exactly and of its characters right, and no
// figure read wrong that no finding names (a wrong figure either is flagged
// as a possible reading error or shows up in a finding).
func TestTableScans(t *testing.T) {
	ocr.RequireOrSkip(t)
	// the shares measured (bench/ocr) less a margin: at 150 dpi the table's
	// rules are read as 1 and its amounts run together (each such row is
	// reported as a possible reading error)
	for _, c := range []struct {
		dpi          string
		exact, chars int // percent at least
	}{{"150", 40, 95}, {"200", 85, 95}, {"300", 85, 95}} {
		m, err := Run(context.Background(), scan(t, "yunnan-linxiang-linyeju-2023-shourongsuo-"+c.dpi+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		report(t, m)
		if m.Exact*100 < m.Figures*c.exact || m.Right*100 < m.Chars*c.chars {
			t.Errorf("%s dpi: figures exact %d/%d, characters right %d/%d: below %d%% and %d%%", c.dpi, m.Exact, m.Figures, m.Right, m.Chars, c.exact, c.chars)
		}
	}
}

func report(t *testing.T, m *Measure) {
	t.Helper()
	t.Logf("%s (%d dpi): figures exact %d/%d (%s), characters right %d/%d (%s), wrong %d, not read %d, silent %d",
		filepath.Base(m.Scan.File), m.Scan.DPI, m.Exact, m.Figures, pct(m.Exact, m.Figures), m.Right, m.Chars, pct(m.Right, m.Chars),
		len(m.Wrong), len(m.Missing), len(m.Silent))
	for _, s := range m.Silent {
		t.Errorf("%s: a wrong figure no finding names: %s", filepath.Base(m.Scan.File), s)
	}
}
