package synth

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// land is a real country a dossier is generated for (Options.Country):
// its outline, where places are drawn, and its names.
type land struct {
	code  string // ISO 3166-1 alpha-2, lower case
	c     *geo.Country
	polys []landPoly // the polygons of its main body, with their share of its area
	total float64    // their weights summed
	// spreadLat and spreadLon are how far from its region a city is
	// drawn: a share of the main body's extent, at most what the
	// fictitious country uses.
	spreadLat, spreadLon float64

	en, fr string // the names in titles: "United States", "États-Unis"
	enIn   string // in running English: "the United States"
	frOf   string // "de" and the French name with its article: "des États-Unis", "de l’Afghanistan"
	ru, kk string
	others []string // the names in other languages, for aliases
}

// landPoly is a polygon of a country's main body and its bounding box, in
// the polygon's own longitudes (which may run past 180°).
type landPoly struct {
	west, south, east, north float64
	weight                   float64 // about its area
}

// newLand looks the country code up in the embedded map data.
func newLand(code string) (*land, error) {
	if len(code) != 2 || strings.IndexFunc(code, func(r rune) bool { return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') }) >= 0 {
		return nil, fmt.Errorf("synth: %w: country %q: want an ISO 3166-1 alpha-2 code, such as AF or ET", ErrOptions, code)
	}
	if r, err := language.ParseRegion(code); err != nil || !r.IsCountry() {
		return nil, fmt.Errorf("synth: %w: country %q is not an ISO 3166-1 alpha-2 country code", ErrOptions, code)
	}
	c, ok := geo.Lookup(code)
	if !ok {
		return nil, fmt.Errorf("synth: %w: country %q: the map data has no outline for it", ErrOptions, code)
	}
	l := &land{code: strings.ToLower(code), c: c}
	for _, p := range c.Main() {
		if len(p) == 0 || len(p[0]) == 0 {
			continue
		}
		lp := landPoly{west: math.Inf(1), south: math.Inf(1), east: math.Inf(-1), north: math.Inf(-1)}
		area := 0.0
		ring := p[0]
		for i, q := range ring {
			lp.west, lp.east = min(lp.west, q.Lon), max(lp.east, q.Lon)
			lp.south, lp.north = min(lp.south, q.Lat), max(lp.north, q.Lat)
			n := ring[(i+1)%len(ring)]
			area += (q.Lon*n.Lat - n.Lon*q.Lat) / 2
		}
		lp.weight = math.Abs(area) * math.Cos((lp.south+lp.north)/2*math.Pi/180)
		l.polys = append(l.polys, lp)
		l.total += lp.weight
	}
	if len(l.polys) == 0 {
		return nil, fmt.Errorf("synth: %w: country %q: the map data has no outline for it", ErrOptions, code)
	}
	box, _ := geo.BoundsOf(geo.Points(c.Main())...)
	l.spreadLat = min(1.2, (box.North-box.South)*0.15)
	l.spreadLon = min(2.5, box.Width()*0.15)

	l.en, l.fr = c.NameIn(en), c.NameIn(fr)
	l.ru, l.kk = c.NameIn(language.Russian), c.NameIn(language.Kazakh)
	l.enIn = l.en
	if enThe(l.code, l.en) {
		l.enIn = "the " + l.en
	}
	l.frOf = frOf(l.code, l.fr)
	for _, n := range []string{c.Name, l.ru, c.NameIn(language.German), c.NameIn(language.Spanish)} {
		if n != l.en && n != l.fr && !slices.Contains(l.others, n) {
			l.others = append(l.others, n)
		}
	}
	return l, nil
}

// inside returns the position rounded to digits decimals, and whether that
// lies in the country.
func (l *land) inside(lat, lon float64, digits int) (*model.Coord, bool) {
	p := math.Pow10(digits)
	lon = math.Mod(lon+180, 360)
	if lon < 0 {
		lon += 360
	}
	c := &model.Coord{Lat: math.Round(lat*p) / p, Lon: math.Round((lon-180)*p) / p}
	return c, l.c.Contains(geo.Point{Lon: c.Lon, Lat: c.Lat})
}

// label returns a point well inside the country.
func (l *land) label() *model.Coord {
	pt := l.c.LabelPoint()
	for _, digits := range []int{2, 4} {
		if c, ok := l.inside(pt.Lat, pt.Lon, digits); ok {
			return c
		}
	}
	return &model.Coord{Lat: pt.Lat, Lon: pt.Lon}
}

// point draws a point of the country's main body, rounded to two
// decimals: a polygon by its area, then points of its box until one lies
// in the country.
func (l *land) point(r rng) *model.Coord {
	for range 500 {
		x := r.float(0, l.total)
		p := l.polys[len(l.polys)-1]
		for _, q := range l.polys {
			if x < q.weight {
				p = q
				break
			}
			x -= q.weight
		}
		if c, ok := l.inside(r.float(p.south, p.north), r.float(p.west, p.east), 2); ok {
			return c
		}
	}
	return l.label()
}

// near draws a point within dLat and dLon of c that lies in the country,
// rounded to digits decimals; if none is found, c itself.
func (l *land) near(r rng, c *model.Coord, dLat, dLon float64, digits int) *model.Coord {
	for range 30 {
		if p, ok := l.inside(c.Lat+r.float(-dLat, dLat), c.Lon+r.float(-dLon, dLon), digits); ok {
			return p
		}
	}
	return &model.Coord{Lat: c.Lat, Lon: c.Lon}
}

// enThe reports whether English puts "the" before the country's name in
// running text: the United States, the Philippines, the Solomon Islands.
func enThe(code, name string) bool {
	switch code {
	case "bq", "bs", "gm", "io", "km", "mv", "nl", "ph", "ps", "sc", "tf", "va":
		return true
	}
	return strings.HasPrefix(name, "United ") || strings.HasSuffix(name, " Islands") || strings.HasSuffix(name, " Republic")
}

// frOf returns "de" and the French name of a country with its article, as
// in "les autorités de l’Afghanistan", "des États-Unis", "du Brésil", "de
// la Géorgie", "de Cuba". Islands and city states take no article, plural
// names "les", names whose first word ends in -e "la" (with the usual
// exceptions), others "le"; "le" and "la" elide before a vowel.
func frOf(code, name string) string {
	first, _, _ := strings.Cut(name, " ")
	switch {
	case strings.HasPrefix(name, "La ") || strings.HasPrefix(name, "Le ") || strings.HasPrefix(name, "Les "):
		return "de " + name
	case strings.HasPrefix(name, "Îles ") || strings.HasPrefix(name, "îles "):
		return "des " + name
	case strings.HasPrefix(name, "Île "):
		return "de l’" + name
	case strings.HasPrefix(name, "Saint") || strings.HasPrefix(name, "São ") || strings.HasPrefix(name, "Sao "):
		return de(name)
	}
	switch code {
	case "us", "ae", "nl", "ph", "km", "mv", "sc", "bs", "fj", "bm", "vi", "vg", "ky", "tc", "fo", "fk", "mp", "um",
		"as", "bq", "fm", "ps", "tf", "pw":
		return "des " + name
	case "cu", "mg", "mt", "cy", "ht", "sg", "il", "mc", "bh", "om", "tw", "lk", "dj", "pr", "tt", "nr",
		"tv", "mu", "st", "kn", "lc", "vc", "ag", "je", "gg", "yt", "gu", "aw", "cw", "sx", "ai", "ms",
		"nu", "tk", "pn", "sh", "wf", "re", "bl", "mf", "pm", "ki", "to", "ws", "cc":
		return de(name)
	}
	fem := strings.HasSuffix(first, "e") || first == "République"
	switch code {
	case "mx", "kh", "mz", "zw", "bz", "sr", "cg", "io": // le Mexique, le Cambodge, le Congo-Brazzaville…
		fem = false
	case "gw", "hk", "mo", "sl": // la Guinée-Bissau, la R.A.S. chinoise de Hong Kong, la Sierra Leone
		fem = true
	}
	if r := []rune(name); len(r) > 0 && strings.ContainsRune("AEIOUÂÉÈÊÎÏÔÖÛÜ", r[0]) {
		return "de l’" + name
	}
	if fem {
		return "de la " + name
	}
	return "du " + name
}

// landPlaceAt returns gazetteer entry i of a dossier set in a real
// country: the country itself, then regions at points drawn in its
// outline, cities near their region, districts and sites near their city,
// all inside the outline, with names of neutral syllables.
func (g *gen) landPlaceAt(i int) placeInfo {
	r := newRNG(g.seed, tagPlace, i)
	sz, l := g.sz, g.land
	switch k := i - 1; {
	case i == 0:
		p := placeInfo{Place: model.Place{
			ID: model.PlaceID(l.code), Kind: model.PlaceCountry, Name: pair{l.fr, l.en}.text(),
			ISO:     strings.ToUpper(l.code),
			Aliases: aliases(pair{l.fr, l.en}, l.others...),
			Coord:   l.label(),
		}, city: name{en: l.enIn, fr: l.fr, lat: l.en, kk: l.kk, ru: l.ru}, cityIdx: -1, region: -1, site: -1}
		p.at = pair{"dans tout le pays", "across the country"}
		p.def = pair{l.fr, l.en}
		return p
	case k < sz.regions:
		n := genNameFrom(r, neutralSyllables)
		nm := pair{"région " + de(n.fr), n.en + " Region"}
		return placeInfo{Place: model.Place{
			ID: placeID(n.en, i), Kind: model.PlaceRegion, Name: nm.text(),
			Aliases: aliases(nm, n.fr, "province "+de(n.fr), n.ru),
			Region:  g.country.ID,
			Coord:   l.point(r),
		}, city: n, at: pair{"dans la " + nm.fr, "in " + nm.en}, def: pair{"la " + nm.fr, nm.en},
			cityIdx: -1, region: i, site: -1}
	case k < sz.regions+sz.cities:
		c := k - sz.regions
		region := g.regionIndex(c % sz.regions)
		rp := g.place(region)
		n := genNameFrom(r, neutralSyllables)
		at := l.near(r, rp.Coord, l.spreadLat, l.spreadLon, 2)
		if *at == *rp.Coord {
			at = l.point(r)
		}
		return placeInfo{Place: model.Place{
			ID: placeID(n.en, i), Kind: model.PlaceCity, Name: pair{n.fr, n.en}.text(),
			Aliases: aliases(pair{n.fr, n.en}, n.ru),
			Region:  rp.ID,
			Coord:   at,
		}, city: n, at: pair{"à " + n.fr, "in " + n.en}, def: pair{n.fr, n.en}, cityIdx: i, region: region, site: -1}
	case k < sz.regions+sz.cities+sz.districts:
		d := k - sz.regions - sz.cities
		city := g.place(g.cityIndex(d % sz.cities))
		n := genNameFrom(r, neutralSyllables)
		nm := pair{"district " + de(n.fr), n.en + " District"}
		def := pair{"le " + nm.fr, nm.en}
		return placeInfo{Place: model.Place{
			ID: placeID(n.en, i), Kind: model.PlaceDistrict, Name: nm.text(),
			Aliases: aliases(nm, n.fr, "район "+n.ru),
			Region:  city.ID,
			Coord:   l.near(r, city.Coord, 0.05, 0.07, 4),
		}, city: city.city, at: pair{"dans " + def.fr + ", " + city.at.fr, "in " + def.en + " of " + city.city.en}, def: def,
			cityIdx: city.cityIdx, region: city.region, site: -1}
	default:
		up := g.place(g.siteParent(k))
		t := r.intn(len(landSiteTypes))
		p := site(up, t, landSiteTypes[t], i)
		if r.chance(0.95) {
			p.Coord = l.near(r, up.Coord, 0.015, 0.02, 4)
		}
		return p
	}
}
