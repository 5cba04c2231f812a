package locales

import (
	"errors"
	"fmt"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Label returns the label of a model enum value in l's language, as a
// table cell, legend or filter shows it: "Morts" / "Killed" for
// model.MetricKilled. Its message id is LabelID(v).
func Label[E Enum](l *Locale, v E) (string, error) {
	id, err := LabelID(v)
	if err != nil {
		return "", err
	}
	return l.localize(id, nil, nil)
}

// Metric returns the label of what a figure counts: "Blessés", "Injured".
func (l *Locale) Metric(m model.Metric) (string, error) { return Label(l, m) }

// Party returns the label of whom a figure counts: "Forces de sécurité".
func (l *Locale) Party(p model.Party) (string, error) { return Label(l, p) }

// Qualifier returns the label of a figure qualifier: "Près de", "Nearly".
// To print a figure with its qualifier, use Figure.
func (l *Locale) Qualifier(q model.Qualifier) (string, error) { return Label(l, q) }

// Status returns the label of a figure status: "Retiré", "Retracted".
func (l *Locale) Status(s model.FigureStatus) (string, error) { return Label(l, s) }

// ClaimantKind returns the label of who stands behind a figure: "ONG".
func (l *Locale) ClaimantKind(k model.ClaimantKind) (string, error) { return Label(l, k) }

// Category returns the label of a kind of source, in the singular:
// "Média", "Media".
func (l *Locale) Category(c model.SourceCategory) (string, error) { return Label(l, c) }

// CategoryHeading returns the bibliography heading over the sources of
// category c: "Organisations non gouvernementales".
func (l *Locale) CategoryHeading(c model.SourceCategory) (string, error) {
	id, err := headingID(c)
	if err != nil {
		return "", err
	}
	return l.localize(id, nil, nil)
}

// EventKind returns the label of a kind of chronology entry: "Émeute".
func (l *Locale) EventKind(k model.EventKind) (string, error) { return Label(l, k) }

// Reliability returns the label of a reservation on a statement: "Non
// corroboré". model.Reliable gives "Sans réserve" / "No reservation".
func (l *Locale) Reliability(r model.Reliability) (string, error) { return Label(l, r) }

// PlaceKind returns the label of a kind of place: "Localité", "City or town".
func (l *Locale) PlaceKind(k model.PlaceKind) (string, error) { return Label(l, k) }

// DatePrecision returns the label of how exact a date is: "Nuit". The
// zero value, which asks for the precision to be derived, has no label.
func (l *Locale) DatePrecision(p model.DatePrecision) (string, error) { return Label(l, p) }

// GeoPrecision returns the label of how exact a location is: "Lieu précis".
// The zero value, which asks for the precision to be derived, has no label.
func (l *Locale) GeoPrecision(p model.GeoPrecision) (string, error) { return Label(l, p) }

// Role returns the label of what a contributor did: "Traduction".
func (l *Locale) Role(r model.Role) (string, error) { return Label(l, r) }

// Text returns the version of t in the locale's language. Dossier prose has
// no fallback, whatever the Options: a missing version is an error wrapping
// ErrMissingText.
func (l *Locale) Text(t model.Text) (string, error) {
	if !l.usable() {
		return "", errUnusable
	}
	if s, ok := t.In(l.cat.tag); ok {
		return s, nil
	}
	return "", fmt.Errorf("locales: text has no %s version: %w", l.cat.tag, ErrMissingText)
}

// PlaceName returns the name of p in the locale's language: Aktaou in
// French, Aktau in English. A nil place is an error wrapping
// ErrInvalidValue, a name with no version in the language one wrapping
// ErrMissingText.
func (l *Locale) PlaceName(p *model.Place) (string, error) {
	if p == nil {
		return "", fmt.Errorf("locales: nil place: %w", ErrInvalidValue)
	}
	if !l.usable() {
		return "", errUnusable
	}
	if s, ok := p.Name.In(l.cat.tag); ok {
		return s, nil
	}
	return "", fmt.Errorf("locales: place %q: name has no %s version: %w", p.ID, l.cat.tag, ErrMissingText)
}

// LanguageName returns the name of a language as a list of languages
// prints it mid-sentence: "kazakh" in French, "Kazakh" in English. The
// name comes from CLDR (golang.org/x/text/language/display), for any BCP 47
// tag; a catalog overrides it with a message "Language." followed by the
// tag ("Language.prs" names Dari, which CLDR lacks), or by its base
// language. A language CLDR cannot name in the catalog's language is
// named in itself, or else by its tag: never an error, for a usable
// Locale.
func (l *Locale) LanguageName(tag language.Tag) (string, error) {
	if !l.usable() {
		return "", errUnusable
	}
	s, err := l.localize(ID(languagePrefix+tag.String()), nil, nil)
	if base, _ := tag.Base(); errors.Is(err, ErrMissingMessage) && base.String() != tag.String() {
		s, err = l.localize(ID(languagePrefix+base.String()), nil, nil)
	}
	if !errors.Is(err, ErrMissingMessage) {
		return s, err
	}
	if n := display.Languages(l.cat.tag).Name(tag); n != "" {
		return n, nil
	}
	if n := display.Self.Name(tag); n != "" {
		return n, nil
	}
	return tag.String(), nil
}
