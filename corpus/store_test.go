package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/validate"
)

func TestRoundTripExactAmounts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	text, err := os.ReadFile("../testdata/nantun-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := readDoc(t, "/reports/nantun-2023.md", string(text))
	rep, fs := sampleReport(doc)
	id, err := s.Put(ctx, doc, rep, fs)
	if err != nil {
		t.Fatal(err)
	}
	if id != doc.SHA256[:12] {
		t.Errorf("id = %s, want the first 12 hex digits of %s", id, doc.SHA256)
	}

	got, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, got.Report), mustJSON(t, rep); a != b {
		t.Errorf("report changed in the store:\n got %s\nwant %s", a, b)
	}
	if a, b := mustJSON(t, got.Findings), mustJSON(t, fs); a != b {
		t.Errorf("findings changed in the store:\n got %s\nwant %s", a, b)
	}
	for i, want := range []string{"937.131003", "116.17825", "0.265"} {
		var d string
		switch i {
		case 0:
			d = got.Report.Stated.TotalWan.String()
		default:
			d = got.Report.Items[i].BudgetWan.String()
		}
		if d != want {
			t.Errorf("amount %d = %s, want %s", i, d, want)
		}
	}
	wantKeys := []string{"total-mismatch", "not-disbursed:18", "unmatched-item:17,18", "amount-unparsed", "amount-unparsed#2"}
	if strings.Join(got.Keys, " ") != strings.Join(wantKeys, " ") {
		t.Errorf("keys = %q, want %q", got.Keys, wantKeys)
	}
	if mustJSON(t, got.Pages) != mustJSON(t, doc.Pages) || got.Format != doc.Format || got.SHA256 != doc.SHA256 {
		t.Errorf("document not kept: format %s sha %s, %d pages", got.Format, got.SHA256, len(got.Pages))
	}
	rebuilt, err := s.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if rebuilt.Text != doc.Text || rebuilt.Source != doc.Source {
		t.Errorf("Document() does not rebuild the text read (%d vs %d bytes)", len(rebuilt.Text), len(doc.Text))
	}

	// the list row: exact sum of the items' budgets, counts by severity
	list, err := s.List(ctx, Filter{Year: 2023, Unit: "南屯"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("List = %d rows, want 1", len(list))
	}
	l := list[0]
	if l.ItemsBudget.String() != "140.44325" || l.StatedTotal.String() != "937.131003" || *l.StatedCount != 40 ||
		l.Items != 3 || l.Errors != 1 || l.Warnings != 4 || l.Infos != 0 {
		t.Errorf("List row = %+v", l)
	}
	if n, _ := s.CountReports(ctx, Filter{Unit: "南屯"}); n != 1 {
		t.Errorf("CountReports = %d", n)
	}
	if other, _ := s.List(ctx, Filter{Year: 2022}); len(other) != 0 {
		t.Errorf("year filter: %d rows", len(other))
	}

	var items []ItemRow
	if err := s.EachItem(ctx, Filter{}, func(r ItemRow) error { items = append(items, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || items[1].BudgetWan.String() != "116.17825" || items[2].ActualWan != nil || items[2].Subprojects != 4 {
		t.Errorf("items = %+v", items)
	}

	// decisions, then a new extraction where some findings come back
	if err := s.Decide(ctx, id, "unmatched-item:17,18", Dismissed, "评价部分写法不同，实为同一项目"); err != nil {
		t.Fatal(err)
	}
	if err := s.Decide(ctx, id, "total-mismatch", Confirmed, "总额确有误"); err != nil {
		t.Fatal(err)
	}
	if err := s.Decide(ctx, id, "no-such-rule", Confirmed, ""); !errors.Is(err, ErrNoFinding) {
		t.Errorf("Decide on a missing finding: %v, want ErrNoFinding", err)
	}
	if err := s.Decide(ctx, id, "total-mismatch", "maybe", ""); err == nil {
		t.Error("Decide accepted an unknown verdict")
	}
	rep2, _ := sampleReport(doc)
	rep2.Items = rep2.Items[:2]
	fs2 := []validate.Finding{
		{Rule: "total-mismatch", Severity: validate.Error, Message: "另一种说法", Expected: dec("937.131003"), Actual: dec("140.17825"), Diff: dec("-796.953003")},
		{Rule: "unmatched-item", Severity: validate.Warning, Message: "评价部分与项目概况不对应", Items: []int{17, 18}},
	}
	if err := s.Replace(ctx, id, rep2, fs2); err != nil {
		t.Fatal(err)
	}
	got, err = s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := got.Decision(0); !ok || d.Verdict != Confirmed || d.Note != "总额确有误" {
		t.Errorf("decision on total-mismatch after re-extraction = %+v, %v", d, ok)
	}
	if d, ok := got.Decision(1); !ok || d.Verdict != Dismissed || time.Since(d.At) > time.Minute {
		t.Errorf("decision on unmatched-item after re-extraction = %+v, %v", d, ok)
	}
	if len(got.Report.Items) != 2 || len(got.Findings) != 2 {
		t.Errorf("after Replace: %d items, %d findings", len(got.Report.Items), len(got.Findings))
	}

	// across the corpus
	pending, err := s.Findings(ctx, FindingFilter{Review: ReviewPending})
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 0 {
		t.Errorf("pending = %+v", pending)
	}
	dismissed, err := s.Findings(ctx, FindingFilter{Review: ReviewDismissed, Severity: validate.Warning})
	if err != nil {
		t.Fatal(err)
	}
	if len(dismissed) != 1 || dismissed[0].Key != "unmatched-item:17,18" || dismissed[0].Unit != "南屯镇" ||
		dismissed[0].Decision.Note != "评价部分写法不同，实为同一项目" || mustJSON(t, dismissed[0].Finding.Items) != "[17,18]" {
		t.Errorf("dismissed = %+v", dismissed)
	}
	if n, _ := s.CountFindings(ctx, FindingFilter{Rule: "total-mismatch"}); n != 1 {
		t.Errorf("CountFindings(total-mismatch) = %d", n)
	}
	integrity(t, s)
}

func TestReextractKeepsDecisions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	text, _ := os.ReadFile("../testdata/nantun-2023.md")
	doc := readDoc(t, "/reports/nantun-2023.md", string(text))
	rep, fs := sampleReport(doc)
	rep.Extractor = "0-old"
	id, err := s.Put(ctx, doc, rep, fs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Review(ctx, []FindingRef{{id, "not-disbursed:18"}}, Action{Verdict: Dismissed, Note: "先排除", Author: "李四"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Review(ctx, []FindingRef{{id, "not-disbursed:18"}}, Action{Verdict: Confirmed, Note: "确未拨付", Author: "张三"}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkIndexed(ctx, id); err != nil {
		t.Fatal(err)
	}
	stale, _ := s.Stale(ctx)
	if len(stale) != 1 || stale[0] != id {
		t.Fatalf("Stale = %v", stale)
	}
	ix := &fakeIndex{}
	sum, err := s.Reextract(ctx, ReextractOptions{Index: index.NewSync(s, ix)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 1 || sum.Failed != 0 || sum.Indexed != 1 || len(ix.puts) != 1 || ix.puts[0] != id {
		t.Errorf("Reextract = %+v, index puts %v", sum, ix.puts)
	}
	got, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want, err := extract.Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	if got.Extractor != extract.Version || mustJSON(t, got.Report) != mustJSON(t, want) {
		t.Errorf("re-extracted report differs from extract.Extract of the stored pages:\n got %s\nwant %s", mustJSON(t, got.Report), mustJSON(t, want))
	}
	if mustJSON(t, got.Findings) != mustJSON(t, nonNil(validate.Report(want))) && !(len(got.Findings) == 0 && len(validate.Report(want)) == 0) {
		t.Errorf("findings are not validate.Report of the new extraction")
	}
	if d := got.Decisions["not-disbursed:18"]; d.Verdict != Confirmed || d.Note != "确未拨付" || d.Author != "张三" {
		t.Errorf("decision lost in reextract: %+v", got.Decisions)
	}
	if l := got.Log["not-disbursed:18"]; len(l) != 2 || l[0].Author != "李四" || l[0].Action != Dismissed || l[1].Author != "张三" || l[1].Action != Confirmed {
		t.Errorf("audit trail after reextract: %+v", l)
	}
	if stale, _ := s.Stale(ctx); len(stale) != 0 {
		t.Errorf("still stale: %v", stale)
	}
	// nothing stale: a second run does nothing; --all redoes everything
	if sum, _ := s.Reextract(ctx, ReextractOptions{}); sum.Files != 0 {
		t.Errorf("second reextract looked at %d reports", sum.Files)
	}
	if sum, _ := s.Reextract(ctx, ReextractOptions{All: true}); sum.Stored != 1 {
		t.Errorf("reextract --all = %+v", sum)
	}
	if un, _ := s.Unindexed(ctx); len(un) != 1 {
		t.Errorf("re-extracted without an index: unindexed = %v, want the report", un)
	}
	integrity(t, s)
}

func TestDuplicateContentIsOneReport(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	dir := t.TempDir()
	text := fixtureText(1, 2023)
	writeFiles(t, dir, map[string]string{"a/r.txt": text, "b/copy.txt": text})
	pa, pb := filepath.Join(dir, "a/r.txt"), filepath.Join(dir, "b/copy.txt")
	ida, err := s.Put(ctx, readDoc(t, pa, text), &extract.Report{Extractor: "1"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	idb, err := s.Put(ctx, readDoc(t, pb, text), &extract.Report{Extractor: "1"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ida != idb {
		t.Errorf("same bytes gave ids %s and %s", ida, idb)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("%d reports, want 1", n)
	}
	ea, _, _ := s.LedgerLookup(ctx, pa)
	eb, _, _ := s.LedgerLookup(ctx, pb)
	if ea.Status != StatusOK || eb.Status != StatusDuplicate || eb.ReportID != ida || eb.Size != int64(len(text)) || eb.ModTime.IsZero() {
		t.Errorf("ledger: %+v / %+v", ea, eb)
	}
	// the report is found by id, by prefix and by either path
	for _, ref := range []string{ida, ida[:6], pa, pb} {
		if got, err := s.Resolve(ctx, ref); err != nil || got != ida {
			t.Errorf("Resolve(%s) = %s, %v", ref, got, err)
		}
	}
	if _, err := s.Resolve(ctx, "ffffffffffff"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resolve(unknown) = %v", err)
	}
	// a prefix too short to resolve says so, whatever it would match
	if _, err := s.Resolve(ctx, ida[:3]); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "至少 4 位") {
		t.Errorf("Resolve(%s) = %v, want the prefix named too short", ida[:3], err)
	}
}

func TestIDCollisionTakesMoreDigits(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := readDoc(t, "/x/a.txt", fixtureText(1, 2023))
	b := readDoc(t, "/x/b.txt", fixtureText(2, 2023))
	b.SHA256 = a.SHA256[:12] + strings.Repeat("0", 52) // same first 12 digits, other bytes
	ida, err := s.Put(ctx, a, &extract.Report{Extractor: "1"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	idb, err := s.Put(ctx, b, &extract.Report{Extractor: "1"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ida) != 12 || idb != b.SHA256[:16] {
		t.Errorf("ids %s and %s: want 12 digits, then 16 on collision", ida, idb)
	}
	if _, err := s.Resolve(ctx, ida[:8]); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("Resolve of the shared prefix = %v, want ErrAmbiguous", err)
	}
}

func TestSecondOpenIsInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "c")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if s2, err := OpenOptions(dir, Options{LockTimeout: 200 * time.Millisecond}); !errors.Is(err, ErrInUse) {
		t.Errorf("second Open = %v, want ErrInUse", err)
		s2.Close()
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("ErrInUse took %v", d)
	}
	r, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("reader beside the writer: %v", err)
	}
	if _, err := r.List(context.Background(), Filter{}); err != nil {
		t.Error(err)
	}
	if err := r.Decide(context.Background(), "x", "y", Confirmed, ""); err == nil {
		t.Error("a read-only store wrote")
	}
	r.Close()
	s.Close()
	s3, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s3.Close()
	if _, err := OpenReadOnly(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("OpenReadOnly created a corpus")
	}
}

func TestSchemaVersion(t *testing.T) {
	s := openTemp(t)
	var v int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != schemaVersion {
		t.Errorf("user_version = %d, %v; want %d", v, err, schemaVersion)
	}
	var mode string
	s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	var fk int
	s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Errorf("journal_mode %s, foreign_keys %d", mode, fk)
	}
	if _, err := s.db.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	dir := s.Dir()
	s.Close()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "99") {
		t.Errorf("a newer schema opened: %v", err)
	}
}

// fakeIndex records puts; it fails for ids in fail.
type fakeIndex struct {
	puts []string
	fail map[string]bool
}

func (f *fakeIndex) Put(id string, r *extract.Report, fs []validate.Finding) error {
	if f.fail[id] {
		return errors.New("index down")
	}
	f.puts = append(f.puts, id)
	return nil
}

// held is the number of distinct reports the index holds. A report can be put
// again (its path changes when a copy earlier in walk order commits after it);
// the index keeps one document per id, so that is what tests count.
func (f *fakeIndex) held() int {
	seen := map[string]bool{}
	for _, id := range f.puts {
		seen[id] = true
	}
	return len(seen)
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	text, _ := os.ReadFile("../testdata/nantun-2023.md")
	doc := readDoc(t, "/reports/nantun-2023.md", string(text))
	rep, fs := sampleReport(doc)
	id, err := s.Put(ctx, doc, rep, fs)
	if err != nil {
		t.Fatal(err)
	}
	s.Decide(ctx, id, "total-mismatch", Confirmed, "")
	s.Decide(ctx, id, "amount-unparsed#2", Dismissed, "")
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Reports != 1 || st.Items != 3 || st.Findings[validate.Error] != 1 || st.Findings[validate.Warning] != 4 ||
		st.Reviewed[Confirmed] != 1 || st.Reviewed[Dismissed] != 1 || st.Pending != 3 || st.Unindexed != 1 ||
		st.Ledger[StatusOK] != 1 || mustJSON(t, st.Units) != `["南屯镇"]` || mustJSON(t, st.Years) != "[2023]" {
		t.Errorf("Stats = %+v", st)
	}
}
