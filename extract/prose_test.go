package extract

import (
	"context"
	"testing"

	"github.com/jixiao/jixiao/ingest"
)

// proseReport reads a short text written for the test as a narrative report.
func proseReport(t *testing.T, text string) *Report {
	t.Helper()
	doc, err := ingest.Read(context.Background(), "t.txt", []byte(text), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func decOrEmpty(r *Report) string {
	if r.Stated.TotalWan == nil {
		return ""
	}
	return r.Stated.TotalWan.String()
}

// TestStatedTotalPhrasings: the stated total in the common phrasings, and,
// when several candidates appear, the one the sentence says is the total.
func TestStatedTotalPhrasings(t *testing.T) {
	tests := []struct {
		name, text, want string
		role             string // role of a candidate that must be kept ("" none)
	}{
		{"共计", "一、基本情况\n我单位专项资金共计120.5万元，主要用于道路维修。\n", "120.5", ""},
		{"共下达", "一、基本情况\n本年度衔接资金共下达105万元，用于实施村道硬化项目。\n", "105", ""},
		{"安排资金 without 元", "一、基本情况\n用于乡村建设任务安排资金19204.096万。其中，央省14059.11万元、市级1299万元、县级3845.986万元。\n", "19204.096", "part"},
		{"计划投资", "一、基本情况\n我县2022年通村道路建设项目计划投资2179万元。\n", "2179", ""},
		{"总预算为 in 元", "一、基本情况\n该项目总预算为1,030,640元，已完成。\n", "103.064", ""},
		{"batch totals vs overall", "一、资金情况\n一批项目批复总投资3374.3万元，二批项目批复总投资2069.51万元，合计批复总投资5443.81万元。\n", "5443.81", ""},
		{"payment is not the total", "一、资金情况\n下达资金200万元。已完成拨付180万元，执行率90%。\n", "200", "actual"},
		{"adjusted over initial", "一、基本情况\n年初批复预算985万元，调整预算后项目预算861.46万元，实际到位资金334.67万元。\n", "861.46", "initial-budget"},
		{"到位资金 when nothing states a budget", "一、基本情况\n本年度到位资金56万元，用于排水沟建设。\n", "56", ""},
		{"contract price is not a budget", "一、基本情况\n项目合同造价76.84万元，项目累计支付资金合计795333.77元。\n", "", "contract"},
		{"a rate per head is not money", "一、基本情况\n按生均1000元安排，共计239万元，其中上级资金179.25万元，本级59.75万元。\n", "239", "part"},
		{"an estimate is not the budget", "一、基本情况\n该工程估算投资1200万元，2023年下达资金300万元，已拨付300万元。\n", "300", "estimate"},
		{"a project's 总投资 beside the year's grant", "一、基本情况\n项目总投资860万元，本年度安排资金200万元，已支付200万元。\n", "200", "estimate"},
		{"a project's 总投资 when nothing else is stated", "一、基本情况\n项目总投资25万元，用于村内道路硬化。\n", "25", ""},
		{"概算 alone is no total", "一、基本情况\n工程总概算540万元，正在实施。\n", "", "estimate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := proseReport(t, tt.text)
			if got := decOrEmpty(r); got != tt.want {
				t.Errorf("stated total = %q, want %q", got, tt.want)
			}
			if tt.role != "" {
				found := false
				for _, c := range r.Stated.Candidates {
					found = found || c.Role == tt.role
				}
				if !found {
					t.Errorf("no %s candidate kept: %+v", tt.role, r.Stated.Candidates)
				}
			}
		})
	}
}

// TestStatedCountPhrasings: counts in Chinese numerals and other positions;
// a count of something else is not a project count.
func TestStatedCountPhrasings(t *testing.T) {
	tests := []struct {
		name, text string
		want       int // 0: none
	}{
		{"项目为一个", "一、基本情况\n我校2022年项目为一个：生均公用经费项目。\n", 1},
		{"共七个项目", "一、基本情况\n本年度共七个项目，均已完成。\n", 7},
		{"实施专项资金项目 N 个", "一、基本情况\n我乡共实施专项资金项目9个。\n", 9},
		{"涉及 N 个项目", "一、基本情况\n本次自评涉及3个项目。\n", 3},
		{"a library is not the count", "一、基本情况\n全区衔接资金库项目共计79个，纳入年度项目实施计划项目30个。\n", 30},
		{"units are not projects", "一、基本情况\n直属事业单位10个，覆盖村285个。\n", 0},
		{"indicators are not projects", "一、基本情况\n该项目共编制15个绩效目标指标。\n", 0},
		{"a sample, not its population", "一、基本情况\n全县绩效自评项目111个。按全县绩效自评项目111个10%以上抽查，抽查项目12个。\n", 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := proseReport(t, tt.text)
			got := 0
			if r.Stated.Count != nil {
				got = *r.Stated.Count
			}
			if got != tt.want {
				t.Errorf("stated count = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestProseItems: items however they are listed.
func TestProseItems(t *testing.T) {
	type item struct{ name, budget, actual string }
	tests := []struct {
		name, text string
		want       []item
	}{
		{"一是 list", "（三）项目预算投入\n一是规划编制,需资金277万元\n二是道路建设600万元\n", []item{{"规划编制", "277", ""}, {"道路建设", "600", ""}}},
		{"numbered paragraphs before a year", "一、基本情况\n1.2021年第一批养殖基地建设项目，建设水渠207.5米。统筹整合使用财政涉农资金303万元，其中项目管理费3万元，目前项目资金已拨付270万元。\n2.2021年第一批基础设施建设项目，硬化道路。统筹整合使用财政涉农资金107.13万元，目前项目资金已拨付106.36万元。\n",
			[]item{{"2021年第一批养殖基地建设项目", "303", "270"}, {"2021年第一批基础设施建设项目", "107.13", "106.36"}}},
		{"其中 list in the next sentence", "一、资金情况\n下达2023年中央水利发展资金2263万元。其中：中小河流治理工程1435万元，小型水库工程维修养护25万元。\n",
			[]item{{"中小河流治理工程", "1435", ""}, {"小型水库工程维修养护", "25", ""}}},
		{"parts then total", "一、资金情况\n建厂房及基础设施建设12.08万元；购买变压器一套18.8万元；共计30.88万元。\n",
			[]item{{"建厂房及基础设施建设", "12.08", ""}, {"购买变压器一套", "18.8", ""}}},
		{"batches", "一、资金情况\n一批项目县级批复总投资3374.3万元(其中建筑工程3292万元)，二批项目县级批复总投资2069.51万元，合计批复总投资5443.81万元。\n",
			[]item{{"一批项目县级", "3374.3", ""}, {"二批项目县级", "2069.51", ""}}},
		{"distribution", "一、资金情况\n下达我市场地器材补短工程160万元。分别下达甲县和乙市各80万元。\n", []item{{"甲县", "80", ""}, {"乙市", "80", ""}}},
		{"分别为 inline list", "一、资金情况\n两个项目资金分别为道路硬化5万元、路灯安装18万元。\n", []item{{"道路硬化", "5", ""}, {"路灯安装", "18", ""}}},
		{"batches as items", "一、资金情况\n第一批下达资金50万元，第二批下达资金30万元，用于村道建设。\n", []item{{"第一批", "50", ""}, {"第二批", "30", ""}}},
		{"fund sources are not items", "一、资金情况\n获得财政衔接资金共1077.56万元，其中：中央专项衔接资金630.2万元，省级专项衔接资金429.36万元，市级资金18万元。\n", nil},
		{"single project in prose", "一、绩效目标分解下达情况\n下达我县彩票公益金补助资金200万元，用于残疾人托养中心建设项目。\n二、资金\n200万元补助资金严格按照规定全部用于了托养中心建设。\n",
			[]item{{"残疾人托养中心建设项目", "200", "200"}}},
		{"single project named by apposition", "一、基本情况\n本年度转移支付资金即甲村公益事业建设奖补项目(普惠)，建设挡墙一堵。\n项目累计支付资金合计795333.77元。\n",
			[]item{{"甲村公益事业建设奖补项目(普惠)", "", "79.533377"}}},
		{"single project, payment in a later sentence", "一、基本情况\n我县2022年通村道路建设项目计划投资2179万元。\n二、资金\n截止12月8日，已完成拨付2113.63万元，执行率97%。\n",
			[]item{{"2022年通村道路建设项目", "2179", "2113.63"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := proseReport(t, tt.text)
			if len(r.Items) != len(tt.want) {
				t.Fatalf("%d items, want %d: %+v", len(r.Items), len(tt.want), r.Items)
			}
			for i, w := range tt.want {
				it := r.Items[i]
				b, a := "", ""
				if it.BudgetWan != nil {
					b = it.BudgetWan.String()
				}
				if it.ActualWan != nil {
					a = it.ActualWan.String()
				}
				if it.Name != w.name || b != w.budget || a != w.actual {
					t.Errorf("item %d = %q %q %q, want %q %q %q", i+1, it.Name, b, a, w.name, w.budget, w.actual)
				}
			}
		})
	}
}

// TestProseSumsAndRates: sums whose parts follow in the next sentence, a list
// cut off by the text, and rates beside their amounts.
func TestProseSumsAndRates(t *testing.T) {
	r := proseReport(t, "一、资金情况\n共完成预算资金89.97万元。其中：甲项目30万元，乙项目30万元，丙项目29.97万元。\n"+
		"二、执行\n项目资金共2179万元，已完成拨付2113.63万元，执行率97%。\n")
	if len(r.Sums) != 1 || r.Sums[0].Total.Wan.String() != "89.97" || len(r.Sums[0].Parts) != 3 {
		t.Errorf("sums = %+v", r.Sums)
	}
	if len(r.Rates) != 1 || r.Rates[0].Rate.String() != "97" || r.Rates[0].Actual.Wan.String() != "2113.63" || r.Rates[0].Budget.Wan.String() != "2179" {
		t.Errorf("rates = %+v", r.Rates)
	}
	cut := proseReport(t, "一、资金情况\n涉及预算金额3.69亿元，其中：一般公共预算资金0.69亿元，政府性基金0.41亿元")
	if len(cut.Sums) != 0 {
		t.Errorf("a list the text cuts off was summed: %+v", cut.Sums)
	}
}

// TestSourceItemsAndSubtotals: execution given by fund source is read as one
// item per source, and a total whose sources are part of another total's is
// a subtotal.
func TestSourceItemsAndSubtotals(t *testing.T) {
	r := proseReport(t, "一、绩效目标分解下达情况\n中、省下达补助资金合计300万元。其中，中央资金200万元，省级资金100万元。地方投入补助资金50万元。\n"+
		"实际完成情况为：中央资金完成180万元，预算执行率90%，省级资金完成100万元，预算执行率100%，地方资金完成50万元，预算执行率100%。\n"+
		"二、资金投入情况分析\n共投入资金350万元。其中中央资金投入200万元，省级资金投入100万元，地方资金投入50万元。\n")
	if got := decOrEmpty(r); got != "350" {
		t.Errorf("stated total = %q, want 350 (300 is the 中、省 subtotal)", got)
	}
	want := []struct{ name, budget, actual string }{{"中央资金", "200", "180"}, {"省级资金", "100", "100"}, {"地方资金", "50", "50"}}
	if len(r.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(r.Items), len(want), r.Items)
	}
	for i, w := range want {
		it := r.Items[i]
		if it.Name != w.name || it.BudgetWan == nil || it.BudgetWan.String() != w.budget || it.ActualWan == nil || it.ActualWan.String() != w.actual {
			t.Errorf("item %d = %q %v %v, want %+v", i+1, it.Name, it.BudgetWan, it.ActualWan, w)
		}
	}
}

// TestColonListWithOtherOverview: a colon list (1. 名称：预算…) under an
// overview phrased otherwise than 项目共计 N 个，预算总金额为 X.
func TestColonListWithOtherOverview(t *testing.T) {
	r := proseReport(t, "一、基本情况\n本年度共下达资金30万元，实施项目两个。\n二、项目情况\n1. 甲村道路硬化项目：预算资金20万元，实际拨付20万元。\n2. 乙村路灯安装项目：预算资金10万元，实际拨付8万元。\n")
	if got := decOrEmpty(r); got != "30" {
		t.Errorf("stated total = %q, want 30", got)
	}
	if r.Stated.Count == nil || *r.Stated.Count != 2 {
		t.Errorf("stated count = %v, want 2", r.Stated.Count)
	}
	if len(r.Items) != 2 {
		t.Errorf("%d items, want 2", len(r.Items))
	}
}

// TestProjectNameLabel: a 项目名称 label read from a line that runs on into the
// next labels (项目实施单位, 主管部门, 项目负责人) stops before them.
func TestProjectNameLabel(t *testing.T) {
	for _, text := range []string{
		"某镇2023年项目绩效自评报告\n项目名称：长岭村道路硬化工程项目实施单位：某镇人民政府主管部门：某县交通运输局\n一、项目基本情况\n本项目计划投资50万元。截至年底，本项目资金已全部拨付。\n",
		"某镇2023年项目绩效自评报告\n项目名称：长岭村道路硬化工程项目负责人：张三\n一、项目基本情况\n本项目计划投资50万元。截至年底，本项目资金已全部拨付。\n",
	} {
		r := proseReport(t, text)
		if len(r.Items) != 1 || r.Items[0].Name != "长岭村道路硬化工程" {
			var names []string
			for _, it := range r.Items {
				names = append(names, it.Name)
			}
			t.Errorf("items %q, want the one project 长岭村道路硬化工程", names)
		}
	}
}

// TestUnitFromOtherHands: the unit where other hands put it — a 发布单位 or
// 来源 line, a breadcrumb, the signature — with a name ending in 建设局,
// 卫生院 or 中心学校 kept whole, and never the publisher when the report
// speaks for another unit (我校 on a bureau's page, 我市 on a town's page).
func TestUnitFromOtherHands(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"发布单位", "2023年度项目支出绩效自评报告\n发布单位：桃源县住房和城乡建设局 发布时间：2024-03-01\n一、基本情况\n我局2023年农村危房改造项目下达资金80万元，已全部拨付。\n", "桃源县住房和城乡建设局"},
		{"来源 line", "2022年度项目绩效自评报告\n来源：石门县卫生健康局\n一、基本情况\n我局2022年基本公共卫生服务项目下达资金120万元。\n", "石门县卫生健康局"},
		{"breadcrumb", "当前位置：首页 > 乡镇 > 白沙镇 > 财政信息\n2023年度衔接资金项目绩效自评报告\n一、基本情况\n我镇2023年实施衔接资金项目，下达资金50万元。\n", "白沙镇"},
		{"signature of a 卫生院", "2023年度基本公共卫生服务项目绩效自评报告\n一、基本情况\n我院2023年收到基本公共卫生服务补助资金45.6万元，已全部使用。\n\n大坪镇中心卫生院\n2024年3月10日\n", "大坪镇中心卫生院"},
		{"signature of a 中心学校", "2023年度营养改善计划绩效自评报告\n一、基本情况\n我校2023年营养改善计划资金38万元，已全部支出。\n\n永和乡中心学校\n2024年3月5日\n", "永和乡中心学校"},
		{"我校 on a bureau's page", "2023年度教育专项工作经费绩效自评报告\n发布机构：昌宁县教育体育局\n一、基本情况\n我校2023年教育专项工作经费16.2万元，已全部拨付。\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := proseReport(t, tt.text)
			if r.Unit != tt.want {
				t.Errorf("unit = %q, want %q", r.Unit, tt.want)
			}
		})
	}
}
