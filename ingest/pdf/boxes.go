package pdf

import (
	"math"

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
