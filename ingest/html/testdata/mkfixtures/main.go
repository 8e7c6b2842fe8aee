// Command mkfixtures renders the reference report (nantun-2023.md) as the
// HTML test pages of ingest/html: a plain UTF-8 rendering of the Markdown
// (headings, ordered lists with their start numbers, bullets, bold) and a
// county-portal page in GBK around it. Run from the repository root:
//
//	go run ./ingest/html/testdata/mkfixtures
//
// The DOCX and .doc fixtures are made from nantun-2023.html with soffice
// (see ingest/docx/testdata/README.md).
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

func main() {
	md, err := os.ReadFile(dir + "nantun-2023.md")
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
}
