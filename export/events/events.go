package events

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Options says how to write the events. The zero Options writes every
// entry of the briefing in its first language, without byte order mark.
type Options struct {
	// Language is the language of names and notes: one of the
	// document's languages. The zero Tag means the first.
	Language language.Tag
	// Excel writes the file for spreadsheet programs: it starts with a
	// UTF-8 byte order mark, which Microsoft Excel needs to open a CSV
	// file as UTF-8 (without it, Cyrillic and every other non-ASCII text
	// is garbled), and a text cell that begins with =, +, -, @, a tab or
	// a carriage return is prefixed with an apostrophe, so that no
	// spreadsheet runs it as a formula (a dossier's texts may come from
	// anyone). pandas, R, QGIS and LibreOffice read the plain file, which
	// keeps every text as the dossier has it.
	Excel bool
}

// Columns returns the columns of the file, in order: ACLED's, then UCDP
// GED's dates and estimates, then the dossier's own.
func Columns() []string { return slices.Clone(columns) }

var columns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "tags", "timestamp",
	"date_start", "date_end", "best", "low", "high",
	"kind", "places", "footnote", "figures",
}

// Write writes one row per chronology entry of doc, in the briefing's
// order, as CSV (RFC 4180, CRLF line ends) with a header row. The same
// document and options give the same bytes.
func Write(w io.Writer, doc *report.Document, opt Options) error {
	if w == nil {
		return fmt.Errorf("events: %w: nil writer", ErrOptions)
	}
	if doc == nil {
		return fmt.Errorf("events: %w: nil document", ErrOptions)
	}
	lang := 0
	if opt.Language != (language.Tag{}) {
		if lang = slices.Index(doc.Languages, opt.Language); lang < 0 {
			return fmt.Errorf("events: %w: language %s; the document has %v", ErrOptions, opt.Language, doc.Languages)
		}
	} else if len(doc.Languages) == 0 {
		return fmt.Errorf("events: %w: the document has no language", ErrOptions)
	}
	figs, err := killed(doc)
	if err != nil {
		return fmt.Errorf("events: %w: %w", ErrWrite, err)
	}
	e := &writer{doc: doc, lang: lang, figs: figs}
	e.country()
	bw := bufio.NewWriter(w)
	if opt.Excel {
		bw.WriteString("\ufeff")
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	cw.Write(columns)
	var rowErr error
	_ = report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
		if p, ok := n.(*report.Paragraph); ok && entering && p.Entry != nil && rowErr == nil {
			row := e.row(p)
			if opt.Excel {
				for i, c := range columns {
					if textColumns[c] {
						row[i] = defuse(row[i])
					}
				}
			}
			rowErr = cw.Write(row)
		}
		return report.WalkContinue, nil
	})
	cw.Flush()
	if err := cmpErr(rowErr, cw.Error(), bw.Flush()); err != nil {
		return fmt.Errorf("events: %w: %w", ErrWrite, err)
	}
	return nil
}

// textColumns are the columns that hold the dossier's texts, which
// Options.Excel defuses; the others hold numbers, dates, codes and ids.
var textColumns = map[string]bool{
	"actor1": true, "actor2": true, "country": true, "admin1": true, "location": true, "source": true, "notes": true,
}

// defuse prefixes with an apostrophe a text a spreadsheet would read as a
// formula.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writer holds what the rows need.
type writer struct {
	doc       *report.Document
	lang      int
	figs      map[model.FigureID]*model.Figure
	iso       string // numeric ISO 3166-1 code of the country, or empty
	name      string // the country's name
	timestamp string
}

func (e *writer) l(t report.L) string {
	if e.lang < len(t) {
		return t[e.lang]
	}
	return ""
}

func (e *writer) country() {
	code := ""
	if e.doc.Map != nil {
		code = e.doc.Map.ISO
	}
	if code == "" {
		code = string(e.doc.Country)
	}
	if c, ok := geo.Lookup(code); ok && c.Numeric > 0 {
		e.iso = strconv.Itoa(c.Numeric)
	}
	// ACLED names countries, and the actors after them, in English: the
	// dossier's English name, else the map data's, else the name in the
	// file's language.
	if p := e.doc.Place(e.doc.Country); p != nil {
		e.name = e.l(p.Name)
		if n, ok := p.Names.In(language.English); ok {
			e.name = n
		} else if c, ok := geo.Lookup(code); ok && c.Name != "" {
			e.name = c.Name
		}
	}
	day := e.doc.Meta.Updated
	if day.IsZero() {
		day = e.doc.Meta.Published
	}
	if !day.IsZero() {
		e.timestamp = strconv.FormatInt(day.Time().Unix(), 10)
	}
}

// killed returns the briefing's death tolls by id.
func killed(doc *report.Document) (map[model.FigureID]*model.Figure, error) {
	out := map[model.FigureID]*model.Figure{}
	if doc.Figures == nil {
		return out, nil
	}
	err := doc.Figures.Each(func(it *report.FigureItem) error {
		if it.Figure.Metric == model.MetricKilled && !it.Derived {
			f := it.Figure
			out[it.ID] = &f
		}
		return nil
	})
	return out, err
}

// kindCodes maps the dossier's kinds of event to ACLED's disorder type,
// event type, sub-event type, its actors' types and civilian targeting.
type codes struct {
	disorder, event, sub string
	actor1, actor2       string // "%s" stands for the country's name
	inter1, inter2       int
	civilians            bool
}

var kindCodes = map[model.EventKind]codes{
	model.KindPeacefulProtest:     {"Demonstrations", "Protests", "Peaceful protest", "Protesters (%s)", "", 6, 0, false},
	model.KindRiot:                {"Demonstrations", "Riots", "Violent demonstration", "Rioters (%s)", "", 5, 0, false},
	model.KindLethalForce:         {"Political violence; Demonstrations", "Protests", "Excessive force against protesters", "Police Forces of %s", "Protesters (%s)", 1, 6, false},
	model.KindTorture:             {"Political violence", "Violence against civilians", "Attack", "Police Forces of %s", "Civilians (%s)", 1, 7, true},
	model.KindArrests:             {"Strategic developments", "Strategic developments", "Arrests", "Police Forces of %s", "", 1, 0, false},
	model.KindForeignIntervention: {"Strategic developments", "Strategic developments", "Change to group/activity", "", "", 0, 0, false},
	model.KindStateOfEmergency:    {"Strategic developments", "Strategic developments", "Other", "", "", 0, 0, false},
	model.KindInternetShutdown:    {"Strategic developments", "Strategic developments", "Other", "", "", 0, 0, false},
	model.KindGovernmentDecision:  {"Strategic developments", "Strategic developments", "Other", "", "", 0, 0, false},
	model.KindStatement:           {"Strategic developments", "Strategic developments", "Other", "", "", 0, 0, false},
	model.KindPersonnelChange:     {"Strategic developments", "Strategic developments", "Other", "", "", 0, 0, false},
	model.KindJudicial:            {"Strategic developments", "Strategic developments", "Other", "", "", 0, 0, false},
	model.KindOther:               {"Strategic developments", "Strategic developments", "Other", "", "", 0, 0, false},
}

func (e *writer) row(p *report.Paragraph) []string {
	in := p.Entry
	r := make(map[string]string, len(columns))
	r["event_id_cnty"] = string(p.Statement)
	date, prec := acledDate(in.When, in.Precision)
	if !date.IsZero() {
		r["event_date"] = date.String()
		r["year"] = strconv.Itoa(date.Year)
	}
	r["time_precision"] = strconv.Itoa(prec)
	c := kindCodes[in.Kind]
	r["disorder_type"], r["event_type"], r["sub_event_type"] = c.disorder, c.event, c.sub
	if c.actor1 != "" {
		r["actor1"] = fmt.Sprintf(c.actor1, e.name)
		r["inter1"] = strconv.Itoa(c.inter1)
	}
	if c.actor2 != "" {
		r["actor2"] = fmt.Sprintf(c.actor2, e.name)
		r["inter2"] = strconv.Itoa(c.inter2)
	}
	if c.inter1 > 0 {
		a, b := c.inter1, c.inter2
		if b > 0 && b < a {
			a, b = b, a
		}
		r["interaction"] = strconv.Itoa(a*10 + b)
	}
	if c.civilians {
		r["civilian_targeting"] = "Civilian targeting"
	}
	r["iso"], r["country"] = e.iso, e.name
	e.location(in, r)
	var outlets []string
	if fn := p.Footnote; fn != nil {
		r["footnote"] = strconv.Itoa(fn.Number)
		for _, c := range fn.Citations {
			if o := c.Source.Source.Outlet; !slices.Contains(outlets, o) {
				outlets = append(outlets, o)
			}
		}
	}
	r["source"] = strings.Join(outlets, "; ")
	r["notes"] = e.l(p.Text)
	if low, best, high, ok := e.estimates(in.Figures); ok && violent[in.Kind] {
		r["fatalities"], r["low"], r["best"], r["high"] = low, low, best, high
	}
	r["tags"] = "coibrief kind: " + in.Kind.String()
	if p.Reliability != model.Reliable {
		r["tags"] += "; reliability: " + p.Reliability.String()
	}
	r["timestamp"] = e.timestamp
	if !in.When.Start.IsZero() {
		r["date_start"] = in.When.Start.String()
		if !in.When.Open {
			r["date_end"] = in.When.End.String()
		}
	}
	r["kind"] = in.Kind.String()
	places := make([]string, len(in.Places))
	for i, id := range in.Places {
		places[i] = string(id)
	}
	r["places"] = strings.Join(places, ";")
	figs := make([]string, len(in.Figures))
	for i, id := range in.Figures {
		figs[i] = string(id)
	}
	r["figures"] = strings.Join(figs, ";")
	out := make([]string, len(columns))
	for i, c := range columns {
		out[i] = r[c]
	}
	return out
}

// acledDate returns the date ACLED would code for an event over span
// with precision p, and its time precision: the day itself (1); the
// middle of a span of up to a week (2); the middle of a longer span, or
// the start of an open one (3).
func acledDate(span model.DateSpan, p model.DatePrecision) (model.Date, int) {
	switch {
	case span.Start.IsZero():
		return model.Date{}, 3
	case span.Open:
		return span.Start, 3
	case p == model.PrecisionDay || p == model.PrecisionNight || span.End == span.Start:
		if p == model.PrecisionApprox {
			return span.Start, 2
		}
		return span.Start, 1
	}
	days := span.End.DaysSince(span.Start)
	mid := span.Start.AddDays(days / 2)
	if days < 7 {
		return mid, 2
	}
	return mid, 3
}

// location fills the columns of place: the entry's first place, named
// by its nearest city or larger place (a square is coded at its city, as
// ACLED codes towns), at its own coordinates or its nearest region's.
func (e *writer) location(in *report.EntryInfo, r map[string]string) {
	r["geo_precision"] = strconv.Itoa(geoCode(in.GeoPrecision))
	id := e.doc.Country
	if len(in.Places) > 0 {
		id = in.Places[0]
	}
	var coord *model.Coord
	for p, n := e.doc.Place(id), 0; p != nil && n < maxDepth; p, n = e.doc.Place(p.Region), n+1 {
		if coord == nil && p.Coord != nil {
			coord = p.Coord
		}
		switch {
		case p.Kind == model.PlaceRegion && r["admin1"] == "":
			r["admin1"] = e.l(p.Name)
		case p.Kind <= model.PlaceCity && p.Kind != model.PlaceCountry && r["location"] == "":
			r["location"] = e.l(p.Name)
		case p.Kind == model.PlaceCountry && r["location"] == "":
			r["location"] = e.l(p.Name)
		}
	}
	if coord != nil {
		r["latitude"] = strconv.FormatFloat(coord.Lat, 'f', 4, 64)
		r["longitude"] = strconv.FormatFloat(coord.Lon, 'f', 4, 64)
	}
}

// maxDepth bounds the walk up the gazetteer, which Validate keeps free
// of loops.
const maxDepth = 64

// geoCode maps a location precision to ACLED's geo_precision: a point or
// a town is 1; a region, or the whole country, 3 (ACLED's 2, "a part of
// a region, near a town", has no counterpart in the dossier).
func geoCode(p model.GeoPrecision) int {
	switch p {
	case model.GeoPoint, model.GeoCity:
		return 1
	}
	return 3
}

// violent are the kinds of event whose death tolls are the event's
// fatalities. Other entries report tolls as context (a total announced
// by a ministry, deaths in an earlier crisis): ACLED would not count them
// for the event.
var violent = map[model.EventKind]bool{
	model.KindLethalForce: true, model.KindRiot: true, model.KindTorture: true, model.KindForeignIntervention: true,
}

// estimates returns the entry's death toll as UCDP GED's low, best and
// high estimates: of the death tolls the entry reports that stand
// (neither retracted nor superseded, nor part of another), per party,
// the lowest lower bound, the median and the highest upper bound, summed
// over the parties when no figure counts all of them (protesters left out
// when civilians, who include them, are counted). ACLED's
// fatalities, "the most conservative report", is the low estimate.
func (e *writer) estimates(ids []model.FigureID) (low, best, high string, ok bool) {
	byParty := map[model.Party][]*model.Figure{}
	for _, id := range ids {
		f := e.figs[id]
		if f == nil || f.Status != model.StatusReported || f.PartOf != "" || f.Unit != "" {
			continue
		}
		byParty[f.Party] = append(byParty[f.Party], f)
	}
	if len(byParty) == 0 {
		return "", "", "", false
	}
	parties := make([]model.Party, 0, len(byParty))
	for p := range byParty {
		parties = append(parties, p)
	}
	if _, all := byParty[model.PartyAll]; all {
		parties = []model.Party{model.PartyAll}
	} else if _, civ := byParty[model.PartyCivilians]; civ {
		// Civilians count the protesters among them.
		parties = slices.DeleteFunc(parties, func(p model.Party) bool { return p == model.PartyProtesters })
	}
	sort.Slice(parties, func(i, j int) bool { return parties[i] < parties[j] })
	var lo, be, hi float64
	for _, p := range parties {
		var l, h = math.Inf(1), math.Inf(-1)
		var mids []float64
		for _, f := range byParty[p] {
			a, b := f.Bounds()
			l, h = min(l, a), max(h, b)
			mids = append(mids, (a+b)/2)
		}
		slices.Sort(mids)
		m := mids[len(mids)/2]
		if len(mids)%2 == 0 {
			m = (mids[len(mids)/2-1] + m) / 2
		}
		lo, be, hi = lo+l, be+m, hi+h
	}
	n := func(v float64) string { return strconv.FormatFloat(math.Round(v), 'f', 0, 64) }
	return n(lo), n(be), n(hi), true
}
