package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// glyphNames maps the glyph names of the standard Latin encodings (and a few
// more seen in Chinese documents) to Unicode. Other names are read by rule in
// glyphText: uniXXXX, uXXXX[XX], single characters, suffixes and ligatures.
var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "quoteright": '’', "parenleft": '(', "parenright": ')',
	"asterisk": '*', "plus": '+', "comma": ',', "hyphen": '-', "period": '.', "slash": '/',
	"zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5', "six": '6',
	"seven": '7', "eight": '8', "nine": '9', "colon": ':', "semicolon": ';', "less": '<',
	"equal": '=', "greater": '>', "question": '?', "at": '@', "bracketleft": '[', "backslash": '\\',
	"bracketright": ']', "asciicircum": '^', "underscore": '_', "grave": '`', "quoteleft": '‘',
	"braceleft": '{', "bar": '|', "braceright": '}', "asciitilde": '~',
	"exclamdown": '¡', "cent": '¢', "sterling": '£', "currency": '¤', "yen": '¥', "brokenbar": '¦',
	"section": '§', "dieresis": '¨', "copyright": '©', "ordfeminine": 'ª', "guillemotleft": '«',
	"logicalnot": '¬', "registered": '®', "macron": '¯', "degree": '°', "plusminus": '±',
	"twosuperior": '²', "threesuperior": '³', "acute": '´', "mu": 'µ', "paragraph": '¶',
	"periodcentered": '·', "middot": '·', "cedilla": '¸', "onesuperior": '¹', "ordmasculine": 'º',
	"guillemotright": '»', "onequarter": '¼', "onehalf": '½', "threequarters": '¾', "questiondown": '¿',
	"Agrave": 'À', "Aacute": 'Á', "Acircumflex": 'Â', "Atilde": 'Ã', "Adieresis": 'Ä', "Aring": 'Å',
	"AE": 'Æ', "Ccedilla": 'Ç', "Egrave": 'È', "Eacute": 'É', "Ecircumflex": 'Ê', "Edieresis": 'Ë',
	"Igrave": 'Ì', "Iacute": 'Í', "Icircumflex": 'Î', "Idieresis": 'Ï', "Eth": 'Ð', "Ntilde": 'Ñ',
	"Ograve": 'Ò', "Oacute": 'Ó', "Ocircumflex": 'Ô', "Otilde": 'Õ', "Odieresis": 'Ö', "multiply": '×',
	"Oslash": 'Ø', "Ugrave": 'Ù', "Uacute": 'Ú', "Ucircumflex": 'Û', "Udieresis": 'Ü', "Yacute": 'Ý',
	"Thorn": 'Þ', "germandbls": 'ß', "agrave": 'à', "aacute": 'á', "acircumflex": 'â', "atilde": 'ã',
	"adieresis": 'ä', "aring": 'å', "ae": 'æ', "ccedilla": 'ç', "egrave": 'è', "eacute": 'é',
	"ecircumflex": 'ê', "edieresis": 'ë', "igrave": 'ì', "iacute": 'í', "icircumflex": 'î',
	"idieresis": 'ï', "eth": 'ð', "ntilde": 'ñ', "ograve": 'ò', "oacute": 'ó', "ocircumflex": 'ô',
	"otilde": 'õ', "odieresis": 'ö', "divide": '÷', "oslash": 'ø', "ugrave": 'ù', "uacute": 'ú',
	"ucircumflex": 'û', "udieresis": 'ü', "yacute": 'ý', "thorn": 'þ', "ydieresis": 'ÿ',
	"nbspace": '\u00a0', "nonbreakingspace": '\u00a0', "sfthyphen": '\u00ad', "softhyphen": '\u00ad',
	"Euro": '€', "quotesinglbase": '‚', "florin": 'ƒ', "quotedblbase": '„', "ellipsis": '…',
	"dagger": '†', "daggerdbl": '‡', "circumflex": 'ˆ', "perthousand": '‰', "Scaron": 'Š',
	"guilsinglleft": '‹', "OE": 'Œ', "Zcaron": 'Ž', "quotedblleft": '“', "quotedblright": '”',
	"bullet": '•', "endash": '–', "emdash": '—', "tilde": '˜', "trademark": '™', "scaron": 'š',
	"guilsinglright": '›', "oe": 'œ', "zcaron": 'ž', "Ydieresis": 'Ÿ',
	"fi": 'ﬁ', "fl": 'ﬂ', "ff": 'ﬀ', "ffi": 'ﬃ', "ffl": 'ﬄ', "fraction": '⁄', "dotlessi": 'ı',
	"breve": '˘', "dotaccent": '˙', "ring": '˚', "hungarumlaut": '˝', "ogonek": '˛', "caron": 'ˇ',
	"Lslash": 'Ł', "lslash": 'ł', "minus": '−', "Delta": '∆', "Omega": 'Ω', "pi": 'π',
	"partialdiff": '∂', "summation": '∑', "product": '∏', "integral": '∫', "infinity": '∞',
	"lessequal": '≤', "greaterequal": '≥', "notequal": '≠', "approxequal": '≈', "radical": '√',
	"lozenge": '◊', "apple": '\uf8ff', "Idotaccent": 'İ', "Gbreve": 'Ğ', "gbreve": 'ğ',
	"Scedilla": 'Ş', "scedilla": 'ş', "Cacute": 'Ć', "cacute": 'ć', "Ccaron": 'Č', "ccaron": 'č',
	"dcroat": 'đ', "Dcroat": 'Đ', "Ecaron": 'Ě', "ecaron": 'ě', "Nacute": 'Ń', "nacute": 'ń',
	"Rcaron": 'Ř', "rcaron": 'ř', "Sacute": 'Ś', "sacute": 'ś', "Zacute": 'Ź', "zacute": 'ź',
	"Zdotaccent": 'Ż', "zdotaccent": 'ż', "Uring": 'Ů', "uring": 'ů', "Amacron": 'Ā', "amacron": 'ā',
	"Emacron": 'Ē', "emacron": 'ē', "Imacron": 'Ī', "imacron": 'ī', "Omacron": 'Ō', "omacron": 'ō',
	"Umacron": 'Ū', "umacron": 'ū', "uni00A0": '\u00a0', "Alpha": 'Α', "Beta": 'Β', "Gamma": 'Γ',
	"alpha": 'α', "beta": 'β', "gamma": 'γ', "delta": 'δ', "epsilon": 'ε', "lambda": 'λ',
	"sigma": 'σ', "theta": 'θ', "Sigma": 'Σ', "Phi": 'Φ', "phi": 'φ', "omega": 'ω', "arrowright": '→',
	"arrowleft": '←', "arrowup": '↑', "arrowdown": '↓', "arrowboth": '↔', "checkmark": '✓',
	"dotmath": '⋅', "similar": '∼', "element": '∈', "intersection": '∩', "union": '∪',
	"logicaland": '∧', "logicalor": '∨', "proportional": '∝', "therefore": '∴', "angle": '∠',
	"degreecentigrade": '℃', "numero": '№', "afii61352": '№', "estimated": '℮', "blackcircle": '●',
	"whitecircle": '○', "filledbox": '■', "H22073": '□', "H18533": '●', "triagup": '▲',
	"triagdn": '▼', "openbullet": '◦', "club": '♣', "heart": '♥', "diamond": '♦', "spade": '♠',
	"ideographicspace": '\u3000', "ideographiccomma": '、', "ideographicfullstop": '。',
}

// glyphText returns the text a glyph name stands for, or "" if unknown.
func glyphText(name string) string {
	if r, ok := glyphNames[name]; ok {
		return string(r)
	}
	// Suffixes (.sc, .alt, .001) name variants of the same character.
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphText(name[:i])
	}
	// Ligatures: f_f_i.
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			t := glyphText(part)
			if t == "" {
				return ""
			}
			b.WriteString(t)
		}
		return b.String()
	}
	// uniXXXX (possibly several), uXXXX to uXXXXXX.
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i < len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil || v >= 0xD800 && v <= 0xDFFF {
				return ""
			}
			b.WriteRune(rune(v))
		}
		return b.String()
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF) {
			return string(rune(v))
		}
	}
	if utf8.RuneCountInString(name) == 1 {
		return name
	}
	return ""
}
