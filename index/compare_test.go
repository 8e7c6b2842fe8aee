package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// A synthetic corpus for comparing the jieba index with bleve's cjk bigrams:
// items drawn from project templates whose relevance to each query is known
// by construction. Some templates are traps: they hold a query as a
// substring across a word boundary (乡村民宿 holds 村民, 加工资金 holds 工资),
// which bigrams match and words do not. As in real reports, a trap item
// repeats its own subject (name, purpose, output) while a relevant item
// may name the query word once.

// projectTemplate is one kind of project: its name ({u} unit, {y} year),
// purpose, output line, and the queries it is relevant to.
type projectTemplate struct {
	name, purpose, output string
	relevant              []string
}

var projectTemplates = []projectTemplate{
	{"{u}{y}年省级驻村工作队经费", "用于解决脱贫驻村工作队的经费需求，为百姓服务。", "驻村工作队工作认真，经费及时拨付。", []string{"驻村工作队", "驻村"}},
	{"{u}{y}年县级工作队经费", "用于保障驻村工作队员生活补助。", "工作队员补助及时发放。", []string{"驻村工作队", "驻村", "生活"}},
	{"{u}森林防火经费", "用于森林防火巡查和扑火物资购置。", "日常巡查次数达到100次以上。", []string{"防火"}},
	{"{u}{y}年防火员防火期工资", "用于支付防火员防火期工资。", "防火员工资及时发放。", []string{"防火", "工资"}},
	{"{u}购买无人机项目", "用于购买无人机，加强防火巡逻。", "巡护面积扩大。", []string{"防火"}},
	{"{u}村民小组长误工补贴", "用于发放小组长误工补贴。", "补贴按时发放。", []string{"村民"}},
	{"{u}村民委员会换届选举经费", "用于村委会换届选举工作。", "换届选举顺利完成。", []string{"村民"}},
	{"{u}乡村民宿发展补助", "用于扶持乡村民宿改造提升。", "乡村民宿接待游客2000人次。", nil},
	{"{u}农产品加工资金补助", "用于农产品加工资金贴息。", "落实加工资金50万元。", nil},
	{"{u}保洁员工资", "用于支付农村保洁员报酬。", "保洁员足额发放。", []string{"工资"}},
	{"{u}生活垃圾清运经费", "用于农村垃圾收集清运。", "垃圾日产日清。", []string{"生活"}},
	{"{u}低保对象生活补助", "用于发放城乡低保对象补助。", "补助足额兑现。", []string{"生活"}},
	{"{u}环境卫生活动经费", "用于开展爱国卫生活动。", "卫生活动每月开展一次。", nil},
	{"{u}{y}年耕地地力保护补贴", "用于发放耕地地力保护补贴资金。", "补贴资金及时发放。", []string{"地力保护", "耕地"}},
	{"{u}高标准农田建设项目", "用于高标准农田建设，保护耕地。", "建成高标准农田2000亩。", []string{"耕地"}},
	{"{u}两委干部养老保险", "用于缴纳村两委干部养老保险。", "养老保险按时缴纳。", []string{"养老保险"}},
	{"{u}城乡居民养老保险补助", "用于城乡居民基本养老保险缴费补贴。", "参保率达到95%。", []string{"养老保险"}},
	{"{u}民生实事项目", "用于办理为民实事，改善群众生活条件。", "完成实事10件。", []string{"民生", "生活"}},
	{"{u}农民生产技能培训", "用于开展农民生产技能培训。", "农民生产技能明显提高。", nil},
	{"{u}农村户厕改造", "用于农村户厕改造，改善人居环境。", "改造户厕150户。", []string{"户厕"}},
	{"{u}危房改造项目", "用于农村危房改造，保障住房安全。", "完成危房改造20户。", []string{"危房改造"}},
	{"{u}公安检查站建设补助", "用于检查站建设。", "检查站建成投入使用。", []string{"公安"}},
	{"{u}办公安全防护改造", "用于政府办公安全防护设施改造。", "办公安全隐患全部消除。", nil},
	{"{u}信访稳定经费", "用于维护正常信访秩序。", "维护了信访稳定。", nil},
	{"{u}购买公务用车项目", "用于购买公务用车，增强工作效率。", "工作效率提高。", nil},
	{"{u}村级组织办公经费", "用于村级组织日常办公。", "保障村级运转正常。", nil},
	{"{u}抢险救灾资金", "用于暴雨抢险救灾。", "保障受灾农户正常生活。", []string{"生活"}},
	{"{u}计划生育经费", "用于计划生育基层基础工作。", "政策落实率100%。", nil},
	{"{u}防汛经费", "用于防汛物资储备。", "汛期安全度过。", nil},
	{"{u}选调生到村工作补助", "用于选调生到村工作所需费用。", "选调生费用及时支付。", nil},
	{"{u}防贫监测员劳务报酬", "用于支付防贫监测员劳务报酬。", "监测员工作积极。", nil},
}

// benchQueries are the queries whose precision is measured.
var benchQueries = []string{"驻村工作队", "驻村", "防火", "村民", "工资", "生活", "民生", "公安", "地力保护", "耕地", "养老保险", "危房改造", "户厕"}

var benchUnits = []string{"南屯镇", "北山乡", "东河镇", "西岭乡", "石门镇", "青龙镇", "白杨乡", "红旗镇", "大营乡", "柳河镇",
	"清泉乡", "双井镇", "马坊镇", "桃源乡", "黄土岭乡", "官庄镇", "新集镇", "李家堡乡", "高桥镇", "杨柳镇"}

// syntheticCorpus makes one report per unit and year, each with perReport
// items drawn from the templates, and the report id and item seq of each
// item's template.
func syntheticCorpus(years, perReport int, seed uint64) (ids []string, reports []*extract.Report, template map[string]int) {
	rng := rand.New(rand.NewPCG(seed, 1))
	template = map[string]int{}
	for y := 0; y < years; y++ {
		year := 2023 - y
		for ui, unit := range benchUnits {
			id := fmt.Sprintf("r%02d%d", ui, year)
			r := &extract.Report{Unit: unit, Year: year, Genre: extract.Narrative, Title: fmt.Sprintf("%s%d年部门绩效自评报告", unit, year)}
			for seq := 1; seq <= perReport; seq++ {
				ti := rng.IntN(len(projectTemplates))
				tp := projectTemplates[ti]
				name := strings.NewReplacer("{u}", unit, "{y}", fmt.Sprint(year)).Replace(tp.name)
				budget := decimal.New(int64(rng.IntN(2000000)+100), -4)
				r.Items = append(r.Items, extract.Item{
					Seq: seq, Name: name, BudgetWan: &budget, Purpose: tp.purpose,
					Evaluation: map[string]string{"立项": evalApproval, "资金落实": evalFunds, "业务管理": evalManage, "产出": tp.output, "效益": "社会公众的满意度非常高。"},
				})
				template[fmt.Sprintf("%s/%d", id, seq)] = ti
			}
			ids = append(ids, id)
			reports = append(reports, r)
		}
	}
	return ids, reports, template
}

// quality measures one query: the share of relevant hits among the first
// ten, among all hits, and the recall (the share of relevant items found).
type quality struct{ p10, precision, recall float64 }

func measureQuery(t testing.TB, ix *Index, query string, template map[string]int) quality {
	t.Helper()
	relevant := func(h Hit) bool {
		if h.Seq == nil {
			return false
		}
		return slices.Contains(projectTemplates[template[fmt.Sprintf("%s/%d", h.Report, *h.Seq)]].relevant, query)
	}
	res, err := ix.Search(context.Background(), Query{Text: query, Size: maxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, ti := range template {
		if slices.Contains(projectTemplates[ti].relevant, query) {
			total++
		}
	}
	top, found := 0, 0
	for i, h := range res.Hits {
		if relevant(h) {
			found++
			if i < 10 {
				top++
			}
		}
	}
	if total < 10 {
		t.Fatalf("query %s: %d relevant items in the corpus, want 10 or more", query, total)
	}
	q := quality{p10: float64(top) / 10, recall: float64(found) / float64(total)}
	if len(res.Hits) > 0 {
		q.precision = float64(found) / float64(len(res.Hits))
	}
	if res.Total > uint64(len(res.Hits)) {
		t.Fatalf("query %s: %d hits, more than a page", query, res.Total)
	}
	return q
}

// buildCompared indexes the corpus with the given analyzers.
func buildCompared(t testing.TB, dir string, an analyzers, ids []string, reports []*extract.Report) *Index {
	t.Helper()
	ix, err := open(dir, DefaultTimeout, an)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range reports {
		if err := ix.Put(ids[i], r, nil); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

// Jieba keeps precision where bigrams match across word boundaries, and
// loses no recall: the bigram field serves the longer terms.
func TestJiebaPrecisionAgainstCJK(t *testing.T) {
	ids, reports, template := syntheticCorpus(1, 30, 7)
	jb := buildCompared(t, filepath.Join(t.TempDir(), "jieba"), jiebaAnalyzers, ids, reports)
	defer jb.Close()
	cj := buildCompared(t, filepath.Join(t.TempDir(), "cjk"), cjkAnalyzers, ids, reports)
	defer cj.Close()
	traps := map[string]bool{"村民": true, "工资": true, "生活": true, "民生": true, "公安": true}
	for _, q := range benchQueries {
		j := measureQuery(t, jb, q, template)
		c := measureQuery(t, cj, q, template)
		t.Logf("%-6s jieba P@10 %.1f precision %.2f recall %.2f   cjk P@10 %.1f precision %.2f recall %.2f",
			q, j.p10, j.precision, j.recall, c.p10, c.precision, c.recall)
		if j != (quality{1, 1, 1}) {
			t.Errorf("%s: jieba %+v, want all 1", q, j)
		}
		if c.recall != 1 {
			t.Errorf("%s: cjk recall %.2f, want 1 (every relevant item holds the query as written)", q, c.recall)
		}
		if traps[q] != (c.p10 < 1) {
			t.Errorf("%s: cjk P@10 %.1f, trap %v", q, c.p10, traps[q])
		}
	}
}
