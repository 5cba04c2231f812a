package locales

import (
	"math"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/model"
)

// Number returns v with the locale's separators: "12 000" and "0,12" in
// French (thousands grouped with a narrow no-break space, U+202F), "12,000"
// and "0.12" in English. It prints as many decimals as v needs and no
// more: 1.5 is "1,5", 2 is "2". NaN and infinities print as Go prints them.
func (l *Locale) Number(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	if v == 0 {
		v = 0 // no "-0"
	}
	return l.digits(strconv.FormatFloat(v, 'f', -1, 64))
}

// Int returns n with the locale's thousands separator: "4 578" in French
// (U+202F), "4,578" in English.
func (l *Locale) Int(n int) string { return l.digits(strconv.Itoa(n)) }

// digits regroups a number printed by strconv ("-12000.5").
func (l *Locale) digits(s string) string {
	if !l.usable() {
		return s
	}
	var b strings.Builder
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		b.WriteByte('-')
		s = rest
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(l.f.group)
		}
		b.WriteByte(whole[i])
	}
	if hasFrac {
		b.WriteString(l.f.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Figure returns a figure as running text reads it, given its qualifier:
//
//	Exact      12 000                   12,000
//	About      environ 12 000           about 12,000
//	AtLeast    au moins 12 000          at least 12,000
//	MoreThan   plus de 2 300            more than 2,300
//	Nearly     près de 12 000           nearly 12,000
//	AtMost     au plus 12 000           at most 12,000
//	Range      entre 14 et 17           between 14 and 17
//	Dozens     des dizaines             dozens
//	Hundreds   des centaines            hundreds
//	Thousands  des milliers             thousands
//
// Range prints low and high; the words ignore the numbers; the others print
// value. A qualifier the model does not define is an error wrapping
// ErrInvalidValue.
func (l *Locale) Figure(q model.Qualifier, value, low, high float64) (string, error) {
	id, err := phraseID(q)
	if err != nil {
		return "", err
	}
	var data map[string]any
	switch {
	case q == model.Range:
		data = map[string]any{"Low": l.Number(low), "High": l.Number(high)}
	case !q.IsWord():
		data = map[string]any{"Value": l.Number(value)}
	}
	return l.localize(id, data, nil)
}
