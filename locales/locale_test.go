package locales_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

func TestNewUnsupported(t *testing.T) {
	_, err := locales.New(language.Spanish)
	var have []string
	for _, tag := range locales.Languages() {
		have = append(have, tag.String())
	}
	want := "locales: no catalog for es (have " + strings.Join(have, ", ") + "): unsupported language"
	if errString(err) != want {
		t.Errorf("New(es) error = %v; want %s", err, want)
	}
	if !errors.Is(err, locales.ErrUnsupportedLanguage) {
		t.Errorf("error does not wrap ErrUnsupportedLanguage")
	}
}

func TestNewRegional(t *testing.T) {
	for _, tt := range []struct{ ask, want language.Tag }{
		{language.MustParse("fr-CA"), fr},
		{language.MustParse("fr-FR"), fr},
		{language.BritishEnglish, en},
		{language.AmericanEnglish, en},
		{language.MustParse("de-AT"), de},
		{language.MustParse("de-CH"), de},
		{fr, fr},
	} {
		if got := mustNew(t, tt.ask).Tag(); got != tt.want {
			t.Errorf("New(%s).Tag() = %s; want %s", tt.ask, got, tt.want)
		}
	}
}

func TestLanguages(t *testing.T) {
	got := locales.Languages()
	for _, tag := range []language.Tag{de, en, fr} {
		if !slices.Contains(got, tag) {
			t.Errorf("Languages() = %v; want it to hold %s", got, tag)
		}
	}
	if !slices.IsSortedFunc(got, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) }) {
		t.Errorf("Languages() = %v; want it sorted", got)
	}
}

func TestMessage(t *testing.T) {
	tests := []struct {
		id   locales.ID
		data map[string]any
		want byLang
	}{
		{locales.ChronologyHeading, nil, byLang{fr: "Chronologie", en: "Chronology", de: "Chronologie", ru: "Хронология"}},
		{locales.ContentsHeading, nil, byLang{fr: "Table des matières", en: "Table of contents", de: "Inhaltsverzeichnis"}},
		{locales.MapHeading, nil, byLang{fr: "Carte des événements", en: "Map of events", de: "Karte der Ereignisse"}},
		{locales.FieldAsOf, nil, byLang{fr: "À la date du", en: "As of", de: "Stand"}},
		{locales.FieldUpdatedOn, map[string]any{"Date": "10 janvier 2022"}, byLang{fr: "mis à jour le 10 janvier 2022"}},
		{locales.FieldUpdatedOn, map[string]any{"Date": "10 January 2022"}, byLang{en: "updated on 10 January 2022"}},
		{locales.FieldUpdatedOn, map[string]any{"Date": "10. Januar 2022"}, byLang{de: "aktualisiert am 10. Januar 2022"}},
		{locales.FieldPage, map[string]any{"Page": "3", "Total": "12"}, byLang{fr: "page 3 / 12", en: "page 3 of 12", de: "Seite 3 von 12", ru: "стр. 3 из 12"}},
		{locales.QuoteTitle, map[string]any{"Text": "Émeutes"}, byLang{fr: "«" + nbsp + "Émeutes" + nbsp + "»", en: "“Émeutes”", de: "„Émeutes“", ru: "«Émeutes»"}},
		{locales.FilterPlace, map[string]any{"Place": "Almaty"}, byLang{fr: "Lieu" + nbsp + ": Almaty", en: "Place: Almaty", de: "Ort: Almaty"}},
		{locales.FilterDates, map[string]any{"Span": "x"}, byLang{fr: "Dates" + nbsp + ": x", en: "Dates: x", de: "Zeitraum: x"}},
		{locales.FilterKind, map[string]any{"Kind": "Émeute"}, byLang{fr: "Type d'événement" + nbsp + ": Émeute", de: "Ereignisart: Émeute"}},
	}
	for _, tt := range tests {
		for tag, l := range localesFor(t, tt.want) {
			got, err := l.Message(tt.id, tt.data)
			if want := tt.want[tag]; got != want || err != nil {
				t.Errorf("%s: Message(%s) = %q, %v; want %q", tag, tt.id, got, err, want)
			}
		}
	}
}

func TestMessageErrors(t *testing.T) {
	l := mustNew(t, fr)
	_, err := l.Message("No.Such", nil)
	if want := `locales: message "No.Such" missing in fr`; errString(err) != want {
		t.Errorf("missing message: error = %v; want %s", err, want)
	}
	var me *locales.MessageError
	if !errors.Is(err, locales.ErrMissingMessage) || !errors.As(err, &me) || me.ID != "No.Such" || me.Tag != fr {
		t.Errorf("missing message: error %#v does not wrap ErrMissingMessage with id and language", err)
	}

	_, err = l.Message(locales.FieldPage, map[string]any{"Page": "3"})
	if want := `locales: message "Field.Page" in fr: no value for {{.Total}}`; errString(err) != want {
		t.Errorf("missing data: error = %v; want %s", err, want)
	}
	if !errors.Is(err, locales.ErrMissingData) {
		t.Errorf("missing data: error does not wrap ErrMissingData")
	}
}

// TestLabels checks every label of every enum in each complete catalog:
// present, not empty, and distinct within its enum.
func TestLabels(t *testing.T) {
	loadRussian(t)
	for _, tag := range []language.Tag{fr, en, de, ru} {
		l := mustNew(t, tag)
		check := func(what string, labels []result) {
			t.Helper()
			seen := map[string]bool{}
			for i, r := range labels {
				if r.err != nil || r.s == "" {
					t.Errorf("%s: %s %d: %q, %v", tag, what, i, r.s, r.err)
				}
				if seen[r.s] {
					t.Errorf("%s: %s: label %q twice", tag, what, r.s)
				}
				seen[r.s] = true
			}
		}
		check("metric", collect(model.Metrics(), l.Metric))
		check("party", collect(model.Parties(), l.Party))
		check("qualifier", collect(model.Qualifiers(), l.Qualifier))
		check("status", collect(model.FigureStatuses(), l.Status))
		check("claimant", collect(model.ClaimantKinds(), l.ClaimantKind))
		check("category", collect(model.SourceCategories(), l.Category))
		check("category heading", collect(model.SourceCategories(), l.CategoryHeading))
		check("event kind", collect(model.EventKinds(), l.EventKind))
		check("reliability", collect(append(model.Reliabilities(), model.Reliable), l.Reliability))
		check("place kind", collect(model.PlaceKinds(), l.PlaceKind))
		check("date precision", collect([]model.DatePrecision{model.PrecisionDay, model.PrecisionNight, model.PrecisionSpan, model.PrecisionApprox}, l.DatePrecision))
		check("location precision", collect([]model.GeoPrecision{model.GeoPoint, model.GeoCity, model.GeoRegion, model.GeoCountry}, l.GeoPrecision))
		check("role", collect([]model.Role{model.RoleAuthor, model.RoleReviewer, model.RoleTranslator, model.RoleEditor}, l.Role))
	}
}

type result struct {
	s   string
	err error
}

func collect[E any](vs []E, label func(E) (string, error)) []result {
	out := make([]result, len(vs))
	for i, v := range vs {
		out[i].s, out[i].err = label(v)
	}
	return out
}

func TestLabelValues(t *testing.T) {
	l := mustNew(t, fr)
	e := mustNew(t, en)
	for _, tt := range []struct {
		fr, en func() (string, error)
		want   [2]string
	}{
		{func() (string, error) { return l.Metric(model.MetricKilled) }, func() (string, error) { return e.Metric(model.MetricKilled) }, [2]string{"Morts", "Killed"}},
		{func() (string, error) { return l.Party(model.PartySecurityForces) }, func() (string, error) { return e.Party(model.PartySecurityForces) }, [2]string{"Forces de sécurité", "Security forces"}},
		{func() (string, error) { return l.ClaimantKind(model.ClaimantNGO) }, func() (string, error) { return e.ClaimantKind(model.ClaimantNGO) }, [2]string{"ONG", "NGO"}},
		{func() (string, error) { return l.CategoryHeading(model.CategoryNGO) }, func() (string, error) { return e.CategoryHeading(model.CategoryNGO) }, [2]string{"Organisations non gouvernementales", "Non-governmental organisations"}},
		{func() (string, error) { return l.Reliability(model.Reliable) }, func() (string, error) { return e.Reliability(model.Reliable) }, [2]string{"Sans réserve", "No reservation"}},
		{func() (string, error) { return l.EventKind(model.KindInternetShutdown) }, func() (string, error) { return e.EventKind(model.KindInternetShutdown) }, [2]string{"Coupure d'internet", "Internet shutdown"}},
		{func() (string, error) { return locales.Label(l, model.PlaceCity) }, func() (string, error) { return locales.Label(e, model.PlaceCity) }, [2]string{"Localité", "City or town"}},
	} {
		for i, f := range []func() (string, error){tt.fr, tt.en} {
			if got, err := f(); got != tt.want[i] || err != nil {
				t.Errorf("label = %q, %v; want %q", got, err, tt.want[i])
			}
		}
	}
}

func TestLabelErrors(t *testing.T) {
	l := mustNew(t, en)
	for _, tt := range []struct {
		got  func() (string, error)
		want string
	}{
		{func() (string, error) { return l.Metric(0) }, "locales: metric 0: invalid value"},
		{func() (string, error) { return l.Metric(200) }, "locales: metric 200: invalid value"},
		{func() (string, error) { return l.EventKind(99) }, "locales: event kind 99: invalid value"},
		{func() (string, error) { return l.DatePrecision(model.PrecisionDerived) }, "locales: date precision 0: invalid value"},
		{func() (string, error) { return l.CategoryHeading(0) }, "locales: source category 0: invalid value"},
	} {
		s, err := tt.got()
		if s != "" || errString(err) != tt.want || !errors.Is(err, locales.ErrInvalidValue) {
			t.Errorf("got %q, %v; want error %s", s, err, tt.want)
		}
	}
	if id, err := locales.LabelID(model.MetricIntensiveCare); id != "Figure.Metric.IntensiveCare" || err != nil {
		t.Errorf("LabelID(intensive-care) = %q, %v", id, err)
	}
	if id, err := locales.LabelID(model.CategorySocialMedia); id != "Source.Category.SocialMedia" || err != nil {
		t.Errorf("LabelID(social-media) = %q, %v", id, err)
	}
}

func TestText(t *testing.T) {
	l, e := mustNew(t, fr), mustNew(t, en)
	riots := model.T(fr, "Émeutes", en, "Riots")
	if got, err := l.Text(riots); got != "Émeutes" || err != nil {
		t.Errorf("fr Text = %q, %v", got, err)
	}
	if got, err := e.Text(riots); got != "Riots" || err != nil {
		t.Errorf("en Text = %q, %v", got, err)
	}
	_, err := l.Text(model.T(en, "Riots", fr, ""))
	if want := "locales: text has no fr version: missing translation"; errString(err) != want || !errors.Is(err, locales.ErrMissingText) {
		t.Errorf("Text error = %v; want %s", err, want)
	}

	aktau := &model.Place{ID: "aktau", Kind: model.PlaceCity, Name: model.T(fr, "Aktaou", en, "Aktau")}
	if got, err := l.PlaceName(aktau); got != "Aktaou" || err != nil {
		t.Errorf("fr PlaceName = %q, %v", got, err)
	}
	if got, err := e.PlaceName(aktau); got != "Aktau" || err != nil {
		t.Errorf("en PlaceName = %q, %v", got, err)
	}
	_, err = l.PlaceName(&model.Place{ID: "zhanaozen", Name: model.T(en, "Zhanaozen")})
	if want := `locales: place "zhanaozen": name has no fr version: missing translation`; errString(err) != want || !errors.Is(err, locales.ErrMissingText) {
		t.Errorf("PlaceName error = %v; want %s", err, want)
	}
	_, err = l.PlaceName(nil)
	if want := "locales: nil place: invalid value"; errString(err) != want {
		t.Errorf("PlaceName(nil) error = %v; want %s", err, want)
	}
}

func TestLanguageName(t *testing.T) {
	l, e := mustNew(t, fr), mustNew(t, en)
	for _, tt := range []struct {
		tag    string
		fr, en string
	}{
		{"kk", "kazakh", "Kazakh"},
		{"kk-Cyrl", "kazakh", "Kazakh"},
		{"ru", "russe", "Russian"},
		{"ky", "kirghize", "Kyrgyz"},
		{"sw", "swahili", "Swahili"},
		{"ps", "pachto", "Pashto"},
		{"kaa", "karakalpak", "Karakalpak"}, // the catalogs override CLDR's "Kara-Kalpak"
		{"prs", "dari", "Dari"},             // CLDR has no name
		{"fa-AF", "dari", "Dari"},           // CLDR says "persan" in French
		{"ti", "tigrigna", "Tigrinya"},
		{"am", "amharique", "Amharic"},
		{"ka", "géorgien", "Georgian"},
		{"bn", "bengali", "Bengali"},
		{"ckb", "sorani", "Central Kurdish"},
		{"qaa", "qaa", "qaa"}, // private use: no name anywhere, the tag
	} {
		tag := language.MustParse(tt.tag)
		if got, err := l.LanguageName(tag); got != tt.fr || err != nil {
			t.Errorf("fr LanguageName(%s) = %q, %v; want %q", tt.tag, got, err, tt.fr)
		}
		if got, err := e.LanguageName(tag); got != tt.en || err != nil {
			t.Errorf("en LanguageName(%s) = %q, %v; want %q", tt.tag, got, err, tt.en)
		}
	}
}

// TestLanguageNameGerman checks German names: CLDR's, capitalised as
// German writes them, and the catalog's where CLDR has none or another.
func TestLanguageNameGerman(t *testing.T) {
	l := mustNew(t, de)
	for tag, want := range map[string]string{
		"kk":    "Kasachisch",
		"ru":    "Russisch",
		"fr":    "Französisch",
		"de":    "Deutsch",
		"ps":    "Paschtu",
		"kaa":   "Karakalpakisch", // the catalog, as CLDR
		"prs":   "Dari",           // CLDR has no name
		"fa-AF": "Dari",           // CLDR says Persisch
		"bn":    "Bengalisch",
		"qaa":   "qaa",
	} {
		if got, err := l.LanguageName(language.MustParse(tag)); got != want || err != nil {
			t.Errorf("de LanguageName(%s) = %q, %v; want %q", tag, got, err, want)
		}
	}
}

// partial is an incomplete catalog, a heading and the number separators,
// for und-x-test: a private-use tag, for which no catalog will ever ship,
// that go-i18n gives English plural rules (qaa and x-test have none, so
// LoadFS refuses them) and matches to no other catalog (de-x-test would
// be matched to de).
var partial = fstest.MapFS{"active.und-x-test.toml": {Data: []byte(`
["Chronology.Heading"]
description = "Section heading: the dated chronology of events."
other = "Chronologie"

["Format.Number.Group"]
description = "Thousands separator in numbers."
other = "."

["Format.Number.Decimal"]
description = "Decimal separator in numbers."
other = ","
`)}}

var undTest = language.MustParse("und-x-test")

func TestFallback(t *testing.T) {
	if err := locales.LoadFS(partial, "active.und-x-test.toml"); err != nil {
		t.Fatal(err)
	}
	_, err := locales.New(undTest)
	if want := `locales: message "Format.Date.FirstDay" missing in und-x-test`; errString(err) != want || !errors.Is(err, locales.ErrMissingMessage) {
		t.Errorf("New(und-x-test) error = %v; want %s", err, want)
	}

	var fell []locales.ID
	l, err := locales.Options{
		Fallback:   locales.FallbackTo(en),
		OnFallback: func(id locales.ID) { fell = append(fell, id) },
	}.New(undTest)
	if err != nil {
		t.Fatal(err)
	}
	fell = nil // the formats that fell back while New ran
	for _, tt := range []struct {
		got  func() (string, error)
		want string
	}{
		{func() (string, error) { return l.Message(locales.ChronologyHeading, nil) }, "Chronologie"},
		{func() (string, error) { return l.Message(locales.SummaryHeading, nil) }, "Summary"},
		{func() (string, error) { return l.Plural(locales.CountArrested, 1_000_000, nil) }, "1.000.000 people arrested"},
		{func() (string, error) { return l.Figure(model.Range, 0, 1500.5, 2000) }, "between 1.500,5 and 2.000"},
		{func() (string, error) { return l.DateLong(date(2022, 1, 1)), nil }, "Saturday 1 January 2022"},
	} {
		if got, err := tt.got(); got != tt.want || err != nil {
			t.Errorf("got %q, %v; want %q", got, err, tt.want)
		}
	}
	if want := []locales.ID{locales.SummaryHeading, locales.CountArrested, "Figure.Phrase.Range"}; !slices.Equal(fell, want) {
		t.Errorf("OnFallback saw %v; want %v", fell, want)
	}
	_, err = l.Message("No.Such", nil)
	if want := `locales: message "No.Such" missing in und-x-test and in fallback en`; errString(err) != want {
		t.Errorf("missing everywhere: error = %v; want %s", err, want)
	}
}

func TestOptionsErrors(t *testing.T) {
	for _, tt := range []struct {
		opts locales.Options
		tag  language.Tag
		want string
	}{
		{locales.Options{Fallback: locales.FallbackTo(fr)}, fr, "locales: fallback fr is the locale's own language: invalid value"},
		{locales.Options{Fallback: locales.FallbackTo(language.Japanese)}, fr, "locales: fallback: no catalog for ja (have "},
		{locales.Options{OnFallback: func(locales.ID) {}}, fr, "locales: OnFallback set without a fallback language: invalid value"},
	} {
		_, err := tt.opts.New(tt.tag)
		if !strings.HasPrefix(errString(err), tt.want) {
			t.Errorf("Options%+v.New(%s) error = %v; want %s", tt.opts, tt.tag, err, tt.want)
		}
	}
	if got := locales.FallbackNone.String(); got != "none" {
		t.Errorf("FallbackNone.String() = %q", got)
	}
	if got := locales.FallbackTo(en).String(); got != "to en" {
		t.Errorf("FallbackTo(en).String() = %q", got)
	}
}
