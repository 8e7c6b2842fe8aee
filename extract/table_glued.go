package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document sites publish a table's text with every cell glued to the next
// (年度资金总额2456.182456.182456.1810100%10按收入性质分:2456.18…): no space,
// no line, nothing between cells. splitGluedTable cuts such a run at the
// tables' fixed words (field labels, header words, fund rows, levels,
// section labels) and at figures; the words between are text cells. A run
// of figures stays one cell, to be split by the header's columns later.

// gluedWords are the fixed words, longest first.
var gluedWords = func() []string {
	seen := map[string]bool{}
	var out []string
	add := func(ws ...string) {
		for _, w := range ws {
			if w != "" && !seen[w] && utf8.RuneCountInString(w) >= 2 {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	for k := range fieldLabels {
		add(k)
	}
	for _, ws := range [][]headerWord{fundHeaderWords, indicatorHeaderWords, taskHeaderWords} {
		for _, w := range ws {
			add(w.word)
		}
	}
	for k := range level1Names {
		add(k)
	}
	for k := range level2Names {
		add(k)
	}
	add("年度资金总额", "年度财政资金总额", "资金总额", "年度支出总额", "其中:", "当年财政拨款", "本年财政拨款", "上年结转资金",
		"其他资金", "财政专户管理资金", "单位资金", "财政资金", "基本支出", "项目支出", "人员经费", "公用经费",
		"按收入性质分", "按支出性质分", "一般公共预算", "政府性基金拨款", "纳入专户管理的非税收入拨款",
		"年度总体目标", "预期目标", "实际完成情况", "年初设定目标", "年度总体目标完成情况", "绩效指标",
		"项目资金", "资金情况", "预算执行情况", "年度预算申请", "单位名称", "部门名称",
		"评价结论", "存在问题", "改进措施", "合计", "总分", "自评总分", "自评得分", "填报日期")
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

// gluedFigure is a figure at the start of a run: digits with points, commas
// and percent signs (a run of several glued figures included), an operator
// before, and a measure word after (1000万元, 2370人).
var gluedFigure = regexp.MustCompile(`^[≥≤><=≧≦＝]?\d[\d.,%％]*`)

// titleYearAfter is the year written right after a template's name.
var titleYearAfter = regexp.MustCompile(`^\s*[(（]\s*(?:19|20)\d{2}\s*年度?\s*[)）]`)

// yearWord is a year written as a word: 2021年度, 2022年3月18日.
var yearWord = regexp.MustCompile(`^(?:19|20)\d{2}年(?:度|\d{1,2}月(?:\d{1,2}日)?)?`)

// scoreNoteAfter is a level's weight written after it: (70分).
var scoreNoteAfter = regexp.MustCompile(`^[(（]\d+(?:\.\d+)?分[)）]`)

// minGluedRun is the shortest token worth cutting at fixed words.
const minGluedRun = 16

// splitGluedTable cuts text[start:end] into cells, or gives nil when the run
// holds fewer than two fixed words (prose, a name).
func splitGluedTable(text string, start, end int) [][2]int {
	s := text[start:end]
	if utf8.RuneCountInString(s) < minGluedRun {
		return nil
	}
	var out [][2]int
	words, fundWords := 0, 0
	textStart := -1
	flushText := func(at int) {
		if textStart >= 0 {
			out = append(out, [2]int{start + textStart, start + at})
			textStart = -1
		}
	}
	for i := 0; i < len(s); {
		if m := templateTitle.FindStringIndex(s[i:]); m != nil && m[0] == 0 {
			n := m[1]
			if y := titleYearAfter.FindStringIndex(s[i+n:]); y != nil {
				n += y[1] // 部门整体支出绩效自评表(2021年度): the title keeps its year
			}
			from := i
			if textStart >= 0 {
				// 蚕茶卫生院整体支出绩效自评表: the unit's name the title begins with
				if k := hanStart(s[textStart:i]); k >= 0 && utf8.RuneCountInString(s[textStart+k:i]) <= 20 {
					from = textStart + k
					if k == 0 {
						textStart = -1
					}
				}
			}
			flushText(from)
			out = append(out, [2]int{start + from, start + i + n})
			i += n
			words++
			continue
		}
		w := ""
		for _, g := range gluedWords {
			if strings.HasPrefix(s[i:], g) {
				w = g
				break
			}
		}
		if w != "" {
			n := len(w)
			if m := scoreNoteAfter.FindStringIndex(s[i+n:]); m != nil {
				n += m[1] // 产出指标(70分) keeps its note
			}
			if rest := s[i+n:]; strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
				_, cw := utf8.DecodeRuneInString(rest)
				n += cw // 按收入性质分: keeps its colon
			}
			flushText(i)
			out = append(out, [2]int{start + i, start + i + n})
			if _, ok := fundRowLevel(cellKey(w)); ok && strings.Contains(s[i+n:], "%") {
				fundWords++ // 资金总额10001000100%20: a fund row and its run
			}
			i += n
			words++
			continue
		}
		if y := yearWord.FindStringIndex(s[i:]); y != nil {
			// 2021年度财政项目绩效自评表, 2022年3月18日: a year is words, not a figure
			if textStart < 0 {
				textStart = i
			}
			i += y[1]
			continue
		}
		if m := gluedFigure.FindStringIndex(s[i:]); m != nil && (textStart < 0 || !isLetterBefore(s, i)) {
			e := i + m[1]
			for _, mw := range unitWords {
				if strings.HasPrefix(s[e:], mw) {
					e += len(mw)
					break
				}
			}
			flushText(i)
			// a % ends its figure, an operator begins one: ≥90%≥90%10 is three
			from := i
			for k := i + 1; k < e; k++ {
				if s[k-1] == '%' || strings.HasPrefix(s[k:], "≥") || strings.HasPrefix(s[k:], "≤") {
					out = append(out, [2]int{start + from, start + k})
					from = k
				}
			}
			out = append(out, [2]int{start + from, start + e})
			i = e
			continue
		}
		if textStart < 0 {
			textStart = i
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	flushText(len(s))
	if words < 2 && fundWords == 0 {
		return nil
	}
	return out
}

// hanStart is where the run of Han characters and digits (2021年度) that
// ends s begins (-1 if s does not end with one).
func hanStart(s string) int {
	k := len(s)
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.Is(unicode.Han, r) && (r < '0' || r > '9') {
			break
		}
		k -= w
	}
	if k == len(s) {
		return -1
	}
	return k
}

// isLetterBefore reports whether a Latin letter comes right before i (a code
// like 51092324T000010263357 is not a figure).
func isLetterBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	c := s[i-1]
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_'
}

// unitWords are measure words a glued figure may carry, longest first.
var unitWords = func() []string {
	var out []string
	for w := range measureWords {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}()
