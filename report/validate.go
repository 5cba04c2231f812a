package report

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// Validate checks what a briefing of d with opt needs beyond what
// model.Validate checks, so that a dossier both accept Build builds: that
// each language of the briefing (opt.Languages; all the dossier's
// languages when empty) has a catalog in opt.Locales.Catalogs, as an
// error at "languages[i]" that names the catalogs there are; a declared
// language the briefing does not use and that has no catalog is a
// warning.
//
// When the briefing has a map (the chronology names a city with
// coordinates or a place with an outline, and opt does not omit the
// map), Validate checks that it can be drawn, as errors wrapping ErrMap:
// the country must have an outline in the embedded map data, found by
// its place's iso or else its id (an error at "country", or at
// "places[i].iso" for a code the data lacks); and every city the
// chronology names with coordinates, and every outline the map draws,
// must lie within 60° of arc of the centre of the country's main body,
// as one map can show them with it (an error at "places[i].coord" or
// "places[i].outline"). These are checked for every entry, whatever
// opt.Filter keeps. Renderers have checks of their own (pdf.Check).
func Validate(d *model.Dossier, opt Options) model.Issues {
	var issues model.Issues
	if d == nil {
		return model.Issues{{Severity: model.SeverityError, Err: fmt.Errorf("report: %w: nil dossier", ErrOptions)}}
	}
	briefed := opt.Languages
	if len(briefed) == 0 {
		briefed = d.Languages
	}
	have := opt.Locales.Languages()
	names := make([]string, len(have))
	for i, t := range have {
		names[i] = t.String()
	}
	for i, tag := range d.Languages {
		_, err := opt.Locales.New(tag)
		if err == nil || !errors.Is(err, locales.ErrUnsupportedLanguage) {
			continue
		}
		is := model.Issue{Severity: model.SeverityWarning, Path: "languages[" + strconv.Itoa(i) + "]"}
		used := slices.Contains(briefed, tag)
		if used {
			is.Severity = model.SeverityError
		}
		is.Err = fmt.Errorf("%w: %s (%s) has no catalog of the briefing's words; catalogs exist for %s: %s",
			locales.ErrUnsupportedLanguage, tag, englishName(tag), strings.Join(names, ", "), hint(used, d.Languages, have))
		issues = append(issues, is)
	}
	if !slices.Contains(opt.Omit, PartMap) {
		issues = append(issues, mapIssues(d)...)
	}
	return issues
}

// mapIssues checks that the map of the dossier's briefings can be drawn.
func mapIssues(d *model.Dossier) model.Issues {
	ps := newPlaces(d)
	index := make(map[model.PlaceID]int, len(d.Places))
	for i := range d.Places {
		index[d.Places[i].ID] = i
	}
	// What the map draws: cities with coordinates, outlines.
	drawn := map[model.PlaceID]bool{}
	for _, day := range d.Chronology {
		for _, e := range day.Entries {
			for _, id := range e.Places {
				for _, r := range append([]model.PlaceID{id}, ps.ancestors(id)...) {
					if pl := ps.byID[r]; pl != nil && !pl.Outline.IsZero() && r != d.Country {
						drawn[r] = true
					}
				}
				if pl := ps.byID[ps.city(id)]; pl != nil && pl.Kind == model.PlaceCity && pl.Coord != nil {
					drawn[pl.ID] = true
				}
			}
		}
	}
	if f := ps.byID[d.Focus]; f != nil && !f.Outline.IsZero() && f.ID != d.Country {
		drawn[f.ID] = true
	}
	if len(drawn) == 0 {
		return nil
	}
	var issues model.Issues
	bad := func(path, format string, args ...any) {
		issues = append(issues, model.Issue{Severity: model.SeverityError, Path: path, Err: fmt.Errorf("%w: "+format, append([]any{ErrMap}, args...)...)})
	}
	country, ci := countryOutline(d, ps)
	if country == nil {
		if err := geo.DataError(); err != nil {
			bad("country", "%v", err)
			return issues
		}
		switch {
		case ci < 0:
			// model.Validate reports a country missing from the gazetteer.
		case d.Places[ci].ISO != "":
			bad(fmt.Sprintf("places[%d].iso", ci), "the map data has no outline of %q, the country %q: the 1:50m Natural Earth data lacks Bouvet Island, Gibraltar, Tokelau, Tuvalu and the US Minor Outlying Islands; leave the map out (report.PartMap, the briefing program's -omit map)",
				d.Places[ci].ISO, d.Country)
		default:
			bad("country", "no outline of the country %q to draw the map with: give places[%d].iso, its ISO 3166-1 alpha-2 code (such as KZ or AF), or use that code as its id",
				d.Country, ci)
		}
		return issues
	}
	box, _ := geo.BoundsOf(geo.Points(country.Main())...)
	centre := box.Centre()
	for i := range d.Places {
		p := &d.Places[i]
		if !drawn[p.ID] {
			continue
		}
		if p.Coord != nil && p.Kind == model.PlaceCity {
			if a := arc(centre, geo.Point{Lon: p.Coord.Lon, Lat: p.Coord.Lat}); a > maxArc {
				bad(fmt.Sprintf("places[%d].coord", i), "%q lies %.0f° of arc from the centre of %q (%.1f, %.1f), too far to be drawn on one map with it (at most %d°): check its coordinates, or leave it out of the chronology",
					p.ID, a, d.Country, centre.Lat, centre.Lon, maxArc)
			}
		}
		if !p.Outline.IsZero() {
			far := 0.0
			for _, poly := range p.Outline.Polygons {
				for _, r := range poly {
					for _, q := range r {
						far = math.Max(far, arc(centre, geo.Point{Lon: q[0], Lat: q[1]}))
					}
				}
			}
			if far > maxArc {
				bad(fmt.Sprintf("places[%d].outline", i), "the outline of %q reaches %.0f° of arc from the centre of %q (%.1f, %.1f), too far to be drawn on one map with it (at most %d°)",
					p.ID, far, d.Country, centre.Lat, centre.Lon, maxArc)
			}
		}
	}
	return issues
}

// arc returns the angle in degrees between two points of the sphere.
func arc(p, q geo.Point) float64 {
	const r = math.Pi / 180
	s1 := math.Sin((q.Lat - p.Lat) * r / 2)
	s2 := math.Sin((q.Lon - p.Lon) * r / 2)
	h := s1*s1 + math.Cos(p.Lat*r)*math.Cos(q.Lat*r)*s2*s2
	return 2 * math.Asin(math.Sqrt(math.Min(1, math.Max(0, h)))) / r
}

// hint says what to do about a language with no catalog.
func hint(used bool, declared, have []language.Tag) string {
	var ok []string
	for _, t := range declared {
		if slices.Contains(have, t) {
			ok = append(ok, t.String())
		}
	}
	if !used {
		return "briefings in it cannot be made"
	}
	if len(ok) > 0 {
		return "brief in " + strings.Join(ok[:min(2, len(ok))], "+") + " (the briefing program's -lang), or add a catalog as package locales explains"
	}
	return "add a catalog as package locales explains"
}

func englishName(tag language.Tag) string {
	if l, err := locales.New(language.English); err == nil {
		if n, err := l.LanguageName(tag); err == nil {
			return n
		}
	}
	return tag.String()
}
