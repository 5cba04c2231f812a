package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// langText is a text in a language, for a lang attribute.
type langText struct {
	Lang string
	Text string
}

// texts pairs the strings of an L with the briefing's languages.
func texts(l report.L, langs []language.Tag) []langText {
	out := make([]langText, 0, len(l))
	for i, s := range l {
		if i < len(langs) && s != "" {
			out = append(out, langText{langs[i].String(), s})
		}
	}
	return out
}

// listView is the data of the list of dossiers.
type listView struct {
	*page
	Dossiers []listRow
	Problems []problemRow
}

type listRow struct {
	Href, Title, TitleLang, Country, Period, Version, Updated, UpdatedISO string
}

type problemRow struct{ Summary, Detail string }

func (s *server) list(w http.ResponseWriter, r *http.Request) {
	loc := s.loc(r)
	if _, qe := parseQuery(r.URL.RawQuery, listParams, loc); qe != nil {
		s.errorPage(w, r, qe.status, []string{qe.msg})
		return
	}
	p := s.newPage(r, message(loc, locales.AppListHeading))
	c := s.store.catalog()
	v := &listView{page: p}
	for _, ds := range c.list {
		tag := ds.lang(loc.Tag())
		href := "/d/" + ds.id
		if p.UIParam != "" {
			href += "?ui=" + p.UIParam
		}
		period, _ := loc.Span(ds.d.Period, model.PrecisionDerived)
		upd := ds.d.Updated
		if upd.IsZero() {
			upd = ds.d.Published
		}
		v.Dossiers = append(v.Dossiers, listRow{
			Href: href, Title: ds.title(tag), TitleLang: tag.String(),
			Country: ds.placeName(ds.d.Country, loc.Tag()), Period: period, Version: ds.d.Method.Version,
			Updated: loc.Date(upd), UpdatedISO: upd.String(),
		})
	}
	for _, pr := range c.problems {
		row := problemRow{Detail: pr.err}
		if !pr.kept.IsZero() {
			row.Summary = message(loc, locales.AppListKeptVersion, "File", pr.file, "Time", pr.kept.Format("2006-01-02 15:04:05"))
		} else {
			row.Summary = message(loc, locales.AppListNotLoaded, "File", pr.file)
		}
		if len(row.Detail) > 4000 {
			row.Detail = row.Detail[:strings.LastIndexByte(row.Detail[:4000], '\n')+1] + "…"
		}
		v.Problems = append(v.Problems, row)
	}
	body, err := s.render("list", v)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	sum := sha256.Sum256(body)
	w.Header().Set("Vary", "Accept-Language")
	s.serve(w, r, &rendered{body: body, contentType: "text/html; charset=utf-8", etag: `"` + hex.EncodeToString(sum[:16]) + `"`}, "no-cache")
}

// lookup returns the dossier the address names, or answers 404.
func (s *server) lookup(w http.ResponseWriter, r *http.Request) *dossier {
	id := r.PathValue("id")
	if validID(id) {
		if ds := s.store.catalog().byID[id]; ds != nil {
			return ds
		}
	}
	s.errorPage(w, r, http.StatusNotFound, []string{message(s.loc(r), locales.AppErrorNoDossier, "ID", clip(id))})
	return nil
}

// dossierView is the data of a dossier's page.
type dossierView struct {
	*page
	DossierTitle, TitleLang string
	Meta                    []string // period, version, last update
	Summary                 []langText
	Action, ClearURL        string
	WholeURL                string // the briefing with no filter: the whole chronology, its map
	SuggestURL              string
	Form                    formView
	Errors                  []errorItem
	Downloads               []link
	Shown                   bool
	Count                   string
	Filters                 [][]langText  // what the focused briefing is narrowed to, in its languages
	Fragment                template.HTML // the briefing as export/html writes it: its figures and map, or the focused chronology with them
}

type formView struct {
	Place, From, To, Min, Max string
	DatesHint                 string
	PlaceBad, FromBad, ToBad  bool
	Kinds, Langs              []choice
}

type choice struct {
	Value, Label string
	On           bool
}

type errorItem struct {
	Field, Msg, Intro string
	Choices           []choiceLink
}

type choiceLink struct{ Href, Name, Match string }

type link struct{ Href, Label string }

// omitted are the parts of a briefing the page does not show: it shows
// the figures and the map, and the chronology once it is focused.
var omitted = []report.Part{report.PartBackground, report.PartSections, report.PartNotes, report.PartBibliography, report.PartErrata}

// Parts of the page export/html leaves out: the page has its own title,
// summary and form, and the PDF and workbook downloads the whole
// briefing. A dossier's page shows no chronology until it is focused.
var (
	pageOmits    = []html.Part{html.PartCover, html.PartContents}
	dossierOmits = []html.Part{html.PartCover, html.PartContents, html.PartChronology}
)

func (s *server) dossierPage(w http.ResponseWriter, r *http.Request) {
	ds := s.lookup(w, r)
	if ds == nil {
		return
	}
	loc := s.loc(r)
	v, qe := parseQuery(r.URL.RawQuery, dossierParams, loc)
	if qe != nil {
		s.errorPageBack(w, r, qe.status, []string{qe.msg}, "/d/"+ds.id, ds.title(ds.lang(loc.Tag())))
		return
	}
	f := parseFocus(v, ds, loc, false)
	p := s.newPage(r, ds.title(ds.lang(loc.Tag())))
	p.Script = s.js
	p.Extra = s.briefingCSS
	w.Header().Set("Vary", "Accept-Language")
	if len(f.invalid) > 0 {
		view, _ := s.dossierView(p, ds, f, loc, nil)
		body, err := s.render("dossier", view)
		if err != nil {
			s.failed(w, r, err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusBadRequest)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	key := "page|" + ds.hash + "|" + p.UI + "|" + p.UIParam + "|" + f.key() + "|" + f.values().Encode()
	etag := s.etag(key)
	if match(r.Header.Get("If-None-Match"), etag) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "no-cache")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body, err := s.cached(r.Context(), key, func() (*rendered, error) {
		doc, err := report.Build(ds.d, report.Options{Languages: f.langs, Filter: f.filter, Omit: omitted})
		if err != nil {
			return nil, err
		}
		view, err := s.dossierView(p, ds, f, loc, doc)
		if err != nil {
			return nil, err
		}
		b, err := s.render("dossier", view)
		if err != nil {
			return nil, err
		}
		return &rendered{body: b, contentType: "text/html; charset=utf-8", etag: etag}, nil
	})
	if err != nil {
		s.failed(w, r, err)
		return
	}
	s.serve(w, r, body, "no-cache")
}

// dossierView makes the data of a dossier's page; doc is nil when the
// request is invalid, and the page then shows the form and its errors.
func (s *server) dossierView(p *page, ds *dossier, f *focus, loc *locales.Locale, doc *report.Document) (*dossierView, error) {
	tag := ds.lang(loc.Tag())
	upd := ds.d.Updated
	if upd.IsZero() {
		upd = ds.d.Published
	}
	period, _ := loc.Span(ds.d.Period, model.PrecisionDerived)
	base := "/d/" + ds.id
	withUI := func(u string, v url.Values) string {
		if p.UIParam != "" {
			v.Set(pUI, p.UIParam)
		}
		if len(v) == 0 {
			return u
		}
		return u + "?" + v.Encode()
	}
	view := &dossierView{
		page:         p,
		DossierTitle: ds.title(tag), TitleLang: tag.String(),
		Action:     base,
		ClearURL:   withUI(base, url.Values{}),
		WholeURL:   withUI(base, url.Values{pLang: {f.lang}}) + "#results",
		SuggestURL: withUI(base+"/places", url.Values{pLang: {f.langs[0].String()}}),
		Shown:      f.submitted && doc != nil,
	}
	field := func(id locales.ID, value string) string {
		return message(loc, locales.FieldLabelValue, "Label", message(loc, id), "Value", value)
	}
	view.Meta = append(view.Meta, field(locales.FieldPeriod, period))
	if v := ds.d.Method.Version; v != "" {
		view.Meta = append(view.Meta, field(locales.FieldVersion, v))
	}
	view.Meta = append(view.Meta, field(locales.AppListLastUpdate, loc.Date(upd)))
	for _, t := range f.langs {
		if s, ok := ds.d.Summary.In(t); ok {
			view.Summary = append(view.Summary, langText{t.String(), s})
		}
	}

	// The form, as the reader filled it.
	fv := formView{From: f.from, To: f.to, Min: ds.first.String(), Max: ds.last.String()}
	if len(f.places) > 0 {
		fv.Place = f.places[0]
	}
	fv.DatesHint = message(loc, locales.AppFocusDatesHint, "From", loc.Date(ds.first), "To", loc.Date(ds.last))
	for _, k := range ds.kinds {
		lbl, _ := loc.EventKind(k)
		fv.Kinds = append(fv.Kinds, choice{Value: k.String(), Label: capitalize(lbl), On: slices.Contains(f.filter.Kinds, k)})
	}
	names := make([]string, len(ds.langs))
	for i, t := range ds.langs {
		names[i], _ = loc.LanguageName(t)
		fv.Langs = append(fv.Langs, choice{Value: t.String(), Label: capitalize(names[i]), On: f.lang == t.String()})
	}
	if len(ds.langs) == 2 {
		both := message(loc, locales.AppFocusAnd, "First", names[0], "Second", names[1])
		fv.Langs = append(fv.Langs, choice{Value: langBoth, Label: message(loc, locales.AppFocusBoth, "Languages", both), On: f.lang == langBoth})
	}
	for _, e := range f.invalid {
		item := errorItem{Field: e.field, Msg: e.msg, Intro: e.intro}
		for _, c := range e.choices {
			vals := f.values()
			vals.Del(pPlace)
			vals.Set(pPlace, c.ID)
			item.Choices = append(item.Choices, choiceLink{Href: withUI(base, vals), Name: c.Name, Match: c.Match})
		}
		switch e.field {
		case pPlace:
			fv.PlaceBad = true
		case pFrom:
			fv.FromBad = true
		case pTo:
			fv.ToBad = true
		}
		view.Errors = append(view.Errors, item)
	}
	view.Form = fv

	// Downloads of the same briefing.
	dl := f.values()
	pdfHref := func(lang, edition string) string {
		v := url.Values{}
		for k, vals := range dl {
			v[k] = vals
		}
		v.Set(pLang, lang)
		if edition != "" {
			v.Set(pEdition, edition)
		}
		return v.Encode()
	}
	for _, t := range f.langs {
		name := names[slices.Index(ds.langs, t)]
		view.Downloads = append(view.Downloads, link{Href: base + "/pdf?" + pdfHref(t.String(), "single"), Label: message(loc, locales.AppDownloadPDF, "Language", name)})
	}
	if len(f.langs) == 2 {
		both := message(loc, locales.AppFocusAnd, "First", names[0], "Second", names[1])
		view.Downloads = append(view.Downloads, link{Href: base + "/pdf?" + pdfHref(langBoth, "parallel"), Label: message(loc, locales.AppDownloadParallel, "Languages", both)})
	}
	for _, t := range f.langs {
		name := names[slices.Index(ds.langs, t)]
		view.Downloads = append(view.Downloads, link{Href: base + "/xlsx?" + pdfHref(t.String(), ""), Label: message(loc, locales.AppDownloadWorkbook, "Language", name)})
	}
	view.Downloads = append(view.Downloads, dataLinks(base, f.langs,
		func(t language.Tag) string { return names[slices.Index(ds.langs, t)] },
		func(lang string) string { return pdfHref(lang, "") })...)
	if doc == nil {
		return view, nil
	}

	// The briefing as export/html writes it, without the cover and
	// contents the page stands for: the figures and the map, after the
	// focused chronology with its footnotes when there is one.
	o := html.Options{Fragment: true, Omit: dossierOmits}
	if len(doc.Languages) == 2 {
		o.Edition = html.Parallel
	}
	if view.Shown {
		o.Omit = pageOmits
		entries := 0
		report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
			if p, ok := n.(*report.Paragraph); ok && entering && p.Entry != nil {
				entries++
			}
			return report.WalkContinue, nil
		})
		view.Count, _ = loc.Plural(locales.CountEntries, entries, nil)
		for _, l := range doc.Filters {
			view.Filters = append(view.Filters, texts(l, doc.Languages))
		}
	}
	frag, _, err := html.Render(doc, o)
	if err != nil {
		return nil, err
	}
	view.Fragment = template.HTML(frag) // the renderer escapes every text of the dossier
	return view, nil
}

// download sends the focused briefing as a PDF or a workbook.
func (s *server) download(w http.ResponseWriter, r *http.Request) {
	ds := s.lookup(w, r)
	if ds == nil {
		return
	}
	loc := s.loc(r)
	isPDF := strings.HasSuffix(r.URL.Path, "/pdf")
	params := xlsxParams
	if isPDF {
		params = pdfParams
	}
	back := "/d/" + ds.id
	v, qe := parseQuery(r.URL.RawQuery, params, loc)
	if qe != nil {
		s.errorPageBack(w, r, qe.status, []string{qe.msg}, back, ds.title(ds.lang(loc.Tag())))
		return
	}
	f := parseFocus(v, ds, loc, isPDF)
	if !isPDF && len(f.langs) != 1 {
		f.invalid = append(f.invalid, fieldError{field: pLang, msg: message(loc, locales.AppErrorValue, "Field", label(loc, pLang), "Value", f.lang)})
	}
	if len(f.invalid) > 0 {
		var msgs []string
		for _, e := range f.invalid {
			m := strings.TrimSpace(e.msg + " " + e.intro)
			for i, c := range e.choices {
				if i > 0 {
					m += ","
				}
				m += " " + c.Name
			}
			msgs = append(msgs, m)
		}
		vals := f.values()
		vals.Del(pEdition)
		s.errorPageBack(w, r, http.StatusBadRequest, msgs, back+"?"+vals.Encode(), ds.title(ds.lang(loc.Tag())))
		return
	}
	base := ds.id + filterSuffix(f.filter)
	var key, name string
	if isPDF {
		ext := "." + f.langs[0].String() + ".pdf"
		if f.pdfEd != pdf.Single {
			ext = "." + f.langs[0].String() + "-" + f.langs[1].String() + "." + f.pdfEd.String() + ".pdf"
		}
		name = report.FileName(base, ext)
		key = "pdf|" + ds.hash + "|" + f.key() + "|" + f.pdfEd.String()
	} else {
		name = report.FileName(base, "."+f.langs[0].String()+".xlsx")
		key = "xlsx|" + ds.hash + "|" + f.key()
	}
	etag := s.etag(key)
	if match(r.Header.Get("If-None-Match"), etag) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "no-cache")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body, err := s.cached(r.Context(), key, func() (*rendered, error) {
		var buf bytes.Buffer
		if isPDF {
			doc, err := report.Build(ds.d, report.Options{Languages: f.langs, Filter: f.filter})
			if err != nil {
				return nil, err
			}
			o := pdf.Options{Edition: f.pdfEd}
			if f.pdfEd == pdf.Single {
				o.Language = f.langs[0]
			}
			if _, err := pdf.Write(&buf, doc, o); err != nil {
				return nil, err
			}
			return &rendered{body: buf.Bytes(), contentType: "application/pdf", etag: etag, filename: name}, nil
		}
		// A workbook has no map: neither needs nor checks one.
		doc, err := report.Build(ds.d, report.Options{Languages: f.langs, Filter: f.filter, Omit: []report.Part{report.PartMap}})
		if err != nil {
			return nil, err
		}
		if err := xlsx.Write(&buf, doc, xlsx.Options{Language: f.langs[0]}); err != nil {
			return nil, err
		}
		return &rendered{body: buf.Bytes(), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", etag: etag, filename: name}, nil
	})
	if err != nil {
		s.failed(w, r, err)
		return
	}
	s.serve(w, r, body, "no-cache")
}

// places answers the suggestions for what is typed in the place field,
// as JSON: [{"id": "almaty", "name": "Almaty", "match": "Алматы"}].
func (s *server) places(w http.ResponseWriter, r *http.Request) {
	ds := s.lookup(w, r)
	if ds == nil {
		return
	}
	loc := s.loc(r)
	v, qe := parseQuery(r.URL.RawQuery, placeParams, loc)
	if qe != nil {
		s.errorPage(w, r, qe.status, []string{qe.msg})
		return
	}
	tag := ds.lang(loc.Tag())
	if l := v.Get(pLang); l != "" {
		i := slices.IndexFunc(ds.langs, func(t language.Tag) bool { return t.String() == l })
		if i < 0 {
			s.errorPage(w, r, http.StatusBadRequest, []string{message(loc, locales.AppErrorValue, "Field", label(loc, pLang), "Value", l)})
			return
		}
		tag = ds.langs[i]
	}
	body, err := json.Marshal(ds.suggest(v.Get(pQuery), tag))
	if err != nil {
		s.failed(w, r, err)
		return
	}
	sum := sha256.Sum256(body)
	s.serve(w, r, &rendered{body: body, contentType: "application/json", etag: `"` + hex.EncodeToString(sum[:16]) + `"`}, "no-cache")
}

// filterSuffix names the files of a filtered briefing after its filter,
// as examples/briefing does.
func filterSuffix(f report.Filter) string {
	var parts []string
	for _, p := range f.Places {
		parts = append(parts, string(p))
	}
	if !f.From.IsZero() {
		parts = append(parts, "from-"+f.From.String())
	}
	if !f.To.IsZero() {
		parts = append(parts, "to-"+f.To.String())
	}
	for _, k := range f.Kinds {
		parts = append(parts, k.String())
	}
	if len(parts) == 0 {
		return ""
	}
	return "-" + strings.Join(parts, "-")
}
