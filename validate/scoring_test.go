package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
)

// ind makes an indicator row; weight and score as written ("" for blank).
func ind(level1, name, target, actual, weight, score, reason string) extract.Indicator {
	in := extract.Indicator{Level1: level1, Level2: "数量指标", Level3: name, Target: target, Actual: actual, Reason: reason,
		Decimals: decimalsOf("weight", weight, "score", score), Page: 1, Span: extract.Span{0, 1}}
	if weight != "" {
		in.Weight = d(weight)
	}
	if score != "" {
		in.Score = d(score)
	}
	return in
}

// brief lists findings of some rules as "rule severity expected actual diff".
func brief(fs []Finding, rules ...string) []string {
	var out []string
	for _, f := range fs {
		for _, r := range rules {
			if f.Rule == r {
				out = append(out, fmt.Sprintf("%s %s %s %s %s", f.Rule, f.Severity, f.Expected, f.Actual, f.Diff))
			}
		}
	}
	return out
}

func TestIndicatorScoreRule(t *testing.T) {
	for _, tc := range []struct {
		name                          string
		target, actual, weight, score string
		nature, unit                  string
		want                          string // "" none, else "severity expected actual diff"
	}{
		{"met 正向", "≥30户", "32户", "10", "10", "", "", ""},
		{"short 正向, exact", "30户", "24户", "10", "8", "", "", ""},
		{"short 正向, integer rounds", "43.2", "37.24", "10", "9", "", "", "info 9 8.6204 -0.3796"}, // 廊坊
		{"short 正向, wrong", "30户", "24户", "10", "6", "", "", "error 6 8 2"},
		{"反向 met", "≤100万元", "95万元", "10", "10", "", "", ""},
		{"反向 over, exact", "≤100万元", "125万元", "10", "8", "", "", ""},
		{"反向 over, wrong", "控制在100万元以内", "125万元", "10", "10", "", "", "error 10 8 -2"},
		{"反向 from 指标性质", "100", "125", "10", "10", "≤", "万元", "error 10 8 -2"},
		{"score over weight", "100%", "100%", "10", "12", "", "", "error 12 10 -2"},
		{"units convert 元/万元", "≥10万元", "50000元", "10", "5", "", "", ""},
		{"units cannot compare", "≥30个", "90%", "10", "6", "", "", "info <nil> <nil> <nil>"},
		{"decimals rounding", "≥30户", "29户", "10", "9.7", "", "", "info 9.7 9.6667 -0.0333"},
		{"decimals wrong", "≥30户", "29户", "10", "9.0", "", "", "error 9 9.6667 0.6667"},
		{"qualitative reached, low", "明显改善", "明显改善", "10", "7", "", "", "warning 7 10 3"},
		{"qualitative 达到预期, 80 %", "改善", "达到预期", "10", "8", "", "", ""},
		{"qualitative not reached", "明显改善", "部分改善", "10", "5", "", "", ""},
		{"target 0", "≥0%", "0%", "5", "5", "", "", ""},
		{"no direction, 反向 reading fits", "5次", "3次", "10", "10", "", "", "info 10 10 0"}, // 故障 5次 → 3次
		{"no direction, neither reading", "5次", "3次", "10", "4", "", "", "error 4 6 2"},
		{"percent rounding", "≥90%", "85%", "10", "9.5", "", "", "info 9.5 9.4444 -0.0556"},
	} {
		in := ind("产出指标", "x", tc.target, tc.actual, tc.weight, tc.score, "原因")
		in.Nature, in.Unit = tc.nature, tc.unit
		fs := checkIndicatorScores(&extract.Report{Indicators: []extract.Indicator{in}})
		got := ""
		if len(fs) == 1 {
			got = fmt.Sprintf("%s %s %s %s", fs[0].Severity, fs[0].Expected, fs[0].Actual, fs[0].Diff)
			if !strings.Contains(fs[0].Message, "(indicator-score-mismatch)") {
				t.Errorf("%s: message %q", tc.name, fs[0].Message)
			}
		}
		if got != tc.want || len(fs) > 1 {
			t.Errorf("%s: got %q (%d findings), want %q", tc.name, got, len(fs), tc.want)
		}
	}
	// not applicable and 其中 rows are not scored
	na := ind("产出指标", "x", "100%", "不适用", "10", "12", "")
	na.NotApplicable = true
	part := ind("产出指标", "其中y", "30户", "10户", "10", "2", "")
	part.PartOf = 1
	if fs := checkIndicatorScores(&extract.Report{Indicators: []extract.Indicator{na, part}}); len(fs) != 0 {
		t.Errorf("not applicable / part rows: %v", fs)
	}
}

func TestWeightRule(t *testing.T) {
	w := func(s string) *decimal.Decimal { return d(s) }
	rows := func(out, eff, sat *decimal.Decimal, ws ...string) []extract.Indicator {
		var r []extract.Indicator
		levels := []string{"产出指标", "产出指标", "效益指标", "满意度指标"}
		decl := []*decimal.Decimal{out, out, eff, sat}
		for i, x := range ws {
			in := ind(levels[i], fmt.Sprint("指标", i), "1个", "1个", x, x, "")
			in.Level1Weight = decl[i]
			r = append(r, in)
		}
		return r
	}
	fund := []extract.FundRow{fundRow("10", "10", "10", "100", "10")}
	for _, tc := range []struct {
		name string
		r    *extract.Report
		want []string
	}{
		{"declared and summed agree, usual split", &extract.Report{Genre: extract.ProjectTable, Funds: fund,
			Indicators: rows(w("50"), w("30"), w("10"), "30", "20", "30", "10")}, nil},
		{"产出 rows sum to 45 against （50分）", &extract.Report{Genre: extract.ProjectTable, Funds: fund,
			Indicators: rows(w("50"), w("30"), w("10"), "25", "20", "30", "10")},
			[]string{"weight-mismatch error 50 45 -5"}},
		{"decimals within rounding", &extract.Report{Genre: extract.ProjectTable, Funds: fund,
			Indicators: rows(w("50"), w("30"), w("10"), "33.3", "16.6", "30", "10")},
			[]string{"weight-mismatch info 50 49.9 -0.1"}},
		{"another split, no headers", &extract.Report{Genre: extract.ProjectTable, Funds: fund,
			Indicators: rows(nil, nil, nil, "30", "30", "20", "10")},
			[]string{"weight-mismatch info <nil> <nil> <nil>"}},
		{"split not told when the parts do not make 100", &extract.Report{Genre: extract.ProjectTable, Funds: fund,
			Indicators: rows(nil, nil, nil, "30", "30", "20", "5")}, nil},
	} {
		got := brief(checkWeights(tc.r), "weight-mismatch")
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
	// the split names itself
	fs := checkWeights(&extract.Report{Genre: extract.ProjectTable, Funds: fund, Indicators: rows(nil, nil, nil, "30", "30", "20", "10")})
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "预算执行 10 / 产出 60 / 效益 20 / 满意度 10") {
		t.Errorf("split: %v", fs)
	}
}

func TestReasonRule(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   extract.Indicator
		want string
	}{
		{"met, no reason", ind("产出指标", "x", "≥30户", "32户", "10", "10", ""), ""},
		{"short, reason given", ind("产出指标", "x", "30户", "24户", "10", "8", "受天气影响"), ""},
		{"short, empty", ind("产出指标", "x", "30户", "24户", "10", "8", ""), "warning"},
		{"short, 无", ind("产出指标", "x", "30户", "24户", "10", "8", "无"), "info"},
		{"short, —", ind("产出指标", "x", "30户", "24户", "10", "8", "—"), "info"},
		{"score under weight, qualitative", ind("效益指标", "x", "明显改善", "有所改善", "10", "6", ""), "warning"},
		{"反向 over target", ind("产出指标", "x", "≤100万元", "120万元", "10", "10", ""), "warning"},
		{"short, read from prose (no reason column)", func() extract.Indicator {
			p := ind("产出指标", "x", "30户", "24户", "", "", "")
			p.Prose = true
			return p
		}(), ""},
	} {
		fs := checkReasons(&extract.Report{Indicators: []extract.Indicator{tc.in}})
		got := ""
		if len(fs) == 1 {
			got = string(fs[0].Severity)
		}
		if got != tc.want || len(fs) > 1 {
			t.Errorf("%s: %v, want %q", tc.name, fs, tc.want)
		}
	}
	// 执行率 under 90 % and no reason anywhere: warning; a reason on any row: none
	low := []extract.FundRow{fundRow("100", "80", "10", "80", "8")}
	met := ind("产出指标", "x", "≥30户", "32户", "10", "10", "")
	if got := brief(checkReasons(&extract.Report{Funds: low, Indicators: []extract.Indicator{met}}), "reason-missing"); len(got) != 1 || got[0] != "reason-missing warning <nil> 80 <nil>" {
		t.Errorf("low rate, no reason: %q", got)
	}
	met.Reason = "部分资金年底未支付"
	if fs := checkReasons(&extract.Report{Funds: low, Indicators: []extract.Indicator{met}}); len(fs) != 0 {
		t.Errorf("low rate with a reason: %v", fs)
	}
}

func TestGradeRule(t *testing.T) {
	for _, tc := range []struct {
		grade, total string
		want         bool
	}{
		{"优", "90", false}, {"优秀", "95.5", false}, {"良", "89.99", false}, {"良好", "80", false},
		{"合格", "60", false}, {"中", "79", false}, {"差", "59.5", false}, {"不合格", "0", false},
		{"优", "89.5", true}, {"良", "90", true}, {"良好", "79", true}, {"中", "59", true}, {"差", "60", true},
		{"其他", "50", false},
	} {
		r := &extract.Report{Grade: tc.grade, TotalScore: d(tc.total)}
		fs := checkGrade(r)
		if (len(fs) == 1) != tc.want {
			t.Errorf("%s at %s: %v", tc.grade, tc.total, fs)
		}
		if len(fs) == 1 && (!strings.Contains(fs[0].Message, tc.total) || !strings.Contains(fs[0].Message, tc.grade)) {
			t.Errorf("message %q", fs[0].Message)
		}
	}
}

func TestPlaceholderRule(t *testing.T) {
	for _, tc := range []struct {
		in   extract.Indicator
		want int
	}{
		{ind("产出指标", "指标2", "", "", "", "", ""), 1},
		{ind("产出指标", "指标1工程完工率", "100%", "100%", "10", "10", ""), 0}, // numbered and filled: a real row
		{ind("产出指标", "XX项目完成率", "XX%", "……", "10", "10", ""), 1},
		{ind("产出指标", "补助户数", "××户", "30户", "10", "10", ""), 1},
		{ind("产出指标", "补助户数", "30户", "30户", "10", "10", ""), 0},
	} {
		if fs := checkPlaceholders(&extract.Report{Indicators: []extract.Indicator{tc.in}}); len(fs) != tc.want {
			t.Errorf("%s / %s / %s: %v", tc.in.Level3, tc.in.Target, tc.in.Actual, fs)
		}
	}
}

func TestScoreRescaledOverNotApplicable(t *testing.T) {
	fund := []extract.FundRow{fundRow("10", "10", "10", "100", "10")}
	na := ind("产出指标", "完工及时率", "100%", "不适用", "10", "", "")
	na.NotApplicable = true
	rows := []extract.Indicator{ind("产出指标", "a", "1个", "1个", "40", "40", ""), na,
		ind("效益指标", "b", "1个", "1个", "30", "24", "原因"), ind("满意度指标", "c", "≥90%", "95%", "10", "10", "")}
	for _, tc := range []struct{ total, want string }{
		{"93", ""},    // (10 + 40 + 24 + 10) ÷ 90 × 100 = 93.33 → 93
		{"93.33", ""}, // to two decimals
		{"84", "score-mismatch warning 84 93.333333 9.333333"}, // the plain sum: not rescaled
		{"90", "score-mismatch error 90 93.333333 3.333333"},
	} {
		r := &extract.Report{Genre: extract.ProjectTable, Funds: fund, Indicators: rows,
			TotalRow: &extract.TotalRow{Label: "总分", Score: d(tc.total), Decimals: decimalsOf("score", tc.total), Page: 1}}
		got := strings.Join(brief(checkScores(r), "score-mismatch"), "; ")
		if got != tc.want {
			t.Errorf("总分 %s: %q, want %q", tc.total, got, tc.want)
		}
	}
}

func TestAcrossYearsTargetChanged(t *testing.T) {
	y := func(year int, budget string, targets ...string) YearOfProject {
		p := YearOfProject{Report: fmt.Sprint("r", year), Unit: "北河镇", Year: year, BudgetWan: d(budget)}
		for i, tg := range targets {
			p.Indicators = append(p.Indicators, ind("产出指标", fmt.Sprint("指标", i+1, "补助户数", i), tg, tg, "10", "10", ""))
		}
		return p
	}
	fs := AcrossYears([]YearOfProject{
		y(2023, "60", "≥35户", "100%"), // 2022 → 2023: +50 % budget, 30户 → 35户
		y(2021, "50", "30户", "100%"),
		y(2022, "40", "≥ 30户", "100％"), // 2021 → 2022: -20 %, the same targets written otherwise
		y(2025, "10", "1户", "1%"),      // not consecutive with 2023
	})
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d %s %s %s %s", f.Year, f.Previous, f.Expected, f.Actual, f.Diff))
	}
	want := []string{"2023 r2022 40 60 20", "2023 r2022 30 35 5"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("across years:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The published tables: 廊坊's 8.62 → 9 is rounding (info) with its reason
// given; 青神 uses a 10 / 60 / 30 split; 萧县's rows are all met.
func TestScoringOnPublishedTables(t *testing.T) {
	rules := []string{"weight-mismatch", "indicator-score-mismatch", "reason-missing", "grade-mismatch", "placeholder", "score-mismatch"}
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"langfang_shipinxuexiao_2019_xiangmu_table.txt", []string{"indicator-score-mismatch info 9 8.6204 -0.3796"}},
		{"qingshen_fgj_2023_xiangmu_table.txt", []string{"weight-mismatch info <nil> <nil> <nil>"}},
		{"xiaoxian_zhangzhuangzhai_2023_mubiao_table.txt", nil},
		{"made/department.txt", []string{"indicator-score-mismatch info 19 19.2 0.2"}},
		{"made/bad_project.txt", []string{"score-mismatch error 7 9.5 2.5", "score-mismatch error 95 97 2", "weight-mismatch info <nil> <nil> <nil>"}},
		{"made/weights_grade.txt", []string{"score-mismatch warning 90 100 10"}},
	} {
		got := brief(Report(tableReport(t, tc.name)), rules...)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
