package index

import (
	"slices"
	"testing"

	"github.com/jixiao/jixiao/extract/segment"
)

func TestNameKey(t *testing.T) {
	seg := segment.MustDefault()
	tests := []struct {
		name, unit string
		want       []string
	}{
		{"南屯镇 2023 年省级驻村工作队经费", "南屯镇", []string{"省级", "驻村工作队"}},
		{"南屯镇2021年度省级驻村工作队经费项目", "", []string{"省级", "驻村工作队"}},
		// The unit's name is cut as a string: jieba would glue 镇荣.
		{"南屯镇荣乌高速两侧土地流转绿化资金", "南屯镇人民政府", []string{"荣乌", "高速", "两侧", "土地流转", "绿化"}},
		{"南屯镇人民政府抢险救灾资金", "南屯镇", []string{"抢险救灾"}},
		{"南屯镇 2023 年 285 个村服务群众专项经费", "南屯镇", []string{"村", "服务", "群众"}},
		{"南屯镇防贫监测员 2022 年 1-12 月劳务报酬", "南屯镇", []string{"防贫监测员", "劳务", "报酬"}},
		{"关于提前下达 2022 年度下派选调生到村工作中央补助", "南屯镇", []string{"下派", "选调生", "村", "工作", "中央"}},
		{"南屯镇 2023 年耕地地力保护补贴资金", "南屯镇", []string{"耕地地力保护"}},
		// A name that is only a place keeps it.
		{"南屯镇", "南屯镇", []string{"南屯镇"}},
		// A street office's items start with its short name.
		{"城关街道2023年雨露计划补助资金", "灵寿县城关街道办事处", []string{"雨露", "计划"}},
	}
	for _, tt := range tests {
		if got := nameKey(seg, tt.name, tt.unit); !slices.Equal(got, tt.want) {
			t.Errorf("nameKey(%q, %q) = %q, want %q", tt.name, tt.unit, got, tt.want)
		}
	}
}

// The threshold and the replaced-word rule, on names from the reference
// report, their wording in other years and the synthetic reports. Same-project
// pairs score 0.769 and up; different projects either have a replaced word or
// score at most 0.667, so SameProject = 0.7 sits between with room on both
// sides. TestHistorySynthetic measures the rule on the generator's truth.
func TestNameSimilarity(t *testing.T) {
	seg := segment.MustDefault()
	const unit = "南屯镇"
	tests := []struct {
		a, b     string
		sim      float64
		replaced bool
		same     bool
	}{
		// Same project, other wording.
		{"南屯镇2021年省级驻村工作队经费", "南屯镇 2023 年省级驻村工作队经费", 1, false, true},
		{"南屯镇 2022 年度省级驻村工作队经费项目", "南屯镇 2023 年省级驻村工作队经费", 1, false, true},
		{"省级驻村工作队工作经费", "南屯镇 2023 年省级驻村工作队经费", 1, false, true},
		{"2022年度耕地地力保护补贴资金", "南屯镇 2023 年耕地地力保护项目", 1, false, true},
		{"南屯镇 2023 年村党组织活动经费", "南屯镇2022年村级党组织活动经费", 0.769, false, true},
		{"关于提前下达 2023 年下派选调生到村工作中央财政补助资金", "关于提前下达 2022 年度下派选调生到村工作中央补助", 0.909, false, true},
		{"南屯镇 2023 年 285 个村服务群众专项经费", "南屯镇2022年村服务群众专项经费", 1, false, true},
		{"南屯镇人民政府抢险救灾资金", "南屯镇2022年抢险救灾资金", 1, false, true},
		// Different projects sharing words.
		{"南屯镇 2021 年市级驻村工作队经费", "南屯镇 2023 年省级驻村工作队经费", 0.714, true, false},
		{"南屯镇 2023 年县级工作队经费", "南屯镇 2023 年省级驻村工作队经费", 0.5, true, false},
		{"南屯镇张石高速两侧土地流转绿化资金", "南屯镇荣乌高速两侧土地流转绿化资金", 0.833, true, false},
		{"南屯镇 2023 年农村两委干部养老保险", "南屯镇 2023 年农村“两委”干部绩效补贴", 0.556, true, false},
		{"南屯镇防火经费", "南屯镇 2023 年防火员 8 个月防火期工资", 0.6, false, false},
		{"南屯镇防火经费", "南屯镇森林防火专项经费", 0.667, false, false},
		{"南屯镇购买无人机项目", "南屯镇购买公务用车项目", 0.364, true, false},
		{"南屯镇 2023 年村级组织办公经费", "南屯镇 2023 年村党组织活动经费", 0, true, false},
		// A village replaced by another: a one-character word is no match
		// inside a longer one (村 in 冯台村).
		{"青坊镇冯台村联建鸡场基础设施配套项目", "青坊镇袁各庄村联建鸡场基础设施配套项目", 0.788, true, false},
		// 计划 inside 计划生育 is credited, but too little.
		{"雨露计划补助资金", "计划生育经费", 0.5, false, false},
	}
	for _, tt := range tests {
		a, b := nameKey(seg, tt.a, unit), nameKey(seg, tt.b, unit)
		sim, replaced := nameMatch(a, b)
		_, same := sameProject(a, b)
		if round3(sim) != tt.sim || replaced != tt.replaced || same != tt.same {
			t.Errorf("%s / %s: similarity %.3f replaced %v same %v, want %.3f %v %v",
				tt.a, tt.b, sim, replaced, same, tt.sim, tt.replaced, tt.same)
		}
		// Symmetric.
		if sim2, rep2 := nameMatch(b, a); sim2 != sim || rep2 != replaced {
			t.Errorf("%s / %s: not symmetric", tt.a, tt.b)
		}
	}
}
