package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // image.Decode reads JPEG logos
	"image/png"
	"math"

	"github.com/coibrief/coibrief/model"
)

// Paper is a page size.
type Paper uint8

// Page sizes, portrait.
const (
	A4     Paper = iota // 210 × 297 mm
	Letter              // US Letter, 8.5 × 11 in (215.9 × 279.4 mm)
)

var papers = [...]struct {
	name string
	w, h float64 // mm
	fpdf string  // fpdf's name, whose size in points it knows
}{
	A4:     {"a4", 210, 297, "A4"},
	Letter: {"letter", 215.9, 279.4, "Letter"},
}

func (p Paper) String() string {
	if int(p) < len(papers) {
		return papers[p].name
	}
	return fmt.Sprintf("paper(%d)", uint8(p))
}

// ParsePaper parses "a4" or "letter".
func ParsePaper(s string) (Paper, error) {
	for i, p := range papers {
		if p.name == s {
			return Paper(i), nil
		}
	}
	return 0, fmt.Errorf("pdf: %w: paper %q (want a4 or letter)", ErrOptions, s)
}

// Margins are the margins around the body of a page, in millimetres. The
// running head is set in the top margin, 10 mm above the body, and the
// running foot in the bottom margin, 11 mm below it. A side left at zero
// takes its default, DefaultMargins'.
type Margins struct {
	Top, Right, Bottom, Left float64
}

// DefaultMargins are the margins of the zero Options.
var DefaultMargins = Margins{Top: 24, Right: 22, Bottom: 21, Left: 22}

// Bounds of the margins and of the body they leave, in millimetres: the
// running head and foot need 15 mm, and the tables, chart and map a body
// at least 120 mm wide and 180 mm high.
const (
	minMargin     = 10.0
	minHeadMargin = 15.0
	maxMargin     = 60.0
	minBodyW      = 120.0
	minBodyH      = 180.0
)

// geometry is the layout of a page, in millimetres from its top-left
// corner.
type geometry struct {
	pageW, pageH        float64
	marginL, marginR    float64
	bodyTop, bodyBottom float64 // where the body starts and ends
	textW               float64 // pageW - marginL - marginR
}

// a4 is the geometry of the zero Options.
var a4 = geometry{pageW: 210, pageH: 297, marginL: 22, marginR: 22, bodyTop: 24, bodyBottom: 276, textW: 166}

// headY and footY are the baselines of the running head and foot.
func (g geometry) headY() float64 { return g.bodyTop - 10 }
func (g geometry) footY() float64 { return g.bodyBottom + 11 }

// geometry returns the page geometry of the options, or an error wrapping
// ErrOptions (with no package prefix, for Check) for an unknown paper or
// margins out of bounds.
func (opt Options) geometry() (geometry, error) {
	if int(opt.Paper) >= len(papers) {
		return geometry{}, fmt.Errorf("%w: unknown paper %d (want A4 or Letter)", ErrOptions, uint8(opt.Paper))
	}
	m := opt.Margins
	d := DefaultMargins
	for _, s := range []struct {
		v    *float64
		def  float64
		name string
		min  float64
	}{{&m.Top, d.Top, "top", minHeadMargin}, {&m.Right, d.Right, "right", minMargin}, {&m.Bottom, d.Bottom, "bottom", minHeadMargin}, {&m.Left, d.Left, "left", minMargin}} {
		if *s.v == 0 {
			*s.v = s.def
		}
		if math.IsNaN(*s.v) || *s.v < s.min || *s.v > maxMargin {
			return geometry{}, fmt.Errorf("%w: %s margin of %v mm: want %v to %v mm (the running head and foot are set in the top and bottom margins)", ErrOptions, s.name, *s.v, s.min, maxMargin)
		}
	}
	p := papers[opt.Paper]
	g := geometry{pageW: p.w, pageH: p.h, marginL: m.Left, marginR: m.Right, bodyTop: m.Top, bodyBottom: p.h - m.Bottom, textW: p.w - m.Left - m.Right}
	if g.textW < minBodyW || g.bodyBottom-g.bodyTop < minBodyH {
		return geometry{}, fmt.Errorf("%w: margins %v leave a body of %.1f × %.1f mm on %s paper: want at least %v × %v mm", ErrOptions, m, g.textW, g.bodyBottom-g.bodyTop, opt.Paper, minBodyW, minBodyH)
	}
	return g, nil
}

// logo is an image prepared for fpdf: its bytes, its type as fpdf names
// it, and its size in pixels.
type logo struct {
	data []byte
	typ  string // "PNG" or "JPG"
	w, h int
}

// prepareLogo checks a PNG or JPEG image as model.CheckImage does and
// makes it one fpdf reads: a JPEG as it is, a PNG drawn again as an 8-bit
// non-interlaced PNG (fpdf reads no interlaced nor 16-bit PNGs). The
// error wraps ErrOptions, with no package prefix.
func prepareLogo(data []byte, where string) (*logo, error) {
	format, err := model.CheckImage(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrOptions, where, err)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrOptions, where, err)
	}
	b := img.Bounds()
	l := &logo{data: data, typ: "JPG", w: b.Dx(), h: b.Dy()}
	if format == "png" {
		rgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Src)
		var buf bytes.Buffer
		if err := png.Encode(&buf, rgba); err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrOptions, where, err)
		}
		l.data, l.typ = buf.Bytes(), "PNG"
	}
	return l, nil
}

// logoName is the name under which the logo is registered with fpdf.
const logoName = "issuer-logo"

// page reports options of the page that Render refuses: an unknown paper,
// margins out of bounds, a logo that is not a whole PNG or JPEG image.
func (c *checker) page(opt Options) {
	if _, err := opt.geometry(); err != nil {
		c.add("", err)
	}
	if opt.Logo != nil {
		if _, err := prepareLogo(opt.Logo, "logo"); err != nil {
			c.add("", err)
		}
	}
}
