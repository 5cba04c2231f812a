package locales_test

import (
	"os"
	"testing"
	"time"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

const (
	nbsp  = "\u00a0" // no-break space
	nnbsp = "\u202f" // narrow no-break space
)

var (
	fr = language.French
	en = language.English
	de = language.German
	ru = language.Russian
)

func mustNew(t testing.TB, tag language.Tag) *locales.Locale {
	t.Helper()
	l, err := locales.New(tag)
	if err != nil {
		t.Fatalf("New(%s): %v", tag, err)
	}
	return l
}

// loadRussian adds the Russian test catalog; loading it again is harmless.
func loadRussian(t testing.TB) {
	t.Helper()
	if err := locales.LoadFS(os.DirFS("testdata"), "active.ru.toml"); err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
}

// byLang maps a language to the text expected in it.
type byLang map[language.Tag]string

// locales returns a Locale for each language of want, loading Russian when
// it is asked for.
func localesFor(t testing.TB, want byLang) map[language.Tag]*locales.Locale {
	t.Helper()
	out := map[language.Tag]*locales.Locale{}
	for tag := range want {
		if tag == ru {
			loadRussian(t)
		}
		out[tag] = mustNew(t, tag)
	}
	return out
}

func date(y int, m time.Month, d int) model.Date { return model.Date{Year: y, Month: m, Day: d} }

func span(a, b model.Date) model.DateSpan { return model.DateSpan{Start: a, End: b} }

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
