package model

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can test with errors.Is.
var (
	ErrSyntax       = errors.New("malformed JSON")        // the input is not JSON
	ErrUnknownField = errors.New("unknown field")         // a field the format does not define
	ErrDuplicateKey = errors.New("duplicate key")         // a key given twice in one object
	ErrType         = errors.New("wrong type")            // a value of the wrong JSON type
	ErrInvalidValue = errors.New("invalid value")         // a value out of its domain: a bad date, an unknown enum name
	ErrFormat       = errors.New("unsupported format")    // Dossier.Format is not Format
	ErrMissing      = errors.New("missing value")         // a required value is absent
	ErrDuplicateID  = errors.New("duplicate id")          // two objects share an id
	ErrDangling     = errors.New("dangling reference")    // an id that names nothing
	ErrMissingText  = errors.New("missing translation")   // text absent in a declared language
	ErrDateRange    = errors.New("date out of range")     // a date outside the period or after publication
	ErrImplausible  = errors.New("implausible value")     // a value that is legal but very likely a slip
	ErrURL          = errors.New("invalid URL")           // not an absolute http or https URL
	ErrUncited      = errors.New("source never cited")    // a bibliography entry no statement cites
	ErrAnachronism  = errors.New("source after the fact") // a source dated after the fact it is cited for
	ErrInvalid      = errors.New("invalid dossier")       // Issues.Err wraps this when there are errors
	ErrTooLarge     = errors.New("too large")             // the input, or a value in it, exceeds a limit of limits.go
	ErrChanged      = errors.New("file changed")          // the file OpenFile left figures in changed since
)

// Position is a place in a JSON file. Line and Column count from 1; Column
// counts bytes.
type Position struct {
	File   string
	Line   int
	Column int
	Offset int64 // bytes from the start of the input
}

// IsValid reports whether p holds a line number.
func (p Position) IsValid() bool { return p.Line > 0 }

// String returns "file:line:column", omitting what is unknown.
func (p Position) String() string {
	s := p.File
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	return s
}

// DecodeError is a problem met while decoding a dossier: where it is and
// what is wrong.
type DecodeError struct {
	Pos  Position
	Path string // JSON path of the value, e.g. "chronology[3].entries[2].kind"; empty at top level
	Err  error  // wraps a sentinel such as ErrUnknownField
}

func (e *DecodeError) Error() string {
	s := "model: "
	if p := e.Pos.String(); p != "" {
		s += p + ": "
	}
	if e.Path != "" {
		s += e.Path + ": "
	}
	return s + e.Err.Error()
}

func (e *DecodeError) Unwrap() error { return e.Err }

// DecodeErrors is what decoding returns when it met several problems: each
// one, in the order of the input. Decoding goes on after an unknown field,
// a duplicate key, a value of the wrong type or an invalid value, so that
// all of them are reported at once, up to 100; it stops at malformed JSON
// and at an input over a limit, which comes last.
//
// errors.As finds the first *DecodeError in it, errors.Is the sentinels
// of all.
type DecodeErrors []*DecodeError

// Error returns the problems, one per line.
func (e DecodeErrors) Error() string {
	var b strings.Builder
	for i, de := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(de.Error())
	}
	return b.String()
}

// Unwrap returns each problem, for errors.Is and errors.As.
func (e DecodeErrors) Unwrap() []error {
	out := make([]error, len(e))
	for i, de := range e {
		out[i] = de
	}
	return out
}

// Issue is one problem Validate found.
type Issue struct {
	Severity Severity
	Path     string   // JSON path, e.g. "chronology[3].entries[2].sources[1]"
	Pos      Position // set by Locate or LoadFile when the source file is known
	Ref      Ref      // the object concerned, when it has an id
	Field    string   // the field concerned, as named in errata
	Err      error    // wraps a sentinel such as ErrDangling
	Erratum  *Erratum // the erratum that explains a warning, if any
}

func (i Issue) Error() string {
	s := ""
	if p := i.Pos.String(); p != "" {
		s = p + ": "
	}
	s += i.Severity.String() + ": "
	if i.Path != "" {
		s += i.Path + ": "
	}
	s += i.Err.Error()
	if i.Erratum != nil {
		s += " (explained by erratum on " + i.Erratum.Ref.String() + ")"
	}
	return s
}

func (i Issue) Unwrap() error { return i.Err }

// Issues is what Validate returns: every problem found, in path order.
type Issues []Issue

// OmittedError is the Err of the last issue Validate returns when it
// found more than MaxIssues: how many more it found. It wraps ErrTooLarge.
type OmittedError struct {
	Errors, Warnings int
}

func (e *OmittedError) Error() string {
	return fmt.Sprintf("%v: %d more issues not listed (%d errors, %d warnings): correct the ones listed and validate again",
		ErrTooLarge, e.Errors+e.Warnings, e.Errors, e.Warnings)
}

func (e *OmittedError) Unwrap() error { return ErrTooLarge }

// Count returns how many errors and warnings is holds, counting those an
// OmittedError stands for instead of the issue that counts them.
func (is Issues) Count() (errors, warnings int) {
	for _, i := range is {
		if o, ok := i.Err.(*OmittedError); ok {
			errors += o.Errors
			warnings += o.Warnings
			continue
		}
		if i.Severity == SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Errors returns the issues of severity error.
func (is Issues) Errors() Issues { return is.filter(SeverityError) }

// Warnings returns the issues of severity warning.
func (is Issues) Warnings() Issues { return is.filter(SeverityWarning) }

func (is Issues) filter(s Severity) Issues {
	var out Issues
	for _, i := range is {
		if i.Severity == s {
			out = append(out, i)
		}
	}
	return out
}

// Err returns nil when no issue is an error, and otherwise an error that
// wraps ErrInvalid and every error issue (errors.Is sees all of them).
func (is Issues) Err() error {
	errs := is.Errors()
	if len(errs) == 0 {
		return nil
	}
	return &ValidationError{Issues: errs}
}

// ValidationError reports the errors of an invalid dossier.
type ValidationError struct {
	Issues Issues // severity error only
}

func (e *ValidationError) Error() string {
	s := fmt.Sprintf("model: invalid dossier: %d error", len(e.Issues))
	if len(e.Issues) != 1 {
		s += "s"
	}
	for _, i := range e.Issues {
		s += "\n\t" + i.Error()
	}
	return s
}

// Unwrap returns ErrInvalid and each issue, for errors.Is and errors.As.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, 0, len(e.Issues)+1)
	out = append(out, ErrInvalid)
	for _, i := range e.Issues {
		out = append(out, i)
	}
	return out
}

// setFile names the file of every *DecodeError err holds.
func setFile(err error, name string) {
	var errs DecodeErrors
	var de *DecodeError
	switch {
	case errors.As(err, &errs):
		for _, e := range errs {
			e.Pos.File = name
		}
	case errors.As(err, &de):
		de.Pos.File = name
	}
}
