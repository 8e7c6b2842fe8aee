package docx

import (
	"strings"
	"testing"
)

func tc(props string, paras ...string) string {
	s := "<w:tc>"
	if props != "" {
		s += "<w:tcPr>" + props + "</w:tcPr>"
	}
	if len(paras) == 0 {
		paras = []string{"<w:p/>"}
	}
	return s + strings.Join(paras, "") + "</w:tc>"
}

func tr(props string, cells ...string) string {
	s := "<w:tr>"
	if props != "" {
		s += "<w:trPr>" + props + "</w:trPr>"
	}
	return s + strings.Join(cells, "") + "</w:tr>"
}

func tbl(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>` +
		strings.Join(rows, "") + "</w:tbl>"
}

var bodyCases = []struct {
	name, body string
	want       string
}{{
	name: "tabs, line breaks, hyphens and symbols",
	body: `<w:p><w:r><w:t>项目名称</w:t><w:tab/><w:t>金额</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三</w:t></w:r>` +
		`<w:r><w:t xml:space="preserve">行 2023</w:t><w:noBreakHyphen/><w:t xml:space="preserve">2024 绩</w:t><w:softHyphen/><w:t>效</w:t>` +
		`<w:sym w:font="Wingdings" w:char="F0B7"/><w:sym w:font="SimSun" w:char="2605"/></w:r></w:p>`,
	want: "项目名称\t金额\n第二行\n第三行 2023-2024 绩效★\n",
}, {
	name: "each paragraph one line, a blank line between paragraphs, empty ones dropped",
	body: p("", "　　我单位\u00a0对 ", "2023 年度") + "<w:p/>" + p("", "   ") + p("", "第二段"),
	want: "我单位 对 2023 年度\n\n第二段\n",
}, {
	name: "tracked changes and hidden text",
	body: `<w:p><w:ins w:id="1"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>删除</w:delText></w:r></w:del>` +
		`<w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>移来</w:t></w:r></w:moveTo>` +
		`<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r></w:p>` +
		`<w:del w:id="3"><w:p><w:r><w:delText>删除的段落</w:delText></w:r></w:p></w:del>`,
	want: "新增移来显示\n",
}, {
	name: "links, content controls, simple fields, ruby, math; no note or comment marks",
	body: `<w:p><w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink>` +
		`<w:sdt><w:sdtPr><w:alias w:val="单位"/></w:sdtPr><w:sdtContent><w:r><w:t>南屯镇</w:t></w:r></w:sdtContent></w:sdt>` +
		`<w:smartTag w:uri="x" w:element="date"><w:r><w:t>，</w:t></w:r></w:smartTag>` +
		`<w:fldSimple w:instr=" DATE "><w:r><w:t>2024年1月</w:t></w:r></w:fldSimple>` +
		`<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>驻</w:t></w:r></w:rubyBase></w:ruby></w:r>` +
		`<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>` +
		`<w:r><w:footnoteReference w:id="1"/><w:endnoteReference w:id="2"/><w:commentReference w:id="0"/></w:r></w:p>`,
	want: "链接南屯镇，2024年1月驻x=1\n",
}, {
	name: "complex fields: results kept, instructions and tables of contents dropped",
	body: `<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t>一、绩效自评工作开展情况</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>` +
		p("", "二、绩效目标实现情况\t2") +
		`<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>正文</w:t></w:r></w:p>`,
	want: "第3页\n\n正文\n",
}, {
	name: "a field left open without its result hides nothing after its paragraph",
	body: `<w:p><w:r><w:t>前</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>` + p("", "后文"),
	want: "前\n\n后文\n",
}, {
	name: "a text box is read once (not its fallback copy), after its paragraph",
	body: `<w:p><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>` +
		`<wps:wsp><wps:txbx><w:txbxContent>` + p("", "文本框内容") + tbl(tr("", tc("", p("", "框内表")), tc("", p("", "1")))) + `</w:txbxContent></wps:txbx></wps:wsp>` +
		`</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` +
		p("", "文本框内容") + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>续</w:t></w:r></w:p>` +
		p("", "下一段") +
		`<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>` + p("", "旧式文本框") + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`,
	want: "锚定段落续\n\n文本框内容\n\n| 框内表 | 1 |\n\n下一段\n\n旧式文本框\n",
}, {
	name: "tables: spans, merges, several paragraphs and nested tables in a cell",
	body: tbl(
		tr("", tc("", p("", "项目名称")), tc(`<w:gridSpan w:val="3"/>`, p("", "暖通改造"))),
		tr("", tc(`<w:vMerge w:val="restart"/>`, p("", "项目资金")), tc("", p("", "年初"), p("", "预算数")), tc("", p("", "执行数")), tc("", p("", "得分"))),
		tr("", tc(`<w:vMerge/>`), tc("", p("", "43.2")), tc("", p("", "37.24")), tc("", p("", "9"))),
		tr(`<w:gridBefore w:val="1"/>`, tc("", p("", "a|b")),
			tc("", tbl(tr("", tc("", p("", "x")), tc("", p("", "y"))), tr("", tc("", p("", "z")), tc("", p("", "w"))))),
			tc("", `<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>tab</w:t></w:r></w:p>`)),
		tr(`<w:del w:id="5"/>`, tc("", p("", "删除的行")), tc("", p("", "x"))),
		tr("", tc(""), tc("")),
		tr("", tc(`<w:hMerge w:val="restart"/>`, p("", "合计")), tc(`<w:hMerge/>`), tc("", p("", "100")), tc("", p("", "97"))),
	) + p("", "表后"),
	want: "| 项目名称 | 暖通改造 |  |  |\n| 项目资金 | 年初 预算数 | 执行数 | 得分 |\n|  | 43.2 | 37.24 | 9 |\n" +
		"|  | a¦b | x y z w | 第一行 第二行 tab |\n| 合计 |  | 100 | 97 |\n\n表后\n",
}, {
	name: "a one-column layout table is read as its blocks",
	body: tbl(tr("", tc("", p("", "报告正文"), tbl(tr("", tc("", p("", "项目")), tc("", p("", "金额"))), tr("", tc("", p("", "防火经费")), tc("", p("", "9")))), p("", "结尾")))),
	want: "报告正文\n\n| 项目 | 金额 |\n| 防火经费 | 9 |\n\n结尾\n",
}, {
	name: "block-level content controls and custom XML are read; a TOC control is not",
	body: `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>` + p("", "目录") + `</w:sdtContent></w:sdt>` +
		`<w:sdt><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>` + p("", "控件中的段落") + `</w:sdtContent></w:sdt>` +
		`<w:customXml w:element="report">` + p("", "自定义标记中的段落") + `</w:customXml>`,
	want: "控件中的段落\n\n自定义标记中的段落\n",
}}

func TestBody(t *testing.T) {
	for _, c := range bodyCases {
		t.Run(c.name, func(t *testing.T) {
			text, _, err := Extract(docxOf(t, c.body, "", ""))
			if err != nil {
				t.Fatal(err)
			}
			if text != c.want {
				t.Errorf("got\n%q\nwant\n%q", text, c.want)
			}
		})
	}
}

func TestStrictNamespace(t *testing.T) {
	files := pkgFiles("", "", "")
	files["word/document.xml"] = `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格模式文档</w:t></w:r></w:p></w:body></w:document>`
	files["_rels/.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document.xml"/></Relationships>`
	text, _, err := Extract(zipOf(t, files))
	if err != nil || text != "严格模式文档\n" {
		t.Fatalf("got %q, %v", text, err)
	}
}

func TestMainPartFromRelationships(t *testing.T) {
	files := pkgFiles("", "", "")
	delete(files, "word/document.xml")
	files["word/document2.xml"] = `<w:document ` + ns + `><w:body>` + p("", "另一个名字的主文档") + `</w:body></w:document>`
	files["_rels/.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>`
	text, _, err := Extract(zipOf(t, files))
	if err != nil || text != "另一个名字的主文档\n" {
		t.Fatalf("got %q, %v", text, err)
	}
}

func TestAltChunk(t *testing.T) {
	files := pkgFiles(p("", "前文")+`<w:altChunk r:id="rIdChunk"/>`+p("", "后文"), "", "")
	files["word/_rels/document.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/></Relationships>`
	files["word/afchunk.htm"] = `<html><body><p>嵌入的段落</p><table><tr><td>项目</td><td>金额</td></tr></table></body></html>`
	text, _, err := Extract(zipOf(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if want := "前文\n\n嵌入的段落\n\n| 项目 | 金额 |\n\n后文\n"; text != want {
		t.Fatalf("got %q, want %q", text, want)
	}
}
