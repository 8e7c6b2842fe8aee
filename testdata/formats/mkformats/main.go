// Command mkformats writes the same published tables as the file formats a
// user receives them in, with the spreadsheet program that users use: each
// table is written once as a flat OpenDocument spreadsheet (.fods: merged
// cells, number formats, formulas with the values a spreadsheet cached),
// and LibreOffice converts it to XLSX, XLS (BIFF8), ODS, CSV, HTML, DOCX (through
// Writer, from the HTML), ODT and PDF (Writer's print of the DOCX). The produced files are committed, so the
// tests run on a clean clone without LibreOffice. Run from the repository
// root with soffice on PATH (Debian: libreoffice-calc-nogui and
// libreoffice-writer-nogui):
//
//	go run ./testdata/formats/mkformats
//
// The tables are real published ones (testdata/real), laid out as their
// templates lay them out; hand edits of a cached value (a stale formula)
// are planted only in the tables named "stale".
package main

import (
	"fmt"
	"html"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const dir = "testdata/formats/"

// cell is one cell of a table: a text, or a number (num, as the decimal
// written in the file) with a format; a formula with its cached value.
type cell struct {
	text    string
	num     string // a number: its value
	format  string // "N2" two decimals, "P0" percent, "" general
	formula string // OpenFormula, e.g. of:=[.E4]/[.D4]
	cols    int    // columns spanned (0: 1)
	rows    int    // rows spanned (0: 1)
}

func t(s string) cell                  { return cell{text: s} }
func n(v, f string) cell               { return cell{num: v, format: f} }
func span(c cell, cols, rows int) cell { c.cols, c.rows = cols, rows; return c }

type table struct {
	name   string // file name
	sheets []sheetSpec
}

type sheetSpec struct {
	name  string
	width int
	rows  [][]cell // covered positions are left out; the generator fills them
}

// hengshan is the 部门整体支出绩效自评表 of testdata/real/docs/
// hunan-hengshan-guantangxiang-2023-juesuan.txt (附件二), cut off where the
// published text is cut off, in the template's layout.
var hengshan = sheetSpec{name: "自评表", width: 8, rows: [][]cell{
	{span(t("2023年度部门整体支出绩效自评表"), 8, 1)},
	{span(t("预算部门、单位名称"), 2, 1), span(t("衡山县贯塘乡人民政府"), 6, 1)},
	{span(t("年度预算申请(万元)"), 1, 7), t(""), t("年初预算数"), t("全年预算数"), t("全年执行数"), t("分值"), t("执行率"), t("自评得分")},
	{t("年度资金总额"), n("861.1", "N2"), n("2030.12", "N2"), n("2030.12", "N2"), n("10", ""),
		cell{num: "1", format: "P0", formula: "of:=[.E4]/[.D4]"}, n("10", "")},
	{span(t("按收入性质分:2030.12"), 3, 1), span(t("按支出性质分:1925.67"), 4, 1)},
	{span(t("其中: 一般公共预算:1325.68"), 3, 1), span(t("其中:基本支出:900.47"), 4, 1)},
	{span(t("政府性基金拨款:118.82"), 3, 1), span(t("项目支出:1025.20"), 4, 1)},
	{span(t("纳入专户管理的非税收入拨款:"), 3, 1), span(t(""), 4, 1)},
	{span(t("其他资金:585.62"), 3, 1), span(t(""), 4, 1)},
	{span(t("年度总体目标"), 1, 2), span(t("预期目标"), 4, 1), span(t("实际完成情况"), 3, 1)},
	{span(t("搞好政府各职能部门完成的工作任务监督,服务市场主体和营造发展"), 4, 1), span(t(""), 3, 1)},
}}

// basics is the 基础数据表 of the same file (附件一, its first rows): a sheet
// that is not a 自评表.
var basics = sheetSpec{name: "基础数据表", width: 4, rows: [][]cell{
	{span(t("2023年度部门整体支出绩效评价基础数据表"), 4, 1)},
	{t("财政供养人员情况(人)"), t("编制数"), t("2023 年实际在职人数"), t("控制率")},
	{t(""), n("46", ""), n("50", ""), cell{num: "1.08695652173913", format: "P2", formula: "of:=[.C3]/[.B3]"}},
}}

// stale is the hengshan table with its 执行率 edited by hand to 95% over
// the formula that computes 100%.
var stale = func() sheetSpec {
	s := hengshan
	s.rows = append([][]cell(nil), hengshan.rows...)
	r := append([]cell(nil), s.rows[3]...)
	r[5] = cell{num: "0.95", format: "P0", formula: "of:=[.E4]/[.D4]"}
	s.rows[3] = r
	return s
}()

var tables = []table{
	{name: "hengshan-2023-zhengti", sheets: []sheetSpec{hengshan}},
	{name: "hengshan-2023-workbook", sheets: []sheetSpec{basics, hengshan}},
	{name: "hengshan-2023-stale", sheets: []sheetSpec{stale}},
}

func main() {
	for _, target := range []string{"xlsx:Calc MS Excel 2007 XML", "xls:MS Excel 97"} {
		convertWith(langfang, "HTML (StarCalc)", target)
	}
	for _, ext := range []string{".xlsx", ".xls"} {
		if err := os.Rename(dir+"xiangmu-table-gbk"+ext, dir+"langfang-xiangmu"+ext); err != nil {
			log.Fatal(err)
		}
	}
	for _, tb := range tables {
		fods := filepath.Join(dir, tb.name+".fods")
		if err := os.WriteFile(fods, []byte(render(tb)), 0o644); err != nil {
			log.Fatal(err)
		}
		convert(fods, "xlsx:Calc MS Excel 2007 XML")
		convert(fods, "xls:MS Excel 97")
		if tb.name == "hengshan-2023-zhengti" {
			convert(fods, "ods:calc8")
			// CSV as Excel saves it in China: UTF-8, and GB18030 (iconv)
			convert(fods, "csv:Text - txt - csv (StarCalc):44,34,76")
			gbk(filepath.Join(dir, tb.name+".csv"), filepath.Join(dir, tb.name+".gbk.csv"))
		}
		if len(tb.sheets) == 1 && tb.name != "hengshan-2023-stale" {
			convert(fods, "html:HTML (StarCalc)")
			htmlPath := filepath.Join(dir, tb.name+".html")
			convertWith(htmlPath, "HTML (StarWriter)", "docx:MS Word 2007 XML")
			// the table printed by a word processor, as tables are published in PDF
			convert(filepath.Join(dir, tb.name+".docx"), "pdf:writer_pdf_Export")
			convert(filepath.Join(dir, tb.name+".docx"), "odt:writer8")
		}
	}
}

// langfang is the 项目支出绩效自评表 of ingest/html/testdata (rowspan and
// colspan, the figures of the published langfang report) opened in Calc
// the way a user opens a table saved from a web page.
const langfang = "ingest/html/testdata/xiangmu-table-gbk.html"

func convert(in, target string) { convertWith(in, "", target) }

// gbk writes the GB18030 encoding of the UTF-8 file in to out.
func gbk(in, out string) {
	b, err := exec.Command("iconv", "-f", "UTF-8", "-t", "GB18030", in).Output()
	if err != nil {
		log.Fatalf("iconv %s: %v", in, err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

func convertWith(in, filter, target string) {
	args := []string{"--headless", "--norestore"}
	if filter != "" {
		args = append(args, "--infilter="+filter)
	}
	args = append(args, "--convert-to", target, "--outdir", dir, in)
	out, err := exec.Command("soffice", args...).CombinedOutput()
	if err != nil {
		log.Fatalf("soffice %v: %v\n%s", args, err, out)
	}
	fmt.Printf("%s", out)
}

func render(tb table) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
<number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
<number:percentage-style style:name="P0"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<number:percentage-style style:name="P2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
</office:styles>
<office:automatic-styles>
<style:style style:name="N2c" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2"/>
<style:style style:name="P0c" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="P0"/>
<style:style style:name="P2c" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="P2"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
`)
	for _, s := range tb.sheets {
		fmt.Fprintf(&b, "<table:table table:name=%q>\n<table:table-column table:number-columns-repeated=\"%d\"/>\n", s.name, s.width)
		covered := map[[2]int]bool{}
		for ri, row := range s.rows {
			b.WriteString("<table:table-row>")
			col, k := 0, 0
			for col < s.width {
				if covered[[2]int{ri, col}] {
					b.WriteString("<table:covered-table-cell/>")
					col++
					continue
				}
				if k >= len(row) {
					b.WriteString("<table:table-cell/>")
					col++
					continue
				}
				c := row[k]
				k++
				cols, rows := max(c.cols, 1), max(c.rows, 1)
				for dr := range rows {
					for dc := range cols {
						if dr > 0 || dc > 0 {
							covered[[2]int{ri + dr, col + dc}] = true
						}
					}
				}
				b.WriteString("<table:table-cell")
				if cols > 1 || rows > 1 {
					fmt.Fprintf(&b, ` table:number-columns-spanned="%d" table:number-rows-spanned="%d"`, cols, rows)
				}
				switch {
				case c.num != "":
					if c.format != "" {
						fmt.Fprintf(&b, ` table:style-name="%sc"`, c.format)
					}
					vt := "float"
					if strings.HasPrefix(c.format, "P") {
						vt = "percentage"
					}
					if c.formula != "" {
						fmt.Fprintf(&b, ` table:formula=%q`, c.formula)
					}
					fmt.Fprintf(&b, ` office:value-type="%s" office:value="%s"><text:p>%s</text:p></table:table-cell>`, vt, c.num, shown(c))
				case c.text != "":
					fmt.Fprintf(&b, ` office:value-type="string"><text:p>%s</text:p></table:table-cell>`, html.EscapeString(c.text))
				default:
					b.WriteString("/>")
				}
				col++
			}
			b.WriteString("</table:table-row>\n")
		}
		b.WriteString("</table:table>\n")
	}
	b.WriteString("</office:spreadsheet></office:body></office:document>\n")
	return b.String()
}

// shown is the text a spreadsheet shows for a number in its format.
func shown(c cell) string {
	switch c.format {
	case "N2":
		if !strings.Contains(c.num, ".") {
			return c.num + ".00"
		}
		if i := strings.Index(c.num, "."); len(c.num)-i == 2 {
			return c.num + "0"
		}
	case "P0", "P2":
		return c.num // LibreOffice redraws it on load
	}
	return c.num
}
