package geo

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

const eps = 1e-6

// projectedBox returns the page box of the projected points.
func projectedBox(p Projection, pts []Point) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, pt := range pts {
		x, y := p.Project(pt)
		x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
	}
	return
}

// onFrame reports whether the segment ab lies along a side of the frame.
func onFrame(p Projection, a, b XY) bool {
	x, y, w, h := p.Frame()
	for _, v := range [2]float64{x, x + w} {
		if math.Abs(a.X-v) < eps && math.Abs(b.X-v) < eps {
			return true
		}
	}
	for _, v := range [2]float64{y, y + h} {
		if math.Abs(a.Y-v) < eps && math.Abs(b.Y-v) < eps {
			return true
		}
	}
	return false
}

// TestFitAcrossTheAntimeridian fits whole countries that cross 180° into a
// page rectangle: the outline fills it with a sensible shape, and no edge
// jumps across the map.
func TestFitAcrossTheAntimeridian(t *testing.T) {
	const x, y, w, h, margin = 10.0, 20.0, 190.0, 120.0, 4.0
	diag := math.Hypot(w, h)
	for _, c := range []struct {
		code             string
		minRatio, maxRat float64 // of the outline's width to its height on the page
	}{
		{"ru", 1.5, 3},
		{"fj", 0.7, 1.6},
		{"us", 1, 2.5},
		{"nz", 0.6, 1.6},
		{"ki", 2, 6},
		{"kz", 1.4, 2.6},
		{"cl", 0.1, 0.9}, // its main body: with Easter Island, 1.0
	} {
		g := mustLookup(t, c.code)
		pts := Points(g.Polygons)
		if c.code == "cl" {
			pts = Points(g.Main())
		}
		p := Fit(pts, x, y, w, h, margin)
		x0, y0, x1, y1 := projectedBox(p, pts)
		if x0 < x+margin-eps || y0 < y+margin-eps || x1 > x+w-margin+eps || y1 > y+h-margin+eps {
			t.Errorf("%s: outline drawn over (%.2f, %.2f)–(%.2f, %.2f), beyond the rectangle less its margin", c.code, x0, y0, x1, y1)
		}
		if !(math.Abs(x1-x0-(w-2*margin)) < eps || math.Abs(y1-y0-(h-2*margin)) < eps) {
			t.Errorf("%s: outline %.2f × %.2f fills neither side", c.code, x1-x0, y1-y0)
		}
		if math.Abs((x0+x1)/2-(x+w/2)) > eps || math.Abs((y0+y1)/2-(y+h/2)) > eps {
			t.Errorf("%s: outline not centred", c.code)
		}
		if r := (x1 - x0) / (y1 - y0); r < c.minRatio || r > c.maxRat {
			t.Errorf("%s: outline's aspect %.2f, want %.1f to %.1f", c.code, r, c.minRatio, c.maxRat)
		}
		// No projected edge jumps: each is short beside the map.
		for _, poly := range g.Polygons {
			for _, r := range poly {
				for i := range r {
					ax, ay := p.Project(r[i])
					bx, by := p.Project(r[(i+1)%len(r)])
					if d := math.Hypot(bx-ax, by-ay); d > diag/10 && !(c.code == "aq") {
						t.Errorf("%s: edge %v–%v drawn %.1f long", c.code, r[i], r[(i+1)%len(r)], d)
					}
				}
			}
		}
		// Nor do the clipped shapes of the country and its neighbours.
		for _, s := range p.Shapes() {
			for _, r := range s.Rings {
				for i := range r {
					a, b := r[i], r[(i+1)%len(r)]
					if d := math.Hypot(b.X-a.X, b.Y-a.Y); d > diag/10 && !onFrame(p, a, b) {
						t.Errorf("%s map: %s's edge %v–%v drawn %.1f long", c.code, s.Country.Code, a, b, d)
					}
					if a.X < x-eps || a.X > x+w+eps || a.Y < y-eps || a.Y > y+h+eps {
						t.Fatalf("%s map: %s drawn outside the frame at %v", c.code, s.Country.Code, a)
					}
				}
			}
		}
		t.Logf("%s: centre %.2f, %.2f; aspect %.2f; %.4f units/km", c.code, p.Centre().Lon, p.Centre().Lat, (x1-x0)/(y1-y0), p.Scale())
	}
}

func TestNorthUpEastRight(t *testing.T) {
	p := Fit(Points(mustLookup(t, "kz").Polygons), 0, 0, 190, 120, 0)
	_, yNorth := p.Project(Point{71.45, 51.17}) // Astana
	xAlmaty, ySouth := p.Project(Point{76.89, 43.24})
	xAktau, _ := p.Project(Point{51.17, 43.65})
	if !(yNorth < ySouth) {
		t.Errorf("north not up: y(Astana) = %.2f, y(Almaty) = %.2f", yNorth, ySouth)
	}
	if !(xAktau < xAlmaty) {
		t.Errorf("east not right: x(Aktau) = %.2f, x(Almaty) = %.2f", xAktau, xAlmaty)
	}
	// True to shape at the centre: a small step east and one north are
	// drawn at right angles and of the same length.
	c := p.Centre()
	x0, y0 := p.Project(c)
	x1, y1 := p.Project(Point{c.Lon + 0.01/math.Cos(c.Lat*math.Pi/180), c.Lat})
	x2, y2 := p.Project(Point{c.Lon, c.Lat + 0.01})
	if math.Abs((y1-y0)/(x1-x0)) > 1e-3 || math.Abs(x2-x0) > 1e-9 || math.Abs((x1-x0)/(y0-y2)-1) > 1e-4 {
		t.Errorf("at the centre: east step (%g, %g), north step (%g, %g)", x1-x0, y1-y0, x2-x0, y2-y0)
	}
	// A km at the centre is Scale() page units.
	if d := math.Hypot(x1-x0, y1-y0); math.Abs(d/(0.01*earthRadius*math.Pi/180)/p.Scale()-1) > 1e-4 {
		t.Errorf("scale %.6f per km, measured %.6f", p.Scale(), d/(0.01*earthRadius*math.Pi/180))
	}
}

// TestEqualArea checks the projection's formulas: small squares anywhere
// on the map are drawn with areas in proportion to theirs on the sphere.
func TestEqualArea(t *testing.T) {
	p := Fit([]Point{{100, 40}, {-170, 75}}, 0, 0, 200, 100, 0)
	want := 0.0
	for i, c := range []Point{{105, 62}, {20, 55}, {-175, 65}, {140, 45}, {100, 80}} {
		r := Ring{c, {c.Lon + 0.1, c.Lat}, {c.Lon + 0.1, c.Lat + 0.1}, {c.Lon, c.Lat + 0.1}}
		var xy []XY
		for _, pt := range r {
			x, y := p.Project(pt)
			xy = append(xy, XY{x, y})
		}
		ratio := math.Abs(2*signedArea(xy)) / 2 / ringArea(r)
		if i == 0 {
			want = ratio
		} else if math.Abs(ratio/want-1) > 1e-3 {
			t.Errorf("square at %v: %.6g page units² per km², at %v %.6g", c, ratio, Point{105, 62}, want)
		}
	}
	if k := p.Scale(); math.Abs(want/(k*k)-1) > 1e-3 {
		t.Errorf("area ratio %.6g, want Scale² %.6g", want, k*k)
	}
}

func signedArea(r []XY) float64 {
	a := 0.0
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		a += p.X*q.Y - q.X*p.Y
	}
	return a / 2
}

func TestUnproject(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, code := range []string{"ru", "fj", "cl", "aq", "kz", "nz"} {
		p := Fit(Points(mustLookup(t, code).Polygons), 0, 0, 300, 200, 5)
		for range 2000 {
			x, y := rng.Float64()*300, rng.Float64()*200
			pt, ok := p.Unproject(x, y)
			if !ok {
				t.Fatalf("%s: Unproject(%.2f, %.2f) failed", code, x, y)
			}
			if !p.View().Contains(pt) {
				t.Errorf("%s: %v, drawn at (%.1f, %.1f), outside View %+v", code, pt, x, y, p.View())
			}
			if gx, gy := p.Project(pt); math.Abs(gx-x) > 1e-6 || math.Abs(gy-y) > 1e-6 {
				t.Errorf("%s: (%.3f, %.3f) → %v → (%.6f, %.6f)", code, x, y, pt, gx, gy)
			}
		}
	}
	var zero Projection
	if _, ok := zero.Unproject(1, 1); ok {
		t.Error("zero Projection unprojects")
	}
	p := Fit([]Point{{0, 0}}, 0, 0, 100, 100, 0)
	if _, ok := p.Unproject(math.NaN(), 0); ok {
		t.Error("Unproject(NaN) ok")
	}
	if _, ok := p.Unproject(1e12, 0); ok {
		t.Error("Unproject off the Earth ok")
	}
}

func TestFitDegenerate(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		name       string
		pts        []Point
		x, y, w, h float64
		margin     float64
	}{
		{"no points", nil, 0, 0, 100, 50, 0},
		{"one point", []Point{{70, 45}}, 0, 0, 100, 50, 5},
		{"invalid points only", []Point{{nan, 0}, {0, nan}, {0, 100}, {inf, 0}}, 0, 0, 100, 50, 0},
		{"invalid among valid", []Point{{nan, 0}, {70, 45}, {71, 46}}, 0, 0, 100, 50, 0},
		{"empty rectangle", []Point{{70, 45}, {80, 50}}, 10, 20, 0, 0, 0},
		{"negative rectangle", []Point{{70, 45}, {80, 50}}, 10, 20, -5, -5, 0},
		{"NaN rectangle", []Point{{70, 45}, {80, 50}}, nan, nan, nan, inf, nan},
		{"margin too large", []Point{{70, 45}, {80, 50}}, 0, 0, 100, 50, 80},
		{"antipodes", []Point{{0, 0}, {180, 0}}, 0, 0, 100, 50, 0},
		{"the poles", []Point{{0, 90}, {0, -90}}, 0, 0, 100, 50, 0},
		{"all round", []Point{{0, 0}, {90, 0}, {180, 0}, {-90, 0}}, 0, 0, 100, 50, 0},
	} {
		p := Fit(c.pts, c.x, c.y, c.w, c.h, c.margin)
		fx, fy, fw, fh := p.Frame()
		for _, v := range []float64{fx, fy, fw, fh, p.Scale(), p.Centre().Lon, p.Centre().Lat} {
			if math.IsNaN(v) || math.IsInf(v, 0) || fw < 0 || fh < 0 {
				t.Errorf("%s: frame %v %v %v %v, scale %v, centre %v", c.name, fx, fy, fw, fh, p.Scale(), p.Centre())
			}
		}
		for _, pt := range append(c.pts, Point{0, 0}, Point{180, 0}, Point{-180, -90}) {
			x, y := p.Project(pt)
			if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
				t.Errorf("%s: Project(%v) = (%v, %v)", c.name, pt, x, y)
			}
		}
		for _, s := range p.Shapes() {
			for _, r := range s.Rings {
				for _, q := range r {
					if math.IsNaN(q.X) || math.IsNaN(q.Y) {
						t.Fatalf("%s: %s drawn at %v", c.name, s.Country.Code, q)
					}
				}
			}
		}
	}
	// A single point gets a map 10 km across.
	p := Fit([]Point{{70, 45}}, 0, 0, 100, 50, 0)
	if math.Abs(p.Scale()-5) > 1e-9 {
		t.Errorf("single point: %.4f units/km, want 5 (50 units for 10 km)", p.Scale())
	}
	if x, y := p.Project(Point{70, 45}); math.Abs(x-50) > 1e-9 || math.Abs(y-25) > 1e-9 {
		t.Errorf("single point drawn at (%v, %v), want the centre", x, y)
	}
	// An invalid point goes to the centre of the frame.
	if x, y := p.Project(Point{nan, 45}); x != 50 || y != 25 {
		t.Errorf("invalid point drawn at (%v, %v)", x, y)
	}
	// The zero Projection draws nothing and everything at the origin.
	var zero Projection
	if x, y := zero.Project(Point{10, 10}); x != 0 || y != 0 {
		t.Errorf("zero Projection: (%v, %v)", x, y)
	}
	if s := zero.Shapes(); len(s) != 0 {
		t.Errorf("zero Projection: %d shapes", len(s))
	}
}

// TestView checks the box of what the frame shows, including a frame that
// shows a pole.
func TestView(t *testing.T) {
	p := Fit(Points(mustLookup(t, "ge").Polygons), 0, 0, 150, 100, 0)
	v := p.View()
	if v.Width() > 15 || v.South < 38 || v.North > 47 {
		t.Errorf("Georgia's view %+v is too large", v)
	}
	// Svalbard and the pole: the view reaches the pole, all round.
	p = Fit(append(Points(mustLookup(t, "sj").Polygons), Point{0, 90}), 0, 0, 150, 100, 10)
	if v := p.View(); v.North != 90 || v.Width() != 360 {
		t.Errorf("view with the North Pole in the frame: %+v", v)
	}
	var codes []string
	for _, s := range p.Shapes() {
		codes = append(codes, s.Country.Code)
	}
	for _, c := range []string{"sj", "gl", "ru", "ca"} {
		if !slices.Contains(codes, c) {
			t.Errorf("map of Svalbard and the pole lacks %s: %v", c, codes)
		}
	}
}

func TestShapes(t *testing.T) {
	for _, c := range []struct {
		code      string
		want, not []string
	}{
		{"ge", []string{"ge", "ru", "tr", "am", "az"}, []string{"ua", "ir", "au"}},
		{"kz", []string{"kz", "ru", "cn", "uz", "kg", "tm", "mn", "az"}, []string{"ua", "in"}},
		{"fj", []string{"fj"}, []string{"nz", "au", "ru"}},
		// The antipodes of these maps lie in China and Antarctica: the
		// countries there must not be drawn over the map.
		{"cl", []string{"cl", "ar", "bo", "pe"}, []string{"cn", "aq", "mn"}},
		{"gl", []string{"gl", "ca"}, []string{"aq"}},
		{"aq", []string{"aq"}, []string{"gl", "ru"}},
	} {
		g := mustLookup(t, c.code)
		p := Fit(Points(g.Main()), 0, 0, 190, 120, 5)
		x, y, w, h := p.Frame()
		var codes []string
		for _, s := range p.Shapes() {
			codes = append(codes, s.Country.Code)
			area := 0.0
			for _, r := range s.Rings {
				area += signedArea(r)
				for _, q := range r {
					if q.X < x-eps || q.X > x+w+eps || q.Y < y-eps || q.Y > y+h+eps {
						t.Fatalf("%s map: %s drawn outside the frame at %v", c.code, s.Country.Code, q)
					}
				}
			}
			// Nothing fills the whole frame (a country drawn inside out).
			if math.Abs(area) > 0.9*w*h {
				t.Errorf("%s map: %s covers %.0f%% of the frame", c.code, s.Country.Code, 100*math.Abs(area)/(w*h))
			}
		}
		for _, w := range c.want {
			if !slices.Contains(codes, w) {
				t.Errorf("%s map lacks %s: %v", c.code, w, codes)
			}
		}
		for _, w := range c.not {
			if slices.Contains(codes, w) {
				t.Errorf("%s map has %s: %v", c.code, w, codes)
			}
		}
		// The country itself: its label on the page, inside its shape.
		s := p.Shape(g)
		at, d, ok := s.Label()
		if !ok || d <= 0 {
			t.Errorf("%s: no label point (%v, %v)", c.code, at, d)
		} else if pt, _ := p.Unproject(at.X, at.Y); !g.Contains(pt) {
			t.Errorf("%s: label at %v (%v) outside the country", c.code, at, pt)
		}
	}
	// A neighbour seen in part gets a label in the part that is seen.
	p := Fit(Points(mustLookup(t, "ge").Polygons), 0, 0, 190, 120, 5)
	s := p.Shape(mustLookup(t, "ru"))
	at, _, ok := s.Label()
	if pt, _ := p.Unproject(at.X, at.Y); !ok || !p.inFrame(at.X, at.Y) || !mustLookup(t, "ru").Contains(pt) {
		t.Errorf("Russia's label on the map of Georgia at %v (%v)", at, pt)
	}
	if s := p.Shape(mustLookup(t, "au")); len(s.Rings) != 0 {
		t.Errorf("Australia on the map of Georgia: %d rings", len(s.Rings))
	}
	if s := p.Shape(nil); len(s.Rings) != 0 {
		t.Error("Shape(nil) has rings")
	}
	if _, _, ok := (Shape{}).Label(); ok {
		t.Error("empty shape has a label")
	}
}

func TestClipRing(t *testing.T) {
	square := []XY{{-5, -5}, {15, -5}, {15, 15}, {-5, 15}}
	for _, c := range []struct {
		name string
		r    []XY
		area float64
		n    int
	}{
		{"around the rectangle", square, 100, 4},
		{"inside", []XY{{1, 1}, {2, 1}, {2, 2}}, 0.5, 3},
		{"outside", []XY{{20, 20}, {30, 20}, {30, 30}}, 0, 0},
		{"half in", []XY{{5, -5}, {15, -5}, {15, 15}, {5, 15}}, 50, 4},
		{"corner", []XY{{5, 5}, {15, 5}, {15, 15}, {5, 15}}, 25, 4},
		{"too short", []XY{{1, 1}, {2, 2}}, 0, 0},
		{"empty", nil, 0, 0},
	} {
		got := ClipRing(c.r, 0, 0, 10, 10)
		if len(got) != c.n || math.Abs(math.Abs(signedArea(got))-c.area) > 1e-9 {
			t.Errorf("%s: %v (area %v), want %d points, area %v", c.name, got, signedArea(got), c.n, c.area)
		}
		for _, q := range got {
			if q.X < -eps || q.X > 10+eps || q.Y < -eps || q.Y > 10+eps {
				t.Errorf("%s: %v outside", c.name, q)
			}
		}
	}
	// A concave ring (a U) cut into two arms keeps its area.
	u := []XY{{2, -5}, {4, -5}, {4, 5}, {6, 5}, {6, -5}, {8, -5}, {8, 20}, {2, 20}}
	if a := math.Abs(signedArea(ClipRing(u, 0, 0, 10, 10))); math.Abs(a-(6*10-2*5)) > 1e-9 {
		t.Errorf("U clipped: area %v, want 50", a)
	}
	if ClipRing(square, 0, 0, -1, 10) != nil || ClipRing(square, 0, 0, math.NaN(), 10) != nil {
		t.Error("clipping to a negative or NaN rectangle gives something")
	}
	// The input is left as it was.
	if square[0] != (XY{-5, -5}) || len(square) != 4 {
		t.Error("ClipRing modified its input")
	}
}

// TestWorldMap fits points all round the Earth: the frame shows more than
// a hemisphere, and no country may be drawn inside out over the map.
func TestWorldMap(t *testing.T) {
	for _, pts := range [][]Point{
		{{-170, -60}, {170, 70}, {0, 0}, {90, 10}, {-90, -10}},
		{{0, 0}, {90, 0}, {180, 0}, {-90, 0}},
		{{100, 40}, {-80, -40}},
	} {
		p := Fit(pts, 0, 0, 200, 100, 0)
		_, _, w, h := p.Frame()
		for _, s := range p.Shapes() {
			area := 0.0
			for _, r := range s.Rings {
				area += signedArea(r)
			}
			if math.Abs(area) > 0.3*w*h {
				t.Errorf("centre %v: %s covers %.0f%% of the frame", p.Centre(), s.Country.Code, 100*math.Abs(area)/(w*h))
			}
		}
	}
}

// TestHostileInput calls the package with extreme values: no panic, and
// no NaN on the page for a valid point.
func TestHostileInput(t *testing.T) {
	vals := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e308, -1e308, 5e-324, 0, math.Copysign(0, -1), 90, -90, 180, -180, 360, 1e9}
	var pts []Point
	for _, a := range vals {
		for _, b := range vals {
			pts = append(pts, Point{a, b})
		}
	}
	ge := mustLookup(t, "ge")
	for i, v := range vals {
		p := Fit(pts[i*len(vals):(i+1)*len(vals)], v, v, v, v, v)
		p.Shapes()
		p.Outline([]Polygon{{pts[i*len(vals) : (i+1)*len(vals)]}})
		if w := p.View().Width(); !(w >= 0 && w <= 360) {
			t.Errorf("Fit with %v: a view %v° wide", v, w)
		}
		for _, pt := range pts {
			x, y := p.Project(pt)
			if pt.Valid() && (math.IsNaN(x) || math.IsNaN(y)) {
				t.Errorf("Fit with %v: Project(%v) = (%v, %v)", v, pt, x, y)
			}
			p.Unproject(pt.Lon, pt.Lat)
			ge.Contains(pt)
			At(pt)
			BoundsOf(pt)
			(Bounds{pt.Lon, pt.Lat, pt.Lat, pt.Lon}).Pad(v)
			(Bounds{pt.Lon, pt.Lat, pt.Lat, pt.Lon}).Union(Bounds{v, v, v, v})
		}
		ClipRing([]XY{{v, v}, {0, v}, {v, 0}, {math.NaN(), 1}}, v, v, v, v)
		Shape{Rings: [][]XY{{{v, v}, {0, v}, {v, 0}}}}.Label()
	}
	p := Fit(pts, 0, 0, 100, 100, 0)
	for _, pt := range pts {
		if x, y := p.Project(pt); pt.Valid() && (math.IsNaN(x) || math.IsNaN(y)) {
			t.Errorf("Project(%v) = (%v, %v)", pt, x, y)
		}
	}
}

// TestOutline draws outlines given in longitude and latitude: a box
// across the antimeridian written with a jump from 180° to −180°, the
// same box written continuously, and Fiji's own polygons, which Outline
// draws as Shape does.
func TestOutline(t *testing.T) {
	fj := mustLookup(t, "fj")
	p := Fit(Points(fj.Main()), 0, 0, 190, 120, 5)
	jump := []Polygon{{{{179, -17}, {-179.5, -17}, {-179.5, -18}, {179, -18}, {179, -17}}}}
	flat := []Polygon{{{{179, -17}, {180.5, -17}, {180.5, -18}, {179, -18}}}}
	a, b := p.Outline(jump), p.Outline(flat)
	if len(a) != 1 || len(b) != 1 {
		t.Fatalf("rings: %d and %d, want 1 each", len(a), len(b))
	}
	areaA, areaB := math.Abs(signedArea(a[0])), math.Abs(signedArea(b[0]))
	if math.Abs(areaA-areaB) > 1e-6*areaB || areaA < 1 || areaA > 0.2*190*120 {
		t.Errorf("areas %v and %v", areaA, areaB)
	}
	// Fiji's polygons as an outline draw as its shape.
	want := p.Shape(fj).Rings
	got := p.Outline(fj.Polygons)
	if len(got) != len(want) {
		t.Fatalf("Fiji as an outline: %d rings, as a shape %d", len(got), len(want))
	}
	for i := range got {
		if d := math.Abs(signedArea(got[i]) - signedArea(want[i])); d > 1e-9 {
			t.Errorf("ring %d: areas differ by %v", i, d)
		}
	}
	// Nothing to draw: no rings, short rings, invalid points, an empty frame.
	for _, polys := range [][]Polygon{nil, {{}}, {{{{1, 1}, {2, 2}}}}, {{{{math.NaN(), 0}, {1, 95}, {2, 2}}}}} {
		if r := p.Outline(polys); len(r) != 0 {
			t.Errorf("Outline(%v) = %v", polys, r)
		}
	}
	if r := (Projection{}).Outline(flat); r != nil {
		t.Errorf("zero projection drew %v", r)
	}
}
