package geo

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"sort"
	"testing"
)

var writePNG = flag.Bool("png", false, "write maps of a few countries to /tmp/geo-*.png")

// TestRenderPNG draws maps of a few countries with their neighbours, to be
// looked at: go test -run RenderPNG -png ./internal/geo/
func TestRenderPNG(t *testing.T) {
	if !*writePNG {
		t.Skip("without -png")
	}
	for _, m := range []struct {
		name  string
		code  string
		main  bool
		extra []Point
	}{
		{"kazakhstan", "kz", false, nil},
		{"afghanistan", "af", false, nil},
		{"russia", "ru", false, nil},
		{"fiji", "fj", false, nil},
		{"chile", "cl", true, nil},
		{"chile-all", "cl", false, nil},
		{"georgia", "ge", false, nil},
		{"usa", "us", false, nil},
		{"usa-main", "us", true, nil},
		{"new-zealand", "nz", false, nil},
		{"antarctica", "aq", false, nil},
		{"norway", "no", true, nil},
		{"lebanon", "lb", false, []Point{{35.5, 33.9}}},
		{"vatican", "va", false, nil},
		{"france", "fr", true, nil},
		{"kiribati", "ki", false, nil},
		{"south-africa", "za", false, nil},
		{"world", "br", true, []Point{{-170, -60}, {170, 70}, {0, 0}, {90, 10}, {-90, -10}}},
	} {
		c, ok := Lookup(m.code)
		if !ok {
			t.Fatalf("no %s", m.code)
		}
		polys := c.Polygons
		if m.main {
			polys = c.Main()
		}
		const W, H = 900, 600
		p := Fit(append(Points(polys), m.extra...), 10, 10, W-20, H-20, 30)
		img := render(p, c, W, H)
		name := fmt.Sprintf("/tmp/geo-%s.png", m.name)
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %s, centre %v, %.4f px/km, %d shapes", name, c.Name, p.Centre(), p.Scale(), len(p.Shapes()))
	}
}

// render draws the frame of p: the sea, every country in it (c darker),
// borders, graticule lines every 10°, and a dot where each country's label
// would go.
func render(p Projection, c *Country, w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	fx, fy, fw, fh := p.Frame()
	frame := []XY{{fx, fy}, {fx + fw, fy}, {fx + fw, fy + fh}, {fx, fy + fh}}
	fill(img, [][]XY{frame}, color.RGBA{214, 228, 240, 255})
	// graticule
	for lon := -180.0; lon < 180; lon += 10 {
		var line []XY
		for lat := -90.0; lat <= 90; lat += 0.5 {
			if x, y := p.Project(Point{lon, lat}); p.inFrame(x, y) {
				line = append(line, XY{x, y})
			} else {
				stroke(img, line, false, 0.6, color.RGBA{180, 200, 220, 255})
				line = nil
			}
		}
		stroke(img, line, false, 0.6, color.RGBA{180, 200, 220, 255})
	}
	for lat := -80.0; lat <= 80; lat += 10 {
		var line []XY
		for lon := -180.0; lon <= 180; lon += 0.5 {
			if x, y := p.Project(Point{lon, lat}); p.inFrame(x, y) {
				line = append(line, XY{x, y})
			} else {
				stroke(img, line, false, 0.6, color.RGBA{180, 200, 220, 255})
				line = nil
			}
		}
		stroke(img, line, false, 0.6, color.RGBA{180, 200, 220, 255})
	}
	shapes := p.Shapes()
	for _, s := range shapes {
		col := color.RGBA{232, 232, 226, 255}
		if s.Country == c {
			col = color.RGBA{250, 214, 160, 255}
		}
		fill(img, s.Rings, col)
	}
	for _, s := range shapes {
		for _, r := range s.Rings {
			stroke(img, r, true, 0.8, color.RGBA{110, 110, 120, 255})
		}
	}
	for _, s := range shapes {
		if at, d, ok := s.Label(); ok {
			dot := math.Min(4, math.Max(1.5, d/4))
			var ring []XY
			for a := 0.0; a < 2*math.Pi; a += math.Pi / 8 {
				ring = append(ring, XY{at.X + dot*math.Cos(a), at.Y + dot*math.Sin(a)})
			}
			col := color.RGBA{90, 90, 90, 255}
			if s.Country == c {
				col = color.RGBA{200, 40, 40, 255}
			}
			fill(img, [][]XY{ring}, col)
		}
	}
	stroke(img, frame, true, 1.2, color.RGBA{0, 0, 0, 255})
	return img
}

// fill fills the rings together by the even-odd rule.
func fill(img *image.RGBA, rings [][]XY, col color.RGBA) {
	raster(img, rings, false, col)
}

// stroke draws a line of width lw along the points, as one thin quad per
// segment, filled together by the non-zero rule so that they add up.
func stroke(img *image.RGBA, pts []XY, closed bool, lw float64, col color.RGBA) {
	if len(pts) < 2 {
		return
	}
	n := len(pts) - 1
	if closed {
		n++
	}
	var quads [][]XY
	for i := range n {
		a, c := pts[i], pts[(i+1)%len(pts)]
		dx, dy := c.X-a.X, c.Y-a.Y
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*lw/2, dx/l*lw/2
		// Lengthen each quad a little so that joints close.
		ex, ey := dx/l*lw/2, dy/l*lw/2
		quads = append(quads, []XY{
			{a.X + nx - ex, a.Y + ny - ey}, {c.X + nx + ex, c.Y + ny + ey},
			{c.X - nx + ex, c.Y - ny + ey}, {a.X - nx - ex, a.Y - ny - ey},
		})
	}
	raster(img, quads, true, col)
}

// raster fills rings by the even-odd or the non-zero rule, with 4 rows of
// samples per pixel and exact coverage along each row.
func raster(img *image.RGBA, rings [][]XY, nonzero bool, col color.RGBA) {
	const S = 4
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	type cross struct {
		x   float64
		dir int
	}
	rows := make([][]cross, h*S)
	for _, r := range rings {
		for i := range r {
			a, c := r[i], r[(i+1)%len(r)]
			dir := 1
			if a.Y > c.Y {
				a, c, dir = c, a, -1
			}
			// sample rows whose centre lies in [a.Y, c.Y)
			from := int(math.Max(0, math.Ceil(a.Y*S-0.5)))
			to := int(math.Min(float64(h*S-1), math.Ceil(c.Y*S-0.5)-1))
			for sy := from; sy <= to; sy++ {
				y := (float64(sy) + 0.5) / S
				x := a.X + (y-a.Y)*(c.X-a.X)/(c.Y-a.Y)
				rows[sy] = append(rows[sy], cross{x, dir})
			}
		}
	}
	cov := make([]float64, w)
	for py := range h {
		clear(cov)
		any := false
		for sub := range S {
			xs := rows[py*S+sub]
			sort.Slice(xs, func(i, j int) bool { return xs[i].x < xs[j].x })
			wind := 0
			for i, c := range xs {
				if nonzero {
					wind += c.dir
				} else {
					wind ^= 1
				}
				if wind != 0 && i+1 < len(xs) {
					x0, x1 := math.Max(0, c.x), math.Min(float64(w), xs[i+1].x)
					span(cov, x0, x1, 1.0/S)
					any = true
				}
			}
		}
		if !any {
			continue
		}
		for px, a := range cov {
			if a <= 0 {
				continue
			}
			a = math.Min(1, a)
			o := img.PixOffset(px, py)
			for k, v := range [3]uint8{col.R, col.G, col.B} {
				img.Pix[o+k] = uint8(float64(img.Pix[o+k])*(1-a) + float64(v)*a + 0.5)
			}
		}
	}
}

// span adds weight × the covered fraction of each pixel between x0 and x1.
func span(cov []float64, x0, x1, weight float64) {
	if !(x1 > x0) {
		return
	}
	for px := int(x0); px < len(cov) && float64(px) < x1; px++ {
		l, r := math.Max(x0, float64(px)), math.Min(x1, float64(px+1))
		if r > l {
			cov[px] += (r - l) * weight
		}
	}
}
