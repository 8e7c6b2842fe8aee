package ingest

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeText(t *testing.T) {
	const text = "南屯镇 2023 年部门年度绩效自评工作报告：预算金额 ９.８１ 万元"
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	u16leNoBOM, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
	tests := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf8", []byte(text), "UTF-8"},
		{"utf8 bom", append([]byte("\xef\xbb\xbf"), text...), "UTF-8 (BOM)"},
		{"utf16le bom", u16le, "UTF-16LE"},
		{"utf16be bom", u16be, "UTF-16BE"},
		{"utf16le without bom", u16leNoBOM, "UTF-16LE"},
		{"gb18030", gb, "GB18030"},
		{"gbk", gbk, "GB18030"},
	}
	for _, tt := range tests {
		got, enc, err := DecodeText(tt.data)
		if err != nil || got != text || enc != tt.enc {
			t.Errorf("%s: DecodeText = %q, %q, %v; want %q, %q", tt.name, got, enc, err, text, tt.enc)
		}
	}
	if _, _, err := DecodeText(bytes.Repeat([]byte{0x81, 0x20, 0xff, 0xfe, 0x80}, 50)); err == nil {
		t.Error("garbage decoded without error")
	}
}
