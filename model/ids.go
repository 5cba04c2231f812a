package model

import (
	"fmt"
	"strings"
)

// SourceID names a Source within a dossier, e.g. "lemonde-2022-01-07-2".
type SourceID string

// PlaceID names a Place within a dossier, e.g. "almaty".
type PlaceID string

// FigureID names a Figure within a dossier.
type FigureID string

// StatementID names a Statement or Entry within a dossier.
type StatementID string

// RefKind is what a Ref points at.
type RefKind uint8

// Ref kinds.
const (
	_            RefKind = iota
	RefSource            // a Source
	RefPlace             // a Place
	RefFigure            // a Figure
	RefStatement         // a Statement or Entry
	RefDossier           // the dossier's own metadata (ID is a field name or empty)
)

var refKinds = enum[RefKind]{"reference kind", []string{"", "source", "place", "figure", "statement", "dossier"}}

func (k RefKind) String() string { return refKinds.string(k) }

// Ref points at one object of a dossier. Its text form is "kind:id", e.g.
// "source:dojd-2022-01-08-2" or "dossier:".
type Ref struct {
	Kind RefKind
	ID   string
}

// String returns "kind:id".
func (r Ref) String() string { return r.Kind.String() + ":" + r.ID }

// MarshalText encodes r as "kind:id".
func (r Ref) MarshalText() ([]byte, error) {
	if !refKinds.valid(r.Kind) || r.Kind == 0 {
		return nil, fmt.Errorf("%w: reference kind %d", ErrInvalidValue, r.Kind)
	}
	return []byte(r.String()), nil
}

// UnmarshalText decodes "kind:id".
func (r *Ref) UnmarshalText(b []byte) error {
	k, id, ok := strings.Cut(string(b), ":")
	if !ok {
		return fmt.Errorf("%w: reference %q: want kind:id (kind one of %s)", ErrInvalidValue, b, refKinds.list())
	}
	var kind RefKind
	if err := refKinds.unmarshal(&kind, []byte(k)); err != nil {
		return fmt.Errorf("reference %q: %w", b, err)
	}
	if kind == 0 {
		return fmt.Errorf("%w: reference %q: want kind:id (kind one of %s)", ErrInvalidValue, b, refKinds.list())
	}
	*r = Ref{kind, id}
	return nil
}
