package synth

// A small independent reader of the generated files, for the tests: it
// decodes every format back to lines (paragraphs; table rows as "| a | b |")
// so the truth can be checked against what was written.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/jixiao/jixiao/ingest"
)

// decodeLines turns a generated file back into its lines of text.
func decodeLines(t testing.TB, format string, data []byte) []string {
	t.Helper()
	switch format {
	case "md", "txt", "gb18030", "utf16":
		if format == "gb18030" && utf8.Valid(data) {
			t.Fatalf("GB18030 file is valid UTF-8: it was not encoded")
		}
		if format == "utf16" && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
			t.Fatalf("UTF-16 file has no little-endian BOM")
		}
		text, enc, err := ingest.DecodeText(data)
		if err != nil {
			t.Fatalf("decode %s: %v", format, err)
		}
		want := map[string][]string{"md": {"UTF-8"}, "txt": {"UTF-8", "UTF-8 (BOM)"}, "gb18030": {"GB18030"}, "utf16": {"UTF-16LE"}}[format]
		if !slices.Contains(want, enc) {
			t.Fatalf("%s file decoded as %s", format, enc)
		}
		text = strings.ReplaceAll(text, "\r\n", "\n")
		if strings.Contains(text, "\r") {
			t.Fatalf("stray CR in %s file", format)
		}
		return strings.Split(text, "\n")
	case "html":
		return htmlLines(t, data)
	case "docx":
		return docxLines(t, data)
	}
	t.Fatalf("unknown format %q", format)
	return nil
}

// htmlLines reads the article body (div.TRS_Editor) of a page.
func htmlLines(t testing.TB, data []byte) []string {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("HTML does not parse: %v", err)
	}
	var body *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "div" {
			for _, a := range n.Attr {
				if a.Key == "class" && a.Val == "TRS_Editor" {
					body = n
				}
			}
		}
		for c := n.FirstChild; c != nil && body == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	if body == nil {
		t.Fatalf("no div.TRS_Editor")
	}
	var text func(*html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(text(c))
		}
		return b.String()
	}
	var lines []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "p":
				lines = append(lines, text(c))
			case "tr":
				var cells []string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && td.Data == "td" {
						cells = append(cells, strings.TrimSpace(strings.ReplaceAll(text(td), "\u00a0", " ")))
					}
				}
				lines = append(lines, pipeRow(cells))
			default:
				walk(c)
			}
		}
	}
	walk(body)
	return lines
}

// docxLines reads the paragraphs and table rows of word/document.xml.
func docxLines(t testing.TB, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("DOCX is not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("open %s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		parts[f.Name] = b
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		if _, ok := parts[name]; !ok {
			t.Fatalf("DOCX lacks %s", name)
		}
		if err := xmlWellFormed(parts[name]); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	var lines, cells []string
	var para strings.Builder
	inText, tableDepth := false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "tbl":
				tableDepth++
			case "tr":
				cells = nil
			case "p":
				para.Reset()
			case "t":
				inText = true
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "tbl":
				tableDepth--
			case "tr":
				lines = append(lines, pipeRow(cells))
			case "tc":
				cells = append(cells, para.String())
			case "p":
				if tableDepth == 0 {
					lines = append(lines, para.String())
				}
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				para.Write(x)
			}
		}
	}
	return lines
}

func xmlWellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func pipeRow(cells []string) string {
	return "| " + strings.Join(cells, " | ") + " |"
}

// plainLine strips the Markdown markup the generator writes (#, **, "- ").
func plainLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "#")
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "- ")
	s = strings.TrimPrefix(s, "**")
	s = strings.TrimSuffix(s, "**")
	s = strings.TrimPrefix(s, "\ufeff")
	return strings.TrimSpace(strings.TrimLeft(s, "　"))
}

// cellsOf splits a "| a | b |" row; ok is false for other lines.
func cellsOf(line string) ([]string, bool) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || len(line) < 2 {
		return nil, false
	}
	parts := strings.Split(line[1:len(line)-1], "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts, true
}
