package locales_test

import (
	"testing"
	"time"

	"github.com/coibrief/coibrief/model"
)

func TestDates(t *testing.T) {
	tests := []struct {
		date             model.Date
		long, mid, short byLang
	}{
		{
			date(2022, time.January, 1),
			byLang{fr: "samedi 1er janvier 2022", en: "Saturday 1 January 2022", de: "Samstag, 1. Januar 2022", ru: "суббота, 1 января 2022 г."},
			byLang{fr: "1er janvier 2022", en: "1 January 2022", de: "1. Januar 2022", ru: "1 января 2022 г."},
			byLang{fr: "01/01/2022", en: "1 Jan 2022", de: "01.01.2022", ru: "01.01.2022"},
		},
		{
			date(2022, time.January, 7),
			byLang{fr: "vendredi 7 janvier 2022", en: "Friday 7 January 2022", de: "Freitag, 7. Januar 2022", ru: "пятница, 7 января 2022 г."},
			byLang{fr: "7 janvier 2022", en: "7 January 2022", de: "7. Januar 2022", ru: "7 января 2022 г."},
			byLang{fr: "07/01/2022", en: "7 Jan 2022", de: "07.01.2022", ru: "07.01.2022"},
		},
		{
			date(2021, time.December, 31),
			byLang{fr: "vendredi 31 décembre 2021", en: "Friday 31 December 2021", de: "Freitag, 31. Dezember 2021"},
			byLang{fr: "31 décembre 2021", en: "31 December 2021", de: "31. Dezember 2021"},
			byLang{fr: "31/12/2021", en: "31 Dec 2021", de: "31.12.2021", ru: "31.12.2021"},
		},
		{
			date(2022, time.August, 1),
			byLang{fr: "lundi 1er août 2022", en: "Monday 1 August 2022", de: "Montag, 1. August 2022"},
			byLang{fr: "1er août 2022", en: "1 August 2022", de: "1. August 2022", ru: "1 августа 2022 г."},
			byLang{fr: "01/08/2022", en: "1 Aug 2022", de: "01.08.2022"},
		},
		{
			date(2020, time.February, 29),
			byLang{fr: "samedi 29 février 2020", en: "Saturday 29 February 2020", de: "Samstag, 29. Februar 2020", ru: "суббота, 29 февраля 2020 г."},
			byLang{fr: "29 février 2020", en: "29 February 2020"},
			byLang{fr: "29/02/2020", en: "29 Feb 2020", ru: "29.02.2020"},
		},
		{
			date(2022, time.September, 11),
			byLang{fr: "dimanche 11 septembre 2022", en: "Sunday 11 September 2022", de: "Sonntag, 11. September 2022", ru: "воскресенье, 11 сентября 2022 г."},
			byLang{fr: "11 septembre 2022", en: "11 September 2022", de: "11. September 2022"},
			byLang{fr: "11/09/2022", en: "11 Sep 2022", ru: "11.09.2022"},
		},
		{
			model.Date{},
			byLang{fr: "", en: "", de: "", ru: ""},
			byLang{fr: "", en: ""},
			byLang{fr: "", en: ""},
		},
		{ // a date that does not exist prints as ISO rather than as a wrong day
			date(2022, time.February, 30),
			byLang{fr: "2022-02-30", en: "2022-02-30", de: "2022-02-30"},
			byLang{fr: "2022-02-30"},
			byLang{en: "2022-02-30"},
		},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			name string
			want byLang
		}{{"DateLong", tt.long}, {"Date", tt.mid}, {"DateShort", tt.short}} {
			for tag, l := range localesFor(t, c.want) {
				var got string
				switch c.name {
				case "DateLong":
					got = l.DateLong(tt.date)
				case "Date":
					got = l.Date(tt.date)
				default:
					got = l.DateShort(tt.date)
				}
				if want := c.want[tag]; got != want {
					t.Errorf("%s: %s(%v) = %q; want %q", tag, c.name, tt.date, got, want)
				}
			}
		}
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		name string
		span model.DateSpan
		prec model.DatePrecision
		want byLang
	}{
		{"day", date(2022, 1, 1).Span(), model.PrecisionDerived, byLang{
			fr: "samedi 1er janvier 2022", en: "Saturday 1 January 2022", de: "Samstag, 1. Januar 2022",
			ru: "суббота, 1 января 2022 г."}},
		{"day given", date(2022, 1, 5).Span(), model.PrecisionDay, byLang{
			fr: "mercredi 5 janvier 2022", en: "Wednesday 5 January 2022"}},
		{"night", span(date(2022, 1, 4), date(2022, 1, 5)), model.PrecisionNight, byLang{
			fr: "dans la nuit du 4 au 5 janvier 2022", en: "during the night of 4 to 5 January 2022",
			de: "in der Nacht vom 4. auf den 5. Januar 2022", ru: "в ночь с 4 на 5 января 2022 г."}},
		{"night as one day", date(2022, 1, 4).Span(), model.PrecisionNight, byLang{
			fr: "dans la nuit du 4 au 5 janvier 2022", en: "during the night of 4 to 5 January 2022"}},
		{"night across months", date(2022, 1, 31).Span(), model.PrecisionNight, byLang{
			fr: "dans la nuit du 31 janvier au 1er février 2022", en: "during the night of 31 January to 1 February 2022",
			de: "in der Nacht vom 31. Januar auf den 1. Februar 2022"}},
		{"night across years", date(2021, 12, 31).Span(), model.PrecisionNight, byLang{
			fr: "dans la nuit du 31 décembre 2021 au 1er janvier 2022",
			en: "during the night of 31 December 2021 to 1 January 2022",
			de: "in der Nacht vom 31. Dezember 2021 auf den 1. Januar 2022",
			ru: "в ночь с 31 декабря 2021 г. на 1 января 2022 г."}},
		{"open", model.DateSpan{Start: date(2022, 1, 10), Open: true}, model.PrecisionDerived, byLang{
			fr: "depuis le lundi 10 janvier 2022", en: "since Monday 10 January 2022", de: "seit Montag, dem 10. Januar 2022",
			ru: "с 10 января 2022 г. (понедельник)"}},
		{"open from the first", model.DateSpan{Start: date(2022, 2, 1), Open: true}, model.PrecisionSpan, byLang{
			fr: "depuis le mardi 1er février 2022", en: "since Tuesday 1 February 2022", de: "seit Dienstag, dem 1. Februar 2022"}},
		{"range", span(date(2022, 1, 13), date(2022, 1, 19)), model.PrecisionDerived, byLang{
			fr: "du 13 au 19 janvier 2022", en: "from 13 to 19 January 2022", de: "vom 13. bis 19. Januar 2022",
			ru: "с 13 по 19 января 2022 г."}},
		{"range from the first", span(date(2022, 1, 1), date(2022, 1, 5)), model.PrecisionSpan, byLang{
			fr: "du 1er au 5 janvier 2022", en: "from 1 to 5 January 2022", de: "vom 1. bis 5. Januar 2022"}},
		{"range across months", span(date(2022, 1, 28), date(2022, 2, 3)), model.PrecisionSpan, byLang{
			fr: "du 28 janvier au 3 février 2022", en: "from 28 January to 3 February 2022", de: "vom 28. Januar bis 3. Februar 2022",
			ru: "с 28 января по 3 февраля 2022 г."}},
		{"range across years", span(date(2021, 12, 28), date(2022, 1, 3)), model.PrecisionSpan, byLang{
			fr: "du 28 décembre 2021 au 3 janvier 2022", en: "from 28 December 2021 to 3 January 2022",
			de: "vom 28. Dezember 2021 bis 3. Januar 2022"}},
		{"approximate day", date(2022, 1, 7).Span(), model.PrecisionApprox, byLang{
			fr: "vers le 7 janvier 2022", en: "around 7 January 2022", de: "um den 7. Januar 2022", ru: "около 7 января 2022 г."}},
		{"approximate range", span(date(2022, 1, 13), date(2022, 1, 19)), model.PrecisionApprox, byLang{
			fr: "approximativement du 13 au 19 janvier 2022", en: "roughly from 13 to 19 January 2022",
			de: "etwa vom 13. bis 19. Januar 2022"}},
		{"zero", model.DateSpan{}, model.PrecisionDay, byLang{fr: "", en: "", de: ""}},
	}
	for _, tt := range tests {
		for tag, l := range localesFor(t, tt.want) {
			got, err := l.Span(tt.span, tt.prec)
			if want := tt.want[tag]; got != want || err != nil {
				t.Errorf("%s: %s: Span(%v, %v) = %q, %v; want %q", tag, tt.name, tt.span, tt.prec, got, err, want)
			}
		}
	}
}

func TestSpanErrors(t *testing.T) {
	l := mustNew(t, fr)
	tests := []struct {
		span model.DateSpan
		prec model.DatePrecision
		want string
	}{
		{date(2022, 1, 1).Span(), model.DatePrecision(9), "locales: date precision 9: invalid value"},
		{span(date(2022, 1, 5), date(2022, 1, 4)), model.PrecisionSpan, `locales: date span "2022-01-05/2022-01-04": invalid value`},
		{span(date(2022, 2, 30), date(2022, 3, 4)), model.PrecisionSpan, `locales: date span "2022-02-30/2022-03-04": invalid value`},
	}
	for _, tt := range tests {
		got, err := l.Span(tt.span, tt.prec)
		if got != "" || errString(err) != tt.want {
			t.Errorf("Span(%v, %v) = %q, %v; want error %s", tt.span, tt.prec, got, err, tt.want)
		}
	}
}

func TestTime(t *testing.T) {
	tests := []struct {
		time model.TimeSpan
		want byLang
	}{
		{model.At(10, 0), byLang{fr: "10" + nbsp + "h", en: "10:00", de: "10 Uhr", ru: "10:00"}},
		{model.At(9, 5), byLang{fr: "9" + nbsp + "h" + nbsp + "05", en: "09:05", de: "9:05 Uhr", ru: "9:05"}},
		{model.At(0, 0), byLang{fr: "0" + nbsp + "h", en: "00:00", de: "0 Uhr", ru: "0:00"}},
		{model.At(23, 59), byLang{fr: "23" + nbsp + "h" + nbsp + "59", en: "23:59", de: "23:59 Uhr"}},
		{model.TimeSpan{Start: model.Clock{Hour: 15}, End: model.Clock{Hour: 17}}, byLang{
			fr: "15" + nbsp + "h" + nbsp + "– 17" + nbsp + "h", en: "15:00–17:00", de: "15 Uhr bis 17 Uhr", ru: "15:00–17:00"}},
		{model.TimeSpan{Start: model.Clock{Hour: 22, Minute: 30}, End: model.Clock{Hour: 2}}, byLang{
			fr: "22" + nbsp + "h" + nbsp + "30" + nbsp + "– 2" + nbsp + "h", en: "22:30–02:00", de: "22:30 Uhr bis 2 Uhr"}},
	}
	for _, tt := range tests {
		for tag, l := range localesFor(t, tt.want) {
			if got, want := l.Time(tt.time), tt.want[tag]; got != want {
				t.Errorf("%s: Time(%v) = %q; want %q", tag, tt.time, got, want)
			}
		}
	}
}
