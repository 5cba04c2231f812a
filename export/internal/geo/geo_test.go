package geo

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func mustKazakhstan(t *testing.T) []Ring {
	t.Helper()
	rings, err := Kazakhstan()
	if err != nil {
		t.Fatalf("Kazakhstan: %v", err)
	}
	if len(rings) == 0 {
		t.Fatal("Kazakhstan: no rings")
	}
	return rings
}

func TestKazakhstanParses(t *testing.T) {
	rings := mustKazakhstan(t)
	again, err := Kazakhstan()
	if err != nil || len(again) != len(rings) || &again[0][0] != &rings[0][0] {
		t.Errorf("second call did not return the rings parsed by the first (err %v)", err)
	}
	total := 0
	for i, r := range rings {
		if len(r) < 4 {
			t.Errorf("ring %d has %d points", i, len(r))
		}
		if r[0] != r[len(r)-1] {
			t.Errorf("ring %d is not closed: %v .. %v", i, r[0], r[len(r)-1])
		}
		total += len(r)
	}
	if total < 150 || total > 600 {
		t.Errorf("outline has %d points, want a few hundred", total)
	}
	// The mainland is by far the largest ring.
	main := 0
	for i, r := range rings {
		if len(r) > len(rings[main]) {
			main = i
		}
	}
	if len(rings[main]) < total*3/4 {
		t.Errorf("largest ring has %d of %d points", len(rings[main]), total)
	}
}

func TestEmbeddedFile(t *testing.T) {
	polys, err := parsePolygons(kazakhstanGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range polys {
		if len(p) != 1 {
			t.Errorf("polygon %d has %d rings; Kazakhstan documents no holes", i, len(p))
		}
	}
	var fc struct {
		Features []struct {
			Properties map[string]string `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(kazakhstanGeoJSON, &fc); err != nil {
		t.Fatal(err)
	}
	if len(fc.Features) != 1 {
		t.Fatalf("%d features, want 1", len(fc.Features))
	}
	props := fc.Features[0].Properties
	if props["name"] != "Kazakhstan" || props["iso_n3"] != "398" || !strings.Contains(props["source"], "Natural Earth") {
		t.Errorf("properties = %v", props)
	}
	// Coordinates are rounded to 3 decimals.
	for _, p := range polys {
		for _, r := range p {
			for _, pt := range r {
				for _, v := range []float64{pt.Lon, pt.Lat} {
					if math.Abs(v*1000-math.Round(v*1000)) > 1e-6 {
						t.Fatalf("coordinate %v has more than 3 decimals", v)
					}
				}
			}
		}
	}
}

func TestKazakhstanExtent(t *testing.T) {
	b := BoundsOf(mustKazakhstan(t))
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"west", b.MinLon, 46.5},
		{"east", b.MaxLon, 87.3},
		{"south", b.MinLat, 40.6},
		{"north", b.MaxLat, 55.4},
	} {
		if math.Abs(c.got-c.want) > 0.5 {
			t.Errorf("%s edge at %.3f°, want %.1f° ± 0.5°", c.name, c.got, c.want)
		}
	}
}

// TestKazakhstanArea checks that simplification kept the shape: the
// outline's area, on the sinusoidal (equal-area) projection of a sphere,
// is within 3% of the country's area of about 2,724,900 km².
func TestKazakhstanArea(t *testing.T) {
	const kmPerDeg = 6371.0088 * math.Pi / 180
	area := 0.0
	for _, r := range mustKazakhstan(t) {
		a := 0.0
		for i := range r {
			p, q := r[i], r[(i+1)%len(r)]
			px := p.Lon * math.Cos(p.Lat*math.Pi/180) * kmPerDeg
			qx := q.Lon * math.Cos(q.Lat*math.Pi/180) * kmPerDeg
			a += px*q.Lat*kmPerDeg - qx*p.Lat*kmPerDeg
		}
		area += math.Abs(a) / 2
	}
	if want := 2724900.0; math.Abs(area-want)/want > 0.03 {
		t.Errorf("area %.0f km², want %.0f km² ± 3%%", area, want)
	}
}

func TestCities(t *testing.T) {
	rings := mustKazakhstan(t)
	for _, c := range []struct {
		name     string
		lat, lon float64
		in       bool
	}{
		{"Almaty", 43.24, 76.89, true},
		{"Nur-Sultan", 51.17, 71.45, true},
		{"Aktau", 43.65, 51.17, true},
		{"Oskemen", 49.95, 82.61, true},
		{"Shymkent", 42.32, 69.59, true},
		{"Zhanaozen", 43.34, 52.86, true},
		{"Taraz", 42.90, 71.37, true},
		{"Bishkek", 42.87, 74.59, false},
		{"Tashkent", 41.30, 69.24, false},
		{"Moscow", 55.75, 37.62, false},
		{"Ürümqi", 43.83, 87.62, false},
		{"Omsk", 54.99, 73.37, false},
		{"Caspian Sea", 42.5, 50.0, false},
	} {
		if got := Inside(rings, Point{Lon: c.lon, Lat: c.lat}); got != c.in {
			t.Errorf("%s (%.2f, %.2f): inside = %v, want %v", c.name, c.lat, c.lon, got, c.in)
		}
	}
}

func TestRingContains(t *testing.T) {
	closed := Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}
	open := closed[:4]
	// A concave "C" shape: the notch (5, 5) is outside.
	c := Ring{{0, 0}, {10, 0}, {10, 3}, {3, 3}, {3, 7}, {10, 7}, {10, 10}, {0, 10}}
	for _, tc := range []struct {
		name string
		r    Ring
		pt   Point
		want bool
	}{
		{"closed centre", closed, Point{5, 5}, true},
		{"open centre", open, Point{5, 5}, true},
		{"left", closed, Point{-1, 5}, false},
		{"right", closed, Point{11, 5}, false},
		{"above", closed, Point{5, 11}, false},
		{"below", closed, Point{5, -1}, false},
		{"C arm", c, Point{8, 1.5}, true},
		{"C back", c, Point{1.5, 5}, true},
		{"C notch", c, Point{6, 5}, false},
		{"empty ring", nil, Point{0, 0}, false},
	} {
		if got := tc.r.Contains(tc.pt); got != tc.want {
			t.Errorf("%s: Contains(%v) = %v, want %v", tc.name, tc.pt, got, tc.want)
		}
	}
	if Inside(nil, Point{5, 5}) {
		t.Error("Inside(nil) = true")
	}
}

func TestBounds(t *testing.T) {
	if b := BoundsOf(nil); b != (Bounds{}) {
		t.Errorf("BoundsOf(nil) = %v, want zero", b)
	}
	rings := []Ring{{{1, 2}, {3, -4}, {1, 2}}, {{-5, 6}, {0, 0}}}
	want := Bounds{MinLon: -5, MinLat: -4, MaxLon: 3, MaxLat: 6}
	if b := BoundsOf(rings); b != want {
		t.Errorf("BoundsOf = %v, want %v", b, want)
	}
	if b := want.Pad(1); b != (Bounds{-6, -5, 4, 7}) {
		t.Errorf("Pad(1) = %v", b)
	}
	if b := want.Pad(-100); b != (Bounds{-1, 1, -1, 1}) {
		t.Errorf("Pad(-100) = %v, want the centre", b)
	}
	if b := want.Include(Point{10, 0}, Point{0, -9}); b != (Bounds{-5, -9, 10, 6}) {
		t.Errorf("Include = %v", b)
	}
	if b := want.Include(Point{0, 0}); b != want {
		t.Errorf("Include of an inner point changed bounds to %v", b)
	}
}

const eps = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) < eps }

func TestFitCorners(t *testing.T) {
	b := Bounds{MinLon: 40, MinLat: 30, MaxLon: 100, MaxLat: 60}
	k := math.Cos(45 * math.Pi / 180)
	// A rectangle with exactly the bounds' projected aspect ratio.
	x, y, h := 20.0, 50.0, 90.0
	w := h * 60 * k / 30
	p := Fit(b, x, y, w, h)
	for _, c := range []struct {
		name   string
		pt     Point
		px, py float64
	}{
		{"north-west", Point{40, 60}, x, y},
		{"north-east", Point{100, 60}, x + w, y},
		{"south-west", Point{40, 30}, x, y + h},
		{"south-east", Point{100, 30}, x + w, y + h},
		{"centre", Point{70, 45}, x + w/2, y + h/2},
	} {
		gx, gy := p.Project(c.pt)
		if !near(gx, c.px) || !near(gy, c.py) {
			t.Errorf("%s %v -> (%.6f, %.6f), want (%.6f, %.6f)", c.name, c.pt, gx, gy, c.px, c.py)
		}
	}
	rx, ry, rw, rh := p.Rect()
	if !near(rx, x) || !near(ry, y) || !near(rw, w) || !near(rh, h) {
		t.Errorf("Rect = %v %v %v %v, want %v %v %v %v", rx, ry, rw, rh, x, y, w, h)
	}
	if !near(p.Scale(), 3) {
		t.Errorf("Scale = %v, want 3", p.Scale())
	}
}

func TestFitAspectAndCentring(t *testing.T) {
	rings := mustKazakhstan(t)
	b := BoundsOf(rings).Pad(0.5)
	k := math.Cos((b.MinLat + b.MaxLat) / 2 * math.Pi / 180)
	want := (b.MaxLon - b.MinLon) * k / (b.MaxLat - b.MinLat)
	for _, r := range []struct{ x, y, w, h float64 }{
		{10, 20, 190, 118}, // wide: height is filled
		{10, 20, 100, 300}, // tall: width is filled
		{0, 0, 1, 1},
	} {
		p := Fit(b, r.x, r.y, r.w, r.h)
		x0, y0 := p.Project(Point{b.MinLon, b.MaxLat})
		x1, y1 := p.Project(Point{b.MaxLon, b.MinLat})
		w, h := x1-x0, y1-y0
		if math.Abs(w/h-want) > 1e-9 {
			t.Errorf("rect %v: aspect %.6f, want %.6f", r, w/h, want)
		}
		if w > r.w+eps || h > r.h+eps || !(near(w, r.w) || near(h, r.h)) {
			t.Errorf("rect %v: drawn %.3f × %.3f, want one side filled and none exceeded", r, w, h)
		}
		// Centred: equal room on either side.
		if !near(x0-r.x, r.x+r.w-x1) || !near(y0-r.y, r.y+r.h-y1) {
			t.Errorf("rect %v: drawn from (%.3f, %.3f) to (%.3f, %.3f), not centred", r, x0, y0, x1, y1)
		}
		// Every point of the outline lands inside the rectangle.
		for _, ring := range rings {
			for _, pt := range ring {
				px, py := p.Project(pt)
				if px < r.x-eps || px > r.x+r.w+eps || py < r.y-eps || py > r.y+r.h+eps {
					t.Fatalf("rect %v: %v projected outside at (%.3f, %.3f)", r, pt, px, py)
				}
			}
		}
	}
}

func TestNorthUpEastRight(t *testing.T) {
	p := Fit(BoundsOf(mustKazakhstan(t)), 0, 0, 190, 120)
	// Nur-Sultan lies north of Almaty, Aktau west of both.
	_, yNorth := p.Project(Point{71.45, 51.17})
	xAlmaty, ySouth := p.Project(Point{76.89, 43.24})
	xAktau, _ := p.Project(Point{51.17, 43.65})
	if !(yNorth < ySouth) {
		t.Errorf("north not up: y(Nur-Sultan) = %.2f, y(Almaty) = %.2f", yNorth, ySouth)
	}
	if !(xAktau < xAlmaty) {
		t.Errorf("east not right: x(Aktau) = %.2f, x(Almaty) = %.2f", xAktau, xAlmaty)
	}
	// A degree of longitude is shorter than one of latitude at 48°N.
	x0, y0 := p.Project(Point{60, 48})
	x1, _ := p.Project(Point{61, 48})
	_, y1 := p.Project(Point{60, 47})
	if ratio := (x1 - x0) / (y1 - y0); math.Abs(ratio-math.Cos(48*math.Pi/180)) > 0.01 {
		t.Errorf("lon/lat scale ratio %.4f, want cos(48°)", ratio)
	}
}

func TestFitDegenerate(t *testing.T) {
	for _, c := range []struct {
		name       string
		b          Bounds
		w, h       float64
		pt         Point
		wantX, wnY float64
	}{
		{"zero bounds", Bounds{}, 100, 50, Point{0, 0}, 60, 45},
		{"single point", Bounds{70, 45, 70, 45}, 100, 50, Point{70, 45}, 60, 45},
		{"no room", Bounds{40, 30, 100, 60}, 0, 0, Point{100, 30}, 10, 20},
		{"negative size", Bounds{40, 30, 100, 60}, -5, -5, Point{100, 30}, 7.5, 17.5},
	} {
		p := Fit(c.b, 10, 20, c.w, c.h)
		x, y := p.Project(c.pt)
		if math.IsNaN(x) || math.IsNaN(y) || !near(x, c.wantX) || !near(y, c.wnY) {
			t.Errorf("%s: Project = (%v, %v), want (%v, %v)", c.name, x, y, c.wantX, c.wnY)
		}
	}
	// A horizontal segment: width filled, centred vertically.
	p := Fit(Bounds{0, 0, 10, 0}, 0, 0, 100, 40)
	x0, y0 := p.Project(Point{0, 0})
	x1, y1 := p.Project(Point{10, 0})
	if !near(x0, 0) || !near(x1, 100) || !near(y0, 20) || !near(y1, 20) {
		t.Errorf("segment: (%v, %v)–(%v, %v)", x0, y0, x1, y1)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"not json", `{`, "unexpected end"},
		{"wrong type", `{"type":"Feature"}`, "FeatureCollection"},
		{"no features", `{"type":"FeatureCollection","features":[]}`, "no polygons"},
		{"no geometry", `{"type":"FeatureCollection","features":[{"type":"Feature"}]}`, "no geometry"},
		{"point", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}]}`, "Point"},
		{"bad coordinates", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[["x"]]]}}]}`, "feature 0"},
		{"short ring", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}]}`, "at least 4"},
		{"empty polygon", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[]]}}]}`, "no rings"},
		{"out of range", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]}}]}`, "out of range"},
	} {
		_, err := parsePolygons([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", c.name, err, c.want)
		}
	}
	polys, err := parsePolygons([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]}}]}`))
	if err != nil || len(polys) != 1 || len(polys[0]) != 2 || polys[0][1][2] != (Point{2, 2}) {
		t.Errorf("polygon with a hole: %v, %v", polys, err)
	}
}
