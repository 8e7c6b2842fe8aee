package corpus

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/validate"
)

// bundleText is an annex of two published 自评表 one after the other: the
// 部门整体 table of hunan-hengshan and the 项目支出 table of sichuan-daying,
// as published (testdata/real).
func bundleText(t *testing.T) string {
	t.Helper()
	hs, err := os.ReadFile("../testdata/real/docs/hunan-hengshan-guantangxiang-2023-juesuan.txt")
	if err != nil {
		t.Fatal(err)
	}
	dy, err := os.ReadFile("../testdata/real/docs/sichuan-daying-sifaju-2023-ankezhidai.txt")
	if err != nil {
		t.Skip("sichuan-daying not in the corpus yet")
	}
	a, b := string(hs), string(dy)
	return a[strings.Index(a, "附件二"):] + "\n\n" + b[strings.Index(b, "部门预算项目支出绩效自评表"):]
}

func TestFileWithSeveralReports(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"bundle.txt": bundleText(t)})
	path := filepath.Join(dir, "bundle.txt")
	sum, err := s.Ingest(ctx, []string{dir}, IngestOptions{Read: ingest.Options{PDFInProcess: true}})
	if err != nil || sum.Files != 1 || sum.Stored != 2 || sum.Failed != 0 {
		t.Fatalf("ingest %+v %v", sum, err)
	}
	list, err := s.List(ctx, Filter{})
	if err != nil || len(list) != 2 {
		t.Fatalf("list %d reports, %v", len(list), err)
	}
	id, err := s.Resolve(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := s.FileReports(ctx, id)
	if err != nil || len(ids) != 2 || ids[0] != id || ids[1] != id+"-2" {
		t.Fatalf("file reports %v %v", ids, err)
	}
	for ref, want := range map[string]string{id[:6]: id, id + "-2": id + "-2", id: id} {
		if got, err := s.Resolve(ctx, ref); err != nil || got != want {
			t.Errorf("Resolve(%s) = %s %v, want %s", ref, got, err, want)
		}
	}
	second, err := s.Get(ctx, id+"-2")
	if err != nil {
		t.Fatal(err)
	}
	r := second.Report
	if r.Genre != extract.ProjectTable || r.Part != 2 || r.Parts != 2 || len(r.Funds) == 0 || r.Funds[0].BudgetWan.String() != "3.36" || len(second.Pages) != 1 {
		t.Fatalf("second report: genre %s part %d/%d funds %s pages %d", r.Genre, r.Part, r.Parts, mustJSON(t, r.Funds), len(second.Pages))
	}
	doc, err := s.Document(ctx, id+"-2")
	if err != nil || doc.Text[r.Funds[0].Span[0]:r.Funds[0].Span[1]] == "" {
		t.Fatalf("document of the second report: %v", err)
	}
	integrity(t, s)

	// the same bytes again, and under another path: nothing new
	writeFiles(t, dir, map[string]string{"copy/bundle.txt": bundleText(t)})
	sum, err = s.Ingest(ctx, []string{dir}, IngestOptions{})
	if err != nil || sum.Stored != 0 || sum.Skipped != 1 || sum.Duplicates != 1 {
		t.Fatalf("again %+v %v", sum, err)
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Fatalf("%d reports after a duplicate", n)
	}

	// a decision on the second report survives re-extraction of the file
	key := second.Keys
	if len(key) > 0 {
		if err := s.Decide(ctx, id+"-2", key[0], Confirmed, "核实"); err != nil {
			t.Fatal(err)
		}
	}
	sum, err = s.Reextract(ctx, ReextractOptions{All: true})
	if err != nil || sum.Files != 1 || sum.Stored != 2 || sum.Failed != 0 {
		t.Fatalf("reextract %+v %v", sum, err)
	}
	after, err := s.Get(ctx, id+"-2")
	if err != nil || mustJSON(t, after.Report) != mustJSON(t, r) {
		t.Fatalf("re-extracted second report differs: %v", err)
	}
	if len(key) > 0 {
		if d, ok := after.Decision(0); !ok || d.Verdict != Confirmed {
			t.Errorf("decision lost: %+v", after.Decisions)
		}
	}

	// re-extraction that finds one report: the second goes, with its rows
	one := pipeline.Document(doc)
	if _, gone, err := s.replaceFile(ctx, id, []*extract.Report{one.Parts[0].Report}, nil); err == nil || gone != nil {
		t.Fatalf("replaceFile without findings: %v", err)
	}
	if _, gone, err := s.replaceFile(ctx, id, []*extract.Report{one.Parts[0].Report}, [][]validate.Finding{one.Parts[0].Findings}); err != nil || len(gone) != 1 || gone[0] != id+"-2" {
		t.Fatalf("replaceFile: gone %v, %v", gone, err)
	}
	if _, err := s.Get(ctx, id+"-2"); err == nil {
		t.Errorf("the second report is still there")
	}
	integrity(t, s)
}

// TestMigrateToSeveralReports: a corpus of schema 1 is rebuilt for several
// reports per file without losing a row, a decision or a foreign key.
func TestMigrateToSeveralReports(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "corpus")
	os.MkdirAll(dir, 0o755)
	db, err := sql.Open("sqlite", dsn(filepath.Join(dir, DBName), false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(migrations[0] + `PRAGMA user_version = 1;`); err != nil {
		t.Fatal(err)
	}
	// one report as schema 1 stored it
	doc := readDoc(t, "/reports/r.md", fixtureText(1, 2023))
	rep, fs := sampleReport(doc)
	rep.Items = nil // (items rows are not the point here)
	repData, _ := deflateJSON(rep)
	pages, _ := deflateJSON(doc.Pages)
	id := doc.SHA256[:12]
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO reports (id, sha256, path, format, unit, year, extractor, created_at, updated_at, item_count, errors, warnings)
			VALUES (?, ?, ?, 'markdown', '南屯镇', 2023, '1', 'x', 'x', 0, 1, 1)`, []any{id, doc.SHA256, doc.Source}},
		{`INSERT INTO report_data (report_id, report) VALUES (?, ?)`, []any{id, repData}},
		{`INSERT INTO documents (report_id, warnings, pages) VALUES (?, '[]', ?)`, []any{id, pages}},
		{`INSERT INTO findings (report_id, ord, key, rule, severity, page) VALUES (?, 0, 'total-mismatch', 'total-mismatch', 'error', 1),
			(?, 1, 'not-disbursed:18', 'not-disbursed', 'warning', 2)`, []any{id, id}},
		{`INSERT INTO decisions (report_id, finding_key, decision, note, decided_at) VALUES (?, 'total-mismatch', 'dismissed', '已说明', 'x')`, []any{id}},
		{`INSERT INTO ledger (path, size, mtime_ns, sha256, status, report_id, extractor, at) VALUES (?, 1, 1, ?, 'ok', ?, '1', 'x')`, []any{doc.Source, doc.SHA256, id}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	_ = fs
	db.Close()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != schemaVersion || schemaVersion < 2 {
		t.Fatalf("user_version %d", v)
	}
	got, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != 2 || len(got.Pages) != len(doc.Pages) || got.Report.Unit != "南屯镇" {
		t.Fatalf("after the migration: %d findings, %d pages, unit %q", len(got.Findings), len(got.Pages), got.Report.Unit)
	}
	if d, ok := got.Decision(0); !ok || d.Verdict != Dismissed || d.Note != "已说明" {
		t.Errorf("decision after the migration: %+v", got.Decisions)
	}
	var part, parts int
	s.db.QueryRow(`SELECT part, parts FROM reports WHERE id = ?`, id).Scan(&part, &parts)
	if part != 1 || parts != 1 {
		t.Errorf("part %d of %d", part, parts)
	}
	// a second file with two reports goes in beside it
	doc2 := readDoc(t, "/reports/bundle.txt", bundleText(t))
	res := pipeline.Document(doc2)
	var reps []*extract.Report
	var fss [][]validate.Finding
	for _, p := range res.Parts {
		reps, fss = append(reps, p.Report), append(fss, p.Findings)
	}
	ids, err := s.PutAll(ctx, doc2, reps, fss)
	if err != nil || len(ids) != 2 {
		t.Fatalf("PutAll %v %v", ids, err)
	}
	integrity(t, s)
}
