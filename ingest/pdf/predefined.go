package pdf

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// A predefinedCMap is one of the CJK CMaps a PDF may name without embedding
// (PDF 32000, 9.7.5.2): it says how codes split and what text they are.
type predefinedCMap struct {
	name     string
	space    []codeRange
	vertical bool
	// text decodes one code; "" if unknown.
	text func(code []byte) string
	// cid gives the CID of a code when known (for widths).
	cid func(code []byte) (uint32, bool)
}

func rng(lo, hi string) codeRange {
	r := codeRange{n: len(lo) / 2}
	for i := 0; i < r.n; i++ {
		r.lo[i] = byte(hexVal(lo[2*i])<<4 | hexVal(lo[2*i+1]))
		r.hi[i] = byte(hexVal(hi[2*i])<<4 | hexVal(hi[2*i+1]))
	}
	return r
}

// lookupPredefined returns the predefined CMap of that name, or nil.
func lookupPredefined(name string) *predefinedCMap {
	base, vertical := strings.TrimSuffix(name, "-H"), strings.HasSuffix(name, "-V")
	if vertical {
		base = strings.TrimSuffix(name, "-V")
	}
	p := &predefinedCMap{name: name, vertical: vertical}
	switch {
	case base == "Identity":
		p.space = []codeRange{rng("0000", "FFFF")}
		p.cid = func(c []byte) (uint32, bool) { return codeValue(c), true }
		p.text = func([]byte) string { return "" }
	case strings.HasPrefix(base, "Uni") && strings.HasSuffix(base, "-UCS2"):
		p.space = []codeRange{rng("0000", "FFFF")}
		p.text = func(c []byte) string { return cleanRune(rune(codeValue(c))) }
	case strings.HasPrefix(base, "Uni") && strings.HasSuffix(base, "-UTF16"):
		p.space = []codeRange{rng("0000", "D7FF"), rng("E000", "FFFF"), rng("D800DC00", "DBFFDFFF")}
		p.text = func(c []byte) string {
			if len(c) == 4 {
				return cleanRune(utf16.DecodeRune(rune(codeValue(c[:2])), rune(codeValue(c[2:]))))
			}
			return cleanRune(rune(codeValue(c)))
		}
	case strings.HasPrefix(base, "Uni") && strings.HasSuffix(base, "-UTF32"):
		p.space = []codeRange{rng("00000000", "0010FFFF")}
		p.text = func(c []byte) string { return cleanRune(rune(codeValue(c))) }
	case strings.HasPrefix(base, "Uni") && strings.HasSuffix(base, "-UTF8"):
		p.space = []codeRange{rng("00", "7F"), rng("C280", "DFBF"), rng("E08080", "EFBFBF"), rng("F0808080", "F48FBFBF")}
		p.text = func(c []byte) string {
			r, _ := utf8.DecodeRune(c)
			return cleanRune(r)
		}
	case base == "GB-EUC" || base == "GBpc-EUC" || base == "GBT-EUC" || base == "GBTpc-EUC" || base == "GB" || base == "GBT":
		p.space = []codeRange{rng("00", "80"), rng("A1A1", "FEFE")}
		if base == "GB" || base == "GBT" { // 7-bit ISO-2022 form
			p.space = []codeRange{rng("2121", "7E7E")}
		}
		p.text = multiByteText(simplifiedchinese.GBK, base == "GB" || base == "GBT")
		p.cid = gb1CIDOfCode
	case base == "GBK-EUC" || base == "GBKp-EUC":
		p.space = []codeRange{rng("00", "80"), rng("8140", "FEFE")}
		p.text = multiByteText(simplifiedchinese.GBK, false)
		p.cid = gb1CIDOfCode
	case base == "GBK2K":
		p.space = []codeRange{rng("00", "80"), rng("8140", "FEFE"), rng("81308130", "FE39FE39")}
		p.text = multiByteText(simplifiedchinese.GB18030, false)
		p.cid = gb1CIDOfCode
	case base == "B5pc" || base == "ETen-B5" || base == "HKscs-B5" || base == "ETenms-B5" || base == "B5":
		p.space = []codeRange{rng("00", "80"), rng("A140", "FEFE")}
		p.text = multiByteText(traditionalchinese.Big5, false)
	case base == "90ms-RKSJ" || base == "90msp-RKSJ" || base == "83pv-RKSJ" || base == "90pv-RKSJ" || base == "78-RKSJ" || base == "Add-RKSJ" || base == "Ext-RKSJ":
		p.space = []codeRange{rng("00", "80"), rng("A0", "DF"), rng("8140", "9FFC"), rng("E040", "FCFC")}
		p.text = multiByteText(japanese.ShiftJIS, false)
	case base == "EUC" || base == "78-EUC":
		p.space = []codeRange{rng("00", "80"), rng("8EA0", "8EDF"), rng("A1A1", "FEFE")}
		p.text = multiByteText(japanese.EUCJP, false)
	case base == "KSC-EUC" || base == "KSCms-UHC" || base == "KSCpc-EUC" || base == "KSCms-UHC-HW":
		p.space = []codeRange{rng("00", "80"), rng("8141", "FEFE")}
		p.text = multiByteText(korean.EUCKR, false)
	default:
		return nil
	}
	return p
}

// multiByteText decodes codes of a legacy CJK encoding through x/text;
// sevenBit codes (GB-H) are shifted to their EUC form first.
func multiByteText(enc encoding.Encoding, sevenBit bool) func([]byte) string {
	return func(c []byte) string {
		if len(c) == 1 && c[0] < 0x80 {
			return cleanRune(rune(c[0]))
		}
		b := c
		if sevenBit {
			b = make([]byte, len(c))
			for i := range c {
				b[i] = c[i] | 0x80
			}
		}
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return ""
		}
		s := string(out)
		if strings.ContainsRune(s, utf8.RuneError) {
			return ""
		}
		return s
	}
}

// cleanRune drops control characters and invalid code points.
func cleanRune(r rune) string {
	if r < 0x20 && r != '\t' || r >= 0x7f && r < 0xa0 || r >= 0xD800 && r <= 0xDFFF || r > utf8.MaxRune || r == 0xFFFD {
		return ""
	}
	return string(r)
}

// The Adobe-GB1 character collection orders its first 7717 CIDs like GB 2312
// (the layout of Adobe's GB-EUC-H CMap): CIDs 1–95 are ASCII 0x20–0x7E, the
// symbol rows are listed below, and the hanzi rows B0–F7 follow 94 to a row
// (row D7 has 89). gb1Rows lists each run of EUC codes with its first CID.
var gb1Rows = []struct {
	lo, hi uint16
	cid    uint32
}{
	{0xa1a1, 0xa1fe, 96}, {0xa2b1, 0xa2e2, 190}, {0xa2e5, 0xa2ee, 240}, {0xa2f1, 0xa2fc, 250},
	{0xa3a1, 0xa3fe, 262}, {0xa4a1, 0xa4f3, 356}, {0xa5a1, 0xa5f6, 439}, {0xa6a1, 0xa6b8, 525},
	{0xa6c1, 0xa6f5, 549}, {0xa7a1, 0xa7c1, 602}, {0xa7d1, 0xa7f1, 635}, {0xa8a1, 0xa8c0, 668},
	{0xa8c5, 0xa8ea, 700}, {0xa9a4, 0xa9ef, 738}, {0xaaa1, 0xaafe, 814}, {0xaba1, 0xabc0, 908},
}

// gb1CIDOfCode returns the Adobe-GB1 CID of an EUC code (for widths).
func gb1CIDOfCode(c []byte) (uint32, bool) {
	if len(c) == 1 {
		switch {
		case c[0] == 0x20:
			return 7716, true
		case c[0] > 0x20 && c[0] < 0x7f:
			return 814 + uint32(c[0]-0x21), true
		}
		return 0, false
	}
	if len(c) != 2 {
		return 0, false
	}
	code := uint16(c[0])<<8 | uint16(c[1])
	row, col := c[0], c[1]
	if col < 0xa1 || col > 0xfe {
		return 0, false
	}
	switch {
	case row >= 0xb0 && row <= 0xd7:
		if row == 0xd7 && col > 0xf9 {
			return 0, false
		}
		return 940 + uint32(row-0xb0)*94 + uint32(col-0xa1), true
	case row >= 0xd8 && row <= 0xf7:
		return 4695 + uint32(row-0xd8)*94 + uint32(col-0xa1), true
	}
	for _, r := range gb1Rows {
		if code >= r.lo && code <= r.hi {
			return r.cid + uint32(code-r.lo), true
		}
	}
	return 0, false
}

// gb1Text returns the text of an Adobe-GB1 CID (for CID fonts without
// ToUnicode): the CID is turned back into its GB 2312 code, which x/text
// decodes. CIDs past the GB 2312 set are unknown ("").
func gb1Text(cid uint32) string {
	switch {
	case cid >= 1 && cid <= 95:
		return string(rune(0x1f + cid))
	case cid == 7716:
		return " "
	case cid >= 814 && cid <= 907: // half-width forms of row A3 (poppler reads them as row A3)
		return gbDecode(0xa3, byte(0xa1+cid-814))
	case cid >= 940 && cid < 4695:
		row, col := (cid-940)/94, (cid-940)%94
		if row == 0xd7-0xb0 && col > 0xf9-0xa1 {
			return ""
		}
		return gbDecode(byte(0xb0+row), byte(0xa1+col))
	case cid >= 4695 && cid <= 7702:
		row, col := (cid-4695)/94, (cid-4695)%94
		return gbDecode(byte(0xd8+row), byte(0xa1+col))
	}
	for _, r := range gb1Rows {
		n := uint32(r.hi - r.lo)
		if cid >= r.cid && cid <= r.cid+n && r.lo < 0xaaa1 {
			code := r.lo + uint16(cid-r.cid)
			return gbDecode(byte(code>>8), byte(code))
		}
	}
	return ""
}

func gbDecode(hi, lo byte) string {
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes([]byte{hi, lo})
	if err != nil || strings.ContainsRune(string(out), utf8.RuneError) {
		return ""
	}
	return string(out)
}
