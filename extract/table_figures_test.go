package extract

import (
	"strings"
	"testing"
)

func TestReadFundFiguresGlued(t *testing.T) {
	for _, tc := range []struct {
		run  string
		cols []column
		want string
	}{
		// the brief's example: 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
		{"202010100.00%10", []column{colBudget, colExecuted, colWeight, colRate, colScore},
			"全年预算数 20 | 全年执行数 20 | 分值 10 | 执行率 100.00% | 得分 10"},
		{"9.489.4810100%10", []column{colBudget, colExecuted, colWeight, colRate, colScore},
			"全年预算数 9.48 | 全年执行数 9.48 | 分值 10 | 执行率 100% | 得分 10"},
		{"43.243.237.241086%9", []column{colInitial, colBudget, colExecuted, colWeight, colRate, colScore},
			"年初预算数 43.2 | 全年预算数 43.2 | 全年执行数 37.24 | 分值 10 | 执行率 86% | 得分 9"},
		{"43.243.237.24", []column{colInitial, colBudget, colExecuted, colWeight, colRate, colScore},
			"年初预算数 43.2 | 全年预算数 43.2 | 全年执行数 37.24"},
		// qingshen's order: 年初预算 调整后预算数 预算执行数 预算执行率 权重 得分
		{"238.93251.89251.89100.00%10", []column{colInitial, colBudget, colExecuted, colRate, colWeight, colScore},
			"年初预算数 238.93 | 全年预算数 251.89 | 全年执行数 251.89 | 执行率 100.00% | 分值 10"},
		// a rate that does not reconcile is still read as written
		{"43.243.237.241095%9", []column{colInitial, colBudget, colExecuted, colWeight, colRate, colScore},
			"年初预算数 43.2 | 全年预算数 43.2 | 全年执行数 37.24 | 分值 10 | 执行率 95% | 得分 9"},
	} {
		rd, _, searched, _ := readFundFigures([]cell{{text: tc.run, key: tc.run}}, tc.cols, fullBudget())
		if got := describeReading(rd, tc.cols); got != tc.want || !searched {
			t.Errorf("%s:\n got %s\nwant %s", tc.run, got, tc.want)
		}
	}
}

func TestReadFundFiguresFlattenedGaps(t *testing.T) {
	cols := []column{colInitial, colBudget, colExecuted, colWeight, colRate, colScore}
	// 年初预算数 left blank in a PDF: the remaining figures shift left in the text
	var cells []cell
	for _, s := range strings.Fields("43.2 37.24 10 86% 9") {
		cells = append(cells, cell{text: s, key: s, flat: true})
	}
	rd, _, _, _ := readFundFigures(cells, cols, fullBudget())
	if got, want := describeReading(rd, cols), "全年预算数 43.2 | 全年执行数 37.24 | 分值 10 | 执行率 86% | 得分 9"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestSplitGluedBounded(t *testing.T) {
	run := strings.Repeat("1", 40)
	if n := len(splitGlued(cell{text: run}, 6)); n == 0 || n > maxSplits {
		t.Errorf("%d readings of a 40-digit run", n)
	}
	for _, bad := range []string{".5", "1..2", "01", "%"} {
		for _, sp := range splitGlued(cell{text: bad}, 6) {
			for _, f := range sp {
				if strings.HasPrefix(f.text, ".") || len(f.text) > 1 && f.text[0] == '0' && f.text[1] != '.' {
					t.Errorf("%q split into invalid figure %q", bad, f.text)
				}
			}
		}
	}
}

func fullBudget() *int {
	b := searchBudget
	return &b
}
