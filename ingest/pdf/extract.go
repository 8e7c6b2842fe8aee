package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/jixiao/jixiao/ingest/ocr"
)

// extractInProcess is the whole extraction in this process: repair, decrypt,
// open, read each page, retry on a rebuilt file when that reads more.
func extractInProcess(ctx context.Context, data []byte, opt Options) (res Result, err error) {
	password := opt.Password
	defer func() {
		if x := recover(); x != nil {
			notePanic(x)
			res, err = Result{}, fmt.Errorf("%w: %v", ErrDamaged, x)
		}
	}()
	norm, notes, err := normalize(data)
	if err != nil {
		return Result{}, err
	}
	if looksEncrypted(norm) {
		dec, err := decrypt(norm, password)
		if err != nil && !errors.Is(err, ErrPasswordRequired) && !errors.Is(err, ErrWrongPassword) {
			// The structure may be what fails: rebuild it and try again.
			if rebuilt, _, rerr := rebuildXref(norm); rerr == nil {
				if dec2, err2 := decrypt(rebuilt, password); err2 == nil {
					dec, err = dec2, nil
				}
			}
		}
		if err != nil {
			return Result{}, err
		}
		norm = dec
	}

	if bytes.Contains(norm, []byte("/Extends")) { // see checkStructure
		norm = bytes.ReplaceAll(norm, []byte("/Extends"), []byte("/Extendz"))
	}
	var best *attempt
	if err := checkStructure(norm); err != nil {
		best = &attempt{err: fmt.Errorf("%w: %w: %v", ErrDamaged, errHostileStructure, err)}
	} else {
		best = readAttempt(ctx, norm)
	}
	// The reason given when nothing works is that of the rebuild, which
	// looked at every byte.
	var repairErr error
	if best.needsRetry() && ctx.Err() == nil {
		if rebuilt, n, rerr := rebuildXref(norm); rerr == nil {
			r := readAttempt(ctx, rebuilt)
			r.notes = append(r.notes, fmt.Sprintf("交叉引用表已重建，找到 %d 个对象 (xref rebuilt)", n))
			best = better(best, r)
			repairErr = r.err
		} else {
			repairErr = rerr
		}
	}
	if best.needsRetry() && ctx.Err() == nil {
		if rewritten, rerr := rewrite(ctx, norm, password); rerr == nil {
			r := readAttempt(ctx, rewritten)
			r.notes = append(r.notes, "文件已由 pdfcpu 重写 (rewritten by pdfcpu)")
			best = better(best, r)
		}
	}
	if ctx.Err() != nil {
		return Result{}, fmt.Errorf("%w: %v", ErrTimeout, ctx.Err())
	}
	if best.err != nil && best.runes == 0 {
		err := best.err
		if repairErr != nil {
			err = repairErr
		}
		if errors.Is(err, ErrDamaged) && !bytes.Contains(norm, []byte("%%EOF")) {
			return Result{}, fmt.Errorf("%w: 文件不完整，可能被截断 (truncated file); %s", ErrDamaged,
				strings.TrimPrefix(err.Error(), ErrDamaged.Error()+": "))
		}
		return Result{}, err
	}
	return best.result(ctx, notes, opt)
}

// attempt is one reading of the file.
type attempt struct {
	lines    [][]line
	geometry []Geometry
	images   []int
	failed   int // pages the parser could not read
	runes    int // letters and digits read
	warnings []string
	notes    []string
	doc      *document
	data     []byte // the bytes read (repaired, rebuilt or rewritten)
	err      error
}

func (a *attempt) needsRetry() bool { return a.err != nil || a.failed > 0 || a.runes == 0 }

// better prefers the attempt that read more text.
func better(a, b *attempt) *attempt {
	if b.err == nil && (a.err != nil || b.runes > a.runes || b.runes == a.runes && b.failed < a.failed) {
		return b
	}
	return a
}

func readAttempt(ctx context.Context, data []byte) *attempt {
	a := &attempt{data: data}
	doc, err := openDocument(data)
	if err != nil {
		a.err = err
		return a
	}
	a.doc = doc
	pages, warnings, err := doc.pages()
	a.warnings = append(a.warnings, warnings...)
	if err != nil {
		a.err = err
		return a
	}
	for i, p := range pages {
		if ctx.Err() != nil {
			a.err = fmt.Errorf("%w: %v", ErrTimeout, ctx.Err())
			return a
		}
		glyphs, images, errs := doc.pageContent(p)
		for _, e := range errs {
			a.warnings = append(a.warnings, fmt.Sprintf("第 %d 页: %s", i+1, e))
			if strings.Contains(e, "page damaged") || strings.Contains(e, "content stream damaged") {
				a.failed++
			}
		}
		ls := layoutLines(glyphs)
		a.lines = append(a.lines, ls)
		a.geometry = append(a.geometry, pageGeometry(p.v))
		a.images = append(a.images, images)
		for _, l := range ls {
			for _, r := range l.text {
				if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Han, r) { // Han: radicals too, folded later by ingest
					a.runes++
				}
			}
		}
	}
	return a
}

// result renders the pages and says what a reader should know.
// Pages without a text layer that hold images are read by OCR, unless
// opt.NoOCR; pages with a text layer never are.
func (a *attempt) result(ctx context.Context, notes []string, opt Options) (Result, error) {
	res := Result{Warnings: append(append(notes, a.notes...), a.warnings...)}
	dropFurniture(a.lines)
	pitch := linePitch(a.lines)
	var noText []int
	res.Geometry = a.geometry
	res.Boxes = make([]Boxes, len(a.lines))
	for i, ls := range a.lines {
		text, boxes := renderPage(ls, pitch)
		res.Pages = append(res.Pages, text)
		res.Boxes[i] = boxes
		if strings.TrimSpace(text) == "" && a.images[i] > 0 {
			noText = append(noText, i+1)
		}
	}
	fonts := a.fonts()
	needs := "需要 OCR (needs OCR)"
	if len(noText) > 0 {
		read, warnings, err := errNoOCR, []string(nil), error(nil)
		if !opt.NoOCR {
			var got map[int]ocr.Page
			got, warnings, err = ocrPages(ctx, a.data, noText, ocr.Options{MemoryLimit: opt.MemoryLimit})
			read = err
			if ctx.Err() != nil {
				return Result{}, fmt.Errorf("%w: %v", ErrTimeout, ctx.Err())
			}
			if len(got) > 0 {
				res.OCR = make([]PageOCR, len(res.Pages))
				var done []int
				for _, pg := range noText {
					p, ok := got[pg]
					if !ok {
						continue
					}
					res.Pages[pg-1] = p.Text
					res.Boxes[pg-1] = nil // OCR words have no boxes here
					res.OCR[pg-1] = PageOCR{OCR: true, Words: p.Words}
					done = append(done, pg)
					for _, r := range p.Text {
						if unicode.IsLetter(r) || unicode.IsDigit(r) {
							a.runes++
						}
					}
				}
				res.Warnings = append(res.Warnings, fmt.Sprintf("第 %s 页没有文字层，已用 OCR 读出，数字请核对原件 (pages read by OCR)", joinInts(done)))
				noText = slicesDelete(noText, done)
			}
		}
		res.Warnings = append(res.Warnings, warnings...)
		if errors.Is(read, ocr.ErrNotInstalled) {
			needs = "需要 OCR，请安装 Tesseract：" + ocr.InstallHint + " (needs OCR)"
		}
	}
	if a.runes == 0 {
		// Glyphs were drawn but none maps to a character (no ToUnicode, an
		// unknown encoding): the text layer exists and cannot be decoded.
		// That is not a scan, and OCR is not what the reader should be told.
		unmapped := 0
		for _, f := range fonts {
			unmapped += f.unmapped
		}
		if unmapped > 0 {
			return res, fmt.Errorf("%w: %d 种字符无法转为文字 (%d glyphs unmapped)", ErrUndecodable, unmapped, unmapped)
		}
		if strings.Contains(needs, ocr.InstallHint) {
			return res, fmt.Errorf("%w: %d 页都没有可读的文字 (no page has text)；请安装 Tesseract：%s", ErrNeedsOCR, len(res.Pages), ocr.InstallHint)
		}
		return res, fmt.Errorf("%w: %d 页都没有可读的文字 (no page has text)", ErrNeedsOCR, len(res.Pages))
	}
	if len(noText) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("第 %s 页没有文字层，可能是扫描页，%s", joinInts(noText), strings.Replace(needs, "(needs OCR)", "(pages without text, needs OCR)", 1)))
	}
	for _, f := range fonts {
		if f.unmapped > 0 {
			name := f.baseFont
			if name == "" {
				name = "?"
			}
			res.Warnings = append(res.Warnings, fmt.Sprintf("字体 %s 有 %d 种字符无法转为文字 (unmapped glyphs)", name, f.unmapped))
		}
	}
	return res, nil
}

// fonts are the fonts the attempt used, by name.
func (a *attempt) fonts() []*font {
	var fonts []*font
	if a.doc != nil {
		for _, f := range a.doc.fonts {
			fonts = append(fonts, f)
		}
		for _, f := range a.doc.fontsByID {
			fonts = append(fonts, f)
		}
	}
	sort.SliceStable(fonts, func(i, j int) bool { return fonts[i].baseFont < fonts[j].baseFont })
	return fonts
}

// slicesDelete is ns without the numbers in del.
func slicesDelete(ns, del []int) []int {
	var out []int
	for _, n := range ns {
		if !slices.Contains(del, n) {
			out = append(out, n)
		}
	}
	return out
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	if len(s) > 20 {
		s = append(s[:20], "…")
	}
	return strings.Join(s, "、")
}
