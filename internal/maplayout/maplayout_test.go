package maplayout

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// width sets every character 1.2 mm wide, a little wider than the PDF's
// names, so that crowding is tested.
func width(s string, st Style) float64 {
	return 1.2 * float64(utf8.RuneCountInString(s)) * st.Size() / 6.8
}

// box returns a map of Kazakhstan whose extent is the box from (lon0,
// lat0) to (lon1, lat1), with a point at each of the given coordinates.
func box(lon0, lat0, lon1, lat1 float64, pts ...model.Coord) *report.Map {
	m := &report.Map{ISO: "kz", Extent: []model.Coord{{Lat: lat0, Lon: lon0}, {Lat: lat1, Lon: lon1}, {Lat: lat0, Lon: lon1}, {Lat: lat1, Lon: lon0}}}
	for i, c := range pts {
		m.Points = append(m.Points, &report.MapPoint{Name: report.L{fmt.Sprintf("Town %d", i)}, Coord: c, Entries: 1 + i%7, Kind: model.EventKind(1 + i%4)})
	}
	return m
}

// TestProject lays out known points: the corners of the extent fit the
// frame less its inset, the middle of the extent is near the middle of
// the frame, north is up and east is right, and each point has the radius
// of its entries.
func TestProject(t *testing.T) {
	const x, y, w, h = 10.0, 20.0, 180.0, 120.0
	m := box(50, 41, 87, 55,
		model.Coord{Lat: 48, Lon: 68.5},    // the middle
		model.Coord{Lat: 55, Lon: 68.5},    // north
		model.Coord{Lat: 41, Lon: 68.5},    // south
		model.Coord{Lat: 48, Lon: 50},      // west
		model.Coord{Lat: 48, Lon: 87},      // east
		model.Coord{Lat: 43.24, Lon: 76.9}, // Almaty
	)
	lay := New(m, 0, x, y, w, h, width)
	if lay.Frame != (Rect{x, y, x + w, y + h}) {
		t.Errorf("frame %v", lay.Frame)
	}
	if len(lay.Dots) != len(m.Points) {
		t.Fatalf("%d dots for %d points", len(lay.Dots), len(m.Points))
	}
	const eps = 0.01
	inner := Rect{x + Inset - eps, y + Inset - eps, x + w - Inset + eps, y + h - Inset + eps}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range m.Extent {
		px, py := lay.Proj.Project(geoPoint(c))
		if !(Rect{px, py, px, py}).Within(inner) {
			t.Errorf("extent point %v at (%.2f, %.2f), outside the frame less its inset %v", c, px, py, inner)
		}
		x0, y0, x1, y1 = min(x0, px), min(y0, py), max(x1, px), max(y1, py)
	}
	// Fitted: the extent spans the inner frame's width or its height.
	if dw, dh := (w-2*Inset)-(x1-x0), (h-2*Inset)-(y1-y0); math.Min(dw, dh) > 0.5 {
		t.Errorf("the extent spans %.1f × %.1f mm of a frame of %.1f × %.1f less its inset: not fitted", x1-x0, y1-y0, w, h)
	}
	mid, north, south, west, east := lay.Dots[0], lay.Dots[1], lay.Dots[2], lay.Dots[3], lay.Dots[4]
	// Centred: the projected extent's middle is the frame's; the central
	// meridian is vertical, in the middle.
	if cx, cy := (x0+x1)/2, (y0+y1)/2; math.Abs(cx-(x+w/2)) > 0.5 || math.Abs(cy-(y+h/2)) > 0.5 {
		t.Errorf("the projected extent's middle at (%.1f, %.1f); the frame's is (%.1f, %.1f)", cx, cy, x+w/2, y+h/2)
	}
	if math.Abs(mid.X-(x+w/2)) > 0.5 {
		t.Errorf("the central meridian at x = %.1f; the frame's middle is at %.1f", mid.X, x+w/2)
	}
	if !(north.Y < mid.Y && mid.Y < south.Y) || math.Abs(north.X-mid.X) > 0.5 || math.Abs(south.X-mid.X) > 0.5 {
		t.Errorf("north %v, middle %v, south %v: north is not straight up on the central meridian", north, mid, south)
	}
	if !(west.X < mid.X && mid.X < east.X) {
		t.Errorf("west %v, middle %v, east %v: east is not to the right", west, mid, east)
	}
	// An equal-area projection centred on the extent: west and east are
	// as far from the middle.
	if d := math.Abs((mid.X - west.X) - (east.X - mid.X)); d > 0.5 {
		t.Errorf("west is %.2f mm from the middle, east %.2f", mid.X-west.X, east.X-mid.X)
	}
	almaty := lay.Dots[5]
	if !(almaty.X > mid.X && almaty.Y > mid.Y) {
		t.Errorf("Almaty at %v, not south-east of the middle %v", almaty, mid)
	}
	for i, d := range lay.Dots {
		if want := Radius(m.Points[i].Entries); d.R != want || d.Kind != m.Points[i].Kind {
			t.Errorf("dot %d: radius %v, kind %v; want %v, %v", i, d.R, d.Kind, want, m.Points[i].Kind)
		}
	}
	if lay.Country.Country == nil || len(lay.Country.Rings) == 0 || len(lay.Others) == 0 {
		t.Error("Kazakhstan or its neighbours are not drawn")
	}
}

// TestLabels crowds the map with points: every name placed lies in the
// frame, overlaps no other name and no point, and names its own point
// next to it; every point is named or listed as unnamed, once, in order.
func TestLabels(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 8, 60, 450} {
		var pts []model.Coord
		for range n {
			pts = append(pts, model.Coord{Lat: 41 + 14*r.Float64(), Lon: 50 + 37*r.Float64()})
		}
		m := box(50, 41, 87, 55, pts...)
		m.Neighbours = []*report.MapCountry{{ISO: "ru", Name: report.L{"Russia"}}, {ISO: "cn", Name: report.L{"China"}}, {ISO: "uz", Name: report.L{"Uzbekistan"}}}
		lay := New(m, 0, 15, 30, 180, FrameHeight(m, 180, MaxHeight), width)
		named := map[int]bool{}
		for i, l := range lay.Labels {
			if !l.Box.Within(lay.Frame) {
				t.Errorf("%d points: %q at %v, outside the frame %v", n, l.Text, l.Box, lay.Frame)
			}
			for _, o := range lay.Labels[i+1:] {
				if l.Box.Overlaps(o.Box) {
					t.Errorf("%d points: %q and %q overlap", n, l.Text, o.Text)
				}
			}
			for j, d := range lay.Dots {
				if l.Box.Overlaps(Rect{d.X - d.R, d.Y - d.R, d.X + d.R, d.Y + d.R}) {
					t.Errorf("%d points: %q covers point %d", n, l.Text, j)
				}
			}
			if l.Base < l.Box.Y0 || l.Base > l.Box.Y1 || math.Abs(l.Box.X1-l.Box.X0-width(l.Text, l.Style)) > 1e-9 {
				t.Errorf("%d points: %q: baseline %v in box %v", n, l.Text, l.Base, l.Box)
			}
			if l.Point < 0 {
				continue
			}
			if named[l.Point] {
				t.Errorf("%d points: point %d named twice", n, l.Point)
			}
			named[l.Point] = true
			d := lay.Dots[l.Point]
			if l.Text != m.Points[l.Point].Name[0] {
				t.Errorf("%d points: point %d named %q", n, l.Point, l.Text)
			}
			// The name touches the point's ring of candidates: within the
			// radius, the gap and the name's own size.
			cx, cy := math.Max(l.Box.X0, math.Min(d.X, l.Box.X1)), math.Max(l.Box.Y0, math.Min(d.Y, l.Box.Y1))
			if dist := math.Hypot(cx-d.X, cy-d.Y); dist > d.R+labelGap+PlaceName.Size()*PtToMM {
				t.Errorf("%d points: %q is %.1f mm from its point", n, l.Text, dist)
			}
		}
		last := -1
		for _, i := range lay.Unlabelled {
			if named[i] || i <= last {
				t.Errorf("%d points: point %d unnamed after %d, or named too", n, i, last)
			}
			last = i
		}
		if len(named)+len(lay.Unlabelled) != n {
			t.Errorf("%d points: %d named and %d unnamed", n, len(named), len(lay.Unlabelled))
		}
		if n > LabelLimit && len(lay.Unlabelled) < n-LabelLimit {
			t.Errorf("%d points: %d unnamed; at least the %d beyond %d are", n, len(lay.Unlabelled), n-LabelLimit, LabelLimit)
		}
		if n == 1 && len(named) != 1 {
			t.Error("a lone point is not named")
		}
		if again := New(m, 0, 15, 30, 180, FrameHeight(m, 180, MaxHeight), width); !reflect.DeepEqual(lay, again) {
			t.Errorf("%d points: two layouts differ", n)
		}
	}
}

// TestFrameHeight: the frame is as tall as the extent's shape asks, within
// MinHeight and the most given.
func TestFrameHeight(t *testing.T) {
	wide := FrameHeight(box(40, 45, 90, 50), 180, MaxHeight)
	tall := FrameHeight(box(60, 30, 65, 60), 180, MaxHeight)
	square := FrameHeight(box(60, 40, 80, 49), 180, MaxHeight)
	if wide != MinHeight || tall != MaxHeight || !(square > MinHeight && square < MaxHeight) {
		t.Errorf("heights of a wide, a tall and a square extent: %v, %v, %v; want %v, %v and between", wide, tall, square, MinHeight, MaxHeight)
	}
	if h := FrameHeight(box(60, 30, 65, 60), 180, 50); h != 50 {
		t.Errorf("at most 50 mm: %v", h)
	}
	if h := FrameHeight(&report.Map{}, 180, MaxHeight); math.IsNaN(h) || h < MinHeight || h > MaxHeight {
		t.Errorf("an empty extent: %v", h)
	}
}

func TestRect(t *testing.T) {
	a := Rect{0, 0, 10, 10}
	for _, c := range []struct {
		b                Rect
		overlaps, within bool
	}{
		{Rect{10, 0, 20, 10}, false, false}, // sharing an edge
		{Rect{9, 9, 20, 20}, true, false},
		{Rect{2, 2, 8, 8}, true, true},
		{Rect{0, 0, 10, 10}, true, true},
		{Rect{-1, 2, 5, 5}, true, false},
	} {
		if got := c.b.Overlaps(a); got != c.overlaps || c.b.Overlaps(a) != a.Overlaps(c.b) {
			t.Errorf("%v overlaps %v: %v", c.b, a, got)
		}
		if got := c.b.Within(a); got != c.within {
			t.Errorf("%v within %v: %v", c.b, a, got)
		}
	}
}

func geoPoint(c model.Coord) geo.Point { return geo.Point{Lon: c.Lon, Lat: c.Lat} }
