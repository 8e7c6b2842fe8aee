package validate

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/money"
)

func d(s string) *decimal.Decimal {
	v := decimal.RequireFromString(s)
	return &v
}

// decimalsOf gives the decimals written of figures given as text.
func decimalsOf(kv ...string) map[string]int {
	m := map[string]int{}
	for i := 0; i+1 < len(kv); i += 2 {
		v := kv[i+1]
		n := 0
		for k := len(v) - 1; k >= 0; k-- {
			if v[k] == '.' {
				n = len(v) - k - 1
				break
			}
		}
		m[kv[i]] = n
	}
	return m
}

func fundRow(b, e, w, rate, score string) extract.FundRow {
	f := extract.FundRow{Row: "年度资金总额", BudgetWan: d(b), ExecutedWan: d(e),
		Decimals: decimalsOf("budget", b, "executed", e, "rate", rate, "score", score, "weight", w), Span: extract.Span{0, 1}, Page: 1}
	if w != "" {
		f.Weight = d(w)
	}
	if rate != "" {
		f.Rate = d(rate)
	}
	if score != "" {
		f.Score = d(score)
	}
	return f
}

func TestRateRule(t *testing.T) {
	for _, tc := range []struct {
		b, e, rate string
		want       string // "" no finding, else severity
	}{
		{"43.2", "37.24", "86", ""},        // 86.2037% written with no decimals
		{"43.2", "37.24", "86.2", ""},      // with one
		{"43.2", "37.24", "86.20", ""},     // with two
		{"43.2", "37.24", "87", "error"},   // 0.8 points off
		{"43", "37", "86.5", "error"},      // 86.05%: 43 and 37 are 43.00 and 37.00, 0.45 is no rounding
		{"43.2", "37.24", "86.21", "info"}, // 86.2037%: 0.0063 off, within what 0.005万元 on each amount moves it
		{"43.2", "37.24", "95", "error"},   // the brief's example
		{"100", "105", "100", "info"},      // capped at 100%
		{"0.00", "0.00", "0.00", ""},       // nothing budgeted: not computable
		{"251.89", "251.89", "100.00", ""}, // qingshen
	} {
		r := &extract.Report{Funds: []extract.FundRow{fundRow(tc.b, tc.e, "", tc.rate, "")}}
		fs := checkRates(r)
		got := ""
		if len(fs) > 0 {
			got = string(fs[0].Severity)
		}
		if got != tc.want || len(fs) > 1 {
			t.Errorf("%s/%s written %s%%: %v, want %q", tc.e, tc.b, tc.rate, fs, tc.want)
		}
	}
}

func TestScoreRule(t *testing.T) {
	for _, tc := range []struct {
		w, rate, score string
		want           string
	}{
		{"10", "86", "9", ""},        // 8.6 rounded to the integer (langfang)
		{"10", "86", "8.6", ""},      // to the decimals written
		{"10", "86", "9.00", ""},     // to the integer, written with decimals
		{"10", "86", "8", "error"},   // floored: 0.6 off, more than rounding explains
		{"20", "86", "17.3", "info"}, // 17.2: 0.1 off, within 0.05 + 20 × 0.5%
		{"10", "86", "7", "error"},   // 1.6 off
		{"10", "100", "10", ""},      // xiaoxian
		{"10", "120", "10", ""},      // over 100% counts as 100%
		{"10", "95", "7", "error"},   // the bad fixture
	} {
		r := &extract.Report{Funds: []extract.FundRow{fundRow("43.2", "37.24", tc.w, tc.rate, tc.score)}}
		fs := checkScores(r)
		got := ""
		if len(fs) > 0 {
			got = string(fs[0].Severity)
		}
		if got != tc.want || len(fs) > 1 {
			t.Errorf("分值 %s × %s%% → 得分 %s: %v, want %q", tc.w, tc.rate, tc.score, fs, tc.want)
		}
	}
}

func TestScoreTotals(t *testing.T) {
	ind := func(w, s string) extract.Indicator {
		i := extract.Indicator{Level3: "x", Weight: d(w), Decimals: decimalsOf("weight", w, "score", s)}
		if s != "" {
			i.Score = d(s)
		}
		return i
	}
	base := func(total string) *extract.Report {
		return &extract.Report{
			Funds:      []extract.FundRow{fundRow("43.2", "37.24", "10", "86", "9")},
			Indicators: []extract.Indicator{ind("50", "48.5"), ind("40", "39.6"), {Level3: "其中", PartOf: 1, Weight: d("99")}},
			TotalRow:   &extract.TotalRow{Label: "总分", Weight: d("100"), Score: d(total), Decimals: decimalsOf("weight", "100", "score", total), Page: 1},
		}
	}
	for _, tc := range []struct{ total, want string }{
		{"97.1", ""},      // 9 + 48.5 + 39.6, the sub-row aside
		{"97", ""},        // the sum rounded to the total's decimals
		{"97.15", "info"}, // within the rounding of 48.5 and 39.6
		{"98", "error"},   // ceiled: 0.9 off
		{"95", "error"},   // 2.1 off
		{"97.3", "error"},
	} {
		var got []string
		for _, f := range checkScores(base(tc.total)) {
			got = append(got, string(f.Severity))
		}
		want := []string{}
		if tc.want != "" {
			want = []string{tc.want}
		}
		if len(got) != len(want) || len(got) == 1 && got[0] != want[0] {
			t.Errorf("总分 %s: %v, want %v", tc.total, got, want)
		}
	}
}

func TestCompositionRule(t *testing.T) {
	row := func(name string, level int, b string) extract.FundRow {
		return extract.FundRow{Row: name, Level: level, BudgetWan: d(b), Decimals: decimalsOf("budget", b)}
	}
	for _, tc := range []struct {
		total string
		parts []string
		want  string
	}{
		{"10.00", []string{"5.00", "5.00"}, ""},
		{"10.01", []string{"5.00", "5.00"}, "info"},  // 0.01 within 3 × 0.005
		{"10.02", []string{"5.00", "5.00"}, "error"}, // beyond
		{"10", []string{"4.5", "5.5"}, ""},
		{"11", []string{"4.5", "5.5"}, "error"}, // 4.5 means 4.50: 1 is not rounding
		{"120", []string{"100", "15"}, "error"},
	} {
		r := &extract.Report{Funds: []extract.FundRow{row("年度资金总额", 0, tc.total)}}
		for _, p := range tc.parts {
			r.Funds = append(r.Funds, row("当年财政拨款", 1, p))
		}
		r.Funds = append(r.Funds, extract.FundRow{Row: "其他资金", Level: 1}) // blank: counts as 0
		fs := checkComposition(r)
		got := ""
		if len(fs) > 0 {
			got = string(fs[0].Severity)
		}
		if got != tc.want || len(fs) > 1 {
			t.Errorf("%s against %v: %v, want %q", tc.total, tc.parts, fs, tc.want)
		}
	}
}

func TestCompositionLevels(t *testing.T) {
	row := func(name string, level int, b string) extract.FundRow {
		return extract.FundRow{Row: name, Level: level, BudgetWan: d(b), Decimals: decimalsOf("budget", b)}
	}
	r := &extract.Report{Funds: []extract.FundRow{
		row("年度资金总额", 0, "1350.5"),
		row("基本支出", 1, "420.5"),
		row("其中:人员经费", 2, "310.5"),
		row("公用经费", 2, "100"), // 310.5 + 100 = 410.5, not 420.5
		row("项目支出", 1, "930"),
	}}
	var got []string
	for _, f := range checkComposition(r) {
		got = append(got, fmt.Sprintf("%s %s %s %s", f.Severity, f.Expected, f.Actual, f.Diff))
	}
	// the total against 基本支出 + 项目支出 holds; 基本支出 against its two rows does not
	if want := []string{"error 420.5 410.5 -10"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSumRule(t *testing.T) {
	amt := func(s string) money.Amount {
		a, err := money.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	for _, tc := range []struct {
		total string
		parts []string
		want  string
	}{
		{"40.83万元", []string{"12.08万元", "18.8万元", "6.75万元", "3.2万元"}, ""}, // fupin
		{"89.97万元", []string{"30万元", "30万元", "29.99万元"}, "info"},          // 0.02 within 4 × 0.005
		{"89.97万元", []string{"30万元", "30万元", "29.79万元"}, "error"},
		{"1万元", []string{"5000元", "5000元"}, ""},
		{"约90万元", []string{"30万元", "30万元"}, ""}, // approximate: not checked
	} {
		s := extract.StatedSum{Label: "共计", Total: amt(tc.total)}
		for _, p := range tc.parts {
			s.Parts = append(s.Parts, amt(p))
		}
		fs := checkSums(&extract.Report{Sums: []extract.StatedSum{s}})
		got := ""
		if len(fs) > 0 {
			got = string(fs[0].Severity)
		}
		if got != tc.want || len(fs) > 1 {
			t.Errorf("%s against %v: %v, want %q", tc.total, tc.parts, fs, tc.want)
		}
	}
}

func TestTableRulesRegistered(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules() {
		ids[r.ID] = true
	}
	for _, id := range []string{"rate-mismatch", "score-mismatch", "composition-mismatch", "sum-mismatch"} {
		if !ids[id] {
			t.Errorf("rule %s not registered", id)
		}
	}
}
