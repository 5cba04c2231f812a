package main

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Limits on what an address may ask. Anything beyond is a 4xx page that
// says which limit, never a render.
const (
	maxQuery  = 2048 // bytes of the query string
	maxParams = 40   // parameters in the query
	maxPlace  = 100  // bytes of a place name
	maxPlaces = 5    // places in one request
	maxValue  = 32   // bytes of any other value
)

// Parameter names.
const (
	pPlace   = "place"
	pFrom    = "from"
	pTo      = "to"
	pKind    = "kind"
	pLang    = "lang"
	pUI      = "ui"
	pEdition = "edition"
	pQuery   = "q"
)

// langBoth asks for a briefing in the dossier's two languages.
const langBoth = "both"

// focus is what a dossier's page or download asks for, checked against
// the dossier: the filter, the languages, the edition of a PDF. Its
// canonical form, key, names the same briefing whatever the spelling of
// its address.
type focus struct {
	submitted bool     // the form was sent: some parameter other than ui is present
	places    []string // as typed
	from, to  string   // as typed
	kinds     []string // as asked
	lang      string   // as asked, or the default
	edition   string   // as asked (downloads)

	filter  report.Filter
	langs   []language.Tag
	pdfEd   pdf.Edition
	invalid []fieldError // what is wrong; empty when the request can be answered
}

// fieldError is a problem with a parameter, worded for the reader.
type fieldError struct {
	field   string // the parameter, for the form to mark its field
	msg     string
	intro   string       // before links, such as "Did you mean:"
	choices []suggestion // places to choose from
}

// status is the status code of a request with these problems: 414 for
// an address too long, 400 otherwise.
type queryError struct {
	status int
	msg    string
}

// parseQuery reads raw, a query string, allowing the parameter names of
// allowed and at most max[name] values of each. It reports malformed,
// oversized and unknown parameters as a queryError.
func parseQuery(raw string, allowed map[string]int, loc *locales.Locale) (url.Values, *queryError) {
	if len(raw) > maxQuery {
		return nil, &queryError{414, message(loc, locales.AppErrorAddress, "Max", loc.Int(maxQuery))}
	}
	if n := strings.Count(raw, "&") + 1; raw != "" && n > maxParams {
		return nil, &queryError{400, message(loc, locales.AppErrorTooMany, "Max", loc.Int(maxParams))}
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return nil, &queryError{400, message(loc, locales.AppErrorQuery, nil)}
	}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range v {
			if !yield(k) {
				return
			}
		}
	}) {
		vals := v[name]
		limit, ok := allowed[name]
		if !ok {
			return nil, &queryError{400, message(loc, locales.AppErrorUnknown, "Name", clip(name))}
		}
		if len(vals) > limit {
			return nil, &queryError{400, message(loc, locales.AppErrorRepeated, "Field", label(loc, name), "Max", loc.Int(limit))}
		}
		for _, s := range vals {
			if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
				return nil, &queryError{400, message(loc, locales.AppErrorQuery, nil)}
			}
			n := maxValue
			if name == pPlace || name == pQuery {
				n = maxPlace
			}
			if len(s) > n {
				return nil, &queryError{400, message(loc, locales.AppErrorTooLong, "Field", label(loc, name), "Max", loc.Int(n))}
			}
		}
	}
	return v, nil
}

// Parameters each route takes, with how many values of each.
var (
	listParams    = map[string]int{pUI: 1}
	dossierParams = map[string]int{pUI: 1, pPlace: maxPlaces, pFrom: 1, pTo: 1, pKind: 32, pLang: 1}
	pdfParams     = map[string]int{pUI: 1, pPlace: maxPlaces, pFrom: 1, pTo: 1, pKind: 32, pLang: 1, pEdition: 1}
	xlsxParams    = dossierParams
	placeParams   = map[string]int{pUI: 1, pQuery: 1, pLang: 1}
)

// uiOf returns the interface language the ui parameter asks for, and
// false when it asks for none or one the app lacks.
func uiOf(v url.Values) (language.Tag, bool) {
	switch v.Get(pUI) {
	case "en":
		return language.English, true
	case "fr":
		return language.French, true
	}
	return language.Und, false
}

// parseFocus checks the parameters of a dossier's page or download
// against the dossier ds.
func parseFocus(v url.Values, ds *dossier, loc *locales.Locale, download bool) *focus {
	f := &focus{}
	bad := func(field, msg string) { f.invalid = append(f.invalid, fieldError{field: field, msg: msg}) }
	for name := range v {
		if name != pUI {
			f.submitted = true
		}
	}
	if s := v.Get(pUI); s != "" {
		if _, ok := uiOf(v); !ok {
			bad(pUI, message(loc, locales.AppErrorValue, "Field", label(loc, pUI), "Value", s))
		}
	}

	// Languages: one of the dossier's, or both; the interface's by default.
	f.lang = v.Get(pLang)
	switch {
	case f.lang == "":
		f.lang = ds.lang(loc.Tag()).String()
		f.langs = []language.Tag{ds.lang(loc.Tag())}
	case f.lang == langBoth && len(ds.langs) == 2:
		f.langs = slices.Clone(ds.langs)
	default:
		i := slices.IndexFunc(ds.langs, func(t language.Tag) bool { return t.String() == f.lang })
		if i < 0 {
			bad(pLang, message(loc, locales.AppErrorValue, "Field", label(loc, pLang), "Value", f.lang))
			f.langs = []language.Tag{ds.langs[0]}
		} else {
			f.langs = []language.Tag{ds.langs[i]}
		}
	}

	// Dates, within the dossier's.
	span := loc.Date
	date := func(name string, out *model.Date) string {
		s := strings.TrimSpace(v.Get(name))
		if s == "" {
			return ""
		}
		d, err := model.ParseDate(s)
		if err != nil || len(s) != len("2006-01-02") {
			bad(name, message(loc, locales.AppErrorDate, "Field", label(loc, name), "Example", ds.first.String()))
			return s
		}
		if d.Before(ds.first) || d.After(ds.last) {
			bad(name, message(loc, locales.AppErrorDateRange, "Field", label(loc, name), "From", span(ds.first), "To", span(ds.last)))
			return s
		}
		*out = d
		return s
	}
	f.from = date(pFrom, &f.filter.From)
	f.to = date(pTo, &f.filter.To)
	if !f.filter.From.IsZero() && !f.filter.To.IsZero() && f.filter.To.Before(f.filter.From) {
		bad(pTo, message(loc, locales.AppErrorDateOrder, nil))
	}

	// Kinds of event.
	seen := map[model.EventKind]bool{}
	for _, s := range v[pKind] {
		var k model.EventKind
		if err := k.UnmarshalText([]byte(s)); err != nil || s == "" {
			bad(pKind, message(loc, locales.AppErrorKind, "Name", s))
			continue
		}
		if !seen[k] {
			seen[k] = true
			f.kinds = append(f.kinds, s)
			f.filter.Kinds = append(f.filter.Kinds, k)
		}
	}
	slices.Sort(f.filter.Kinds)

	// The PDF's edition.
	if download {
		f.edition = v.Get(pEdition)
		switch f.edition {
		case "":
			f.edition = pdf.Single.String()
			if len(f.langs) == 2 {
				f.edition = pdf.Parallel.String()
			}
		}
		ed, err := pdf.ParseEdition(f.edition)
		switch {
		case err != nil:
			bad(pEdition, message(loc, locales.AppErrorValue, "Field", label(loc, pEdition), "Value", f.edition))
		case (ed == pdf.Single) != (len(f.langs) == 1):
			bad(pEdition, message(loc, locales.AppErrorValue, "Field", label(loc, pEdition), "Value", f.edition))
		}
		f.pdfEd = ed
	}

	// Places, in any spelling.
	for _, s := range v[pPlace] {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		f.places = append(f.places, s)
		id, err := report.FindPlace(ds.d, s)
		tag := f.langs[0]
		switch {
		case err == nil:
			if !slices.Contains(f.filter.Places, id) {
				f.filter.Places = append(f.filter.Places, id)
			}
		case errors.Is(err, report.ErrAmbiguousPlace):
			f.invalid = append(f.invalid, fieldError{field: pPlace, intro: message(loc, locales.AppErrorAmbiguous, "Name", s), choices: ds.namesakes(s, tag)})
		default:
			fe := fieldError{field: pPlace, msg: message(loc, locales.AppErrorPlace, "Name", s), choices: ds.closest(s, tag)}
			if len(fe.choices) > 0 {
				fe.intro = message(loc, locales.AppErrorDidYouMean, nil)
			}
			f.invalid = append(f.invalid, fe)
		}
	}
	slices.Sort(f.filter.Places)
	return f
}

// key is the canonical form of the briefing f asks for: two addresses
// that ask for the same briefing have the same key.
func (f *focus) key() string {
	var b strings.Builder
	for _, p := range f.filter.Places {
		b.WriteString("p=" + string(p) + ";")
	}
	b.WriteString("from=" + f.filter.From.String() + ";to=" + f.filter.To.String() + ";")
	for _, k := range f.filter.Kinds {
		b.WriteString("k=" + k.String() + ";")
	}
	for _, t := range f.langs {
		b.WriteString("l=" + t.String() + ";")
	}
	if f.submitted {
		b.WriteString("shown;")
	}
	return b.String()
}

// values returns the parameters of the briefing f asks for, as typed, for
// links to its downloads and to the other interface language.
func (f *focus) values() url.Values {
	v := url.Values{}
	for _, p := range f.places {
		v.Add(pPlace, p)
	}
	if f.from != "" {
		v.Set(pFrom, f.from)
	}
	if f.to != "" {
		v.Set(pTo, f.to)
	}
	for _, k := range f.kinds {
		v.Add(pKind, k)
	}
	if f.lang != "" {
		v.Set(pLang, f.lang)
	}
	return v
}

// message returns a localized message; data alternates names and values.
func message(loc *locales.Locale, id locales.ID, kv ...any) string {
	var data map[string]any
	if len(kv) > 1 {
		data = map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			data[kv[i].(string)] = kv[i+1]
		}
	}
	s, err := loc.Message(id, data)
	if err != nil {
		return string(id)
	}
	return s
}

// label returns the label of a parameter, for error messages.
func label(loc *locales.Locale, name string) string {
	ids := map[string]locales.ID{
		pPlace: locales.FieldPlace, pQuery: locales.FieldPlace,
		pFrom: locales.AppFocusFrom, pTo: locales.AppFocusTo,
		pKind: locales.FieldKind, pLang: locales.AppFocusLanguage,
		pUI: locales.AppInterface, pEdition: locales.AppFocusEdition,
	}
	if id, ok := ids[name]; ok {
		return message(loc, id)
	}
	return clip(name)
}

// clip shortens what a request sent to quote it in a message.
func clip(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) > 40 {
		i := 40
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i] + "…"
	}
	return strconv.Quote(s)[1 : len(strconv.Quote(s))-1]
}
