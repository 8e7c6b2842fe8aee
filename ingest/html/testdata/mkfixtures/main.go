// Command mkfixtures renders the reference report (nantun-2023.md) as the
// HTML test pages of ingest/html: a plain UTF-8 rendering of the Markdown
// (headings, ordered lists with their start numbers, bullets, bold) and a
// county-portal page in GBK around it. Run from the repository root:
//
//	go run ./ingest/html/testdata/mkfixtures
//
// The DOCX and .doc fixtures are made from nantun-2023.html with soffice
// (see ingest/docx/testdata/README.md); xiangmu-table-gbk.html, a
// 项目支出绩效自评表 with merged cells, is converted to DOCX the same way.
package main

import (
	"fmt"
	"html"
	"log"
	"os"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const dir = "ingest/html/testdata/"

var (
	heading = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	ordered = regexp.MustCompile(`^(\d+)\.\s+(.*)$`)
	bullet  = regexp.MustCompile(`^[-*]\s+(.*)$`)
	bold    = regexp.MustCompile(`\*\*(.+?)\*\*`)
)

func inline(s string) string {
	return bold.ReplaceAllString(html.EscapeString(s), "<strong>$1</strong>")
}

// render turns the Markdown of the reference report into HTML body markup.
func render(md string) string {
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	var b strings.Builder
	for i := 0; i < len(lines); {
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "":
			i++
		case heading.MatchString(l):
			m := heading.FindStringSubmatch(l)
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", len(m[1]), inline(m[2]), len(m[1]))
			i++
		case ordered.MatchString(l) || bullet.MatchString(l):
			// A list: items separated only by blank lines, as in CommonMark.
			isOrdered := ordered.MatchString(l)
			var items []string
			start := 0
			for i < len(lines) {
				l := strings.TrimSpace(lines[i])
				if l == "" {
					i++
					continue
				}
				if isOrdered && ordered.MatchString(l) {
					m := ordered.FindStringSubmatch(l)
					if start == 0 {
						start, _ = strconv.Atoi(m[1])
					}
					items = append(items, m[2])
				} else if !isOrdered && bullet.MatchString(l) {
					items = append(items, bullet.FindStringSubmatch(l)[1])
				} else {
					break
				}
				i++
			}
			tag := "ul"
			if isOrdered {
				tag = "ol"
				if start != 1 {
					fmt.Fprintf(&b, "<ol start=\"%d\">\n", start)
				} else {
					b.WriteString("<ol>\n")
				}
			} else {
				b.WriteString("<ul>\n")
			}
			for _, it := range items {
				fmt.Fprintf(&b, "<li>%s</li>\n", inline(it))
			}
			fmt.Fprintf(&b, "</%s>\n", tag)
		default:
			fmt.Fprintf(&b, "<p>%s</p>\n", inline(l))
			i++
		}
	}
	return b.String()
}

const plain = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>南屯镇 2023 年部门年度绩效自评工作报告</title>
</head>
<body>
%s</body>
</html>
`

// portal is a county government site page: header, search form, navigation,
// breadcrumb, a sidebar of links, title and info line, the article in a
// TRS_Editor div, share and related links, footer; scripts and styles with
// Chinese in them.
const portal = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>南屯镇2023年部门年度绩效自评工作报告_政务公开_某某县人民政府</title>
<meta name="keywords" content="绩效自评,南屯镇" />
<link rel="stylesheet" type="text/css" href="/images/style.css" />
<style type="text/css">
.nav li { float: left; } /* 导航样式 */
</style>
<script type="text/javascript">
var siteName = "某某县人民政府门户网站";
function changeSize(s) { document.getElementById("zoom").style.fontSize = s + "px"; }
</script>
</head>
<body>
<div class="top">
  <div class="logo"><img src="/images/logo.png" alt="某某县人民政府" />某某县人民政府</div>
  <div class="search"><form action="/search" method="get"><input type="text" name="q" value="请输入关键字" /><button type="submit">搜索</button></form></div>
</div>
<div class="nav">
  <ul>
    <li><a href="/">网站首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zmhd/">政民互动</a></li>
    <li><a href="/bsfw/">办事服务</a></li><li><a href="/zjxx/">走进某某</a></li>
  </ul>
</div>
<div class="main">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czxx/">财政信息</a></div>
  <div class="left">
    <h3>政务公开</h3>
    <ul>
      <li><a href="/zwgk/czyjs/">财政预决算</a></li><li><a href="/zwgk/jxpj/">绩效评价</a></li>
      <li><a href="/zwgk/zfcg/">政府采购</a></li><li><a href="/zwgk/rsxx/">人事信息</a></li>
    </ul>
  </div>
  <div class="right">
    <h1 class="title">南屯镇2023年部门年度绩效自评工作报告</h1>
    <div class="info">发布时间：2024-03-05&nbsp;&nbsp;来源：南屯镇人民政府&nbsp;&nbsp;浏览次数：<script>document.write(hits);</script>&nbsp;&nbsp;字号：[<a href="javascript:changeSize(16)">大</a> <a href="javascript:changeSize(14)">中</a> <a href="javascript:changeSize(12)">小</a>]</div>
    <div id="zoom">
<div class="TRS_Editor"><div class="Custom_UnionStyle">
%s</div></div>
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
    <div class="related"><h4>相关文章</h4>
      <ul><li><a href="/zwgk/jxpj/1.html">南屯镇2022年部门年度绩效自评工作报告</a></li><li><a href="/zwgk/jxpj/2.html">某某县财政局关于开展绩效自评工作的通知</a></li></ul>
    </div>
  </div>
</div>
<div class="footer">
  <p>主办单位：某某县人民政府办公室&nbsp;&nbsp;承办单位：某某县大数据服务中心</p>
  <p>网站标识码：1301000000&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">冀ICP备12345678号</a>&nbsp;&nbsp;冀公网安备 13010002000001号</p>
</div>
</body>
</html>
`

// table is a 项目支出绩效自评表 as county sites publish it: merged cells
// (rowspan, colspan) everywhere, the figures of the published langfang
// report, indicator weights completed so that they add up.
const table = `<!DOCTYPE html>
<html>
<head>
<meta charset="gbk">
<title>办公宿舍楼、食堂及餐厅暖通改造经费绩效自评表</title>
</head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/xxgk/">信息公开</a></div>
<div class="article">
<p align="center"><b>项目支出绩效自评表</b></p>
<p align="center">（2019年度）</p>
<table border="1" cellspacing="0" cellpadding="0">
<tr><td>项目名称</td><td colspan="8">办公宿舍楼、食堂及餐厅暖通改造经费</td></tr>
<tr><td>主管部门</td><td colspan="3">廊坊市发改委</td><td>实施单位</td><td colspan="4">廊坊市食品工程学校</td></tr>
<tr><td rowspan="5">项目资金<br>（万元）</td><td colspan="2">&nbsp;</td><td>年初<br>预算数</td><td>全年<br>预算数</td><td>全年<br>执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td colspan="2">年度资金总额</td><td>43.2</td><td>43.2</td><td>37.24</td><td>10</td><td>86%</td><td>9</td></tr>
<tr><td colspan="2">其中：当年财政拨款</td><td>43.2</td><td>43.2</td><td>37.24</td><td>—</td><td>&nbsp;</td><td>—</td></tr>
<tr><td colspan="2">上年结转资金</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>—</td><td>&nbsp;</td><td>—</td></tr>
<tr><td colspan="2">其他资金</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>—</td><td>&nbsp;</td><td>—</td></tr>
<tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr>
<tr><td colspan="4">完成办公宿舍楼、食堂及餐厅暖通改造</td><td colspan="4">已完工，剩余3%尾款未付</td></tr>
<tr><td rowspan="8">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度<br>指标值</td><td>实际<br>完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
<tr><td rowspan="4">产出指标</td><td>数量指标</td><td>指标1：工程资金金额</td><td>43.2</td><td>37.24</td><td>20</td><td>18</td><td>已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。</td></tr>
<tr><td>质量指标</td><td>指标1：工程完工率</td><td>100%</td><td>100%</td><td>10</td><td>10</td><td>&nbsp;</td></tr>
<tr><td>时效指标</td><td>指标1：项目完成及时率</td><td>100%</td><td>100%</td><td>10</td><td>10</td><td>&nbsp;</td></tr>
<tr><td>成本指标</td><td>指标1：成本控制率</td><td>100%</td><td>100%</td><td>10</td><td>10</td><td>&nbsp;</td></tr>
<tr><td rowspan="2">效益指标</td><td>社会效益指标</td><td>指标1：学校发展能力</td><td>100%</td><td>100%</td><td>15</td><td>15</td><td>&nbsp;</td></tr>
<tr><td>可持续影响指标</td><td>指标1：长期使用性</td><td>100%</td><td>100%</td><td>10</td><td>10</td><td>&nbsp;</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>指标1：学生满意度</td><td>100%</td><td>100%</td><td>15</td><td>15</td><td>&nbsp;</td></tr>
<tr><td colspan="6">总分</td><td>100</td><td>97</td><td>&nbsp;</td></tr>
</table>
</div>
<div class="footer">版权所有：廊坊市食品工程学校</div>
</body>
</html>
`

func main() {
	md, err := os.ReadFile("testdata/nantun-2023.md") // the shared reference report, from the repository root
	if err != nil {
		log.Fatal(err)
	}
	body := render(string(md))
	if err := os.WriteFile(dir+"nantun-2023.html", []byte(fmt.Sprintf(plain, body)), 0o644); err != nil {
		log.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(fmt.Sprintf(portal, body))
	if err != nil {
		log.Fatal("GBK cannot encode the page: ", err)
	}
	if err := os.WriteFile(dir+"portal-gbk.html", []byte(gbk), 0o644); err != nil {
		log.Fatal(err)
	}
	gbk, err = simplifiedchinese.GBK.NewEncoder().String(table)
	if err != nil {
		log.Fatal("GBK cannot encode the table: ", err)
	}
	if err := os.WriteFile(dir+"xiangmu-table-gbk.html", []byte(gbk), 0o644); err != nil {
		log.Fatal(err)
	}
}
