package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestPublishedNarratives reads narrative reports as their sites published
// them (testdata/real): the header, the stated total and count, and every
// item's figures, exactly — lists opened by 分别是 inside a sentence, a
// breakdown's 、 inside brackets, a title's bracketed subtitle naming the one
// project, the projects a report names after their count, a list cut off
// after its first entry, 我校 on a bureau's page, a commissioned evaluation.
func TestPublishedNarratives(t *testing.T) {
	tests := []struct {
		id           string
		docType      DocType
		unit, title  string
		year         int
		total, count string
		items        []string // name budget actual disbursement
	}{
		{"yunnan-changning-diyishifanxiaoxue-2023-jiaoyuzhuanxiang", SelfEvaluationReport, "昌宁县第一示范小学",
			"昌宁县第一示范小学2023年度项目支出绩效自评报告(教育专项工作经费)", 2023, "16.2", "-",
			[]string{"教育专项工作经费 16.2 16.2 full"}},
		{"yunnan-changning-teshujiaoyu-2023-gongyongjingfei", SelfEvaluationReport, "",
			"2023年度项目支出绩效自评报告(特殊教育公用经费补助资金)", 2023, "6.46", "-",
			[]string{"特殊教育公用经费补助资金 6.46 6.46 full"}},
		{"hunan-yizhang-yingchunzhenxuexiao-2017-zhuanxiang", SelfEvaluationReport, "迎春镇学校",
			"迎春镇学校2017年度专项资金绩效自评报告", 2017, "-", "-",
			[]string{"房屋建筑物 - 66.2 unknown", "办公设备购置 - 1.9 unknown", "专用设备购置 - 11.4 unknown",
				"基础设施建设 - 18.6 unknown", "大型修缮 - 44.3 unknown"}},
		{"sichuan-mianyang-kejiju-2021-xiangmu", SelfEvaluationReport, "绵阳市科学技术局", "项目绩效自评报告", 2021, "2455.5", "-",
			[]string{"科技活动交流经费 5 - unknown", "科技项目评审及系统维护费 18 - unknown", "绵阳市外国专家工作经费 2.5 - unknown",
				"省级科技计划项目验收工作经费 16 - unknown", "科技型中小企业办公室(双创办)工作经费 18 - unknown",
				"科技项目监管和科技项目组织经费 9 - unknown"}},
		{"unknown-xxsheng-yiyuan-2019-xiandaiyiyuanguanli", SelfEvaluationReport, "", "健全现代医院管理制度项目绩效自评报告", 2019,
			"509774.5", "4", []string{"高水平医院建设项目 420000 - unknown"}},
		{"guangxi-nanning-xueshengzizhu-2018-kunnanxinsheng", SelfEvaluationReport, "南宁市学生资助管理办公室",
			"南宁市财政项目支出绩效自评报告(2018年度)", 2018, "-", "-", []string{"南宁市困难大学新生入学补助项目 - - unknown"}},
		{"hunan-xinhua-xuexiaojianshe-20xx-pingjia", EvaluationReport, "", "学校工程项目绩效自评报告", 0, "7747", "6",
			[]string{"孟公镇中心学校 - - unknown", "白溪镇中心小学 - - unknown", "游家镇田家教学点 - - unknown",
				"桑梓镇大坪小学 - - unknown", "桑梓镇第二初中 - - unknown", "荣华乡田果小学 - - unknown"}},
		{"hunan-qidong-caizhengju-2022-gaobiaozhunnongtian", EvaluationReport, "祁东县",
			"祁东县2020-2022年度高标准农田建设专项资金绩效评价报告", 0, "-", "-", nil},
		{"guangdong-fazhanyanjiuzhongxin-20xx-juecezixun", SelfEvaluationReport, "省发展研究中心", "财政资金项目支出绩效自评报告", 0,
			"-", "-", []string{"xx年度省级财政资金决策咨询专项费项目 - - unknown"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			_, r := readTestReport(t, "../testdata/real/docs/"+tt.id+".txt")
			if r.DocType != tt.docType || r.Unit != tt.unit || r.Title != tt.title || r.Year != tt.year {
				t.Errorf("header %q %q %q %d, want %q %q %q %d", r.DocType, r.Unit, r.Title, r.Year, tt.docType, tt.unit, tt.title, tt.year)
			}
			total, count := "-", "-"
			if r.Stated.TotalWan != nil {
				total = r.Stated.TotalWan.String()
			}
			if r.Stated.Count != nil {
				count = fmt.Sprint(*r.Stated.Count)
			}
			if total != tt.total || count != tt.count {
				t.Errorf("stated %s / %s, want %s / %s", total, count, tt.total, tt.count)
			}
			var got []string
			for _, it := range r.Items {
				b, a := "-", "-"
				if it.BudgetWan != nil {
					b = it.BudgetWan.String()
				}
				if it.ActualWan != nil {
					a = it.ActualWan.String()
				}
				got = append(got, fmt.Sprintf("%s %s %s %s", it.Name, b, a, it.Disbursement))
			}
			if strings.Join(got, "\n") != strings.Join(tt.items, "\n") {
				t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.items, "\n"))
			}
		})
	}
}
