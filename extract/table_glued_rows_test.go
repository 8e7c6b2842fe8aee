package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// realDoc reads a published document of the real corpus.
func realDoc(t testing.TB, id string) string {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "real", "docs", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// gluedRowWant is an indicator row as the published text has it; "" for a
// figure that must not be read.
type gluedRowWant struct {
	level1, level2, level3, target, actual, weight, score, reason string
}

func TestGluedIndicatorRows(t *testing.T) {
	cases := []struct {
		doc  string
		rows map[int]gluedRowWant // by position among the rows read
		n    int                  // rows read
		warn string               // a warning that must be given
	}{
		{doc: "sichuan-zhongjiang-shuiliju-2022-shuibiaochi", n: 9, rows: map[int]gluedRowWant{
			// 分值 before the targets: 10≥266米≥266米10
			0: {"产出指标", "数量指标", "安装坡面水标尺", "≥266米", "≥266米", "10", "10", ""},
			// 20100%100%20: 20 | 100% | 100% | 20, the only split that fits
			2: {"产出指标", "质量指标", "项目(工程)验收合格率", "100%", "100%", "20", "20", ""},
			// 1020万元20万元10
			5: {"产出指标", "成本指标", "项目计划总投资", "20万元", "20万元", "10", "10", ""},
			// words written twice between the figures: 显著提升显著提升
			7: {"效益指标", "社会效益指标", "群众生产生活条件改善状况", "显著提升", "显著提升", "10", "10", ""},
			8: {"满意度指标", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", "≥95%", "≥95%", "10", "10", ""},
		}},
		{doc: "jiangxi-nanchang-cancha-weishengyuan-2021-zhengti", n: 16, rows: map[int]gluedRowWant{
			0: {"管理指标", "", "预算编审管理完整、准确率", "100%", "100%", "4", "4", ""},
			1: {"管理指标", "", "预算执行管理完成率、控制率", "100%", "按规定执行", "4", "4", ""},
			// 得分 below 分值 glued: 43, and the reason up to the next row's 任务2:
			11: {"产出指标", "时效指标", "任务1:医疗文书及时率按规定时限", "", "", "4", "3", "个别人未及时完成"},
			// 126 = 12 | 6 (1 | 26 would score above the weight)
			14: {"效果指标", "社会效益指标", "", "", "1%", "12", "6", "部分群众不愿配合体检或长期在外"},
		}},
		{doc: "chongqing-kexuecheng-rongmeiti-2021-zhengti", n: 19, rows: map[int]gluedRowWant{
			// %定量指标100%92%100%22否: unit, nature, target, actual, coefficient, 2 | 2, 否
			0: {"", "", "财政供养人员控制率", "100%", "92%", "2", "2", ""},
			// 3%0100%22: actual 0, coefficient 100%
			4: {"", "", "预算调整率", "3%", "0", "2", "2", ""},
			// 2200篇2859篇100%1010: 2859篇 is not cut
			17: {"", "", "播发稿件数量tot扁", "2200篇", "2859篇", "10", "10", ""},
			// %100%22否: the one percentage is the 得分系数 (an actual alone, without its target, is not a row's reading)
			1: {"", "", "“三公经费变动率", "", "", "2", "2", ""},
		}},
		{doc: "ningxia-yinchuan-diliuzhongxue-2021-gongyong", rows: map[int]gluedRowWant{
			0: {"项目决策", "", "项目目标完整性", "一", "目标明确、内容细化、目标量化", "4", "4", ""},
			// 102370人2370人IO: the OCR's IO for 10
			8: {"顼目产出", "数量指标", "保障人数", "2370人", "2370人", "10", "10", ""},
			// 415万元15万元4: 41 would weigh more than its group's 10分
			11: {"顼目产出", "成本指标", "办公所需成本", "15万元", "15万元", "4", "4", ""},
		}},
		{doc: "beijing-haidian-xueyuanlu-jiedao-2016-qingsao", rows: map[int]gluedRowWant{
			// 12.5 | 12.5 | 12.5 or 12.51 | 2.5 | 12.5 …: the weight is left unread
			0: {"", "数量指标", "是否完成绩效目标申报表中申报的数量", "", "", "", "12.5", ""},
		}, warn: "是否完成绩效目标申报表中申报的数量"},
	}
	for _, c := range cases {
		t.Run(c.doc, func(t *testing.T) {
			text := realDoc(t, c.doc)
			r := &Report{}
			readTable(text, nil, r)
			if c.n > 0 && len(r.Indicators) != c.n {
				for _, ind := range r.Indicators {
					t.Logf("%s / %s / %s", ind.Level1, ind.Level2, ind.Level3)
				}
				t.Fatalf("%d rows, want %d", len(r.Indicators), c.n)
			}
			for k, w := range c.rows {
				if k >= len(r.Indicators) {
					t.Fatalf("row %d not read (%d rows)", k, len(r.Indicators))
				}
				ind := r.Indicators[k]
				got := gluedRowWant{ind.Level1, ind.Level2, ind.Level3, ind.Target, ind.Actual, decString(ind.Weight), decString(ind.Score), ind.Reason}
				if w.level3 == "" {
					got.level3 = ""
				}
				if got != w {
					t.Errorf("row %d:\n got %+v\nwant %+v", k, got, w)
				}
			}
			if c.warn != "" {
				found := false
				for _, w := range r.Warnings {
					found = found || strings.Contains(w, c.warn) && strings.Contains(w, "ambiguous-split")
				}
				if !found {
					t.Errorf("no ambiguous-split warning with %q: %q", c.warn, r.Warnings)
				}
			}
		})
	}
}

// TestGluedHeader reads the columns of glued headers, OCR-shuffled words included.
func TestGluedHeader(t *testing.T) {
	cases := []struct {
		header string
		want   []column
	}{
		{"一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施",
			[]column{colLevel1, colLevel2, colLevel3, colWeight, colTarget, colActual, colScore, colReason}},
		// 考值参分: 参考分值 read line by line; (八): an OCR's (A)
		{"一级指标二级指标三级指标考值参分指标值(八)全年实际值(B)得分未完成原因分析及改进措施",
			[]column{colLevel1, colLevel2, colLevel3, colWeight, colTarget, colActual, colScore, colReason}},
		// 年成值全完值: 全年完成值 shuffled, a stray 值 after it
		{"指标名称计量单位指标性质年初指标值调整指标值年成值全完值得分系数(%)指标权重(分)指标得分(分)是否核心指标",
			[]column{colLevel3, colUnit, colNature, colTarget, colTarget2, colActual, colCoef, colWeight, colScore, colCore}},
		{"分解目标自评权重二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析",
			[]column{colLevel1, colGroupWeight, colLevel2, colLevel3, colTarget, colActual, colWeight, colScore, colReason}},
	}
	for _, c := range cases {
		got, end := scanGluedHeader(c.header, 0)
		if strings.Join(colStrings(got), ",") != strings.Join(colStrings(c.want), ",") || end != len(c.header) {
			t.Errorf("%s:\n got %v (to %d of %d)\nwant %v", c.header, got, end, len(c.header), c.want)
		}
	}
}

func colStrings(cs []column) []string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c))
	}
	return out
}

// TestGluedNotForSeparatedTables: a table whose cells are written apart is
// left to the reader by cells.
func TestGluedNotForSeparatedTables(t *testing.T) {
	for _, id := range []string{"anhui-guichi-tangxizhen-2022-weituoyewu", "yunnan-yongde-minglangzhongxue-2022-yingyang", "sichuan-qingshen-fagaiju-2023-gongzi"} {
		text := realDoc(t, id)
		hs, ok := gluedHeaderStart(text, 0)
		if ok && isGluedBlock(text[hs:min(len(text), hs+1200)]) {
			t.Errorf("%s: read as glued", id)
		}
	}
}

// FuzzGluedRows feeds the glued reader arbitrary text after a glued header:
// it must not panic, must finish, and its spans must lie in the text.
// Seeds: testdata/fuzz/FuzzGluedRows.
func FuzzGluedRows(f *testing.F) {
	f.Add("一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10总分100100")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 {
			return
		}
		r := &Report{}
		p := &tableParser{text: text, r: r, budget: searchBudget}
		p.gluedIndicators()
		for _, ind := range r.Indicators {
			if ind.Span[0] < 0 || ind.Span[1] > len(text) || ind.Span[0] > ind.Span[1] {
				t.Fatalf("span %v outside text of %d bytes", ind.Span, len(text))
			}
			if ind.Score != nil && ind.Weight != nil && ind.Score.GreaterThan(*ind.Weight) {
				t.Fatalf("%s: score %s above weight %s", ind.Level3, ind.Score, ind.Weight)
			}
		}
		if r.TotalRow != nil && (r.TotalRow.Span[0] < 0 || r.TotalRow.Span[1] > len(text)) {
			t.Fatalf("total span %v", r.TotalRow.Span)
		}
	})
}

func decString(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// TestScatteredSheetRows: a sheet flattened in the order of its text runs
// (the header's words among the rows, a row's name before the next row's
// and its values after them): the rows that read whole, in the templates'
// columns.
func TestScatteredSheetRows(t *testing.T) {
	r := &Report{}
	readTable(realDoc(t, "shanxi-jishan-zhaidianzhen-weishengyuan-2021-gonggongweisheng"), nil, r)
	want := map[string]gluedRowWant{
		"指标9:0-6岁儿童健康管理数":      {target: "2089人", actual: "2089人", weight: "2", score: "2"},
		"指标13:孕产妇42天访视数":       {target: "214人", actual: "203人", weight: "2", score: "1.8"},
		"指标16:高血压规范管理数":        {target: "3807人", actual: "3224人", weight: "2", score: "1.9"},
		"指标24:传染病及突发公共卫生事件报告数": {target: "14例", actual: "14例", weight: "2", score: "2"},
		"指标25:家庭医生签约率":         {target: "24694人", actual: "22584人", weight: "2", score: "1.7"},
	}
	seen := 0
	for _, ind := range r.Indicators {
		w, ok := want[ind.Level3]
		if !ok {
			continue
		}
		seen++
		got := gluedRowWant{target: ind.Target, actual: ind.Actual, weight: decString(ind.Weight), score: decString(ind.Score)}
		if got != w {
			t.Errorf("%s: got %+v, want %+v", ind.Level3, got, w)
		}
	}
	if seen != len(want) {
		for _, ind := range r.Indicators {
			t.Logf("%s", ind.Level3)
		}
		t.Fatalf("%d of %d rows found", seen, len(want))
	}
}
