package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCrafted(t *testing.T) {
	cases := []struct {
		file    string
		pages   []string
		wantErr error
		errHas  string
	}{
		{file: "c1_predef_GBK-EUC-H.pdf", pages: []string{"南屯镇绩效自评"}},
		{file: "c1_predef_UniGB-UCS2-H.pdf", pages: []string{"南屯镇绩效自评"}},
		{file: "c1_predef_UniGB-UTF16-H.pdf", pages: []string{"南屯镇绩效自评"}},
		{file: "c2_samename_F1_two_fonts.pdf", pages: []string{"甲一", "乙二"}},
		{file: "c3_bfrange_dst_carry.pdf", pages: []string{"仾仿伀企"}},
		{file: "c4_unbalanced_Q.pdf", pages: []string{"甲乙"}},
		{file: "c5_pages_cycle.pdf", wantErr: ErrDamaged, errHas: "page tree cycle"},
		{file: "c6_huge_count.pdf", pages: []string{"甲乙"}},
		{file: "c7_bad_Tj_page2.pdf", pages: []string{"甲", "乙"}},
	}
	for _, isolated := range []bool{false, true} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/isolated=%v", c.file, isolated), func(t *testing.T) {
				start := time.Now()
				res, err := Extract(context.Background(), readTestdata(t, "crafted", c.file),
					Options{InProcess: !isolated, Timeout: 10 * time.Second})
				if time.Since(start) > 5*time.Second {
					t.Errorf("took %v", time.Since(start))
				}
				if c.wantErr != nil {
					if !errors.Is(err, c.wantErr) || !strings.Contains(err.Error(), c.errHas) {
						t.Fatalf("err = %v, want %v with %q", err, c.wantErr, c.errHas)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(res.Pages) != fmt.Sprint(c.pages) {
					t.Errorf("pages = %q, want %q", res.Pages, c.pages)
				}
			})
		}
	}
}

// TestBadFiles: every broken or protected file gives the text of the
// reference report or an error that names the reason.
func TestBadFiles(t *testing.T) {
	md := ideographs(string(readTestdata(t, "../../../testdata/nantun-2023.md")))
	cases := []struct {
		file     string
		wantErr  error
		errHas   string
		password string
		warnHas  string
		noOCR    bool
	}{
		{file: "b01_truncated_50pct.pdf", wantErr: ErrDamaged, errHas: "truncated"},
		{file: "b02_truncated_tail200.pdf", warnHas: "xref rebuilt"},
		{file: "b03_zero_bytes.pdf", wantErr: ErrNotPDF, errHas: "empty file"},
		{file: "b04_random_bytes.pdf", wantErr: ErrNotPDF, errHas: "%PDF-"},
		{file: "b05_random_with_pdf_header_trailer.pdf", wantErr: ErrDamaged, errHas: "no objects"},
		{file: "b06_corrupt_middle.pdf"},
		{file: "b07_enc_aes256_userpw.pdf", wantErr: ErrPasswordRequired, errHas: "需要密码 (password required)"},
		{file: "b07_enc_aes256_userpw.pdf", password: "wrong", wantErr: ErrWrongPassword, errHas: "密码错误"},
		{file: "b07_enc_aes256_userpw.pdf", password: "user"},
		{file: "b08_enc_aes256_owneronly.pdf"},
		{file: "b09_enc_aes128_owneronly.pdf"},
		{file: "b10_enc_rc4_128_owneronly.pdf"},
		{file: "b11_enc_rc4_40_owneronly.pdf"},
		{file: "b12_scanned_image_only.pdf", noOCR: true, wantErr: ErrNeedsOCR, errHas: "needs OCR"}, // OCR: ocr_test.go
		{file: "b13_header_pdf20.pdf", warnHas: "1.7"},
		{file: "b14_trailing_300_nulls.pdf", warnHas: "bytes after end"},
		{file: "b15_leading_bom.pdf", warnHas: "bytes before header"},
		{file: "b16_objstreams_xrefstream.pdf"},
		{file: "b17_linearized.pdf"},
		{file: "b18_bad_startxref_offset.pdf", warnHas: "xref rebuilt"},
	}
	for _, isolated := range []bool{false, true} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/pw=%s/isolated=%v", c.file, c.password, isolated), func(t *testing.T) {
				res, err := Extract(context.Background(), readBad(t, c.file),
					Options{InProcess: !isolated, Password: c.password, Timeout: 20 * time.Second, NoOCR: c.noOCR})
				if c.wantErr != nil {
					if !errors.Is(err, c.wantErr) || !strings.Contains(err.Error(), c.errHas) {
						t.Fatalf("err = %v, want %v with %q", err, c.wantErr, c.errHas)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Pages) != 17 {
					t.Errorf("%d pages, want 17", len(res.Pages))
				}
				if r := ratio(md, ideographs(strings.Join(res.Pages, "\n"))); r < 0.999 {
					t.Errorf("fidelity vs nantun-2023.md = %.5f", r)
				}
				if c.warnHas != "" && !strings.Contains(strings.Join(res.Warnings, "\n"), c.warnHas) {
					t.Errorf("warnings %q lack %q", res.Warnings, c.warnHas)
				}
			})
		}
	}
}

// TestPartlyScanned: a page without text among pages with text is named in
// a warning; the file still reads.
func TestPartlyScanned(t *testing.T) {
	withImage := buildPDF([]pdfObject{
		{body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{body: "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>"},
		{body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R >>"},
		{body: "<< >>", stream: []byte("BT /F1 12 Tf 72 700 Td (Report 2023) Tj ET")},
		{body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 8 0 R >> >> /Contents 6 0 R >>"},
		{body: "<< >>", stream: []byte("q 500 0 0 700 40 60 cm /Im1 Do Q")},
		{body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
		{body: "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 >>", stream: []byte{0}},
	})
	res, err := Extract(context.Background(), withImage, Options{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages[0] != "Report 2023" || res.Pages[1] != "" {
		t.Errorf("pages = %q", res.Pages)
	}
	if w := strings.Join(res.Warnings, "\n"); !strings.Contains(w, "第 2 页没有文字层") {
		t.Errorf("warnings = %q", res.Warnings)
	}
}

// slowPDF is a valid file whose reading takes seconds: six pages that show
// the same 150 000 glyph runs.
func slowPDF() []byte {
	var b bytes.Buffer
	b.WriteString("BT /F1 10 Tf\n")
	for i := 0; i < 150000; i++ {
		fmt.Fprintf(&b, "1 0 0 1 %d %d Tm (abc) Tj\n", 20+(i%50)*11, 800-(i/50)%780)
	}
	b.WriteString("ET\n")
	objs := []pdfObject{
		{body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{body: "<< /Type /Pages /Kids [5 0 R 6 0 R 7 0 R 8 0 R 9 0 R 10 0 R] /Count 6 >>"},
		{body: "<< >>", stream: b.Bytes(), deflate: true},
		{body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
	}
	for range 6 {
		objs = append(objs, pdfObject{body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"})
	}
	return buildPDF(objs)
}

// TestDeadline: a file that takes too long is stopped at the deadline, in
// the child process, and says so.
func TestDeadline(t *testing.T) {
	data := slowPDF()
	start := time.Now()
	_, err := Extract(context.Background(), data, Options{Timeout: 500 * time.Millisecond})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("returned after %v", d)
	}
	assertNoChildren(t)
}

// TestCancel: cancelling the context kills the child at once.
func TestCancel(t *testing.T) {
	data := slowPDF()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err := Extract(ctx, data, Options{Timeout: time.Minute})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("returned after %v", d)
	}
	assertNoChildren(t)
}

// TestMemoryLimit: a compression bomb is stopped at the memory limit.
func TestMemoryLimit(t *testing.T) {
	objs := []pdfObject{
		{body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{body: "<< /Type /Pages /Kids [4 0 R 5 0 R 6 0 R 7 0 R 8 0 R 9 0 R] /Count 6 >>"},
		{body: "<< >>", stream: bytes.Repeat([]byte(" "), maxStreamBytes), deflate: true},
	}
	for range 6 {
		objs = append(objs, pdfObject{body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"})
	}
	data := buildPDF(objs)
	_, err := Extract(context.Background(), data, Options{MemoryLimit: 48 << 20, Timeout: 30 * time.Second})
	if !errors.Is(err, ErrMemoryLimit) {
		t.Fatalf("err = %v, want ErrMemoryLimit", err)
	}
	assertNoChildren(t)
}

// TestHostileObjectStream: a hex string left open at the end of an object
// stream makes ledongthuc loop forever; the file is read through our rebuilt
// table instead, in process, and fails quickly with a reason.
func TestHostileObjectStream(t *testing.T) {
	data := hostileObjStmPDF()
	done := make(chan error, 1)
	go func() {
		_, err := Extract(context.Background(), data, Options{InProcess: true})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrDamaged) {
			t.Fatalf("err = %v, want ErrDamaged", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("hangs")
	}
}

// hostileObjStmPDF has its catalog in an object stream, cut inside a hex
// string.
func hostileObjStmPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	objstm := deflate([]byte("1 0 << /Type /Catalog /Pages <414243"))
	off2 := b.Len()
	fmt.Fprintf(&b, "2 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n", len(objstm))
	b.Write(objstm)
	b.WriteString("\nendstream\nendobj\n")
	off3 := b.Len()
	table := []byte{0, 0, 0, 0, 0, 0xff, 0xff}
	table = append(table, 2, 0, 0, 0, 2, 0, 0)
	table = append(table, 1, byte(off2>>24), byte(off2>>16), byte(off2>>8), byte(off2), 0, 0)
	table = append(table, 1, byte(off3>>24), byte(off3>>16), byte(off3>>8), byte(off3), 0, 0)
	fmt.Fprintf(&b, "3 0 obj\n<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", len(table))
	b.Write(table)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", off3)
	return b.Bytes()
}

// assertNoChildren fails if a child of this process is still alive.
func assertNoChildren(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" {
		return
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		kids := childProcesses()
		if len(kids) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("child processes left: %v", kids)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func childProcesses() []int {
	me := os.Getpid()
	var kids []int
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, s := range stats {
		b, err := os.ReadFile(s)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b[i+1:]))
		if len(f) < 2 || f[0] == "Z" {
			continue
		}
		if ppid, _ := strconv.Atoi(f[1]); ppid == me {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(s)))
			kids = append(kids, pid)
		}
	}
	return kids
}
