package extract

import (
	"encoding/json"
	"strings"
	"testing"
)

// The same table written in every layout a reader can give must give the
// same records. A table is modelled once as rows of cells: "" is an empty
// cell, "^" a cell merged into the one above (a DOCX reader writes it as an
// empty cell, an HTML page leaves it out, a PDF shows nothing).

const merged = "^"

type tableModel struct {
	before []string   // lines before the table (titles)
	rows   [][]string // the table
	funds  map[int]bool
}

// pipeRows: "| a | b |" rows, merged cells empty (the DOCX and HTML readers).
func (m tableModel) pipeRows() string {
	var b strings.Builder
	for _, l := range m.before {
		b.WriteString(l + "\n")
	}
	for _, row := range m.rows {
		b.WriteString("|")
		for _, c := range row {
			if c == merged {
				c = ""
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// cellLines: one cell per line ending in " |" (qingshen), "|" for an empty cell.
func (m tableModel) cellLines() string {
	var b strings.Builder
	for _, l := range m.before {
		b.WriteString(l + " |\n")
	}
	for _, row := range m.rows {
		for _, c := range row {
			switch c {
			case merged:
			case "":
				b.WriteString("|\n")
			default:
				b.WriteString(c + " |\n")
			}
		}
	}
	return b.String()
}

// pipeLines: every cell and every pipe on a line of its own (a web table
// copied with its cell ends), an empty cell a pipe after a pipe; with
// blank lines between the cells when gaps is set.
func (m tableModel) pipeLines(gaps bool) string {
	var b strings.Builder
	end := "|\n"
	if gaps {
		end = "\n|\n\n"
	}
	for _, l := range m.before {
		b.WriteString(l + "\n" + end)
	}
	for _, row := range m.rows {
		for _, c := range row {
			switch c {
			case merged:
			case "":
				b.WriteString(end)
			default:
				b.WriteString(c + "\n" + end)
			}
		}
	}
	return b.String()
}

// blankSeparated: one cell per line, cells separated by blank lines, " " for
// an empty cell (langfang).
func (m tableModel) blankSeparated() string {
	var b strings.Builder
	for _, l := range m.before {
		b.WriteString(l + "\n\n")
	}
	for _, row := range m.rows {
		for _, c := range row {
			switch c {
			case merged:
			case "":
				b.WriteString("\u00a0\n\n")
			default:
				b.WriteString(c + "\n\n")
			}
		}
	}
	return b.String()
}

// flattened: one line per row, empty cells dropped, figures separated by a
// space; two text cells side by side by a tab (a wide gap in a PDF), or
// every cell by a tab.
func (m tableModel) flattened(allTabs bool) string {
	var b strings.Builder
	for _, l := range m.before {
		b.WriteString(l + "\n")
	}
	for _, row := range m.rows {
		prevText := false
		first := true
		for _, c := range row {
			if c == merged || c == "" {
				continue
			}
			text := !isValueLike(c)
			if !first {
				if allTabs || text && prevText {
					b.WriteString("\t")
				} else {
					b.WriteString(" ")
				}
			}
			b.WriteString(c)
			prevText, first = text, false
		}
		b.WriteString("\n")
	}
	return b.String()
}

// tailWrapped: flattened as a PDF's text flow gives a row too long for its
// line: the last two figures of each indicator row (分值 | 得分, or 实际完成值
// | 得分) begin the next line.
func (m tableModel) tailWrapped() string {
	var out []string
	for _, l := range strings.Split(m.flattened(false), "\n") {
		f := strings.Fields(l)
		if len(f) >= 5 && isValueLike(f[len(f)-1]) && isValueLike(f[len(f)-2]) && !strings.Contains(l, "资金") {
			k := strings.LastIndex(l, f[len(f)-1])
			k = strings.LastIndex(l[:k], f[len(f)-2])
			out = append(out, strings.TrimRight(l[:k], " \t"), l[k:])
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// glued: flattened, with the figures of the fund rows written without any
// separator (年度资金总额\t43.243.237.241086%9).
func (m tableModel) glued() string {
	var b strings.Builder
	for _, l := range m.before {
		b.WriteString(l + "\n")
	}
	for i, row := range m.rows {
		var cells []string
		for _, c := range row {
			if c != merged && c != "" {
				cells = append(cells, c)
			}
		}
		if m.funds[i] && len(cells) > 0 {
			b.WriteString(cells[0] + "\t" + strings.Join(cells[1:], "") + "\n")
			continue
		}
		b.WriteString(strings.Join(cells, "\t") + "\n")
	}
	return b.String()
}

var langfangModel = tableModel{
	before: []string{"办公宿舍楼、食堂及餐厅暖通改造经费 绩效自评表(修改)", "附件1", "项目支出绩效自评表", "2019年度)"},
	rows: [][]string{
		{"项目名称", "办公宿舍楼、食堂及餐厅暖通改造经费"},
		{"主管部门", "廊坊市发改委"},
		{"实施单位", "廊坊市食品工程学校"},
		{"项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
		{merged, "年度资金总额", "43.2", "43.2", "37.24", "10", "86%", "9"},
		{merged, "其中:当年财政拨款", "43.2", "43.2", "37.24", "", merged, merged},
		{merged, "上年结转资金", "", "", "", "", merged, merged},
		{merged, "其他资金", "", "", "", "", merged, merged},
		{"年度总体目标", "预期目标", "实际完成情况"},
		{merged, "43.2", "37.24"},
		{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
		{"产出指标", "数量指标", "指标1工程资金金额", "43.2", "37.24", "10", "9", "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。"},
		{merged, merged, "指标2", "", "", "", "", ""},
		{merged, merged, "……", "", "", "", "", ""},
		{merged, "质量指标", "指标1工程完工率", "100", "100", "10", "10", ""},
		{merged, merged, "指标2工程验收合格率", "100", "100", "10", "10", ""},
		{merged, merged, "……", "", "", "", "", ""},
		{merged, "时效指标", "指标1项目完成及时率", "100", "100", "10", "10", ""},
		{merged, merged, "指标2", "", "", "", "", ""},
		{merged, "成本指标", "指标1成本控制率", "100", "100", "10", "10", ""},
		{merged, merged, "指标2", "", "", "", "", ""},
		{"效益指标", "经济效益指标", "指标1安全率", "100", "100", "10", "10", "0"},
		{merged, merged, "指标2", "", "", "", "", ""},
		{merged, "社会效益指标", "指标1学校发展能力", "100", "100", "10", "10", "0"},
		{merged, merged, "指标2", "", "", "", "", ""},
		{merged, "生态效益指标", "指标1", "", "", "", "", ""},
		{merged, merged, "……", "", "", "", "", ""},
		{"效益指标", "可持续影响指标", "指标1长期使用性", "100", "100", "10", "10", ""},
		{merged, merged, "指标2", "", "", "", "", ""},
		{"满意度指标", "服务对象满意度指标", "指标1学生满意度", "100", "100", "10", "10", "0"},
		{merged, merged, "指标2", "", "", "", "", ""},
	},
	funds: map[int]bool{4: true, 5: true, 6: true, 7: true},
}

var xiaoxianModel = tableModel{
	before: []string{"绩效目标自评表", "(2023年度)"},
	rows: [][]string{
		{"项目名称", "河西村特色种养补贴到户项目", "项目负责人及电话", "李宁0557-5788003"},
		{"主管部门", "县农业农村局", "实施单位", "张庄寨镇人民政府"},
		{"资金情况 (万元)", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"},
		{merged, "年度资金总额:", "9.48", "9.48", "10", "100%", "10"},
		{merged, "其中:本年财政拨款", "9.48", "9.48", "10", "100%", "10"},
		{merged, "其他资金", "-", "-", merged, merged, merged},
		{"年度总体目标", "年初设定目标", "年度总体目标完成情况综述"},
		{merged, "落实39户特色种养业奖补政策,增加脱贫户家庭收入", "落实39户特色种养业奖补政策,增加脱贫户家庭收入"},
		{"绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"},
		{merged, "产 出 指 标 (50分)", "数量指标", "★补助各类瓜果蔬菜种植面积", "20", "29.5亩", "29.5亩", "20", ""},
		{merged, merged, merged, "其中桃树种植面积", merged, "1.5亩", "1.5亩", merged, merged},
		{merged, merged, merged, "其中苹果树种植面积", merged, "5亩", "5亩", merged, merged},
		{merged, merged, merged, "其中露天蔬菜", merged, "20亩", "20亩", merged, merged},
		{merged, merged, merged, "其中大棚蔬菜", merged, "3亩", "3亩", merged, merged},
		{merged, merged, merged, "★补助鱼塘面积", "10", "3亩", "3亩", "10", ""},
		{merged, merged, merged, "其中鱼塘养殖面积", merged, "3亩", "3亩", merged, merged},
		{merged, merged, merged, "★补助家畜家禽养殖数量", "10", "192只", "192只", "10", ""},
		{merged, merged, merged, "其中羊养殖数量", merged, "180只", "180只", merged, merged},
		{merged, merged, merged, "其中猪养殖数量", merged, "12头", "12头", merged, merged},
		{merged, merged, "质量指标", "种植作物成活率", "5", "95%", "95%", "5", ""},
		{merged, merged, merged, "养殖家畜家禽成活率", "5", "95%", "100%", "5", ""},
		{merged, merged, merged, "……", "", "", "", "", ""},
		{merged, "效 益 指 标 (30分)", "经济效益 指标", "特色产业带动增加受益农户收入(总收入)", "20", "≥11.376万元", "12万元", "20", ""},
		{merged, merged, "社会效益 指标", "受益人口数量", "10", "90人", "90人", "10", ""},
		{merged, merged, "生态效益 指标", "", "", "", "", "", ""},
		{merged, merged, "可持续影响指标", "", "", "", "", "", ""},
		{merged, merged, merged, "……", "", "", "", "", ""},
	},
	funds: map[int]bool{3: true, 4: true, 5: true},
}

// comparable is a report's records without what depends on the layout:
// spans, pages, the source and the reader's warnings.
func comparable(t *testing.T, r *Report) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var strip func(any)
	strip = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range []string{"span", "page", "source", "warnings"} {
				delete(x, k)
			}
			for _, e := range x {
				strip(e)
			}
		case []any:
			for _, e := range x {
				strip(e)
			}
		}
	}
	strip(v)
	b, _ = json.MarshalIndent(v, "", " ")
	return string(b)
}

func TestTableLayouts(t *testing.T) {
	for _, tc := range []struct {
		sample string
		model  tableModel
	}{
		{"langfang_shipinxuexiao_2019_xiangmu_table.txt", langfangModel},
		{"xiaoxian_zhangzhuangzhai_2023_mubiao_table.txt", xiaoxianModel},
	} {
		want := comparable(t, extractText(t, tc.sample, loadTableSample(t, tc.sample)))
		for _, l := range []struct{ name, text string }{
			{"pipe rows", tc.model.pipeRows()},
			{"cell per line", tc.model.cellLines()},
			{"every cell and pipe on a line", tc.model.pipeLines(false)},
			{"every cell and pipe on a line, blank lines between", tc.model.pipeLines(true)},
			{"blank-separated cells", tc.model.blankSeparated()},
			{"space-flattened rows", tc.model.flattened(false)},
			{"tab-flattened rows", tc.model.flattened(true)},
			{"flattened rows, 分值 and 得分 on the next line", tc.model.tailWrapped()},
			{"glued figures", tc.model.glued()},
		} {
			got := comparable(t, extractText(t, l.name, l.text))
			if got != want {
				t.Errorf("%s as %s differs from the sample:\n%s\n--- text:\n%s", tc.sample, l.name, lineDiff(want, got), l.text)
			}
		}
	}
}

// lineDiff shows the first lines where two renderings differ.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			lo := max(0, i-3)
			return "want:\n" + strings.Join(al[lo:min(len(al), i+4)], "\n") + "\ngot:\n" + strings.Join(bl[lo:min(len(bl), i+4)], "\n")
		}
	}
	return ""
}
