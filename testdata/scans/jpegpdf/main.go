// Command jpegpdf puts JPEG images into a PDF, one page each, the JPEG's
// bytes stored as they are (DCTDecode), on a page whose size is the image at
// the resolution given: a PDF of page images as a scanner writes one.
//
//	go run ./testdata/scans/jpegpdf -dpi 300 -o out.pdf page1.jpg page2.jpg …
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	_ "image/jpeg"
	"log"
	"os"
)

func main() {
	dpi := flag.Float64("dpi", 300, "resolution of the images")
	out := flag.String("o", "", "the PDF to write")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		log.Fatal("usage: jpegpdf -dpi N -o out.pdf a.jpg b.jpg …")
	}
	var objs [][]byte
	add := func(b []byte) int { objs = append(objs, b); return len(objs) }
	add(nil) // 1: catalog
	add(nil) // 2: pages
	var kids bytes.Buffer
	for _, path := range flag.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			log.Fatal(err)
		}
		c, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			log.Fatalf("%s: %v", path, err)
		}
		cs := "/DeviceRGB"
		w, h := float64(c.Width)*72 / *dpi, float64(c.Height)*72 / *dpi
		img := add(append(append([]byte(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n",
			c.Width, c.Height, grayOrRGB(data, cs), len(data))), data...), "\nendstream"...))
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", w, h)
		cont := add([]byte(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)))
		page := add([]byte(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>",
			w, h, img, cont)))
		fmt.Fprintf(&kids, "%d 0 R ", page)
	}
	objs[0] = []byte("<< /Type /Catalog /Pages 2 0 R >>")
	objs[1] = []byte(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", bytes.TrimSpace(kids.Bytes()), flag.NArg()))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}

// grayOrRGB reads the number of components from the JPEG's SOF marker.
func grayOrRGB(data []byte, guess string) string {
	for i := 2; i+9 < len(data); {
		if data[i] != 0xFF {
			return guess
		}
		m := data[i+1]
		n := int(data[i+2])<<8 | int(data[i+3])
		if m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC {
			if data[i+9] == 1 {
				return "/DeviceGray"
			}
			return "/DeviceRGB"
		}
		i += 2 + n
	}
	return guess
}
