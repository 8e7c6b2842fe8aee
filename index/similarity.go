package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract/segment"
)

// SameProject is the least name similarity at which two items of a unit in
// different years are taken for the same project, provided that no word of
// one name was replaced by another word in the other (replacedWord). Wording
// variants (村党组织 / 村级党组织, with or without 项目, 2021年 / 2022 年度)
// score 0.76 and up; a short name inside a longer one (防火 / 森林防火,
// 防火 / 防火员防火期工资) stays at or below 0.67. See TestNameSimilarity, and
// TestHistorySynthetic for the rule on the synthetic reports' truth.
const SameProject = 0.7

// genericSuffixes end many project names without telling projects apart;
// they are cut from the end of a name before comparing.
var genericSuffixes = []string{"项目", "经费", "资金", "专项", "补助", "补贴", "的请示", "请示"}

// numberPhrase is a number with the period or count word after it.
var numberPhrase = regexp.MustCompile(`\d+(?:\.\d+)?\s*(?:年度|年|个月|个|月|日)?`)

// timeWords name periods, not projects.
var timeWords = map[string]bool{
	"年": true, "年度": true, "月": true, "个月": true, "个": true, "日": true, "度": true,
	"本年": true, "本年度": true, "上年": true, "全年": true, "上半年": true, "下半年": true,
}

// leadingWords may follow the unit's place name at the start of a name.
var leadingWords = map[string]bool{"人民政府": true, "政府": true, "关于": true, "拨付": true, "提前": true, "下达": true}

// nameKey gives the words a project name is compared on: segment.Words of
// the name with generic suffixes cut, numbers (years, counts) and period
// words dropped, and the unit's own name or a 县/镇/乡 place name at the
// start set aside.
func nameKey(seg *segment.Segmenter, name, unit string) []string {
	name = strings.TrimSpace(name)
	// The unit's name first as a string: jieba may cut it together with
	// what follows (南屯镇荣乌高速 → 南屯 镇荣 乌 高速).
	for _, u := range unitNames(unit) {
		if t := strings.TrimSpace(strings.TrimPrefix(name, u)); t != name && t != "" {
			name = t
			break
		}
	}
	for cut := true; cut; {
		cut = false
		for _, s := range genericSuffixes {
			if t := strings.TrimSuffix(strings.TrimRightFunc(name, isPunctOrSpace), s); t != name && t != "" {
				name, cut = t, true
			}
		}
	}
	// Numbers with the period or count they make (2023 年, 2021 年度,
	// 8 个月, 285 个) go before cutting: jieba glues 个 or 年 to the next
	// character (285 个村 → 个村).
	name = numberPhrase.ReplaceAllString(name, " ")
	var words []string
	for _, w := range seg.Words(name) {
		if timeWords[w] || isNumber(w) {
			continue
		}
		words = append(words, w)
	}
	for len(words) > 0 && isPlace(words[0], unit) {
		words = words[1:]
	}
	if len(words) == 0 { // a name that is only a place: keep what there was
		return seg.Words(name)
	}
	return words
}

// unitNames are the forms of a unit's name that may start an item name,
// longest first: the name, without 人民政府 or 办事处, without its county
// (城关街道 of 灵寿县城关街道办事处), and its place (南屯镇 of 南屯镇人民政府).
func unitNames(unit string) []string {
	unit = strings.TrimSpace(unit)
	if unit == "" {
		return nil
	}
	out := []string{unit}
	add := func(s string) {
		if utf8.RuneCountInString(s) >= 2 && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	short := unit
	for _, suffix := range []string{"人民政府", "办事处", "政府"} {
		short = strings.TrimSuffix(short, suffix)
	}
	add(short)
	if i := strings.IndexAny(short, "县区市"); i >= 0 {
		if _, w := utf8.DecodeRuneInString(short[i:]); i+w < len(short) {
			short = short[i+w:]
			add(short)
		}
	}
	for _, place := range []string{"街道", "镇", "乡"} {
		if i := strings.Index(short, place); i > 0 {
			add(short[:i+len(place)])
			break
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// isPlace reports whether a leading word names the unit or a place.
func isPlace(w, unit string) bool {
	if leadingWords[w] {
		return true
	}
	if unit != "" && (w == unit || strings.HasPrefix(unit, w) && utf8.RuneCountInString(w) >= 2) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(w)
	return utf8.RuneCountInString(w) >= 2 && strings.ContainsRune("县镇乡区市", r) && !strings.HasSuffix(w, "城市") ||
		strings.HasSuffix(w, "街道") && utf8.RuneCountInString(w) > 2
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '-' && r != '.' {
			return false
		}
	}
	return true
}

func isPunctOrSpace(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }

// nameMatch compares two name keys. The similarity, 0 to 1, is a Dice
// coefficient over characters: a word of one name counts as matched by its
// length when the other has it, and by the shorter length when one word
// contains the other (村党组织 and 党组织; see wordsMatch). replaced tells whether a word of
// one name stands where the other has a different word (see replacedWord).
func nameMatch(a, b []string) (similarity float64, replaced bool) {
	total := runes(a) + runes(b)
	if total == 0 {
		return 0, false
	}
	return float64(matched(a, b)+matched(b, a)) / float64(total), replacedWord(a, b)
}

// sameProject decides whether two name keys name the same project.
func sameProject(a, b []string) (float64, bool) {
	sim, replaced := nameMatch(a, b)
	return sim, sim >= SameProject && !replaced
}

// replacedWord aligns the words of two names in order (a longest common
// subsequence, words matching when equal or one inside the other) and
// reports whether some gap of the alignment has words on both sides: a word
// was replaced, not added or dropped. That marks different projects however
// much else the names share: 省级 / 市级 驻村工作队, 张石 / 荣乌 高速, 林 / 罗
// 各庄村, 养老保险 / 绩效补贴. Wording variants only add or drop words (村 /
// 村级 党组织, 中央财政 / 中央, 工作 中 中央).
func replacedWord(a, b []string) bool {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if wordsMatch(a[i], b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	gapA, gapB := 0, 0
	for i, j := 0, 0; i < n || j < m; {
		switch {
		case i < n && j < m && wordsMatch(a[i], b[j]) && lcs[i][j] == lcs[i+1][j+1]+1:
			if gapA > 0 && gapB > 0 {
				return true
			}
			gapA, gapB = 0, 0
			i++
			j++
		case j == m || i < n && lcs[i+1][j] >= lcs[i][j+1]:
			gapA++
			i++
		default:
			gapB++
			j++
		}
	}
	return gapA > 0 && gapB > 0
}

// wordsMatch tells whether two words count as the same: equal, or one of
// two or more characters inside the other (党组织 in 村党组织; not 村 in 冯台村).
func wordsMatch(a, b string) bool {
	if a == b {
		return true
	}
	if utf8.RuneCountInString(a) > utf8.RuneCountInString(b) {
		a, b = b, a
	}
	return utf8.RuneCountInString(a) >= 2 && strings.Contains(b, a)
}

// matched is how many characters of a's words b covers.
func matched(a, b []string) int {
	n := 0
	for _, wa := range a {
		best := 0
		for _, wb := range b {
			if wordsMatch(wa, wb) {
				best = max(best, min(utf8.RuneCountInString(wa), utf8.RuneCountInString(wb)))
			}
		}
		n += best
	}
	return n
}

func runes(ws []string) int {
	n := 0
	for _, w := range ws {
		n += utf8.RuneCountInString(w)
	}
	return n
}
