package web

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileWithSeveralReports: each report of a file that holds several
// (here an annex of two published 自评表) has its page, which names the
// others, and a sheet's figures show their cells.
func TestFileWithSeveralReports(t *testing.T) {
	hs, err1 := os.ReadFile("../testdata/real/docs/hunan-hengshan-guantangxiang-2023-juesuan.txt")
	dy, err2 := os.ReadFile("../testdata/real/docs/sichuan-daying-sifaju-2023-ankezhidai.txt")
	if err1 != nil || err2 != nil {
		t.Skip("the published tables are not in the corpus")
	}
	a, b := string(hs), string(dy)
	dir := t.TempDir()
	bundle := filepath.Join(dir, "bundle.txt")
	os.WriteFile(bundle, []byte(a[strings.Index(a, "附件二"):]+"\n\n"+b[strings.Index(b, "部门预算项目支出绩效自评表"):]), 0o644)
	f := newFixtureOf(t, Options{}, bundle, "../testdata/formats/hengshan-2023-zhengti.xlsx")
	defer f.close()
	id, err := f.store.Resolve(t.Context(), bundle)
	if err != nil {
		t.Fatal(err)
	}
	rec := f.do(request(http.MethodGet, "/reports/"+id+"-2", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.Contains(body, "本文件共 2 份报告") || !strings.Contains(body, `href="/reports/`+id+`"`) ||
		!strings.Contains(body, "<strong>第 2 份</strong>") || !strings.Contains(body, "3.36") {
		t.Fatalf("the second report's page (%d) does not show it or its sibling", rec.Code)
	}
	xid, err := f.store.Resolve(t.Context(), "../testdata/formats/hengshan-2023-zhengti.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	rec = f.do(request(http.MethodGet, "/reports/"+xid, nil))
	if body := rec.Body.String(); !strings.Contains(body, "单元格 自评表!E5") || !strings.Contains(body, "自评表!B4") {
		t.Errorf("the sheet's cells are not shown")
	}
}
