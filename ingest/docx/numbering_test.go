package docx

import (
	"strings"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		format string
		n      int
		want   string
	}{
		{"decimal", 7, "7"},
		{"chineseCounting", 1, "一"},
		{"chineseCounting", 10, "十"},
		{"chineseCounting", 11, "十一"},
		{"chineseCounting", 20, "二十"},
		{"chineseCounting", 21, "二十一"},
		{"chineseCounting", 32, "三十二"},
		{"chineseCounting", 99, "九十九"},
		{"chineseCounting", 100, "一○○"}, // Word writes digits from 100 on
		{"chineseCounting", 105, "一○五"},
		{"chineseCountingThousand", 0, "零"},
		{"chineseCountingThousand", 10, "十"},
		{"chineseCountingThousand", 19, "十九"},
		{"chineseCountingThousand", 100, "一百"},
		{"chineseCountingThousand", 101, "一百零一"},
		{"chineseCountingThousand", 110, "一百一十"},
		{"chineseCountingThousand", 1010, "一千零一十"},
		{"chineseCountingThousand", 2300, "二千三百"},
		{"chineseCountingThousand", 10000, "一万"},
		{"chineseCountingThousand", 10001, "一万零一"},
		{"chineseCountingThousand", 100000, "十万"},
		{"chineseLegalSimplified", 1, "壹"},
		{"chineseLegalSimplified", 10, "壹拾"},
		{"chineseLegalSimplified", 105, "壹佰零伍"},
		{"ideographLegalTraditional", 3, "參"},
		{"ideographTraditional", 1, "甲"},
		{"ideographTraditional", 10, "癸"},
		{"ideographTraditional", 11, "11"},
		{"ideographZodiac", 12, "亥"},
		{"ideographDigital", 105, "一〇五"},
		{"ideographEnclosedCircle", 1, "㈠"},
		{"upperLetter", 1, "A"},
		{"upperLetter", 26, "Z"},
		{"upperLetter", 27, "AA"},
		{"upperLetter", 28, "BB"},
		{"upperLetter", 1 << 30, "1073741824"}, // no gigantic labels
		{"lowerLetter", 3, "c"},
		{"upperRoman", 4, "IV"},
		{"upperRoman", 1994, "MCMXCIV"},
		{"upperRoman", 4000, "4000"},
		{"lowerRoman", 9, "ix"},
		{"decimalEnclosedCircle", 1, "①"},
		{"decimalEnclosedCircle", 20, "⑳"},
		{"decimalEnclosedCircle", 21, "21"},
		{"decimalEnclosedCircleChinese", 3, "③"},
		{"decimalEnclosedParen", 1, "⑴"},
		{"decimalEnclosedFullstop", 2, "⒉"},
		{"decimalZero", 5, "05"},
		{"decimalZero", 12, "12"},
		{"decimalFullWidth", 12, "１２"},
		{"ordinal", 1, "1st"},
		{"ordinal", 12, "12th"},
		{"ordinal", 22, "22nd"},
		{"hex", 255, "FF"},
		{"none", 3, ""},
		{"custom", 7, "007"}, // with format "001, 002, 003, ..."
		{"someFutureFormat", 3, "3"},
	}
	for _, c := range cases {
		if got := formatNumber(c.format, c.n, "001, 002, 003, ..."); got != c.want {
			t.Errorf("formatNumber(%s, %d) = %q, want %q", c.format, c.n, got, c.want)
		}
	}
}

func lvlXML(ilvl, start, format, text string, extra ...string) string {
	s := `<w:lvl w:ilvl="` + ilvl + `">`
	if start != "" {
		s += `<w:start w:val="` + start + `"/>`
	}
	s += `<w:numFmt w:val="` + format + `"/><w:lvlText w:val="` + text + `"/>`
	return s + strings.Join(extra, "") + `</w:lvl>`
}

func abstractXML(id string, levels ...string) string {
	return `<w:abstractNum w:abstractNumId="` + id + `">` + strings.Join(levels, "") + `</w:abstractNum>`
}

func numInst(id, abstractID string, overrides ...string) string {
	return `<w:num w:numId="` + id + `"><w:abstractNumId w:val="` + abstractID + `"/>` + strings.Join(overrides, "") + `</w:num>`
}

// TestNumbering checks the labels of Word's automatic numbering. The
// semantics that are not obvious (lists sharing an abstract list continue
// each other; startOverride restarts; an unused higher level counts as used)
// were checked against LibreOffice's own rendering of the same documents.
var outline = abstractXML("1",
	lvlXML("0", "1", "chineseCounting", "%1、"),
	lvlXML("1", "1", "chineseCounting", "（%2）", `<w:suff w:val="nothing"/>`),
	lvlXML("2", "1", "decimal", "%3."))

var numberingCases = []struct {
	name, numbering, styles, body string
	want                          []string
}{{
	name:      "levels restart under their parent",
	numbering: outline + numInst("1", "1"),
	body: p(num("1", "0"), "a") + p(num("1", "1"), "b") + p(num("1", "2"), "c") + p(num("1", "2"), "d") +
		p(num("1", "1"), "e") + p(num("1", "2"), "f") + p(num("1", "0"), "g") + p(num("1", "1"), "h") + p(num("1", "2"), "i"),
	want: []string{"一、a", "（一）b", "1. c", "2. d", "（二）e", "1. f", "二、g", "（一）h", "1. i"},
}, {
	name:      "unnumbered paragraphs do not interrupt a list",
	numbering: outline + numInst("1", "1"),
	body:      p(num("1", "2"), "a") + p("", "继续") + p(num("1", "2"), "b"),
	want:      []string{"1. a", "继续", "2. b"},
}, {
	name: "lvlRestart 0 never restarts",
	numbering: abstractXML("1", lvlXML("0", "1", "decimal", "%1."),
		lvlXML("1", "1", "decimal", "%2)", `<w:lvlRestart w:val="0"/>`)) + numInst("1", "1"),
	body: p(num("1", "1"), "x") + p(num("1", "0"), "y") + p(num("1", "1"), "z"),
	want: []string{"1) x", "2. y", "2) z"},
}, {
	name: "composite labels; an unused parent counts as used",
	numbering: abstractXML("1", lvlXML("0", "1", "decimal", "%1."),
		lvlXML("1", "1", "decimal", "%1.%2", `<w:suff w:val="space"/>`)) + numInst("1", "1"),
	body: p(num("1", "1"), "x") + p(num("1", "1"), "y") + p(num("1", "0"), "z") + p(num("1", "1"), "w"),
	want: []string{"1.1 x", "1.2 y", "2. z", "2.1 w"},
}, {
	name: "instances of one abstract list continue it; startOverride restarts",
	numbering: abstractXML("0", lvlXML("0", "1", "decimal", "%1.")) + numInst("1", "0") +
		numInst("2", "0", `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>`) + numInst("3", "0"),
	body: p(num("1", "0"), "a") + p(num("1", "0"), "b") + p(num("3", "0"), "c") + p(num("2", "0"), "d") +
		p(num("2", "0"), "e") + p(num("3", "0"), "f") + p(num("1", "0"), "g"),
	want: []string{"1. a", "2. b", "3. c", "1. d", "2. e", "3. f", "4. g"},
}, {
	name:      "a missing start is zero, as the standard says",
	numbering: abstractXML("0", lvlXML("0", "", "decimal", "%1.")) + numInst("1", "0"),
	body:      p(num("1", "0"), "a") + p(num("1", "0"), "b"),
	want:      []string{"0. a", "1. b"},
}, {
	name: "lvlOverride replaces a level's format",
	numbering: abstractXML("0", lvlXML("0", "1", "decimal", "%1.")) +
		numInst("1", "0", `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>`+lvlXML("0", "1", "upperLetter", "%1)")+`</w:lvlOverride>`),
	body: p(num("1", "0"), "a") + p(num("1", "0"), "b"),
	want: []string{"C) a", "D) b"},
}, {
	name:      "numbering from a paragraph style, inherited along basedOn",
	numbering: outline + numInst("5", "1"),
	styles: `<w:style w:type="paragraph" w:styleId="ListBase"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Project"><w:basedOn w:val="ListBase"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>`,
	body: p(`<w:pStyle w:val="Project"/>`, "南屯镇信访稳定经费") + p(`<w:pStyle w:val="Project"/>`, "南屯镇防火经费") +
		p(`<w:pStyle w:val="Project"/>`+num("0", "0"), "不编号"),
	want: []string{"（一）南屯镇信访稳定经费", "（二）南屯镇防火经费", "不编号"},
}, {
	name: "style without ilvl takes the level whose pStyle it is",
	numbering: abstractXML("1", lvlXML("0", "1", "chineseCounting", "%1、"),
		lvlXML("1", "1", "chineseCounting", "（%2）", `<w:pStyle w:val="Heading2"/>`)) + numInst("7", "1"),
	styles: `<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>`,
	body:   p(`<w:pStyle w:val="Heading2"/>`, "基本经验"),
	want:   []string{"（一）基本经验"},
}, {
	name: "numStyleLink takes the levels of the linked list style",
	numbering: `<w:abstractNum w:abstractNumId="10"><w:numStyleLink w:val="OutlineList"/></w:abstractNum>` +
		abstractXML("11", lvlXML("0", "1", "decimalEnclosedCircle", "%1")) + numInst("10", "10") + numInst("11", "11"),
	styles: `<w:style w:type="numbering" w:styleId="OutlineList"><w:pPr><w:numPr><w:numId w:val="11"/></w:numPr></w:pPr></w:style>`,
	body:   p(num("10", "0"), "甲项") + p(num("10", "0"), "乙项"),
	want:   []string{"① 甲项", "② 乙项"},
}, {
	name: "w14 custom zero-padded format, with its fallback",
	numbering: `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
		`<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>` +
		`<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` + numInst("1", "0"),
	body: p(num("1", "0"), "a"),
	want: []string{"001. a"},
}, {
	name: "isLgl shows every level as decimal",
	numbering: abstractXML("0", lvlXML("0", "1", "upperRoman", "%1."),
		lvlXML("1", "1", "decimal", "%1.%2", `<w:isLgl/>`, `<w:suff w:val="space"/>`)) + numInst("1", "0"),
	body: p(num("1", "0"), "a") + p(num("1", "1"), "b"),
	want: []string{"I. a", "1.1 b"},
}, {
	name:      "bullets carry no label",
	numbering: abstractXML("0", lvlXML("0", "1", "bullet", "\uf0b7")) + numInst("1", "0"),
	body:      p(num("1", "0"), "要点"),
	want:      []string{"要点"},
}, {
	name:      "an empty numbered paragraph still takes its number",
	numbering: abstractXML("0", lvlXML("0", "1", "decimal", "%1.")) + numInst("1", "0"),
	body:      p(num("1", "0"), "a") + p(num("1", "0")) + p(num("1", "0"), "c"),
	want:      []string{"1. a", "2.", "3. c"},
}, {
	name:      "undefined lists and levels give no label",
	numbering: abstractXML("0", lvlXML("0", "1", "decimal", "%1.")) + numInst("1", "0"),
	body:      p(num("99", "0"), "a") + p(num("1", "12"), "b") + p(num("1", "x"), "c") + p(num("1", "3"), "d"),
	want:      []string{"a", "b", "1. c", "d"},
}, {
	name: "label formats of Chinese reports",
	numbering: abstractXML("0", lvlXML("0", "9", "chineseCountingThousand", "%1、")) + numInst("1", "0") +
		abstractXML("1", lvlXML("0", "1", "ideographTraditional", "%1.")) + numInst("2", "1") +
		abstractXML("2", lvlXML("0", "1", "chineseLegalSimplified", "第%1条", `<w:suff w:val="space"/>`)) + numInst("3", "2"),
	body: p(num("1", "0"), "a") + p(num("1", "0"), "b") + p(num("1", "0"), "c") +
		p(num("2", "0"), "d") + p(num("2", "0"), "e") + p(num("3", "0"), "f"),
	want: []string{"九、a", "十、b", "十一、c", "甲. d", "乙. e", "第壹条 f"},
}}

func TestNumbering(t *testing.T) {
	for _, c := range numberingCases {
		t.Run(c.name, func(t *testing.T) {
			text, warnings, err := Extract(docxOf(t, c.body, c.numbering, c.styles))
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) > 0 {
				t.Errorf("warnings: %v", warnings)
			}
			if got := nonEmptyLines(text); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}
