package ingest

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

func assemble(format Format, pages ...string) *Document {
	var ps []Page
	for i, p := range pages {
		ps = append(ps, Page{N: i + 1, Text: p})
	}
	return Assemble("t", "", format, ps, nil)
}

func TestNormalizeFoldsCharacters(t *testing.T) {
	d := assemble(FormatText, "预算金额　９.８１万元，ＡＫＴＤ资金１００％\u200b，⽤于（集中安置）")
	want := "预算金额 9.81万元，AKTD资金100%，用于（集中安置）\n"
	if d.Text != want {
		t.Errorf("Text = %q, want %q", d.Text, want)
	}
}

func TestNormalizeRejoinsBrokenLines(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		want  string
	}{
		{"blank lines inside a word",
			[]string{"1. 南屯镇 2023 年省级驻村工作队经费：预算金额 24 万元。用于解决脱贫驻村工作队的经费需\n\n求，为百姓服务。"},
			"1. 南屯镇 2023 年省级驻村工作队经费：预算金额 24 万元。用于解决脱贫驻村工作队的经费需求，为百姓服务。\n"},
		{"after a comma",
			[]string{"4、项目产出：通过调查了解当地设施合格情况合格，\n\n补偿款及时发放。"},
			"4、项目产出：通过调查了解当地设施合格情况合格，补偿款及时发放。\n"},
		{"across a page break",
			[]string{"1、项目立项：项目的申请、设立过程符合相关要求，设\n", "定的绩效目标合理。"},
			"1、项目立项：项目的申请、设立过程符合相关要求，设定的绩效目标合理。\n"},
		{"a new item is not joined",
			[]string{"3、业务管理：管理制度健全、制度执行有效\n\n4、项目产出：日常巡查次数达到100次以上。"},
			"3、业务管理：管理制度健全、制度执行有效\n\n4、项目产出：日常巡查次数达到100次以上。\n"},
		{"a heading is not joined",
			[]string{"（三）项目概况\n2023 年全镇涉及县级及以上专项资金项目共计 40 个。"},
			"（三）项目概况\n2023 年全镇涉及县级及以上专项资金项目共计 40 个。\n"},
		{"a sentence end is not joined",
			[]string{"全部按预算实施验收完毕。\n我单位对所有专项资金开展绩效评价。"},
			"全部按预算实施验收完毕。\n我单位对所有专项资金开展绩效评价。\n"},
		{"table rows stay rows",
			[]string{"| 项目名称 | 河西村特色种养补贴到户项目 |\n| 主管部门 | 县农业农村局 |"},
			"| 项目名称 | 河西村特色种养补贴到户项目 |\n| 主管部门 | 县农业农村局 |\n"},
	}
	for _, tt := range tests {
		d := assemble(FormatText, tt.pages...)
		if d.Text != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, d.Text, tt.want)
		}
	}
}

func TestNormalizeKeepsCellLayout(t *testing.T) {
	cells := "项目名称\n\n办公宿舍楼、食堂及餐厅暖通改造经费\n\n主管部门\n\n廊坊市发改委\n\n实施单位\n\n廊坊市食品工程学校\n\n年初\n\n预算数\n\n全年\n\n预算数\n\n43.2\n\n37.24"
	d := assemble(FormatText, cells)
	if !strings.Contains(d.Text, "办公宿舍楼、食堂及餐厅暖通改造经费\n\n主管部门") || !strings.Contains(d.Text, "年初\n\n预算数") {
		t.Errorf("cells were joined:\n%s", d.Text)
	}
}

func TestNormalizeStripsMarkdown(t *testing.T) {
	d := assemble(FormatMarkdown, "## 南屯镇 2023 年自评工作报告\n\n我单位对 2023 年度开展评价。\n\n**(六) 南屯镇县级工作队经费项目：**\n\n- 1、项目立项: 符合要求。")
	want := "南屯镇 2023 年自评工作报告\n\n我单位对 2023 年度开展评价。\n\n(六) 南屯镇县级工作队经费项目：\n\n1、项目立项: 符合要求。\n"
	if d.Text != want {
		t.Errorf("Text = %q\nwant %q", d.Text, want)
	}
}

// Every byte of Text maps back to the byte of the original it came from.
func TestOffsetsMapToOriginal(t *testing.T) {
	data, err := os.ReadFile("../testdata/nantun-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(context.Background(), "nantun-2023.md", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	orig := d.Original()
	for _, probe := range []string{"937.131003", "宋家庄村联建鸡场", "116.17825", "AKTD", "（三十二）南屯镇"} {
		i := strings.Index(d.Text, probe)
		if i < 0 {
			t.Fatalf("%q not in Text", probe)
		}
		o := d.OriginalOffset(i)
		if !strings.HasPrefix(orig[o:], probe) {
			t.Errorf("%q at %d maps to %d: %q", probe, i, o, orig[o:min(len(orig), o+len(probe))])
		}
	}
	// 求 after the blank lines maps to its own line in the original
	i := strings.Index(d.Text, "经费需求")
	if o := d.OriginalOffset(i + len("经费需")); !strings.HasPrefix(orig[o:], "求，为百姓服务") {
		t.Errorf("求 maps to %q", orig[o:o+20])
	}
}

func TestPageAt(t *testing.T) {
	d := assemble(FormatText, "第一页的内容。\n", "", "第三页：预算金额 24 万元。")
	if got := d.PageAt(strings.Index(d.Text, "第一页")); got != 1 {
		t.Errorf("page of 第一页 = %d", got)
	}
	if got := d.PageAt(strings.Index(d.Text, "预算金额")); got != 3 {
		t.Errorf("page of 预算金额 = %d", got)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		data string
		want Format
	}{
		{"%PDF-1.7\n", FormatPDF},
		{"\xef\xbb\xbf%PDF-1.4", FormatPDF},
		{"PK\x03\x04....word/document.xml", FormatDOCX},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", FormatDOC},
		{"<!DOCTYPE html><html><body>报告</body></html>", FormatHTML},
		{"  <html lang=zh>", FormatHTML},
		{"南屯镇绩效自评报告", FormatText},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.data)); got != tt.want {
			t.Errorf("Sniff(%q) = %s, want %s", tt.data, got, tt.want)
		}
	}
}

func TestReadErrorsNameTheFile(t *testing.T) {
	_, err := Read(context.Background(), "空.txt", nil, Options{})
	if err == nil || !strings.Contains(err.Error(), "空.txt") || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty file error = %v", err)
	}
	_, err = ReadFile(context.Background(), "testdata/no-such-file.txt", Options{})
	if err == nil || !strings.Contains(err.Error(), "no-such-file.txt") {
		t.Errorf("missing file error = %v", err)
	}
}

func FuzzRead(f *testing.F) {
	data, _ := os.ReadFile("../testdata/nantun-2023.md")
	f.Add(data[:min(len(data), 2000)])
	f.Add([]byte("1. 衡\n\n## 标题\n\n1. 名称：预算金额 24 万元，实际拨付\n\n 13 万元。"))
	f.Add([]byte("\xff\xfe1\x002\x00"))
	f.Add([]byte("| a | b |\n\t\f\r\n**x**"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if Sniff(data) != FormatText {
			return
		}
		d, err := Read(context.Background(), "fuzz.txt", data, Options{})
		if err != nil {
			return
		}
		orig := d.Original()
		for i := 0; i < len(d.Text); i += 7 {
			if o := d.OriginalOffset(i); o < 0 || o > len(orig) {
				t.Fatalf("offset %d maps to %d outside the original (%d bytes)", i, o, len(orig))
			}
			if p := d.PageAt(i); p < 1 || p > len(d.Pages) {
				t.Fatalf("offset %d on page %d of %d", i, p, len(d.Pages))
			}
		}
	})
}

// A batch summary counts failed files by reason: the reason names the kind of
// failure, the error keeps the details.
func TestReasonsOfUnreadableFiles(t *testing.T) {
	_, err := Read(context.Background(), "x.pdf", []byte("%PDF-1.7\ngarbage without objects\n%%EOF"), Options{PDFInProcess: true})
	var e *Error
	if !errors.As(err, &e) || e.Reason != "PDF 文件损坏 (damaged)" || !strings.Contains(err.Error(), "x.pdf") {
		t.Errorf("damaged PDF: %v (reason %q)", err, e.Reason)
	}
	_, err = Read(context.Background(), "x.bin", []byte{0x81, 0xff, 0xfe, 0x00, 0x80, 0x9f, 0xff, 0xff, 0x00, 0x01, 0x80}, Options{})
	if !errors.As(err, &e) || !strings.HasPrefix(e.Reason, "无法识别的文件格式") {
		t.Errorf("random bytes: %v", err)
	}
}
