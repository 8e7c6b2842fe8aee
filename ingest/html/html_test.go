package html

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	utf16 "golang.org/x/text/encoding/unicode"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// han keeps the Han characters of a text: its content without layout.
func han(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return r
		}
		return -1
	}, s)
}

var itemLine = regexp.MustCompile(`(?m)^(\d+)\. (南屯镇|关于)`)

// TestReferencePages reads the reference report as a plain rendering of its
// Markdown (ordered lists with start numbers) and inside a county portal
// page in GBK: navigation, breadcrumb, sidebar, info line, share bar,
// related links, footer, scripts and styles, all with Chinese in them. Both
// must give exactly the report's Han characters and its numbered items.
func TestReferencePages(t *testing.T) {
	md := string(readFile(t, "../../../testdata/nantun-2023.md")) // the reference report, shared by every package
	for _, name := range []string{"nantun-2023.html", "portal-gbk.html"} {
		t.Run(name, func(t *testing.T) {
			text, warnings, err := Extract(readFile(t, name))
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) > 0 {
				t.Errorf("warnings: %v", warnings)
			}
			if got, want := han(text), han(md); got != want {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Fatalf("Han characters differ at byte %d: got …%s…, want …%s…",
					i, got[max(0, i-30):min(len(got), i+30)], want[max(0, i-30):min(len(want), i+30)])
			}
			for _, want := range []string{
				"1. 衡",
				"南屯镇 2023 年部门年度绩效 自评工作报告",
				"7. 南屯镇宋家庄村联建鸡场基础设施配套项目：预算金额 103.064 万元",
				"9. 南屯镇购买公务用车项目：预算金额 9.81 万元.",
				"32. 南屯镇 2023 年度 AKTD 资金：预算金额 1.85 万元",
				"(六) 南屯镇 2023 年县级工作队经费项目：",
				"1、项目立项：项目的申请、设立过程符合相关要求",
			} {
				if !strings.Contains("\n"+text, "\n"+want) {
					t.Errorf("no line starting %q", want)
				}
			}
			items := itemLine.FindAllStringSubmatch(text, -1)
			if len(items) != 32 {
				t.Fatalf("%d item lines, want 32", len(items))
			}
			for i, m := range items {
				if m[1] != strconv.Itoa(i+1) {
					t.Errorf("item %d numbered %s", i+1, m[1])
				}
			}
			for _, bad := range []string{"网站首页", "当前位置", "政务公开", "发布时间", "浏览次数", "分享到", "相关文章",
				"主办单位", "ICP", "请输入关键字", "siteName", "导航样式", "某某县"} {
				if strings.Contains(text, bad) {
					t.Errorf("boilerplate %q in the text", bad)
				}
			}
		})
	}
}

// TestTablePage reads a 项目支出绩效自评表 page in GBK: rowspan and colspan
// cells become empty cells at the positions they cover.
func TestTablePage(t *testing.T) {
	text, _, err := Extract(readFile(t, "xiangmu-table-gbk.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := "项目支出绩效自评表\n\n（2019年度）\n\n" +
		"| 项目名称 | 办公宿舍楼、食堂及餐厅暖通改造经费 |  |  |  |  |  |  |  |\n" +
		"| 主管部门 | 廊坊市发改委 |  |  | 实施单位 | 廊坊市食品工程学校 |  |  |  |\n" +
		"| 项目资金 （万元） |  |  | 年初 预算数 | 全年 预算数 | 全年 执行数 | 分值 | 执行率 | 得分 |\n" +
		"|  | 年度资金总额 |  | 43.2 | 43.2 | 37.24 | 10 | 86% | 9 |\n" +
		"|  | 其中：当年财政拨款 |  | 43.2 | 43.2 | 37.24 | — |  | — |\n" +
		"|  | 上年结转资金 |  |  |  |  | — |  | — |\n" +
		"|  | 其他资金 |  |  |  |  | — |  | — |\n" +
		"| 年度总体目标 | 预期目标 |  |  |  | 实际完成情况 |  |  |  |\n" +
		"|  | 完成办公宿舍楼、食堂及餐厅暖通改造 |  |  |  | 已完工，剩余3%尾款未付 |  |  |  |\n" +
		"| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度 指标值 | 实际 完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n" +
		"|  | 产出指标 | 数量指标 | 指标1：工程资金金额 | 43.2 | 37.24 | 20 | 18 | 已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。 |\n" +
		"|  |  | 质量指标 | 指标1：工程完工率 | 100% | 100% | 10 | 10 |  |\n" +
		"|  |  | 时效指标 | 指标1：项目完成及时率 | 100% | 100% | 10 | 10 |  |\n" +
		"|  |  | 成本指标 | 指标1：成本控制率 | 100% | 100% | 10 | 10 |  |\n" +
		"|  | 效益指标 | 社会效益指标 | 指标1：学校发展能力 | 100% | 100% | 15 | 15 |  |\n" +
		"|  |  | 可持续影响指标 | 指标1：长期使用性 | 100% | 100% | 10 | 10 |  |\n" +
		"|  | 满意度指标 | 服务对象满意度指标 | 指标1：学生满意度 | 100% | 100% | 15 | 15 |  |\n" +
		"| 总分 |  |  |  |  |  | 100 | 97 |  |\n"
	if text != want {
		t.Fatalf("got\n%s\nwant\n%s", text, want)
	}
}

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const report = "南屯镇防火经费：预算金额 9 万元，实际拨付 5 万元。"

func TestCharsets(t *testing.T) {
	gbk := simplifiedchinese.GBK
	page := func(head, body string) string {
		return "<html><head>" + head + "<title>report</title></head><body><div class=\"TRS_Editor\"><p>" + body + "</p></div></body></html>"
	}
	longComment := "<!-- " + strings.Repeat("template notes ", 200) + " -->"
	cases := []struct {
		name string
		data []byte
		want string
		warn string
	}{
		{"GBK without a declaration", encode(t, gbk, page("", report)), report, ""},
		{"gb2312 declared, GBK characters used", encode(t, gbk, page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "朱镕基 堃 "+report)), "朱镕基 堃 " + report, ""},
		{"GB18030 four-byte characters", encode(t, simplifiedchinese.GB18030, page(`<meta charset="gb18030">`, "𠀀 "+report)), "𠀀 " + report, ""},
		{"big5 declared after 2 KiB", encode(t, traditionalchinese.Big5, longComment+page(`<meta charset="big5">`, "財政局預算")), "財政局預算", ""},
		{"XML declaration", encode(t, gbk, `<?xml version="1.0" encoding="gb2312"?>`+page("", report)), report, ""},
		{"UTF-8 declared, GBK bytes", encode(t, gbk, page(`<meta charset="utf-8">`, report)), report, "charset mismatch"},
		{"GBK declared, UTF-8 bytes", []byte(page(`<meta charset="gbk">`, report)), report, "charset mismatch"},
		{"Latin-1 declared, GBK bytes", encode(t, gbk, page(`<meta charset="iso-8859-1">`, report)), report, "charset mismatch"},
		{"UTF-8 BOM", append([]byte("\xEF\xBB\xBF"), page("", report)...), report, ""},
		{"UTF-16LE BOM", append([]byte{0xFF, 0xFE}, encode(t, utf16.UTF16(utf16.LittleEndian, utf16.IgnoreBOM), page("", report))...), report, ""},
		{"unknown charset", []byte(page(`<meta charset="x-klingon">`, report)), report, "unknown charset"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, warnings, err := Extract(c.data)
			if err != nil {
				t.Fatal(err)
			}
			if text != c.want+"\n" {
				t.Errorf("got %q, want %q", text, c.want)
			}
			if w := strings.Join(warnings, "; "); c.warn == "" && w != "" || !strings.Contains(w, c.warn) {
				t.Errorf("warnings %q, want %q", w, c.warn)
			}
		})
	}
}

// Article pages in the shapes county sites use.
var articleCases = []struct {
	name, page, want, warn string
}{{
	name: "weak-named container beside a sidebar of links",
	page: `<html><body><div id="content"><div class="left"><ul><li><a href="/1">财政预决算</a></li><li><a href="/2">绩效评价</a></li><li><a href="/3">政府采购</a></li></ul></div>` +
		`<div class="con"><p>我单位对 2023 年度所有县级以上级次专项资金开展绩效评价。</p><p>现将评价情况做如下报告。</p></div></div></body></html>`,
	want: "我单位对 2023 年度所有县级以上级次专项资金开展绩效评价。\n\n现将评价情况做如下报告。\n",
}, {
	name: "no known names: the block with most text and fewest links",
	page: `<html><body><div><a href="/">首页</a> | <a href="/a">机构概况</a> | <a href="/b">政务公开</a> | <a href="/c">办事服务</a></div>` +
		`<div><div><p>南屯镇 2023 年部门年度绩效自评工作报告</p><p>我单位对 2023 年度所有县级以上级次专项资金开展绩效评价，现将评价情况做如下报告。</p>` +
		`<p>2023 年全镇涉及县级及以上专项资金项目共计 40 个，预算总金额为 937.131003 万元。</p></div></div>` +
		`<div>版权所有 某某县人民政府</div></body></html>`,
	want: "南屯镇 2023 年部门年度绩效自评工作报告\n\n我单位对 2023 年度所有县级以上级次专项资金开展绩效评价，现将评价情况做如下报告。\n\n" +
		"2023 年全镇涉及县级及以上专项资金项目共计 40 个，预算总金额为 937.131003 万元。\n",
}, {
	name: "the title above the article is kept once",
	page: `<html><body><div class="nav"><a href="/">首页</a></div><h1>南屯镇2023年部门年度绩效自评工作报告</h1><div class="info">发布时间：2024-03-05</div>` +
		`<div class="TRS_Editor"><p>我单位对 2023 年度所有专项资金开展绩效评价。</p></div></body></html>`,
	want: "南屯镇2023年部门年度绩效自评工作报告\n\n我单位对 2023 年度所有专项资金开展绩效评价。\n",
}, {
	name: "a title the article repeats is not added",
	page: `<html><body><h1>南屯镇2023年部门年度绩效自评工作报告</h1><div class="TRS_Editor"><p>南屯镇 2023 年部门年度绩效 自评工作报告</p><p>正文。</p></div></body></html>`,
	want: "南屯镇 2023 年部门年度绩效 自评工作报告\n\n正文。\n",
}, {
	name: "ASP.NET pages wrap everything in a form",
	page: `<html><body><form id="form1" method="post"><input type="hidden" name="__VIEWSTATE" value="x"><div class="header"><a href="/">首页</a></div>` +
		`<div class="Custom_UnionStyle"><p>绩效自评报告正文。</p></div><div class="footer">版权所有</div></form></body></html>`,
	want: "绩效自评报告正文。\n",
}, {
	name: "hidden elements, share bars and scripts inside the article are dropped",
	page: `<div id="zoom"><p>正文第一段。</p><p style="display: none">隐藏的段落</p><div hidden>也隐藏</div>` +
		`<script>document.write("脚本")</script><div class="bdshare"><a href="#">微信</a><a href="#">微博</a></div><p>正文第二段。</p></div>`,
	want: "正文第一段。\n\n正文第二段。\n",
}, {
	name: "ordered lists are numbered as a browser shows them",
	page: `<div class="TRS_Editor"><ol start="7"><li>宋家庄村联建鸡场项目</li><li>购买无人机项目<ol type="a"><li>甲</li><li value="5">乙</li></ol></li></ol>` +
		`<ol reversed><li>三</li><li>二</li><li>一</li></ol><ol type="I"><li>罗马</li></ol><ul><li>要点</li></ul></div>`,
	want: "7. 宋家庄村联建鸡场项目\n\n8. 购买无人机项目\n\na. 甲\n\ne. 乙\n\n3. 三\n\n2. 二\n\n1. 一\n\nI. 罗马\n\n要点\n",
}, {
	name: "line breaks, spaces, entities; a source line break between Chinese characters is no space",
	page: "<div class=\"TRS_Editor\"><p>　　预算金额&nbsp;&nbsp;9.81&#160;万元&amp;实际&#x62E8;付<br>第二行 &ldquo;两委&rdquo;</p>" +
		"<p>县财政\n局和各项目\n  部门 the\nend</p><pre>  代码\n    缩进</pre></div>",
	want: "预算金额 9.81 万元&实际拨付\n第二行 “两委”\n\n县财政局和各项目部门 the end\n\n代码\n缩进\n",
}, {
	name: "a layout table around the article, a data table inside",
	page: `<table><tr><td><p>报告正文。</p><table border="1"><tr><th>项目</th><th colspan="2">金额（万元）</th></tr>` +
		`<tr><td rowspan="2">防火经费</td><td>预算</td><td>9</td></tr><tr><td>实际</td><td>5</td></tr><tr><td>a|b</td><td></td><td></td></tr></table><p>结尾。</p></td></tr></table>`,
	want: "报告正文。\n\n| 项目 | 金额（万元） |  |\n| 防火经费 | 预算 | 9 |\n|  | 实际 | 5 |\n| a¦b |  |  |\n\n结尾。\n",
}, {
	name: "a page Word saved as HTML: list numbers are text in conditional comments",
	page: `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->` +
		`<style>p.MsoNormal{margin:0}</style></head><body lang=ZH-CN><div class=WordSection1 style='layout-grid:15.6pt'>` +
		`<p class=MsoNormal align=center><b><span style='font-size:22.0pt'>南屯镇2023年部门年度绩效自评工作报告<span lang=EN-US><o:p></o:p></span></span></b></p>` +
		`<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US><span style='mso-list:Ignore'>7.` +
		`<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span>南屯镇宋家庄村联建鸡场基础设施配套项目：预算金额</span>` +
		`<span lang=EN-US>103.064</span><span>万元</span><span lang=EN-US><o:p></o:p></span></p><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></div></body></html>`,
	want: "南屯镇2023年部门年度绩效自评工作报告\n\n7. 南屯镇宋家庄村联建鸡场基础设施配套项目：预算金额103.064万元\n",
}, {
	name: "a page of links says so",
	page: `<html><body><ul><li><a href="/1">南屯镇2023年部门年度绩效自评工作报告</a></li><li><a href="/2">南屯镇2022年部门年度绩效自评工作报告</a></li></ul></body></html>`,
	want: "南屯镇2023年部门年度绩效自评工作报告\n\n南屯镇2022年部门年度绩效自评工作报告\n",
	warn: "mostly links",
}, {
	name: "a page filled by scripts has no text",
	page: `<html><head><script>load("/api/article/1")</script></head><body><div id="app"></div></body></html>`,
	want: "",
	warn: "no article text",
}}

func TestArticle(t *testing.T) {
	for _, c := range articleCases {
		t.Run(c.name, func(t *testing.T) {
			text, warnings, err := Extract([]byte(c.page))
			if err != nil {
				t.Fatal(err)
			}
			if text != c.want {
				t.Errorf("got\n%q\nwant\n%q", text, c.want)
			}
			if w := strings.Join(warnings, "; "); c.warn == "" && w != "" || !strings.Contains(w, c.warn) {
				t.Errorf("warnings %q, want %q", w, c.warn)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	_, _, err := Extract(make([]byte, MaxHTMLBytes+1))
	if !errors.Is(err, ErrLimit) {
		t.Errorf("oversized page: %v", err)
	}
	_, _, err = Extract([]byte(strings.Repeat("<b>", MaxTags+1)))
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "元素") {
		t.Errorf("too many elements: %v", err)
	}
	deep := `<div class="TRS_Editor"><p>正文。</p>` + strings.Repeat("<div>", 20000) + "深处" + strings.Repeat("</div>", 20000) + "</div>"
	if _, _, err := Extract([]byte(deep)); !errors.Is(err, ErrLimit) {
		t.Errorf("20000 nested elements: %v", err)
	}
	deep = `<div class="TRS_Editor"><p>正文。</p>` + strings.Repeat("<div>", 300) + "深处" + strings.Repeat("</div>", 300) + "</div>"
	text, warnings, err := Extract([]byte(deep))
	if err != nil {
		t.Fatal(err)
	}
	if text != "正文。\n" || len(warnings) != 1 || !strings.Contains(warnings[0], "nesting too deep") {
		t.Errorf("deep page: %q %v", text, warnings)
	}
}
