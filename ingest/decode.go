package ingest

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// DecodeText turns the bytes of a text file into UTF-8 and names the
// encoding found: a BOM decides (UTF-8, UTF-16LE/BE); otherwise valid UTF-8
// is taken as is, and anything else is read as GB18030 (a superset of GBK and
// GB2312, which county sites publish) when it decodes cleanly.
func DecodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return validUTF8(data[3:]), "UTF-8 (BOM)", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		s, err := decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
		return s, "UTF-16LE", err
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err := decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
		return s, "UTF-16BE", err
	}
	if utf8.Valid(data) {
		if bytes.IndexByte(data, 0) >= 0 {
			if s, enc, ok := utf16WithoutBOM(data); ok {
				return s, enc, nil
			}
		}
		return string(data), "UTF-8", nil
	}
	if s, enc, ok := utf16WithoutBOM(data); ok {
		return s, enc, nil
	}
	s, err := decodeWith(data, simplifiedchinese.GB18030.NewDecoder())
	if err != nil {
		return "", "", err
	}
	if bad := countReplacement(s); bad > len(s)/50+1 {
		return "", "", errors.New("既不是 UTF-8 也不是 GB18030 (neither UTF-8 nor GB18030)")
	}
	return s, "GB18030", nil
}

// utf16WithoutBOM recognises UTF-16 text without a BOM by its zero bytes.
func utf16WithoutBOM(data []byte) (string, string, bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return "", "", false
	}
	zeroEven, zeroOdd := 0, 0
	for i := 0; i+1 < len(data); i += 2 {
		if data[i] == 0 {
			zeroEven++
		}
		if data[i+1] == 0 {
			zeroOdd++
		}
	}
	half := len(data) / 2
	var enc unicode.Endianness
	var name string
	switch {
	case zeroOdd > half/3 && zeroEven < half/20:
		enc, name = unicode.LittleEndian, "UTF-16LE"
	case zeroEven > half/3 && zeroOdd < half/20:
		enc, name = unicode.BigEndian, "UTF-16BE"
	default:
		return "", "", false
	}
	s, err := decodeWith(data, unicode.UTF16(enc, unicode.IgnoreBOM).NewDecoder())
	if err != nil || countReplacement(s) > 0 {
		return "", "", false
	}
	return s, name, true
}

func decodeWith(data []byte, t transform.Transformer) (string, error) {
	out, _, err := transform.Bytes(t, data)
	if err != nil {
		return "", err
	}
	return validUTF8(out), nil
}

func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
}

func countReplacement(s string) int {
	n := 0
	for _, r := range s {
		if r == utf8.RuneError {
			n++
		}
	}
	return n
}
