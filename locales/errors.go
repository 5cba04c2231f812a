package locales

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can test with errors.Is.
var (
	ErrUnsupportedLanguage = errors.New("unsupported language") // no catalog, or no CLDR plural rules, for a language
	ErrMissingMessage      = errors.New("missing message")      // a message, or one of its plural forms, is not in a catalog
	ErrMissingData         = errors.New("missing data")         // a placeholder of a message was given no value
	ErrMissingText         = errors.New("missing translation")  // a model.Text has no version in the locale's language
	ErrInvalidValue        = errors.New("invalid value")        // an enum value the model does not define, a nil place, a bad option
	ErrCatalog             = errors.New("invalid catalog")      // a catalog file that cannot be loaded as it is
)

// MessageError reports a message that could not be produced in a language:
// which message, which language, and what was missing.
type MessageError struct {
	ID          ID           // the message id, e.g. "Chronology.Heading"
	Tag         language.Tag // the language asked for
	Fallback    language.Tag // the fallback language also tried, or language.Und
	Form        string       // the CLDR plural form that is missing ("many"), if that is the problem
	Count       int          // the count asked for, when Form is set
	Placeholder string       // the placeholder given no value ("Date"), if that is the problem
	Err         error        // ErrMissingMessage or ErrMissingData, or the underlying error
}

// Error returns, for example, `locales: message "Count.Arrested" in fr has
// no "many" form (count 1000000)`.
func (e *MessageError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "locales: message %q", e.ID)
	switch {
	case e.Placeholder != "":
		fmt.Fprintf(&b, " in %s: no value for {{.%s}}", e.Tag, e.Placeholder)
	case e.Form != "":
		fmt.Fprintf(&b, " in %s has no %q form (count %d)", e.Tag, e.Form, e.Count)
	case errors.Is(e.Err, ErrMissingMessage):
		fmt.Fprintf(&b, " missing in %s", e.Tag)
	default:
		fmt.Fprintf(&b, " in %s: %v", e.Tag, e.Err)
	}
	if e.Fallback != language.Und {
		fmt.Fprintf(&b, " and in fallback %s", e.Fallback)
	}
	return b.String()
}

// Unwrap returns the sentinel or underlying error.
func (e *MessageError) Unwrap() error { return e.Err }

// CatalogError reports a catalog file that was refused: which file, which
// message when one is at fault, and why.
type CatalogError struct {
	Path string // the file, as given to LoadFS or embedded
	ID   ID     // the message at fault; empty when the whole file is
	Err  error  // wraps ErrCatalog or ErrUnsupportedLanguage
}

// Error returns, for example, `locales: active.ru.toml: message
// "Count.Entries": invalid catalog: no "few" form (ru plurals need one,
// few, many, other)`.
func (e *CatalogError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("locales: %s: message %q: %v", e.Path, e.ID, e.Err)
	}
	return fmt.Sprintf("locales: %s: %v", e.Path, e.Err)
}

// Unwrap returns the sentinel-wrapping cause.
func (e *CatalogError) Unwrap() error { return e.Err }
