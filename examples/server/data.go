package main

import (
	"bytes"
	"io"
	"net/http"
	"path"
	"strings"

	"github.com/coibrief/coibrief/export/biblio"
	"github.com/coibrief/coibrief/export/events"
	"github.com/coibrief/coibrief/export/geojson"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// dataFormat is a download of the briefing as data: its route's last
// segment, its label (a format's name, the same in every language), the
// file's extension and media type, and its writer.
type dataFormat struct {
	route, label, ext, contentType string
	write                          func(w io.Writer, doc *report.Document, tag language.Tag) error
}

var dataFormats = []dataFormat{
	{"csl", "CSL-JSON", ".csl.json", "application/vnd.citationstyles.csl+json", func(w io.Writer, doc *report.Document, tag language.Tag) error {
		return biblio.Write(w, doc, biblio.Options{Format: biblio.CSL, Language: tag})
	}},
	{"ris", "RIS", ".ris", "application/x-research-info-systems; charset=utf-8", func(w io.Writer, doc *report.Document, tag language.Tag) error {
		return biblio.Write(w, doc, biblio.Options{Format: biblio.RIS, Language: tag})
	}},
	{"bib", "BibLaTeX", ".bib", "application/x-bibtex; charset=utf-8", func(w io.Writer, doc *report.Document, tag language.Tag) error {
		return biblio.Write(w, doc, biblio.Options{Format: biblio.BibLaTeX, Language: tag})
	}},
	{"csv", "CSV (ACLED)", ".acled.csv", "text/csv; charset=utf-8; header=present", func(w io.Writer, doc *report.Document, tag language.Tag) error {
		return events.Write(w, doc, events.Options{Language: tag})
	}},
	{"geojson", "GeoJSON", ".geojson", "application/geo+json", func(w io.Writer, doc *report.Document, tag language.Tag) error {
		return geojson.Write(w, doc, geojson.Options{Language: tag})
	}},
	{"json", "JSON (dossier)", ".dossier.json", "application/json", func(w io.Writer, doc *report.Document, _ language.Tag) error {
		d, err := doc.Dossier()
		if err != nil {
			return err
		}
		return model.Encode(w, d)
	}},
}

// dataLinks returns the links to the data downloads of a briefing in each
// of langs, named in the interface's language by names.
func dataLinks(base string, langs []language.Tag, names func(language.Tag) string, href func(lang string) string) []link {
	var out []link
	for _, t := range langs {
		for _, f := range dataFormats {
			out = append(out, link{Href: base + "/" + f.route + "?" + href(t.String()), Label: f.label + " (" + names(t) + ")"})
		}
	}
	return out
}

// dataDownload sends the focused briefing in one of dataFormats, in one
// language.
func (s *server) dataDownload(w http.ResponseWriter, r *http.Request) {
	ds := s.lookup(w, r)
	if ds == nil {
		return
	}
	var format *dataFormat
	for i := range dataFormats {
		if dataFormats[i].route == path.Base(r.URL.Path) {
			format = &dataFormats[i]
		}
	}
	if format == nil {
		s.notFound(w, r)
		return
	}
	loc := s.loc(r)
	back := "/d/" + ds.id
	v, qe := parseQuery(r.URL.RawQuery, xlsxParams, loc)
	if qe != nil {
		s.errorPageBack(w, r, qe.status, []string{qe.msg}, back, ds.title(ds.lang(loc.Tag())))
		return
	}
	f := parseFocus(v, ds, loc, false)
	if len(f.langs) != 1 {
		f.invalid = append(f.invalid, fieldError{field: pLang, msg: message(loc, locales.AppErrorValue, "Field", label(loc, pLang), "Value", f.lang)})
	}
	if len(f.invalid) > 0 {
		var msgs []string
		for _, e := range f.invalid {
			msgs = append(msgs, strings.TrimSpace(e.msg+" "+e.intro))
		}
		s.errorPageBack(w, r, http.StatusBadRequest, msgs, back+"?"+f.values().Encode(), ds.title(ds.lang(loc.Tag())))
		return
	}
	name := report.FileName(ds.id+filterSuffix(f.filter), "."+f.langs[0].String()+format.ext)
	if format.route == "json" {
		name = report.FileName(ds.id+filterSuffix(f.filter), format.ext)
	}
	key := format.route + "|" + ds.hash + "|" + f.key()
	etag := s.etag(key)
	if match(r.Header.Get("If-None-Match"), etag) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "no-cache")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body, err := s.cached(r.Context(), key, func() (*rendered, error) {
		doc, err := report.Build(ds.d, report.Options{Languages: f.langs, Filter: f.filter})
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := format.write(&buf, doc, f.langs[0]); err != nil {
			return nil, err
		}
		return &rendered{body: buf.Bytes(), contentType: format.contentType, etag: etag, filename: name}, nil
	})
	if err != nil {
		s.failed(w, r, err)
		return
	}
	s.serve(w, r, body, "no-cache")
}
