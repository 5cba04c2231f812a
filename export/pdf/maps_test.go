package pdf

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/internal/maplayout"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// countryDossier is model/testdata/minimal.json moved to the country of
// the code: its place has the code as iso (or as id, for the codes that
// ISO 3166-1 lacks), and its cities lie at the given points, the first
// with the two entries of minimal.json, each other with one entry.
func countryDossier(t testing.TB, code string, cities ...geo.Point) *model.Dossier {
	t.Helper()
	data, err := os.ReadFile("../../model/testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	en, fr := language.English, language.French
	d.Country = "c"
	d.Places = []model.Place{{ID: "c", Kind: model.PlaceCountry, ISO: strings.ToUpper(code), Name: model.T(fr, "Pays", en, "Country")}}
	if strings.HasPrefix(code, "x") { // Kosovo, Somaliland, N. Cyprus, Siachen: no ISO code
		d.Country, d.Places[0].ID, d.Places[0].ISO = model.PlaceID(code), model.PlaceID(code), ""
	}
	day := &d.Chronology[0]
	for i, c := range cities {
		id := model.PlaceID("city-" + strconv.Itoa(i))
		d.Places = append(d.Places, model.Place{ID: id, Kind: model.PlaceCity, Region: d.Country, Coord: &model.Coord{Lat: c.Lat, Lon: c.Lon},
			Name: model.T(fr, "Ville "+letters(i), en, "Town "+letters(i))})
		if i == 0 {
			for j := range day.Entries {
				day.Entries[j].Places, day.Entries[j].Group = []model.PlaceID{id}, ""
			}
			continue
		}
		e := day.Entries[0]
		e.ID = model.StatementID("2022-01-05-x" + strconv.Itoa(i))
		e.Places = []model.PlaceID{id}
		day.Entries = append(day.Entries, e)
	}
	for i := range d.Figures {
		d.Figures[i].Scope = ""
	}
	if err := model.Validate(d).Err(); err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	if err := report.Validate(d, report.Options{}).Err(); err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	return d
}

// letters names the i-th town: A, B, …, Z, AA, AB, …
func letters(i int) string {
	s := string(rune('A' + i%26))
	if i >= 26 {
		s = letters(i/26-1) + s
	}
	return s
}

// mapOf builds the English briefing of d and lays its map out as the
// renderer does on A4.
func mapOf(t testing.TB, d *model.Dossier) (*report.Map, *mapLayout) {
	t.Helper()
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.English}})
	if err != nil {
		t.Fatal(err)
	}
	m := doc.Map
	if m == nil {
		t.Fatal("no map")
	}
	var ms measurer
	width := func(s string, st style) float64 { return ms.width(s, st, "test") }
	h := mapFrameHeight(m, a4.textW, mapMaxH)
	lay := layoutMap(m, 0, a4.marginL, 0, a4.textW, h, width)
	if err := ms.err(); err != nil {
		t.Fatal(err)
	}
	return m, lay
}

// inRings reports whether (x, y) lies in the rings by the even-odd rule.
func inRings(rings [][]geo.XY, x, y float64) bool {
	in := false
	for _, r := range rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a.Y > y) != (b.Y > y) && x < a.X+(y-a.Y)*(b.X-a.X)/(b.Y-a.Y) {
				in = !in
			}
		}
	}
	return in
}

func has(r maplayout.Rect, x, y float64) bool {
	const eps = 1e-9
	return x >= r.X0-eps && x <= r.X1+eps && y >= r.Y0-eps && y <= r.Y1+eps
}

// TestMapEveryCountry lays out, for every country of the map data, the
// map of a dossier about it with one city at the country's label point:
// the country drawn is that country, and the city's point lies in the
// frame and in the country's outline as drawn.
func TestMapEveryCountry(t *testing.T) {
	cs := geo.Countries()
	if len(cs) != 248 {
		t.Fatalf("%d countries", len(cs))
	}
	for _, c := range cs {
		m, lay := mapOf(t, countryDossier(t, c.Code, c.LabelPoint()))
		if m.ISO != c.Code {
			t.Errorf("%s: the map's code is %q", c.Code, m.ISO)
		}
		if lay.Country.Country != c || len(lay.Country.Rings) == 0 {
			t.Errorf("%s: the map draws %v, with %d rings", c.Code, lay.Country.Country, len(lay.Country.Rings))
			continue
		}
		for _, o := range lay.Others {
			if o.Country == c {
				t.Errorf("%s: drawn twice", c.Code)
			}
		}
		dot := lay.Dots[0]
		if !has(lay.Frame, dot.X, dot.Y) {
			t.Errorf("%s: the city at %.1f, %.1f is outside the frame %+v", c.Code, dot.X, dot.Y, lay.Frame)
		}
		if !inRings(lay.Country.Rings, dot.X, dot.Y) {
			t.Errorf("%s: the city at %.1f, %.1f is outside the country as drawn", c.Code, dot.X, dot.Y)
		}
	}
}

// TestMapPlaces checks the Kazakhstan map: each place lies in its drawn
// country (or, for a coastal town the 1:50m coast leaves in the sea,
// within 12 km of it), inside the frame; names never collide with each
// other or with a point, stay in the frame, and every point is named or
// listed as not named.
func TestMapPlaces(t *testing.T) {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	m, lay := mapOf(t, d)
	kz, _ := geo.Lookup("kz")
	named := map[int]bool{}
	for i, p := range m.Points {
		dot := lay.Dots[i]
		if !has(lay.Frame, dot.X, dot.Y) {
			t.Errorf("%s outside the frame", p.Place)
		}
		if !inRings(lay.Country.Rings, dot.X, dot.Y) {
			// The nearest edge, on the page, in km.
			km := math.Inf(1)
			for _, r := range lay.Country.Rings {
				for k := range r {
					km = math.Min(km, segDist(geo.XY{X: dot.X, Y: dot.Y}, r[k], r[(k+1)%len(r)])/lay.Proj.Scale())
				}
			}
			if km > 12 {
				t.Errorf("%s at %+v: %.1f km out of the country as drawn", p.Place, p.Coord, km)
			} else {
				t.Logf("%s: %.1f km off the simplified coast", p.Place, km)
			}
		}
		if in := kz.Contains(geo.Point{Lon: p.Coord.Lon, Lat: p.Coord.Lat}); !in && p.Place != "fort-shevchenko" {
			t.Errorf("%s is not in Kazakhstan's outline", p.Place)
		}
	}
	checkLabels(t, lay, len(m.Points))
	for _, lb := range lay.Labels {
		if lb.Point >= 0 {
			named[lb.Point] = true
		}
	}
	for _, i := range lay.Unlabelled {
		if named[i] {
			t.Errorf("point %d both named and listed", i)
		}
		named[i] = true
	}
	if len(named) != len(m.Points) {
		t.Errorf("%d of %d points named or listed", len(named), len(m.Points))
	}
	if len(lay.Unlabelled) == 0 || len(lay.Unlabelled) > 8 {
		t.Errorf("%d points not named; want a few, in the crowd around Aktau", len(lay.Unlabelled))
	}
	// The neighbours are named.
	var names []string
	for _, lb := range lay.Labels {
		if lb.Point < 0 {
			names = append(names, lb.Text)
		}
	}
	for _, want := range []string{"Russia", "China", "Kyrgyzstan", "Uzbekistan"} {
		if !strings.Contains(strings.Join(names, "|"), want) {
			t.Errorf("countries named %v; want %s", names, want)
		}
	}
}

// checkLabels checks that names stay in the frame and collide neither
// with each other nor with a point.
func checkLabels(t *testing.T, lay *mapLayout, points int) {
	t.Helper()
	for i, a := range lay.Labels {
		if !a.Box.Within(lay.Frame) {
			t.Errorf("name %q out of the frame", a.Text)
		}
		for _, b := range lay.Labels[i+1:] {
			if a.Box.Overlaps(b.Box) {
				t.Errorf("names %q and %q overlap", a.Text, b.Text)
			}
		}
		for _, d := range lay.Dots {
			if a.Box.Overlaps(maplayout.Rect{X0: d.X - d.R, Y0: d.Y - d.R, X1: d.X + d.R, Y1: d.Y + d.R}) {
				t.Errorf("name %q covers a point", a.Text)
			}
		}
	}
	if len(lay.Dots) != points {
		t.Errorf("%d points drawn of %d", len(lay.Dots), points)
	}
}

func segDist(p, a, b geo.XY) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := 0.0
	if dx != 0 || dy != 0 {
		t = math.Max(0, math.Min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/(dx*dx+dy*dy)))
	}
	return math.Hypot(p.X-a.X-t*dx, p.Y-a.Y-t*dy)
}

// TestMapAbroad puts Islamabad and Tehran on a map of Afghanistan: they
// are drawn, in the frame; Tehran widens the extent (the map's scale
// shrinks); Pakistan and Iran are named.
func TestMapAbroad(t *testing.T) {
	kabul := geo.Point{Lon: 69.17, Lat: 34.53}
	islamabad := geo.Point{Lon: 73.06, Lat: 33.69}
	tehran := geo.Point{Lon: 51.39, Lat: 35.69}
	_, home := mapOf(t, countryDossier(t, "af", kabul))
	m, abroad := mapOf(t, countryDossier(t, "af", kabul, islamabad, tehran))
	if len(abroad.Dots) != 3 {
		t.Fatalf("%d points drawn", len(abroad.Dots))
	}
	for i, d := range abroad.Dots {
		if !has(abroad.Frame, d.X, d.Y) {
			t.Errorf("%s outside the frame", m.Points[i].Place)
		}
	}
	if !(abroad.Proj.Scale() < 0.8*home.Proj.Scale()) {
		t.Errorf("scale %.4f mm/km with Tehran, %.4f without: the extent did not widen", abroad.Proj.Scale(), home.Proj.Scale())
	}
	if !inRings(abroad.Country.Rings, abroad.Dots[0].X, abroad.Dots[0].Y) {
		t.Error("Kabul outside Afghanistan")
	}
	pk, _ := geo.Lookup("pk")
	for _, s := range abroad.Others {
		if s.Country == pk && !inRings(s.Rings, abroad.Dots[1].X, abroad.Dots[1].Y) && !inRings(s.Rings, abroad.Dots[2].X, abroad.Dots[2].Y) {
			t.Error("Islamabad outside Pakistan")
		}
	}
	var names []string
	for _, lb := range abroad.Labels {
		names = append(names, lb.Text)
	}
	for _, want := range []string{"Pakistan", "Iran", "Town B", "Town C"} {
		if !strings.Contains(strings.Join(names, "|"), want) {
			t.Errorf("names %v lack %s", names, want)
		}
	}
	checkLabels(t, abroad, 3)
}

// TestMapAntimeridian draws Russia, Fiji and the United States, which
// cross the antimeridian: every point of their main body's outline lies
// in the frame, and no edge of them as drawn spans the map, as one would
// that jumped from 180° to −180°.
func TestMapAntimeridian(t *testing.T) {
	for _, code := range []string{"ru", "fj", "us", "ki", "nz"} {
		c, _ := geo.Lookup(code)
		_, lay := mapOf(t, countryDossier(t, code, c.LabelPoint()))
		for _, p := range geo.Points(c.Main()) {
			if x, y := lay.Proj.Project(p); !has(lay.Frame, x, y) {
				t.Errorf("%s: %v drawn at %.1f, %.1f, outside the frame", code, p, x, y)
				break
			}
		}
		w := lay.Frame.X1 - lay.Frame.X0
		longest := 0.0
		for _, r := range lay.Country.Rings {
			for k := range r {
				a, b := r[k], r[(k+1)%len(r)]
				if a.X == b.X && (a.X == lay.Frame.X0 || a.X == lay.Frame.X1) || a.Y == b.Y && (a.Y == lay.Frame.Y0 || a.Y == lay.Frame.Y1) {
					continue // along the frame, where a far island is cut
				}
				longest = math.Max(longest, math.Hypot(b.X-a.X, b.Y-a.Y))
			}
		}
		if longest > w/4 {
			t.Errorf("%s: an edge %.0f mm long across a map %.0f mm wide", code, longest, w)
		}
	}
}

// TestMapRegions outlines a region on the map of Uzbekistan: it is drawn
// in the frame, holds its city, and is named.
func TestMapRegions(t *testing.T) {
	d := countryDossier(t, "uz", geo.Point{Lon: 59.6, Lat: 42.46}, geo.Point{Lon: 69.24, Lat: 41.3})
	en, fr := language.English, language.French
	d.Places = append(d.Places, model.Place{ID: "karakalpakstan", Kind: model.PlaceRegion, Region: "c",
		Name:    model.T(fr, "Karakalpakstan", en, "Karakalpakstan"),
		Outline: &model.Outline{Polygons: []model.Polygon{{{{56, 41}, {62, 41}, {62, 45.5}, {56, 45.5}, {56, 41}}}}}})
	d.Places[1].Region = "karakalpakstan"
	m, lay := mapOf(t, d)
	if len(m.Regions) != 1 || len(lay.Regions) != 1 || len(lay.Regions[0]) != 1 {
		t.Fatalf("regions %v drawn as %v", m.Regions, lay.Regions)
	}
	r := lay.Regions[0][0]
	for _, p := range r {
		if !has(lay.Frame, p.X, p.Y) {
			t.Fatalf("the region drawn out of the frame at %v", p)
		}
	}
	if !inRings(lay.Regions[0], lay.Dots[0].X, lay.Dots[0].Y) || inRings(lay.Regions[0], lay.Dots[1].X, lay.Dots[1].Y) {
		t.Error("the region does not hold its city, or holds the other")
	}
	found := false
	for _, lb := range lay.Labels {
		found = found || lb.Text == "Karakalpakstan" && lb.Style == maplayout.RegionName
	}
	if !found {
		t.Error("the region is not named")
	}
}

// TestMapCrowd lays out a map of a hundred places close together: names
// never collide, and those that find no room are listed.
func TestMapCrowd(t *testing.T) {
	var pts []geo.Point
	for i := range 100 {
		pts = append(pts, geo.Point{Lon: 76.9 + float64(i%10)*0.05, Lat: 43.2 + float64(i/10)*0.04})
	}
	pts = append(pts, geo.Point{Lon: 51.2, Lat: 43.6}, geo.Point{Lon: 82.6, Lat: 49.9})
	m, lay := mapOf(t, countryDossier(t, "kz", pts...))
	checkLabels(t, lay, len(m.Points))
	if len(lay.Unlabelled) < 50 {
		t.Errorf("%d of %d points not named", len(lay.Unlabelled), len(m.Points))
	}
}

// needTool returns the path of a program the test runs, skipping the
// test when it is missing, unless COIBRIEF_REQUIRE_TOOLS=1.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed: apt-get install poppler-utils", name)
		}
		t.Skipf("%s not installed (apt-get install poppler-utils); skipping", name)
	}
	return p
}

// renderText renders the English briefing of d and returns the text of
// each page as pdftotext reads it.
func renderText(t *testing.T, d *model.Dossier, opt Options) []string {
	t.Helper()
	pdftotext := needTool(t, "pdftotext")
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.English}})
	if err != nil {
		t.Fatal(err)
	}
	data, info, err := Render(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "map.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	pages := make([]string, info.Pages)
	for p := range pages {
		out, err := exec.Command(pdftotext, "-f", strconv.Itoa(p+1), "-l", strconv.Itoa(p+1), "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages[p] = strings.Join(strings.Fields(string(out)), " ")
	}
	return pages
}

// TestMapPDF renders maps and reads them back: the dossier's title for
// the map, the names of places and countries, the places abroad in the
// table with their country, the legend of the kinds present only; and
// no map page, nor contents line, for a briefing with no place to draw.
func TestMapPDF(t *testing.T) {
	en, fr := language.English, language.French
	d := countryDossier(t, "af", geo.Point{Lon: 69.17, Lat: 34.53}, geo.Point{Lon: 73.06, Lat: 33.69}, geo.Point{Lon: 51.39, Lat: 35.69})
	// The catalog's title, by default.
	if pages := renderText(t, d, Options{}); !strings.Contains(pages[1], "Map of events") || !strings.Contains(strings.Join(pages, "\n"), "Map of events China") {
		t.Errorf("no map titled Map of events:\n%s", strings.Join(pages, "\n"))
	}
	d.MapTitle = model.T(fr, "Carte de la crise", en, "Map of the crisis")
	for _, opt := range []Options{{}, {Paper: Letter, Margins: Margins{Left: 30, Right: 30}}} {
		pages := renderText(t, d, opt)
		mapPage := ""
		for _, p := range pages {
			if strings.Contains(p, "Map of the crisis") && strings.Contains(p, "Entries 1 5 10 30") {
				mapPage = p
			}
		}
		if !strings.Contains(pages[1], "Map of the crisis") || mapPage == "" {
			t.Fatalf("%+v: no map page, or no contents line for it:\n%s", opt, strings.Join(pages, "\n"))
		}
		for _, want := range []string{"Pakistan", "Iran", "Tajikistan", "Town A", "Town B", "Town C", "Town B (Pakistan)", "Town C (Iran)", "Riot"} {
			if !strings.Contains(mapPage, want) {
				t.Errorf("%+v: the map page lacks %q:\n%s", opt, want, mapPage)
			}
		}
		for _, not := range []string{"Lethal force", "Arrests", "Map of events"} {
			if strings.Contains(mapPage, not) {
				t.Errorf("%+v: the map page has %q", opt, not)
			}
		}
	}
	// No coordinates, no map.
	for i := range d.Places {
		d.Places[i].Coord = nil
	}
	for _, p := range renderText(t, d, Options{}) {
		if strings.Contains(p, "Map of") {
			t.Errorf("a briefing with no place to draw has a map: %s", p)
		}
	}
}

// BenchmarkMap measures what the map costs a render: its layout alone
// (the projection, every country in the frame, the names), and the
// French PDF of a briefing with and without its map, for Kazakhstan's
// dossier and for a dossier about Russia, whose map shows the most
// countries. The embedded outlines are decoded before the timer starts
// (internal/geo's BenchmarkDecode measures that, once per process).
func BenchmarkMap(b *testing.B) {
	if err := geo.DataError(); err != nil {
		b.Fatal(err)
	}
	kz, _, err := kazakhstan.Dossier()
	if err != nil {
		b.Fatal(err)
	}
	ru, _ := geo.Lookup("ru")
	for _, c := range []struct {
		name string
		d    *model.Dossier
	}{
		{"kazakhstan", kz},
		{"russia", countryDossier(b, "ru", ru.LabelPoint(), geo.Point{Lon: 37.6, Lat: 55.75}, geo.Point{Lon: 131.9, Lat: 43.1})},
	} {
		b.Run(c.name+"/layout", func(b *testing.B) {
			m, _ := mapOf(b, c.d)
			var ms measurer
			width := func(s string, st style) float64 { return ms.width(s, st, "bench") }
			h := mapFrameHeight(m, a4.textW, mapMaxH)
			b.ReportAllocs()
			for b.Loop() {
				layoutMap(m, 0, a4.marginL, 0, a4.textW, h, width)
			}
		})
		for _, with := range []bool{true, false} {
			name := c.name + "/pdf-with-map"
			opt := report.Options{Languages: []language.Tag{language.French}}
			if !with {
				name = c.name + "/pdf-without-map"
				opt.Omit = []report.Part{report.PartMap}
			}
			b.Run(name, func(b *testing.B) {
				doc, err := report.Build(c.d, opt)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				var size int
				for b.Loop() {
					data, _, err := Render(doc, Options{})
					if err != nil {
						b.Fatal(err)
					}
					size = len(data)
				}
				b.ReportMetric(float64(size), "bytes")
			})
		}
	}
}

// TestMapExamplePlaces checks every place of the example dossiers' maps
// by point in polygon: it lies in the outline of its country as drawn
// (its own, or a neighbour's for a place abroad), or, for a port that
// the 1:50m coast leaves in the sea, within 12 km of it.
func TestMapExamplePlaces(t *testing.T) {
	kz, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	ds := []*model.Dossier{kz}
	for _, code := range []string{"af", "et", "ge", "ve", "de"} {
		d, issues, err := model.LoadFile(filepath.Join("..", "..", "examples", "dossiers", code+"-example.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := issues.Err(); err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	for _, d := range ds {
		m, lay := mapOf(t, d)
		shapes := map[string][][]geo.XY{m.ISO: lay.Country.Rings}
		for _, s := range lay.Others {
			shapes[s.Country.Code] = s.Rings
		}
		for i, p := range m.Points {
			rings, ok := shapes[p.Country]
			dot := lay.Dots[i]
			if !ok || !has(lay.Frame, dot.X, dot.Y) {
				t.Errorf("%s: %s, in %q, not drawn in its country, or outside the frame", d.ID, p.Place, p.Country)
				continue
			}
			if inRings(rings, dot.X, dot.Y) {
				continue
			}
			km := math.Inf(1)
			for _, r := range rings {
				for k := range r {
					km = math.Min(km, segDist(geo.XY{X: dot.X, Y: dot.Y}, r[k], r[(k+1)%len(r)])/lay.Proj.Scale())
				}
			}
			if km > 12 {
				t.Errorf("%s: %s at %+v lies %.1f km out of %s as drawn", d.ID, p.Place, p.Coord, km, p.Country)
			}
		}
		checkLabels(t, lay, len(m.Points))
	}
}
