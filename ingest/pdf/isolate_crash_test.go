package pdf

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestCrashCause: a crash report of the child is told as its cause, never as
// the Go source line its stack ends on.
func TestCrashCause(t *testing.T) {
	stack := strings.Repeat("github.com/ledongthuc/pdf.Value.Key(...)\n\t/root/go/pkg/mod/github.com/ledongthuc/pdf/read.go:668 +0x3c\n", 2000)
	for _, c := range []struct{ report, want string }{
		{"runtime: goroutine stack exceeds 134217728-byte limit\nruntime: sp=0xc0200e0388 stack=[0xc0200e0000, 0xc0400e0000]\nfatal error: stack overflow\n\nruntime stack:\n" + stack,
			"递归过深：文件中的对象引用了自身 (recursion too deep: an object of the file refers to itself)"},
		{"fatal error: runtime: out of memory\n" + stack, "内存不足 (out of memory)"},
		{"panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\n" + stack, "panic: runtime error: index out of range [3] with length 3"},
		{"goroutine 1 [running]:\n" + stack, "解析进程异常退出 (parser crashed)"},
	} {
		b := &tailBuffer{max: 4096}
		// written in pieces, as a pipe delivers it
		for r := c.report; r != ""; {
			n := min(len(r), 700)
			b.Write([]byte(r[:n]))
			r = r[n:]
		}
		if got := b.lastLine(); got != c.want {
			t.Errorf("%.40q…: got %q, want %q", c.report, got, c.want)
		}
	}
}

// TestUndecodableIsNotOCR: glyphs drawn in a font whose codes map to no
// character are a text layer that cannot be decoded, not a scan.
func TestUndecodableIsNotOCR(t *testing.T) {
	data := textPDF([]string{"BT /F2 10 Tf 72 700 Td <000500060007> Tj ET"}, []rune("甲"))
	_, err := Extract(context.Background(), data, Options{InProcess: true})
	if !errors.Is(err, ErrUndecodable) || errors.Is(err, ErrNeedsOCR) || !strings.Contains(err.Error(), "3 种字符无法转为文字") {
		t.Errorf("got %v, want ErrUndecodable with 3 glyphs", err)
	}
	// and a page with nothing drawn on it still needs OCR
	_, err = Extract(context.Background(), textPDF([]string{"q Q"}, []rune("甲")), Options{InProcess: true})
	if !errors.Is(err, ErrNeedsOCR) {
		t.Errorf("empty page: got %v, want ErrNeedsOCR", err)
	}
}
