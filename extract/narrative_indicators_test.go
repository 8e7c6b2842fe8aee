package extract

import (
	"fmt"
	"strings"
	"testing"
)

func indicatorLines(inds []Indicator) string {
	var b strings.Builder
	for _, in := range inds {
		fmt.Fprintf(&b, "%s|%s|%s|%s|%s\n", in.Level1, in.Level2, in.Level3, in.Target, in.Actual)
	}
	return b.String()
}

func TestProseIndicatorsDebug(t *testing.T) {
	text := "（三）绩效指标完成情况\n（一）产出指标\n1.数量指标：完成农村危房改造12户，完成率100%。\n2.质量指标：竣工验收合格率目标值100%，实际完成值100%。\n3.时效指标：项目完成及时率≥95%。\n（二）效益指标\n社会效益指标：受益人口数不少于120人；新建水房1座、铺设管线。\n（三）满意度指标\n受益群众满意度达到95%以上，实际98%。\n四、存在的问题\n资金到位较晚。"
	inds, warns := proseIndicators(text, func(int) int { return 1 })
	t.Log("\n" + indicatorLines(inds))
	t.Log(warns)
	text = "二、绩效目标完成情况\n产出指标完成情况：数量指标：新建道路3.2公里，完成率100%；质量指标：工程验收合格率100%。时效指标：受益户数，目标值≥120户，实际完成125户。\n（一）产出指标 1.数量指标：培训人次：年度指标值：≥300人次；实际完成值：320人次。"
	inds, warns = proseIndicators(text, func(int) int { return 1 })
	t.Log("\n" + indicatorLines(inds))
	t.Log(warns)
}
