package locales

import (
	"errors"
	"fmt"
	"maps"

	"golang.org/x/text/language"
)

// Locale produces the wording and formats of one language. It is safe for
// concurrent use. Make one with New or Options.New.
//
// The methods of a nil or zero Locale do not panic: those that return an
// error return one wrapping ErrInvalidValue, and the others format as
// ISO 8601 and Go do ("2022-01-05", "12000", "15:00-17:00").
type Locale struct {
	reg        *registry
	cat        *catalog
	fallback   *catalog // nil: report missing messages
	onFallback func(ID)
	f          formats
}

// Fallback is a policy for messages missing from a locale's catalog. The
// zero Fallback, FallbackNone, makes them errors.
type Fallback struct {
	tag language.Tag
	on  bool
}

// FallbackNone reports a missing message as an error wrapping
// ErrMissingMessage. It is the zero Fallback and the default.
var FallbackNone = Fallback{}

// FallbackTo takes missing messages from the catalog of tag instead.
// Choose it knowingly: a report may then mix two languages. Numbers and
// dates keep the formats of the locale's own language when only their
// surrounding message comes from the fallback.
func FallbackTo(tag language.Tag) Fallback { return Fallback{tag: tag, on: true} }

// Tag returns the fallback language, and false for FallbackNone.
func (f Fallback) Tag() (language.Tag, bool) { return f.tag, f.on }

// String returns "none" or "to " followed by the tag.
func (f Fallback) String() string {
	if !f.on {
		return "none"
	}
	return "to " + f.tag.String()
}

// Options configure a Locale. The zero Options are the defaults: missing
// messages are errors.
type Options struct {
	// Fallback says what to do when a message is missing from the
	// locale's catalog: FallbackNone (the default) or FallbackTo(tag).
	Fallback Fallback

	// OnFallback, if set, is called with the id of each message taken
	// from the fallback language, possibly from several goroutines at
	// once. It requires a Fallback other than FallbackNone.
	OnFallback func(id ID)

	// Catalogs is the set of catalogs to read; nil means the package's
	// own (Shipped). Catalogs.Override makes a set with a house style.
	Catalogs *Catalogs
}

// Languages returns the languages that have a catalog in o.Catalogs.
func (o Options) Languages() []language.Tag { return o.Catalogs.Languages() }

// New returns the Locale of tag with the default Options: a missing message
// is an error. tag must have a catalog (see Languages); a regional variant
// gets the catalog of its language (fr-CA gets fr). The error wraps
// ErrUnsupportedLanguage when there is none, and ErrMissingMessage when a
// date or number format is missing from the catalog.
func New(tag language.Tag) (*Locale, error) { return Options{}.New(tag) }

// New returns the Locale of tag with options o; see the function New.
// Invalid options are errors wrapping ErrInvalidValue.
func (o Options) New(tag language.Tag) (*Locale, error) {
	r, err := o.Catalogs.registry()
	if err != nil {
		return nil, err
	}
	cat, err := r.match(tag)
	if err != nil {
		return nil, fmt.Errorf("locales: %w", err)
	}
	l := &Locale{reg: r, cat: cat, onFallback: o.OnFallback}
	if fb, on := o.Fallback.Tag(); on {
		c, err := r.match(fb)
		if err != nil {
			return nil, fmt.Errorf("locales: fallback: %w", err)
		}
		if c == cat {
			return nil, fmt.Errorf("locales: fallback %s is the locale's own language: %w", fb, ErrInvalidValue)
		}
		l.fallback = c
	} else if o.OnFallback != nil {
		return nil, fmt.Errorf("locales: OnFallback set without a fallback language: %w", ErrInvalidValue)
	}
	if err := l.loadFormats(); err != nil {
		return nil, err
	}
	return l, nil
}

// Tag returns the language of the locale's catalog: fr for a Locale asked
// for fr-CA.
func (l *Locale) Tag() language.Tag {
	if !l.usable() {
		return language.Und
	}
	return l.cat.tag
}

// usable reports whether l was made by New.
func (l *Locale) usable() bool { return l != nil && l.cat != nil && l.reg != nil }

// errUnusable is what the methods of a nil or zero Locale return.
var errUnusable = fmt.Errorf("locales: a nil or zero Locale (make one with New): %w", ErrInvalidValue)

// Message returns message id with its placeholders filled from data. Every
// placeholder of the message must have a value in data, already formatted
// as text (use Date, Int, Figure...); text/template prints other values
// the Go way. A message missing from the catalog is an error wrapping
// ErrMissingMessage, unless the locale has a fallback that holds it; a
// placeholder with no value is one wrapping ErrMissingData. Errors are
// *MessageError values.
func (l *Locale) Message(id ID, data map[string]any) (string, error) {
	return l.localize(id, data, nil)
}

// Plural returns message id in the CLDR plural form that count takes in the
// locale's language, with {{.Count}} set to count formatted by Int and the
// other placeholders from data (which is not modified). French puts 0 and 1
// in the singular and 1,000,000 in the "many" form ("1 000 000 de
// personnes arrêtées"); a form missing from the catalog is an error
// wrapping ErrMissingMessage, naming the form.
func (l *Locale) Plural(id ID, count int, data map[string]any) (string, error) {
	d := make(map[string]any, len(data)+1)
	maps.Copy(d, data)
	d["Count"] = l.Int(count)
	return l.localize(id, d, &count)
}

// localize renders id from the locale's catalog, or from the fallback
// catalog when it is missing there and the options allow it.
func (l *Locale) localize(id ID, data map[string]any, count *int) (string, error) {
	if !l.usable() {
		return "", errUnusable
	}
	s, err := l.reg.render(l.cat, id, data, count)
	if err == nil || l.fallback == nil || !errors.Is(err, ErrMissingMessage) {
		return s, err
	}
	s, ferr := l.reg.render(l.fallback, id, data, count)
	if ferr != nil {
		var me *MessageError
		if errors.Is(ferr, ErrMissingMessage) && errors.As(err, &me) {
			me.Fallback = l.fallback.tag
			return "", me
		}
		return "", ferr
	}
	if l.onFallback != nil {
		l.onFallback(id)
	}
	return s, nil
}
