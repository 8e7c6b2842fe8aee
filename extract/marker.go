package extract

import (
	"regexp"
	"strconv"
	"strings"
)

// Numbering styles of list and heading markers.
const (
	styleArabic      = "1."  // 1. 1． 1)
	styleArabicComma = "1、"  // 1、
	styleParenHan    = "（一）" // （一） (一)
	styleHan         = "一、"  // 一、
	styleParenArabic = "（1）" // （1） (1)
	styleShi         = "一是"  // 一是 二是
	styleProject     = "项目一" // 项目一： 项目二：
	styleOrdinal     = "第一"  // 第一， 第二，
	styleCircled     = "①"   // ① ②
)

// Markers of other hands: 一是…二是…, 项目一：, 第一，, ①, and 1. before a
// year (1.2021年第一批…项目), which the point-then-non-digit rule would miss.
var (
	shiRE      = regexp.MustCompile(`^\s*([一二三四五六七八九十]{1,3})是\s*`)
	projectRE  = regexp.MustCompile(`^\s*项目([一二三四五六七八九十]{1,3})\s*[：:、.．]\s*`)
	ordinalRE  = regexp.MustCompile(`^\s*第([一二三四五六七八九十]{1,3})\s*[，,、：:.．]\s*`)
	circledRE  = regexp.MustCompile(`^\s*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*`)
	beforeYear = regexp.MustCompile(`^(\d{1,2})[.．]\d{4}年`)
)

// otherMarker reads the markers of other hands (see above).
func otherMarker(s string) (marker, bool) {
	if m := beforeYear.FindStringSubmatchIndex(s); m != nil {
		n, _ := strconv.Atoi(s[m[2]:m[3]])
		_, w := firstRuneLen(s[m[3]:])
		return marker{seq: n, style: styleArabic, len: m[3] + w}, n > 0
	}
	for _, x := range []struct {
		re    *regexp.Regexp
		style string
	}{{shiRE, styleShi}, {projectRE, styleProject}, {ordinalRE, styleOrdinal}} {
		if m := x.re.FindStringSubmatchIndex(s); m != nil {
			n := hanNumber(s[m[2]:m[3]])
			return marker{seq: n, style: x.style, len: m[1]}, n > 0
		}
	}
	if m := circledRE.FindStringSubmatchIndex(s); m != nil {
		r, _ := firstRuneLen(s[m[2]:m[3]])
		return marker{seq: int(r-'①') + 1, style: styleCircled, len: m[1]}, true
	}
	return marker{}, false
}

// marker is a list or heading number at the start of a line.
type marker struct {
	seq   int
	style string
	len   int // bytes of the marker and the spaces after it
}

var markerRE = regexp.MustCompile(`^(?:(\d{1,3})\s*([.．)）](?:\s|[^\d])|、)|[（(]\s*([一二三四五六七八九十百零〇两]{1,6}|\d{1,3})\s*[）)]|([一二三四五六七八九十百]{1,5})\s*[、.．])\s*`)

// parseMarker reads the number at the start of s, if any.
func parseMarker(s string) (marker, bool) {
	m := markerRE.FindStringSubmatchIndex(s)
	if m == nil {
		return otherMarker(s)
	}
	var mk marker
	mk.len = m[1]
	switch {
	case m[2] >= 0:
		n, _ := strconv.Atoi(s[m[2]:m[3]])
		mk.seq = n
		if strings.HasPrefix(s[m[4]:m[5]], "、") {
			mk.style = styleArabicComma
		} else {
			mk.style = styleArabic
			// the regexp took one character after the point to rule out 1.5; give it back
			if p := s[m[4]:m[5]]; len(p) > 1 {
				rest := p[len(firstRune(p)):]
				if strings.TrimSpace(rest) != "" {
					mk.len = m[4] + len(firstRune(p))
					for mk.len < len(s) && s[mk.len] == ' ' {
						mk.len++
					}
				}
			}
		}
	case m[6] >= 0:
		num := s[m[6]:m[7]]
		if n, err := strconv.Atoi(num); err == nil {
			mk.seq, mk.style = n, styleParenArabic
		} else {
			mk.seq, mk.style = hanNumber(num), styleParenHan
		}
	case m[8] >= 0:
		mk.seq, mk.style = hanNumber(s[m[8]:m[9]]), styleHan
	}
	if mk.seq <= 0 {
		return marker{}, false
	}
	return mk, true
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// hanNumber reads 一 … 九十九 (and 一百 …) as an integer; 0 when it cannot.
func hanNumber(s string) int {
	digits := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			total += cur * 100
			cur = 0
		default:
			d, ok := digits[r]
			if !ok {
				return 0
			}
			cur = d
		}
	}
	return total + cur
}
