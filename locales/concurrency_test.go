package locales_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// render exercises most of a Locale and returns what it printed.
func render(l *locales.Locale, n int) string {
	d := model.Date{Year: 2022, Month: 1, Day: 1 + n%28}
	when, err1 := l.Span(model.DateSpan{Start: d, End: d.AddDays(1)}, model.PrecisionNight)
	fig, err2 := l.Figure(model.Nearly, float64(1000*n), 0, 0)
	count, err3 := l.Plural(locales.CountArrested, n, nil)
	metric, err4 := l.Metric(model.Metrics()[n%len(model.Metrics())])
	head, err5 := l.Message(locales.ChronologyHeading, nil)
	return fmt.Sprint(l.DateLong(d), l.DateShort(d), l.Time(model.At(n%24, 0)), when, fig, count, metric, head,
		err1, err2, err3, err4, err5)
}

// TestConcurrentUse runs Locales of several languages from many goroutines
// while catalogs are being loaded; run it with -race.
func TestConcurrentUse(t *testing.T) {
	tags := []language.Tag{fr, en, de, ru}
	loadRussian(t)
	want := map[language.Tag][]string{}
	for _, tag := range tags {
		l := mustNew(t, tag)
		for n := range 50 {
			want[tag] = append(want[tag], render(l, n))
		}
	}
	var wg sync.WaitGroup
	for g := range 12 {
		wg.Go(func() {
			tag := tags[g%len(tags)]
			l, err := locales.New(tag)
			if err != nil {
				t.Error(err)
				return
			}
			for n := range 50 {
				if got := render(l, n); got != want[tag][n] {
					t.Errorf("%s: goroutine %d, %d: got %q; want %q", tag, g, n, got, want[tag][n])
				}
				if n%10 == g%10 {
					if err := locales.LoadFS(partial, "active.und-x-test.toml"); err != nil {
						t.Error(err)
					}
					loadRussian(t)
					_ = locales.Languages()
				}
			}
		})
	}
	wg.Wait()
}
