package extract

import "regexp"

// pinyinReading is a reading in pinyin that some mirror sites insert after a
// character — 项(xiàng)目, 绩(jì)效 — with at least one tone mark, so that a
// unit in parentheses (重量(kg)) is not taken for one. Replacing it by "$1"
// keeps the character and drops the reading.
var pinyinReading = regexp.MustCompile(`(\p{Han})\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*\)`)

// dropReadings removes the pinyin readings a mirror site inserted after
// characters. A text without any is returned as it is, not copied: on a
// whole document that is most of its cost.
func dropReadings(s string) string {
	if !pinyinReading.MatchString(s) {
		return s
	}
	return pinyinReading.ReplaceAllString(s, "$1")
}
