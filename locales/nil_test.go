package locales_test

import (
	"errors"
	"testing"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// TestUnusableLocale checks that a nil or zero Locale never panics: its
// methods return errors wrapping ErrInvalidValue, or plain ISO and Go
// formats.
func TestUnusableLocale(t *testing.T) {
	day := model.Date{Year: 2022, Month: 1, Day: 5}
	for name, l := range map[string]*locales.Locale{"nil": nil, "zero": {}} {
		errs := map[string]error{}
		_, errs["Message"] = l.Message(locales.FieldPage, nil)
		_, errs["Plural"] = l.Plural(locales.FieldPage, 2, nil)
		_, errs["Metric"] = l.Metric(model.MetricKilled)
		_, errs["Label"] = locales.Label(l, model.KindRiot)
		_, errs["CategoryHeading"] = l.CategoryHeading(model.CategoryMedia)
		_, errs["Text"] = l.Text(model.T(language.French, "x"))
		_, errs["PlaceName"] = l.PlaceName(&model.Place{ID: "x"})
		_, errs["LanguageName"] = l.LanguageName(language.French)
		_, errs["Span"] = l.Span(day.Span(), model.PrecisionDay)
		_, errs["Figure"] = l.Figure(model.About, 12000, 0, 0)
		for m, err := range errs {
			if !errors.Is(err, locales.ErrInvalidValue) {
				t.Errorf("%s Locale, %s: %v; want an error wrapping ErrInvalidValue", name, m, err)
			}
		}
		for got, want := range map[string]string{
			l.Date(day):                      "2022-01-05",
			l.DateLong(day):                  "2022-01-05",
			l.DateShort(day):                 "2022-01-05",
			l.Number(12000.5):                "12000.5",
			l.Int(-4578):                     "-4578",
			l.Time(model.At(15, 0)):          "15:00",
			l.Tag().String():                 "und",
			l.Date(model.Date{}) + "(empty)": "(empty)",
		} {
			if got != want {
				t.Errorf("%s Locale: got %q; want %q", name, got, want)
			}
		}
	}
	if err := locales.LoadFS(nil, "x.toml"); !errors.Is(err, locales.ErrInvalidValue) {
		t.Errorf("LoadFS(nil): %v; want an error wrapping ErrInvalidValue", err)
	}
}
