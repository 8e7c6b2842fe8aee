package html

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// How far into the page a charset declaration is looked for. Browsers stop
// at 1024 bytes; county sites put long comments and scripts first, so we look
// further.
const declarationWindow = 64 << 10

var (
	metaCharset = regexp.MustCompile(`(?is)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)
	xmlEncoding = regexp.MustCompile(`(?is)^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)`)
)

// decode turns the bytes of a page into UTF-8. A BOM decides; then the
// declared charset (meta charset, http-equiv Content-Type, XML declaration),
// checked against the bytes; without one, valid UTF-8 is UTF-8 and anything
// else GB18030. GB2312 and GBK are read as GB18030, their superset, since
// pages declared GB2312 routinely use GBK characters.
func decode(data []byte) (text, name string, warnings []string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return toValidUTF8(data[3:]), "UTF-8", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return with(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)), "UTF-16LE", nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return with(data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)), "UTF-16BE", nil
	}
	declared := declaredCharset(data)
	enc, canon := charset.Lookup(declared)
	isUTF8 := utf8.Valid(data)
	hasMultibyte := isUTF8 && !isASCII(data)
	switch {
	case enc == nil:
		if declared != "" {
			warnings = append(warnings, "未知的字符集声明 "+declared+" (unknown charset)")
		}
		if isUTF8 {
			return string(data), "UTF-8", warnings
		}
		return gb18030OrLatin(data, warnings)
	case canon == "utf-8":
		if isUTF8 {
			return string(data), "UTF-8", nil
		}
		if s, ok := cleanGB18030(data); ok && invalidUTF8Share(data) > 0.01 {
			return s, "GB18030", []string{"页面声明 UTF-8 但实际是 GBK/GB18030 编码 (charset mismatch)"}
		}
		return toValidUTF8(data), "UTF-8", []string{"页面含无效的 UTF-8 字节 (invalid UTF-8)"}
	case canon == "gbk" || canon == "gb18030":
		if hasMultibyte {
			return string(data), "UTF-8", []string{"页面声明 " + declared + " 但实际是 UTF-8 编码 (charset mismatch)"}
		}
		return with(data, simplifiedchinese.GB18030), "GB18030", nil
	default:
		if hasMultibyte {
			return string(data), "UTF-8", []string{"页面声明 " + declared + " 但实际是 UTF-8 编码 (charset mismatch)"}
		}
		if canon == "windows-1252" && !isUTF8 {
			// Latin-1 is what templates default to; Chinese text in it is GBK.
			if s, ok := cleanGB18030(data); ok {
				return s, "GB18030", []string{"页面声明 " + declared + " 但实际是 GBK/GB18030 编码 (charset mismatch)"}
			}
		}
		return with(data, enc), canon, nil
	}
}

// declaredCharset finds a charset declaration near the start of the page.
func declaredCharset(data []byte) string {
	head := data[:min(len(data), declarationWindow)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

func gb18030OrLatin(data []byte, warnings []string) (string, string, []string) {
	if s, ok := cleanGB18030(data); ok {
		return s, "GB18030", warnings
	}
	return toValidUTF8(data), "UTF-8", append(warnings, "无法识别页面编码，按 UTF-8 读取 (unknown encoding)")
}

// cleanGB18030 decodes as GB18030 and says whether that looks right: few
// replacement characters.
func cleanGB18030(data []byte) (string, bool) {
	s := with(data, simplifiedchinese.GB18030)
	bad := strings.Count(s, "\uFFFD")
	return s, bad <= len(s)/200
}

func invalidUTF8Share(data []byte) float64 {
	bad := 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	return float64(bad) / float64(max(1, len(data)))
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func with(data []byte, enc encoding.Encoding) string {
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return toValidUTF8(data)
	}
	return toValidUTF8(out)
}

func toValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
}
