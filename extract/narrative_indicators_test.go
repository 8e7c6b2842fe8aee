package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// indicatorLines writes indicators as level1|level2|level3|target|actual, one a line.
func indicatorLines(inds []Indicator) string {
	var b strings.Builder
	for _, in := range inds {
		fmt.Fprintf(&b, "%s|%s|%s|%s|%s\n", in.Level1, in.Level2, in.Level3, in.Target, in.Actual)
	}
	return b.String()
}

// TestProseIndicators reads the phrasings of the class: a numbered label per
// line, labels run together after a colon (产出指标完成情况：数量指标：…), a
// 名称： head, 目标值…实际完成值 split by ；, a target written with a direction,
// a sentence it cannot split and a paragraph that tells of the work under a
// label, which it names instead of guessing.
func TestProseIndicators(t *testing.T) {
	tests := []struct {
		file  string
		want  string
		warns []string
	}{
		{"labelled.txt", `产出指标|数量指标|完成农村危房改造||12户
产出指标|数量指标|完成率||100%
产出指标|质量指标|竣工验收合格率|100%|100%
产出指标|时效指标|项目完成及时率|≥95%|
效益指标|社会效益指标|受益人口数|不少于120人|
满意度指标||受益群众满意度|95%以上|98%
`, []string{"第 1 页：“新建水房1座、铺设管线”像是绩效指标，但未能分出指标名、指标值与实际值，未读作指标 (prose-indicators-unsure)"}},
		{"inline.txt", `产出指标|数量指标|新建道路||3.2公里
产出指标|数量指标|完成率||100%
产出指标|质量指标|工程验收合格率||100%
产出指标|时效指标|受益户数|≥120户|125户
产出指标|数量指标|培训人次|≥300人次|320人次
`, nil},
		// an account of the work under a label: its figures are named, not guessed at
		{"account.txt", "产出指标|质量指标|竣工验收合格率||100%\n",
			[]string{"第 1 页：“年初安排补助资金80万元，计划改造20户”像是绩效指标，但未能分出指标名、指标值与实际值，未读作指标 (prose-indicators-unsure)"}},
		// a table copied a cell a line is a table: not read as prose ("| 已完成" is no indicator's name)
		{"table-cells.txt", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "prose-indicators", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			inds, warns := proseIndicators(string(b), func(int) int { return 1 })
			if got := indicatorLines(inds); got != tt.want {
				t.Errorf("indicators:\n%s\nwant:\n%s", got, tt.want)
			}
			if strings.Join(warns, "\n") != strings.Join(tt.warns, "\n") {
				t.Errorf("warnings %q, want %q", warns, tt.warns)
			}
		})
	}
}

// TestPublishedProseIndicators reads the indicators of published narrative
// reports through Extract: a school's 一是数量指标…二是… paragraph with 指标值/实际
// 完成值 pairs, the targets of a 绩效目标设定 section, and an unlabelled
// satisfaction rate.
func TestPublishedProseIndicators(t *testing.T) {
	tests := []struct {
		id   string
		want string
	}{
		{"yunnan-changning-teshujiaoyu-2023-gongyongjingfei", `产出指标|数量指标|补助人数|9人|9人
产出指标|质量指标|覆盖比率||100%
产出指标|成本指标|特殊教育公用经费补助资金人均补助标准|0.60万元/生.年|0.60万元/生.年
效益指标|社会效益|特殊教育公用经费补助政策知晓度||100%
`},
		{"heilongjiang-fuyuan-2022-yinshuiweixiu", `产出指标|质量指标|项目(工程)验收合格率|100%|
产出指标|时效指标|项目(工程)完成及时率|100%|
产出指标|成本指标|计划资金|201.48万元|
效益指标|社会效益指标|解决贫困人口饮水安全问题人数|≥27人|
效益指标|社会效益指标|贫困地区农村集中供水率|≥≥98%|
效益指标|社会效益指标|受益建档立卡贫困人口数|≥24人|
效益指标|可持续影响指标|工程设计使用年限|≥15年|
满意度指标|服务对象满意度指标|受益贫困人口满意度|≥100%|
`},
		{"henan-gushi-zushimiao-2024-chanye", "满意度指标||受益群众满意度||100%\n"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			_, r := readTestReport(t, "../testdata/real/docs/"+tt.id+".txt")
			if got := indicatorLines(r.Indicators); got != tt.want {
				t.Errorf("indicators:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// FuzzProseIndicators feeds the prose indicator reader arbitrary text: it
// must not panic, every span must lie inside the text, and every indicator
// has a name and a figure. Seeds: testdata/prose-indicators and a real page.
func FuzzProseIndicators(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "prose-indicators", "*.txt"))
	files = append(files, filepath.Join("..", "testdata", "real", "docs", "yunnan-changning-zhujiexiang-zhongxinxuexiao-2023-kunnanbuzhu.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("数量指标：")
	f.Add("（一）产出指标 1.数量指标：目标值；实际完成值：")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		inds, _ := proseIndicators(text, func(int) int { return 1 })
		for _, in := range inds {
			if in.Span[0] < 0 || in.Span[1] > len(text) || in.Span[0] > in.Span[1] {
				t.Fatalf("span %v outside the text (%d bytes)", in.Span, len(text))
			}
			if in.Level3 == "" || in.Target == "" && in.Actual == "" {
				t.Fatalf("indicator without a name or a figure: %+v", in)
			}
		}
	})
}
