package synth

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// kazakh are the letters of Kazakh Cyrillic that Russian lacks, and words
// that make a place look Kazakh.
var kazakh = []string{"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "akimat", "облысы", "ауданы", "microdistrict", "микрорайон"}

// TestEveryCountry generates a dossier for every country of the map data
// that has an ISO 3166-1 code, down to the Vatican, and checks that it
// validates, that the country place has the right code and names, that
// every place lies inside the country's outline, and that none looks
// Kazakh.
func TestEveryCountry(t *testing.T) {
	tried := 0
	for _, c := range geo.Countries() {
		if r, err := language.ParseRegion(c.Code); err != nil || !r.IsCountry() {
			continue
		}
		tried++
		t.Run(c.Code, func(t *testing.T) {
			code := strings.ToUpper(c.Code)
			d := generate(t, Options{Entries: 40, Figures: 60, Seed: 3, Country: code})
			for _, is := range model.Validate(d) {
				if is.Severity == model.SeverityError || is.Erratum == nil {
					t.Errorf("%v", is)
				}
			}
			if err := report.Validate(d, report.Options{Languages: []language.Tag{fr, en}}).Err(); err != nil {
				t.Error(err)
			}
			home := d.Places[0]
			if d.Country != model.PlaceID(c.Code) || home.ID != d.Country || home.Kind != model.PlaceCountry || home.ISO != code {
				t.Errorf("country %q, first place %s (%s, iso %q); want %s, iso %s", d.Country, home.ID, home.Kind, home.ISO, c.Code, code)
			}
			if home.Name[fr] != c.NameIn(fr) || home.Name[en] != c.NameIn(en) {
				t.Errorf("country named %q / %q; want %q / %q", home.Name[fr], home.Name[en], c.NameIn(fr), c.NameIn(en))
			}
			if !strings.HasPrefix(d.Title[en], c.NameIn(en)+": ") {
				t.Errorf("title %q", d.Title[en])
			}
			for _, p := range d.Places {
				if p.Coord == nil {
					if p.Kind != model.PlaceSite {
						t.Errorf("%s %s has no coordinates", p.Kind, p.ID)
					}
					continue
				}
				if !c.Contains(geo.Point{Lon: p.Coord.Lon, Lat: p.Coord.Lat}) {
					t.Errorf("%s %s at (%v, %v) lies outside %s", p.Kind, p.ID, p.Coord.Lat, p.Coord.Lon, c.Code)
				}
				if p.ID == d.Country {
					continue
				}
				for _, s := range append([]string{p.Name[fr], p.Name[en]}, p.Aliases...) {
					for _, k := range kazakh {
						if strings.Contains(s, k) {
							t.Errorf("place %s looks Kazakh: %q", p.ID, s)
						}
					}
				}
			}
		})
	}
	if tried < 240 {
		t.Errorf("%d countries tried; want most of the %d", tried, len(geo.Countries()))
	}
}

// The places of a dossier set in a real country spread over it: no two
// regions at the same point, and cities in most of its regions' areas.
func TestCountrySpread(t *testing.T) {
	d := generate(t, Options{Entries: 400, Figures: 10, Seed: 5, Country: "et"})
	seen := map[model.Coord]bool{}
	var lats, lons []float64
	for _, p := range d.Places {
		if p.Kind != model.PlaceRegion && p.Kind != model.PlaceCity {
			continue
		}
		if seen[*p.Coord] && p.Kind == model.PlaceRegion {
			t.Errorf("region %s at the same point as another place", p.ID)
		}
		seen[*p.Coord] = true
		lats, lons = append(lats, p.Coord.Lat), append(lons, p.Coord.Lon)
	}
	c, _ := geo.Lookup("et")
	spanLat := (c.Bounds.North - c.Bounds.South)
	spanLon := c.Bounds.Width()
	lo, hi := minmax(lats)
	if hi-lo < spanLat/2 {
		t.Errorf("regions and cities span %.1f° of latitude of Ethiopia's %.1f°", hi-lo, spanLat)
	}
	lo, hi = minmax(lons)
	if hi-lo < spanLon/2 {
		t.Errorf("regions and cities span %.1f° of longitude of Ethiopia's %.1f°", hi-lo, spanLon)
	}
}

func minmax(xs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}

// Same options, same bytes; and the stream is what model.Encode writes.
func TestCountryDeterministic(t *testing.T) {
	opt := Options{Entries: 200, Figures: 500, Seed: 11, Country: "VE"}
	a, b := written(t, opt), written(t, opt)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same options differ")
	}
	if enc := encode(t, generate(t, opt)); !bytes.Equal(a, enc) {
		t.Fatal("WriteJSON differs from model.Encode of Dossier")
	}
	opt.Country = "ve"
	if c := written(t, opt); !bytes.Equal(a, c) {
		t.Fatal("country codes in lower and upper case give different dossiers")
	}
	opt.Seed++
	if c := written(t, opt); bytes.Equal(a, c) {
		t.Fatal("seeds 11 and 12 give the same dossier")
	}
	opt.Country = ""
	if c := written(t, opt); bytes.Contains(c, []byte(`"iso": "VE"`)) {
		t.Fatal("no country gives Venezuela")
	}
}

// Names of countries take their articles in running text.
func TestCountryNames(t *testing.T) {
	for _, tc := range []struct{ code, frOf, enIn string }{
		{"af", "de l’Afghanistan", "Afghanistan"},
		{"et", "de l’Éthiopie", "Ethiopia"},
		{"ve", "du Venezuela", "Venezuela"},
		{"ge", "de la Géorgie", "Georgia"},
		{"us", "des États-Unis", "the United States"},
		{"nl", "des Pays-Bas", "the Netherlands"},
		{"mx", "du Mexique", "Mexico"},
		{"cu", "de Cuba", "Cuba"},
		{"il", "d’Israël", "Israel"},
		{"kr", "de la Corée du Sud", "South Korea"},
		{"cd", "du Congo-Kinshasa", "Congo - Kinshasa"},
		{"do", "de la République dominicaine", "the Dominican Republic"},
		{"sb", "des Îles Salomon", "the Solomon Islands"},
	} {
		l, err := newLand(tc.code)
		if err != nil {
			t.Fatal(err)
		}
		if l.frOf != tc.frOf || l.enIn != tc.enIn {
			t.Errorf("%s: %q, %q; want %q, %q", tc.code, l.frOf, l.enIn, tc.frOf, tc.enIn)
		}
	}
}

func TestCountryOptions(t *testing.T) {
	for _, tc := range []struct{ code, want string }{
		{"AFG", `synth: invalid options: country "AFG": want an ISO 3166-1 alpha-2 code, such as AF or ET`},
		{"4", `synth: invalid options: country "4": want an ISO 3166-1 alpha-2 code, such as AF or ET`},
		{"a1", `synth: invalid options: country "a1": want an ISO 3166-1 alpha-2 code, such as AF or ET`},
		{"ZZ", `synth: invalid options: country "ZZ" is not an ISO 3166-1 alpha-2 country code`},
		{"QM", `synth: invalid options: country "QM" is not an ISO 3166-1 alpha-2 country code`},
		{"BV", `synth: invalid options: country "BV": the map data has no outline for it`},
	} {
		opt := Options{Entries: 5, Country: tc.code}
		_, err := Dossier(opt)
		if err == nil || err.Error() != tc.want || !errors.Is(err, ErrOptions) {
			t.Errorf("Dossier(%+v): got %v; want %s", opt, err, tc.want)
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, opt); err == nil || err.Error() != tc.want || b.Len() > 0 {
			t.Errorf("WriteJSON(%+v): got %v and %d bytes; want %s and none", opt, err, b.Len(), tc.want)
		}
	}
}
