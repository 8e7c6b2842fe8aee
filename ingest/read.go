package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
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
	Timeout        time.Duration // deadline for reading one file, any format (0: DefaultTimeout)
	PDFMemoryLimit int64         // bytes (0: default)
	PDFInProcess   bool          // parse PDFs in this process (tests, fuzzing)
	// NoOCR leaves scanned pages and image files unread (reported as
	// needing OCR) even where tesseract is installed.
	NoOCR bool

	// ownsData says that the bytes are the reader's to keep (File.Read: Load
	// made them and nothing changes them): a UTF-8 text then becomes the
	// page's text without a copy, so a large text is held once, not twice.
	ownsData bool
}

// Error is a file that could not be read: it names the file and the reason.
type Error struct {
	Path   string
	Reason string
	Err    error
	// said is the part of Err's text that Reason already says (a reader's
	// own sentinel, "PDF 文件损坏 (damaged PDF)"), left out of the message so
	// that each thing is said once.
	said string
}

func (e *Error) Error() string {
	if e.Err == nil {
		return e.Path + ": " + e.Reason
	}
	detail := e.Err.Error()
	if e.said != "" {
		detail = strings.TrimPrefix(strings.TrimPrefix(detail, e.said), ": ")
	}
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		detail = "文件不存在 (no such file)"
	case errors.Is(e.Err, fs.ErrPermission):
		detail = "没有读取权限 (permission denied)"
	}
	switch {
	case e.Reason == "":
		return e.Path + ": " + detail
	case detail == "" || detail == e.Reason:
		return e.Path + ": " + e.Reason
	}
	return e.Path + ": " + e.Reason + ": " + detail
}

func (e *Error) Unwrap() error { return e.Err }

// ErrEmpty means the file has no bytes.
var ErrEmpty = errors.New("空文件 (empty file)")

// ReadFile reads and normalises one file.
func ReadFile(ctx context.Context, path string, opt Options) (*Document, error) {
	f, err := Load(path)
	if err != nil {
		return nil, err
	}
	return f.Read(ctx, opt)
}

// Read normalises the bytes of a loaded file.
func (f File) Read(ctx context.Context, opt Options) (*Document, error) {
	opt.ownsData = true
	return read(ctx, f.Path, f.Data, f.SHA256, opt)
}

// Read normalises the bytes of one file; name is used in errors and as Source.
func Read(ctx context.Context, name string, data []byte, opt Options) (*Document, error) {
	sum := sha256.Sum256(data)
	return read(ctx, name, data, hex.EncodeToString(sum[:]), opt)
}

// DefaultTimeout is the deadline for reading one file when Options give none.
const DefaultTimeout = 30 * time.Second

func (o Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

// read reads one file under the deadline of opt, whatever its format. A PDF
// is parsed in a child process that has the deadline and a memory limit of
// its own (pdf.Extract); every other format is parsed here by readers whose
// work is linear in their input and bounded in size (docx, html, the text
// decoder), under the same deadline: a file that takes longer fails with the
// timeout as its reason, and a cancelled ctx (Ctrl-C) returns at once with
// nothing half-read handed on.
func read(ctx context.Context, name string, data []byte, sha string, opt Options) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if f := Sniff(data); f == FormatPDF || f == FormatImage {
		return parse(ctx, name, data, sha, opt) // the child process has the deadline
	}
	type result struct {
		doc *Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: &Error{Path: name, Reason: ReasonCrashed, Err: fmt.Errorf("%v", p)}}
			}
		}()
		d, err := parse(ctx, name, data, sha, opt)
		done <- result{d, err}
	}()
	timer := time.NewTimer(opt.timeout())
	defer timer.Stop()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timer.C:
		return nil, &Error{Path: name, Reason: ReasonTimeout, Err: fmt.Errorf("超过 %s (exceeded %s)", opt.timeout(), opt.timeout())}
	}
}

// Reasons of read failures that are not the format's.
const (
	ReasonTimeout = "处理超时 (timeout)"
	ReasonCrashed = "读取程序出错 (reader crashed)"
)

// parse sniffs the format and reads the file with its reader.
func parse(ctx context.Context, name string, data []byte, sha string, opt Options) (*Document, error) {
	if len(data) == 0 {
		return nil, &Error{Path: name, Reason: ErrEmpty.Error(), Err: ErrEmpty}
	}
	format := Sniff(data)
	var pages []Page
	var warnings []string
	switch format {
	case FormatPDF:
		res, err := pdf.Extract(ctx, data, pdf.Options{Password: opt.Password, Timeout: opt.timeout(),
			MemoryLimit: opt.PDFMemoryLimit, InProcess: opt.PDFInProcess, NoOCR: opt.NoOCR})
		if err != nil {
			reason, sentinel := pdfReason(err)
			return nil, &Error{Path: name, Reason: reason, Err: err, said: sentinel}
		}
		pages, warnings = ocrPages(res), res.Warnings
	case FormatImage:
		res, err := pdf.OCRImage(ctx, data, pdf.Options{Timeout: opt.timeout(), MemoryLimit: opt.PDFMemoryLimit,
			InProcess: opt.PDFInProcess, NoOCR: opt.NoOCR})
		if err != nil {
			reason, sentinel := imageReason(err)
			return nil, &Error{Path: name, Reason: reason, Err: err, said: sentinel}
		}
		pages, warnings = ocrPages(res), res.Warnings
	case FormatDOCX:
		text, w, err := docx.Extract(data)
		if err != nil {
			return nil, &Error{Path: name, Reason: limitOr(err, ReasonDOCX), Err: err}
		}
		pages, warnings = []Page{{N: 1, Text: text}}, w
	case FormatDOC, FormatODT:
		conv, err := legacy.ToDOCX(ctx, data)
		if err != nil {
			return nil, &Error{Path: name, Reason: ReasonLegacy, Err: err}
		}
		text, w, err := docx.Extract(conv)
		if err != nil {
			return nil, &Error{Path: name, Reason: ReasonLegacyDOCX, Err: err}
		}
		pages, warnings = []Page{{N: 1, Text: text}}, w
	case FormatXLSX:
		var err error
		if pages, warnings, err = readSheets(data, sheet.Options{}); err != nil {
			return nil, &Error{Path: name, Reason: limitOr(err, ReasonXLSX), Err: err}
		}
	case FormatXLS, FormatODS:
		conv, err := legacy.ToXLSX(ctx, data)
		if err != nil {
			return nil, &Error{Path: name, Reason: ReasonSheetConvert, Err: err}
		}
		if pages, warnings, err = readSheets(conv, sheet.Options{Converted: true}); err != nil {
			return nil, &Error{Path: name, Reason: ReasonSheetConverted, Err: err}
		}
	case FormatHTML:
		text, w, err := html.Extract(data)
		if err != nil {
			return nil, &Error{Path: name, Reason: limitOr(err, ReasonHTML), Err: err}
		}
		pages, warnings = []Page{{N: 1, Text: text}}, w
	default:
		text, enc, err := decodeText(data, opt.ownsData)
		if err != nil {
			return nil, &Error{Path: name, Reason: ReasonUnknown, Err: err}
		}
		if enc != "UTF-8" {
			warnings = append(warnings, "编码: "+enc)
		}
		switch comma, delimited := sheet.Delimited(text); {
		case looksLikeMarkdown(text):
			format, pages = FormatMarkdown, splitFormFeeds(text)
		case delimited:
			s, w, err := sheet.FromDelimited(sheetName(name), text, comma)
			if err != nil {
				return nil, &Error{Path: name, Reason: limitOr(err, ReasonCSV), Err: err}
			}
			format = FormatCSV
			pages = []Page{{N: 1, Text: s.Text, Sheet: s.Name, Cells: s.Cells}}
			warnings = append(warnings, w...)
		default:
			pages = splitFormFeeds(text)
		}
	}
	doc := Assemble(name, sha, format, pages, warnings)
	if len(doc.Text) == 0 {
		return doc, &Error{Path: name, Reason: ReasonNoText}
	}
	return doc, nil
}

// ocrPages are the pages of a PDF or image result, with what OCR read.
func ocrPages(res pdf.Result) []Page {
	pages := make([]Page, len(res.Pages))
	for i, t := range res.Pages {
		pages[i] = Page{N: i + 1, Text: t}
		pdfPlaces(&pages[i], res, i)
		if i < len(res.OCR) && res.OCR[i].OCR {
			pages[i].OCR, pages[i].Words = true, res.OCR[i].Words
		}
	}
	return pages
}

// imageReason names the kind of failure of an image file.
func imageReason(err error) (reason, said string) {
	for _, r := range []struct {
		err    error
		reason string
	}{
		{pdf.ErrNeedsOCR, ReasonImageOCR},
		{pdf.ErrOCRFailed, ReasonImageFailed},
		{pdf.ErrTimeout, ReasonTimeout},
		{pdf.ErrMemoryLimit, ReasonPDFMemory},
		{pdf.ErrCrashed, ReasonCrashed},
	} {
		if errors.Is(err, r.err) {
			if strings.HasPrefix(err.Error(), r.err.Error()) {
				said = r.err.Error()
			}
			return r.reason, said
		}
	}
	return ReasonImageFailed, ""
}

// readSheets reads the worksheets of an XLSX workbook, one page each.
// sheetName names the worksheet of a CSV file as a spreadsheet program
// does: the file's name without its extension.
func sheetName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

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

// ReasonLimit is the reason of a file that exceeds a bound of its reader
// (a zip bomb, a page with too many elements, text past the limit).
const ReasonLimit = "超出大小限制 (size limit exceeded)"

// limitOr gives ReasonLimit when err is a reader's limit, else reason.
func limitOr(err error, reason string) string {
	if errors.Is(err, docx.ErrLimit) || errors.Is(err, html.ErrLimit) || errors.Is(err, sheet.ErrLimit) {
		return ReasonLimit
	}
	return reason
}

// pdfReason names the kind of PDF failure, for summaries that count files
// by reason, and gives the text of the reader's sentinel the reason says
// again; the error itself keeps the details.
func pdfReason(err error) (reason, said string) {
	for _, r := range []struct {
		err    error
		reason string
	}{
		{pdf.ErrPasswordRequired, ReasonPDFPassword},
		{pdf.ErrWrongPassword, ReasonPDFWrongPwd},
		{pdf.ErrNeedsOCR, ReasonPDFOCR},
		{pdf.ErrUndecodable, ReasonPDFUndecode},
		{pdf.ErrTimeout, ReasonPDFTimeout},
		{pdf.ErrMemoryLimit, ReasonPDFMemory},
		{pdf.ErrCrashed, ReasonPDFCrashed},
		{pdf.ErrDamaged, ReasonPDFDamaged},
		{pdf.ErrNotPDF, ReasonNotPDF},
	} {
		if errors.Is(err, r.err) {
			if strings.HasPrefix(err.Error(), r.err.Error()) {
				said = r.err.Error()
			}
			return r.reason, said
		}
	}
	return ReasonPDF, ""
}
