package model_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/coibrief/coibrief/model"
)

// Load a dossier, then validate it: decode errors say where, validation
// returns every problem at once.
func Example() {
	const src = `{
  "format": "coibrief-dossier/1",
  "id": "kz-demo",
  "country": "kz",
  "languages": ["fr", "en"],
  "title": {"fr": "Kazakhstan", "en": "Kazakhstan"},
  "summary": {"fr": "Démonstration.", "en": "Demonstration."},
  "period": "2022-01-01/2022-01-31",
  "published": "2022-02-22",
  "issuer": {"name": {"fr": "Bureau", "en": "Office"}},
  "disclaimer": {"fr": "Indicatif.", "en": "Indicative."},
  "method": {"scope": {"fr": "Manifestations.", "en": "Protests."}, "cutOff": "2022-02-08", "sourcesConsulted": "2022-01-01/2022-02-22"},
  "chronology": [{"when": "2022-01-05", "entries": [{
    "id": "e1", "kind": "riot", "places": ["almaty"],
    "text": {"fr": "Émeutes à Almaty.", "en": "Riots in Almaty."},
    "sources": ["lemonde-2022-01-06"]}]}],
  "places": [{"id": "kz", "kind": "country", "name": {"fr": "Kazakhstan", "en": "Kazakhstan"}}],
  "sources": [{"id": "hrw-2022-01-26", "category": "ngo", "outlet": "Human Rights Watch",
    "title": "Kazakhstan: Killings, Excessive Use of Force in Almaty", "titleLanguage": "en",
    "translation": {"fr": "Kazakhstan : homicides et usage excessif de la force à Almaty"},
    "published": "2022-01-26", "url": "https://www.hrw.org/news/2022/01/26/kazakhstan-killings-excessive-use-force-almaty"}]
}`
	d, err := model.Decode(strings.NewReader(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, is := range model.Validate(d) {
		fmt.Println(is)
	}
	// Output:
	// error: chronology[0].entries[0].sources[0]: dangling reference: unknown source "lemonde-2022-01-06"
	// error: chronology[0].entries[0].places[0]: dangling reference: unknown place "almaty"
	// warning: sources[0]: source never cited: source "hrw-2022-01-26" is cited by no statement or figure
}

// Decoding is strict: a misspelt field is an error with its line, column
// and path.
func ExampleDecode() {
	_, err := model.Decode(strings.NewReader(`{"format": "coibrief-dossier/1",
  "titel": {"fr": "Kazakhstan"}}`))
	fmt.Println(err)
	// Output:
	// model: 2:3: titel: unknown field "titel"
}

// Spans of days have an ISO 8601 text form.
func ExampleParseDateSpan() {
	night, _ := model.ParseDateSpan("2022-01-04/2022-01-05")
	since, _ := model.ParseDateSpan("2022-01-10/..")
	d, _ := model.ParseDate("2022-01-19")
	fmt.Println(night.IsDay(), since.Open, since.Contains(d))
	// Output:
	// false true true
}

// Open a dossier of very many figures: they stay in the file, and are
// read again, one at a time, when asked for.
func ExampleOpenFile() {
	d, issues, err := model.OpenFile("../examples/kazakhstan/kazakhstan.json", model.HoldFigures(0))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer d.Close()
	fmt.Println(len(issues.Errors()), "errors;", d.NumFigures(), "figures,", len(d.Figures), "in memory")
	killed := 0.0
	err = d.EachFigure(func(i int, f *model.Figure) error {
		if f.Metric == model.MetricKilled && f.Party == model.PartyAll && f.Claimant.Kind.IsOfficial() && f.Value > killed {
			killed = f.Value
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := d.FigureAt(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("highest official death toll:", killed, "; first figure:", f.ID)
	// Output:
	// 0 errors; 75 figures, 0 in memory
	// highest official death toll: 227 ; first figure: fig-01
}

// EachString visits every text a renderer may print, with its path: what
// a check of fonts or of cell sizes needs.
func ExampleEachString() {
	d, _, err := model.LoadFile("testdata/minimal.json")
	if err != nil {
		log.Fatal(err)
	}
	n := 0
	err = model.EachString(d, func(path, s string) error {
		if n < 4 {
			fmt.Printf("%s: %s\n", path, s)
		}
		n++
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(n, "texts")
	// Output:
	// title.en: Kazakhstan: test
	// title.fr: Kazakhstan : essai
	// summary.en: A minimal dossier.
	// summary.fr: Un dossier minimal.
	// 37 texts
}
