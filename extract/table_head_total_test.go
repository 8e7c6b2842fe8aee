package extract

import "testing"

// TestHeadTotal reads the total a form states in its head, glued to the
// words around it, and leaves a column label's first figure alone.
func TestHeadTotal(t *testing.T) {
	for _, c := range []struct{ id, want string }{
		{"chongqing-kexuecheng-rongmeiti-2021-zhengti", "97.6"}, // 自评总分(分)97.6部门联系人
		{"chongqing-liangping-linyeju-2023-zhengti", "97.93"},   // 自评总分(分) | 97.93年
		{"ningxia-yinchuan-diliuzhongxue-2021-gongyong", "98"},  // 实施第位 | 自评得分 | 98 | 财政审
	} {
		r := extractText(t, c.id, realDoc(t, c.id))
		if decString(r.TotalScore) != c.want {
			t.Errorf("%s: total %s, want %s", c.id, decString(r.TotalScore), c.want)
		}
	}
	// the last column's label, then the first row's 序号
	text := "2023年度部门整体支出绩效评价自评表\n序号 | 一级指标 | 二级指标 | 三级指标 | 指标分值 | 指标说明及评分标准 | 自评得分 |\n1 | 规划(15分) | 基础信息(3分) | 基础信息完整性 | 3 | 是否完整 | 3 |\n"
	r := extractText(t, "columns", text)
	if r.TotalScore != nil && decString(r.TotalScore) == "1" {
		t.Errorf("the first row's 序号 read as the total")
	}
}

// TestDepartmentWholeTitle: 部门整体绩效自评表 (no 支出 in the name) is a
// department table, and the head's 财政处室 label is no 主管部门's value.
func TestDepartmentWholeTitle(t *testing.T) {
	for _, id := range []string{"chongqing-kexuecheng-rongmeiti-2021-zhengti", "chongqing-liangping-linyeju-2023-zhengti"} {
		r := extractText(t, id, realDoc(t, id))
		if r.Genre != DepartmentTable {
			t.Errorf("%s: genre %s", id, r.Genre)
		}
		if r.Project != nil && r.Project.Department == "财政处室" {
			t.Errorf("%s: 财政处室 read as the 主管部门", id)
		}
	}
}
