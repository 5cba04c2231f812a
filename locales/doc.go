// Package locales holds every word the library prints — headings, field
// labels, enum labels, counted phrases, month and day names — in message
// catalogs, one per language, and formats dates, times and numbers the way
// each language writes them. The report and export packages take all their
// wording from here, so the catalogs are the single place to change it.
//
// English, French and German ship complete. Their catalogs,
// active.en.toml, active.fr.toml and active.de.toml in this directory, are
// embedded in the package and loaded with github.com/nicksnyder/go-i18n/v2
// into one Bundle, built the first time it is needed. A Locale renders one
// language:
//
//	fr, err := locales.New(language.French)
//	...
//	fr.DateLong(d)                                 // samedi 1er janvier 2022
//	fr.Span(when, model.PrecisionNight)            // dans la nuit du 4 au 5 janvier 2022
//	fr.Time(model.At(10, 0))                       // 10 h
//	fr.Figure(model.Nearly, 12000, 0, 0)           // près de 12 000
//	fr.Plural(locales.CountArrested, 1000000, nil) // 1 000 000 de personnes arrêtées
//	fr.Metric(model.MetricKilled)                  // Morts
//	fr.Message(locales.ChronologyHeading, nil)     // Chronologie
//
// and the same calls on a German Locale give "Samstag, 1. Januar 2022",
// "in der Nacht vom 4. auf den 5. Januar 2022", "10 Uhr", "knapp 12.000",
// "1.000.000 festgenommene Personen", "Tote" and "Chronologie".
//
// # Formats
//
// French groups thousands with a narrow no-break space (U+202F) and writes
// a decimal comma; German groups with a dot and writes a decimal comma;
// English groups with a comma and writes a decimal point.
// go-i18n formats neither numbers nor dates, and golang.org/x/text puts
// U+00A0 in French numbers, so this package does both itself, from
// messages of the catalogs: separators (Format.Number.*), month and weekday
// names (Format.Month.*, Format.MonthShort.*, Format.Weekday.*), the first
// of the month ("1er"), and patterns for dates, spans and times
// (Format.Date.*, Format.Span.*, Format.Time.*). A pattern may use any of
// the fields listed in its description and nothing else; New reads them
// all once, so a Locale that was made can always format a date. The start
// of a span is shortened where it shares the month or the year of its end,
// and written by patterns of its own, Format.Date.Day and
// Format.Date.DayMonth, so that German can keep the dot of its dates:
// "vom 13. bis 19. Januar 2022", "vom 28. Januar bis 3. Februar 2022".
//
// French typography in the catalogs: « » with U+00A0 inside, U+00A0 before
// a colon and in "10 h 30", U+202F between groups of digits. German: „ “
// (U+201E, U+201C), no space before a colon, a dot after the day
// ("5. Januar 2022", "07.01.2022"), a weekday set off by a comma
// ("Mittwoch, 5. Januar 2022") and "Uhr" after a time ("10 Uhr",
// "10:30 Uhr"). goi18n writes these characters as they are, not escaped;
// the tests check them.
//
// # Missing messages
//
// A message missing from a catalog, or a plural form missing from a
// message, is an error wrapping ErrMissingMessage that names the message
// and the language; it never silently becomes English. A caller that
// prefers a mixed-language document to an error says so with
// Options{Fallback: FallbackTo(language.English)}, and may count what
// fell back with Options.OnFallback. The tests fail when any shipped
// catalog lacks a message the English one has.
//
// # Catalog format
//
// The catalogs are TOML files in the layout goi18n, go-i18n's command, reads
// and writes: one table per message id, with a description for
// translators, a hash in translations (the English text they were made
// from), and one key per CLDR plural form. TOML rather than JSON because it
// is goi18n's default format, so `goi18n merge` round-trips the files with
// no flags, and because a table per message is easier for a translator to
// read and to review in a diff than nested JSON. It costs one module,
// github.com/BurntSushi/toml, the one goi18n itself uses. LoadFS also reads
// JSON catalogs.
//
// English is the source language: its catalog defines the message ids,
// their placeholders and which messages are plural. Message ids say what
// they are: Chronology.Heading, Field.AsOf, Figure.Metric.Killed,
// Count.Arrested. Translations only hold {{.Name}} placeholders — no
// template logic — and must use the same ones as English, except the
// Format.* patterns, which may use any subset of their fields
// ("07/01/2022" needs Day2 and Month2, "7 Jan 2022" DayNumber and
// MonthShort).
//
// Plural messages carry every CLDR form their language uses: one and other
// in English and German ("1 Quelle", "0 Quellen"); one, many and other in
// French, where 0 and 1 take the
// singular ("0 personne arrêtée", but "0 people arrested") and go-i18n puts
// 1,000,000 in "many" ("1 000 000 de personnes arrêtées"); one, few, many
// and other in Russian.
//
// # Changing wording
//
// Edit active.en.toml, then let goi18n bring the translations up to date.
// Install it once, at the version of go-i18n in go.mod, wherever you like:
//
//	GOBIN=/tmp/goi18n go install github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0
//
// and run, from this directory, with every shipped catalog:
//
//	/tmp/goi18n/goi18n merge -sourceLanguage en active.en.toml active.fr.toml active.de.toml
//
// merge rewrites the files in canonical form (keys sorted, one table per
// message, as TestCatalogsCanonical checks) and moves every translation
// whose English text changed, or that is new, out of active.<lang>.toml
// into translate.<lang>.toml, holding the new English text and its hash.
// Translate those, run merge again with the translate.*.toml files added to
// the files, and delete them. The tests fail while a message is missing
// from a catalog (it is in translate.<lang>.toml) or a translation was
// made from another English text than the current one (its hash differs).
//
// # Adding a language
//
// Adding a language is adding a file; German was added this way. For
// Kazakh (kk):
//
//  1. Check that go-i18n has CLDR plural rules for the language: LoadFS and
//     New fail with ErrUnsupportedLanguage otherwise.
//  2. Create an empty translate.kk.toml and run, from this directory,
//     goi18n merge -sourceLanguage en active.en.toml translate.kk.toml.
//     translate.kk.toml now holds every message, in English, each with
//     the hash of its English text (sha1 of its description then its
//     "other" form, as "sha1-<hex>"), and with the plural forms Kazakh
//     needs.
//  3. Translate it: replace the English of each form, keep the
//     descriptions and hashes. Read each description: the Format.*
//     messages are the month and weekday names as a date uses them
//     (Russian: "января", the genitive), the patterns of dates, of the
//     shortened start of a span, of spans and of times, and the number
//     separators; each catalog defines its own, and a pattern may use any
//     of the fields its description lists. Workbook.Format.* are Excel
//     format codes, in Excel's file syntax whatever the language.
//  4. Run goi18n merge -sourceLanguage en active.en.toml translate.kk.toml
//     again: it writes active.kk.toml, in canonical form. Delete
//     translate.kk.toml.
//  5. To ship the language, leave active.kk.toml in this directory: the
//     embed pattern active.*.toml picks it up and the tests check it like
//     the others. To use it without shipping it, load it at run time with
//     LoadFS(os.DirFS(dir), "active.kk.toml").
//  6. Run go test ./locales/. For every shipped catalog, and the Russian
//     test catalog, the tests check that it has every message of English
//     and no other (TestCatalogsComplete), with the same placeholders,
//     only {{.Name}} placeholders, the plural forms the language needs and
//     the hash of the current English text; that it is byte for byte what
//     merge writes (TestCatalogsCanonical); and that no message is still
//     the English text (TestCatalogsTranslated). A message with no letter
//     outside its placeholders ("{{.Value}}", "#,##0") is never taken for
//     untranslated; a word that is rightly the same as in English
//     ("April" in German, "Date" in French) is listed, with the reason,
//     in sameAsEnglish in catalog_test.go.
//  7. Add the language to the table tests of dates, spans, times, numbers
//     and plurals, which show its formats at a glance, and write the
//     dossier's texts in it: examples/dossiers/de-example.json is a German
//     and English dossier briefed in German by its tests.
//
// testdata/active.ru.toml is a complete Russian catalog made this way; the
// tests load it with LoadFS and check its one/few/many plurals and dates.
package locales
