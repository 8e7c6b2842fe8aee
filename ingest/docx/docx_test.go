package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// han keeps the Han characters of a text: a layout-free fingerprint of its
// content that numbering, spacing and markup do not change.
func han(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return r
		}
		return -1
	}, s)
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Lines of the reference report that must come out with their numbers.
var referenceItems = []string{
	"1. 衡",
	"1. 南屯镇 2023 年省级驻村工作队经费：预算金额 24 万元，实际拨付 24 万元。",
	"7. 南屯镇宋家庄村联建鸡场基础设施配套项目：预算金额 103.064 万元",
	"9. 南屯镇购买公务用车项目：预算金额 9.81 万元.",
	"26. 南屯镇危房改造项目：共计 2 各项目，预算金额 26.4 万元",
	"32. 南屯镇 2023 年度 AKTD 资金：预算金额 1.85 万元",
}

var itemLine = regexp.MustCompile(`(?m)^(\d+)\. (南屯镇|关于)`)

// TestReferenceReport reads the reference report as two DOCX files: one
// LibreOffice made from an HTML rendering of the Markdown (its list numbers
// are LibreOffice's numbering.xml, a list per run of items with its start),
// and one written by hand whose every number — "一、", "（二十一）", "3、",
// "7." — is Word automatic numbering (see testdata/mkautonum). Both must
// give exactly the report's Han characters, in order, and the item lines
// with their numbers.
func TestReferenceReport(t *testing.T) {
	md := string(readFile(t, "../../../testdata/nantun-2023.md")) // the reference report, shared by every package
	cases := []struct {
		file  string
		extra []string
	}{
		{"nantun-2023-lo.docx", nil},
		{"nantun-2023-autonum.docx", []string{
			"一、绩效自评工作开展情况",
			"（三）项目概况",
			"二、绩效目标实现情况",
			"（一）南屯镇 2023 年省级驻村工作队经费项目：",
			"（二十一）南屯镇计划生育专项经费项目:",
			"（三十二）南屯镇 2023 年 AKTD 资金：",
			"5、项目效益：保障我镇工作正常运转。",
			"四、整改措施及结果应用",
			"（一）进一步健全专项资金管理及内部控制制度",
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			text, _, err := Extract(readFile(t, c.file))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := han(text), han(md); got != want {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Fatalf("Han characters differ from the reference at byte %d: got …%s…, want …%s…",
					i, got[max(0, i-30):min(len(got), i+30)], want[max(0, i-30):min(len(want), i+30)])
			}
			for _, want := range append(referenceItems, c.extra...) {
				if !strings.Contains("\n"+text, "\n"+want) {
					t.Errorf("no line starting %q", want)
				}
			}
			items := itemLine.FindAllStringSubmatch(text, -1)
			if len(items) != 32 {
				t.Fatalf("%d numbered item lines, want 32", len(items))
			}
			for i, m := range items {
				if m[1] != itoa(i+1) {
					t.Errorf("item line %d is numbered %s", i+1, m[1])
				}
			}
			for _, bad := range []string{"页眉", "页脚", "脚注", "目录", "隐藏", "已删除"} {
				if strings.Contains(text, bad) {
					t.Errorf("text contains %q, which is not body text", bad)
				}
			}
		})
	}
}

func itoa(n int) string { return strings.TrimSpace(formatNumber("decimal", n, "")) }

// TestSelfEvaluationTable reads a 项目支出绩效自评表 that LibreOffice saved
// from a published page: its merged cells are Word's gridSpan and vMerge.
func TestSelfEvaluationTable(t *testing.T) {
	text, _, err := Extract(readFile(t, "xiangmu-table.docx"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"| 项目名称 | 办公宿舍楼、食堂及餐厅暖通改造经费 |  |  |  |  |  |  |  |",
		"| 主管部门 | 廊坊市发改委 |  |  | 实施单位 | 廊坊市食品工程学校 |  |  |  |",
		"| 项目资金 （万元） |  |  | 年初 预算数 | 全年 预算数 | 全年 执行数 | 分值 | 执行率 | 得分 |",
		"|  | 年度资金总额 |  | 43.2 | 43.2 | 37.24 | 10 | 86% | 9 |",
		"|  | 其中：当年财政拨款 |  | 43.2 | 43.2 | 37.24 | — |  | — |",
		"|  | 上年结转资金 |  |  |  |  | — |  | — |",
		"|  | 其他资金 |  |  |  |  | — |  | — |",
		"| 年度总体目标 | 预期目标 |  |  |  | 实际完成情况 |  |  |  |",
		"|  | 完成办公宿舍楼、食堂及餐厅暖通改造 |  |  |  | 已完工，剩余3%尾款未付 |  |  |  |",
		"| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度 指标值 | 实际 完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |",
		"|  | 产出指标 | 数量指标 | 指标1：工程资金金额 | 43.2 | 37.24 | 20 | 18 | 已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。 |",
		"|  |  | 质量指标 | 指标1：工程完工率 | 100% | 100% | 10 | 10 |  |",
		"|  |  | 时效指标 | 指标1：项目完成及时率 | 100% | 100% | 10 | 10 |  |",
		"|  |  | 成本指标 | 指标1：成本控制率 | 100% | 100% | 10 | 10 |  |",
		"|  | 效益指标 | 社会效益指标 | 指标1：学校发展能力 | 100% | 100% | 15 | 15 |  |",
		"|  |  | 可持续影响指标 | 指标1：长期使用性 | 100% | 100% | 10 | 10 |  |",
		"|  | 满意度指标 | 服务对象满意度指标 | 指标1：学生满意度 | 100% | 100% | 15 | 15 |  |",
		"| 总分 |  |  |  |  |  | 100 | 97 |  |",
	}
	var rows []string
	for l := range strings.SplitSeq(text, "\n") {
		if strings.HasPrefix(l, "|") {
			rows = append(rows, l)
		}
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	for _, l := range []string{"项目支出绩效自评表", "（2019年度）"} {
		if !strings.Contains(text, "\n"+l+"\n") {
			t.Errorf("no line %q", l)
		}
	}
}

func TestNotDOCX(t *testing.T) {
	ole := append(append([]byte{}, oleMagic...), make([]byte, 600)...)
	encrypted := append(append([]byte{}, ole...), encryptedPackageName...)
	cases := []struct {
		name  string
		data  []byte
		is    error
		words string
	}{
		{"text", []byte("我单位对 2023 年度所有专项资金开展绩效评价"), ErrNotDOCX, "不是 zip"},
		{"legacy doc", ole, ErrNotDOCX, "旧版 Word"},
		{"encrypted OOXML", encrypted, ErrEncrypted, "加密"},
		{"xlsx", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>",
			"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`}),
			ErrNotDOCX, "Excel"},
		{"pptx", zipOf(t, map[string]string{"ppt/presentation.xml": "<p/>"}), ErrNotDOCX, "PowerPoint"},
		{"odt", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), ErrNotDOCX, "OpenDocument"},
		{"ofd", zipOf(t, map[string]string{"OFD.xml": "<ofd:OFD/>"}), ErrNotDOCX, "OFD"},
		{"plain zip", zipOf(t, map[string]string{"报告.txt": "文字"}), ErrNotDOCX, "没有 word/document.xml"},
		{"truncated", readFile(t, "nantun-2023-lo.docx")[:3000], nil, "zip 结构损坏"},
		{"not xml", zipOf(t, map[string]string{"word/document.xml": "<w:document " + ns + "><w:body><w:p>"}), nil, "无法解析"},
		{"wrong root", zipOf(t, map[string]string{"word/document.xml": `<w:hdr ` + ns + `/>`}), ErrNotDOCX, "根元素"},
		{"empty part", zipOf(t, map[string]string{"word/document.xml": ""}), ErrNotDOCX, "空的"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Extract(c.data)
			if err == nil {
				t.Fatal("no error")
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("error %v is not %v", err, c.is)
			}
			if !strings.Contains(err.Error(), c.words) {
				t.Errorf("error %q does not say %q", err, c.words)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	t.Run("entries", func(t *testing.T) {
		files := pkgFiles(p("", "x"), "", "")
		for i := range MaxEntries {
			files["media/"+itoa(i)] = ""
		}
		_, _, err := Extract(zipOf(t, files))
		if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "zip 条目数") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("depth", func(t *testing.T) {
		deep := strings.Repeat("<w:customXml>", MaxXMLDepth) + p("", "x") + strings.Repeat("</w:customXml>", MaxXMLDepth)
		_, _, err := Extract(docxOf(t, deep, "", ""))
		if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "嵌套深度") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("tokens", func(t *testing.T) {
		defer func(n int) { maxTokens = n }(maxTokens)
		maxTokens = 1000
		_, _, err := Extract(docxOf(t, strings.Repeat(p("", "x"), 200), "", ""))
		if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "标记数") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("bytes actually inflated", func(t *testing.T) {
		defer func(n int64) { maxDocumentXML = n }(maxDocumentXML)
		maxDocumentXML = 4096
		_, _, err := Extract(docxOf(t, strings.Repeat(p("", "很长的正文"), 200), "", ""))
		if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "word/document.xml 解压后字节数") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("a header that understates the size", func(t *testing.T) {
		doc := `<w:document ` + ns + `><w:body>` + strings.Repeat(p("", "很长的正文"), 200) + `</w:body></w:document>`
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
			CompressedSize64: uint64(len(deflate(t, doc))), UncompressedSize64: 100})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(deflate(t, doc))
		zw.Close()
		_, _, err = Extract(buf.Bytes())
		if err == nil || !strings.Contains(err.Error(), "zip") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("zip bomb at the real limit", func(t *testing.T) {
		files := pkgFiles(p("", "x"), "", "")
		// 17 MiB of white space in the numbering part compresses to a few KiB.
		files["word/numbering.xml"] = `<w:numbering ` + ns + `>` + strings.Repeat(" ", MaxOtherXML+1) + `</w:numbering>`
		files["word/_rels/document.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`
		data := zipOf(t, files)
		if len(data) > 1<<20 {
			t.Fatalf("bomb is %d bytes", len(data))
		}
		_, _, err := Extract(data)
		if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "word/numbering.xml 解压后字节数") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("zip bomb of zeros is the size limit, not invalid text", func(t *testing.T) {
		// 8 MiB of NUL bytes in the main part: under the part limit, but no
		// document compresses a thousand to one; the XML decoder would have
		// called it an invalid character.
		doc := `<w:document ` + ns + `><w:body>` + p("", "x") + strings.Repeat("\x00", 8<<20) + `</w:body></w:document>`
		_, _, err := Extract(docxOf(t, doc, "", ""))
		if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "压缩比") {
			t.Fatalf("got %v", err)
		}
	})
}

func deflate(t testing.TB, s string) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// A broken numbering part costs the labels, not the text.
func TestBrokenNumbering(t *testing.T) {
	text, warnings, err := Extract(docxOf(t, p(num("1", "0"), "项目"), "<w:abstractNum", ""))
	if err != nil {
		t.Fatal(err)
	}
	if text != "项目\n" || len(warnings) != 1 || !strings.Contains(warnings[0], "编号定义无法解析") {
		t.Fatalf("got %q %v", text, warnings)
	}
}
