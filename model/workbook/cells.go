package workbook

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coibrief/coibrief/internal/editdist"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// colKey is a column as read: its key, and its language for a text.
type colKey struct {
	key string
	tag language.Tag
}

// rec is a row of a sheet as read.
type rec struct {
	r     *reader
	sh    *readSheet
	row   int               // 1-based
	raw   map[colKey]string // the cells' values as stored
	shown map[colKey]string // the cells' values as shown
	order float64           // its place in the sheet's order
}

// fail records a problem with the cell of column k.
func (x *rec) fail(k colKey, format string, args ...any) {
	x.r.cellProblem(x.sh, x.row, k, fmt.Errorf("%w: "+format, append([]any{ErrCell}, args...)...))
}

func (x *rec) str(key string) string { return x.shown[colKey{key: key}] }

// text returns the languages of a text column; required gives an empty
// Text rather than none, for the fields JSON always writes.
func (x *rec) text(key string, required bool) model.Text {
	var t model.Text
	for _, k := range x.sh.textCols[key] {
		if s := x.shown[k]; s != "" {
			if t == nil {
				t = model.Text{}
			}
			t[k.tag] = s
		}
	}
	if t == nil && required {
		t = model.Text{}
	}
	return t
}

// date reads a date: a date of the spreadsheet, or text YYYY-MM-DD.
func (x *rec) date(key string) model.Date {
	k := colKey{key: key}
	return x.r.date(x.raw[k], func(format string, args ...any) { x.fail(k, format, args...) })
}

func (r *reader) date(raw string, fail func(string, ...any)) model.Date {
	s := strings.TrimSpace(raw)
	if s == "" {
		return model.Date{}
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		if n != math.Trunc(n) {
			fail("expected a date without a time of day, got the date and time %s", s)
			return model.Date{}
		}
		if n < 61 || n > 2958465 {
			fail("expected a date, got the number %s (type a date before March 1900 as text, YYYY-MM-DD)", s)
			return model.Date{}
		}
		return model.DateOf(excelEpoch.AddDate(0, 0, int(n)))
	}
	d, err := model.ParseDate(s)
	if err != nil {
		fail("expected a date (a date cell, or text YYYY-MM-DD), got %q", clip(s))
		return model.Date{}
	}
	return d
}

// end reads the end of a span: a date, ".." for none, or nothing.
func (x *rec) end(key string) (end, bool) {
	k := colKey{key: key}
	s := strings.TrimSpace(x.raw[k])
	switch s {
	case "":
		return end{}, false
	case "..":
		return end{open: true}, true
	}
	d := x.date(key)
	return end{d: d}, !d.IsZero()
}

// span makes a span of its first date and its end.
func (x *rec) span(fromKey, toKey string) model.DateSpan {
	start := x.date(fromKey)
	e, hasEnd := x.end(toKey)
	switch {
	case start.IsZero() && hasEnd:
		x.fail(colKey{key: fromKey}, "a span of dates needs its first date")
		return model.DateSpan{}
	case start.IsZero():
		return model.DateSpan{}
	case e.open:
		return model.DateSpan{Start: start, Open: true}
	case !hasEnd:
		return start.Span()
	case e.d.Before(start):
		x.fail(colKey{key: toKey}, "the span ends on %s, before it starts on %s", e.d, start)
	}
	return model.DateSpan{Start: start, End: e.d}
}

func (x *rec) number(key string) (float64, bool) {
	k := colKey{key: key}
	s := strings.TrimSpace(x.raw[k])
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
		x.fail(k, "expected a number, got %q", clip(s))
		return 0, false
	}
	return n, true
}

func (x *rec) integer(key string) (int, bool) {
	n, ok := x.number(key)
	if !ok {
		return 0, false
	}
	if n != math.Trunc(n) || math.Abs(n) > 1e9 {
		x.fail(colKey{key: key}, "expected a whole number, got %s", strconv.FormatFloat(n, 'f', -1, 64))
		return 0, false
	}
	return int(n), true
}

func (x *rec) boolean(key string) bool {
	k := colKey{key: key}
	switch strings.ToLower(strings.TrimSpace(x.raw[k])) {
	case "", "0", "false", "faux", "falsch", "no", "non", "nein":
		return false
	case "1", "true", "vrai", "wahr", "yes", "oui", "ja":
		return true
	}
	x.fail(k, "expected TRUE or FALSE, got %q", clip(x.raw[k]))
	return false
}

// ids reads a list of ids, separated by spaces, commas, semicolons or
// line breaks.
func (x *rec) ids(key string) []string {
	f := strings.FieldsFunc(x.shown[colKey{key: key}], isSeparator)
	if len(f) == 0 {
		return nil
	}
	return f
}

// lines reads names one per line.
func (x *rec) lines(key string) []string {
	s := x.shown[colKey{key: key}]
	if s == "" {
		return nil
	}
	return strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

// enum reads a word of an enumeration into v; an empty cell leaves v.
func (x *rec) enum(key string, v interface{ UnmarshalText([]byte) error }, choices []string) {
	k := colKey{key: key}
	s := strings.TrimSpace(x.shown[k])
	if s == "" {
		return
	}
	if err := v.UnmarshalText([]byte(s)); err != nil {
		msg := fmt.Sprintf("unknown word %q (want one of %s)", clip(s), strings.Join(choices, ", "))
		if m := closest(s, choices); m != "" {
			msg = fmt.Sprintf("unknown word %q; did you mean %s?", clip(s), m)
		}
		x.fail(k, "%s", msg)
	}
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	if len(s) <= 64 {
		return s
	}
	i := 64
	for i > 0 && !isRuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// closest returns the choice nearest s, when near enough to be a slip.
func closest(s string, choices []string) string {
	best, bestD := "", math.MaxInt
	ls := strings.ToLower(s)
	for _, c := range choices {
		d := distance(ls, strings.ToLower(c))
		if d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	if bestD == 0 || bestD <= max(2, len([]rune(s))/3) {
		return best
	}
	return ""
}

// distance is the Levenshtein distance of two strings, in runes; long
// strings are not compared.
func distance(a, b string) int {
	if utf8.RuneCountInString(a) > 256 || utf8.RuneCountInString(b) > 256 {
		return math.MaxInt
	}
	return editdist.Levenshtein(a, b)
}

// sorted returns the records in the sheet's order: by their No., a row
// with none after the row above it.
func sorted(rs []*rec) []*rec {
	last := math.Inf(-1)
	for _, x := range rs {
		if n, ok := x.number("order"); ok {
			x.order = n
			last = n
		} else {
			x.order = last
		}
	}
	out := slices.Clone(rs)
	slices.SortStableFunc(out, func(a, b *rec) int {
		switch {
		case a.order < b.order:
			return -1
		case a.order > b.order:
			return 1
		}
		return 0
	})
	return out
}
