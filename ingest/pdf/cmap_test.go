package pdf

import (
	"testing"
)

func TestCMapBfrangeCarry(t *testing.T) {
	c := parseCMap([]byte(`
		/CIDInit /ProcSet findresource begin 12 dict begin begincmap
		1 begincodespacerange <0000> <FFFF> endcodespacerange
		2 beginbfrange
		<0001> <0004> <4EFE>
		<0010> <0012> [<0041> <00420043> <D83DDE00>]
		endbfrange
		1 beginbfchar <0020> <0020> endbfchar
		endcmap`))
	for code, want := range map[uint32]string{
		1: "仾", 2: "仿", 3: "伀", 4: "企", // 4EFE, 4EFF, 4F00, 4F01
		0x10: "A", 0x11: "BC", 0x12: "😀", 0x20: " ",
	} {
		if got, ok := c.lookup(code); !ok || got != want {
			t.Errorf("code %#x = %q, want %q", code, got, want)
		}
	}
	if _, ok := c.lookup(5); ok {
		t.Error("code 5 is not mapped")
	}
}

func TestCMapCodespace(t *testing.T) {
	// GBK-like: one byte below 0x80, two bytes from 0x81.
	c := parseCMap([]byte(`2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
		1 begincidrange <8140> <8145> 100 endcidrange
		1 begincidchar <41> 7 endcidchar`))
	s := []byte{0x41, 0x81, 0x42, 0x20}
	var got []uint32
	for len(s) > 0 {
		code, n := c.nextCode(s)
		got = append(got, code)
		s = s[n:]
	}
	if want := []uint32{0x41, 0x8142, 0x20}; !equalU32(got, want) {
		t.Errorf("codes = %#x, want %#x", got, want)
	}
	if cid, _ := c.cid(0x8142); cid != 102 {
		t.Errorf("cid(8142) = %d, want 102", cid)
	}
	if cid, _ := c.cid(0x41); cid != 7 {
		t.Errorf("cid(41) = %d, want 7", cid)
	}
	// A byte no range covers still advances.
	if _, n := c.nextCode([]byte{0xff}); n != 1 {
		t.Errorf("n = %d", n)
	}
}

func TestCMapGarbage(t *testing.T) {
	for _, s := range []string{"", "beginbfrange", "1 beginbfrange <00> endbfrange", "<<<<[[[", "endbfchar <",
		"1 beginbfrange <0000> <FFFFFFFF> <0041> endbfrange", "begincodespacerange <0000000000> <01> endcodespacerange"} {
		c := parseCMap([]byte(s))
		c.lookup(0)
		c.nextCode([]byte{1, 2, 3})
	}
}

func equalU32(a, b []uint32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPredefinedCMaps(t *testing.T) {
	cases := []struct {
		cmap string
		raw  []byte
		want string
	}{
		{"GBK-EUC-H", []byte{0xc4, 0xcf, 0xcd, 0xcd, 0x41}, "南屯A"},
		{"GB-EUC-H", []byte{0xc4, 0xcf, 0x31}, "南1"},
		{"GBK2K-H", []byte{0x81, 0x39, 0xee, 0x39, 0x41}, "㐀A"},
		{"UniGB-UCS2-H", []byte{0x53, 0x57, 0x5c, 0x6f}, "南屯"},
		{"UniGB-UTF16-H", []byte{0x53, 0x57, 0xd8, 0x40, 0xdc, 0x00}, "南𠀀"},
		{"UniGB-UTF8-H", []byte("南屯"), "南屯"},
		{"B5pc-H", []byte{0xa4, 0xa4}, "中"},
		{"90ms-RKSJ-H", []byte{0x93, 0xfa}, "日"},
		{"KSC-EUC-H", []byte{0xb0, 0xa1}, "가"},
	}
	for _, c := range cases {
		p := lookupPredefined(c.cmap)
		if p == nil {
			t.Fatalf("%s unknown", c.cmap)
		}
		var got string
		for s := c.raw; len(s) > 0; {
			_, n := splitCode(p.space, 2, s)
			got += p.text(s[:n])
			s = s[n:]
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.cmap, got, c.want)
		}
	}
	if lookupPredefined("Nonsense-H") != nil {
		t.Error("unknown CMap found")
	}
}

// TestGB1 checks CID → text for Adobe-GB1 fonts without ToUnicode at the
// edges of the GB 2312 rows.
func TestGB1(t *testing.T) {
	for cid, want := range map[uint32]string{
		1: " ", 34: "A", 96: "\u3000", 940: "啊", 4694: "座", 4695: "亍", 7702: "齄", 814: "！", 7716: " ",
	} {
		if got := gb1Text(cid); got != want {
			t.Errorf("gb1Text(%d) = %q, want %q", cid, got, want)
		}
	}
	for _, cid := range []uint32{0, 7703, 30000} {
		if got := gb1Text(cid); got != "" {
			t.Errorf("gb1Text(%d) = %q, want nothing", cid, got)
		}
	}
	if cid, ok := gb1CIDOfCode([]byte{0xb0, 0xa1}); !ok || cid != 940 {
		t.Errorf("cid of 啊 = %d", cid)
	}
}

func TestGlyphText(t *testing.T) {
	for name, want := range map[string]string{
		"A": "A", "space": " ", "uni5357": "南", "uni00410042": "AB", "u1F600": "😀", "f_i": "fi",
		"zero.sups": "0", "quotedblleft": "“", "g1A": "", "cid123": "", "uniD800": "", "Euro": "€",
	} {
		if got := glyphText(name); got != want {
			t.Errorf("glyphText(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestEncodings(t *testing.T) {
	if winAnsiEncoding[0x80] != '€' || winAnsiEncoding[0x93] != '“' || winAnsiEncoding[0x41] != 'A' || winAnsiEncoding[0x81] != '•' {
		t.Error("WinAnsiEncoding")
	}
	if macRomanEncoding[0xd2] != '“' || macRomanEncoding[0x80] != 'Ä' {
		t.Error("MacRomanEncoding")
	}
	if standardEncoding['\''] != '’' || standardEncoding[0xae] != 'ﬁ' {
		t.Error("StandardEncoding")
	}
}
