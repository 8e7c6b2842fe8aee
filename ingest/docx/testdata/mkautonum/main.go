// Command mkautonum writes nantun-2023-autonum.docx: the reference report as
// a Word document whose item numbers are Word automatic numbering, the way
// county staff type reports, rather than typed text:
//
//   - "一、" section headings: a paragraph style that carries numbering
//     (level 0 of a multi-level list, chineseCounting "%1、");
//   - "（一）" project headings: level 1 of that list, "（%2）", restarting
//     under each section;
//   - "1、" evaluation points: level 2, decimal "%3、", restarting under each
//     project;
//   - "1. " overview items: a decimal "%1." list sharing its abstract list
//     with the one-item list at the top of the page, restarted with a
//     startOverride, continuing across the unnumbered paragraphs between items.
//
// A number is only made automatic when the counters give exactly the number
// typed in the Markdown, so the document shows the same numbers as the report.
// It also carries a header, a footer with a PAGE field, a footnote, a table of
// contents, a tracked deletion and hidden text, none of which is body text.
//
//	go run ./ingest/docx/testdata/mkautonum
package main

import (
	"archive/zip"
	"fmt"
	"html"
	"log"
	"os"
	"regexp"
	"strconv"
	"strings"
)

const dir = "ingest/docx/testdata/"

var (
	sectionRe = regexp.MustCompile(`^([一二三四五六七八九十]+)、\s*(.*)$`)
	projectRe = regexp.MustCompile(`^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$`)
	pointRe   = regexp.MustCompile(`^(\d+)、\s*(.*)$`)
	itemRe    = regexp.MustCompile(`^(\d+)\.\s+(.*)$`)
	boldRe    = regexp.MustCompile(`\*\*(.+?)\*\*`)
)

func chinese(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n-10]
	default:
		return d[n/10] + "十" + d[n%10]
	}
}

func run(text string, bold bool) string {
	rpr := ""
	if bold {
		rpr = "<w:rPr><w:b/></w:rPr>"
	}
	return fmt.Sprintf(`<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>`, rpr, html.EscapeString(text))
}

// runs renders **bold** spans as bold runs.
func runs(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range boldRe.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > last {
			b.WriteString(run(s[last:m[0]], false))
		}
		b.WriteString(run(s[m[2]:m[3]], true))
		last = m[1]
	}
	if last < len(s) {
		b.WriteString(run(s[last:], false))
	}
	return b.String()
}

func para(ppr, content string) string {
	if ppr != "" {
		ppr = "<w:pPr>" + ppr + "</w:pPr>"
	}
	return "<w:p>" + ppr + content + "</w:p>\n"
}

func numPr(numID, ilvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, numID)
}

func main() {
	md, err := os.ReadFile("testdata/nantun-2023.md") // the shared reference report, from the repository root
	if err != nil {
		log.Fatal(err)
	}
	var body strings.Builder
	// A table of contents, as Word inserts it: a content control holding a TOC field.
	body.WriteString(`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>` +
		`<w:p><w:r><w:t>目录</w:t></w:r></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:hyperlink w:anchor="_Toc1"><w:r><w:t>一、绩效自评工作开展情况</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>1</w:t></w:r></w:hyperlink></w:p>` +
		`<w:p><w:hyperlink w:anchor="_Toc2"><w:r><w:t>二、绩效目标实现情况</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>2</w:t></w:r></w:hyperlink></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`</w:sdtContent></w:sdt>` + "\n")

	var section, project, point, item int
	itemsStarted := false
	first := true
	for _, line := range strings.Split(string(md), "\n") {
		l := strings.TrimSpace(line)
		if l == "" {
			continue
		}
		l = strings.TrimLeft(l, "#")
		l = strings.TrimSpace(l)
		l = strings.TrimPrefix(l, "- ")
		plain := strings.Trim(l, "*")
		switch {
		case first && itemRe.MatchString(l):
			// "1. 衡": a list of its own (num 1 → abstract 0).
			m := itemRe.FindStringSubmatch(l)
			body.WriteString(para(numPr(1, 0), runs(m[2])))
		case sectionRe.MatchString(plain) && chineseOK(sectionRe.FindStringSubmatch(plain)[1], section+1):
			section++
			project, point = 0, 0
			body.WriteString(para(`<w:pStyle w:val="JXSection"/>`, runs(sectionRe.FindStringSubmatch(plain)[2])))
		case projectRe.MatchString(plain) && chineseOK(projectRe.FindStringSubmatch(plain)[1], project+1):
			project++
			point = 0
			text := projectRe.FindStringSubmatch(plain)[2]
			if strings.HasPrefix(l, "**") {
				text = "**" + text + "**"
			}
			body.WriteString(para(numPr(3, 1), runs(text)))
		case pointRe.MatchString(l) && atoi(pointRe.FindStringSubmatch(l)[1]) == point+1 && project > 0:
			point++
			body.WriteString(para(numPr(3, 2), runs(pointRe.FindStringSubmatch(l)[2])))
		case itemRe.MatchString(l) && atoi(itemRe.FindStringSubmatch(l)[1]) == item+1:
			item++
			m := itemRe.FindStringSubmatch(l)
			content := runs(m[2])
			if item == 7 {
				// A footnote reference: the footnote's text is not body text.
				content += `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`
			}
			if item == 13 {
				// A tracked deletion and hidden text inside an item.
				content = `<w:del w:id="9" w:author="审核人" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>（已删除的文字）</w:delText></w:r></w:del>` +
					content + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的批注文字</w:t></w:r>`
			}
			body.WriteString(para(numPr(2, 0), content))
			itemsStarted = true
		default:
			if first {
				log.Fatal("unexpected first line: ", l)
			}
			body.WriteString(para("", runs(l)))
		}
		first = false
	}
	if !itemsStarted || item != 32 || section != 4 {
		log.Fatalf("numbering did not follow the report: items %d sections %d", item, section)
	}
	body.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`)

	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
` + body.String() + `</w:body></w:document>`,
		"word/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="JXHeading"><w:name w:val="jx heading"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="JXSection"><w:name w:val="jx section"/><w:basedOn w:val="JXHeading"/><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>`,
		"word/numbering.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
			`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>` +
			`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>` +
			`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>` +
			`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>` +
			`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%3、"/><w:lvlJc w:val="left"/></w:lvl>` +
			`</w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
			`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
			`<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>` +
			`</w:numbering>`,
		"word/header1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>南屯镇人民政府（页眉不是正文）</w:t></w:r></w:p></w:hdr>`,
		"word/footer1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页（页脚）</w:t></w:r></w:p></w:ftr>`,
		"word/footnotes.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>脚注：鸡场项目资金来源于县财政。</w:t></w:r></w:p></w:footnote></w:footnotes>`,
	}
	out, err := os.Create(dir + "nantun-2023-autonum.docx")
	if err != nil {
		log.Fatal(err)
	}
	zw := zip.NewWriter(out)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
		"word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			log.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
}

func chineseOK(s string, want int) bool { return s == chinese(want) }

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
