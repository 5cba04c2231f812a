package locales_test

import (
	"testing"

	"github.com/coibrief/coibrief/locales"
	"golang.org/x/text/language"
)

// TestPlural checks the CLDR forms at the counts where languages differ:
// French puts 0 in the singular and 1,000,000 in "many"; German, like
// English, has only one (1) and other (0, 2, 21, 1,000,000); Russian has
// one (1, 21), few (2, 22) and many (0, 5, 11, 1,000,000).
func TestPlural(t *testing.T) {
	m := nnbsp + "000" + nnbsp + "000"
	rm := nbsp + "000" + nbsp + "000"
	tests := []struct {
		id    locales.ID
		count int
		want  byLang
	}{
		{locales.CountArrested, 0, byLang{fr: "0 personne arrêtée", en: "0 people arrested", de: "0 festgenommene Personen", ru: "0 человек арестованы"}},
		{locales.CountArrested, 1, byLang{fr: "1 personne arrêtée", en: "1 person arrested", de: "1 festgenommene Person", ru: "1 человек арестован"}},
		{locales.CountArrested, 2, byLang{fr: "2 personnes arrêtées", en: "2 people arrested", de: "2 festgenommene Personen", ru: "2 человека арестованы"}},
		{locales.CountArrested, 5, byLang{fr: "5 personnes arrêtées", en: "5 people arrested", ru: "5 человек арестованы"}},
		{locales.CountArrested, 21, byLang{fr: "21 personnes arrêtées", en: "21 people arrested", de: "21 festgenommene Personen", ru: "21 человек арестован"}},
		{locales.CountArrested, 1_000_000, byLang{
			fr: "1" + m + " de personnes arrêtées", en: "1,000,000 people arrested", de: "1.000.000 festgenommene Personen",
			ru: "1" + rm + " человек арестованы"}},

		{locales.CountEntries, 0, byLang{fr: "0 entrée", en: "0 entries", de: "0 Einträge", ru: "0 записей"}},
		{locales.CountEntries, 1, byLang{fr: "1 entrée", en: "1 entry", de: "1 Eintrag", ru: "1 запись"}},
		{locales.CountEntries, 2, byLang{fr: "2 entrées", en: "2 entries", ru: "2 записи"}},
		{locales.CountEntries, 5, byLang{fr: "5 entrées", en: "5 entries", ru: "5 записей"}},
		{locales.CountEntries, 11, byLang{fr: "11 entrées", en: "11 entries", ru: "11 записей"}},
		{locales.CountEntries, 21, byLang{fr: "21 entrées", en: "21 entries", de: "21 Einträge", ru: "21 запись"}},
		{locales.CountEntries, 22, byLang{fr: "22 entrées", en: "22 entries", ru: "22 записи"}},
		{locales.CountEntries, 1_000_000, byLang{fr: "1" + m + " d'entrées", en: "1,000,000 entries", ru: "1" + rm + " записей"}},

		{locales.CountFootnotes, 0, byLang{fr: "0 note", en: "0 footnotes", ru: "0 сносок"}},
		{locales.CountFootnotes, 1, byLang{fr: "1 note", en: "1 footnote", de: "1 Fußnote", ru: "1 сноска"}},
		{locales.CountFootnotes, 2_000_000, byLang{fr: "2" + m + " de notes", en: "2,000,000 footnotes", de: "2.000.000 Fußnoten"}},
		{locales.CountFootnotes, 1_000_001, byLang{fr: "1" + nnbsp + "000" + nnbsp + "001 notes", en: "1,000,001 footnotes"}},

		{locales.CountDead, 0, byLang{fr: "0 mort", en: "0 dead", ru: "0 погибших"}},
		{locales.CountDead, 1, byLang{fr: "1 mort", en: "1 dead", de: "1 Todesopfer", ru: "1 погибший"}},
		{locales.CountDead, 225, byLang{fr: "225 morts", en: "225 dead", de: "225 Todesopfer", ru: "225 погибших"}},
		{locales.CountDead, 1_000_000, byLang{fr: "1" + m + " de morts", en: "1,000,000 dead"}},
	}
	for _, tt := range tests {
		for tag, l := range localesFor(t, tt.want) {
			got, err := l.Plural(tt.id, tt.count, nil)
			if want := tt.want[tag]; got != want || err != nil {
				t.Errorf("%s: Plural(%s, %d) = %q, %v; want %q", tag, tt.id, tt.count, got, err, want)
			}
		}
	}
}

// TestPluralEveryMessage renders every counted message at many counts in
// every complete catalog: a missing plural form anywhere is an error.
func TestPluralEveryMessage(t *testing.T) {
	loadRussian(t)
	ids := []locales.ID{
		locales.CountEntries, locales.CountFootnotes, locales.CountSources, locales.CountEvents,
		locales.CountArrested, locales.CountDetained, locales.CountDead, locales.CountInjured,
	}
	counts := []int{1_000_000, 2_000_000, 1_000_000_000, 10_000, 100_000}
	for n := range 250 {
		counts = append(counts, n)
	}
	for _, tag := range []language.Tag{fr, en, de, ru} {
		l := mustNew(t, tag)
		for _, id := range ids {
			for _, n := range counts {
				if _, err := l.Plural(id, n, nil); err != nil {
					t.Errorf("%s: Plural(%s, %d): %v", tag, id, n, err)
				}
			}
		}
	}
}

func TestPluralKeepsData(t *testing.T) {
	data := map[string]any{"Count": "caller's"}
	got, err := mustNew(t, en).Plural(locales.CountSources, 3, data)
	if got != "3 sources" || err != nil || data["Count"] != "caller's" {
		t.Errorf("Plural = %q, %v, data %v; want \"3 sources\" and data untouched", got, err, data)
	}
}
