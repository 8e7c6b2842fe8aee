package legacy

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/jixiao/jixiao/ingest/docx"
)

func han(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return r
		}
		return -1
	}, s)
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// needSoffice skips tests that run LibreOffice when it is not installed (CI
// without it tests the plumbing with a stand-in below) or with -short (a
// conversion takes seconds).
func needSoffice(t *testing.T) {
	if testing.Short() {
		t.Skip("runs LibreOffice (-short)")
	}
	if _, err := Default.find(); err != nil {
		t.Skip("soffice is not installed")
	}
}

// TestSoffice converts the reference report saved by LibreOffice as Word 97
// (.doc) and as RTF and reads the DOCX that comes back; a damaged .doc ends
// in an error passing on soffice's message. The conversions run in
// parallel: each has its own profile.
func TestSoffice(t *testing.T) {
	needSoffice(t)
	md := string(readFile(t, "../../../testdata/nantun-2023.md")) // the reference report, shared by every package
	for _, name := range []string{"nantun-2023.doc", "nantun-2023.rtf"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, err := ToDOCX(context.Background(), readFile(t, name))
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := docx.Extract(out)
			if err != nil {
				t.Fatal(err)
			}
			if han(text) != han(md) {
				t.Errorf("Han characters differ from the reference")
			}
			for _, want := range []string{"7. 南屯镇宋家庄村联建鸡场基础设施配套项目：预算金额 103.064 万元", "32. 南屯镇 2023 年度 AKTD 资金"} {
				if !strings.Contains(text, "\n"+want) {
					t.Errorf("no line starting %q", want)
				}
			}
		})
	}
	t.Run("damaged", func(t *testing.T) {
		t.Parallel()
		doc := readFile(t, "nantun-2023.doc")
		for i := 600; i < 48000; i++ {
			doc[i] = 'A' // the directory at the end stays intact
		}
		_, err := ToDOCX(context.Background(), doc)
		if err == nil || !strings.Contains(err.Error(), "未能转换") || !strings.Contains(err.Error(), "could not be loaded") {
			t.Fatalf("got %v", err)
		}
	})
}

func TestNoConverter(t *testing.T) {
	c := &Converter{Binary: filepath.Join(t.TempDir(), "no-such-soffice")}
	_, err := c.ToDOCX(context.Background(), readFile(t, "nantun-2023.doc"))
	if !errors.Is(err, ErrNoConverter) {
		t.Fatalf("got %v", err)
	}
	for _, words := range []string{"LibreOffice", "另存为", ".docx"} {
		if !strings.Contains(err.Error(), words) {
			t.Errorf("%q does not say %q", err, words)
		}
	}
}

func TestInputKinds(t *testing.T) {
	c := &Converter{Binary: "/nonexistent"}
	ole := func(streams ...string) []byte {
		b := append([]byte{}, oleMagic...)
		for _, s := range streams {
			b = append(append(b, make([]byte, 64)...), utf16(s)...)
		}
		return b
	}
	doc := readFile(t, "nantun-2023.doc")
	cases := []struct {
		data []byte
		is   error
	}{
		{[]byte("PK\x03\x04 a zip"), ErrNotLegacy},
		{[]byte("plain text"), ErrNotLegacy},
		{ole("EncryptedInfo", "EncryptedPackage"), ErrEncrypted},
		{ole("Workbook"), ErrNotLegacy},
		{ole("PowerPoint Document"), ErrNotLegacy},
		{append(ole(), []byte(strings.Repeat("损坏的文件", 200))...), ErrNotLegacy},
		{doc[:20000], ErrNotLegacy}, // truncated: its directory is gone
		{ole("MatOST"), ErrNoConverter},
		{readFile(t, "nantun-2023.doc"), ErrNoConverter},
		{[]byte("{\\rtf1\\ansi hello}"), ErrNoConverter},
	}
	for _, c2 := range cases {
		if _, err := c.ToDOCX(context.Background(), c2.data); !errors.Is(err, c2.is) {
			t.Errorf("%.12q: got %v, want %v", c2.data, err, c2.is)
		}
	}
}

// fakeSoffice writes a shell script standing in for soffice.
func fakeSoffice(t *testing.T, script string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("shell script stand-in")
	}
	path := filepath.Join(t.TempDir(), "soffice")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// The stand-in checks the arguments soffice gets and "converts" by copying
// a DOCX into the output folder: the plumbing works without LibreOffice.
func TestConverterArguments(t *testing.T) {
	fixture, err := filepath.Abs("../docx/testdata/nantun-2023-lo.docx") // the reference report as LibreOffice saves it
	if err != nil {
		t.Fatal(err)
	}
	logs := t.TempDir()
	bin := fakeSoffice(t, `
for a in "$@"; do echo "$a" >> "`+logs+`/$$"; done
out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  prev="$a"; last="$a"
done
mkdir -p "$out"
base=$(basename "$last"); base="${base%.*}"
cp "`+fixture+`" "$out/$base.docx"
`)
	c := &Converter{Binary: bin, Parallel: 3}
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := c.ToDOCX(context.Background(), readFile(t, "nantun-2023.doc"))
			if err != nil {
				t.Error(err)
				return
			}
			if text, _, err := docx.Extract(out); err != nil || !strings.Contains(text, "7. 南屯镇宋家庄村联建鸡场") {
				t.Errorf("converted text: %v", err)
			}
		}()
	}
	wg.Wait()
	entries, err := os.ReadDir(logs)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("%d runs", len(entries))
	}
	profiles := map[string]bool{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(logs, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		args := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		if !strings.HasPrefix(args[0], "-env:UserInstallation=file:///") {
			t.Errorf("first argument %q", args[0])
		}
		profiles[args[0]] = true
		joined := strings.Join(args, " ")
		for _, want := range []string{"--headless", "--convert-to docx:MS Word 2007 XML", "--outdir "} {
			if !strings.Contains(joined, want) {
				t.Errorf("arguments %q lack %q", joined, want)
			}
		}
		if in := args[len(args)-1]; filepath.Base(in) != "input.doc" {
			t.Errorf("input %q", in)
		}
		if _, err := os.Stat(filepath.Dir(args[len(args)-1])); !os.IsNotExist(err) {
			t.Errorf("temporary folder %s left behind", filepath.Dir(args[len(args)-1]))
		}
	}
	if len(profiles) != 3 {
		t.Errorf("parallel conversions shared a profile: %v", profiles)
	}
}

func TestConverterFailures(t *testing.T) {
	doc := readFile(t, "nantun-2023.doc")
	t.Run("exits 0 without output", func(t *testing.T) {
		c := &Converter{Binary: fakeSoffice(t, "echo 'Error: source file could not be loaded'\n")}
		_, err := c.ToDOCX(context.Background(), doc)
		if err == nil || !strings.Contains(err.Error(), "source file could not be loaded") || !strings.Contains(err.Error(), "未能转换") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("exits 1", func(t *testing.T) {
		c := &Converter{Binary: fakeSoffice(t, "echo 'boom' >&2; exit 1\n")}
		_, err := c.ToDOCX(context.Background(), doc)
		if err == nil || !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "exit status 1") {
			t.Fatalf("got %v", err)
		}
	})
}

// A hanging soffice is killed at the deadline or when the context is
// cancelled — with the processes it started.
func TestConverterKilled(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("checks /proc")
	}
	doc := readFile(t, "nantun-2023.doc")
	for _, how := range []string{"timeout", "cancel"} {
		t.Run(how, func(t *testing.T) {
			pidFile := filepath.Join(t.TempDir(), "pid")
			bin := fakeSoffice(t, "sleep 60 &\necho $! > "+pidFile+"\nwait\n")
			c := &Converter{Binary: bin}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if how == "timeout" {
				c.Timeout = 300 * time.Millisecond
			} else {
				time.AfterFunc(300*time.Millisecond, cancel)
			}
			start := time.Now()
			_, err := c.ToDOCX(ctx, doc)
			if err == nil {
				t.Fatal("no error")
			}
			want := map[string]string{"timeout": "超时", "cancel": "取消"}[how]
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			b, err := os.ReadFile(pidFile)
			if err != nil {
				t.Fatal(err)
			}
			pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
			deadline := time.Now().Add(5 * time.Second)
			for alive(pid) {
				if time.Now().After(deadline) {
					t.Fatalf("child process %d of soffice still running", pid)
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}

// alive reports whether a process exists and is not a zombie.
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	i := strings.LastIndexByte(string(stat), ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}

// Conversions beyond Parallel wait for a slot, and stop waiting when their
// context ends.
func TestConverterSlots(t *testing.T) {
	c := &Converter{Binary: fakeSoffice(t, "sleep 1\n"), Parallel: 1}
	doc := readFile(t, "nantun-2023.doc")
	first := make(chan error)
	go func() {
		_, err := c.ToDOCX(context.Background(), doc)
		first <- err
	}()
	time.Sleep(200 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := c.ToDOCX(ctx, doc)
	if err == nil || !strings.Contains(err.Error(), "等待 soffice") {
		t.Errorf("second conversion: %v", err)
	}
	if err := <-first; err == nil || !strings.Contains(err.Error(), "未能转换") {
		t.Errorf("first conversion: %v", err)
	}
}

// TestOpenDocumentKinds: the kind comes from the declared mimetype, zipped or
// flat; other OpenDocument kinds and look-alikes are not taken.
func TestOpenDocumentKinds(t *testing.T) {
	flat := func(mime string) []byte {
		return []byte(`<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="` + mime + `"><office:body/></office:document>`)
	}
	zipped := func(mime string) []byte {
		var b bytes.Buffer
		w := zip.NewWriter(&b)
		f, _ := w.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
		f.Write([]byte(mime))
		w.Close()
		return b.Bytes()
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"flat spreadsheet", flat("application/vnd.oasis.opendocument.spreadsheet"), ODFSpreadsheet},
		{"flat text", flat("application/vnd.oasis.opendocument.text"), ODFText},
		{"flat presentation", flat("application/vnd.oasis.opendocument.presentation"), ""},
		{"zipped spreadsheet", zipped("application/vnd.oasis.opendocument.spreadsheet"), ODFSpreadsheet},
		{"zipped text", zipped("application/vnd.oasis.opendocument.text"), ODFText},
		{"zip without mimetype", zipped("")[:20], ""},
		{"a report quoting the mimetype", []byte("office:mimetype=\"application/vnd.oasis.opendocument.text\""), ""},
		{"empty", nil, ""},
	} {
		if got := OpenDocument(c.data); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// FuzzOpenDocument: any bytes give a kind or "", without panicking, and a
// kind is only given to bytes that declare an OpenDocument mimetype.
func FuzzOpenDocument(f *testing.F) {
	for _, name := range []string{"../../testdata/formats/hengshan-2023-zhengti.fods", "../../testdata/formats/hengshan-2023-zhengti.ods", "../../testdata/formats/hengshan-2023-zhengti.odt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:min(len(data), 4096)])
	}
	f.Add([]byte("PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xffmimetype"))
	f.Add([]byte(`<office:document office:mimetype='application/vnd.oasis.opendocument.text`))
	f.Fuzz(func(t *testing.T, data []byte) {
		kind := OpenDocument(data)
		if kind != "" && !bytes.Contains(data, []byte("application/vnd.oasis.opendocument."+kind)) {
			t.Fatalf("kind %q for bytes that do not declare it", kind)
		}
	})
}
