//go:build ignore

// gen writes the hand-made tables from their .cells sources: the pipe rows a
// DOCX or HTML reader gives (.txt: a cell merged into the one above is an
// empty cell, one merged into the one on its left is left out) and an HTML
// page with the merged cells as rowspan/colspan on an A4 landscape page
// (.html), which make_formats.sh turns into DOCX and PDF with LibreOffice.
//
//	go run gen.go good_project.cells bad_project.cells department.cells
package main

import (
	"fmt"
	"html"
	"os"
	"strings"
)

func main() {
	for _, name := range os.Args[1:] {
		if err := gen(name); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func gen(name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	base := strings.TrimSuffix(name, ".cells")
	var txt, page strings.Builder
	page.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + base + "</title>\n" +
		"<style>@page{size:29.7cm 21cm;margin:1cm} table{width:100%;border-collapse:collapse;font-size:8pt} " +
		"td{border:1px solid #000;padding:2px}</style></head><body>\n")
	var rows [][]string
	flush := func() {
		if len(rows) == 0 {
			return
		}
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		page.WriteString("<table>\n")
		for i, r := range rows {
			page.WriteString("<tr>")
			for j, c := range r {
				if c == "^" || c == "<" {
					continue
				}
				cs := 1
				for j+cs < len(r) && r[j+cs] == "<" {
					cs++
				}
				if j+cs == len(r) {
					cs += width - len(r) // the last cell fills the row
				}
				rs := 1
				for i+rs < len(rows) && j < len(rows[i+rs]) && rows[i+rs][j] == "^" {
					rs++
				}
				attr := ` valign="top"`
				if cs > 1 {
					attr += fmt.Sprintf(` colspan="%d"`, cs)
				}
				if rs > 1 {
					attr += fmt.Sprintf(` rowspan="%d"`, rs)
				}
				page.WriteString("<td" + attr + ">" + html.EscapeString(c) + "</td>")
			}
			page.WriteString("</tr>\n")
		}
		page.WriteString("</table>\n")
		rows = nil
	}
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if !strings.HasPrefix(line, "|") {
			flush()
			txt.WriteString(line + "\n")
			page.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
			continue
		}
		var cells []string
		txt.WriteString("|")
		for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
			c = strings.TrimSpace(c)
			cells = append(cells, c)
			switch c {
			case "<":
			case "^":
				txt.WriteString(" |")
			default:
				txt.WriteString(" " + c + " |")
			}
		}
		txt.WriteString("\n")
		rows = append(rows, cells)
	}
	flush()
	page.WriteString("</body></html>\n")
	if err := os.WriteFile(base+".txt", []byte(txt.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(base+".html", []byte(page.String()), 0o644)
}
