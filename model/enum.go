package model

import (
	"fmt"
	"strings"
)

// enum describes the text form of a small enumeration whose zero value means
// "unset". names[0] is the zero value's text ("" when the zero value is not
// written to JSON).
type enum[T ~uint8] struct {
	what  string
	names []string
}

func (e enum[T]) string(v T) string {
	if int(v) < len(e.names) {
		if n := e.names[v]; n != "" {
			return n
		}
		return "unset"
	}
	return fmt.Sprintf("%s(%d)", strings.ReplaceAll(e.what, " ", "-"), uint8(v))
}

func (e enum[T]) valid(v T) bool { return int(v) < len(e.names) }

func (e enum[T]) marshal(v T) ([]byte, error) {
	if !e.valid(v) {
		return nil, fmt.Errorf("%w: %s %d", ErrInvalidValue, e.what, uint8(v))
	}
	return []byte(e.names[v]), nil
}

func (e enum[T]) unmarshal(v *T, b []byte) error {
	s := string(b)
	for i, n := range e.names {
		if n == s {
			*v = T(i)
			return nil
		}
	}
	return fmt.Errorf("%w: unknown %s %q (want one of %s)", ErrInvalidValue, e.what, s, e.list())
}

func (e enum[T]) list() string {
	var b strings.Builder
	for _, n := range e.names {
		if n == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}

func (e enum[T]) all() []T {
	out := make([]T, 0, len(e.names))
	for i, n := range e.names {
		if n != "" {
			out = append(out, T(i))
		}
	}
	return out
}
