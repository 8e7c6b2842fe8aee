package synth

import (
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// renderHTML writes a document as a county portal page: navigation, a
// location bar, the article in <div class="TRS_Editor">, a footer.
func renderHTML(doc *document, t *Truth, r rng) string {
	var b strings.Builder
	title := html.EscapeString(doc.title)
	site := html.EscapeString(t.County + "人民政府")
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<title>" + title + "_" + site + "</title>\n")
	b.WriteString("<link rel=\"stylesheet\" href=\"/css/style.css\">\n</head>\n<body>\n")
	b.WriteString("<div class=\"header\"><div class=\"logo\">" + site + "</div>\n<ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li><li><a href=\"/zwfw/\">政务服务</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul></div>\n")
	b.WriteString("<div class=\"location\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; <a href=\"/zwgk/czyjs/\">财政预决算</a></div>\n")
	b.WriteString("<div class=\"article\">\n<h1 class=\"article-title\">" + title + "</h1>\n")
	date := strconv.Itoa(t.Year+1) + "-0" + strconv.Itoa(r.between(3, 9)) + "-" + strconv.Itoa(r.between(10, 28))
	b.WriteString("<div class=\"info\">发布时间：" + date + "　来源：" + html.EscapeString(t.Unit) + "　浏览次数：" + strconv.Itoa(r.between(20, 900)) + "</div>\n")
	b.WriteString("<div class=\"TRS_Editor\">\n")
	for _, bl := range doc.blocks {
		switch bl.kind {
		case kindTable:
			b.WriteString("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\">\n<tbody>\n")
			for _, row := range bl.rows {
				b.WriteString("<tr>")
				for _, c := range row {
					if c == "" {
						b.WriteString("<td>&nbsp;</td>")
						continue
					}
					b.WriteString("<td><p>" + html.EscapeString(c) + "</p></td>")
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</tbody>\n</table>\n")
			continue
		case kindTitle:
			b.WriteString("<p style=\"text-align:center\"><strong>" + html.EscapeString(bl.text) + "</strong></p>\n")
			continue
		}
		if bl.brk > 0 {
			writeHTMLPara(&b, bl, bl.text[:bl.brk], r)
			writeHTMLPara(&b, bl, bl.text[bl.brk:], r)
		} else {
			writeHTMLPara(&b, bl, bl.text, r)
		}
	}
	b.WriteString("</div>\n</div>\n")
	b.WriteString("<div class=\"footer\">主办单位：" + site + "办公室　网站标识码：" + strconv.Itoa(r.between(1300000000, 1399999999)) + "</div>\n")
	b.WriteString("<script src=\"/js/jquery.min.js\"></script>\n</body>\n</html>\n")
	return b.String()
}

// writeHTMLPara writes one paragraph; some are cut into styled spans, as
// editors leave them.
func writeHTMLPara(b *strings.Builder, bl block, text string, r rng) {
	open := "<p>"
	if bl.indent {
		open = "<p style=\"text-indent:2em\">"
	}
	if bl.center {
		open = "<p style=\"text-align:center\">"
	}
	b.WriteString(open)
	if bl.bold {
		b.WriteString("<strong>")
	}
	if n := utf8.RuneCountInString(text); n > 6 && r.chance(0.3) {
		cut := len(string([]rune(text)[:r.between(1, n-1)]))
		b.WriteString("<span style=\"font-family:仿宋_GB2312\">" + html.EscapeString(text[:cut]) + "</span>")
		b.WriteString("<span style=\"font-family:仿宋_GB2312;font-size:16pt\">" + html.EscapeString(text[cut:]) + "</span>")
	} else {
		b.WriteString(html.EscapeString(text))
	}
	if bl.bold {
		b.WriteString("</strong>")
	}
	b.WriteString("</p>\n")
}
