package synth

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

// Generate writes n reports into dir (created if missing) and dir/truth.jsonl
// with one Truth per report, in order, and returns the truths. The output is
// the same, byte for byte, for the same Options; report i does not depend on n.
// Report i is unit i/11 in year 2015 + i%11, so every unit recurs across years.
func Generate(dir string, n int, opt Options) ([]Truth, error) {
	opt, err := opt.resolved()
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, fmt.Errorf("synth: negative count %d", n)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	units := buildUnits(opt.Seed, (n+yearsPerUnit-1)/yearsPerUnit)
	truths := make([]Truth, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				t, data, err := render(units, i, opt)
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, t.File), data, 0o644)
				}
				if err != nil {
					errs[i] = fmt.Errorf("synth: report %d: %w", i+1, err)
				}
				truths[i] = t
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := writeTruthFile(filepath.Join(dir, "truth.jsonl"), truths); err != nil {
		return nil, fmt.Errorf("synth: truth: %w", err)
	}
	return truths, nil
}

// writeTruthFile writes truth.jsonl through a temporary file, so a reader
// never sees half of it.
func writeTruthFile(path string, truths []Truth) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".truth-*.jsonl")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after the rename this fails harmlessly
	w := bufio.NewWriterSize(f, 1<<20)
	if err := encodeTruth(w, truths); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// render makes report i: its truth and the bytes of its file.
func render(units []*unit, i int, opt Options) (Truth, []byte, error) {
	r := newRNG(opt.Seed, streamReport, i)
	u := units[i/yearsPerUnit]
	year := firstYear + i%yearsPerUnit
	weights := make([]float64, len(opt.Formats))
	for k, f := range opt.Formats {
		weights[k] = formatWeights[f]
	}
	format := opt.Formats[r.weighted(weights...)]
	var doc *document
	var t Truth
	if r.chance(opt.TableShare) {
		doc, t = writeTable(planTable(u, year, opt, r), r)
	} else {
		doc, t = writeNarrative(planNarrative(u, year, opt, r), r)
	}
	t.Format = format
	data, ext, err := encode(doc, &t, format, r)
	t.File = fmt.Sprintf("%05d-%s-%d%s", i+1, u.name, year, ext)
	return t, data, err
}

// encode writes a document in a format and gives the file extension.
func encode(doc *document, t *Truth, format string, r rng) ([]byte, string, error) {
	plain := textStyle{sep: "\n\n", indent: "　　"}
	if r.chance(0.4) {
		plain.sep = "\n"
	}
	if !r.chance(0.3) {
		plain.indent = ""
	}
	switch format {
	case "md":
		return []byte(renderText(doc, textStyle{markdown: true, sep: "\n\n"})), ".md", nil
	case "gb18030":
		data, err := encodeGB18030(crlf(renderText(doc, plain)))
		return data, ".txt", err
	case "utf16":
		data, err := encodeUTF16LE(crlf(renderText(doc, plain)))
		return data, ".txt", err
	case "html":
		return []byte(renderHTML(doc, t, r)), ".html", nil
	case "docx":
		modified := time.Date(t.Year+1, time.March, 1+r.IntN(28), 9, 0, 0, 0, time.UTC)
		data, err := renderDOCX(doc, modified, r)
		return data, ".docx", err
	}
	text := renderText(doc, plain)
	if r.chance(0.2) {
		text = "\ufeff" + text
	}
	return []byte(text), ".txt", nil
}
