// Package fuzzdossier turns the bytes a fuzzer mutates into edits of a
// dossier: replace a text, shift a date, change a figure, drop, copy or
// swap list items, point a reference at another id. Fuzz targets
// downstream of the decoder (validation, the report builder, the
// renderers) start from a committed dossier and apply these edits, so that
// their inputs decode, and mostly validate, instead of failing in the
// JSON parser.
//
// Edits reach every field through reflection, so a field added to the
// model is fuzzed without changes here.
package fuzzdossier

import (
	"bytes"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// Edit kinds, the first byte of each edit.
const (
	opSet    = iota // set a value: a text, number, date, enum, flag
	opDelete        // remove an item from a list
	opCopy          // append a copy of an item to its list
	opSwap          // swap two items of a list
	opRefer         // give an id or reference the value of another of its type
	numOps
)

// maxItems bounds how long copies can make a list, so that a few bytes of
// input cannot ask for unbounded work.
const maxItems = 256

// maxRepeat bounds the length of a repeated text: enough to pass the
// longest limit of package model, model.MaxTextRunes characters.
const maxRepeat = 4 * model.MaxTextRunes

// Apply edits d as ops says, putting text wherever an edit sets a text.
// Each edit is an opcode byte, two bytes that choose a value of d (among
// all its fields, list items and list elements, in document order) and
// one or two argument bytes; missing bytes read as zero. Apply never
// fails: an edit that does not fit the value it chose is skipped.
func Apply(d *model.Dossier, ops []byte, text string) {
	r := &reader{b: ops}
	var vals []reflect.Value
	for r.more() {
		op := r.byte() % numOps
		if vals == nil {
			vals = collect(d)
		}
		v := vals[int(r.uint16())%len(vals)]
		a, b := r.byte(), r.byte()
		if op != opSet && op != opRefer || v.Kind() == reflect.Slice || v.Kind() == reflect.Pointer {
			vals = nil // the shape of d changes: collect again
		}
		switch op {
		case opSet:
			set(v, a, b, text, d)
		case opDelete:
			if v.Kind() == reflect.Slice && v.Len() > 0 {
				i := int(a) % v.Len()
				reflect.Copy(v.Slice(i, v.Len()), v.Slice(i+1, v.Len()))
				v.SetLen(v.Len() - 1)
			}
		case opCopy:
			if v.Kind() == reflect.Slice && v.Len() > 0 && v.Len() < maxItems {
				v.Set(reflect.Append(v, deepCopy(v.Index(int(a)%v.Len()))))
			}
		case opSwap:
			if v.Kind() == reflect.Slice && v.Len() > 1 {
				i, j := int(a)%v.Len(), int(b)%v.Len()
				x, y := deepCopy(v.Index(i)), deepCopy(v.Index(j))
				v.Index(i).Set(y)
				v.Index(j).Set(x)
			}
		case opRefer:
			if v.Kind() == reflect.String {
				var same []reflect.Value
				for _, w := range vals {
					if w.Type() == v.Type() && w.String() != "" {
						same = append(same, w)
					}
				}
				if len(same) > 0 {
					v.SetString(same[int(a)%len(same)].String())
				}
			}
		}
	}
}

type reader struct {
	b []byte
	i int
}

func (r *reader) more() bool { return r.i < len(r.b) }

func (r *reader) byte() byte {
	if r.i >= len(r.b) {
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *reader) uint16() uint16 { return uint16(r.byte())<<8 | uint16(r.byte()) }

var (
	textType     = reflect.TypeFor[model.Text]()
	dateType     = reflect.TypeFor[model.Date]()
	spanType     = reflect.TypeFor[model.DateSpan]()
	timeSpanType = reflect.TypeFor[model.TimeSpan]()
	refType      = reflect.TypeFor[model.Ref]()
	tagType      = reflect.TypeFor[language.Tag]()
)

// collect lists the settable values of d in document order: every field,
// list and list element, not descending into values that set treats as
// a whole (texts, dates, references, language tags).
func collect(d *model.Dossier) []reflect.Value {
	var out []reflect.Value
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		out = append(out, v)
		switch v.Type() {
		case textType, dateType, spanType, timeSpanType, refType, tagType:
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(d).Elem())
	return out
}

// numbers are values worth trying in a float field.
var numbers = []float64{0, 1, 0.5, 2, 19, 227, 1e3, 1e6 + 0.25, 999_999_999, model.MaxFigureValue, model.MaxFigureValue * 10, -1, 1e-9, math.MaxFloat64, math.Inf(1), math.NaN()}

// tags are the language tags set may choose.
var tags = []language.Tag{language.French, language.English, language.Russian, language.Kazakh, language.Und, language.MustParse("fr-CA")}

// set changes v according to a and b, using text for texts and d's
// languages for Text keys.
func set(v reflect.Value, a, b byte, text string, d *model.Dossier) {
	switch v.Type() {
	case textType:
		t := model.Text{}
		for tag, s := range v.Interface().(model.Text) {
			t[tag] = s
		}
		var tag language.Tag
		if len(d.Languages) > 0 && a%8 < 6 {
			tag = d.Languages[int(a)%len(d.Languages)]
		} else {
			tag = tags[int(a)%len(tags)]
		}
		if b%8 == 7 {
			delete(t, tag)
		} else {
			t[tag] = str(t[tag], b, text)
		}
		v.Set(reflect.ValueOf(t))
		return
	case dateType:
		v.Set(reflect.ValueOf(date(v.Interface().(model.Date), a, b)))
		return
	case spanType:
		s := v.Interface().(model.DateSpan)
		switch a % 4 {
		case 0:
			s.Start = date(s.Start, b, 1)
		case 1:
			s.End = date(s.End, b, 1)
		case 2:
			s.Open, s.End = !s.Open, model.Date{}
		default:
			s = model.DateSpan{}
		}
		v.Set(reflect.ValueOf(s))
		return
	case timeSpanType:
		v.Set(reflect.ValueOf(model.TimeSpan{Start: model.Clock{Hour: int(a % 26), Minute: int(b % 61)}, End: model.Clock{Hour: int(a / 10 % 26), Minute: int(b / 4 % 61)}}))
		return
	case refType:
		r := v.Interface().(model.Ref)
		r.Kind = model.RefKind(a % 7)
		v.Set(reflect.ValueOf(r))
		return
	case tagType:
		v.Set(reflect.ValueOf(tags[int(a)%len(tags)]))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(str(v.String(), a, text))
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int:
		v.SetInt(int64(int8(a)))
	case reflect.Uint8:
		v.SetUint(uint64(a % 20))
	case reflect.Float64:
		if a%2 == 0 {
			v.SetFloat(numbers[int(b)%len(numbers)])
		} else {
			v.SetFloat(float64(uint16(a)<<8|uint16(b)) / float64(1+int(a%3)*9))
		}
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		} else {
			v.SetZero()
		}
	case reflect.Slice:
		if v.Len() > 0 {
			v.SetLen(int(a) % v.Len())
		}
	}
}

// str returns a new value for the string s: text, text repeated, s with
// a suffix (to make a copied id unique again), or nothing.
func str(s string, a byte, text string) string {
	switch a % 5 {
	case 0:
		return text
	case 1:
		if text == "" {
			return ""
		}
		return strings.Repeat(text, min(1+int(a)*64, maxRepeat/len(text)+1))
	case 2:
		return s + "-" + strconv.Itoa(int(a))
	case 3:
		return s + text
	}
	return ""
}

// date moves d by a signed number of days, or by years, or clears it.
func date(d model.Date, a, b byte) model.Date {
	if d.IsZero() {
		d = model.Date{Year: 2022, Month: 1, Day: 1}
	}
	switch b % 4 {
	case 0:
		return d.AddDays(int(int8(a)))
	case 1:
		return model.Date{Year: d.Year + int(int8(a))%5, Month: d.Month, Day: d.Day}
	case 2:
		return model.Date{}
	}
	return d.AddDays(int(a) * 30)
}

// deepCopy returns a copy of v that shares no slices, maps or pointers
// with it, so that editing one does not edit the other.
func deepCopy(v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			p := reflect.New(v.Type().Elem())
			p.Elem().Set(deepCopy(v.Elem()))
			c.Set(p)
		}
	case reflect.Struct:
		c.Set(v)
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
	case reflect.Slice:
		if !v.IsNil() {
			s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			for i := range v.Len() {
				s.Index(i).Set(deepCopy(v.Index(i)))
			}
			c.Set(s)
		}
	case reflect.Map:
		if !v.IsNil() {
			m := reflect.MakeMapWithSize(v.Type(), v.Len())
			for it := v.MapRange(); it.Next(); {
				m.SetMapIndex(it.Key(), deepCopy(it.Value()))
			}
			c.Set(m)
		}
	default:
		c.Set(v)
	}
	return c
}

// Bases returns the JSON text of small valid dossiers to start from:
// synthetic ones with a few entries and figures, every kind of content,
// Russian and Kazakh titles, sections, notes and errata. Fuzz targets add
// the committed dossiers of their own tests.
func Bases() ([][]byte, error) {
	var out [][]byte
	for _, opt := range []synth.Options{
		{Entries: 3, Figures: 4, Sources: 8, Places: 3, Seed: 1},
		{Entries: 10, Figures: 16, Sources: 12, Places: 10, Seed: 2},
	} {
		var buf bytes.Buffer
		if err := synth.WriteJSON(&buf, opt); err != nil {
			return nil, err
		}
		out = append(out, buf.Bytes())
	}
	return out, nil
}

// Pick chooses the dossier a fuzz target edits: one of the first of
// bases for most values of n, and the last, which should be the largest
// and slowest, for one value in thirty-two.
func Pick(n uint8, bases [][]byte) []byte {
	if n >= 248 || len(bases) == 1 {
		return bases[len(bases)-1]
	}
	return bases[int(n)%(len(bases)-1)]
}
