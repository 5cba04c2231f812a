package workbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// dossier reads the dossier from the workbook's sheets.
func (r *reader) dossier() *model.Dossier {
	recs := r.sheets()
	d := &model.Dossier{Format: model.Format, Languages: []language.Tag{}, Chronology: []model.Day{}, Places: []model.Place{}, Sources: []model.Source{}}
	r.metadata(d, recs["dossier"])
	for i, x := range sorted(recs["contributors"]) {
		var c model.Contributor
		x.enum("role", &c.Role, enumWords([]model.Role{model.RoleAuthor, model.RoleReviewer, model.RoleTranslator, model.RoleEditor}))
		c.Name = x.text("name", true)
		d.Method.Contributors = append(d.Method.Contributors, c)
		r.at(fmt.Sprintf("method.contributors[%d]", i), x)
	}
	r.chronology(d, recs["days"], recs["chronology"])
	for i, x := range sorted(recs["background"]) {
		d.Background = append(d.Background, r.statement(x))
		r.at(fmt.Sprintf("background[%d]", i), x)
	}
	for i, x := range sorted(recs["notes"]) {
		d.Notes = append(d.Notes, r.statement(x))
		r.at(fmt.Sprintf("notes[%d]", i), x)
	}
	r.sections(d, recs["sections"], recs["paragraphs"])
	r.places(d, recs["places"], recs["outlines"])
	for i, x := range sorted(recs["sources"]) {
		d.Sources = append(d.Sources, r.source(x))
		r.at(fmt.Sprintf("sources[%d]", i), x)
	}
	for i, x := range sorted(recs["figures"]) {
		d.Figures = append(d.Figures, r.figure(x))
		r.at(fmt.Sprintf("figures[%d]", i), x)
	}
	for i, x := range sorted(recs["errata"]) {
		e := model.Erratum{Field: x.str("field"), Document: x.str("document"), Printed: x.str("printed"), Recorded: x.str("recorded"), Text: x.text("text", true)}
		if s := strings.TrimSpace(x.str("ref")); s != "" {
			if err := e.Ref.UnmarshalText([]byte(s)); err != nil {
				x.fail(colKey{key: "ref"}, "%v", strings.TrimPrefix(err.Error(), model.ErrInvalidValue.Error()+": "))
			}
		}
		d.Errata = append(d.Errata, e)
		r.at(fmt.Sprintf("errata[%d]", i), x)
	}
	for i, x := range sorted(recs["history"]) {
		d.History = append(d.History, model.Version{Version: x.str("version"), Date: x.date("date"), Note: x.text("note", false)})
		r.at(fmt.Sprintf("history[%d]", i), x)
	}
	return d
}

// at records that the object at path came from x's row.
func (r *reader) at(path string, x *rec) { r.book.locs[path] = loc{x.sh.spec.key, x.row} }

func (r *reader) metadata(d *model.Dossier, recs []*rec) {
	got := map[string]*rec{}
	for _, x := range recs {
		label := x.str("field")
		mf, ok := r.v.fields[fold(label)]
		if !ok {
			var names []string
			for i := range metaFields {
				names = append(names, r.fieldName(&metaFields[i]))
			}
			msg := fmt.Sprintf("unknown field %q (the fields are %s)", clip(label), strings.Join(names, ", "))
			if m := closest(label, names); m != "" {
				msg = fmt.Sprintf("unknown field %q; did you mean %s?", clip(label), m)
			}
			x.fail(colKey{key: "field"}, "%s", msg)
			continue
		}
		if prev, dup := got[mf.path]; dup {
			x.fail(colKey{key: "field"}, "the field %q is also in row %d", clip(label), prev.row)
			continue
		}
		got[mf.path] = x
		r.book.meta[mf.path] = x.row
	}
	// empty stands for a row that is not there.
	empty := &rec{r: r, sh: r.book.sh["dossier"], raw: map[colKey]string{}, shown: map[colKey]string{}}
	if empty.sh == nil {
		empty.sh = &readSheet{spec: sheetByKey("dossier"), cols: map[colKey]int{}, heads: map[int]string{}, textCols: map[string][]colKey{}}
	}
	row := func(p string) *rec {
		if x := got[p]; x != nil {
			return x
		}
		return empty
	}
	str := func(p string) string { return strings.TrimSpace(row(p).str("value")) }
	text := func(p string, required bool) model.Text { return row(p).text("text", required) }
	date := func(p string) model.Date { return row(p).date("value") }
	span := func(p string) model.DateSpan {
		start := date(p)
		e, hasEnd := row(p + ".end").end("value")
		switch {
		case start.IsZero() && hasEnd:
			row(p).fail(colKey{key: "value"}, "a span of dates needs its first date")
		case start.IsZero():
		case e.open:
			return model.DateSpan{Start: start, Open: true}
		case !hasEnd:
			return start.Span()
		case e.d.Before(start):
			row(p+".end").fail(colKey{key: "value"}, "the span ends on %s, before it starts on %s", e.d, start)
		default:
			return model.DateSpan{Start: start, End: e.d}
		}
		return model.DateSpan{}
	}
	tags := func(p string) []language.Tag {
		x := row(p)
		return r.tags(x.str("value"), func(f string, a ...any) { x.fail(colKey{key: "value"}, f, a...) })
	}
	d.ID = str("id")
	d.Country = model.PlaceID(str("country"))
	d.Focus = model.PlaceID(str("focus"))
	if l := tags("languages"); l != nil {
		d.Languages = l
	}
	d.Title = text("title", true)
	d.ShortTitle = text("shortTitle", false)
	d.Summary = text("summary", true)
	d.Period = span("period")
	d.Published = date("published")
	d.Updated = date("updated")
	d.Issuer = model.Issuer{Name: text("issuer.name", true), Unit: text("issuer.unit", false), URL: str("issuer.url"), Logo: row("issuer.logo").str("value")}
	d.Disclaimer = text("disclaimer", true)
	d.MapTitle = text("mapTitle", false)
	d.Method = model.Method{Scope: text("method.scope", true), CutOff: date("method.cutOff"), SourcesConsulted: span("method.sourcesConsulted"),
		LanguagesSearched: tags("method.languagesSearched"), Version: str("method.version"), Note: text("method.note", false)}
	r.logo(d, got["issuer.logo"])
}

// fieldName returns the English label of a metadata row.
func (r *reader) fieldName(mf *metaField) string {
	w, err := newWords(language.English)
	if err != nil {
		return mf.path
	}
	return w.msg(mf.msg)
}

// logo reads the issuer's logo: a picture in the logo row's value cell,
// or its data URI as text.
func (r *reader) logo(d *model.Dossier, x *rec) {
	name := r.book.names["dossier"]
	if name == "" {
		return
	}
	if !r.scan.drawings {
		return
	}
	cells, _ := r.f.GetPictureCells(name)
	want := ""
	if x != nil {
		if c := x.sh.cols[colKey{key: "value"}]; c > 0 {
			want = cellName(c, x.row)
		}
	}
	for _, c := range cells {
		if c != want {
			r.add(Problem{Sheet: name, Cell: c, Err: fmt.Errorf("%w: a picture the dossier has no place for (the issuer's logo goes in the value cell of its row)", ErrLayout)})
			continue
		}
		pics, err := r.f.GetPictures(name, c)
		if err != nil || len(pics) != 1 {
			x.fail(colKey{key: "value"}, "expected one picture, the logo, found %d", len(pics))
			continue
		}
		if d.Issuer.Logo != "" {
			x.fail(colKey{key: "value"}, "both a picture and text: keep one")
			continue
		}
		data := pics[0].File
		format, err := model.CheckImage(data)
		if err != nil {
			x.fail(colKey{key: "value"}, "the logo: %v", err)
			continue
		}
		d.Issuer.Logo = uri(data, format)
	}
}

func (r *reader) statement(x *rec) model.Statement {
	s := model.Statement{ID: model.StatementID(strings.TrimSpace(x.str("id"))), Text: x.text("text", true), Note: x.text("note", false), Bullet: x.boolean("bullet")}
	for _, id := range x.ids("sources") {
		s.Sources = append(s.Sources, model.SourceID(id))
	}
	for _, id := range x.ids("figures") {
		s.Figures = append(s.Figures, model.FigureID(id))
	}
	for _, id := range x.ids("places") {
		s.Places = append(s.Places, model.PlaceID(id))
	}
	x.enum("reliability", &s.Reliability, enumWords(model.Reliabilities()))
	s.When = x.span("from", "to")
	return s
}

// dayOf is a day as read, with the rows its parts came from.
type dayOf struct {
	day     model.Day
	row     *rec // nil for a day only the chronology names
	entries []*rec
}

var precisionWords = enumWords([]model.DatePrecision{model.PrecisionDay, model.PrecisionNight, model.PrecisionSpan, model.PrecisionApprox})
var geoWords = enumWords([]model.GeoPrecision{model.GeoPoint, model.GeoCity, model.GeoRegion, model.GeoCountry})

func (r *reader) chronology(d *model.Dossier, dayRecs, entryRecs []*rec) {
	var days []*dayOf
	byWhen := map[model.DateSpan]*dayOf{}
	for _, x := range sorted(dayRecs) {
		dd := &dayOf{row: x}
		dd.day.When = x.span("from", "to")
		x.enum("precision", &dd.day.Precision, precisionWords)
		dd.day.Title = x.text("title", false)
		if prev, dup := byWhen[dd.day.When]; dup && !dd.day.When.IsZero() {
			x.fail(colKey{key: "from"}, "the day %s is also in row %d", dd.day.When, prev.row.row)
			continue
		}
		if dd.day.When.IsZero() {
			x.fail(colKey{key: "from"}, "a day needs its date")
		}
		byWhen[dd.day.When] = dd
		days = append(days, dd)
	}
	for _, x := range sorted(entryRecs) {
		when := x.span("day", "dayUntil")
		if when.IsZero() && x.raw[colKey{key: "day"}] != "" {
			continue // its date is reported
		}
		if when.IsZero() {
			x.fail(colKey{key: "day"}, "an entry needs the date of its day")
			continue
		}
		dd := byWhen[when]
		if dd == nil {
			// A day the days sheet lacks comes after the last that does
			// not start later.
			dd = &dayOf{day: model.Day{When: when}}
			at := 0
			for i, o := range days {
				if !o.day.When.Start.After(when.Start) {
					at = i + 1
				}
			}
			days = slices.Insert(days, at, dd)
			byWhen[when] = dd
		}
		dd.entries = append(dd.entries, x)
	}
	for i, dd := range days {
		p := "chronology[" + strconv.Itoa(i) + "]"
		if dd.row != nil {
			r.at(p, dd.row)
		} else if len(dd.entries) > 0 {
			r.at(p, dd.entries[0])
			r.book.locs[p+".auto"] = loc{}
		}
		dd.day.Entries = []model.Entry{}
		for j, x := range dd.entries {
			e := model.Entry{Statement: r.statement(x)}
			if s := strings.TrimSpace(x.str("time")); s != "" {
				t, err := model.ParseTimeSpan(s)
				if err != nil {
					x.fail(colKey{key: "time"}, "expected a time of day, HH:MM, or a range of times, HH:MM-HH:MM, got %q", clip(s))
				} else {
					e.Time = &t
				}
			}
			x.enum("kind", &e.Kind, enumWords(model.EventKinds()))
			e.Group = model.PlaceID(strings.TrimSpace(x.str("group")))
			x.enum("datePrecision", &e.DatePrecision, precisionWords)
			x.enum("geoPrecision", &e.GeoPrecision, geoWords)
			dd.day.Entries = append(dd.day.Entries, e)
			r.at(p+".entries["+strconv.Itoa(j)+"]", x)
		}
		d.Chronology = append(d.Chronology, dd.day)
	}
}

// secOf is a section as read.
type secOf struct {
	x        *rec
	id       string
	parent   string
	title    model.Text
	children []*secOf
	paras    []*rec
}

func (r *reader) sections(d *model.Dossier, secRecs, paraRecs []*rec) {
	var all []*secOf
	byID := map[string]*secOf{}
	for _, x := range sorted(secRecs) {
		s := &secOf{x: x, id: strings.TrimSpace(x.str("id")), parent: strings.TrimSpace(x.str("parent")), title: x.text("title", true)}
		if prev, dup := byID[s.id]; dup {
			x.fail(colKey{key: "id"}, "the section %q is also in row %d", clip(s.id), prev.x.row)
			continue
		}
		byID[s.id] = s
		all = append(all, s)
	}
	ids := make([]string, 0, len(all))
	for _, s := range all {
		ids = append(ids, s.id)
	}
	var top []*secOf
	for _, s := range all {
		if s.parent == "" {
			top = append(top, s)
			continue
		}
		p := byID[s.parent]
		if p == nil {
			r.unknownRef(s.x, "parent", "section", s.parent, ids)
			continue
		}
		// A section may not lie within itself, however far up.
		loop := false
		for q, steps := p, 0; q != nil && steps <= len(all); q, steps = byID[q.parent], steps+1 {
			if q == s {
				loop = true
				break
			}
		}
		if loop {
			s.x.fail(colKey{key: "parent"}, "the section %q lies within itself", clip(s.id))
			continue
		}
		p.children = append(p.children, s)
	}
	for _, x := range sorted(paraRecs) {
		id := strings.TrimSpace(x.str("section"))
		s := byID[id]
		if s == nil {
			if id == "" {
				x.fail(colKey{key: "section"}, "a paragraph needs the id of its section")
			} else {
				r.unknownRef(x, "section", "section", id, ids)
			}
			continue
		}
		s.paras = append(s.paras, x)
	}
	var build func(list []*secOf, p string) []model.Section
	build = func(list []*secOf, p string) []model.Section {
		if len(list) == 0 {
			return nil
		}
		out := make([]model.Section, len(list))
		for i, s := range list {
			sp := p + "[" + strconv.Itoa(i) + "]"
			r.at(sp, s.x)
			out[i] = model.Section{ID: s.id, Title: s.title, Paragraphs: []model.Statement{}}
			for j, x := range s.paras {
				out[i].Paragraphs = append(out[i].Paragraphs, r.statement(x))
				r.at(sp+".paragraphs["+strconv.Itoa(j)+"]", x)
			}
			out[i].Sections = build(s.children, sp+".sections")
		}
		return out
	}
	d.Sections = build(top, "sections")
}

// unknownRef reports an id that names nothing, with the nearest that
// does.
func (r *reader) unknownRef(x *rec, key, what, id string, ids []string) {
	if m := closest(id, ids); m != "" {
		x.fail(colKey{key: key}, "unknown %s %q; did you mean %s?", what, clip(id), m)
		return
	}
	x.fail(colKey{key: key}, "unknown %s %q", what, clip(id))
}

func (r *reader) places(d *model.Dossier, placeRecs, outlineRecs []*rec) {
	byID := map[model.PlaceID]int{}
	for i, x := range sorted(placeRecs) {
		p := model.Place{ID: model.PlaceID(strings.TrimSpace(x.str("id"))), Name: x.text("name", true), Aliases: x.lines("aliases"),
			Region: model.PlaceID(strings.TrimSpace(x.str("region"))), ISO: strings.TrimSpace(x.str("iso"))}
		x.enum("kind", &p.Kind, enumWords(model.PlaceKinds()))
		lat, okLat := x.number("lat")
		lon, okLon := x.number("lon")
		switch {
		case okLat && okLon:
			p.Coord = &model.Coord{Lat: lat, Lon: lon}
		case okLat && x.raw[colKey{key: "lon"}] == "":
			x.fail(colKey{key: "lon"}, "a position needs its longitude too")
		case okLon && x.raw[colKey{key: "lat"}] == "":
			x.fail(colKey{key: "lat"}, "a position needs its latitude too")
		}
		switch o := strings.TrimSpace(x.str("outline")); strings.ToLower(o) {
		case "":
		case "polygon":
			p.Outline = &model.Outline{}
		case "multipolygon":
			p.Outline = &model.Outline{Multi: true}
		default:
			x.fail(colKey{key: "outline"}, "expected Polygon or MultiPolygon, got %q", clip(o))
		}
		if _, dup := byID[p.ID]; !dup {
			byID[p.ID] = i
		}
		d.Places = append(d.Places, p)
		r.at(fmt.Sprintf("places[%d]", i), x)
	}
	// The outlines' points, by place, polygon, ring and point.
	type point struct {
		poly, ring, n int
		pos           model.LonLat
		x             *rec
	}
	points := map[int][]point{}
	var ids []string
	for id := range byID {
		ids = append(ids, string(id))
	}
	slices.Sort(ids)
	for _, x := range outlineRecs {
		id := model.PlaceID(strings.TrimSpace(x.str("place")))
		i, ok := byID[id]
		if !ok {
			r.unknownRef(x, "place", "place", string(id), ids)
			continue
		}
		if d.Places[i].Outline == nil {
			x.fail(colKey{key: "place"}, "the place %q has points but no outline type (Polygon or MultiPolygon) on the %s sheet", clip(string(id)), r.book.names["places"])
			continue
		}
		var pt point
		var ok1, ok2, ok3, ok4, ok5 bool
		pt.poly, ok1 = x.integer("polygon")
		pt.ring, ok2 = x.integer("ring")
		pt.n, ok3 = x.integer("point")
		pt.pos[0], ok4 = x.number("lon")
		pt.pos[1], ok5 = x.number("lat")
		for _, m := range []struct {
			ok  bool
			key string
		}{{ok1, "polygon"}, {ok2, "ring"}, {ok3, "point"}, {ok4, "lon"}, {ok5, "lat"}} {
			if !m.ok && x.raw[colKey{key: m.key}] == "" {
				x.fail(colKey{key: m.key}, "a point of an outline needs its polygon, ring and point numbers, longitude and latitude")
			}
		}
		if !(ok1 && ok2 && ok3 && ok4 && ok5) {
			continue
		}
		pt.x = x
		points[i] = append(points[i], pt)
	}
	for i, pts := range points {
		slices.SortStableFunc(pts, func(a, b point) int {
			switch {
			case a.poly != b.poly:
				return a.poly - b.poly
			case a.ring != b.ring:
				return a.ring - b.ring
			}
			return a.n - b.n
		})
		o := d.Places[i].Outline
		for k, pt := range pts {
			if k > 0 && pts[k-1].poly == pt.poly && pts[k-1].ring == pt.ring && pts[k-1].n == pt.n {
				pt.x.fail(colKey{key: "point"}, "point %d of ring %d of polygon %d is also in row %d", pt.n, pt.ring, pt.poly, pts[k-1].x.row)
				continue
			}
			if k == 0 || pts[k-1].poly != pt.poly {
				o.Polygons = append(o.Polygons, model.Polygon{})
			}
			poly := &o.Polygons[len(o.Polygons)-1]
			if k == 0 || pts[k-1].poly != pt.poly || pts[k-1].ring != pt.ring {
				*poly = append(*poly, model.Ring{})
			}
			ring := &(*poly)[len(*poly)-1]
			*ring = append(*ring, pt.pos)
		}
	}
}

func (r *reader) source(x *rec) model.Source {
	s := model.Source{ID: model.SourceID(strings.TrimSpace(x.str("id"))), Outlet: x.str("outlet"), Group: x.str("group"), Via: x.str("via"),
		Author: x.str("author"), Title: x.str("title"), Translation: x.text("translation", false),
		Published: x.date("published"), Updated: x.date("updated"), URL: strings.TrimSpace(x.str("url")), Accessed: x.date("accessed")}
	x.enum("category", &s.Category, enumWords(model.SourceCategories()))
	if t := strings.TrimSpace(x.str("titleLanguage")); t != "" {
		tag, err := language.Parse(t)
		if err != nil {
			x.fail(colKey{key: "titleLanguage"}, "%q is not a language code (BCP 47, e.g. ru, kk, fr)", clip(t))
		}
		s.TitleLanguage = tag
	}
	s.Disambiguator, _ = x.integer("disambiguator")
	return s
}

func (r *reader) figure(x *rec) model.Figure {
	f := model.Figure{ID: model.FigureID(strings.TrimSpace(x.str("id"))), Unit: x.str("unit"), Scope: model.PlaceID(strings.TrimSpace(x.str("scope"))),
		AsOf: x.date("asOf"), Reported: x.date("reported"), Sources: []model.SourceID{},
		StatusDate: x.date("statusDate"), SupersededBy: model.FigureID(strings.TrimSpace(x.str("supersededBy"))),
		PartOf: model.FigureID(strings.TrimSpace(x.str("partOf"))), Note: x.text("note", false)}
	x.enum("metric", &f.Metric, enumWords(model.Metrics()))
	x.enum("party", &f.Party, enumWords(model.Parties()))
	x.enum("qualifier", &f.Qualifier, enumWords(model.Qualifiers()))
	x.enum("status", &f.Status, enumWords(model.FigureStatuses()))
	f.Value, _ = x.number("value")
	f.Low, _ = x.number("low")
	f.High, _ = x.number("high")
	f.Claimant = model.Claimant{Name: x.text("claimant", true), Channel: x.str("channel")}
	x.enum("claimantKind", &f.Claimant.Kind, enumWords(model.ClaimantKinds()))
	for _, id := range x.ids("sources") {
		f.Sources = append(f.Sources, model.SourceID(id))
	}
	return f
}
