package locales_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// TestOverride checks that a house style changes wording for the Locales
// that ask for it, and for them only, while the package's stay as they
// were.
func TestOverride(t *testing.T) {
	house := fstest.MapFS{"house.fr.toml": {Data: []byte("[\"Figure.Metric.Killed\"]\nother = \"Décès\"\n")}}
	shipped, err := locales.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	styled, err := shipped.Override(house, "house.*.toml")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			opt := locales.Options{}
			want := "Morts"
			if i%2 == 0 {
				opt.Catalogs, want = styled, "Décès"
			}
			l, err := opt.New(language.French)
			if err != nil {
				t.Error(err)
				return
			}
			if got, err := locales.Label(l, model.MetricKilled); got != want || err != nil {
				t.Errorf("label = %q, %v; want %q", got, err, want)
			}
		}()
	}
	wg.Wait()
	if got := styled.Languages(); len(got) != len(shipped.Languages()) {
		t.Errorf("styled languages %v; want those shipped, %v", got, shipped.Languages())
	}
	// An override may not change what a message holds.
	bad := fstest.MapFS{"house.fr.toml": {Data: []byte("[\"Figure.Metric.Killed\"]\nother = \"Décès {{.Count}}\"\n")}}
	if _, err := shipped.Override(bad, "house.fr.toml"); !errors.Is(err, locales.ErrCatalog) {
		t.Errorf("override with a new placeholder: %v; want an error wrapping ErrCatalog", err)
	}
	unknown := fstest.MapFS{"house.fr.toml": {Data: []byte("[\"No.Such.Message\"]\nother = \"x\"\n")}}
	if _, err := shipped.Override(unknown, "house.fr.toml"); !errors.Is(err, locales.ErrCatalog) {
		t.Errorf("override of an unknown message: %v; want an error wrapping ErrCatalog", err)
	}
	var none *locales.Catalogs
	if _, err := none.Override(nil, "x"); !errors.Is(err, locales.ErrInvalidValue) {
		t.Errorf("Override(nil): %v", err)
	}
}

// A house style: the unit prefers "Décès" to "Morts". The override holds
// only the messages it changes, and only Locales made with it use it.
func ExampleCatalogs_Override() {
	house := fstest.MapFS{"house.fr.toml": {Data: []byte(`["Figure.Metric.Killed"]
other = "Décès"
`)}}
	shipped, err := locales.Shipped()
	if err != nil {
		fmt.Println(err)
		return
	}
	styled, err := shipped.Override(house, "house.fr.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range []*locales.Catalogs{shipped, styled} {
		l, err := locales.Options{Catalogs: c}.New(language.French)
		if err != nil {
			fmt.Println(err)
			return
		}
		s, _ := locales.Label(l, model.MetricKilled)
		fmt.Println(s)
	}
	// Output:
	// Morts
	// Décès
}
