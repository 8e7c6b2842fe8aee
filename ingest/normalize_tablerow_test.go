package ingest

import "testing"

// Rows of tables flattened with spaces are kept as lines; prose is not.
func TestTableRowsWithSpaces(t *testing.T) {
	for _, tc := range []struct {
		line string
		row  bool
	}{
		{"年度资金总额 43.2 43.2 37.24 10 86% 9", true},
		{"其中桃树种植面积 1.5亩 1.5亩", true},
		{"主管部门        示范县交通运输局                      实施单位     示范镇人民政府", true},
		{"南屯镇 2023 年预算 24 万元，实际拨付 24 万元，", false},
		{"项目总投资100万元，其中财政资金80万元，自筹20万元。", false},
		{"1. 2017年 南屯镇共实施项目", false},
	} {
		if got := isTableRow(tc.line); got != tc.row {
			t.Errorf("isTableRow(%q) = %v, want %v", tc.line, got, tc.row)
		}
	}
}
