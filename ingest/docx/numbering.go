package docx

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numbering renders Word's automatic numbering (numbering.xml): every
// numbered paragraph gets the label Word would show ("7.", "（二十一）",
// "3、", "①"). Counters belong to the abstract list, so list instances that
// share one continue each other unless an instance overrides its start —
// which is how Word writes "restart at 1".
type numbering struct {
	abstract map[string]*abstractNum
	nums     map[string]*numInstance
	styles   *styles
}

const maxLevels = 9

type level struct {
	start   int
	format  string
	custom  string // w:format of a w14 custom numFmt
	text    string
	hasText bool
	restart int // lvlRestart; -1: default (restart after any higher level)
	isLgl   bool
	suffix  string // tab (default), space, nothing
	pStyle  string
}

type abstractNum struct {
	levels       [maxLevels]*level
	numStyleLink string
	// counters
	value   [maxLevels]int
	started [maxLevels]bool
}

type numInstance struct {
	abstractID string
	startOver  [maxLevels]*int
	lvlOver    [maxLevels]*level
	used       bool
}

type xmlLevel struct {
	Ilvl       string    `xml:"ilvl,attr"`
	Start      *xmlVal   `xml:"start"`
	NumFmt     []xmlFmt  `xml:"numFmt"`
	AltFmt     []xmlFmt  `xml:"AlternateContent>Choice>numFmt"`
	FallFmt    []xmlFmt  `xml:"AlternateContent>Fallback>numFmt"`
	LvlText    *xmlVal   `xml:"lvlText"`
	LvlRestart *xmlVal   `xml:"lvlRestart"`
	IsLgl      *xmlVal   `xml:"isLgl"`
	Suff       *xmlVal   `xml:"suff"`
	PStyle     *xmlVal   `xml:"pStyle"`
	PicBullet  *struct{} `xml:"lvlPicBulletId"`
}

type xmlFmt struct {
	Val    string `xml:"val,attr"`
	Format string `xml:"format,attr"`
}

func parseNumbering(r io.Reader, name string, st *styles) (*numbering, error) {
	var doc struct {
		Abstract []struct {
			ID           string     `xml:"abstractNumId,attr"`
			NumStyleLink *xmlVal    `xml:"numStyleLink"`
			Levels       []xmlLevel `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID         string  `xml:"numId,attr"`
			AbstractID *xmlVal `xml:"abstractNumId"`
			Overrides  []struct {
				Ilvl          string     `xml:"ilvl,attr"`
				StartOverride *xmlVal    `xml:"startOverride"`
				Levels        []xmlLevel `xml:"lvl"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if err := xml.NewTokenDecoder(newTokenLimiter(r, name)).Decode(&doc); err != nil {
		return nil, err
	}
	n := &numbering{abstract: map[string]*abstractNum{}, nums: map[string]*numInstance{}, styles: st}
	for _, a := range doc.Abstract {
		an := &abstractNum{}
		if a.NumStyleLink != nil {
			an.numStyleLink = a.NumStyleLink.Val
		}
		for _, xl := range a.Levels {
			if i, ok := levelIndex(xl.Ilvl); ok && an.levels[i] == nil {
				an.levels[i] = xl.level()
			}
		}
		if _, dup := n.abstract[a.ID]; !dup {
			n.abstract[a.ID] = an
		}
	}
	for _, x := range doc.Nums {
		ni := &numInstance{}
		if x.AbstractID != nil {
			ni.abstractID = x.AbstractID.Val
		}
		for _, o := range x.Overrides {
			i, ok := levelIndex(o.Ilvl)
			if !ok {
				continue
			}
			if o.StartOverride != nil {
				if v, err := strconv.Atoi(strings.TrimSpace(o.StartOverride.Val)); err == nil {
					ni.startOver[i] = &v
				}
			}
			for _, xl := range o.Levels {
				ni.lvlOver[i] = xl.level()
				break
			}
		}
		if _, dup := n.nums[x.ID]; !dup {
			n.nums[x.ID] = ni
		}
	}
	return n, nil
}

func levelIndex(s string) (int, bool) {
	i, err := strconv.Atoi(strings.TrimSpace(s))
	return i, err == nil && i >= 0 && i < maxLevels
}

func (x xmlLevel) level() *level {
	l := &level{restart: -1, format: "decimal", suffix: "tab"}
	if x.Start != nil {
		if v, err := strconv.Atoi(strings.TrimSpace(x.Start.Val)); err == nil {
			l.start = v
		}
	}
	// A w14 custom format comes with a plain fallback: prefer the plain
	// format unless only the custom one is given.
	// A w14 custom format (Choice) comes with a plain fallback: the custom
	// one is used when it is the zero-padded kind we render, else the plain.
	fmts := append(append(append([]xmlFmt{}, x.AltFmt...), x.NumFmt...), x.FallFmt...)
	for _, f := range fmts {
		if f.Val == "custom" && paddedFormat(f.Format) > 0 {
			l.format, l.custom = "custom", f.Format
			break
		}
	}
	if l.custom == "" {
		for _, f := range fmts {
			if f.Val != "" && f.Val != "custom" {
				l.format = f.Val
				break
			}
		}
	}
	if x.LvlText != nil {
		l.text, l.hasText = x.LvlText.Val, true
	}
	if x.LvlRestart != nil {
		if v, err := strconv.Atoi(strings.TrimSpace(x.LvlRestart.Val)); err == nil {
			l.restart = v
		}
	}
	if x.IsLgl != nil {
		l.isLgl = x.IsLgl.Val == "" || isOn(x.IsLgl.Val)
	}
	if x.Suff != nil {
		l.suffix = x.Suff.Val
	}
	if x.PStyle != nil {
		l.pStyle = x.PStyle.Val
	}
	if x.PicBullet != nil && l.format == "bullet" {
		l.text, l.hasText = "•", true
	}
	return l
}

// resolve finds the abstract list of a list instance, following a
// numStyleLink to the numbering style's own instance (bounded).
func (n *numbering) resolve(numID string) (*numInstance, *abstractNum) {
	for range 8 {
		ni := n.nums[numID]
		if ni == nil {
			return nil, nil
		}
		an := n.abstract[ni.abstractID]
		if an == nil {
			return nil, nil
		}
		if an.numStyleLink == "" || n.styles == nil {
			return ni, an
		}
		linked, _, _, ok := n.styles.numbering(an.numStyleLink)
		if !ok || linked == numID {
			return ni, an
		}
		// The instance's own overrides still apply; the levels come from the link.
		if li := n.nums[linked]; li != nil && n.abstract[li.abstractID] != nil && n.abstract[li.abstractID].numStyleLink == "" {
			return ni, n.abstract[li.abstractID]
		}
		numID = linked
	}
	return nil, nil
}

// levelFor finds the level of a style-numbered paragraph that gives no ilvl:
// the level whose pStyle is the paragraph's style, else 0.
func (n *numbering) levelFor(numID, styleID string) int {
	_, an := n.resolve(numID)
	if an == nil || styleID == "" {
		return 0
	}
	for i, l := range an.levels {
		if l != nil && l.pStyle == styleID {
			return i
		}
	}
	return 0
}

// next advances the counter of a numbered paragraph and returns its label
// with the separator Word puts after it ("" when the paragraph shows none).
func (n *numbering) next(numID string, ilvl int) string {
	if n == nil || numID == "" || numID == "0" || ilvl < 0 || ilvl >= maxLevels {
		return ""
	}
	ni, an := n.resolve(numID)
	if an == nil {
		return ""
	}
	lvl := func(i int) *level {
		if ni.lvlOver[i] != nil {
			return ni.lvlOver[i]
		}
		return an.levels[i]
	}
	if !ni.used {
		ni.used = true
		for i, v := range ni.startOver {
			if v != nil {
				an.value[i], an.started[i] = *v-1, true
			}
		}
	}
	cur := lvl(ilvl)
	if cur == nil {
		return ""
	}
	// Word (and LibreOffice) count an unused higher level as used at its
	// start value: a list that begins at level 2 shows 1.1, and the next
	// level-1 item is 2.
	for k := range ilvl {
		if l := lvl(k); l != nil && !an.started[k] {
			an.value[k], an.started[k] = l.start, true
		}
	}
	if an.started[ilvl] {
		an.value[ilvl]++
	} else {
		an.value[ilvl], an.started[ilvl] = cur.start, true
	}
	for k := ilvl + 1; k < maxLevels; k++ {
		l := lvl(k)
		restart := l == nil || l.restart < 0 || (l.restart > 0 && ilvl < l.restart)
		if restart {
			an.started[k] = false
		}
	}
	if !cur.hasText {
		return ""
	}
	if cur.format == "bullet" {
		return "" // bullets carry no information; the paragraph's text stands alone
	}
	var b strings.Builder
	text := cur.text
	for len(text) > 0 && b.Len() < 256 {
		i := strings.IndexByte(text, '%')
		if i < 0 || i+1 >= len(text) || text[i+1] < '1' || text[i+1] > '9' {
			if i < 0 || i+1 >= len(text) {
				b.WriteString(text)
				break
			}
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		b.WriteString(text[:i])
		k := int(text[i+1] - '1')
		text = text[i+2:]
		l := lvl(k)
		if l == nil {
			continue
		}
		v := an.value[k]
		if !an.started[k] {
			v = l.start
		}
		format := l.format
		if cur.isLgl && format != "none" {
			format = "decimal"
		}
		b.WriteString(formatNumber(format, v, l.custom))
	}
	label := strings.TrimSpace(b.String())
	if label == "" {
		return ""
	}
	switch cur.suffix {
	case "nothing":
		return label
	default: // tab or space: one space, unless the label ends in CJK punctuation
		if r, _ := utf8.DecodeLastRuneInString(label); r > 0x2000 && unicode.IsPunct(r) {
			return label
		}
		return label + " "
	}
}
