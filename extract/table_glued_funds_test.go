package extract

import (
	"strings"
	"testing"
)

func TestGluedFunds(t *testing.T) {
	type fund struct{ row, initial, budget, executed, weight, rate, score string }
	cases := []struct {
		doc  string
		want []fund
		warn string
	}{
		// the header after the label: 年度资金总额年初预匏数调整预算将,A、全年执行数(B)执行率(B/A)64.864.864.8100%
		{doc: "ningxia-yinchuan-diliuzhongxue-2021-gongyong", want: []fund{{"年度资金总额", "64.8", "64.8", "64.8", "", "100", ""}}},
		// a breakdown's lines with their rate alone
		{doc: "jiangxi-nanchang-cancha-weishengyuan-2021-zhengti", want: []fund{
			{"资金来源:(1)财政拨款", "", "", "", "", "103.21", ""},
			{"资金结构:(1)基本支出", "", "", "", "", "103.21", ""}}},
		// 年度财政 资金总额10001000100%20: 1000 | 1000 | 100% | 20, but 10001000 | 10 | 0% | 20
		// fits the columns and the rate as well: only the 得分 all readings share is read
		{doc: "hubei-xiangyang-zhongxinyiyuan-2021-dongjinyuanqu", want: []fund{{"年度财政资金总额", "", "", "", "", "", "20"}},
			warn: "年度财政资金总额: 数字未分隔，可有多种读法"},
	}
	for _, c := range cases {
		t.Run(c.doc, func(t *testing.T) {
			r := &Report{}
			readTable(realDoc(t, c.doc), nil, r)
			var got []fund
			for _, f := range r.Funds {
				got = append(got, fund{f.Row, decString(f.InitialWan), decString(f.BudgetWan), decString(f.ExecutedWan),
					decString(f.Weight), decString(f.Rate), decString(f.Score)})
			}
			if len(got) != len(c.want) {
				t.Fatalf("funds %+v, want %+v", got, c.want)
			}
			for k := range got {
				if got[k] != c.want[k] {
					t.Errorf("fund %d: got %+v, want %+v", k, got[k], c.want[k])
				}
			}
			if c.warn != "" && !strings.Contains(strings.Join(r.Warnings, "\n"), c.warn) {
				t.Errorf("no warning %q: %q", c.warn, r.Warnings)
			}
		})
	}
}
