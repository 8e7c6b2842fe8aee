package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/validate"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func dec(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

func intp(n int) *int { return &n }

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// readDoc reads bytes as ingest would, under name.
func readDoc(t testing.TB, name, text string) *ingest.Document {
	t.Helper()
	doc, err := ingest.Read(context.Background(), name, []byte(text), ingest.Options{PDFInProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// sampleReport is a report with exact amounts of the kinds real reports have,
// two evaluated items and findings naming them.
func sampleReport(doc *ingest.Document) (*extract.Report, []validate.Finding) {
	rep := &extract.Report{
		Source:    extract.Source{Path: doc.Source, SHA256: doc.SHA256, Format: string(doc.Format)},
		Unit:      "南屯镇",
		Year:      2023,
		Title:     "南屯镇 2023 年部门年度绩效自评工作报告",
		Genre:     extract.Narrative,
		Stated:    extract.Stated{TotalWan: dec("937.131003"), Count: intp(40), Page: 1, Span: &extract.Span{120, 160}},
		Extractor: extract.Version,
		Items: []extract.Item{
			{Seq: 1, Name: "南屯镇 2023 年省级驻村工作队经费", BudgetWan: dec("24"), ActualWan: dec("24"), Disbursement: extract.Full,
				Subprojects: 1, Purpose: "用于解决脱贫驻村工作队的经费需求", Evaluation: map[string]string{"立项": "符合规定"}, Page: 1, Span: extract.Span{200, 260}},
			{Seq: 17, Name: "张石高速两侧土地流转绿化资金", BudgetWan: dec("116.17825"), ActualWan: dec("116.17825"), Disbursement: extract.Full,
				Subprojects: 1, Purpose: "绿化", Page: 2, Span: extract.Span{900, 960}},
			{Seq: 18, Name: "农村公路养护", BudgetWan: dec("0.265"), ActualWan: nil, Disbursement: extract.None,
				Subprojects: 4, Purpose: "养护", Page: 2, Span: extract.Span{961, 1000}},
		},
	}
	fs := []validate.Finding{
		{Rule: "total-mismatch", Severity: validate.Error, Message: "项目预算合计与总额不符",
			Expected: dec("937.131003"), Actual: dec("140.44325"), Diff: dec("-796.687753"), Page: 1, Span: &extract.Span{120, 160}},
		{Rule: "not-disbursed", Severity: validate.Warning, Message: "预算 0.265 万元未拨付", Items: []int{18}, Page: 2},
		{Rule: "unmatched-item", Severity: validate.Warning, Message: "评价部分与项目概况不对应", Items: []int{17, 18}, Page: 2},
		{Rule: "amount-unparsed", Severity: validate.Warning, Message: "金额无法读取: 壹万伍"},
		{Rule: "amount-unparsed", Severity: validate.Warning, Message: "金额无法读取: 约三万"},
	}
	return rep, fs
}

// writeFiles writes name → text under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fixtureText is a small report of its own content for unit u and year y.
func fixtureText(u, y int) string {
	return fmt.Sprintf(`测试%d镇 %d 年部门年度绩效自评工作报告

%d 年全镇涉及县级及以上专项资金项目共计 2 个，预算总金额为 %d.%03d 万元，具体项目概况如下：

1. 测试%d镇驻村工作队经费：预算金额 %d 万元，实际拨付 %d 万元。用于解决驻村工作队的经费需求。

2. 测试%d镇信访稳定经费：预算金额 %d.%03d 万元，实际拨付 0 万元。用于维稳经费支出。
`, u, y, y, 20+u, u%1000, u, 20, 20, u, u, u%1000)
}

// integrity runs SQLite's integrity and foreign key checks.
func integrity(t testing.TB, s *Store) {
	t.Helper()
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}
