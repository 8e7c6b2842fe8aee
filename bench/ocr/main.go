// Command ocr measures how jixiao reads scanned reports: the scans of
// testdata/scans (real documents rasterised at 150, 200 and 300 dpi, turned
// slightly, with noise and JPEG compression, put back into PDFs as images;
// see its README) are read by OCR and compared with their sources read from
// their text. Per resolution: the share of figures read exactly, the share
// of characters right, and the wrong figures that no finding names and that
// are not flagged as a possible reading error (silent: there should be none).
// With -timing, the OCR time per page against tesseract run alone on the
// same page images.
//
//	go run ./bench/ocr                 # every scan
//	go run ./bench/ocr -dpi 300 -v     # one resolution, every wrong figure listed
//	go run ./bench/ocr -timing         # and the time per page against tesseract alone
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/jixiao/jixiao/ingest/ocr"
	"github.com/jixiao/jixiao/ingest/pdf"
)

func main() {
	dir := flag.String("dir", "testdata/scans", "the scans and their sources.tsv")
	dpi := flag.Int("dpi", 0, "only scans of this resolution")
	only := flag.String("only", "", "only scans whose file name contains this")
	verbose := flag.Bool("v", false, "list every wrong figure")
	timing := flag.Bool("timing", false, "time tesseract alone on the same page images")
	dump := flag.String("dump", "", "write the text OCR read of each scan into this folder")
	flag.Parse()
	if err := ocr.Check(); err != nil {
		fmt.Fprintln(os.Stderr, "ocr:", err)
		os.Exit(2)
	}
	scans, err := Scans(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ocr:", err)
		os.Exit(2)
	}
	type total struct{ figs, exact, chars, right, wrong, missing, silent, pages int }
	per := map[int]*total{}
	var dpis []int
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "scan\tdpi\tfigures exact\tcharacters right\twrong\tmissing\tsilent\ts/page\ttesseract alone s/page")
	for _, s := range scans {
		if *dpi != 0 && s.DPI != *dpi || *only != "" && !strings.Contains(filepath.Base(s.File), *only) {
			continue
		}
		m, err := Run(context.Background(), s)
		if err != nil {
			fmt.Fprintln(os.Stderr, "ocr:", s.File, err)
			os.Exit(1)
		}
		if *dump != "" {
			os.MkdirAll(*dump, 0o755)
			os.WriteFile(filepath.Join(*dump, filepath.Base(s.File)+".txt"), []byte(m.Text), 0o644)
		}
		alone := "-"
		if *timing {
			if d, n, err := tesseractAlone(s.File); err == nil && n > 0 {
				alone = fmt.Sprintf("%.2f", d.Seconds()/float64(n))
			} else if err != nil {
				alone = err.Error()
			}
		}
		t := per[s.DPI]
		if t == nil {
			t = &total{}
			per[s.DPI] = t
			dpis = append(dpis, s.DPI)
		}
		t.figs += m.Figures
		t.exact += m.Exact
		t.chars += m.Chars
		t.right += m.Right
		t.wrong += len(m.Wrong)
		t.missing += len(m.Missing)
		t.silent += len(m.Silent)
		t.pages += m.Pages
		fmt.Fprintf(tw, "%s\t%d\t%d/%d (%s)\t%d/%d (%s)\t%d\t%d\t%d\t%.2f\t%s\n", filepath.Base(s.File), s.DPI, m.Exact, m.Figures,
			pct(m.Exact, m.Figures), m.Right, m.Chars, pct(m.Right, m.Chars), len(m.Wrong), len(m.Missing), len(m.Silent),
			m.Elapsed.Seconds()/float64(max(m.Pages, 1)), alone)
		if *verbose {
			for _, w := range append(m.Wrong, m.Missing...) {
				mark := ""
				for _, x := range m.Silent {
					if x == w {
						mark = "  SILENT"
					}
				}
				fmt.Fprintf(tw, "  %s%s\n", w, mark)
			}
			for _, f := range m.Findings {
				fmt.Fprintf(tw, "  finding %s %s: %s\n", f.Severity, f.Rule, f.Message)
			}
		}
	}
	tw.Flush()
	fmt.Println()
	tw = tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "dpi\tpages\tfigures exact\tcharacters right\twrong figures\tnot read\tsilent wrong figures")
	for _, d := range dpis {
		t := per[d]
		fmt.Fprintf(tw, "%d\t%d\t%d/%d (%s)\t%d/%d (%s)\t%d\t%d\t%d\n", d, t.pages, t.exact, t.figs, pct(t.exact, t.figs),
			t.right, t.chars, pct(t.right, t.chars), t.wrong, t.missing, t.silent)
	}
	tw.Flush()
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

// tesseractAlone runs the tesseract program alone, as jixiao runs it, on
// the page images of a scan as the file stores them.
func tesseractAlone(file string) (time.Duration, int, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, err
	}
	var images []pdf.PageImage
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		pages, err := pdf.PageImages(context.Background(), data)
		if err != nil {
			return 0, 0, err
		}
		for pg := 1; pg <= len(pages); pg++ {
			images = append(images, pages[pg]...)
		}
	} else {
		images = []pdf.PageImage{{Data: data}}
	}
	start := time.Now()
	for _, im := range images {
		for _, args := range [][]string{ocr.Args(im.DPI), ocr.NumberArgs(im.DPI)} {
			if args == nil {
				continue
			}
			cmd := exec.Command("tesseract", args...)
			cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
			cmd.Stdin = bytes.NewReader(im.Data)
			if err := cmd.Run(); err != nil {
				return 0, 0, err
			}
		}
	}
	return time.Since(start), len(images), nil
}
