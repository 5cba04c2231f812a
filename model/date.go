package model

import (
	"fmt"
	"strings"
	"time"
)

// Date is a civil date with no time zone: a day as a calendar prints it.
// The zero Date is unset.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses an ISO 8601 calendar date, "2022-01-05".
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%w: date %q: want YYYY-MM-DD", ErrInvalidValue, s)
	}
	y, ok1 := digits(s[:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:])
	if !ok1 || !ok2 || !ok3 || y < 1 {
		return Date{}, fmt.Errorf("%w: date %q: want YYYY-MM-DD", ErrInvalidValue, s)
	}
	dt := Date{y, time.Month(m), d}
	if !dt.valid() {
		return Date{}, fmt.Errorf("%w: date %q does not exist", ErrInvalidValue, s)
	}
	return dt, nil
}

// digits returns the number that s writes in ASCII digits, and false when
// s is empty or holds anything else: no sign, no space, no other digits.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func (d Date) valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return DateOf(d.Time()) == d
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String returns d as "2022-01-05", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// DaysSince returns the number of days from e to d (negative when d is
// before e).
func (d Date) DaysSince(e Date) int { return int(d.Time().Sub(e.Time()).Hours() / 24) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// MarshalText encodes d as "2022-01-05".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes "2022-01-05"; the empty string is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// DateSpan is a day, a span of days, or an open span ("since 10 January").
// Its text form is ISO 8601: "2022-01-05", "2022-01-04/2022-01-05", or
// "2022-01-10/.." for a span with no end.
type DateSpan struct {
	Start Date
	End   Date // equal to Start for a single day; zero when Open
	Open  bool // the span has no end
}

// Span returns the DateSpan of the single day d.
func (d Date) Span() DateSpan { return DateSpan{Start: d, End: d} }

// IsZero reports whether s is unset.
func (s DateSpan) IsZero() bool { return s == DateSpan{} }

// IsDay reports whether s is a single day.
func (s DateSpan) IsDay() bool { return !s.Open && s.Start == s.End }

// Last returns the last day of s, or the zero Date when s is open.
func (s DateSpan) Last() Date { return s.End }

// Contains reports whether d falls within s.
func (s DateSpan) Contains(d Date) bool {
	if d.Before(s.Start) {
		return false
	}
	return s.Open || !d.After(s.End)
}

// Overlaps reports whether s and t share at least one day.
func (s DateSpan) Overlaps(t DateSpan) bool {
	if !s.Open && t.Start.After(s.End) {
		return false
	}
	if !t.Open && s.Start.After(t.End) {
		return false
	}
	return true
}

// String returns the ISO 8601 form of s.
func (s DateSpan) String() string {
	switch {
	case s.IsZero():
		return ""
	case s.Open:
		return s.Start.String() + "/.."
	case s.Start == s.End:
		return s.Start.String()
	}
	return s.Start.String() + "/" + s.End.String()
}

// ParseDateSpan parses "2022-01-05", "2022-01-04/2022-01-05" or "2022-01-10/..".
func ParseDateSpan(v string) (DateSpan, error) {
	a, b, isSpan := strings.Cut(v, "/")
	start, err := ParseDate(a)
	if err != nil {
		return DateSpan{}, fmt.Errorf("%w (a span is YYYY-MM-DD/YYYY-MM-DD or YYYY-MM-DD/..)", err)
	}
	if !isSpan {
		return start.Span(), nil
	}
	if b == ".." {
		return DateSpan{Start: start, Open: true}, nil
	}
	end, err := ParseDate(b)
	if err != nil {
		return DateSpan{}, fmt.Errorf("%w (a span is YYYY-MM-DD/YYYY-MM-DD or YYYY-MM-DD/..)", err)
	}
	if end.Before(start) {
		return DateSpan{}, fmt.Errorf("%w: date span %q ends before it starts", ErrInvalidValue, v)
	}
	return DateSpan{Start: start, End: end}, nil
}

// MarshalText encodes s in its ISO 8601 form.
func (s DateSpan) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes the ISO 8601 form; "" is the zero DateSpan.
func (s *DateSpan) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = DateSpan{}
		return nil
	}
	v, err := ParseDateSpan(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Clock is a time of day, to the minute.
type Clock struct {
	Hour, Minute int
}

// String returns c as "15:04".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// Minutes returns the number of minutes since midnight.
func (c Clock) Minutes() int { return c.Hour*60 + c.Minute }

func parseClock(s string) (Clock, error) {
	if len(s) != 5 || s[2] != ':' {
		return Clock{}, fmt.Errorf("%w: time %q: want HH:MM", ErrInvalidValue, s)
	}
	h, ok1 := digits(s[:2])
	m, ok2 := digits(s[3:])
	if !ok1 || !ok2 || h > 23 || m > 59 {
		return Clock{}, fmt.Errorf("%w: time %q: want HH:MM between 00:00 and 23:59", ErrInvalidValue, s)
	}
	return Clock{h, m}, nil
}

// TimeSpan is a time of day ("10:00") or a range of times ("15:00-17:00").
// A range may end after midnight ("22:00-02:00").
type TimeSpan struct {
	Start, End Clock // End equals Start for a single time
}

// At returns the TimeSpan of the single time h:m.
func At(h, m int) TimeSpan { return TimeSpan{Clock{h, m}, Clock{h, m}} }

// IsRange reports whether t has a distinct end.
func (t TimeSpan) IsRange() bool { return t.Start != t.End }

// String returns "10:00" or "15:00-17:00".
func (t TimeSpan) String() string {
	if t.IsRange() {
		return t.Start.String() + "-" + t.End.String()
	}
	return t.Start.String()
}

// ParseTimeSpan parses "10:00" or "15:00-17:00".
func ParseTimeSpan(s string) (TimeSpan, error) {
	a, b, isRange := strings.Cut(s, "-")
	start, err := parseClock(a)
	if err == nil && isRange {
		var end Clock
		if end, err = parseClock(b); err == nil {
			if end == start {
				return TimeSpan{}, fmt.Errorf("%w: time range %q starts and ends at the same time", ErrInvalidValue, s)
			}
			return TimeSpan{start, end}, nil
		}
	}
	if err != nil {
		return TimeSpan{}, fmt.Errorf("%w: time %q: want HH:MM or HH:MM-HH:MM between 00:00 and 23:59", ErrInvalidValue, s)
	}
	return TimeSpan{start, start}, nil
}

// MarshalText encodes t as "10:00" or "15:00-17:00".
func (t TimeSpan) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText decodes "10:00" or "15:00-17:00".
func (t *TimeSpan) UnmarshalText(b []byte) error {
	v, err := ParseTimeSpan(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
