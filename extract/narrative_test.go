package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/ingest"
)

// referenceItems is the item list of ../testdata/nantun-2023.md as a person reads
// it: seq, budget, actual ("" when none is written), disbursement, sub-projects.
var referenceItems = []struct {
	seq          int
	name         string
	budget       string
	actual       string
	disbursement Disbursement
	subprojects  int
}{
	{1, "南屯镇2023年省级驻村工作队经费", "24", "24", Full, 1},
	{2, "南屯镇信访稳定经费", "19", "13", Partial, 4},
	{3, "关于提前下达2023年下派选调生到村工作中央财政补助资金", "1.073966", "", Unknown, 1},
	{4, "南屯镇2023年285个村服务群众专项经费", "70", "70", Full, 1},
	{5, "南屯镇关于拨付尾矿砂毁耕地补偿款请示", "35.97", "", Unknown, 1},
	{6, "南屯镇2023年县级工作队经费", "40", "", Unknown, 1},
	{7, "南屯镇宋家庄村联建鸡场基础设施配套项目", "103.064", "", Unknown, 1},
	{8, "南屯镇购买无人机项目", "3.6897", "", Unknown, 2},
	{9, "南屯镇购买公务用车项目", "9.81", "", Unknown, 1},
	{10, "南屯镇2021年市级驻村工作队经费", "8", "", Unknown, 1},
	{11, "南屯镇2023年村级组织办公经费", "41.709914", "", Unknown, 2},
	{12, "南屯镇人民政府抢险救灾资金", "54.2", "", Unknown, 2},
	{13, "南屯镇2023年农村“两委”干部绩效补贴", "37.7988", "", Unknown, 1},
	{14, "南屯镇关于拨付2021年农村户厕整改资金", "0.62", "", Unknown, 1},
	{15, "南屯镇防火经费", "9", "5", Partial, 2},
	{16, "南屯镇2023年农村两委干部养老保险", "1.12", "0.67", Partial, 1},
	{17, "南屯镇农村环境治理", "2", "0", None, 1},
	{18, "南屯镇防汛经费", "1", "0", None, 1},
	{19, "南屯镇2023年享受正常离任干部补贴", "14.88", "", Unknown, 1},
	{20, "南屯镇2023年村党组织活动经费", "14.69", "14.69", Full, 1},
	{21, "南屯镇计划生育经费", "0.96", "0.72", Partial, 1},
	{22, "南屯镇2023年防火员8个月防火期工资", "27.6", "27.6", Full, 1},
	{23, "南屯镇防贫监测员2022年1-12月劳务报酬", "28.476", "", Unknown, 1},
	{24, "南屯镇2023年民政统筹经费", "0.48", "0.36", Partial, 1},
	{25, "南屯镇2023年卫生补助专项经费", "0.48", "0.36", Partial, 1},
	{26, "南屯镇危房改造项目", "26.4", "", Unknown, 2},
	{27, "南屯镇张石高速两侧土地流转绿化资金", "116.17825", "", Unknown, 1},
	{28, "关于提前下达2022年下派选调生到村工作中中央财政补助资金", "1.28936", "", Unknown, 1},
	{29, "南屯镇转移安置（集中安置）人员救助金", "0.265", "", Unknown, 1},
	{30, "南屯镇2023年耕地地力保护项目", "137.041641", "", Unknown, 1},
	{31, "南屯镇荣乌高速两侧土地流转绿化资金", "72.8883", "", Unknown, 1},
	{32, "南屯镇2023年度AKTD资金", "1.85", "", Unknown, 1},
}

func readTestReport(t testing.TB, path string) (*ingest.Document, *Report) {
	t.Helper()
	doc, err := ingest.ReadFile(context.Background(), path, ingest.Options{PDFInProcess: true})
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", path, err)
	}
	r, err := Extract(doc)
	if err != nil {
		t.Fatalf("Extract(%s): %v", path, err)
	}
	return doc, r
}

func TestReferenceReport(t *testing.T) {
	doc, r := readTestReport(t, "../testdata/nantun-2023.md")
	if r.Genre != Narrative || r.Unit != "南屯镇" || r.Year != 2023 || r.Title != "南屯镇2023年部门年度绩效自评工作报告" {
		t.Errorf("header = %q %q %d %q", r.Genre, r.Unit, r.Year, r.Title)
	}
	if r.Stated.Count == nil || *r.Stated.Count != 40 {
		t.Errorf("stated count = %v, want 40", r.Stated.Count)
	}
	if r.Stated.TotalWan == nil || r.Stated.TotalWan.String() != "937.131003" || r.Stated.Total.Decimals != 6 {
		t.Errorf("stated total = %v, want 937.131003 with 6 decimals", r.Stated.TotalWan)
	}
	if len(r.Items) != len(referenceItems) {
		t.Fatalf("%d items, want %d", len(r.Items), len(referenceItems))
	}
	subs := 0
	sum := decimal.Zero
	for i, want := range referenceItems {
		it := r.Items[i]
		if it.Seq != want.seq || it.Name != want.name {
			t.Errorf("item %d = %d %q, want %d %q", i, it.Seq, it.Name, want.seq, want.name)
		}
		if got := it.BudgetWan.String(); got != want.budget {
			t.Errorf("item %d budget = %s, want %s", want.seq, got, want.budget)
		}
		gotActual := ""
		if it.ActualWan != nil {
			gotActual = it.ActualWan.String()
		}
		if gotActual != want.actual || it.Disbursement != want.disbursement || it.Subprojects != want.subprojects {
			t.Errorf("item %d actual %q %s subprojects %d, want %q %s %d",
				want.seq, gotActual, it.Disbursement, it.Subprojects, want.actual, want.disbursement, want.subprojects)
		}
		if it.Page != 1 {
			t.Errorf("item %d page = %d", want.seq, it.Page)
		}
		if !strings.Contains(doc.Text[it.Span[0]:it.Span[1]], strings.TrimPrefix(want.budget, "")) {
			t.Errorf("item %d span %v does not hold its budget: %q", want.seq, it.Span, doc.Text[it.Span[0]:it.Span[1]])
		}
		subs += it.Subprojects
		sum = sum.Add(*it.BudgetWan)
	}
	if subs != 40 {
		t.Errorf("sub-projects sum to %d, want 40", subs)
	}
	if sum.String() != "905.534931" {
		t.Errorf("budgets sum to %s, want 905.534931", sum)
	}
	// amounts as written
	if b := r.Items[26].Budget; b.Raw != "116.17825 万元" || b.Decimals != 5 || b.Unit != "万元" {
		t.Errorf("item 27 budget as written = %+v", b)
	}
	// purposes: 用于… without the lead word; item 15 has no 用于
	if p := r.Items[0].Purpose; !strings.HasPrefix(p, "解决脱贫驻村工作队的经费需求，为百姓服务") {
		t.Errorf("item 1 purpose = %q (the line break in 经费需/求 must be rejoined)", p)
	}
	if p := r.Items[14].Purpose; p != "为扎实有效开展辖区内的防灭火工作，解决我镇资金经费不足问题" {
		t.Errorf("item 15 purpose = %q", p)
	}
	if p := r.Items[16].Purpose; p != "" {
		t.Errorf("item 17 purpose = %q, want none", p)
	}
}

func TestReferenceEvaluationsLinked(t *testing.T) {
	_, r := readTestReport(t, "../testdata/nantun-2023.md")
	if len(r.Evaluations) != 32 {
		t.Fatalf("%d evaluation entries, want 32", len(r.Evaluations))
	}
	for _, ev := range r.Evaluations {
		if ev.Item != ev.Seq {
			t.Errorf("evaluation （%d）%q linked to item %d (similarity %.2f)", ev.Seq, ev.Heading, ev.Item, ev.Similarity)
		}
	}
	for _, it := range r.Items {
		want := 5
		if it.Seq == 17 || it.Seq == 18 {
			want = 3
		}
		n := 0
		for _, d := range Dimensions {
			if strings.TrimSpace(it.Evaluation[d]) != "" {
				n++
			}
		}
		if n != want {
			t.Errorf("item %d has %d dimensions, want %d: %v", it.Seq, n, want, it.Evaluation)
		}
	}
	// text broken across blank lines is rejoined: 设 / 定的, 项目质 / 量可控, 社会公众 / 的满意度
	if got := r.Items[7].Evaluation["立项"]; !strings.Contains(got, "设定的绩效目标合理") {
		t.Errorf("item 8 立项 = %q", got)
	}
	if got := r.Items[20].Evaluation["业务管理"]; got != "管理制度健全、制度执行有效、项目质量可控。" {
		t.Errorf("item 21 业务管理 = %q", got)
	}
	if got := r.Items[14].Evaluation["效益"]; got != "火灾案件查处率达到90%以上，社会公众的满意度非常高。" {
		t.Errorf("item 15 效益 = %q", got)
	}
}

func TestReferenceClaim(t *testing.T) {
	doc, r := readTestReport(t, "../testdata/nantun-2023.md")
	if len(r.Claims) != 1 || r.Claims[0].Text != "40 个专项工作中，全部按预算实施验收完毕。" {
		t.Fatalf("claims = %+v", r.Claims)
	}
	c := r.Claims[0]
	if doc.Text[c.Span[0]:c.Span[1]] != c.Text {
		t.Errorf("claim span %v holds %q", c.Span, doc.Text[c.Span[0]:c.Span[1]])
	}
	if len(r.Unparsed) != 0 {
		t.Errorf("unparsed = %+v", r.Unparsed)
	}
}
