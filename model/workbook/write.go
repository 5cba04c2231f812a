package workbook

import (
	"encoding/base64"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// Options says how to write an authoring workbook. The zero Options
// writes headers in the dossier's first language when the catalogs have
// it, and in English otherwise.
type Options struct {
	// Language is the language of the sheet names, headers and help:
	// one the catalogs hold (English, French, German).
	Language language.Tag
}

// maxCellText is the most UTF-16 code units a cell holds.
const maxCellText = 32767

// span end values of a row.
type end struct {
	d    model.Date
	open bool
}

// row is a row of a sheet being written: values by column key.
type row map[string]any

// Write writes d to w as an authoring workbook: a researcher's
// spreadsheet that Read reads back to the same dossier. A nil dossier
// or writer, or a language without catalogs, is an error wrapping
// ErrOptions; a value the workbook cannot hold (a text longer than a
// cell, an id with a space or comma where ids are listed, two days of
// the same dates) one wrapping ErrTooLarge or ErrCell that names it;
// a failure or panic of the spreadsheet library one wrapping
// ErrWorkbook. Nothing is written to w on an error, unless w's own.
//
// The output is deterministic: the same dossier and options give the
// same bytes.
func Write(w io.Writer, d *model.Dossier, opt Options) (err error) {
	if w == nil || d == nil {
		return fmt.Errorf("workbook: %w: nil writer or dossier", ErrOptions)
	}
	tag := opt.Language
	if tag == (language.Tag{}) {
		tag = language.English
		if len(d.Languages) > 0 && slices.Contains(locales.Languages(), d.Languages[0]) {
			tag = d.Languages[0]
		}
	}
	wd, err := newWords(tag)
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("workbook: %w: panic: %v", ErrWorkbook, r)
		}
	}()
	b := &builder{d: d, w: wd, rows: map[string][]row{}}
	if err := b.collect(); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	p := &packer{}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return p })
	if err := b.write(f); err != nil {
		return err
	}
	if _, err := f.WriteToBuffer(); err != nil {
		return fmt.Errorf("workbook: %w: %w", ErrWorkbook, err)
	}
	return p.writeTo(w, modified(d).Time())
}

// modified is the date the workbook's parts carry: the dossier's update,
// else its publication, else 1 January 1980 (the zip epoch).
func modified(d *model.Dossier) model.Date {
	switch {
	case !d.Updated.IsZero():
		return d.Updated
	case !d.Published.IsZero() && d.Published.Year >= 1980:
		return d.Published
	}
	return model.Date{Year: 1980, Month: time.January, Day: 1}
}

// builder turns a dossier into the rows of each sheet.
type builder struct {
	d    *model.Dossier
	w    *words
	rows map[string][]row // by sheet key
	meta map[string]any   // by metaField path
	tags []language.Tag   // the languages of the text columns
	seen map[language.Tag]bool
	logo []byte // the logo's image, when it is a picture
	ext  string // its extension
}

// addTags records the languages of t.
func (b *builder) addTags(t model.Text) model.Text {
	for tag, s := range t {
		if s != "" && !b.seen[tag] {
			b.seen[tag] = true
			b.tags = append(b.tags, tag)
		}
	}
	return t
}

func ids[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, id := range list {
		out[i] = string(id)
	}
	return out
}

func enumWord(m interface{ MarshalText() ([]byte, error) }, zero bool) string {
	if zero {
		return ""
	}
	b, _ := m.MarshalText()
	return string(b)
}

func spanEnd(s model.DateSpan) end {
	switch {
	case s.Open:
		return end{open: true}
	case s.End == s.Start:
		return end{}
	}
	return end{d: s.End}
}

func (b *builder) collect() error {
	d := b.d
	b.seen = map[language.Tag]bool{}
	for _, t := range d.Languages {
		if !b.seen[t] {
			b.seen[t] = true
			b.tags = append(b.tags, t)
		}
	}
	n := len(b.tags)
	m := map[string]any{
		"id": d.ID, "country": string(d.Country), "focus": string(d.Focus),
		"languages": d.Languages,
		"title":     b.addTags(d.Title), "shortTitle": b.addTags(d.ShortTitle), "summary": b.addTags(d.Summary),
		"published": d.Published, "updated": d.Updated,
		"issuer.name": b.addTags(d.Issuer.Name), "issuer.unit": b.addTags(d.Issuer.Unit), "issuer.url": d.Issuer.URL,
		"disclaimer": b.addTags(d.Disclaimer), "mapTitle": b.addTags(d.MapTitle),
		"method.scope": b.addTags(d.Method.Scope), "method.cutOff": d.Method.CutOff,
		"method.languagesSearched": d.Method.LanguagesSearched, "method.version": d.Method.Version,
		"method.note": b.addTags(d.Method.Note),
	}
	m["period"], m["period.end"] = d.Period.Start, spanEnd(d.Period)
	m["method.sourcesConsulted"], m["method.sourcesConsulted.end"] = d.Method.SourcesConsulted.Start, spanEnd(d.Method.SourcesConsulted)
	if l := d.Issuer.Logo; l != "" {
		if data, format, err := model.DecodeImageURI(l); err == nil && uri(data, format) == l {
			b.logo, b.ext = data, "."+format
		} else {
			m["issuer.logo"] = l
		}
	}
	b.meta = m
	for i, c := range d.Method.Contributors {
		b.rows["contributors"] = append(b.rows["contributors"], row{"order": i + 1, "role": enumWord(c.Role, c.Role == 0), "name": b.addTags(c.Name)})
	}
	days := map[model.DateSpan]int{}
	for i := range d.Chronology {
		day := &d.Chronology[i]
		if j, dup := days[day.When]; dup {
			return fmt.Errorf("workbook: %w: chronology[%d] and chronology[%d] are both the day %s: the workbook tells days apart by their dates", ErrCell, j, i, day.When)
		}
		days[day.When] = i
		b.rows["days"] = append(b.rows["days"], row{"order": i + 1, "from": day.When.Start, "to": spanEnd(day.When),
			"precision": enumWord(day.Precision, day.Precision.IsZero()), "title": b.addTags(day.Title)})
		for j := range day.Entries {
			e := &day.Entries[j]
			r := b.statement(&e.Statement)
			r["day"], r["dayUntil"] = day.When.Start, spanEnd(day.When)
			if e.Time != nil {
				r["time"] = e.Time.String()
			}
			r["kind"] = enumWord(e.Kind, e.Kind == 0)
			r["group"] = string(e.Group)
			r["datePrecision"] = enumWord(e.DatePrecision, e.DatePrecision.IsZero())
			r["geoPrecision"] = enumWord(e.GeoPrecision, e.GeoPrecision.IsZero())
			b.add("chronology", r)
		}
	}
	for i := range d.Background {
		b.add("background", b.statement(&d.Background[i]))
	}
	for i := range d.Notes {
		b.add("notes", b.statement(&d.Notes[i]))
	}
	sections := map[string]bool{}
	var walk func(list []model.Section, parent string) error
	walk = func(list []model.Section, parent string) error {
		for i := range list {
			s := &list[i]
			if sections[s.ID] {
				return fmt.Errorf("workbook: %w: two sections have the id %q: the workbook tells sections apart by their ids", ErrCell, s.ID)
			}
			sections[s.ID] = true
			b.add("sections", row{"id": s.ID, "parent": parent, "title": b.addTags(s.Title)})
			for j := range s.Paragraphs {
				r := b.statement(&s.Paragraphs[j])
				r["section"] = s.ID
				b.add("paragraphs", r)
			}
			if err := walk(s.Sections, s.ID); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(d.Sections, ""); err != nil {
		return err
	}
	for i := range d.Places {
		p := &d.Places[i]
		r := row{"id": string(p.ID), "kind": enumWord(p.Kind, p.Kind == 0), "name": b.addTags(p.Name),
			"aliases": p.Aliases, "region": string(p.Region), "iso": p.ISO}
		if p.Coord != nil {
			r["lat"], r["lon"] = p.Coord.Lat, p.Coord.Lon
		}
		if o := p.Outline; o != nil {
			if o.Multi || len(o.Polygons) != 1 {
				r["outline"] = "MultiPolygon"
			} else {
				r["outline"] = "Polygon"
			}
			for pi, poly := range o.Polygons {
				if len(poly) == 0 {
					return fmt.Errorf("workbook: %w: places[%d].outline: polygon %d has no ring", ErrCell, i, pi)
				}
				for ri, ring := range poly {
					if len(ring) == 0 {
						return fmt.Errorf("workbook: %w: places[%d].outline: ring %d of polygon %d has no point", ErrCell, i, ri, pi)
					}
					for qi, pos := range ring {
						b.rows["outlines"] = append(b.rows["outlines"], row{"place": string(p.ID), "polygon": pi + 1, "ring": ri + 1, "point": qi + 1, "lon": pos[0], "lat": pos[1]})
					}
				}
			}
		}
		b.add("places", r)
	}
	for i := range d.Sources {
		s := &d.Sources[i]
		r := row{"id": string(s.ID), "category": enumWord(s.Category, s.Category == 0), "outlet": s.Outlet, "group": s.Group,
			"via": s.Via, "author": s.Author, "title": s.Title, "translation": b.addTags(s.Translation),
			"published": s.Published, "updated": s.Updated, "url": s.URL, "accessed": s.Accessed}
		if s.TitleLanguage != (language.Tag{}) {
			r["titleLanguage"] = s.TitleLanguage.String()
		}
		if s.Disambiguator != 0 {
			r["disambiguator"] = s.Disambiguator
		}
		b.add("sources", r)
	}
	err := d.EachFigure(func(i int, f *model.Figure) error {
		r := row{"id": string(f.ID), "metric": enumWord(f.Metric, f.Metric == 0), "party": enumWord(f.Party, f.Party.IsZero()),
			"qualifier": enumWord(f.Qualifier, f.Qualifier.IsZero()), "unit": f.Unit, "scope": string(f.Scope),
			"asOf": f.AsOf, "reported": f.Reported, "claimantKind": enumWord(f.Claimant.Kind, f.Claimant.Kind == 0),
			"claimant": b.addTags(f.Claimant.Name), "channel": f.Claimant.Channel, "sources": ids(f.Sources),
			"status": enumWord(f.Status, f.Status.IsZero()), "statusDate": f.StatusDate,
			"supersededBy": string(f.SupersededBy), "partOf": string(f.PartOf), "note": b.addTags(f.Note)}
		for k, v := range map[string]float64{"value": f.Value, "low": f.Low, "high": f.High} {
			if v != 0 {
				r[k] = v
			}
		}
		b.add("figures", r)
		return nil
	})
	if err != nil {
		return err
	}
	for i := range d.Errata {
		e := &d.Errata[i]
		ref := ""
		if e.Ref.Kind != 0 {
			ref = e.Ref.String()
		}
		b.add("errata", row{"ref": ref, "field": e.Field, "document": e.Document, "printed": e.Printed, "recorded": e.Recorded, "text": b.addTags(e.Text)})
	}
	for _, v := range d.History {
		b.add("history", row{"version": v.Version, "date": v.Date, "note": b.addTags(v.Note)})
	}
	// Languages the dossier does not declare come after those it does.
	slices.SortFunc(b.tags[n:], func(x, y language.Tag) int { return strings.Compare(x.String(), y.String()) })
	return nil
}

// uri is the data URI of an image.
func uri(data []byte, format string) string {
	return "data:image/" + format + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// add appends r to a sheet's rows, numbered.
func (b *builder) add(sheet string, r row) {
	r["order"] = len(b.rows[sheet]) + 1
	b.rows[sheet] = append(b.rows[sheet], r)
}

func (b *builder) statement(s *model.Statement) row {
	r := row{"id": string(s.ID), "text": b.addTags(s.Text), "sources": ids(s.Sources), "note": b.addTags(s.Note),
		"reliability": enumWord(s.Reliability, s.Reliability.IsZero()), "bullet": s.Bullet, "figures": ids(s.Figures),
		"places": ids(s.Places)}
	if !s.When.IsZero() {
		r["from"], r["to"] = s.When.Start, spanEnd(s.When)
	}
	return r
}

// checkString reports a string a cell cannot hold as it is.
func checkString(s string) error {
	if n := len(utf16.Encode([]rune(s))); n > maxCellText {
		return fmt.Errorf("%w: a text of %d UTF-16 code units, more than the %d a cell holds", ErrTooLarge, n, maxCellText)
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Errorf("%w: invalid UTF-8", ErrCell)
			}
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return fmt.Errorf("%w: character %U, which a workbook cannot hold", ErrCell, r)
		}
	}
	return nil
}

// excelEpoch is day 0 of Excel's 1900 date system, as Excel counts after
// February 1900.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// serial returns the serial number of d, and false for dates before
// March 1900, which Excel's calendar gets wrong, or after 9999.
func serial(d model.Date) (float64, bool) {
	if d.Year < 1900 || d.Year == 1900 && d.Month < time.March || d.Year > 9999 {
		return 0, false
	}
	return float64(d.Time().Sub(excelEpoch) / (24 * time.Hour)), true
}

func itoa(n int) string { return strconv.Itoa(n) }
