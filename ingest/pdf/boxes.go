package pdf

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	lpdf "github.com/ledongthuc/pdf"
)

// Where the text of a page was drawn: one Box per run of glyphs on a line
// (a run ends at a word or column gap and where CJK meets Latin or digits),
// so that a figure the extractor read can be shown boxed on the page itself.

// A Box is the rectangle, in PDF user space (y up, the units of the page's
// MediaBox), where the bytes Text[Start:End] of the page were drawn.
type Box struct {
	Start int     `json:"s"`
	End   int     `json:"e"`
	X0    float64 `json:"x0"`
	Y0    float64 `json:"y0"`
	X1    float64 `json:"x1"`
	Y1    float64 `json:"y1"`
}

// Geometry is what a viewer needs to place a Box on the page as shown: the
// page's MediaBox and CropBox ([x0 y0 x1 y1], user space; CropBox defaults
// to MediaBox) and its /Rotate in degrees clockwise (0, 90, 180, 270).
type Geometry struct {
	MediaBox [4]float64 `json:"media_box"`
	CropBox  [4]float64 `json:"crop_box"`
	Rotate   int        `json:"rotate,omitempty"`
}

// The part of the em above and below the baseline a box takes: CJK fonts
// put about 0.88 of it above.
const (
	ascent  = 0.88
	descent = 0.12
)

// a4 is the MediaBox of a page that gives none (the PDF default is US
// Letter, but these reports are printed on A4).
var a4 = [4]float64{0, 0, 595.28, 841.89}

// toPageSpace turns boxes from the reading frame of layoutLines (x along the
// dominant baseline direction (cos, sin), y down across it) back into user
// space, rounded to a hundredth of a unit.
func toPageSpace(boxes []Box, cos, sin float64) {
	for i := range boxes {
		b := &boxes[i]
		x0, x1 := math.Inf(1), math.Inf(-1)
		y0, y1 := math.Inf(1), math.Inf(-1)
		for _, c := range [4][2]float64{{b.X0, b.Y0}, {b.X1, b.Y0}, {b.X0, b.Y1}, {b.X1, b.Y1}} {
			// layoutLines: a = x·cos + y·sin, r = x·sin − y·cos.
			a, r := c[0], c[1]
			x := a*cos + r*sin
			y := a*sin - r*cos
			x0, x1 = math.Min(x0, x), math.Max(x1, x)
			y0, y1 = math.Min(y0, y), math.Max(y1, y)
		}
		b.X0, b.Y0, b.X1, b.Y1 = round2(x0), round2(y0), round2(x1), round2(y1)
	}
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// pageGeometry reads the MediaBox, CropBox and Rotate of a page, inherited
// from its ancestors in the page tree where the page does not give them.
func pageGeometry(p lpdf.Value) (g Geometry) {
	defer func() {
		if x := recover(); x != nil { // a damaged tree: the defaults
			notePanic(x)
			g = Geometry{MediaBox: a4, CropBox: a4}
		}
	}()
	media, crop, rotate := lpdf.Value{}, lpdf.Value{}, lpdf.Value{}
	v := p
	for i := 0; i < maxTreeDepth && v.Kind() == lpdf.Dict; i++ {
		if media.IsNull() {
			if m := v.Key("MediaBox"); m.Kind() == lpdf.Array {
				media = m
			}
		}
		if crop.IsNull() {
			if c := v.Key("CropBox"); c.Kind() == lpdf.Array {
				crop = c
			}
		}
		if rotate.IsNull() {
			if r := v.Key("Rotate"); r.Kind() == lpdf.Integer || r.Kind() == lpdf.Real {
				rotate = r
			}
		}
		v = v.Key("Parent")
	}
	var ok bool
	if g.MediaBox, ok = rect(media); !ok {
		g.MediaBox = a4
	}
	if g.CropBox, ok = rect(crop); !ok {
		g.CropBox = g.MediaBox
	}
	if !rotate.IsNull() {
		r := int(math.Round(rotate.Float64()))
		g.Rotate = ((r % 360) + 360) % 360 / 90 * 90
	}
	return g
}

// rect reads [x0 y0 x1 y1] in normal form (x0 < x1, y0 < y1).
func rect(v lpdf.Value) ([4]float64, bool) {
	if v.Kind() != lpdf.Array || v.Len() != 4 {
		return [4]float64{}, false
	}
	var r [4]float64
	for i := range r {
		e := v.Index(i)
		if e.Kind() != lpdf.Integer && e.Kind() != lpdf.Real {
			return [4]float64{}, false
		}
		r[i] = e.Float64()
		if math.IsNaN(r[i]) || math.IsInf(r[i], 0) {
			return [4]float64{}, false
		}
	}
	if r[0] > r[2] {
		r[0], r[2] = r[2], r[0]
	}
	if r[1] > r[3] {
		r[1], r[3] = r[3], r[1]
	}
	if r[2]-r[0] <= 0 || r[3]-r[1] <= 0 {
		return [4]float64{}, false
	}
	return r, true
}

// Boxes are the boxes of one page, in the order of their text. As JSON
// (they are stored with the pages of every PDF report) they are one flat
// array of integers, six per box, each in hundredths of a unit and counted
// from the box before: start − previous end, end − start, x0 − previous
// x1, x1 − x0, y0 − previous y0, height − previous height. Runs on one line
// share their baseline, so most of these are small or zero: 2.3 KB
// deflated for the 882 boxes of a 10-page print, against 12.7 KB as
// objects.
type Boxes []Box

// MarshalJSON writes the delta form.
func (bs Boxes) MarshalJSON() ([]byte, error) {
	if bs == nil {
		return []byte("null"), nil
	}
	out := make([]byte, 0, 16*len(bs)+2)
	out = append(out, '[')
	var prev [4]int64 // end, x1, y0, height of the box before
	for i, b := range bs {
		x0, y0, x1, y1 := hundredths(b.X0), hundredths(b.Y0), hundredths(b.X1), hundredths(b.Y1)
		for k, v := range [6]int64{int64(b.Start) - prev[0], int64(b.End - b.Start), x0 - prev[1], x1 - x0, y0 - prev[2], (y1 - y0) - prev[3]} {
			if i > 0 || k > 0 {
				out = append(out, ',')
			}
			out = strconv.AppendInt(out, v, 10)
		}
		prev = [4]int64{int64(b.End), x1, y0, y1 - y0}
	}
	return append(out, ']'), nil
}

// UnmarshalJSON reads the delta form, and refuses one whose offsets go
// backwards or whose boxes have no extent.
func (bs *Boxes) UnmarshalJSON(data []byte) error {
	var vs []int64
	if err := json.Unmarshal(data, &vs); err != nil {
		return fmt.Errorf("boxes: %w", err)
	}
	if vs == nil {
		*bs = nil
		return nil
	}
	if len(vs)%6 != 0 {
		return fmt.Errorf("boxes: %d numbers, not six per box", len(vs))
	}
	const limit = 1 << 40 // far beyond any page: no overflow below
	out := make(Boxes, 0, len(vs)/6)
	var prev [4]int64
	for i := 0; i < len(vs); i += 6 {
		v := vs[i : i+6]
		for _, x := range v {
			if x < -limit || x > limit {
				return fmt.Errorf("boxes: box %d: value %d out of range", i/6, x)
			}
		}
		start := prev[0] + v[0]
		end := start + v[1]
		x0 := prev[1] + v[2]
		x1 := x0 + v[3]
		y0 := prev[2] + v[4]
		h := prev[3] + v[5]
		if v[0] < 0 || v[1] <= 0 || v[3] < 0 || h < 0 || end > limit || x0 < -limit || x0 > limit || y0 < -limit || y0 > limit || h > limit {
			return fmt.Errorf("boxes: box %d is out of order or has no extent", i/6)
		}
		out = append(out, Box{Start: int(start), End: int(end), X0: float64(x0) / 100, Y0: float64(y0) / 100,
			X1: float64(x1) / 100, Y1: float64(y0+h) / 100})
		prev = [4]int64{end, x1, y0, h}
	}
	*bs = out
	return nil
}

func hundredths(v float64) int64 { return int64(math.Round(v * 100)) }
