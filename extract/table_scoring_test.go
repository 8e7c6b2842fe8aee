package extract

import (
	"github.com/jixiao/jixiao/ingest"
	"os"
	"path/filepath"
	"testing"
)

// Scoring forms (分值 | 得分 under level labels, no 年度指标值 / 实际完成值).

// The real page: two blank forms as pipe rows, merged cells dropped and the
// empty 得分 cells wrapped onto pipe-only lines; the weights are in the
// labels' (N分) notes. The first form is read; the page is cut in the second.
func TestScoringFormDazhouPage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "real", "docs", "sichuan-dazhou-nongyenongcunju-xxxx-pingfenbiao.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := extractText(t, "dazhou.txt", string(b))
	const d, z, p = "部门决策(25分)", "综合管理(30分)", "部门绩效情况(45分)"
	checkIndicators(t, r.Indicators, []indWant{
		{d, "目标任务(15分)", "相关性(5分)", "", "", "5", "", "", 0},
		{d, "目标任务(15分)", "明确性(5分)", "", "", "5", "", "", 0},
		{d, "目标任务(15分)", "合理性(5分)", "", "", "5", "", "", 0},
		{d, "预算编制(10分)", "测算依据(5分)", "", "", "5", "", "", 0},
		{d, "预算编制(10分)", "目标管理(5分)", "", "", "5", "", "", 0},
		{z, "专项资金分配时限(2分)", "市级财力专项预算分配时限(1分)", "", "", "1", "", "", 0},
		{z, "专项资金分配时限(2分)", "中央专款分配合规率(1分)", "", "", "1", "", "", 0},
		{z, "中期评估(2分)", "执行中期评估(2分)", "", "", "2", "", "", 0},
		{z, "绩效监控(5分)", "预算执行进度监控(2分)", "", "", "2", "", "", 0},
		{z, "绩效监控(5分)", "绩效目标动态监控(3分)", "", "", "3", "", "", 0},
		{z, "非税收入执收情况(2分)", "非税收入征收情况(1分)", "", "", "1", "", "", 0},
		{z, "非税收入执收情况(2分)", "非税收入上缴情况(1分)", "", "", "1", "", "", 0},
		{z, "资产管理(6分)", "资产管理信息化情况(2分)", "", "", "2", "", "", 0},
		{z, "资产管理(6分)", "行政事业单位资产报告情况(2分)", "", "", "2", "", "", 0},
		{z, "资产管理(6分)", "资产管理与预算管理相结合(2分)", "", "", "2", "", "", 0},
		{z, "内控制度管理(2分)", "内部控制度健全完整(2分)", "", "", "2", "", "", 0},
		{z, "信息公开(6分)", "预算公开(2分)", "", "", "2", "", "", 0},
		{z, "信息公开(6分)", "决算公开(2分)", "", "", "2", "", "", 0},
		{z, "信息公开(6分)", "绩效信息公开(2分)", "", "", "2", "", "", 0},
		{z, "绩效评价(5分)", "绩效评价开展(2分)", "", "", "2", "", "", 0},
		{z, "绩效评价(5分)", "评价结果应用(3分)", "", "", "3", "", "", 0},
		{p, "履职成效(20分)", "部门特性指标", "", "", "", "", "", 0},
		{p, "可持续发展能力(15分)", "重点改革(重点工作)完成情况(5分)", "", "", "5", "", "", 0},
		{p, "可持续发展能力(15分)", "科技(制度、方法、机制等)创新(5分)", "", "", "5", "", "", 0},
		{p, "可持续发展能力(15分)", "人才培养(5分)", "", "", "5", "", "", 0},
		{p, "满意度(10分)", "协作部门满意度(3分)", "", "", "3", "", "", 0},
		{p, "满意度(10分)", "管理对象满意度(3分)", "", "", "3", "", "", 0},
		{p, "满意度(10分)", "社会公众满意度(4分)", "", "", "4", "", "", 0},
	})
	for i, ind := range r.Indicators {
		if ind.Level1Weight == nil {
			t.Errorf("indicator %d: no 一级 weight", i)
		}
		// a blank form's row without a weight of its own is not a weight read
		if ind.Unsure != (ind.Weight == nil) {
			t.Errorf("indicator %d (%s): unsure %v", i, ind.Level3, ind.Unsure)
		}
	}
	if r.TotalScore != nil {
		t.Errorf("a blank form has no total: %s", r.TotalScore)
	}
}

// Layouts of the class as published, with made-up content.
func TestScoringFormLayouts(t *testing.T) {
	cases := []struct {
		file        string
		genre       Genre
		want        []indWant
		total, tw   string
		grade       string
		level1Wants []string
	}{
		{
			// one cell per line, blank lines between rows; merged level
			// cells written once; 评分标准 text between the figures; the
			// total's figures each a row of their own
			file: "cell-per-line.txt", genre: DepartmentTable,
			want: []indWant{
				{"决策(20分)", "目标设定(10分)", "绩效目标合理性", "", "", "5", "5", "", 0},
				{"决策(20分)", "目标设定(10分)", "绩效目标明确性", "", "", "5", "4", "部分目标未量化", 0},
				{"决策(20分)", "预算编制(10分)", "预算编制科学性", "", "", "10", "10", "", 0},
				{"过程(30分)", "预算执行(20分)", "预算执行率", "", "", "10", "9.5", "执行率95%", 0},
				{"过程(30分)", "预算执行(20分)", "资金使用合规性", "", "", "10", "10", "", 0},
				{"过程(30分)", "资产管理(10分)", "资产管理安全性", "", "", "10", "10", "", 0},
				{"产出(30分)", "职责履行(30分)", "重点工作完成率", "", "", "30", "30", "", 0},
				{"效益(20分)", "履职效益(20分)", "服务对象满意度", "", "", "20", "19", "个别群众不满意", 0},
			},
			total: "97.5", tw: "100", grade: "优",
			level1Wants: []string{"20", "20", "20", "30", "30", "30", "30", "20"},
		},
		{
			// pipe rows, merged cells repeated, columns 指标 | 权重 | 自评得分
			file: "pipe-repeated.txt", genre: ProjectTable,
			want: []indWant{
				{"投入(20分)", "项目立项", "立项依据充分性", "", "", "5", "5", "", 0},
				{"投入(20分)", "项目立项", "立项程序规范性", "", "", "5", "5", "", 0},
				{"投入(20分)", "资金落实", "资金到位率", "", "", "10", "8", "县级配套资金到位80%", 0},
				{"过程(20分)", "业务管理", "管理制度健全性", "", "", "10", "10", "", 0},
				{"过程(20分)", "财务管理", "资金使用合规性", "", "", "10", "10", "", 0},
				{"产出(40分)", "产出数量", "道路硬化长度", "", "", "20", "20", "", 0},
				{"产出(40分)", "产出质量", "验收合格率", "", "", "20", "", "未到验收期", 0},
				{"效果(20分)", "项目效益", "群众满意度", "", "", "20", "18", "满意度90%", 0},
			},
			total: "76", tw: "100",
		},
		{
			// rows as words between spaces, the title reflowed onto the
			// header line, merged level cells written once
			file: "spaced.txt", genre: DepartmentTable,
			want: []indWant{
				{"部门决策", "目标任务", "相关性", "", "", "5", "5", "", 0},
				{"部门决策", "目标任务", "明确性", "", "", "5", "4", "目标未细化", 0},
				{"部门决策", "预算编制", "测算依据", "", "", "5", "5", "", 0},
				{"部门管理", "资金管理", "预算执行率", "", "", "10", "9", "执行率90%", 0},
				{"部门管理", "资产管理", "资产安全性", "", "", "5", "5", "", 0},
				{"部门绩效", "履职成效", "重点工作完成情况", "", "", "50", "48", "一项工作延期", 0},
				{"部门绩效", "满意度", "服务对象满意度", "", "", "20", "20", "", 0},
			},
			total: "96", tw: "100", grade: "优",
		},
		{
			// one cell a line, a blank line between every cell: the rows
			// are cut again from the columns (a 扣分原因 only where points
			// were taken off)
			file: "every-cell.txt", genre: DepartmentTable,
			want: []indWant{
				{"决策", "目标设定", "合理性", "", "", "5", "5", "", 0},
				{"决策", "目标设定", "明确性", "", "", "5", "4", "目标未细化量化", 0},
				{"决策", "预算编制", "测算依据", "", "", "5", "5", "", 0},
				{"过程", "预算执行", "执行率", "", "", "10", "10", "", 0},
				{"产出", "职责履行", "完成率", "", "", "60", "58", "一项延期", 0},
				{"效益", "满意度", "满意度", "", "", "15", "15", "", 0},
			},
			total: "97", tw: "100", grade: "优",
		},
		{
			// a header of two rows; a merged level cell left empty below
			file: "two-row-header.txt", genre: ProjectTable,
			want: []indWant{
				{"决策", "项目立项", "立项依据充分性", "", "", "10", "10", "", 0},
				{"决策", "绩效目标", "绩效目标合理性", "", "", "10", "9", "目标未细化", 0},
				{"过程", "资金管理", "资金到位率", "", "", "20", "20", "", 0},
				{"产出", "产出数量", "学生受助人数", "", "", "40", "40", "", 0},
				{"效益", "社会效益", "家长满意度", "", "", "20", "20", "", 0},
			},
			total: "99", tw: "100",
		},
		{
			// columns the reader does not keep (序号, 专家评分): their figures
			// are not the row's; merged level cells left empty
			file: "extra-columns.txt", genre: ProjectTable,
			want: []indWant{
				{"决策", "立项", "依据充分性", "", "", "10", "10", "", 0},
				{"决策", "立项", "程序规范性", "", "", "10", "9", "缺会议纪要", 0},
				{"产出", "数量", "完成率", "", "", "80", "80", "", 0},
			},
			total: "99", tw: "100",
		},
		{
			// a 分值 column after each level: the upper ones are the groups'
			file: "level-weights.txt", genre: ProjectTable,
			want: []indWant{
				{"项目决策", "项目目标", "目标内容", "", "", "4", "4", "", 0},
				{"项目决策", "决策过程", "决策依据", "", "", "4", "4", "", 0},
				{"项目决策", "决策过程", "决策程序", "", "", "4", "3", "", 0},
				{"项目决策", "资金分配", "分配办法", "", "", "8", "8", "", 0},
				{"项目管理", "资金到位", "到位率", "", "", "20", "20", "", 0},
				{"项目管理", "项目绩效", "项目产出", "", "", "60", "58", "", 0},
			},
			total: "97", tw: "100",
			level1Wants: []string{"20", "20", "20", "20", "80", "80"},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			r := extractText(t, c.file, loadTableSample(t, filepath.Join("scoring", c.file)))
			if r.Genre != c.genre {
				t.Errorf("genre %q, want %q", r.Genre, c.genre)
			}
			checkIndicators(t, r.Indicators, c.want)
			if decStr(r.TotalScore) != c.total || r.TotalRow == nil || decStr(r.TotalRow.Weight) != c.tw {
				t.Errorf("total %s, row %s", decStr(r.TotalScore), dumpJSON(r.TotalRow))
			}
			if r.Grade != c.grade {
				t.Errorf("grade %q, want %q", r.Grade, c.grade)
			}
			for i, w := range c.level1Wants {
				if i < len(r.Indicators) && decStr(r.Indicators[i].Level1Weight) != w {
					t.Errorf("indicator %d: 一级 weight %s, want %s", i, decStr(r.Indicators[i].Level1Weight), w)
				}
			}
		})
	}
}

// The placement of one row's cells: merged level cells left out on the
// left, empty cells wrapped or dropped, figures only where figures go.
func TestPlaceScoringRow(t *testing.T) {
	hdr := []scoringCol{scLevel1, scLevel2, scLevel3, scWeight, scScore, scReason}
	mk := func(texts ...string) []cell {
		var out []cell
		for _, s := range texts {
			out = append(out, cell{text: s, key: cellKey(s)})
		}
		return out
	}
	cases := []struct {
		cells []string
		want  []int
	}{
		{[]string{"产出", "数量", "完成率", "10", "9", "略低"}, []int{0, 1, 2, 3, 4, 5}},
		{[]string{"完成率", "10", "9"}, []int{2, 3, 4}},
		{[]string{"数量", "完成率", "10", "9"}, []int{1, 2, 3, 4}},
		{[]string{"完成率", "", ""}, []int{2, 3, 4}},
		{[]string{"", "", "完成率", "10", "10", ""}, []int{0, 1, 2, 3, 4, 5}},
		{[]string{"完成率", "10", "9", "", "", ""}, []int{2, 3, 4, 5, -1, -1}},
		{[]string{"10", "完成率"}, []int{3, 5}}, // a text after the figures is the reason
		{[]string{"10", "9", "8", "7"}, nil}, // more figures than columns to hold them
	}
	for _, c := range cases {
		got := placeScoringRow(mk(c.cells...), hdr)
		if len(got) != len(c.want) || (got == nil) != (c.want == nil) {
			t.Errorf("%q: placed %v, want %v", c.cells, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: placed %v, want %v", c.cells, got, c.want)
				break
			}
		}
	}
}

// A report whose scoring form is its annex (附件：…评分表): the form is a
// report of its own, read as a table, and the prose stays narrative.
func TestScoringFormAnnexAfterReport(t *testing.T) {
	text := loadTableSample(t, filepath.Join("scoring", "annex-after-report.txt"))
	doc := ingest.Assemble("annex.txt", "", ingest.FormatText, []ingest.Page{{N: 1, Text: text}}, nil)
	reps, err := ExtractAll(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 || reps[0].Genre != Narrative || reps[1].Genre != DepartmentTable {
		t.Fatalf("%d reports: %s", len(reps), dumpJSON(reps))
	}
	if len(reps[1].Indicators) != 8 || decStr(reps[1].TotalScore) != "76" {
		t.Errorf("annex: %d indicators, total %s", len(reps[1].Indicators), decStr(reps[1].TotalScore))
	}
}

// Level labels a page wrapped over two cells (经济效 | 益指标), and a level's
// （30分） wrapped onto a cell of its own, in a real 部门整体支出 table one
// cell a line: the rows under them keep their levels, and no fragment or
// template …… row is read as an indicator.
func TestWrappedLevelLabelsLingling(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "real", "docs", "hunan-lingling-linyeju-2021-zhengti.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := extractText(t, "lingling.txt", string(b))
	want := map[string][3]string{ // level3 → level1, level2, 一级 weight
		"木材销售收入": {"效益指标", "经济效益指标", "30"},
		"林产品收入":  {"效益指标", "经济效益指标", "30"},
		"提高就业率":  {"效益指标", "社会效益指标", "30"},
	}
	seen := 0
	for _, ind := range r.Indicators {
		switch ind.Level3 {
		case "30分)", "益指标", "……", "社会效":
			t.Errorf("a fragment read as an indicator: %q", ind.Level3)
		}
		if w, ok := want[ind.Level3]; ok {
			seen++
			if got := [3]string{ind.Level1, ind.Level2, decStr(ind.Level1Weight)}; got != w {
				t.Errorf("%s: levels %q, want %q", ind.Level3, got, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d rows found: %s", seen, len(want), dumpJSON(r.Indicators))
	}
}
