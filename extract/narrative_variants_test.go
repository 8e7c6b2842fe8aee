package extract

import (
	"strings"
	"testing"
)

// TestNarrativeByOtherHands reads reports written like the reference one but
// by other units: other numbering (（一）, 一、, 1、), other amount words
// (预算资金, 下达资金, 实际支出), amounts in 元 with separators, full-width
// digits, an approximate figure, and GB18030 / UTF-16 files.
func TestNarrativeByOtherHands(t *testing.T) {
	type item struct {
		name, budget, actual string
		disb                 Disbursement
		subs                 int
		dims                 int
	}
	tests := []struct {
		file, unit, encoding string
		year, count          int
		total                string
		items                []item
		evalLinks            map[int]int // evaluation seq → item seq (0: none)
	}{
		{
			file: "../testdata/qiaotou-2022.gb18030.txt", unit: "桥头乡", encoding: "GB18030", year: 2022, count: 8, total: "131.85",
			items: []item{
				{"桥头乡2022年驻村工作队经费", "24", "24", Full, 1, 5},
				{"桥头乡村级组织运转经费", "45.6", "45.6", Full, 3, 5},
				{"桥头乡一事一议财政奖补项目", "31.25", "30", Partial, 1, 5},
				{"桥头乡耕地地力保护补贴", "21", "21", Full, 2, 5},
				{"桥头乡选调生工作经费", "10", "10", Full, 1, 5},
			},
			evalLinks: map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5},
		},
		{
			file: "testdata/hexi-2021.md", unit: "河西镇", encoding: "UTF-8", year: 2021, count: 6, total: "86.5",
			items: []item{
				{"河西镇2021年防汛抗旱经费", "12.34", "12.34", Full, 1, 5},
				{"河西镇农村人居环境整治项目", "30.08", "28.5", Partial, 1, 5},
				{"河西镇2021年村级公益岗位补贴", "24.1", "24.1", Full, 2, 5},
				{"河西镇高标准农田建设配套资金", "15", "0", None, 1, 3},
				{"河西镇户厕改造奖补资金", "5", "5", Full, 1, 5},
			},
			evalLinks: map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5},
		},
		{
			file: "testdata/dongcheng-2024.utf16.txt", unit: "东城街道办事处", encoding: "UTF-16LE", year: 2024, count: 5, total: "120",
			items: []item{
				{"东城街道社区服务群众专项经费", "50", "52", Full, 1, 5},
				{"东城街道老旧小区改造补助", "40", "38", Partial, 1, 0},
				{"东城街道网格员补贴", "24", "24", Full, 1, 5},
				{"东城街道文化活动经费", "8.5", "8.5", Full, 1, 5},
			},
			// the evaluation numbers its entries differently and evaluates a project not listed
			evalLinks: map[int]int{1: 1, 2: 3, 3: 4, 4: 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, r := readTestReport(t, tt.file)
			if tt.encoding != "UTF-8" && !strings.Contains(strings.Join(doc.Warnings, ";"), tt.encoding) {
				t.Errorf("warnings %v do not name the encoding %s", doc.Warnings, tt.encoding)
			}
			if r.Unit != tt.unit || r.Year != tt.year {
				t.Errorf("unit/year = %q %d, want %q %d", r.Unit, r.Year, tt.unit, tt.year)
			}
			if r.Stated.Count == nil || *r.Stated.Count != tt.count || r.Stated.TotalWan == nil || r.Stated.TotalWan.String() != tt.total {
				t.Errorf("stated = %v %v, want %d %s", r.Stated.Count, r.Stated.TotalWan, tt.count, tt.total)
			}
			if len(r.Items) != len(tt.items) {
				t.Fatalf("%d items, want %d", len(r.Items), len(tt.items))
			}
			for i, want := range tt.items {
				it := r.Items[i]
				actual := ""
				if it.ActualWan != nil {
					actual = it.ActualWan.String()
				}
				if it.Seq != i+1 || it.Name != want.name || it.BudgetWan.String() != want.budget || actual != want.actual ||
					it.Disbursement != want.disb || it.Subprojects != want.subs || len(it.Evaluation) != want.dims {
					t.Errorf("item %d = %q %s %q %s %d dims %d; want %+v", it.Seq, it.Name, it.BudgetWan, actual,
						it.Disbursement, it.Subprojects, len(it.Evaluation), want)
				}
			}
			if len(r.Evaluations) != len(tt.evalLinks) {
				t.Fatalf("%d evaluation entries, want %d", len(r.Evaluations), len(tt.evalLinks))
			}
			for _, ev := range r.Evaluations {
				if ev.Item != tt.evalLinks[ev.Seq] {
					t.Errorf("evaluation %d %q linked to %d, want %d", ev.Seq, ev.Heading, ev.Item, tt.evalLinks[ev.Seq])
				}
			}
		})
	}
}

// A letter among the digits (1O.5) is reported, not read as 1 or dropped;
// the total in 大写 is read exactly; the unit stands above the title.
func TestUnreadableFigure(t *testing.T) {
	_, r := readTestReport(t, "testdata/liuzhuang-2019.txt")
	if r.Unit != "柳庄乡人民政府" || r.Year != 2019 || r.Title != "关于2019年度专项资金绩效自评情况的报告" {
		t.Errorf("header = %q %d %q", r.Unit, r.Year, r.Title)
	}
	if tot := r.Stated.Total; tot == nil || !tot.Capital || tot.Wan.String() != "105" {
		t.Errorf("stated total = %+v", tot)
	}
	if len(r.Items) != 4 || r.Items[2].BudgetWan != nil || r.Items[2].ActualWan.String() != "10" {
		t.Fatalf("items = %+v", r.Items)
	}
	if len(r.Unparsed) != 1 || r.Unparsed[0].Item != 3 || r.Unparsed[0].Text != "下达资金 1O.5 万元" {
		t.Errorf("unparsed = %+v", r.Unparsed)
	}
}

func TestAmountsInYuanKeepPrecision(t *testing.T) {
	_, r := readTestReport(t, "../testdata/qiaotou-2022.gb18030.txt")
	b := r.Items[2].Budget
	if b.Raw != "312,500 元" || b.Unit != "元" || b.Decimals != 0 || b.HalfUlp().String() != "0.00005" {
		t.Errorf("budget as written = %+v (half ulp %s)", b, b.HalfUlp())
	}
	if !r.Stated.Total.Exact() || r.Stated.Total.Raw != "1,318,500 元" {
		t.Errorf("stated total as written = %+v", r.Stated.Total)
	}
}

func TestApproximateBudgetIsMarked(t *testing.T) {
	_, r := readTestReport(t, "testdata/dongcheng-2024.utf16.txt")
	if b := r.Items[1].Budget; !b.Approx || b.Wan.String() != "40" {
		t.Errorf("约 40 万元 read as %+v", b)
	}
}
