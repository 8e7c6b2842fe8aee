package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the sizes of extracted images
	_ "image/png"
	"io"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"
	_ "golang.org/x/image/tiff"

	"github.com/jixiao/jixiao/ingest/ocr"
)

// PageOCR says how a page's text was read: by OCR of its images, with the
// confidence of each word (byte ranges in the page's text), or from its
// text layer (OCR false).
type PageOCR struct {
	OCR   bool
	Words []ocr.Word
}

// Images smaller than this on either side are not a scan of the page (a
// logo, a stamp, a rule drawn as an image).
const minScanSide = 200

// ocrPages reads the images of the given pages (1-based) as they are
// stored in the file (a JPEG as its own bytes; other encodings as pdfcpu
// decodes them into PNG or TIFF), never rendering the page, and has
// tesseract read them. A page of several images gives their texts in turn.
func ocrPages(ctx context.Context, data []byte, pages []int, opt ocr.Options) (map[int]ocr.Page, []string, error) {
	if len(pages) == 0 {
		return nil, nil, nil
	}
	if err := checkOCR(); err != nil {
		return nil, nil, err
	}
	images, err := pageImages(ctx, data, pages)
	if err != nil {
		return nil, nil, err
	}
	out := map[int]ocr.Page{}
	var warnings []string
	for _, pg := range pages {
		var page ocr.Page
		for _, img := range images[pg] {
			if err := ctx.Err(); err != nil {
				return out, warnings, err
			}
			o := opt
			o.DPI = img.dpi
			got, err := ocr.Recognize(ctx, img.data, o)
			if err != nil {
				if ctx.Err() != nil {
					return out, warnings, ctx.Err()
				}
				warnings = append(warnings, fmt.Sprintf("第 %d 页: %v", pg, err))
				continue
			}
			for _, p := range got {
				page = appendPage(page, p)
			}
		}
		if len(images[pg]) == 0 {
			warnings = append(warnings, fmt.Sprintf("第 %d 页: 图像无法取出，未能 OCR (page image not extracted)", pg))
			continue
		}
		out[pg] = page
	}
	return out, warnings, nil
}

// appendPage adds the text of one image to a page read from several.
func appendPage(page, p ocr.Page) ocr.Page {
	if p.Text == "" {
		return page
	}
	off := 0
	if page.Text != "" {
		page.Text += "\n\n"
		off = len(page.Text)
	}
	page.Text += p.Text
	for _, w := range p.Words {
		page.Words = append(page.Words, ocr.Word{Start: w.Start + off, End: w.End + off, Conf: w.Conf})
	}
	return page
}

// pageImage is one image of a page as stored, and its resolution on the
// page (pixels per inch of the page's width; 0 when unknown).
type pageImage struct {
	data []byte
	dpi  int
}

// PageImage is an image of a page as the file stores it (a JPEG as its own
// bytes; other encodings as PNG or TIFF), and its resolution on the page.
type PageImage struct {
	Data []byte
	DPI  int
}

// PageImages are the images that OCR reads on each page (1-based) of a
// PDF: those large enough to be a scan of the page.
func PageImages(ctx context.Context, data []byte) (map[int][]PageImage, error) {
	norm, _, err := normalize(data)
	if err != nil {
		return nil, err
	}
	imgs, err := pageImages(ctx, norm, nil)
	out := map[int][]PageImage{}
	for pg, is := range imgs {
		for _, im := range is {
			out[pg] = append(out[pg], PageImage{im.data, im.dpi})
		}
	}
	return out, err
}

// pageImages are the images large enough to be a scan on each of the given
// pages (nil: every page), in the order of their objects.
func pageImages(ctx context.Context, data []byte, pages []int) (out map[int][]pageImage, err error) {
	defer func() {
		if x := recover(); x != nil {
			notePanic(x)
			out, err = nil, fmt.Errorf("%w: 图像无法取出 (images not extracted): %v", ErrDamaged, x)
		}
	}()
	pc, err := pdfcpu.ReadWithContext(ctx, bytes.NewReader(data), pdfcpuConfig("", model.EXTRACTIMAGES))
	if err != nil {
		return nil, fmt.Errorf("%w: 图像无法取出 (images not extracted): %s", ErrDamaged, cleanDetail(err.Error()))
	}
	if err := validate.XRefTable(pc); err != nil {
		return nil, fmt.Errorf("%w: 图像无法取出 (images not extracted): %s", ErrDamaged, cleanDetail(err.Error()))
	}
	if err := pdfcpu.OptimizeXRefTable(pc); err != nil {
		return nil, fmt.Errorf("%w: 图像无法取出 (images not extracted): %s", ErrDamaged, cleanDetail(err.Error()))
	}
	dims, _ := pc.PageDims()
	if pages == nil {
		for i := range pc.PageCount {
			pages = append(pages, i+1)
		}
	}
	out = map[int][]pageImage{}
	for _, pg := range pages {
		if pg < 1 || pg > pc.PageCount {
			continue
		}
		m, err := pdfcpu.ExtractPageImages(pc, pg, false)
		if err != nil && len(m) == 0 {
			continue
		}
		nrs := make([]int, 0, len(m))
		for nr := range m {
			nrs = append(nrs, nr)
		}
		sort.Ints(nrs)
		for _, nr := range nrs {
			img := m[nr]
			if img.Thumb || img.IsImgMask || img.Reader == nil {
				continue
			}
			b, err := io.ReadAll(io.LimitReader(img.Reader, 256<<20))
			if err != nil || len(b) == 0 {
				continue
			}
			// pdfcpu leaves the size out of what it extracts: the image's own header has it
			dpi := 0
			if c, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil {
				if c.Width < minScanSide || c.Height < minScanSide {
					continue
				}
				// A scan fills its page: its resolution is its width over
				// the page's (tesseract guesses badly without one).
				if pg <= len(dims) && dims[pg-1].Width > 0 {
					w := dims[pg-1].Width
					if dims[pg-1].Width > dims[pg-1].Height != (c.Width > c.Height) {
						w = dims[pg-1].Height // the page is rotated
					}
					dpi = int(float64(c.Width) * 72 / w)
				}
			}
			out[pg] = append(out[pg], pageImage{b, dpi})
		}
	}
	return out, nil
}

// checkOCR tells whether tesseract is there (a variable: tests take it away).
var checkOCR = ocr.Check

// errNoOCR: OCR was not asked for (Options.NoOCR).
var errNoOCR = errors.New("OCR disabled")

// OCRImage reads an image file (JPEG, PNG, TIFF and multi-page TIFF, WebP)
// with tesseract in the same isolated child process as a PDF, under the
// same deadline and memory limit: one page per image (per TIFF page). Without
// tesseract the error is ErrNeedsOCR, saying what to install.
func OCRImage(ctx context.Context, data []byte, opt Options) (Result, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MemoryLimit <= 0 {
		opt.MemoryLimit = DefaultMemoryLimit
	}
	if err := checkOCR(); err != nil || opt.NoOCR {
		return Result{}, fmt.Errorf("%w: 图像文件没有文字层；请安装 Tesseract：%s", ErrNeedsOCR, ocr.InstallHint)
	}
	if opt.InProcess {
		ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
		return ocrImageInProcess(ctx, data, opt)
	}
	return runIsolated(ctx, childRequest{Data: data, Image: true, MemoryLimit: opt.MemoryLimit, Timeout: opt.Timeout}, opt)
}

func ocrImageInProcess(ctx context.Context, data []byte, opt Options) (Result, error) {
	pages, err := ocr.Recognize(ctx, data, ocr.Options{MemoryLimit: opt.MemoryLimit})
	if ctx.Err() != nil {
		return Result{}, fmt.Errorf("%w: %v", ErrTimeout, ctx.Err())
	}
	if errors.Is(err, ocr.ErrNotInstalled) {
		return Result{}, fmt.Errorf("%w: 图像文件没有文字层；请安装 Tesseract：%s", ErrNeedsOCR, ocr.InstallHint)
	}
	if err != nil {
		return Result{}, fmt.Errorf("%w: %v", ErrOCRFailed, err)
	}
	res := Result{Warnings: []string{"图像文件，已用 OCR 读出，数字请核对原件 (read by OCR)"}}
	for _, p := range pages {
		res.Pages = append(res.Pages, p.Text)
		res.OCR = append(res.OCR, PageOCR{OCR: true, Words: p.Words})
	}
	return res, nil
}

// ErrOCRFailed: tesseract could not read the image.
var ErrOCRFailed = errors.New("图像无法识别 (OCR failed)")
