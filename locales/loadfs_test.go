package locales_test

import (
	"errors"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// TestRussian proves that a third language is a file: the Russian catalog
// under testdata, loaded with LoadFS, gives a Locale like the shipped ones.
func TestRussian(t *testing.T) {
	loadRussian(t)
	loadRussian(t) // loading the same file again is harmless
	if !slices.Contains(locales.Languages(), ru) {
		t.Fatalf("Languages() = %v; want ru", locales.Languages())
	}
	l := mustNew(t, ru)
	if l.Tag() != ru {
		t.Errorf("Tag() = %s", l.Tag())
	}
	when, err := l.Span(model.DateSpan{Start: date(2022, 1, 5), End: date(2022, 1, 6)}, model.PrecisionNight)
	if want := "в ночь с 5 на 6 января 2022 г."; when != want || err != nil {
		t.Errorf("Span = %q, %v; want %q", when, err, want)
	}
	killed, err := l.Metric(model.MetricKilled)
	if killed != "Погибшие" || err != nil {
		t.Errorf("Metric(killed) = %q, %v", killed, err)
	}
	fig, err := l.Figure(model.MoreThan, 4578, 0, 0)
	if want := "более 4" + nbsp + "578"; fig != want || err != nil {
		t.Errorf("Figure = %q, %v; want %q", fig, err, want)
	}
	for n, want := range map[int]string{1: "1 источник", 3: "3 источника", 12: "12 источников", 101: "101 источник", 104: "104 источника"} {
		if got, err := l.Plural(locales.CountSources, n, nil); got != want || err != nil {
			t.Errorf("Plural(sources, %d) = %q, %v; want %q", n, got, err, want)
		}
	}
}

func catalogFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestLoadFSErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		paths []string
		want  string
		is    error
	}{
		{
			name: "french plural without many",
			files: map[string]string{"active.fr-CA.toml": `
["Count.Arrested"]
description = "Number of people arrested."
one = "{{.Count}} personne arrêtée"
other = "{{.Count}} personnes arrêtées"
`},
			want: `locales: active.fr-CA.toml: message "Count.Arrested": invalid catalog: no "many" form (fr-CA plurals need one, many, other)`,
			is:   locales.ErrCatalog,
		},
		{
			name: "ukrainian plural without few",
			files: map[string]string{"active.uk.toml": `
["Count.Sources"]
one = "{{.Count}} джерело"
many = "{{.Count}} джерел"
other = "{{.Count}} джерела"
`},
			want: `locales: active.uk.toml: message "Count.Sources": invalid catalog: no "few" form (uk plurals need one, few, many, other)`,
			is:   locales.ErrCatalog,
		},
		{
			name:  "placeholders differ",
			files: map[string]string{"active.it.toml": "[\"Field.UpdatedOn\"]\nother = \"aggiornato il {{.Data}}\"\n"},
			want:  `locales: active.it.toml: message "Field.UpdatedOn": invalid catalog: placeholders {{.Data}} differ from en's {{.Date}}`,
			is:    locales.ErrCatalog,
		},
		{
			name:  "unknown format field",
			files: map[string]string{"active.it.toml": "[\"Format.Date.Short\"]\nother = \"{{.Jour}}/{{.Month2}}\"\n"},
			want:  `locales: active.it.toml: message "Format.Date.Short": invalid catalog: unknown placeholder {{.Jour}} (want {{.Weekday}}, {{.Day}}, {{.DayNumber}}, {{.Day2}}, {{.Month}}, {{.MonthShort}}, {{.Month2}}, {{.Year}})`,
			is:    locales.ErrCatalog,
		},
		{
			name:  "template logic",
			files: map[string]string{"active.it.toml": "[\"Field.UpdatedOn\"]\nother = \"{{if .Date}}aggiornato il {{.Date}}{{end}}\"\n"},
			want:  `locales: active.it.toml: message "Field.UpdatedOn": invalid catalog: other form: only {{.Name}} placeholders are allowed, not {{if .Date}}aggiornato il {{.Date}}{{end}}`,
			is:    locales.ErrCatalog,
		},
		{
			name:  "unknown id",
			files: map[string]string{"active.it.toml": "[\"Chronology.Title\"]\nother = \"Cronologia\"\n"},
			want:  `locales: active.it.toml: message "Chronology.Title": invalid catalog: not in the en catalog`,
			is:    locales.ErrCatalog,
		},
		{
			name:  "shipped wording replaced",
			files: map[string]string{"active.fr.toml": "[\"Chronology.Heading\"]\nother = \"Chronique\"\n"},
			want:  `locales: active.fr.toml: message "Chronology.Heading": invalid catalog: already loaded for fr from active.fr.toml`,
			is:    locales.ErrCatalog,
		},
		{
			name:  "no plural rules",
			files: map[string]string{"active.tlh.toml": "[\"Chronology.Heading\"]\nother = \"qun\"\n"},
			want:  `locales: active.tlh.toml: unsupported language: go-i18n has no CLDR plural rules for tlh`,
			is:    locales.ErrUnsupportedLanguage,
		},
		{
			name:  "no language in the name",
			files: map[string]string{"catalog.toml": "[\"Chronology.Heading\"]\nother = \"x\"\n"},
			want:  `locales: catalog.toml: invalid catalog: no language in the file name (want e.g. active.ru.toml)`,
			is:    locales.ErrCatalog,
		},
		{
			name:  "malformed TOML",
			files: map[string]string{"active.it.toml": "[\"Chronology.Heading\"\nother = \"x\"\n"},
			want:  `locales: active.it.toml: invalid catalog: toml: line 2: expected '.' or ']' to end table name, but got '\n' instead`,
			is:    locales.ErrCatalog,
		},
		{
			name:  "no such file",
			files: map[string]string{},
			paths: []string{"active.it.toml"},
			want:  `locales: active.it.toml: invalid catalog: no such file`,
			is:    locales.ErrCatalog,
		},
		{
			name: "all or nothing",
			files: map[string]string{
				"active.nl.toml": "[\"Chronology.Heading\"]\nother = \"Chronologie\"\n",
				"active.pt.toml": "[\"Chronology.Heading\"]\nother = \"{{.X}}\"\n",
			},
			paths: []string{"active.nl.toml", "active.pt.toml"},
			want:  `locales: active.pt.toml: message "Chronology.Heading": invalid catalog: placeholders {{.X}} differ from en's none`,
			is:    locales.ErrCatalog,
		},
	}
	for _, tt := range tests {
		paths := tt.paths
		if paths == nil {
			for name := range tt.files {
				paths = append(paths, name)
			}
		}
		err := locales.LoadFS(catalogFS(tt.files), paths...)
		if errString(err) != tt.want {
			t.Errorf("%s: LoadFS error =\n%v\nwant\n%s", tt.name, err, tt.want)
		}
		var ce *locales.CatalogError
		if !errors.Is(err, tt.is) || !errors.As(err, &ce) {
			t.Errorf("%s: error %v is not a *CatalogError wrapping %v", tt.name, err, tt.is)
		}
	}
	for _, tag := range []string{"fr-CA", "uk", "it", "tlh", "nl", "pt"} {
		if slices.Contains(locales.Languages(), language.MustParse(tag)) {
			t.Errorf("Languages() = %v; %s was refused and should not be there", locales.Languages(), tag)
		}
	}
	if got := mustNew(t, fr); func() string { s, _ := got.Message(locales.ChronologyHeading, nil); return s }() != "Chronologie" {
		t.Errorf("a refused catalog changed the French wording")
	}
	if err := locales.LoadFS(os.DirFS("testdata")); !errors.Is(err, locales.ErrInvalidValue) {
		t.Errorf("LoadFS with no path: error = %v; want ErrInvalidValue", err)
	}
}

func TestLoadFSJSON(t *testing.T) {
	fsys := catalogFS(map[string]string{"active.sv.json": `{"Chronology.Heading": {"other": "Kronologi"}}`})
	if err := locales.LoadFS(fsys, "*.json"); err != nil {
		t.Fatal(err)
	}
	l, err := locales.Options{Fallback: locales.FallbackTo(en)}.New(language.Swedish)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := l.Message(locales.ChronologyHeading, nil); got != "Kronologi" || err != nil {
		t.Errorf("Message = %q, %v; want Kronologi", got, err)
	}
}
