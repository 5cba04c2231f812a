package xlsx

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// entry is a chronology entry with the heading of its day.
type entry struct {
	p   *report.Paragraph
	day string
}

// entries returns the chronology entries of doc in reading order.
func (b *book) entries() []entry {
	var out []entry
	var day string
	report.Walk(b.doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
		switch n := n.(type) {
		case *report.Section:
			if n.Kind == report.SectionDay {
				day = ""
				if entering {
					day = b.t(n.Title)
				}
			}
		case *report.Paragraph:
			if entering && n.Entry != nil {
				out = append(out, entry{n, day})
			}
		}
		return report.WalkContinue, nil
	})
	return out
}

// timeline writes the chronology, one entry per row.
func (b *book) timeline() error {
	w := b.w
	cols := []column{
		{w.col(locales.WorkbookColumnDate), 13, false},
		{w.col(locales.WorkbookColumnEndDate), 13, false},
		{w.col(locales.WorkbookColumnWhen), 24, true},
		{w.col(locales.WorkbookColumnDatePrecision), 12, false},
		{w.col(locales.WorkbookColumnTime), 8, false},
		{w.col(locales.WorkbookColumnEndTime), 8, false},
		{w.col(locales.WorkbookColumnPlaces), 24, true},
		{w.col(locales.WorkbookColumnKind), 18, false},
		{w.col(locales.WorkbookColumnText), 80, true},
		{w.col(locales.WorkbookColumnReliability), 16, false},
		{w.col(locales.WorkbookColumnFootnote), 10, false},
		{w.col(locales.WorkbookColumnSources), 45, true},
		{w.col(locales.WorkbookColumnID), 16, false},
		{w.col(locales.WorkbookColumnFigures), 14, false},
	}
	entries := b.entries()
	s, err := b.newSheet(b.sheetName(locales.WorkbookSheetTimeline), cols, 1+len(entries), true)
	if err != nil {
		return err
	}
	if err := s.header(); err != nil {
		return err
	}
	for _, e := range entries {
		p, en := e.p, e.p.Entry
		var end model.Date
		if !en.When.Open && en.When.End != en.When.Start {
			end = en.When.End
		}
		when := b.t(en.WhenText)
		if when == "" {
			when = e.day
		}
		var start, until any
		if en.Time != nil {
			start = en.Time.Start
			if en.Time.IsRange() {
				until = en.Time.End
			}
		}
		places := make([]string, len(en.Places))
		for i, id := range en.Places {
			places[i] = string(id)
			if pl := b.doc.Place(id); pl != nil {
				places[i] = b.t(pl.Name)
			}
		}
		var note any
		var cites string
		if p.Footnote != nil {
			note = p.Footnote.Number
			parts := make([]string, len(p.Footnote.Citations))
			for i, c := range p.Footnote.Citations {
				parts[i] = b.t(c.Text)
			}
			cites = strings.Join(parts, "; ")
		}
		figs := make([]string, len(en.Figures))
		for i, id := range en.Figures {
			figs[i] = string(id)
		}
		l := lookPlain
		if p.Reliability == model.Retracted {
			l = lookStruck
		}
		var precision string
		if en.Precision != model.PrecisionDerived {
			precision = label(w, en.Precision)
		}
		err := s.add(l, en.When.Start, end, when, precision, start, until, strings.Join(places, "; "),
			b.t(en.KindText), b.t(p.Text), b.t(p.ReliabilityText), note, cites, string(p.Statement),
			strings.Join(figs, ", "))
		if err != nil {
			return err
		}
	}
	return s.finish("Timeline", 1, s.rows)
}

// places writes the gazetteer.
func (b *book) places() error {
	w := b.w
	langs := b.placeLanguages()
	cols := []column{{w.col(locales.WorkbookColumnID), 22, false}}
	for _, tag := range langs {
		cols = append(cols, column{w.msg(locales.WorkbookColumnName, map[string]any{"Language": w.language(tag)}), 24, false})
	}
	cols = append(cols,
		column{w.col(locales.WorkbookColumnAliases), 28, true},
		column{w.col(locales.WorkbookColumnPlaceKind), 14, false},
		column{w.col(locales.WorkbookColumnRegion), 24, false},
		column{w.col(locales.WorkbookColumnLatitude), 10, false},
		column{w.col(locales.WorkbookColumnLongitude), 10, false},
		column{w.col(locales.WorkbookColumnEntries), 9, false},
		column{w.col(locales.WorkbookColumnFirstDate), 13, false},
		column{w.col(locales.WorkbookColumnLastDate), 13, false},
	)
	s, err := b.newSheet(b.sheetName(locales.WorkbookSheetPlaces), cols, 1+len(b.doc.Places), true)
	if err != nil {
		return err
	}
	if err := s.header(); err != nil {
		return err
	}
	vals := make([]any, 0, len(cols))
	for _, p := range b.doc.Places {
		vals = append(vals[:0], string(p.ID))
		for _, tag := range langs {
			vals = append(vals, p.Names[tag])
		}
		var lat, lon any
		if p.Coord != nil {
			lat, lon = coord(p.Coord.Lat), coord(p.Coord.Lon)
		}
		var entries any
		if p.Entries > 0 {
			entries = p.Entries
		}
		vals = append(vals, strings.Join(p.Aliases, "; "), b.t(p.KindText), b.t(p.RegionName), lat, lon, entries, p.First, p.Last)
		if err := s.add(lookPlain, vals...); err != nil {
			return err
		}
	}
	return s.finish("Places", 1, s.rows)
}

// placeLanguages returns the languages places are named in: the
// document's first, then the others by tag.
func (b *book) placeLanguages() []language.Tag {
	seen := map[language.Tag]bool{}
	var out, rest []language.Tag
	for _, tag := range b.doc.Languages {
		seen[tag] = true
		out = append(out, tag)
	}
	for _, p := range b.doc.Places {
		for tag := range p.Names {
			if !seen[tag] {
				seen[tag] = true
				rest = append(rest, tag)
			}
		}
	}
	slices.SortFunc(rest, func(a, c language.Tag) int { return cmp.Compare(a.String(), c.String()) })
	return append(out, rest...)
}

// sources writes the bibliography, with links.
func (b *book) sources() error {
	w := b.w
	cols := []column{
		{w.col(locales.WorkbookColumnID), 24, false},
		{w.col(locales.WorkbookColumnCategory), 16, false},
		{w.col(locales.WorkbookColumnOutlet), 26, true},
		{w.col(locales.WorkbookColumnTitle), 50, true},
		{w.col(locales.WorkbookColumnTitleLanguage), 12, false},
		{w.col(locales.WorkbookColumnTranslation), 50, true},
		{w.col(locales.WorkbookColumnPublished), 13, false},
		{w.col(locales.WorkbookColumnUpdated), 13, false},
		{w.col(locales.WorkbookColumnURL), 50, false},
		{w.col(locales.WorkbookColumnCitation), 30, false},
		{w.col(locales.WorkbookColumnFootnotes), 20, true},
	}
	s, err := b.newSheet(b.sheetName(locales.WorkbookSheetSources), cols, 1+len(b.doc.Sources), true)
	if err != nil {
		return err
	}
	if err := s.header(); err != nil {
		return err
	}
	for _, it := range b.doc.Sources {
		notes := make([]string, len(it.Footnotes))
		for i, n := range it.Footnotes {
			notes[i] = strconv.Itoa(n)
		}
		var lang string
		if it.TitleLanguage != (language.Tag{}) {
			lang = w.language(it.TitleLanguage)
		}
		target := it.Link
		if target == "" {
			target = it.URL
		}
		err := s.add(lookPlain, string(it.ID), label(w, it.Category), it.Outlet, it.Title, lang,
			b.t(it.Translation), it.Published, it.Updated, link{it.URL, target}, b.t(it.Citation),
			strings.Join(notes, ", "))
		if err != nil {
			return err
		}
	}
	return s.finish("Sources", 1, s.rows)
}
