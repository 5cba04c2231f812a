package locales_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// A date and a figure in French, English and German. French groups
// thousands with a narrow no-break space (U+202F), German with a dot.
func Example() {
	day := model.Date{Year: 2022, Month: time.January, Day: 1}
	for _, tag := range []language.Tag{language.French, language.English, language.German} {
		l, err := locales.New(tag)
		if err != nil {
			fmt.Println(err)
			return
		}
		figure, err := l.Figure(model.Nearly, 12000, 0, 0)
		if err != nil {
			fmt.Println(err)
			return
		}
		killed, err := l.Plural(locales.CountDead, 225, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %s, %s\n", l.DateLong(day), figure, killed)
	}
	// Output:
	// samedi 1er janvier 2022: près de 12 000, 225 morts
	// Saturday 1 January 2022: nearly 12,000, 225 dead
	// Samstag, 1. Januar 2022: knapp 12.000, 225 Todesopfer
}

func ExampleLocale_Span() {
	for _, tag := range []language.Tag{language.French, language.English, language.German} {
		l, err := locales.New(tag)
		if err != nil {
			fmt.Println(err)
			return
		}
		night := model.DateSpan{
			Start: model.Date{Year: 2022, Month: time.January, Day: 4},
			End:   model.Date{Year: 2022, Month: time.January, Day: 5},
		}
		since := model.DateSpan{Start: model.Date{Year: 2022, Month: time.January, Day: 10}, Open: true}
		a, _ := l.Span(night, model.PrecisionNight)
		b, _ := l.Span(since, model.PrecisionDerived)
		fmt.Println(a)
		fmt.Println(b)
	}
	// Output:
	// dans la nuit du 4 au 5 janvier 2022
	// depuis le lundi 10 janvier 2022
	// during the night of 4 to 5 January 2022
	// since Monday 10 January 2022
	// in der Nacht vom 4. auf den 5. Januar 2022
	// seit Montag, dem 10. Januar 2022
}

// French puts 0 and 1 in the singular, and a million in the "many" form.
func ExampleLocale_Plural() {
	l, err := locales.New(language.French)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range []int{0, 1, 2, 1_000_000} {
		s, err := l.Plural(locales.CountArrested, n, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(s)
	}
	// Output:
	// 0 personne arrêtée
	// 1 personne arrêtée
	// 2 personnes arrêtées
	// 1 000 000 de personnes arrêtées
}

// A missing message is an error that names the message and the language,
// unless the caller chooses a fallback, which is then tried too.
func ExampleOptions() {
	fr, err := locales.New(language.French)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = fr.Message("Chronology.Subtitle", nil)
	fmt.Println(err)
	fmt.Println(errors.Is(err, locales.ErrMissingMessage))

	fr, err = locales.Options{Fallback: locales.FallbackTo(language.English)}.New(language.French)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = fr.Message("Chronology.Subtitle", nil)
	fmt.Println(err)
	// Output:
	// locales: message "Chronology.Subtitle" missing in fr
	// true
	// locales: message "Chronology.Subtitle" missing in fr and in fallback en
}

// Loading a catalog that is not shipped: the Russian test catalog.
func ExampleLoadFS() {
	if err := locales.LoadFS(os.DirFS("testdata"), "active.ru.toml"); err != nil {
		fmt.Println(err)
		return
	}
	l, err := locales.New(language.Russian)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range []int{1, 3, 5, 21} {
		s, _ := l.Plural(locales.CountEntries, n, nil)
		fmt.Println(s)
	}
	fmt.Println(l.DateLong(model.Date{Year: 2022, Month: time.January, Day: 5}))
	// Output:
	// 1 запись
	// 3 записи
	// 5 записей
	// 21 запись
	// среда, 5 января 2022 г.
}
