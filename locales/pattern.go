package locales

import (
	"fmt"
	"strconv"
	"strings"
)

// A pattern is a formatting message compiled once per Locale: literal text
// between numbered fields. Formatting a date then needs neither the bundle
// nor a template, and cannot fail.
type pattern struct {
	lits []string // len(args)+1 pieces of literal text
	args []int    // the field printed after lits[i]
}

// Markers stand for field i while a pattern is compiled. They are drawn
// from the Private Use Area, which no catalog has a reason to contain.
const (
	markOpen  = '\uE000'
	markClose = '\uE001'
)

func marker(i int) string { return string(markOpen) + strconv.Itoa(i) + string(markClose) }

// compilePattern renders message id through go-i18n with a marker for each
// of fields, then splits the result at the markers.
func (l *Locale) compilePattern(id ID, fields []string) (pattern, error) {
	data := make(map[string]any, len(fields))
	for i, f := range fields {
		data[f] = marker(i)
	}
	s, err := l.localize(id, data, nil)
	if err != nil {
		return pattern{}, err
	}
	var p pattern
	for {
		open := strings.IndexRune(s, markOpen)
		if open < 0 {
			break
		}
		rest := s[open+len(string(markOpen)):]
		end := strings.IndexRune(rest, markClose)
		i, err := strconv.Atoi(rest[:max(end, 0)])
		if end < 0 || err != nil || i < 0 || i >= len(fields) {
			return pattern{}, &MessageError{ID: id, Tag: l.cat.tag, Err: fmt.Errorf("%w: text holds U+E000 or U+E001", ErrCatalog)}
		}
		p.lits = append(p.lits, s[:open])
		p.args = append(p.args, i)
		s = rest[end+len(string(markClose)):]
	}
	if strings.ContainsRune(s, markClose) {
		return pattern{}, &MessageError{ID: id, Tag: l.cat.tag, Err: fmt.Errorf("%w: text holds U+E001", ErrCatalog)}
	}
	p.lits = append(p.lits, s)
	return p, nil
}

// render prints p with vals, in the order of the fields p was compiled with.
func (p pattern) render(vals ...string) string {
	var b strings.Builder
	for i, a := range p.args {
		b.WriteString(p.lits[i])
		b.WriteString(vals[a])
	}
	b.WriteString(p.lits[len(p.lits)-1])
	return b.String()
}
