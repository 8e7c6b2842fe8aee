// Package legacy converts old office files — Word 97–2003 .doc, WPS .wps,
// RTF to DOCX; Excel 97–2003 .xls and WPS .et to XLSX — by running
// LibreOffice headless (soffice), so that the DOCX and sheet readers can
// read them. Each conversion gets its own temporary
// folder and LibreOffice profile (parallel conversions do not collide), a
// deadline, and is killed with its child processes when the context ends.
package legacy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// ErrNoConverter means soffice is not installed (or not where it was said to be).
var ErrNoConverter = errors.New("需要安装 LibreOffice (soffice) 才能读取 .doc/.wps/.rtf；" +
	"或在 Word/WPS 中打开后“另存为” .docx 再导入 (no converter: install LibreOffice or save as .docx)")

// ErrEncrypted means a password-protected document, which soffice cannot open unattended.
var ErrEncrypted = errors.New("文档已加密，请在 Word/WPS 中取消密码后另存为 .docx (encrypted document)")

// ErrNotLegacy means the bytes are none of the formats this package converts.
var ErrNotLegacy = errors.New("不是 .doc/.wps/.rtf 文件 (not a legacy document)")

// DefaultTimeout bounds one conversion when the Converter sets none.
const DefaultTimeout = 2 * time.Minute

// MaxOutput bounds the size of the DOCX read back.
const MaxOutput = 256 << 20

// Converter runs soffice. The zero value searches the usual places.
type Converter struct {
	Binary   string        // soffice to run: a path or a name on PATH; "" searches ($JIXIAO_SOFFICE, PATH, install folders)
	Timeout  time.Duration // of one conversion; 0 means DefaultTimeout
	Parallel int           // conversions at once (each soffice takes hundreds of MB); 0 means half the CPUs, at least 1

	once  sync.Once
	slots chan struct{}
}

// acquire waits for a free conversion slot.
func (c *Converter) acquire(ctx context.Context) (func(), error) {
	c.once.Do(func() {
		n := c.Parallel
		if n <= 0 {
			n = max(1, runtime.NumCPU()/2)
		}
		c.slots = make(chan struct{}, n)
	})
	select {
	case c.slots <- struct{}{}:
		return func() { <-c.slots }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("等待 soffice 时已取消: %w", ctx.Err())
	}
}

// Default is the converter ToDOCX uses.
var Default = &Converter{}

// ToDOCX converts a .doc, .wps, RTF or OpenDocument text (.odt/.fodt) file to DOCX bytes with Default.
func ToDOCX(ctx context.Context, data []byte) ([]byte, error) {
	return Default.ToDOCX(ctx, data)
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// utf16 gives the UTF-16LE bytes of an OLE stream name as its directory stores it.
func utf16(name string) []byte {
	b := make([]byte, 0, 2*len(name))
	for _, c := range []byte(name) {
		b = append(b, c, 0)
	}
	return b
}

var encryptedPackageName = utf16("EncryptedPackage")

// inputName names the file handed to soffice by what the bytes are. An OLE
// file is only handed over when it holds a word-processor stream: soffice
// reads anything else as plain text and would "convert" garbage.
func inputName(data []byte) (string, error) {
	has := func(name string) bool { return bytes.Contains(data, utf16(name)) }
	switch {
	case bytes.HasPrefix(data, oleMagic):
		switch {
		case has("EncryptedPackage"):
			return "", ErrEncrypted
		case has("WordDocument"):
			return "input.doc", nil // Word 97–2003 and WPS; soffice tells them apart by content
		case has("MatOST") || has("CONTENTS"):
			return "input.wps", nil // Microsoft Works
		case has("Workbook") || has("Book"):
			return "", fmt.Errorf("%w: 这是 Excel 工作簿 (.xls)", ErrNotLegacy)
		case has("PowerPoint Document"):
			return "", fmt.Errorf("%w: 这是 PowerPoint 演示文稿 (.ppt)", ErrNotLegacy)
		}
		return "", fmt.Errorf("%w: OLE 文件中找不到 Word 文档（文件可能不完整或已损坏）", ErrNotLegacy)
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return "input.rtf", nil
	}
	if OpenDocument(data) == ODFText {
		return odfInputName(data, "odt"), nil
	}
	return "", ErrNotLegacy
}

// find locates soffice.
func (c *Converter) find() (string, error) {
	if c.Binary != "" {
		p, err := exec.LookPath(c.Binary)
		if err != nil {
			return "", fmt.Errorf("%w: %s", ErrNoConverter, c.Binary)
		}
		return p, nil
	}
	candidates := []string{os.Getenv("JIXIAO_SOFFICE"), "soffice", "libreoffice"}
	switch runtime.GOOS {
	case "darwin":
		candidates = append(candidates, "/Applications/LibreOffice.app/Contents/MacOS/soffice")
	case "windows":
		for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)"} {
			if d := os.Getenv(env); d != "" {
				candidates = append(candidates, filepath.Join(d, "LibreOffice", "program", "soffice.exe"))
			}
		}
	default:
		candidates = append(candidates, "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice")
		if m, _ := filepath.Glob("/opt/libreoffice*/program/soffice"); len(m) > 0 {
			candidates = append(candidates, m...)
		}
	}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", ErrNoConverter
}

// ToDOCX converts a .doc, .wps, RTF or OpenDocument text (.odt/.fodt) file to DOCX bytes.
func (c *Converter) ToDOCX(ctx context.Context, data []byte) ([]byte, error) {
	name, err := inputName(data)
	if err != nil {
		return nil, err
	}
	return c.convert(ctx, data, name, "docx:MS Word 2007 XML", ".docx")
}

// ToXLSX converts an Excel 97–2003 (BIFF) workbook, a WPS ET sheet or an OpenDocument spreadsheet (.ods/.fods) to
// XLSX bytes with Default.
func ToXLSX(ctx context.Context, data []byte) ([]byte, error) {
	return Default.ToXLSX(ctx, data)
}

// ToXLSX converts an Excel 97–2003 (BIFF) workbook, a WPS ET sheet or an OpenDocument spreadsheet (.ods/.fods) to
// XLSX bytes. LibreOffice keeps the cells, merged ranges, number formats,
// formulas and their cached values.
func (c *Converter) ToXLSX(ctx context.Context, data []byte) ([]byte, error) {
	if OpenDocument(data) == ODFSpreadsheet {
		return c.convert(ctx, data, odfInputName(data, "ods"), "xlsx:Calc MS Excel 2007 XML", ".xlsx")
	}
	if !bytes.HasPrefix(data, oleMagic) {
		return nil, ErrNotWorkbook
	}
	has := func(name string) bool { return bytes.Contains(data, utf16(name)) }
	switch {
	case has("EncryptedPackage"):
		return nil, ErrEncrypted
	case !has("Workbook") && !has("Book"):
		return nil, fmt.Errorf("%w: OLE 文件中找不到工作簿（文件可能不完整或已损坏）", ErrNotWorkbook)
	}
	return c.convert(ctx, data, "input.xls", "xlsx:Calc MS Excel 2007 XML", ".xlsx")
}

// ErrNotWorkbook means the bytes are not an Excel 97–2003 or ET workbook.
var ErrNotWorkbook = errors.New("不是 .xls/.et 工作簿 (not a legacy workbook)")

// convert runs soffice on data saved as name, with the --convert-to target,
// and reads back the file with extension ext.
func (c *Converter) convert(ctx context.Context, data []byte, name, target, ext string) ([]byte, error) {
	bin, err := c.find()
	if err != nil {
		return nil, err
	}
	release, err := c.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	dir, err := os.MkdirTemp("", "jixiao-soffice-")
	if err != nil {
		return nil, fmt.Errorf("无法创建临时目录: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, name)
	outDir := filepath.Join(dir, "out")
	profile := filepath.Join(dir, "profile")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("无法写临时文件: %w", err)
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"-env:UserInstallation="+fileURL(profile),
		"--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
		"--convert-to", target, "--outdir", outDir, in)
	cmd.Dir = dir
	var output limitedBuffer
	cmd.Stdout, cmd.Stderr = &output, &output
	killGroup(cmd) // soffice runs soffice.bin as a child: kill them together
	cmd.WaitDelay = 5 * time.Second
	runErr := cmd.Run()
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("soffice 转换超时 (%s): %w", timeout, ctx.Err())
		}
		return nil, fmt.Errorf("soffice 转换已取消: %w", ctx.Err())
	}
	outPath := filepath.Join(outDir, strings.TrimSuffix(name, filepath.Ext(name))+ext)
	f, err := os.Open(outPath)
	if err != nil {
		msg := strings.TrimSpace(output.String())
		if runErr != nil {
			return nil, fmt.Errorf("soffice 转换失败 (%v): %s", runErr, msg)
		}
		return nil, fmt.Errorf("soffice 未能转换该文件（可能已损坏或加密）: %s", msg)
	}
	defer f.Close()
	out, err := io.ReadAll(io.LimitReader(f, MaxOutput+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取转换结果: %w", err)
	}
	if len(out) > MaxOutput {
		return nil, fmt.Errorf("转换结果超过 %d 字节 (limit exceeded)", MaxOutput)
	}
	return out, nil
}

// fileURL makes the file: URL soffice wants for its profile folder.
func fileURL(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/… on Windows
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// limitedBuffer keeps the first 16 KiB of soffice's messages.
type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := 16<<10 - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
