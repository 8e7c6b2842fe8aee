package pdf

import (
	"golang.org/x/text/encoding/charmap"
)

// Base encodings of simple fonts: code → text (0 means undefined).

var (
	winAnsiEncoding  = charmapEncoding(charmap.Windows1252)
	macRomanEncoding = charmapEncoding(charmap.Macintosh)
	standardEncoding = makeStandardEncoding()
)

func charmapEncoding(cm *charmap.Charmap) [256]rune {
	var e [256]rune
	for i := 32; i < 256; i++ {
		r := cm.DecodeByte(byte(i))
		if r == '\ufffd' || r < 32 || r >= 0x7f && r < 0xa0 {
			r = 0
		}
		e[i] = r
	}
	if cm == charmap.Windows1252 {
		// PDF's WinAnsiEncoding: the undefined codes show a bullet, 0xA0 is a
		// space and 0xAD a hyphen (PDF 32000, Annex D).
		for _, c := range []int{0x7f, 0x81, 0x8d, 0x8f, 0x90, 0x9d} {
			e[c] = '•'
		}
		e[0xa0] = ' '
		e[0xad] = '-'
	}
	e[0x7f] = 0
	return e
}

func makeStandardEncoding() [256]rune {
	var e [256]rune
	for i := 32; i < 127; i++ {
		e[i] = rune(i)
	}
	e['\''] = '’'
	e['`'] = '‘'
	high := map[int]rune{
		0xa1: '¡', 0xa2: '¢', 0xa3: '£', 0xa4: '⁄', 0xa5: '¥', 0xa6: 'ƒ', 0xa7: '§', 0xa8: '¤',
		0xa9: '\'', 0xaa: '“', 0xab: '«', 0xac: '‹', 0xad: '›', 0xae: 'ﬁ', 0xaf: 'ﬂ', 0xb1: '–',
		0xb2: '†', 0xb3: '‡', 0xb4: '·', 0xb6: '¶', 0xb7: '•', 0xb8: '‚', 0xb9: '„', 0xba: '”',
		0xbb: '»', 0xbc: '…', 0xbd: '‰', 0xbf: '¿', 0xc1: '`', 0xc2: '´', 0xc3: 'ˆ', 0xc4: '˜',
		0xc5: '¯', 0xc6: '˘', 0xc7: '˙', 0xc8: '¨', 0xca: '˚', 0xcb: '¸', 0xcd: '˝', 0xce: '˛',
		0xcf: 'ˇ', 0xd0: '—', 0xe1: 'Æ', 0xe3: 'ª', 0xe8: 'Ł', 0xe9: 'Ø', 0xea: 'Œ', 0xeb: 'º',
		0xf1: 'æ', 0xf5: 'ı', 0xf8: 'ł', 0xf9: 'ø', 0xfa: 'œ', 0xfb: 'ß',
	}
	for c, r := range high {
		e[c] = r
	}
	return e
}

// baseEncoding returns the named base encoding, or nil if the name is not one.
func baseEncoding(name string) *[256]rune {
	switch name {
	case "WinAnsiEncoding":
		return &winAnsiEncoding
	case "MacRomanEncoding", "MacExpertEncoding":
		return &macRomanEncoding
	case "StandardEncoding":
		return &standardEncoding
	}
	return nil
}
