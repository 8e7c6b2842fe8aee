package extract

import "regexp"

// pinyinReading is a reading in pinyin that some mirror sites insert after a
// character — 项(xiàng)目, 绩(jì)效 — with at least one tone mark, so that a
// unit in parentheses (重量(kg)) is not taken for one. Replacing it by "$1"
// keeps the character and drops the reading.
var pinyinReading = regexp.MustCompile(`(\p{Han})\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*\)`)
