package pdf

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// checkBoxes says what is wrong with the boxes of a page's text: each box
// covers a stretch of one line, in order, without overlap, and has an area.
func checkBoxes(text string, boxes []Box) error {
	end := 0
	for i, b := range boxes {
		if b.Start < end || b.End <= b.Start || b.End > len(text) {
			return fmt.Errorf("box %d [%d,%d) out of order or outside the text (%d bytes, previous end %d)", i, b.Start, b.End, len(text), end)
		}
		if s := text[b.Start:b.End]; strings.ContainsAny(s, "\n\t") || strings.TrimSpace(s) != s {
			return fmt.Errorf("box %d holds a separator: %q", i, s)
		}
		if !(b.X1 > b.X0 && b.Y1 > b.Y0) {
			return fmt.Errorf("box %d %q has no area: %+v", i, text[b.Start:b.End], b)
		}
		end = b.End
	}
	return nil
}

// TestBoxesOfPrints: every print of the reference report gives, for the
// stated total 937.131003 万元 (the figure of its total-mismatch finding), a
// box on page 1 whose text is exactly the figure, inside the page, one em
// high; and every box of every page is a stretch of one line.
func TestBoxesOfPrints(t *testing.T) {
	// Where each print drew the figure, in points from the bottom left.
	want := map[string]Box{
		"01_lo_txt_default":               {Start: 1067, End: 1077, X0: 375, Y0: 446.89, X1: 435.11, Y1: 456.89},
		"02_lo_docx_notoserif16":          {Start: 1041, End: 1051, X0: 56.8, Y0: 220.47, X1: 139.36, Y1: 236.47},
		"03_lo_docx_fangsongGB2312_subst": {Start: 1041, End: 1051, X0: 56.8, Y0: 217.07, X1: 153.41, Y1: 233.07},
		"04_lo_odt_wqyzenhei12":           {Start: 1041, End: 1051, X0: 426.4, Y0: 419.65, X1: 494.6, Y1: 431.65},
		"05_lo_odt_wqymicrohei14":         {Start: 1043, End: 1053, X0: 481.6, Y0: 379.91, X1: 554.68, Y1: 393.91},
		"06_chromium_notoserif16":         {Start: 1048, End: 1058, X0: 33.75, Y0: 146.47, X1: 116.37, Y1: 163.37},
		"07_chromium_wqyzenhei12":         {Start: 1046, End: 1056, X0: 427.31, Y0: 363.81, X1: 495.67, Y1: 375.81},
		"08_cairo_wqyzenhei_identityH":    {Start: 1041, End: 1051, X0: 425.81, Y0: 419.71, X1: 493.86, Y1: 431.69},
	}
	for _, name := range printed {
		res, err := extractFile(t, Options{NoOCR: true}, "printed", name+".pdf")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(res.Boxes) != len(res.Pages) || len(res.Geometry) != len(res.Pages) {
			t.Fatalf("%s: %d pages, %d box lists, %d geometries", name, len(res.Pages), len(res.Boxes), len(res.Geometry))
		}
		for i, bs := range res.Boxes {
			if err := checkBoxes(res.Pages[i], bs); err != nil {
				t.Errorf("%s page %d: %v", name, i+1, err)
			}
		}
		var got []Box
		var pages []int
		for i, bs := range res.Boxes {
			for _, b := range bs {
				if res.Pages[i][b.Start:b.End] == "937.131003" {
					got, pages = append(got, b), append(pages, i+1)
				}
			}
		}
		if len(got) != 1 || pages[0] != 1 || got[0] != want[name] {
			t.Errorf("%s: boxes of 937.131003 %+v on pages %v, want %+v on page 1", name, got, pages, want[name])
			continue
		}
		g, b := res.Geometry[0], got[0]
		if b.X0 < g.CropBox[0] || b.X1 > g.CropBox[2] || b.Y0 < g.CropBox[1] || b.Y1 > g.CropBox[3] || g.Rotate != 0 {
			t.Errorf("%s: box %+v outside the page %+v", name, b, g)
		}
	}
}

// TestBoxesRotated: a line drawn up the page (a landscape table printed on
// a portrait page) comes back as a tall box in page space.
func TestBoxesRotated(t *testing.T) {
	// Baseline along +y at x=100, from y=200; 10 pt glyphs of advance 10.
	glyphs := []glyph{
		{text: "1", x: 100, y: 200, adv: 10, size: 10, dx: 0, dy: 1, seq: 0},
		{text: "2", x: 100, y: 210, adv: 10, size: 10, dx: 0, dy: 1, seq: 1},
	}
	lines := layoutLines(glyphs)
	text, boxes := renderPage(lines, 1.5)
	want := Box{Start: 0, End: 2, X0: 91.2, Y0: 200, X1: 101.2, Y1: 220}
	if text != "12" || len(boxes) != 1 || boxes[0] != want {
		t.Errorf("text %q boxes %+v, want %+v", text, boxes, want)
	}
}

// TestBoxesJSON: the boxes of every page of every print come back from
// their JSON as they were, and the JSON is the delta form.
func TestBoxesJSON(t *testing.T) {
	small := Boxes{{Start: 3, End: 13, X0: 375, Y0: 446.89, X1: 435.11, Y1: 456.89}, {Start: 14, End: 20, X0: 437.5, Y0: 446.89, X1: 470, Y1: 456.89}}
	b, err := json.Marshal(small)
	if want := "[3,10,37500,6011,44689,1000,1,6,239,3250,0,0]"; err != nil || string(b) != want {
		t.Fatalf("JSON %s %v, want %s", b, err, want)
	}
	for _, name := range printed {
		res, err := extractFile(t, Options{NoOCR: true}, "printed", name+".pdf")
		if err != nil {
			t.Fatal(err)
		}
		for i, bs := range res.Boxes {
			data, err := json.Marshal(bs)
			if err != nil {
				t.Fatal(err)
			}
			var back Boxes
			if err := json.Unmarshal(data, &back); err != nil || !slices.Equal(back, bs) {
				t.Fatalf("%s page %d: %v; %d boxes back of %d", name, i+1, err, len(back), len(bs))
			}
		}
	}
	for _, bad := range []string{`[1,2,3]`, `[0,0,0,1,0,1]`, `[-1,1,0,1,0,1]`, `[0,1,0,-1,0,1]`, `[0,1,0,1,0,-1]`, `{"s":1}`, `[0,1,0,1,0,1e300]`} {
		var bs Boxes
		if err := json.Unmarshal([]byte(bad), &bs); err == nil {
			t.Errorf("%s read as %+v", bad, bs)
		}
	}
}

// FuzzBoxesJSON reads any bytes as the JSON of a page's boxes: what is
// read is boxes in order, and writes back to the same boxes.
func FuzzBoxesJSON(f *testing.F) {
	f.Add([]byte("[3,10,37500,6011,44689,1000,1,6,239,3250,0,0]"))
	f.Add([]byte("[0,1,-100,0,-5,3]"))
	f.Add([]byte("null"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var bs Boxes
		if json.Unmarshal(data, &bs) != nil {
			return
		}
		end := 0
		for i, b := range bs {
			if b.Start < end || b.End <= b.Start || b.X1 < b.X0 || b.Y1 < b.Y0 {
				t.Fatalf("box %d %+v after end %d", i, b, end)
			}
			end = b.End
		}
		out, err := json.Marshal(bs)
		if err != nil {
			t.Fatal(err)
		}
		var back Boxes
		if err := json.Unmarshal(out, &back); err != nil || !slices.Equal(back, bs) {
			t.Fatalf("round trip of %s: %v", out, err)
		}
	})
}

// TestGeometryInherited: MediaBox and Rotate given by the page tree are the
// page's; a CropBox of its own narrows it; a landscape page drawn with a
// rotated matrix gives boxes in the page's own user space.
func TestGeometryInherited(t *testing.T) {
	data := buildPDF([]pdfObject{
		{body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{body: "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 /MediaBox [0 0 842 595] /Rotate 450 >>"},
		{body: "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R >>"},
		{body: "<< >>", stream: []byte("BT /F1 10 Tf 100 200 Td (Total 937.13) Tj ET")},
		{body: "<< /Type /Page /Parent 2 0 R /CropBox [10 20 410 520] /Rotate 0 /Resources << /Font << /F1 7 0 R >> >> /Contents 6 0 R >>"},
		{body: "<< >>", stream: []byte("BT /F1 10 Tf 0 1 -1 0 300 100 Tm (Total 937.13) Tj ET")},
		{body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
	})
	res, err := Extract(context.Background(), data, Options{InProcess: true, NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	wantGeom := []Geometry{
		{MediaBox: [4]float64{0, 0, 842, 595}, CropBox: [4]float64{0, 0, 842, 595}, Rotate: 90},
		{MediaBox: [4]float64{0, 0, 842, 595}, CropBox: [4]float64{10, 20, 410, 520}},
	}
	if !slices.Equal(res.Geometry, wantGeom) {
		t.Errorf("geometry %+v, want %+v", res.Geometry, wantGeom)
	}
	for i, p := range res.Pages {
		if p != "Total 937.13" || len(res.Boxes[i]) != 2 || p[res.Boxes[i][1].Start:res.Boxes[i][1].End] != "937.13" {
			t.Fatalf("page %d: %q, boxes %+v", i+1, p, res.Boxes[i])
		}
	}
	// Page 2 runs up the page from (300, 100): its figure's box is tall.
	if b := res.Boxes[1][1]; !(b.X1-b.X0 < b.Y1-b.Y0 && b.X0 > 290 && b.X1 <= 301.2 && b.Y0 > 100) {
		t.Errorf("rotated figure box %+v", b)
	}
}
