// Package pdf reads the text of PDF pages: ledongthuc/pdf parses the file's
// objects, and our own text layer (fonts, CMaps, a content-stream
// interpreter, geometric layout) turns them into lines of text. Parsing runs
// in a child process with a deadline and a memory limit, so that a hostile
// or broken file costs one error, never the batch.
package pdf

import (
	"context"
	"errors"
	"time"
)

// Options control one extraction.
type Options struct {
	Password    string        // user password of an encrypted file
	Timeout     time.Duration // deadline of the isolated child (default 30s)
	MemoryLimit int64         // bytes, for the isolated child (default 1 GiB)
	InProcess   bool          // skip the child process (tests, fuzzing)
	// NoOCR leaves pages without a text layer unread (they are reported as
	// needing OCR) even where tesseract is installed.
	NoOCR bool
}

// Defaults of Options.
const (
	DefaultTimeout     = 30 * time.Second
	DefaultMemoryLimit = 1 << 30
)

// Result is the text of each page, in order, and what a reader should know.
// A page is its visual lines in reading order, separated by "\n", with a
// blank line between paragraphs; table cells are separated by "\t". Running
// headers, footers and page numbers are left out.
//
// Pages without a text layer whose images were read by OCR (tesseract) are
// in Pages like the others; OCR, when any page was OCR'd, says which, with
// the engine's confidence in each word.
//
// Boxes[i] are where the text of Pages[i] was drawn (offsets into
// Pages[i]); Geometry[i] is the size and rotation of that page. Both are
// positions only: the text is the same with or without them.
type Result struct {
	Pages    []string
	Warnings []string
	OCR      []PageOCR // one per page, or nil when no page was OCR'd
	Boxes    []Boxes
	Geometry []Geometry
}

// Errors name the reason a file gives no text; they are wrapped with
// details, so test them with errors.Is.
var (
	ErrNeedsOCR         = errors.New("没有文字层，需要 OCR (needs OCR)")
	ErrUndecodable      = errors.New("文字层无法解码 (text layer cannot be decoded)")
	ErrNotPDF           = errors.New("不是 PDF 文件 (not a PDF)")
	ErrDamaged          = errors.New("PDF 文件损坏 (damaged PDF)")
	ErrPasswordRequired = errors.New("需要密码 (password required)")
	ErrWrongPassword    = errors.New("密码错误 (wrong password)")
	ErrTimeout          = errors.New("处理超时 (timeout)")
	ErrMemoryLimit      = errors.New("内存超限 (memory limit exceeded)")
	ErrCrashed          = errors.New("解析进程异常退出 (parser crashed)")
)

// Extract returns the text of every page of a PDF. Unless opt.InProcess is
// set, the work is done by a child process (this same executable) that is
// killed at the deadline, when it exceeds the memory limit, or when ctx ends.
func Extract(ctx context.Context, data []byte, opt Options) (Result, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MemoryLimit <= 0 {
		opt.MemoryLimit = DefaultMemoryLimit
	}
	if opt.InProcess {
		ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
		return extractInProcess(ctx, data, opt)
	}
	return extractIsolated(ctx, data, opt)
}
