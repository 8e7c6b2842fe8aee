package index

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract/segment"
)

// SameProject is the least name similarity at which two items of a unit in
// different years are taken for the same project, provided that no word of
// one name was replaced by another word in the other (see nameMatch). Wording
// variants (村党组织 / 村级党组织, with or without 项目, 2021年 / 2022 年度)
// score 0.76 and up; a short name inside a longer one (防火 / 森林防火,
// 防火 / 防火员防火期工资) stays at or below 0.67. See TestNameSimilarity.
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

// unitNames are the forms of a unit's name that may start an item name:
// the name, and its place part (南屯镇 of 南屯镇人民政府).
func unitNames(unit string) []string {
	unit = strings.TrimSpace(unit)
	if unit == "" {
		return nil
	}
	out := []string{unit}
	for i, r := range unit {
		if strings.ContainsRune("县镇乡", r) && i > 0 {
			if place := unit[:i+utf8.RuneLen(r)]; place != unit {
				out = append(out, place)
			}
			break
		}
	}
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
	return utf8.RuneCountInString(w) >= 2 && strings.ContainsRune("县镇乡区市", r) && !strings.HasSuffix(w, "城市")
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
// contains the other (村党组织 and 党组织). replaced is true when both names
// have an unmatched word of two or more characters: a word was replaced, not
// added or dropped (省级 / 市级, 张石 / 荣乌 高速, 养老保险 / 绩效补贴), which
// marks different projects however much else they share.
func nameMatch(a, b []string) (similarity float64, replaced bool) {
	total := runes(a) + runes(b)
	if total == 0 {
		return 0, false
	}
	ma, lostA := matched(a, b)
	mb, lostB := matched(b, a)
	return float64(ma+mb) / float64(total), lostA && lostB
}

// sameProject decides whether two name keys name the same project.
func sameProject(a, b []string) (float64, bool) {
	sim, replaced := nameMatch(a, b)
	return sim, sim >= SameProject && !replaced
}

// matched is how many characters of a's words b covers, and whether a word
// of two or more characters of a is not covered at all.
func matched(a, b []string) (n int, lost bool) {
	for _, wa := range a {
		best := 0
		for _, wb := range b {
			switch {
			case wa == wb:
				best = utf8.RuneCountInString(wa)
			case strings.Contains(wb, wa) || strings.Contains(wa, wb):
				best = max(best, min(utf8.RuneCountInString(wa), utf8.RuneCountInString(wb)))
			}
		}
		n += best
		if best == 0 && utf8.RuneCountInString(wa) >= 2 {
			lost = true
		}
	}
	return n, lost
}

func runes(ws []string) int {
	n := 0
	for _, w := range ws {
		n += utf8.RuneCountInString(w)
	}
	return n
}
