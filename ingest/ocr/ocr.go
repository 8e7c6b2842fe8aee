// Package ocr reads the text of page images with Tesseract (the tesseract
// program of Debian's tesseract-ocr, with the simplified-Chinese model of
// tesseract-ocr-chi-sim). It turns tesseract's TSV output — one row per
// word, with its box and its confidence — into page text in the layout the
// PDF reader gives (lines, a blank line between paragraphs, a tab between
// cells), and keeps each word's confidence with its byte range, so that a
// figure read from the text can say how sure the engine was of it.
package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/jixiao/jixiao/ingest/memwatch"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// InstallHint is what to install for OCR, as a reader types it.
const InstallHint = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"

// ErrNotInstalled: tesseract, or its Chinese model, is not on this machine.
var ErrNotInstalled = errors.New("未安装 OCR 引擎 Tesseract，请安装：" + InstallHint + " (OCR not installed)")

// ErrFailed: tesseract ran and gave no reading of the image.
var ErrFailed = errors.New("OCR 识别失败 (OCR failed)")

// Language is the Tesseract model that must be there: simplified Chinese.
const Language = "chi_sim"

// The English model (Debian's tesseract-ocr brings it) reads the Latin
// digits of figures better than the Chinese one (70 万元 that chi_sim alone
// reads as 76): where it is installed, each image is read by both.
// numbersModel reads the figures a second time where it is installed (see
// ParseTSVNumbers).
var numbersModel string

// Word is one word (a character or a run of digits, for Chinese) of a
// page's text: its byte range in Page.Text and the engine's confidence in
// it, 0 to 100.
type Word struct {
	Start int `json:"s"`
	End   int `json:"e"`
	Conf  int `json:"c"`
}

// Page is the text tesseract read from one page image.
type Page struct {
	Text  string
	Words []Word
}

// Options control one recognition.
type Options struct {
	// MemoryLimit ends tesseract when its resident memory passes it (bytes; 0: none).
	MemoryLimit int64
	// DPI is the image's resolution when the image does not say it (an
	// image taken out of a PDF); 0: the image's own, or tesseract's guess.
	DPI int
}

var (
	checkOnce sync.Once
	checkErr  error
	program   string
)

// Check tells whether OCR can be done here: ErrNotInstalled, with what to
// install, when it cannot.
func Check() error {
	checkOnce.Do(func() {
		p, err := exec.LookPath("tesseract")
		if err != nil {
			checkErr = ErrNotInstalled
			return
		}
		out, err := exec.Command(p, "--list-langs").CombinedOutput()
		if err != nil || !bytes.Contains(out, []byte("\n"+Language)) {
			checkErr = fmt.Errorf("%w: 缺少中文模型 %s", ErrNotInstalled, Language)
			return
		}
		if bytes.Contains(out, []byte("\neng")) {
			numbersModel = "eng"
		}
		program = p
	})
	return checkErr
}

// Recognize reads one image (JPEG, PNG, TIFF — a multi-page TIFF gives a
// page each — or any format Leptonica reads) with tesseract. It runs until
// ctx ends; tesseract dies with the process that started it.
func Recognize(ctx context.Context, image []byte, opt Options) ([]Page, error) {
	if err := Check(); err != nil {
		return nil, err
	}
	tsv, err := run(ctx, image, Args(opt.DPI), opt)
	if err != nil {
		return nil, err
	}
	var numbers []byte
	if a := NumberArgs(opt.DPI); a != nil {
		if numbers, err = run(ctx, image, a, opt); err != nil && ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	pages := ParseTSVNumbers(tsv, numbers)
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: 无输出 (no output)", ErrFailed)
	}
	return pages, nil
}

// run runs tesseract once and gives its TSV.
func run(ctx context.Context, image []byte, args []string, opt Options) ([]byte, error) {
	cmd := exec.CommandContext(ctx, program, args...)
	// One thread: the machine's cores are shared by the documents being read.
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.Stdin = bytes.NewReader(image)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = time.Second
	configure(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFailed, err)
	}
	stopWatch := func() bool { return false }
	if opt.MemoryLimit > 0 {
		stopWatch = memwatch.Watch(cmd.Process, opt.MemoryLimit)
	}
	err := cmd.Wait()
	over := stopWatch()
	switch {
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case over:
		return nil, fmt.Errorf("%w: 内存超限 (memory limit exceeded)", ErrFailed)
	case err != nil:
		return nil, fmt.Errorf("%w: %v: %s", ErrFailed, err, lastLine(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// Args are the arguments tesseract is run with (after Check): the image on
// stdin, TSV on stdout, the models, automatic page segmentation, and the
// resolution when one is known (dpi > 0).
func Args(dpi int) []string { return args(Language, dpi) }

// NumberArgs are the arguments of the second reading, for figures ("" when
// the model is not installed).
func NumberArgs(dpi int) []string {
	if numbersModel == "" {
		return nil
	}
	return args(numbersModel, dpi)
}

func args(model string, dpi int) []string {
	args := []string{"stdin", "stdout", "-l", model, "--psm", "3"}
	if dpi >= 70 && dpi <= 2400 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	return append(args, "tsv")
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// TB is the part of testing.TB that RequireOrSkip uses.
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// RequireOrSkip skips a test that needs tesseract where it is not
// installed, saying what to install, and fails it instead when
// JIXIAO_REQUIRE_OCR=1 (CI, where OCR tests must run).
func RequireOrSkip(t TB) {
	t.Helper()
	if err := Check(); err != nil {
		if os.Getenv("JIXIAO_REQUIRE_OCR") == "1" {
			t.Fatalf("JIXIAO_REQUIRE_OCR=1 but %v", err)
		}
		t.Skipf("OCR test skipped: %v", err)
	}
}
