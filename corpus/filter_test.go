package corpus

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// putListed stores a small report of unit and year with the stated total
// and findings given, and returns its id.
func putListed(t *testing.T, s *Store, unit string, year int, docType extract.DocType, total string, fs ...validate.Finding) string {
	t.Helper()
	doc := readDoc(t, fmt.Sprintf("/src/%s-%d-%s.md", unit, year, total), fmt.Sprintf("%s %d 年绩效自评报告，总额 %s 万元。", unit, year, total))
	rep := &extract.Report{Source: extract.Source{Path: doc.Source, SHA256: doc.SHA256, Format: string(doc.Format)},
		Unit: unit, Year: year, Title: unit + "绩效自评报告", Genre: extract.Narrative, DocType: docType, Extractor: extract.Version}
	if total != "" {
		rep.Stated.TotalWan = dec(total)
	}
	id, err := s.Put(context.Background(), doc, rep, fs)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func underspent(item int, budget, actual string) validate.Finding {
	b, a := decimal.RequireFromString(budget), decimal.RequireFromString(actual)
	d := a.Sub(b)
	return validate.Finding{Rule: "underspent", Severity: validate.Info, Message: "未支出完毕", Items: []int{item},
		Expected: &b, Actual: &a, Diff: &d, FigureUnit: "万元"}
}

func mismatch(expected, actual string) validate.Finding {
	e, a := decimal.RequireFromString(expected), decimal.RequireFromString(actual)
	d := a.Sub(e)
	return validate.Finding{Rule: "total-mismatch", Severity: validate.Error, Message: "合计不符", Expected: &e, Actual: &a, Diff: &d, FigureUnit: "万元"}
}

func rateMismatch(expected, actual string) validate.Finding {
	e, a := decimal.RequireFromString(expected), decimal.RequireFromString(actual)
	d := a.Sub(e)
	return validate.Finding{Rule: "rate-mismatch", Severity: validate.Error, Message: "执行率不符", Expected: &e, Actual: &a, Diff: &d, FigureUnit: "%"}
}

// TestListFilters: each filter and sort of the two lists, on the same small
// corpus, by what it selects and in which order.
func TestListFilters(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a23 := putListed(t, s, "甲镇", 2023, extract.SelfEvaluationReport, "100.5",
		underspent(1, "20", "19.5"), underspent(2, "8", "0.000001"), mismatch("100.5", "1000.25"))
	a22 := putListed(t, s, "甲镇", 2022, extract.ProjectSelfTable, "99",
		underspent(1, "12.345678", "2.345678"), rateMismatch("86", "186"))
	b23 := putListed(t, s, "乙镇财政所", 2023, extract.SelfEvaluationReport, "",
		mismatch("10", "9.999999"))
	if err := s.Decide(ctx, a23, "underspent:2", Dismissed, "已结转"); err != nil {
		t.Fatal(err)
	}

	keys := func(f FindingFilter) string {
		t.Helper()
		rows, err := s.Findings(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.CountFindings(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, map[string]string{a23: "a23", a22: "a22", b23: "b23"}[r.ReportID]+"/"+r.Key)
		}
		return fmt.Sprintf("%d:%s", n, strings.Join(out, " "))
	}
	for _, tc := range []struct {
		name string
		f    FindingFilter
		want string
	}{
		{"all", FindingFilter{}, "6:b23/total-mismatch a22/underspent:1 a22/rate-mismatch a23/underspent:1 a23/underspent:2 a23/total-mismatch"},
		{"unit and year", FindingFilter{Unit: "甲镇", UnitExact: true, Year: 2023}, "3:a23/underspent:1 a23/underspent:2 a23/total-mismatch"},
		{"unit part", FindingFilter{Unit: "财政"}, "1:b23/total-mismatch"},
		{"doc type", FindingFilter{DocType: extract.ProjectSelfTable}, "2:a22/underspent:1 a22/rate-mismatch"},
		{"rule and review", FindingFilter{Rule: "underspent", Review: ReviewPending}, "2:a22/underspent:1 a23/underspent:1"},
		{"dismissed", FindingFilter{Review: ReviewDismissed}, "1:a23/underspent:2"},
		{"severity", FindingFilter{Severity: validate.Error}, "3:b23/total-mismatch a22/rate-mismatch a23/total-mismatch"},
		// |差额| of 万元 findings only: the rate's 100 (%) is not an amount
		{"diff at least 10", FindingFilter{MinDiff: dec("10")}, "2:a22/underspent:1 a23/total-mismatch"},
		{"diff at most 0.5", FindingFilter{MaxDiff: dec("0.5")}, "2:b23/total-mismatch a23/underspent:1"},
		{"diff between", FindingFilter{MinDiff: dec("0.000001"), MaxDiff: dec("0.000001")}, "1:b23/total-mismatch"},
		{"total range", FindingFilter{MinTotal: dec("99.5")}, "3:a23/underspent:1 a23/underspent:2 a23/total-mismatch"},
		{"sort by |diff|", FindingFilter{Sort: SortDiff}, "6:a23/total-mismatch a22/rate-mismatch a22/underspent:1 a23/underspent:2 a23/underspent:1 b23/total-mismatch"},
		{"sort by year", FindingFilter{Sort: SortYear, Rule: "total-mismatch"}, "2:b23/total-mismatch a23/total-mismatch"},
		{"sort by unit", FindingFilter{Sort: SortUnit, Unit: "甲镇"}, "5:a23/underspent:1 a23/underspent:2 a23/total-mismatch a22/underspent:1 a22/rate-mismatch"},
		{"paged", FindingFilter{Sort: SortDiff, Limit: 2, Offset: 1}, "6:a22/rate-mismatch a22/underspent:1"},
	} {
		if got := keys(tc.f); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}

	ids := func(f Filter) string {
		t.Helper()
		list, err := s.List(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.CountReports(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range list {
			out = append(out, map[string]string{a23: "a23", a22: "a22", b23: "b23"}[r.ID])
		}
		return fmt.Sprintf("%d:%s", n, strings.Join(out, " "))
	}
	for _, tc := range []struct {
		name string
		f    Filter
		want string
	}{
		{"all", Filter{}, "3:b23 a22 a23"},
		{"pending underspent", Filter{Rule: "underspent", Review: ReviewPending}, "2:a22 a23"},
		{"errors of 2023", Filter{Severity: validate.Error, Year: 2023}, "2:b23 a23"},
		{"stated total at most 99", Filter{MaxTotal: dec("99")}, "1:a22"},
		{"no stated total falls out of a range", Filter{MinTotal: dec("0")}, "2:a22 a23"},
		{"sort by the largest |diff|", Filter{Sort: SortDiff}, "3:a23 a22 b23"},
		{"sort by |diff| of the findings selected", Filter{Sort: SortDiff, Rule: "underspent"}, "2:a22 a23"},
		{"sort by year", Filter{Sort: SortYear}, "3:b23 a23 a22"},
		{"sort by unit", Filter{Sort: SortUnit}, "3:b23 a23 a22"},
	} {
		if got := ids(tc.f); got != tc.want {
			t.Errorf("reports %s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	// An export of a filter holds its findings only.
	f := Filter{Unit: "甲镇", Rule: "underspent", Review: ReviewPending}
	if got := keys(f.Findings()); got != "2:a22/underspent:1 a23/underspent:1" {
		t.Errorf("findings of an export of %+v: %s", f, got)
	}
}

func TestAmountKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0", "000000000000000000.000000000000"},
		{"937.131003", "000000000000000937.131003000000"},
		{"-31.596072", "000000000000000031.596072000000"},
		{"1000000", "000000000001000000.000000000000"},
		{"0.0000000000001", "000000000000000000.000000000000"},
	} {
		if got := AmountKey(decimal.RequireFromString(tc.in)); got != tc.want {
			t.Errorf("AmountKey(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
	// SQLite's generated columns make the same key.
	s := openTemp(t)
	for _, in := range []string{"0", "937.131003", "-31.596072", "1000000", "24", "-0.5"} {
		var got string
		if err := s.db.QueryRow(`SELECT `+amountKeySQL("?1"), in).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if want := AmountKey(decimal.RequireFromString(in)); got != want {
			t.Errorf("SQL key of %s = %s, want %s", in, got, want)
		}
	}
}
