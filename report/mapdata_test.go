package report_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// mapDossier is model/testdata/minimal.json moved to a country: the
// country place (id c, with iso code unless empty), and one city per
// coordinate, city-0 with the two entries, the others with an entry each.
func mapDossier(t testing.TB, code string, cities ...model.Coord) *model.Dossier {
	t.Helper()
	data, err := os.ReadFile("../model/testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	d.Country = "c"
	d.Places = []model.Place{{ID: "c", Kind: model.PlaceCountry, ISO: code, Name: model.T(fr, "Pays", en, "Country")}}
	for i, c := range cities {
		id := model.PlaceID("city-" + string(rune('a'+i)))
		d.Places = append(d.Places, model.Place{ID: id, Kind: model.PlaceCity, Region: "c", Coord: &c,
			Name: model.T(fr, "Ville "+string(rune('A'+i)), en, "Town "+string(rune('A'+i)))})
	}
	day := &d.Chronology[0]
	for i := range day.Entries {
		day.Entries[i].Places = []model.PlaceID{"city-a"}
		day.Entries[i].Group = ""
	}
	for i := 1; i < len(cities); i++ {
		e := day.Entries[0]
		e.ID = model.StatementID("2022-01-05-x" + string(rune('a'+i)))
		e.Places = []model.PlaceID{d.Places[i+1].ID}
		day.Entries = append(day.Entries, e)
	}
	for i := range d.Figures {
		d.Figures[i].Scope = ""
	}
	if err := model.Validate(d).Err(); err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	return d
}

func mapOf(t *testing.T, d *model.Dossier) *report.Map {
	t.Helper()
	if err := report.Validate(d, report.Options{Languages: d.Languages}).Err(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	doc := build(t, d, report.Options{Languages: d.Languages})
	if doc.Map == nil {
		t.Fatal("no map")
	}
	return doc.Map
}

func coordPoints(cs []model.Coord) []geo.Point {
	out := make([]geo.Point, len(cs))
	for i, c := range cs {
		out[i] = geo.Point{Lon: c.Lon, Lat: c.Lat}
	}
	return out
}

// TestMapData checks the map of the Kazakhstan briefing: the country's
// code, its neighbours named in each language, and an extent of a few
// points that fits the projection that all the outline's points fit.
func TestMapData(t *testing.T) {
	doc := build(t, dossier(t), report.Options{Languages: []language.Tag{fr, en}})
	m := doc.Map
	if m.ISO != "kz" || m.Country != "kz" {
		t.Errorf("map of %q, code %q; want kz", m.Country, m.ISO)
	}
	var names []string
	for _, c := range m.Neighbours {
		names = append(names, c.ISO+"="+strings.Join(c.Name, "|"))
	}
	for _, want := range []string{"ru=Russie|Russia", "cn=Chine|China", "kg=Kirghizistan|Kyrgyzstan", "uz=Ouzbékistan|Uzbekistan"} {
		if !slices.Contains(names, want) {
			t.Errorf("neighbours %v lack %s", names, want)
		}
	}
	for _, p := range m.Points {
		if p.Abroad || p.Country != "kz" {
			t.Errorf("%s in %q, abroad %v", p.Place, p.Country, p.Abroad)
		}
	}
	if len(m.Extent) == 0 || len(m.Extent) > 8 {
		t.Fatalf("extent of %d points", len(m.Extent))
	}
	kz, _ := geo.Lookup("kz")
	all := geo.Points(kz.Main())
	for _, p := range m.Points {
		all = append(all, geo.Point{Lon: p.Coord.Lon, Lat: p.Coord.Lat})
	}
	a := geo.Fit(all, 10, 20, 170, 120, 3)
	b := geo.Fit(coordPoints(m.Extent), 10, 20, 170, 120, 3)
	for _, p := range all {
		ax, ay := a.Project(p)
		bx, by := b.Project(p)
		if d := max(abs(ax-bx), abs(ay-by)); d > 1e-6 {
			t.Fatalf("%v drawn %v mm apart by the extent's fit and the full fit", p, d)
		}
	}
	if m.Title[0] != "Carte des manifestations" || m.Title[1] != "Map of protests" {
		t.Errorf("title %q", m.Title)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// TestMapAbroad puts places abroad on a map of Afghanistan: Islamabad,
// which lies within the box of Afghanistan, and Tehran, which widens it.
// Neither is dropped; each is in its own country, named on the map.
func TestMapAbroad(t *testing.T) {
	kabul := model.Coord{Lat: 34.53, Lon: 69.17}
	islamabad := model.Coord{Lat: 33.69, Lon: 73.06}
	tehran := model.Coord{Lat: 35.69, Lon: 51.39}
	home := mapOf(t, mapDossier(t, "AF", kabul))
	abroad := mapOf(t, mapDossier(t, "AF", kabul, islamabad, tehran))
	if len(abroad.Points) != 3 {
		t.Fatalf("%d points; want 3", len(abroad.Points))
	}
	in := map[model.PlaceID]string{}
	for _, p := range abroad.Points {
		in[p.Place] = p.Country
		if p.Abroad != (p.Country != "af") {
			t.Errorf("%s in %s: abroad %v", p.Place, p.Country, p.Abroad)
		}
	}
	if in["city-a"] != "af" || in["city-b"] != "pk" || in["city-c"] != "ir" {
		t.Errorf("countries of the points: %v", in)
	}
	b0, _ := geo.BoundsOf(coordPoints(home.Extent)...)
	b1, _ := geo.BoundsOf(coordPoints(abroad.Extent)...)
	if !(b1.West < b0.West-8) || !b1.Contains(geo.Point{Lon: tehran.Lon, Lat: tehran.Lat}) {
		t.Errorf("extent %+v with Tehran, %+v without: not widened", b1, b0)
	}
	// Every point is in the frame of a fit to the extent.
	p := geo.Fit(coordPoints(abroad.Extent), 0, 0, 160, 110, 4)
	for _, pt := range abroad.Points {
		x, y := p.Project(geo.Point{Lon: pt.Coord.Lon, Lat: pt.Coord.Lat})
		if x < 4-1e-9 || x > 156+1e-9 || y < 4-1e-9 || y > 106+1e-9 {
			t.Errorf("%s drawn at %.1f, %.1f, outside the frame", pt.Place, x, y)
		}
	}
	var codes []string
	for _, c := range abroad.Neighbours {
		codes = append(codes, c.ISO)
	}
	for _, want := range []string{"pk", "ir", "tj", "cn"} {
		if !slices.Contains(codes, want) {
			t.Errorf("neighbours %v lack %s", codes, want)
		}
	}
}

// square is an outline: a box of longitudes and latitudes.
func square(west, south, east, north float64) *model.Outline {
	return &model.Outline{Polygons: []model.Polygon{{{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}}}}
}

// TestMapRegions outlines two regions of Uzbekistan: one the entries
// concern through a city within it, one the dossier's focus.
func TestMapRegions(t *testing.T) {
	d := mapDossier(t, "UZ", model.Coord{Lat: 42.46, Lon: 59.6}, model.Coord{Lat: 41.3, Lon: 69.24})
	d.Places = append(d.Places,
		model.Place{ID: "karakalpakstan", Kind: model.PlaceRegion, Region: "c", Name: model.T(fr, "Karakalpakstan", en, "Karakalpakstan"), Outline: square(56, 41, 62, 45.5)},
		model.Place{ID: "tashkent-region", Kind: model.PlaceRegion, Region: "c", Name: model.T(fr, "Région de Tachkent", en, "Tashkent Region"), Outline: square(68.5, 40.5, 71, 42)},
	)
	d.Places[1].Region = "karakalpakstan"
	d.Focus = "tashkent-region"
	m := mapOf(t, d)
	if len(m.Regions) != 2 {
		t.Fatalf("%d regions; want 2", len(m.Regions))
	}
	k, f := m.Regions[0], m.Regions[1]
	if k.Place != "karakalpakstan" || k.Entries != 2 || k.Focus || k.Name[1] != "Karakalpakstan" {
		t.Errorf("first region %+v", k)
	}
	if f.Place != "tashkent-region" || f.Entries != 0 || !f.Focus {
		t.Errorf("second region %+v", f)
	}
	// The regions' outlines are within the extent.
	b, _ := geo.BoundsOf(coordPoints(m.Extent)...)
	for _, c := range []geo.Point{{Lon: 56, Lat: 41}, {Lon: 62, Lat: 45.5}, {Lon: 71, Lat: 40.5}} {
		if !b.Contains(c) {
			t.Errorf("extent %+v lacks %v", b, c)
		}
	}
	// A region the entries do not concern, and that is not the focus, is
	// not drawn; neither is the dossier's country, outlined or not.
	d.Focus = ""
	d.Places[0].Outline = square(56, 37, 73, 46)
	m = mapOf(t, d)
	if len(m.Regions) != 1 || m.Regions[0].Place != "karakalpakstan" {
		t.Errorf("regions %v; want Karakalpakstan alone", m.Regions)
	}
}

// TestValidateMap checks the map's issues: a country with no outline, a
// code the data lacks, a city or an outline too far away; and no issue
// when the briefing has no map.
func TestValidateMap(t *testing.T) {
	almatyAt := model.Coord{Lat: 43.24, Lon: 76.89}
	for _, c := range []struct {
		name string
		edit func(d *model.Dossier)
		want []string // path: message part
	}{
		{"no iso", func(d *model.Dossier) {}, []string{`country: map cannot be drawn: no outline of the country "c" to draw the map with: give places[0].iso`}},
		{"iso the data lacks", func(d *model.Dossier) { d.Places[0].ISO = "TV" }, []string{`places[0].iso: map cannot be drawn: the map data has no outline of "TV"`}},
		{"id as code", func(d *model.Dossier) { d.Places[0].ID, d.Country, d.Places[1].Region = "kz", "kz", "kz" }, nil},
		{"a city in Argentina", func(d *model.Dossier) {
			d.Places[0].ISO = "KZ"
			d.Places[1].Coord = &model.Coord{Lat: -34.6, Lon: -58.4}
		}, []string{`places[1].coord: map cannot be drawn: "city-a" lies 1`}},
		{"an outline in Alaska", func(d *model.Dossier) {
			d.Places[0].ISO = "KZ"
			d.Places = append(d.Places, model.Place{ID: "r", Kind: model.PlaceRegion, Region: "c", Name: model.T(fr, "R", en, "R"), Outline: square(-150, 60, -140, 65)})
			d.Places[1].Region = "r"
		}, []string{`places[2].outline: map cannot be drawn: the outline of "r" reaches`}},
		{"no map", func(d *model.Dossier) { d.Places[1].Coord = nil }, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := mapDossier(t, "", almatyAt)
			c.edit(d)
			if err := model.Validate(d).Err(); err != nil {
				t.Fatal(err)
			}
			issues := report.Validate(d, report.Options{})
			var got []string
			for _, is := range issues {
				got = append(got, is.Path+": "+is.Err.Error())
				if !errors.Is(is.Err, report.ErrMap) || is.Severity != model.SeverityError {
					t.Errorf("issue %v: not an error wrapping ErrMap", is)
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("issues %q; want %d", got, len(c.want))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("issue %q; want it to start %q", got[i], c.want[i])
				}
			}
			// Without a map, nothing to check.
			if issues := report.Validate(d, report.Options{Omit: []report.Part{report.PartMap}}); len(issues) != 0 {
				t.Errorf("with the map left out: %v", issues)
			}
			// Build builds whatever the map's issues, drawing what it can.
			if _, err := report.Build(d, report.Options{}); err != nil {
				t.Errorf("Build: %v", err)
			}
		})
	}
}

// TestKeywords checks the months of the keywords: every month of the
// period, not only the first.
func TestKeywords(t *testing.T) {
	for _, c := range []struct{ period, want string }{
		{"2022-01-01/2022-01-31", "Kazakhstan, Country of origin information, 2022-01"},
		{"2022-06-28/2022-07-15", "Kazakhstan, Country of origin information, 2022-06, 2022-07"},
		{"2021-11-20/2022-02-03", "Kazakhstan, Country of origin information, 2021-11, 2021-12, 2022-01, 2022-02"},
		{"2020-01-01/2022-12-31", "Kazakhstan, Country of origin information, 2020-01/2022-12"},
		{"2022-07-04/..", "Kazakhstan, Country of origin information, 2022-07/.."},
		{"2022-07-04", "Kazakhstan, Country of origin information, 2022-07"},
	} {
		d := dossier(t)
		p, err := model.ParseDateSpan(c.period)
		if err != nil {
			t.Fatal(err)
		}
		d.Period = p
		doc := build(t, d, report.Options{Languages: []language.Tag{en}})
		if got := doc.Meta.Keywords[0]; got != c.want {
			t.Errorf("period %s: keywords %q; want %q", c.period, got, c.want)
		}
	}
}

// TestClaimantChannel checks that a claimant's channel is printed with
// its name, and that a claimant is one claimant whatever its channel.
func TestClaimantChannel(t *testing.T) {
	d := dossier(t)
	doc := build(t, d, report.Options{Languages: []language.Tag{fr, en}})
	for _, it := range eachItem(t, doc) {
		if it.ID == "fig-44" {
			if want := (report.L{"ministère de la Santé (Telegram)", "Ministry of Health (Telegram)"}); !slices.Equal(it.Claimant, want) {
				t.Errorf("claimant %q; want %q", it.Claimant, want)
			}
			return
		}
	}
	t.Error("no fig-44")
}
