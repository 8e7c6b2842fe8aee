package ingest

import (
	"bytes"
	"errors"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// DecodeText turns the bytes of a text file into UTF-8 and names the
// encoding found: a BOM decides (UTF-8, UTF-16LE/BE); otherwise valid UTF-8
// is taken as is, and anything else is read as GB18030 (a superset of GBK and
// GB2312, which county sites publish) when it decodes cleanly.
func DecodeText(data []byte) (string, string, error) { return decodeText(data, false) }

// decodeText is DecodeText; owned says that data is never changed after the
// call, so a valid UTF-8 text can be data itself instead of a copy of it.
func decodeText(data []byte, owned bool) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return validUTF8(data[3:], owned), "UTF-8 (BOM)", nil
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
		return asString(data, owned), "UTF-8", nil
	}
	if s, enc, ok := utf16WithoutBOM(data); ok {
		return s, enc, nil
	}
	// Both GB18030 and UTF-16 decode almost any bytes: take the reading whose
	// characters look like a Chinese document.
	best, bestEnc, bestScore := "", "", 0.0
	type decoder struct {
		name string
		t    transform.Transformer
	}
	candidates := []decoder{{"GB18030", simplifiedchinese.GB18030.NewDecoder()}}
	if len(data)%2 == 0 {
		candidates = append(candidates,
			decoder{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()},
			decoder{"UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()})
	}
	for _, c := range candidates {
		s, err := decodeWith(data, c.t)
		if err != nil {
			continue
		}
		if sc := plausibility(s); sc > bestScore {
			best, bestEnc, bestScore = s, c.name, sc
		}
	}
	if bestScore < 0.9 {
		return "", "", errors.New("既不是 UTF-8 也不是 GB18030 或 UTF-16 (neither UTF-8, GB18030 nor UTF-16)")
	}
	return best, bestEnc, nil
}

// plausibility is the share of characters common in Chinese documents:
// ASCII text, CJK ideographs (with the radicals and compatibility forms that
// stand for them), CJK and full-width punctuation.
func plausibility(s string) float64 {
	n, good := 0, 0
	for _, r := range s {
		n++
		switch {
		case r == '\n' || r == '\r' || r == '\t' || (r >= 0x20 && r < 0x7f):
			good++
		case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF,
			r >= 0x2000 && r <= 0x206F, r == 0xB7, r >= 0x3400 && r <= 0x4DBF,
			r >= 0x2E80 && r <= 0x2FDF, r >= 0xF900 && r <= 0xFAFF: // radicals and compatibility ideographs, as fonts write them
			good++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(good) / float64(n)
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
	return validUTF8(out, true), nil // out is ours: no second copy
}

func validUTF8(b []byte, owned bool) string {
	if utf8.Valid(b) {
		return asString(b, owned)
	}
	return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
}

// asString is b as a string: b itself when the caller owns b and never
// changes it again (no copy of a large text), a copy otherwise.
func asString(b []byte, owned bool) string {
	if !owned || len(b) == 0 {
		return string(b)
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
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
