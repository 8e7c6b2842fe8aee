// Package pdf reads the text of PDF pages: ledongthuc/pdf's parser with our
// own text layer. (Stub: being written.)
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
	MemoryLimit int64         // bytes, for the isolated child
	InProcess   bool          // skip the child process (tests, fuzzing)
}

// Result is the text of each page, in order, and what a reader should know.
type Result struct {
	Pages    []string
	Warnings []string
}

// ErrNeedsOCR means the file (or every page) has no text layer.
var ErrNeedsOCR = errors.New("没有文字层，需要 OCR (needs OCR)")

// Extract returns the text of every page of a PDF.
func Extract(ctx context.Context, data []byte, opt Options) (Result, error) {
	return Result{}, errors.New("PDF reading is not built yet")
}
