package locales

import (
	"fmt"
	"strconv"
	"time"

	"github.com/coibrief/coibrief/model"
)

// formats holds what a Locale needs to print dates, times and numbers,
// taken from its catalog once by New.
type formats struct {
	months, monthsShort [12]string
	weekdays            [7]string // indexed by time.Weekday
	firstDay            string    // "1er"
	group, decimal      string

	dateLong, dateMedium, dateShort, dayMonth, day pattern // dateFields
	night, spanRange, approxRange, timeRange       pattern // pairFields
	open                                           pattern // openFields
	approxDay                                      pattern // dayFields
	onTheHour, hourMinute                          pattern // clockFields
}

// loadFormats fills l.f from the catalog, so that a missing format is an
// error of New and never of Date.
func (l *Locale) loadFormats() error {
	type word struct {
		id  ID
		dst *string
	}
	words := []word{{fmtFirstDay, &l.f.firstDay}, {fmtGroup, &l.f.group}, {fmtDecimal, &l.f.decimal}}
	for i, id := range monthIDs(fmtMonthPrefix) {
		words = append(words, word{id, &l.f.months[i]})
	}
	for i, id := range monthIDs(fmtMonthShortPrefix) {
		words = append(words, word{id, &l.f.monthsShort[i]})
	}
	for i, id := range weekdayIDs() {
		words = append(words, word{id, &l.f.weekdays[i]})
	}
	for _, w := range words {
		s, err := l.localize(w.id, nil, nil)
		if err != nil {
			return err
		}
		*w.dst = s
	}
	for _, p := range []struct {
		id  ID
		dst *pattern
	}{
		{fmtDateLong, &l.f.dateLong}, {fmtDateMedium, &l.f.dateMedium},
		{fmtDateShort, &l.f.dateShort}, {fmtDayMonth, &l.f.dayMonth}, {fmtDay, &l.f.day},
		{fmtNight, &l.f.night}, {fmtRange, &l.f.spanRange}, {fmtApproxRange, &l.f.approxRange},
		{fmtTimeRange, &l.f.timeRange}, {fmtOpen, &l.f.open}, {fmtApproxDay, &l.f.approxDay},
		{fmtOnTheHour, &l.f.onTheHour}, {fmtHourMinute, &l.f.hourMinute},
	} {
		var err error
		if *p.dst, err = l.compilePattern(p.id, formatFields[p.id]); err != nil {
			return err
		}
	}
	return nil
}

// validDate reports whether d is a day of the calendar.
func validDate(d model.Date) bool {
	return d.Month >= time.January && d.Month <= time.December && d.Day >= 1 && model.DateOf(d.Time()) == d
}

// dateVals returns the values of dateFields for d, which must be valid.
func (l *Locale) dateVals(d model.Date) []string {
	day := strconv.Itoa(d.Day)
	if d.Day == 1 {
		day = l.f.firstDay
	}
	return []string{
		l.f.weekdays[d.Weekday()],         // Weekday
		day,                               // Day
		strconv.Itoa(d.Day),               // DayNumber
		fmt.Sprintf("%02d", d.Day),        // Day2
		l.f.months[d.Month-1],             // Month
		l.f.monthsShort[d.Month-1],        // MonthShort
		fmt.Sprintf("%02d", int(d.Month)), // Month2
		strconv.Itoa(d.Year),              // Year
	}
}

func (l *Locale) date(p pattern, d model.Date) string {
	switch {
	case d.IsZero():
		return ""
	case !validDate(d) || !l.usable():
		return d.String()
	}
	return p.render(l.dateVals(d)...)
}

// Date returns d as in running text: "1er janvier 2022", "1 January 2022".
// The zero Date gives "" and a date that does not exist its ISO form.
func (l *Locale) Date(d model.Date) string { return l.date(l.formats().dateMedium, d) }

// DateLong returns d with its weekday, as chronology headings print it:
// "samedi 1er janvier 2022", "Saturday 1 January 2022".
func (l *Locale) DateLong(d model.Date) string { return l.date(l.formats().dateLong, d) }

// DateShort returns d in the compact form of tables and footnotes:
// "07/01/2022", "7 Jan 2022".
func (l *Locale) DateShort(d model.Date) string { return l.date(l.formats().dateShort, d) }

// formats returns l's formats, or none for a nil Locale.
func (l *Locale) formats() *formats {
	if l == nil {
		return &formats{}
	}
	return &l.f
}

// Span returns the dates of an event as a chronology prints them, given how
// exact they are:
//
//	PrecisionDay     samedi 1er janvier 2022               Saturday 1 January 2022
//	PrecisionNight   dans la nuit du 4 au 5 janvier 2022   during the night of 4 to 5 January 2022
//	PrecisionSpan    du 13 au 19 janvier 2022              from 13 to 19 January 2022
//	PrecisionApprox  vers le 7 janvier 2022                around 7 January 2022
//	open span        depuis le lundi 10 janvier 2022       since Monday 10 January 2022
//
// PrecisionDerived gives the day form for a single day and the span form
// otherwise. A night given as a single day is the night from that day to
// the next. The first date of a pair is shortened when it shares the
// month or year of the second ("du 28 janvier au 3 février 2022"). The
// zero span gives "". A precision the model does not define, or a date
// that does not exist, is an error wrapping ErrInvalidValue.
func (l *Locale) Span(s model.DateSpan, p model.DatePrecision) (string, error) {
	switch p {
	case model.PrecisionDerived, model.PrecisionDay, model.PrecisionNight, model.PrecisionSpan, model.PrecisionApprox:
	default:
		return "", fmt.Errorf("locales: date precision %d: %w", uint8(p), ErrInvalidValue)
	}
	if !l.usable() {
		return "", errUnusable
	}
	switch {
	case s.IsZero():
		return "", nil
	case !validDate(s.Start) || (!s.Open && (!validDate(s.End) || s.End.Before(s.Start))):
		return "", fmt.Errorf("locales: date span %q: %w", s.String(), ErrInvalidValue)
	case s.Open:
		return l.f.open.render(l.f.weekdays[s.Start.Weekday()], l.Date(s.Start)), nil
	case p == model.PrecisionNight:
		end := s.End
		if end == s.Start {
			end = s.Start.AddDays(1)
		}
		return l.f.night.render(l.pair(s.Start, end)...), nil
	case p == model.PrecisionApprox && s.IsDay():
		return l.f.approxDay.render(l.Date(s.Start)), nil
	case p == model.PrecisionApprox:
		return l.f.approxRange.render(l.pair(s.Start, s.End)...), nil
	case s.IsDay():
		return l.DateLong(s.Start), nil
	}
	return l.f.spanRange.render(l.pair(s.Start, s.End)...), nil
}

// pair returns the start and end of a span of valid dates, the start
// without what it shares with the end: "13" and "19 janvier 2022",
// "28 janvier" and "3 février 2022". The shortened start is written by
// Format.Date.Day and Format.Date.DayMonth, so that a language may mark
// it as its dates do: German "13." and "19. Januar 2022".
func (l *Locale) pair(start, end model.Date) []string {
	switch {
	case start.Year == end.Year && start.Month == end.Month:
		return []string{l.f.day.render(l.dateVals(start)...), l.Date(end)}
	case start.Year == end.Year:
		return []string{l.dayMonth(start), l.Date(end)}
	}
	return []string{l.Date(start), l.Date(end)}
}

func (l *Locale) dayMonth(d model.Date) string { return l.f.dayMonth.render(l.dateVals(d)...) }

// Time returns a time of day or a range of times: "10 h", "10 h 30",
// "15 h – 17 h" in French, "10:00", "15:00–17:00" in English.
func (l *Locale) Time(t model.TimeSpan) string {
	if !l.usable() {
		return t.String()
	}
	if !t.IsRange() {
		return l.clock(t.Start)
	}
	return l.f.timeRange.render(l.clock(t.Start), l.clock(t.End))
}

func (l *Locale) clock(c model.Clock) string {
	p := l.f.hourMinute
	if c.Minute == 0 {
		p = l.f.onTheHour
	}
	return p.render(strconv.Itoa(c.Hour), fmt.Sprintf("%02d", c.Hour), fmt.Sprintf("%02d", c.Minute))
}
