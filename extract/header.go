package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	yearRE       = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	unitSuffixRE = regexp.MustCompile(`^[\p{Han}（）()]{2,30}?(?:街道办事处|人民政府|办事处|街道|镇|乡|局|委员会|委|办公室|办|中心|学校|医院|院|所|站|队|馆|会|部|厅|署|处|社|司)`)
	unitWholeRE  = regexp.MustCompile(`^[\p{Han}（）()]{1,30}(?:街道办事处|人民政府|办事处|街道|镇|乡|局|委员会|委|办公室|办|中心|学校|医院|院|所|站|队|馆|会|部|厅|署|处|社|司)$`)
	unitInTextRE = regexp.MustCompile(`[\p{Han}]{2,12}?(?:街道办事处|镇|乡|街道)`)
)

// readHeader finds the title, unit and year of a narrative report.
func readHeader(lines []textLine, r *Report) {
	r.Title = findTitle(lines)
	title := cleanText(r.Title)
	if m := yearRE.FindStringSubmatch(title); m != nil {
		r.Year, _ = strconv.Atoi(m[1])
		at := strings.Index(title, m[0])
		if unit := strings.TrimSpace(title[:at]); unit != "" {
			r.Unit = trimUnit(unit)
		} else {
			r.Unit = unitPrefix(strings.TrimPrefix(title[at+len(m[0]):], "度")) // 2016 年涞源县应急管理局专项资金…
		}
	}
	if r.Unit == "" {
		if m := unitSuffixRE.FindString(title); m != "" && !strings.Contains(m, "绩效") && !strings.HasPrefix(m, "关于") {
			r.Unit = m
		}
	}
	if r.Unit == "" {
		r.Unit = unitAboveTitle(lines, r.Title)
	}
	r.Unit = strings.TrimSuffix(r.Unit, "人民政府")
	if r.Year == 0 {
		for _, l := range lines[:min(len(lines), 40)] {
			if m := yearRE.FindStringSubmatch(cleanText(l.text)); m != nil {
				r.Year, _ = strconv.Atoi(m[1])
				break
			}
		}
	}
}

// unitPrefix reads the unit at the start of s: the words before the first
// generic word (专项, 项目, 部门 …), when they end as a unit does.
func unitPrefix(s string) string {
	cut := len(s)
	for _, w := range []string{"关于", "专项", "项目", "部门", "绩效", "财政", "年度", "整体", "预算", "资金", "自评"} {
		if i := strings.Index(s, w); i >= 0 && i < cut {
			cut = i
		}
	}
	if unitWholeRE.MatchString(s[:cut]) {
		return s[:cut]
	}
	if m := unitSuffixRE.FindString(s); m != "" && !strings.Contains(m, "绩效") {
		return m
	}
	return ""
}

// unitAboveTitle takes a line naming a unit just above the title
// (柳庄乡人民政府 / 关于2019年度…的报告).
func unitAboveTitle(lines []textLine, title string) string {
	prev := ""
	for _, l := range lines[:min(len(lines), 12)] {
		t := cleanText(l.text)
		if t == "" {
			continue
		}
		if t == title || strings.HasPrefix(t, title) {
			if m := unitSuffixRE.FindString(prev); m != "" && m == prev {
				return m
			}
			return ""
		}
		prev = t
	}
	return ""
}

// trimUnit drops what follows a unit name in a title (关于, 部门, 年度).
func trimUnit(s string) string {
	if strings.HasPrefix(s, "关于") {
		return ""
	}
	for _, cut := range []string{"关于", "部门", "年度", "绩效"} {
		if i := strings.Index(s, cut); i > 0 {
			s = s[:i]
		}
	}
	return strings.Trim(s, " 　:：")
}

// findTitle takes the first short line near the top that names a report.
func findTitle(lines []textLine) string {
	n := 0
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		n++
		if n > 12 {
			break
		}
		if utf8.RuneCountInString(t) > 60 {
			// a title joined to the first paragraph: cut after 报告
			if i := strings.Index(t, "报告"); i > 0 && utf8.RuneCountInString(t[:i]) <= 50 {
				return cleanText(t[:i+len("报告")])
			}
			continue
		}
		if strings.Contains(t, "报告") || strings.Contains(t, "自评") || strings.HasSuffix(t, "绩效评价") {
			return cleanText(t)
		}
	}
	return ""
}

// unitFromItems guesses the unit from the prefix most item names share
// (南屯镇… in every item of the reference report).
func unitFromItems(items []Item) string {
	counts := map[string]int{}
	for _, it := range items {
		if m := unitInTextRE.FindString(it.Name); m != "" && strings.HasPrefix(it.Name, m) {
			counts[m]++
		}
	}
	best, n := "", 0
	for u, c := range counts {
		if c > n || c == n && u < best {
			best, n = u, c
		}
	}
	if n*2 >= len(items) && n > 0 {
		return best
	}
	return ""
}
