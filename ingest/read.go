package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/jixiao/jixiao/ingest/docx"
	"github.com/jixiao/jixiao/ingest/html"
	"github.com/jixiao/jixiao/ingest/legacy"
	"github.com/jixiao/jixiao/ingest/pdf"
	"github.com/jixiao/jixiao/ingest/sheet"
)

// MaxFileSize bounds what is read into memory; larger files are refused.
const MaxFileSize = 256 << 20

// Options control reading.
type Options struct {
	Password       string        // user password of encrypted PDFs
	PDFTimeout     time.Duration // deadline of the PDF child process (0: 30s)
	PDFMemoryLimit int64         // bytes (0: default)
	PDFInProcess   bool          // parse PDFs in this process (tests, fuzzing)
}

// Error is a file that could not be read: it names the file and the reason.
type Error struct {
	Path   string
	Reason string
	Err    error
}

func (e *Error) Error() string {
	if e.Reason == "" && e.Err != nil {
		return e.Path + ": " + e.Err.Error()
	}
	if e.Err != nil && e.Err.Error() != e.Reason {
		return fmt.Sprintf("%s: %s: %v", e.Path, e.Reason, e.Err)
	}
	return e.Path + ": " + e.Reason
}

func (e *Error) Unwrap() error { return e.Err }

// ErrEmpty means the file has no bytes.
var ErrEmpty = errors.New("空文件 (empty file)")

// ReadFile reads and normalises one file.
func ReadFile(ctx context.Context, path string, opt Options) (*Document, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Path: path, Reason: "无法打开", Err: err}
	}
	if fi.IsDir() {
		return nil, &Error{Path: path, Reason: "是目录，不是文件"}
	}
	if fi.Size() > MaxFileSize {
		return nil, &Error{Path: path, Reason: fmt.Sprintf("文件过大 (%d 字节，上限 %d)", fi.Size(), MaxFileSize)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Reason: "读取失败", Err: err}
	}
	return Read(ctx, path, data, opt)
}

// Read normalises the bytes of one file; name is used in errors and as Source.
func Read(ctx context.Context, name string, data []byte, opt Options) (*Document, error) {
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	if len(data) == 0 {
		return nil, &Error{Path: name, Reason: ErrEmpty.Error(), Err: ErrEmpty}
	}
	format := Sniff(data)
	var pages []Page
	var warnings []string
	switch format {
	case FormatPDF:
		res, err := pdf.Extract(ctx, data, pdf.Options{Password: opt.Password, Timeout: opt.PDFTimeout,
			MemoryLimit: opt.PDFMemoryLimit, InProcess: opt.PDFInProcess})
		if err != nil {
			return nil, &Error{Path: name, Reason: pdfReason(err), Err: err}
		}
		for i, t := range res.Pages {
			pages = append(pages, Page{N: i + 1, Text: t})
		}
		warnings = res.Warnings
	case FormatDOCX:
		text, w, err := docx.Extract(data)
		if err != nil {
			return nil, &Error{Path: name, Reason: "DOCX 无法读取", Err: err}
		}
		pages, warnings = []Page{{N: 1, Text: text}}, w
	case FormatDOC:
		conv, err := legacy.ToDOCX(ctx, data)
		if err != nil {
			return nil, &Error{Path: name, Reason: "旧版 Word/WPS 文件无法转换", Err: err}
		}
		text, w, err := docx.Extract(conv)
		if err != nil {
			return nil, &Error{Path: name, Reason: "转换后的 DOCX 无法读取", Err: err}
		}
		pages, warnings = []Page{{N: 1, Text: text}}, w
	case FormatXLSX:
		var err error
		if pages, warnings, err = readSheets(data, sheet.Options{}); err != nil {
			return nil, &Error{Path: name, Reason: "Excel 工作簿无法读取 (unreadable workbook)", Err: err}
		}
	case FormatXLS:
		conv, err := legacy.ToXLSX(ctx, data)
		if err != nil {
			return nil, &Error{Path: name, Reason: "旧版 Excel/WPS 表格无法转换 (cannot convert .xls/.et)", Err: err}
		}
		if pages, warnings, err = readSheets(conv, sheet.Options{Converted: true}); err != nil {
			return nil, &Error{Path: name, Reason: "转换后的工作簿无法读取", Err: err}
		}
	case FormatHTML:
		text, w, err := html.Extract(data)
		if err != nil {
			return nil, &Error{Path: name, Reason: "HTML 无法读取", Err: err}
		}
		pages, warnings = []Page{{N: 1, Text: text}}, w
	default:
		text, enc, err := DecodeText(data)
		if err != nil {
			return nil, &Error{Path: name, Reason: "无法识别的文件格式 (not PDF, DOCX, HTML or text)", Err: err}
		}
		if enc != "UTF-8" {
			warnings = append(warnings, "编码: "+enc)
		}
		if looksLikeMarkdown(text) {
			format = FormatMarkdown
		}
		pages = splitFormFeeds(text)
	}
	doc := Assemble(name, sha, format, pages, warnings)
	if len(doc.Text) == 0 {
		return doc, &Error{Path: name, Reason: "没有可读的文字 (no text)"}
	}
	return doc, nil
}

// readSheets reads the worksheets of an XLSX workbook, one page each.
func readSheets(data []byte, opt sheet.Options) ([]Page, []string, error) {
	sheets, warnings, err := sheet.ExtractOptions(data, opt)
	if err != nil {
		return nil, nil, err
	}
	pages := make([]Page, len(sheets))
	for i, s := range sheets {
		pages[i] = Page{N: i + 1, Text: s.Text, Sheet: s.Name, Cells: s.Cells, Formulas: s.Formulas}
	}
	return pages, warnings, nil
}

// pdfReason names the kind of PDF failure, for summaries that count files
// by reason; the error itself keeps the details.
func pdfReason(err error) string {
	for _, r := range []struct {
		err    error
		reason string
	}{
		{pdf.ErrPasswordRequired, "PDF 需要密码 (password required)"},
		{pdf.ErrWrongPassword, "PDF 密码错误 (wrong password)"},
		{pdf.ErrNeedsOCR, "PDF 没有文字层，需要 OCR (needs OCR)"},
		{pdf.ErrTimeout, "PDF 处理超时 (timeout)"},
		{pdf.ErrMemoryLimit, "PDF 内存超限 (memory limit)"},
		{pdf.ErrCrashed, "PDF 解析进程异常退出 (parser crashed)"},
		{pdf.ErrDamaged, "PDF 文件损坏 (damaged)"},
		{pdf.ErrNotPDF, "不是 PDF 文件 (not a PDF)"},
	} {
		if errors.Is(err, r.err) {
			return r.reason
		}
	}
	return "PDF 无法读取 (unreadable PDF)"
}
