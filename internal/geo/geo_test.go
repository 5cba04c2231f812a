package geo

import (
	"encoding/json"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// codeOf returns the country's code, or "none".
func codeOf(c *Country) string {
	if c == nil {
		return "none"
	}
	return c.Code
}

func mustLookup(t testing.TB, code string) *Country {
	t.Helper()
	c, ok := Lookup(code)
	if !ok {
		t.Fatalf("Lookup(%q) found nothing", code)
	}
	return c
}

func TestDecode(t *testing.T) {
	if err := DataError(); err != nil {
		t.Fatal(err)
	}
	cs := Countries()
	if len(cs) != 248 {
		t.Errorf("%d countries, want 248", len(cs))
	}
	numerics := map[int]string{}
	points := 0
	for i, c := range cs {
		if i > 0 && cs[i-1].Code >= c.Code {
			t.Errorf("not sorted: %s before %s", cs[i-1].Code, c.Code)
		}
		if len(c.Code) != 2 || strings.ToLower(c.Code) != c.Code || c.Name == "" {
			t.Errorf("country %d: code %q, name %q", i, c.Code, c.Name)
		}
		if prev, dup := numerics[c.Numeric]; dup || c.Numeric <= 0 || c.Numeric > 999 {
			t.Errorf("%s: numeric %d (also %s)", c.Code, c.Numeric, prev)
		}
		numerics[c.Numeric] = c.Code
		if len(c.Polygons) == 0 {
			t.Errorf("%s: no polygons", c.Code)
		}
		for j, p := range c.Polygons {
			if len(p) == 0 {
				t.Errorf("%s: polygon %d has no rings", c.Code, j)
			}
			if j > 0 && c.areas()[j] > c.areas()[j-1]*1.0001 {
				t.Errorf("%s: polygon %d larger than polygon %d", c.Code, j, j-1)
			}
			for _, r := range p {
				if len(r) < 3 {
					t.Errorf("%s: ring of %d points", c.Code, len(r))
				}
				points += len(r)
				for k, q := range r {
					if !q.Valid() || q.Lon < -180 || q.Lon > 540 {
						t.Fatalf("%s: point %v", c.Code, q)
					}
					// No edge jumps across the antimeridian, but for the
					// pole edge of Antarctica.
					n := r[(k+1)%len(r)]
					if math.Abs(n.Lon-q.Lon) > 180 && (c.Code != "aq" || q.Lat > -89.99) {
						t.Errorf("%s: edge %v–%v spans %.1f°", c.Code, q, n, math.Abs(n.Lon-q.Lon))
					}
				}
			}
		}
		if g, ok := Lookup(c.Code); !ok || g != c {
			t.Errorf("Lookup(%q) = %v, %v", c.Code, g, ok)
		}
		if g, ok := Lookup(strings.ToUpper(c.Code)); !ok || g != c {
			t.Errorf("Lookup(%q) = %v, %v", strings.ToUpper(c.Code), g, ok)
		}
	}
	t.Logf("%d countries, %d points, %d bytes", len(cs), points, len(countriesBin))
	// Decoded once: the same pointers every time.
	if a, b := Countries(), Countries(); &a[0] == &b[0] || a[0] != b[0] {
		t.Error("Countries should return a new slice of the same countries")
	}
	d, err := load()
	if err != nil || d.margin != NeighbourMargin {
		t.Errorf("neighbour margin in the data %v km, want %v (err %v)", d.margin, NeighbourMargin, err)
	}
}

func TestLookup(t *testing.T) {
	for _, c := range []struct {
		code, want, name string
		numeric          int
	}{
		{"kz", "kz", "Kazakhstan", 398},
		{"KZ", "kz", "Kazakhstan", 398},
		{" af ", "af", "Afghanistan", 4},
		{"KAZ", "kz", "Kazakhstan", 398},
		{"398", "kz", "Kazakhstan", 398},
		{"UK", "gb", "United Kingdom", 826},
		{"gb", "gb", "United Kingdom", 826},
		{"xk", "xk", "Kosovo", 983},
		{"XK", "xk", "Kosovo", 983},
		{"xs", "xs", "Somaliland", 991},
		{"xc", "xc", "N. Cyprus", 975},
		{"xg", "xg", "Siachen Glacier", 979},
		{"cx", "cx", "Christmas I.", 162},
		{"cc", "cc", "Cocos Is.", 166},
		{"gf", "gf", "French Guiana", 254},
		{"re", "re", "Réunion", 638},
		{"sj", "sj", "Svalbard and Jan Mayen", 744},
		{"bq", "bq", "Caribbean Netherlands", 535},
		{"tw", "tw", "Taiwan", 158},
		{"ps", "ps", "Palestine", 275},
		{"eh", "eh", "W. Sahara", 732},
		{"aq", "aq", "Antarctica", 10},
	} {
		g, ok := Lookup(c.code)
		if !ok || g.Code != c.want || g.Name != c.name || g.Numeric != c.numeric {
			t.Errorf("Lookup(%q) = %+v, %v; want %s %q %d", c.code, g, ok, c.want, c.name, c.numeric)
		}
	}
	for _, code := range []string{"", "zz", "ZZ", "EU", "419", "x", "kzz", "tk", strings.Repeat("k", 1000), "\xff\xfe"} {
		if g, ok := Lookup(code); ok {
			t.Errorf("Lookup(%q) = %s", code, g.Code)
		}
	}
}

func TestSplitsAndMerges(t *testing.T) {
	for _, c := range []struct {
		code string
		p    Point
	}{
		{"gf", Point{-53.0, 4.0}},     // French Guiana
		{"re", Point{55.53, -21.13}},  // Réunion
		{"yt", Point{45.15, -12.82}},  // Mayotte
		{"gp", Point{-61.4, 16.3}},    // Guadeloupe
		{"mq", Point{-61.02, 14.65}},  // Martinique
		{"sj", Point{16.5, 78.7}},     // Spitsbergen
		{"bq", Point{-68.27, 12.2}},   // Bonaire
		{"cx", Point{105.63, -10.48}}, // Christmas Island
		{"fr", Point{2.35, 46.5}},     // France
		{"fr", Point{9.1, 42.2}},      // Corsica
		{"no", Point{10.75, 61.5}},    // Norway
		{"nl", Point{5.3, 52.1}},      // the Netherlands
		{"au", Point{133.0, -25.0}},   // Australia
		{"au", Point{146.5, -42.0}},   // Tasmania
		{"ls", Point{28.23, -29.6}},   // Lesotho, a hole in South Africa
		{"za", Point{25.0, -30.0}},    // South Africa
		{"va", Point{12.435, 41.902}}, // Vatican, where the data has it (0.015° west)
		{"sm", Point{12.46, 43.94}},   // San Marino, a hole in Italy
		{"it", Point{12.5, 42.5}},     // Italy
	} {
		if g, ok := At(c.p); !ok || g.Code != c.code {
			t.Errorf("At(%v) = %s, want %s", c.p, codeOf(g), c.code)
		}
	}
	fr := mustLookup(t, "fr")
	if w := fr.Bounds.Width(); w > 20 {
		t.Errorf("France spans %.0f° of longitude: overseas departments left in", w)
	}
	// Ashmore and Cartier Islands joined Australia.
	au := mustLookup(t, "au")
	found := false
	for _, b := range au.boxes {
		if b.west > 122.5 && b.east < 123.7 && b.south > -12.7 && b.north < -12 {
			found = true
		}
	}
	if !found {
		t.Error("Australia has no polygon near Ashmore and Cartier Islands")
	}
}

// TestInteriorPoints checks every country's label point: inside it and in
// no other country.
func TestInteriorPoints(t *testing.T) {
	cs := Countries()
	for _, c := range cs {
		p := c.LabelPoint()
		if !c.Contains(p) {
			t.Errorf("%s (%s): label point %v not inside", c.Code, c.Name, p)
		}
		for _, o := range cs {
			if o != c && o.Contains(p) {
				t.Errorf("%s: label point %v also in %s", c.Code, p, o.Code)
			}
		}
	}
}

func TestCities(t *testing.T) {
	for _, c := range []struct {
		name, code string
		lat, lon   float64
	}{
		{"Almaty", "kz", 43.238, 76.889},
		{"Astana", "kz", 51.169, 71.449},
		{"Aktau", "kz", 43.65, 51.17},
		{"Kabul", "af", 34.555, 69.207},
		{"Herat", "af", 34.352, 62.204},
		{"Tbilisi", "ge", 41.716, 44.783},
		{"Caracas", "ve", 10.480, -66.904},
		{"Asmara", "er", 15.322, 38.925},
		{"Addis Ababa", "et", 9.030, 38.740},
		{"Beijing", "cn", 39.904, 116.407},
		{"Damascus", "sy", 33.513, 36.292},
		{"Dhaka", "bd", 23.811, 90.413},
		{"Suva", "fj", -18.124, 178.450},
		{"Anchorage", "us", 61.218, -149.900},
		{"Moscow", "ru", 55.756, 37.617},
		{"Petropavlovsk-Kamchatsky", "ru", 53.024, 158.643},
		{"Wellington", "nz", -41.286, 174.776},
		{"Chukotka, inland", "ru", 66, 175},
		{"Provideniya", "ru", 64.423, -173.226},
		{"Waitangi, Chatham Islands", "nz", -43.954, -176.56},
		{"Kaliningrad", "ru", 54.710, 20.510},
		{"Honolulu", "us", 21.307, -157.858},
		{"Maseru", "ls", -29.310, 27.478},
		{"Pristina", "xk", 42.663, 21.164},
		{"Hargeisa", "xs", 9.560, 44.065},
		{"Nicosia north", "xc", 35.21, 33.37},
		{"Amundsen–Scott station", "aq", -89.99, 139.27},
		{"McMurdo hinterland", "aq", -77.5, 163.0},
	} {
		p := Point{c.lon, c.lat}
		if g, _ := At(p); codeOf(g) != c.code {
			t.Errorf("%s %v: in %s, want %s", c.name, p, codeOf(g), c.code)
		}
	}
	for _, p := range []Point{
		{50.0, 42.5}, // the Caspian Sea
		{-150, 0},    // the Pacific
		{0, 0},       // the Gulf of Guinea
		{180, -16.7}, // between Fiji's islands? (open sea here)
		{-30, 40},    // the Atlantic
		{0, 90},      // the North Pole
		{math.NaN(), 0},
		{0, math.Inf(1)},
		{0, 91},
	} {
		if g, ok := At(p); ok && !(p.Lon == 180 && g.Code == "fj") {
			t.Errorf("%v: in %s, want in no country", p, g.Code)
		}
	}
	// Longitudes are taken modulo 360°.
	ru := mustLookup(t, "ru")
	for _, lon := range []float64{-173.226, 186.774, 546.774, -533.226} {
		if !ru.Contains(Point{lon, 64.423}) {
			t.Errorf("Provideniya at longitude %v not in Russia", lon)
		}
	}
	var nilCountry *Country
	if nilCountry.Contains(Point{}) {
		t.Error("nil country contains a point")
	}
}

func TestNeighbours(t *testing.T) {
	for _, c := range []struct {
		code      string
		want, not []string
	}{
		{"kz", []string{"ru", "cn", "uz", "kg", "tm"}, []string{"af", "ua", "ir"}},
		{"af", []string{"pk", "ir", "tm", "uz", "tj", "cn"}, []string{"kz", "in"}},
		{"ge", []string{"ru", "tr", "am", "az"}, []string{"ir", "ua"}},
		{"es", []string{"fr", "pt", "ad", "ma"}, []string{"it"}},
		{"ye", []string{"sa", "om", "dj", "er"}, nil},
		{"ls", []string{"za"}, []string{"mz"}},
		{"us", []string{"ca", "mx", "ru"}, []string{"cu"}},
		{"fj", nil, []string{"nz", "au"}},
	} {
		var got []string
		for _, n := range Neighbours(mustLookup(t, c.code)) {
			got = append(got, n.Code)
		}
		if !slices.IsSorted(got) {
			t.Errorf("%s: neighbours %v not sorted", c.code, got)
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: neighbours %v lack %s", c.code, got, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("%s: neighbours %v include %s", c.code, got, w)
			}
		}
	}
	// Symmetric, and never the country itself.
	for _, c := range Countries() {
		for _, n := range Neighbours(c) {
			if n == c || !slices.Contains(Neighbours(n), c) {
				t.Errorf("%s neighbours %s, not the other way round", c.Code, n.Code)
			}
		}
	}
	if Neighbours(nil) != nil {
		t.Error("Neighbours(nil) should be nil")
	}
}

func TestNameIn(t *testing.T) {
	for _, c := range []struct {
		code string
		tag  language.Tag
		want string
	}{
		{"kz", language.French, "Kazakhstan"},
		{"kz", language.German, "Kasachstan"},
		{"kz", language.Russian, "Казахстан"},
		{"ge", language.French, "Géorgie"},
		{"ba", language.English, "Bosnia & Herzegovina"},
		{"xk", language.German, "Kosovo"},
		{"xs", language.French, "Somaliland"}, // no CLDR name: Natural Earth's
		{"xg", language.English, "Siachen Glacier"},
		{"af", language.Make("fa"), "افغانستان"},
		{"af", language.Und, "Afghanistan"},
	} {
		if got := mustLookup(t, c.code).NameIn(c.tag); got != c.want {
			t.Errorf("%s in %v: %q, want %q", c.code, c.tag, got, c.want)
		}
	}
	var nilCountry *Country
	if nilCountry.NameIn(language.English) != "" {
		t.Error("nil country has a name")
	}
}

func TestMainPolygons(t *testing.T) {
	has := func(polys []Polygon, p Point) bool {
		for _, poly := range polys {
			if polygonContains(poly, p) || polygonContains(poly, Point{p.Lon + 360, p.Lat}) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		code     string
		in, out  []Point
		maxWidth float64
	}{
		{"us", []Point{{-100, 40}, {-150, 64}}, []Point{{-157.86, 21.31}}, 0},
		{"cl", []Point{{-70.6, -33.4}, {-69, -54}}, []Point{{-109.35, -27.12}}, 20},
		{"ec", []Point{{-78.5, -0.2}}, []Point{{-90.5, -0.7}}, 10},
		{"es", []Point{{-3.7, 40.4}, {2.9, 39.6}}, []Point{{-15.6, 28.1}}, 20},
		{"ru", []Point{{37.6, 55.75}, {20.5, 54.7}, {-173.2, 64.4}}, nil, 0},
		{"nz", []Point{{174.8, -41.3}, {172.6, -43.5}}, []Point{{-176.56, -43.95}}, 15},
		{"kz", []Point{{76.9, 43.2}}, nil, 45},
	} {
		g := mustLookup(t, c.code)
		m := g.Main()
		for _, p := range c.in {
			if !has(m, p) {
				t.Errorf("%s: main body lacks %v", c.code, p)
			}
		}
		for _, p := range c.out {
			if has(m, p) {
				t.Errorf("%s: main body has %v", c.code, p)
			}
		}
		if b, _ := BoundsOf(Points(m)...); c.maxWidth > 0 && b.Width() > c.maxWidth {
			t.Errorf("%s: main body %.1f° wide, want at most %v°", c.code, b.Width(), c.maxWidth)
		}
	}
	if (*Country)(nil).Main() != nil || Points(nil) == nil && len(Points(nil)) != 0 {
		t.Error("nil cases")
	}
}

// TestKazakhstanAsBefore compares the outline with the one the PDF map drew
// until now (export/internal/geo, simplified at 0.03° from the same data).
func TestKazakhstanAsBefore(t *testing.T) {
	data, err := os.ReadFile("../../export/internal/geo/kazakhstan.geojson")
	if err != nil {
		t.Skipf("old outline not found: %v", err)
	}
	var fc struct {
		Features []struct {
			Geometry struct {
				Coordinates [][][][2]float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil || len(fc.Features) != 1 {
		t.Fatalf("old outline: %v", err)
	}
	var old []Ring
	var oldPts []Point
	for _, poly := range fc.Features[0].Geometry.Coordinates {
		var r Ring
		for _, c := range poly[0] {
			r = append(r, Point{c[0], c[1]})
		}
		old = append(old, r[:len(r)-1])
		oldPts = append(oldPts, r...)
	}
	kz := mustLookup(t, "kz")
	area := func(rings []Ring) float64 {
		a := 0.0
		for _, r := range rings {
			a += ringArea(r)
		}
		return a
	}
	var rings []Ring
	for _, p := range kz.Polygons {
		rings = append(rings, p[0])
	}
	oa, na := area(old), area(rings)
	if math.Abs(na-oa)/oa > 0.02 {
		t.Errorf("area %.0f km², before %.0f km²", na, oa)
	}
	if want := 2724900.0; math.Abs(na-want)/want > 0.03 {
		t.Errorf("area %.0f km², want %.0f km² ± 3%%", na, want)
	}
	ob, _ := BoundsOf(oldPts...)
	nb := kz.Bounds
	for _, d := range []float64{nb.West - ob.West, nb.East - ob.East, nb.South - ob.South, nb.North - ob.North} {
		if math.Abs(d) > 0.05 {
			t.Errorf("bounds %+v, before %+v", nb, ob)
			break
		}
	}
	if len(kz.Polygons) != len(old) {
		t.Errorf("%d polygons, before %d", len(kz.Polygons), len(old))
	}
	t.Logf("area %.0f km² (before %.0f), %d points (before %d)", na, oa, len(Points(kz.Polygons)), len(oldPts))
}

func TestBoundsOf(t *testing.T) {
	for _, c := range []struct {
		name  string
		pts   []Point
		want  Bounds
		width float64
	}{
		{"one point", []Point{{10, 20}}, Bounds{10, 20, 10, 20}, 0},
		{"plain", []Point{{10, 20}, {30, -5}, {20, 0}}, Bounds{10, -5, 30, 20}, 20},
		{"across the antimeridian", []Point{{178, -17}, {-179, -16}, {179.5, -18}}, Bounds{178, -18, -179, -16}, 3},
		{"unwrapped longitudes", []Point{{178, 0}, {181, 1}}, Bounds{178, 0, -179, 1}, 3},
		{"ends at 180", []Point{{170, 0}, {180, 1}}, Bounds{170, 0, 180, 1}, 10},
		{"starts at -180", []Point{{-180, 0}, {-170, 1}}, Bounds{-180, 0, -170, 1}, 10},
		{"invalid left out", []Point{{10, 20}, {math.NaN(), 0}, {0, 95}, {math.Inf(1), 0}, {12, 21}}, Bounds{10, 20, 12, 21}, 2},
		{"around the world", []Point{{-180, 0}, {-60, 0}, {50, 0}}, Bounds{-180, 0, 50, 0}, 230},
	} {
		b, ok := BoundsOf(c.pts...)
		if !ok || b != c.want || math.Abs(b.Width()-c.width) > 1e-9 {
			t.Errorf("%s: %+v (width %v), want %+v (width %v)", c.name, b, b.Width(), c.want, c.width)
		}
		for _, p := range c.pts {
			if p.Valid() && !b.Contains(p) {
				t.Errorf("%s: %+v does not contain %v", c.name, b, p)
			}
		}
	}
	if _, ok := BoundsOf(); ok {
		t.Error("BoundsOf() reports a box")
	}
	if _, ok := BoundsOf(Point{math.NaN(), math.NaN()}); ok {
		t.Error("BoundsOf(NaN) reports a box")
	}
	// Fiji's points span less than 10° of longitude.
	fj := mustLookup(t, "fj")
	b, _ := BoundsOf(Points(fj.Polygons)...)
	if b.Width() >= 10 || b != fj.Bounds {
		t.Errorf("Fiji: %+v, %.1f° wide; country bounds %+v", b, b.Width(), fj.Bounds)
	}
	for _, code := range []string{"ru", "us", "nz", "ki"} {
		c := mustLookup(t, code)
		if w := c.Bounds.Width(); w > 200 || c.Bounds.East > c.Bounds.West {
			t.Errorf("%s: bounds %+v, %.0f° wide; want across the antimeridian", code, c.Bounds, w)
		}
	}
	if aq := mustLookup(t, "aq").Bounds; aq.Width() != 360 || aq.South > -89.99 {
		t.Errorf("Antarctica: bounds %+v", aq)
	}
}

func TestBoundsMethods(t *testing.T) {
	fiji := Bounds{177, -19, -178, -16}
	if c := fiji.Centre(); math.Abs(c.Lon-179.5) > 1e-9 || c.Lat != -17.5 {
		t.Errorf("Centre = %v", c)
	}
	for _, c := range []struct {
		p    Point
		want bool
	}{
		{Point{179, -17}, true}, {Point{-179, -17}, true}, {Point{181, -17}, true},
		{Point{0, -17}, false}, {Point{179, -10}, false}, {Point{math.NaN(), -17}, false},
	} {
		if got := fiji.Contains(c.p); got != c.want {
			t.Errorf("Contains(%v) = %v", c.p, got)
		}
	}
	for _, c := range []struct {
		o    Bounds
		want bool
	}{
		{Bounds{170, -20, 178, -17}, true},
		{Bounds{-179, -30, -170, -18}, true},
		{Bounds{-170, -20, 170, -17}, false}, // 340° wide, but not across 180°
		{Bounds{-177, -20, 178, -17}, true},
		{Bounds{0, -20, 10, -10}, false},
		{Bounds{178, 0, 179, 1}, false},
		{Bounds{-180, -90, 180, 90}, true},
	} {
		if got := fiji.Intersects(c.o); got != c.want {
			t.Errorf("Intersects(%+v) = %v", c.o, got)
		}
		if got := c.o.Intersects(fiji); got != c.want {
			t.Errorf("%+v.Intersects(Fiji) = %v", c.o, got)
		}
	}
	if u := fiji.Union(Bounds{-170, -15, -160, -14}); u != (Bounds{177, -19, -160, -14}) {
		t.Errorf("Union = %+v", u)
	}
	if u := (Bounds{0, 0, 10, 10}).Union(Bounds{20, 0, 30, 10}); u != (Bounds{0, 0, 30, 10}) {
		t.Errorf("Union = %+v", u)
	}
	for _, c := range []struct {
		b    Bounds
		deg  float64
		want Bounds
	}{
		{fiji, 1, Bounds{176, -20, -177, -15}},
		{Bounds{178, 0, 179, 1}, 1, Bounds{177, -1, 180, 2}},
		{Bounds{0, 80, 10, 85}, 10, Bounds{-180, 70, 180, 90}},
		{Bounds{-100, 0, 100, 10}, 90, Bounds{-180, -90, 180, 90}},
		{fiji, -1, fiji},
		{fiji, math.NaN(), fiji},
	} {
		if got := c.b.Pad(c.deg); got != c.want {
			t.Errorf("%+v.Pad(%v) = %+v, want %+v", c.b, c.deg, got, c.want)
		}
	}
	if w := (Bounds{-180, 0, 180, 0}).Width(); w != 360 {
		t.Errorf("whole Earth width %v", w)
	}
}

// TestNoCrossings checks that simplification kept the outlines sound: no
// two edges of the data cross or touch but at a shared end, within a ring,
// between the rings of a country, or between neighbours (borders are the
// same edges on both sides).
func TestNoCrossings(t *testing.T) {
	type edge struct {
		a, b Point
		code string
	}
	seen := map[[2]Point]bool{}
	var edges []edge
	for _, c := range Countries() {
		for _, p := range c.Polygons {
			for _, r := range p {
				for i := range r {
					a, b := r[i], r[(i+1)%len(r)]
					if a == b {
						t.Errorf("%s: repeated point %v", c.Code, a)
						continue
					}
					k := [2]Point{a, b}
					if b.Lon < a.Lon || b.Lon == a.Lon && b.Lat < a.Lat {
						k = [2]Point{b, a}
					}
					if seen[k] {
						continue // the other side of a border
					}
					seen[k] = true
					edges = append(edges, edge{k[0], k[1], c.Code})
				}
			}
		}
	}
	grid := map[[2]int][]int{}
	for i, e := range edges {
		for x := int(math.Floor(min(e.a.Lon, e.b.Lon))); x <= int(math.Floor(max(e.a.Lon, e.b.Lon))); x++ {
			for y := int(math.Floor(min(e.a.Lat, e.b.Lat))); y <= int(math.Floor(max(e.a.Lat, e.b.Lat))); y++ {
				grid[[2]int{x, y}] = append(grid[[2]int{x, y}], i)
			}
		}
	}
	orient := func(a, b, c Point) int {
		v := (b.Lon-a.Lon)*(c.Lat-a.Lat) - (b.Lat-a.Lat)*(c.Lon-a.Lon)
		switch {
		case v > 1e-12:
			return 1
		case v < -1e-12:
			return -1
		}
		return 0
	}
	bad := map[[2]int]bool{}
	for _, ids := range grid {
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				e, f := edges[ids[x]], edges[ids[y]]
				if e.a == f.a || e.a == f.b || e.b == f.a || e.b == f.b {
					continue
				}
				d1, d2 := orient(f.a, f.b, e.a), orient(f.a, f.b, e.b)
				d3, d4 := orient(e.a, e.b, f.a), orient(e.a, e.b, f.b)
				if d1*d2 < 0 && d3*d4 < 0 && !bad[[2]int{ids[x], ids[y]}] {
					bad[[2]int{ids[x], ids[y]}] = true
					t.Errorf("%s edge %v–%v crosses %s edge %v–%v", e.code, e.a, e.b, f.code, f.a, f.b)
				}
			}
		}
	}
	t.Logf("%d distinct edges", len(edges))
}

// TestEveryISOCountry looks up every code golang.org/x/text knows as a
// country: all are found but the few the package documentation lists and
// codes that are not assigned to a country (reserved or withdrawn).
func TestEveryISOCountry(t *testing.T) {
	missing := []string{"bv", "gi", "tk", "tv", "um"}
	notCountries := []string{"ac", "an", "cp", "cq", "cs", "dd", "dg", "ea", "ez", "fq", "fx", "ic", "jt", "mi", "nt", "pc", "pu", "su", "ta", "un", "wk", "yd", "yu"}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || !strings.EqualFold(r.String(), code) {
				continue
			}
			_, ok := Lookup(code)
			if want := !slices.Contains(missing, code) && !slices.Contains(notCountries, code); ok != want {
				t.Errorf("Lookup(%q) found %v, want %v", code, ok, want)
			}
		}
	}
}
