package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

// Scan is one scan of testdata/scans and the document it was made from.
type Scan struct {
	File   string // the scan, a PDF of page images (or an image file)
	Source string // the document it was made from
	Pages  int    // how many pages of the source it holds (0: all)
	DPI    int
}

// Scans lists the scans of dir (testdata/scans), from sources.tsv.
func Scans(dir string) ([]Scan, error) {
	b, err := os.ReadFile(filepath.Join(dir, "sources.tsv"))
	if err != nil {
		return nil, err
	}
	var out []Scan
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 4 || strings.HasPrefix(line, "#") {
			continue
		}
		var s Scan
		s.File = filepath.Join(dir, f[0])
		s.Source = filepath.Join(dir, f[1])
		fmt.Sscan(f[2], &s.Pages)
		fmt.Sscan(f[3], &s.DPI)
		out = append(out, s)
	}
	return out, nil
}

// Measure is what OCR made of one scan, against its source read from its text.
type Measure struct {
	Scan     Scan
	Figures  int      // figures of the source
	Exact    int      // read exactly from the scan
	Wrong    []string // figures of the source read as another figure, with what was read
	Missing  []string // figures of the source not read at all (nothing passed off as them)
	Silent   []string // wrong figures no finding names and that are not flagged as a reading error
	Chars    int      // characters of the source's text (without spaces)
	Right    int      // characters right: Chars less the edit distance from the OCR text
	Pages    int      // pages OCR'd
	Elapsed  time.Duration
	Text     string // what OCR read, normalised
	Report   *extract.Report
	Findings []validate.Finding
}

// Run reads a scan and its source and compares them.
func Run(ctx context.Context, s Scan) (*Measure, error) {
	src, err := ingest.ReadFile(ctx, s.Source, ingest.Options{})
	if err != nil {
		return nil, err
	}
	start := time.Now()
	doc, err := ingest.ReadFile(ctx, s.File, ingest.Options{Timeout: 10 * time.Minute})
	if err != nil {
		return nil, err
	}
	m := &Measure{Scan: s, Elapsed: time.Since(start), Text: doc.Text}
	for _, p := range doc.Pages {
		if p.OCR {
			m.Pages++
		}
	}
	srcText := src.Text
	if s.Pages > 0 && s.Pages < len(src.Pages) {
		src = ingest.Assemble(src.Source, src.SHA256, src.Format, src.Pages[:s.Pages], src.Warnings)
		srcText = src.Text
	}
	m.Chars, m.Right = charsRight(srcText, doc.Text)
	want, err := extract.Extract(src)
	if err != nil {
		return nil, err
	}
	got, err := extract.Extract(doc)
	if err != nil {
		return nil, err
	}
	m.Report, m.Findings = got, validate.Report(got)
	wf, gf := Figures(want), Figures(got)
	keys := make([]string, 0, len(wf))
	for k := range wf {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m.Figures++
		g, ok := gf[k]
		if ok && g.value == wf[k].value {
			m.Exact++
			continue
		}
		if !ok {
			m.Missing = append(m.Missing, fmt.Sprintf("%s: %s, not read", k, wf[k].value))
			continue
		}
		w := fmt.Sprintf("%s: %s, read %s", k, wf[k].value, g.value)
		m.Wrong = append(m.Wrong, w)
		if !Named(got, m.Findings, g) {
			m.Silent = append(m.Silent, w)
		}
	}
	return m, nil
}

// figure is one figure of a report and the evidence it lies in.
type figure struct {
	value string
	span  extract.Span
	item  int    // seq of its item, 0 when none
	kind  string // stated-total, stated-count, item-budget, item-actual, fund, indicator, total-score
}

func fig(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// Figures are the figures of a report by where they are: the stated total
// and count, each item's amounts, each fund row's and indicator's figures,
// the total score.
func Figures(r *extract.Report) map[string]figure {
	out := map[string]figure{}
	put := func(k, v string, sp extract.Span, item int, kind string) {
		if v != "" {
			out[k] = figure{v, sp, item, kind}
		}
	}
	var ss extract.Span
	if r.Stated.Span != nil {
		ss = *r.Stated.Span
	}
	put("stated.total", fig(r.Stated.TotalWan), ss, 0, "stated-total")
	if r.Stated.Count != nil {
		put("stated.count", fmt.Sprint(*r.Stated.Count), ss, 0, "stated-count")
	}
	for _, it := range r.Items {
		put(fmt.Sprintf("item %d budget", it.Seq), fig(it.BudgetWan), it.Span, it.Seq, "item-budget")
		put(fmt.Sprintf("item %d actual", it.Seq), fig(it.ActualWan), it.Span, it.Seq, "item-actual")
	}
	for _, f := range r.Funds {
		for k, v := range map[string]*decimal.Decimal{"initial": f.InitialWan, "budget": f.BudgetWan, "executed": f.ExecutedWan, "weight": f.Weight, "rate": f.Rate, "score": f.Score} {
			put(fmt.Sprintf("fund %s %s", f.Row, k), fig(v), f.Span, 0, "fund")
		}
	}
	for i, in := range r.Indicators {
		put(fmt.Sprintf("indicator %d weight", i+1), fig(in.Weight), in.Span, 0, "indicator")
		put(fmt.Sprintf("indicator %d score", i+1), fig(in.Score), in.Span, 0, "indicator")
	}
	put("total score", fig(r.TotalScore), extract.Span{}, 0, "total-score")
	return out
}

// Named tells whether a figure read wrong is named by a finding: flagged as
// a possible reading error, or in the evidence of a finding (its span, its
// item, or the sum it is part of).
func Named(r *extract.Report, fs []validate.Finding, g figure) bool {
	for _, f := range fs {
		switch {
		case f.Span != nil && g.span[1] > g.span[0] && f.Span[0] < g.span[1] && g.span[0] < f.Span[1]:
			return true
		case g.item != 0 && containsInt(f.Items, g.item):
			return true
		case f.Rule == "total-mismatch" && (g.kind == "item-budget" || g.kind == "stated-total"):
			return true
		case f.Rule == "count-mismatch" && (g.kind == "stated-count" || g.kind == "item-budget"):
			return true
		case f.Rule == "ocr-misread" && g.kind == "stated-total" && f.Expected != nil && f.Expected.String() == g.value,
			f.Rule == "ocr-misread" && g.kind == "total-score" && f.Actual != nil && f.Actual.String() == g.value:
			return true
		case (f.Rule == "score-mismatch" || f.Rule == "weight-mismatch") && (g.kind == "indicator" || g.kind == "total-score" || g.kind == "fund"):
			return true
		}
	}
	return false
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// charsRight compares the OCR text with the source's, without white space
// (line breaks and spaces are layout, not reading): the source's length,
// and that less the edit distance between them.
func charsRight(src, got string) (int, int) {
	a, b := ink(src), ink(got)
	d := levenshtein(a, b)
	return len(a), max(0, len(a)-d)
}

func ink(s string) []rune {
	var out []rune
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '|' && r != '#' && r != '*' {
			out = append(out, r)
		}
	}
	return out
}

func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
