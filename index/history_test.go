package index

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

func TestHistory(t *testing.T) {
	ix := openTest(t)
	put := func(id string, unit string, year int, names ...string) {
		t.Helper()
		r := report(unit, year)
		for i, n := range names {
			r.Items = append(r.Items, item(i+1, n, fmt.Sprintf("%d.5", year-2000+i)))
		}
		if err := ix.Put(id, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	put("nt2021", "南屯镇", 2021, "南屯镇2021年省级驻村工作队经费项目", "南屯镇防火经费", "南屯镇2021年耕地地力保护补贴")
	put("nt2022", "南屯镇", 2022, "南屯镇 2022 年度防火员防火期工资", "2022年度省级驻村工作队经费", "南屯镇 2022 年度耕地地力保护补贴资金")
	put("nt2023", "南屯镇", 2023, "南屯镇 2023 年省级驻村工作队经费", "南屯镇 2023 年县级工作队经费", "南屯镇 2021 年市级驻村工作队经费",
		"南屯镇 2023 年耕地地力保护项目", "南屯镇 2023 年防火员 8 个月防火期工资")
	put("bs2023", "北山乡", 2023, "北山乡2023年省级驻村工作队经费")
	// This year's and last year's 选调生 money, listed side by side.
	put("xd2022", "西岭乡", 2022, "关于提前下达 2022 年下派选调生到村工作中央财政补助资金", "关于提前下达 2021 年下派选调生到村工作中央财政补助资金")
	put("xd2023", "西岭乡", 2023, "关于提前下达 2023 年下派选调生到村工作中央财政补助资金", "关于提前下达2022年下派选调生到村工作中央财政补助资金")

	type line struct {
		unit   string
		year   int
		report string
		seq    int
		name   string
		budget string
	}
	lines := func(name, unit string) []line {
		t.Helper()
		es, err := ix.History(context.Background(), name, unit)
		if err != nil {
			t.Fatal(err)
		}
		var out []line
		for _, e := range es {
			out = append(out, line{e.Unit, e.Year, e.Report, *e.Seq, e.Name, e.BudgetWan.String()})
		}
		return out
	}
	tests := []struct {
		name, unit string
		want       []line
	}{
		// One line per year though the wording differs; 县级 and 市级 of 2023 are other projects.
		{"省级驻村工作队经费", "南屯镇", []line{
			{"南屯镇", 2021, "nt2021", 1, "南屯镇2021年省级驻村工作队经费项目", "21.5"},
			{"南屯镇", 2022, "nt2022", 2, "2022年度省级驻村工作队经费", "23.5"},
			{"南屯镇", 2023, "nt2023", 1, "南屯镇 2023 年省级驻村工作队经费", "23.5"},
		}},
		{"南屯镇 2023 年耕地地力保护项目", "南屯镇", []line{
			{"南屯镇", 2021, "nt2021", 3, "南屯镇2021年耕地地力保护补贴", "23.5"},
			{"南屯镇", 2022, "nt2022", 3, "南屯镇 2022 年度耕地地力保护补贴资金", "24.5"},
			{"南屯镇", 2023, "nt2023", 4, "南屯镇 2023 年耕地地力保护项目", "26.5"},
		}},
		// 防火经费 shares 防火 with the 防火员 wages but is another project.
		{"南屯镇防火经费", "南屯镇", []line{
			{"南屯镇", 2021, "nt2021", 2, "南屯镇防火经费", "22.5"},
		}},
		{"防火员防火期工资", "南屯镇", []line{
			{"南屯镇", 2022, "nt2022", 1, "南屯镇 2022 年度防火员防火期工资", "22.5"},
			{"南屯镇", 2023, "nt2023", 5, "南屯镇 2023 年防火员 8 个月防火期工资", "27.5"},
		}},
		// Without a unit, every unit's line, each compared without its own unit name.
		{"省级驻村工作队经费", "", []line{
			{"北山乡", 2023, "bs2023", 1, "北山乡2023年省级驻村工作队经费", "23.5"},
			{"南屯镇", 2021, "nt2021", 1, "南屯镇2021年省级驻村工作队经费项目", "21.5"},
			{"南屯镇", 2022, "nt2022", 2, "2022年度省级驻村工作队经费", "23.5"},
			{"南屯镇", 2023, "nt2023", 1, "南屯镇 2023 年省级驻村工作队经费", "23.5"},
		}},
		{"无人机", "南屯镇", nil},
		// The name of last year's money as written in 2022: the same year
		// offset (-1) in every year.
		{"关于提前下达 2021 年下派选调生到村工作中央财政补助资金", "西岭乡", []line{
			{"西岭乡", 2022, "xd2022", 2, "关于提前下达 2021 年下派选调生到村工作中央财政补助资金", "23.5"},
			{"西岭乡", 2023, "xd2023", 2, "关于提前下达2022年下派选调生到村工作中央财政补助资金", "24.5"},
		}},
		// Written alike in 2022 (this year's) and 2023 (last year's): both
		// projects, each year.
		{"关于提前下达 2022 年下派选调生到村工作中央财政补助资金", "西岭乡", []line{
			{"西岭乡", 2022, "xd2022", 1, "关于提前下达 2022 年下派选调生到村工作中央财政补助资金", "22.5"},
			{"西岭乡", 2022, "xd2022", 2, "关于提前下达 2021 年下派选调生到村工作中央财政补助资金", "23.5"},
			{"西岭乡", 2023, "xd2023", 1, "关于提前下达 2023 年下派选调生到村工作中央财政补助资金", "23.5"},
			{"西岭乡", 2023, "xd2023", 2, "关于提前下达2022年下派选调生到村工作中央财政补助资金", "24.5"},
		}},
	}
	for _, tt := range tests {
		if got := lines(tt.name, tt.unit); !slices.Equal(got, tt.want) {
			t.Errorf("History(%q, %q):\n got %v\nwant %v", tt.name, tt.unit, got, tt.want)
		}
	}
	if _, err := ix.History(context.Background(), "2023年", "南屯镇"); err == nil {
		t.Error("History of a name without words: no error")
	}
}
