package model

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Decode reads one dossier in JSON from r. Decoding is strict: unknown
// fields, duplicate keys, values of the wrong type, malformed dates and enum
// names, and trailing data are errors. The error is a *DecodeError that says
// where (line, column and JSON path) and wraps a sentinel (ErrSyntax,
// ErrUnknownField, ErrDuplicateKey, ErrType, ErrInvalidValue, ErrFormat,
// or ErrTooLarge for input over MaxInputSize bytes or nested more than
// MaxDepth levels deep).
//
// Decode reads r as a stream, in one pass: the memory it needs is that of
// the dossier it returns, not of its JSON. It does not validate references
// or content; call Validate for that.
func Decode(r io.Reader) (*Dossier, error) {
	if r == nil {
		return nil, fmt.Errorf("model: reading dossier: %w: nil reader", ErrMissing)
	}
	return decode(r, maxInputSize)
}

// Unmarshal is Decode for a dossier already in memory.
func Unmarshal(data []byte) (*Dossier, error) {
	if int64(len(data)) > maxInputSize {
		return nil, &DecodeError{Err: tooLarge(int64(len(data)), maxInputSize)}
	}
	return decode(bytes.NewReader(data), maxInputSize)
}

// errNull is the error for a null: the format has none.
var errNull = fmt.Errorf("%w: got null: write a value, or leave an optional field out", ErrType)

// tooLarge is the error for an input of n bytes when the limit is max,
// or of an unknown size over it when n is negative.
func tooLarge(n, max int64) error {
	if n < 0 {
		return fmt.Errorf("%w: more than the %d bytes (%s) a dossier may hold", ErrTooLarge, max, byteSize(max))
	}
	return fmt.Errorf("%w: %d bytes (%s), more than the %d (%s) a dossier may hold", ErrTooLarge, n, byteSize(n), max, byteSize(max))
}

// byteSize formats n as "812 bytes", "3.5 MiB" or "1 GiB".
func byteSize(n int64) string {
	if n < 1<<10 {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	v, unit := float64(n)/(1<<10), 0
	for v >= 1<<10 && unit < 3 {
		v /= 1 << 10
		unit++
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) + " " + [...]string{"KiB", "MiB", "GiB", "TiB"}[unit]
}

// Encode writes d to w as indented JSON that Decode reads back to an equal
// dossier. The output is deterministic: maps are written in key order.
//
// An empty Format is written as Format, so dossiers built in code need not
// set it. A nil dossier or writer is an error.
func Encode(w io.Writer, d *Dossier) error {
	if d == nil || w == nil {
		return fmt.Errorf("model: encoding dossier: %w: nil dossier or writer", ErrMissing)
	}
	if d.Format == "" {
		c := *d
		c.Format = Format
		d = &c
	}
	if d.file.len() > 0 {
		return encodeFigures(w, d)
	}
	b, err := marshalIndent(d, "")
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("model: writing dossier: %w", err)
	}
	return nil
}

// LoadFile reads, decodes and validates the dossier in the named file. A
// decoding problem is returned as the error (a *DecodeError naming the file,
// line and column). Validation problems are returned as Issues, located in
// the file; the dossier is returned with them, so callers decide what to do
// with warnings. Use Issues.Err to turn validation errors into an error.
//
// A file over MaxInputSize bytes is refused before it is read. LoadFile
// never holds the file in memory: it decodes it as a stream and, when
// there are issues, reads it a second time to locate them.
func LoadFile(name string) (*Dossier, Issues, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("model: %w", err)
	}
	defer f.Close()
	return load(f, name)
}

// load is LoadFile reading the open file f.
func load(f *os.File, name string) (*Dossier, Issues, error) {
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxInputSize {
		return nil, nil, &DecodeError{Pos: Position{File: name}, Err: tooLarge(fi.Size(), maxInputSize)}
	}
	d, err := decode(f, maxInputSize)
	if err != nil {
		setFile(err, name)
		return nil, nil, err
	}
	issues := Validate(d)
	if len(issues) > 0 {
		if _, err := f.Seek(0, io.SeekStart); err == nil {
			locate(f, name, issues)
		} else {
			for i := range issues {
				issues[i].Pos.File = name
			}
		}
	}
	return d, issues, nil
}

// decoder decodes a dossier from a scanner, checking as it goes what
// encoding/json would reject or silently accept (duplicate keys, case
// mismatches, fractions for integers), and says where.
type decoder struct {
	s    *scanner
	path []pathElem
	tags map[string]langKey // language keys already parsed
	strs map[string]string  // short strings already decoded

	formatAt mark // where the dossier's format is; zero when absent

	collect bool           // record problems and go on (see soft)
	errs    []*DecodeError // the problems recorded

	limit      *arrayLimit // of the array value about to be decoded
	statements int         // statements decoded so far (MaxStatements)

	file *figureFile // when set, figures are indexed, not kept (OpenFile)

	// share has equal Texts share one map, as figures read again from a
	// file do; texts holds those met, by their strings (see text).
	share   bool
	texts   map[string]Text
	textKey []byte
	spans   []textSpan
}

// textSpan is where a string of a Text is in decoder.textKey.
type textSpan struct {
	tag    language.Tag
	lo, hi int
}

// langKey is a parsed language key of a Text.
type langKey struct {
	tag  language.Tag
	name string // tag.String()
}

// pathElem is one step of a JSON path: a member's key, or an element's
// index when key is empty.
type pathElem struct {
	key   string
	index int
}

func decode(r io.Reader, max int64) (*Dossier, error) { return decodeWith(r, max, nil) }

// decodeWith is decode leaving the figures in file when it is not nil.
func decodeWith(r io.Reader, max int64, file *figureFile) (*Dossier, error) {
	d := &decoder{s: newScanner(r, max), tags: make(map[string]langKey), strs: make(map[string]string), file: file, collect: true}
	var dos Dossier
	if d.s.ensure(3); bytes.HasPrefix(d.s.buf[d.s.i:d.s.n], []byte("\uFEFF")) {
		return nil, d.fail(d.s.mark(), fmt.Errorf("%w: the text starts with a byte order mark (U+FEFF): save it as UTF-8 without one", ErrSyntax))
	}
	k, start, err := d.s.begin()
	if err != nil {
		return nil, d.scanErr(err)
	}
	if k != tokObject {
		return nil, d.fail(start, fmt.Errorf("%w: got %s, want an object", ErrType, k))
	}
	if err := d.value(reflect.ValueOf(&dos).Elem(), dossierInfo()); err != nil {
		return nil, d.all(err)
	}
	if err := d.s.end(); err != nil {
		return nil, d.all(d.scanErr(err))
	}
	if d.formatAt.line == 0 {
		return nil, d.all(&DecodeError{Pos: start.pos(), Path: "format", Err: fmt.Errorf("%w: no format given (want %q)", ErrFormat, Format)})
	}
	if len(d.errs) > 0 {
		return nil, d.all(nil)
	}
	return &dos, nil
}

// maxDecodeErrors is how many problems decoding reports before it stops.
const maxDecodeErrors = 100

// soft records err, a problem with the value of kind k at at, and skips
// that value when it is not consumed yet (skip), so that decoding goes on
// and reports every such problem at once: unknown fields, duplicate keys,
// wrong types, invalid values. It returns err itself when decoding must
// stop: when this decoder does not collect (it reads figures again), or
// after maxDecodeErrors problems.
func (d *decoder) soft(at mark, err error, k tokenKind, skip bool) error {
	de := d.fail(at, err)
	if !d.collect || len(d.errs) == maxDecodeErrors-1 {
		return de
	}
	d.errs = append(d.errs, de.(*DecodeError))
	if skip {
		return d.scanErr(d.s.skip(k, at))
	}
	return nil
}

// all returns the problems recorded and last, the one that stopped
// decoding (nil when none did): last alone when nothing was recorded, and
// otherwise DecodeErrors. A read error stands alone.
func (d *decoder) all(last error) error {
	var de *DecodeError
	if last != nil && !errors.As(last, &de) {
		return last
	}
	if len(d.errs) == 0 {
		return last
	}
	errs := d.errs
	if de != nil {
		errs = append(errs, de)
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return DecodeErrors(errs)
}

// pathString renders the current path: "chronology[3].entries[2].kind".
func (d *decoder) pathString() string {
	var b strings.Builder
	for _, e := range d.path {
		if e.key == "" {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(e.index))
			b.WriteByte(']')
			continue
		}
		if !plainKey(e.key) {
			// A key from the input: quoted, so that no control or bidi
			// character in it reaches the reader's terminal.
			b.WriteByte('[')
			b.WriteString(strconv.Quote(e.key))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(e.key)
	}
	return b.String()
}

// plainKey reports whether k can stand unquoted in a path: ASCII letters,
// digits, '-' and '_' (field names and language tags).
func plainKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return k != ""
}

func (d *decoder) fail(at mark, err error) error {
	return &DecodeError{Pos: at.pos(), Path: d.pathString(), Err: err}
}

// scanErr turns an error of the scanner into a *DecodeError at the
// current path; a read error is returned as such.
func (d *decoder) scanErr(err error) error {
	if err == nil {
		return nil
	}
	var se *scanError
	if !errors.As(err, &se) {
		return err
	}
	if se.read {
		return fmt.Errorf("model: reading dossier: %w", se.err)
	}
	return d.fail(se.at, se.err)
}

// push appends a key, or an index when key is empty, to the path; pop
// removes it.
func (d *decoder) push(key string, index int) { d.path = append(d.path, pathElem{key, index}) }
func (d *decoder) pop()                       { d.path = d.path[:len(d.path)-1] }

// value decodes the next JSON value into v, of the type ti describes.
func (d *decoder) value(v reflect.Value, ti *typeInfo) error {
	k, at, err := d.s.begin()
	if err != nil {
		return d.scanErr(err)
	}
	if k == tokNull {
		// encoding/json takes null as "absent" for some types and "no
		// change" for others; the format has no null, so that a value
		// is never lost without a word.
		return d.soft(at, errNull, k, true)
	}
	if ti.kind == kindPointer {
		if v.IsNil() {
			v.Set(reflect.New(ti.t.Elem()))
		}
		v, ti = v.Elem(), ti.elem
	}
	return d.elemValue(k, at, v, ti)
}

// elemValue decodes a value, not null, whose kind and start begin
// reported.
func (d *decoder) elemValue(k tokenKind, at mark, v reflect.Value, ti *typeInfo) error {
	want := func(kind string) error {
		return d.soft(at, fmt.Errorf("%w: got %s, want %s", ErrType, k, kind), k, true)
	}
	switch ti.kind {
	case kindUnmarshaler:
		if k != tokString {
			return want("a string")
		}
		b, err := d.s.str()
		if err != nil {
			return d.scanErr(err)
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(b); err != nil {
			return d.soft(at, err, k, false)
		}
	case kindStruct:
		if k != tokObject {
			return want("an object")
		}
		return d.object(at, v, ti)
	case kindText:
		if k != tokObject {
			return want("an object")
		}
		return d.text(at, v)
	case kindOutline:
		if k != tokObject {
			return want("an object")
		}
		return d.outline(at, v.Addr().Interface().(*Outline))
	case kindSlice:
		if k != tokArray {
			return want("an array")
		}
		return d.array(at, v, ti)
	case kindString:
		if k != tokString {
			return want("a string")
		}
		b, err := d.s.str()
		if err != nil {
			return d.scanErr(err)
		}
		v.SetString(d.intern(b))
	case kindBool:
		switch k {
		case tokTrue:
			v.SetBool(true)
			return d.scanErr(d.s.literal("true"))
		case tokFalse:
			v.SetBool(false)
			return d.scanErr(d.s.literal("false"))
		}
		return want("true or false")
	case kindInt:
		if k != tokNumber {
			return want("a number")
		}
		b, err := d.s.number()
		if err != nil {
			return d.scanErr(err)
		}
		n, err := strconv.ParseInt(string(b), 10, 64)
		if err != nil || v.OverflowInt(n) {
			return d.soft(at, fmt.Errorf("%w: %s is not a whole number in range", ErrInvalidValue, clip(string(b))), k, false)
		}
		v.SetInt(n)
	case kindFloat:
		if k != tokNumber {
			return want("a number")
		}
		b, err := d.s.number()
		if err != nil {
			return d.scanErr(err)
		}
		f, err := strconv.ParseFloat(string(b), 64)
		if err != nil {
			return d.soft(at, fmt.Errorf("%w: number %s out of range", ErrInvalidValue, clip(string(b))), k, false)
		}
		v.SetFloat(f)
	default:
		return d.fail(at, fmt.Errorf("%w: cannot decode into %s", ErrType, ti.t))
	}
	return nil
}

// object decodes the members of a struct.
func (d *decoder) object(at mark, v reflect.Value, ti *typeInfo) error {
	if err := d.s.open(at); err != nil {
		return d.scanErr(err)
	}
	var firstArr [64]mark
	first := firstArr[:]
	if len(ti.fields) > len(firstArr) {
		first = make([]mark, len(ti.fields))
	}
	next := 0 // members usually come in the order of the fields: try that one first
	for start := true; ; start = false {
		key, kat, more, err := d.member(start)
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
		var f *fieldInfo
		for j := next; j < len(ti.fields) && j < next+3; j++ {
			if ti.fields[j].name == string(key) {
				f = ti.fields[j]
				break
			}
		}
		if f == nil {
			f = ti.byName[string(key)]
		}
		if f == nil {
			k := clip(string(key))
			d.push(k, 0)
			if err := d.skipMember(kat, fmt.Errorf("%w %q", ErrUnknownField, k)); err != nil {
				return err
			}
			continue
		}
		d.push(f.name, 0)
		if p := first[f.ord]; p.line != 0 {
			if err := d.skipMember(kat, fmt.Errorf("%w %q (first at line %d, column %d)", ErrDuplicateKey, f.name, p.line, p.pos().Column)); err != nil {
				return err
			}
			continue
		}
		first[f.ord] = kat
		next = f.ord + 1
		fv := v.FieldByIndex(f.index)
		if ti == dossierInfo() && f.name == "format" {
			_, vat, err := d.s.begin()
			if err != nil {
				return d.scanErr(err)
			}
			if err := d.value(fv, f.info); err != nil {
				return err
			}
			d.formatAt = vat
			if got := fv.String(); got != Format {
				return d.fail(vat, fmt.Errorf("%w %q (want %q)", ErrFormat, clip(got), Format))
			}
		} else if d.file != nil && ti == dossierInfo() && f.name == "figures" {
			d.limit = f.limit
			if err := d.file.index(d); err != nil {
				return err
			}
		} else {
			d.limit = f.limit
			if err := d.value(fv, f.info); err != nil {
				return err
			}
		}
		d.limit = nil
		d.pop()
	}
}

// member reads the key of the next member of an object, after its '{'
// (start) or after a member, and reports false at the closing '}'. The
// key's bytes are valid until the next key.
func (d *decoder) member(start bool) ([]byte, mark, bool, error) {
	more, err := d.s.more(start, true)
	if err != nil || !more {
		return nil, mark{}, false, d.scanErr(err)
	}
	key, kat, err := d.s.key()
	if err != nil {
		return nil, kat, false, d.scanErr(err)
	}
	return key, kat, true, nil
}

// skipMember records err, a problem with the member whose key is at kat
// and whose value is next, skips the value and pops the member's key from
// the path; or returns err when decoding must stop.
func (d *decoder) skipMember(kat mark, err error) error {
	k, at, serr := d.s.begin()
	if serr != nil {
		return d.scanErr(serr)
	}
	if err := d.soft(kat, err, k, false); err != nil {
		return err
	}
	if err := d.scanErr(d.s.skip(k, at)); err != nil {
		return err
	}
	d.pop()
	return nil
}

// array decodes the elements of a slice.
func (d *decoder) array(at mark, v reflect.Value, ti *typeInfo) error {
	if err := d.s.open(at); err != nil {
		return d.scanErr(err)
	}
	lim := d.limit
	d.limit = nil
	// Elements go into cur, grown as append grows a slice up to
	// arrayChunk elements; a long array is then gathered in full chunks
	// and copied once into a slice of its length, so that decoding it
	// allocates about twice its size, not the five times that growing
	// one slice by a quarter at a time costs.
	cur := reflect.New(ti.t).Elem()
	var full []reflect.Value
	for i := 0; ; i++ {
		more, err := d.s.more(i == 0, false)
		if err != nil {
			return d.scanErr(err)
		}
		if !more {
			break
		}
		d.push("", i)
		if err := d.count(lim, i); err != nil {
			return err
		}
		n := cur.Len()
		if n == cur.Cap() {
			if n >= arrayChunk {
				full = append(full, cur)
				cur = reflect.New(ti.t).Elem()
				cur.Set(reflect.MakeSlice(ti.t, 0, arrayChunk))
				n = 0
			} else {
				cur.Grow(1)
			}
		}
		cur.SetLen(n + 1)
		if err := d.value(cur.Index(n), ti.elem); err != nil {
			return err
		}
		d.pop()
	}
	if full == nil {
		if cur.IsNil() {
			cur.Set(reflect.MakeSlice(ti.t, 0, 0))
		}
		v.Set(cur)
		return nil
	}
	total := cur.Len()
	for _, c := range full {
		total += c.Len()
	}
	out := reflect.MakeSlice(ti.t, total, total)
	k := 0
	for _, c := range append(full, cur) {
		k += reflect.Copy(out.Slice(k, total), c)
	}
	v.Set(out)
	return nil
}

// arrayChunk is the most elements array grows one slice to before it
// gathers a long array in chunks.
const arrayChunk = 1024

// count checks that the array whose element i is next, whose limit is
// lim (nil for none), may hold it.
func (d *decoder) count(lim *arrayLimit, i int) error {
	switch {
	case lim == nil:
	case lim.statements:
		if d.statements++; d.statements > MaxStatements {
			return d.fail(d.s.mark(), fmt.Errorf("%w: more than the %d statements (entries, background, notes and paragraphs) a dossier may hold", ErrTooLarge, MaxStatements))
		}
	case i >= lim.max:
		return d.fail(d.s.mark(), fmt.Errorf("%w: more than the %d %s may hold", ErrTooLarge, lim.max, lim.what))
	}
	return nil
}

// text decodes a Text: an object of strings keyed by language tag.
func (d *decoder) text(at mark, v reflect.Value) error {
	if err := d.s.open(at); err != nil {
		return d.scanErr(err)
	}
	// Sharing, the strings are gathered in d.textKey, "fr\x00…\x00en\x00…\x00",
	// and t is made only when no earlier Text had them; otherwise, and
	// for a Text of many languages, t is built as the keys come.
	var t Text
	if !d.share {
		t = make(Text, 2)
	}
	key, spans := d.textKey[:0], d.spans[:0]
	type keyAt struct {
		tag language.Tag
		at  mark
	}
	var firstArr [4]keyAt
	first := firstArr[:0]
	for start := true; ; start = false {
		k, kat, more, err := d.member(start)
		if err != nil {
			return err
		}
		if !more {
			break
		}
		lk, ok := d.tags[string(k)]
		if !ok {
			ks := string(k)
			if err := lk.tag.UnmarshalText(k); err != nil {
				d.push(clip(ks), 0)
				if err := d.skipMember(kat, fmt.Errorf("%w: key %q: %v", ErrInvalidValue, clip(ks), err)); err != nil {
					return err
				}
				continue
			}
			lk.name = lk.tag.String()
			if len(d.tags) < 1000 {
				d.tags[ks] = lk
			}
		}
		tag := lk.tag
		d.push(lk.name, 0)
		dup := false
		if t != nil {
			_, dup = t[tag]
		} else {
			for _, f := range first {
				dup = dup || f.tag == tag
			}
		}
		if dup {
			var f keyAt
			for _, f = range first {
				if f.tag == tag {
					break
				}
			}
			if err := d.skipMember(kat, fmt.Errorf("%w %q (first at line %d, column %d)", ErrDuplicateKey, clip(string(k)), f.at.line, f.at.pos().Column)); err != nil {
				return err
			}
			continue
		}
		if len(first) == MaxLanguages {
			return d.fail(kat, fmt.Errorf("%w: more than the %d languages a text may hold", ErrTooLarge, MaxLanguages))
		}
		first = append(first, keyAt{tag, kat})
		vk, vat, err := d.s.begin()
		if err != nil {
			return d.scanErr(err)
		}
		if vk != tokString {
			err := fmt.Errorf("%w: got %s, want a string", ErrType, vk)
			if vk == tokNull {
				err = errNull
			}
			if err := d.soft(vat, err, vk, true); err != nil {
				return err
			}
			d.pop()
			continue
		}
		b, err := d.s.str()
		if err != nil {
			return d.scanErr(err)
		}
		if t == nil && len(spans) < 8 {
			key = append(append(key, lk.name...), 0)
			spans = append(spans, textSpan{tag, len(key), len(key) + len(b)})
			key = append(append(key, b...), 0)
		} else {
			if t == nil {
				t = make(Text, len(spans)+1)
				for _, sp := range spans {
					t[sp.tag] = d.intern(key[sp.lo:sp.hi])
				}
			}
			t[tag] = d.intern(b)
		}
		d.pop()
	}
	if t == nil {
		if c, ok := d.texts[string(key)]; ok {
			t = c
		} else {
			t = make(Text, len(spans))
			for _, sp := range spans {
				t[sp.tag] = d.intern(key[sp.lo:sp.hi])
			}
			if d.texts == nil || len(d.texts) >= 1<<12 {
				d.texts = make(map[string]Text)
			}
			d.texts[string(key)] = t
		}
	}
	d.textKey, d.spans = key[:0], spans[:0]
	*v.Addr().Interface().(*Text) = t
	return nil
}

// intern returns b as a string, sharing the memory of short strings met
// before: ids cited again and again, the names of claimants and outlets.
func (d *decoder) intern(b []byte) string {
	if len(b) > 64 {
		return string(b)
	}
	if s, ok := d.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.strs) < 1<<16 {
		d.strs[s] = s
	}
	return s
}

// clip shortens a value quoted in an error message to its first 64
// bytes or so, so that hostile input cannot make messages huge.
func clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// typeInfo says how to decode a Go type of the dossier.
type typeInfo struct {
	t      reflect.Type
	kind   typeKind
	elem   *typeInfo             // of a slice or pointer
	fields []*fieldInfo          // of a struct, in declaration order
	byName map[string]*fieldInfo // of a struct, by JSON name
}

type typeKind uint8

const (
	kindUnsupported typeKind = iota
	kindUnmarshaler          // decoded from a string by UnmarshalText
	kindText                 // model.Text
	kindStruct
	kindSlice
	kindPointer
	kindString
	kindBool
	kindInt
	kindFloat
	kindOutline // model.Outline, a GeoJSON geometry
)

type fieldInfo struct {
	name  string // JSON name
	index []int  // for reflect.Value.FieldByIndex
	ord   int    // position among the struct's JSON fields
	info  *typeInfo
	limit *arrayLimit // of an array field with a limit
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// dossierInfo describes Dossier and every type within it.
var dossierInfo = sync.OnceValue(func() *typeInfo {
	return infoOf(reflect.TypeFor[Dossier](), map[reflect.Type]*typeInfo{})
})

func infoOf(t reflect.Type, seen map[reflect.Type]*typeInfo) *typeInfo {
	if ti, ok := seen[t]; ok {
		return ti
	}
	ti := &typeInfo{t: t}
	seen[t] = ti
	switch {
	case t == reflect.TypeFor[Text]():
		ti.kind = kindText
	case t == reflect.TypeFor[Outline]():
		ti.kind = kindOutline
	case t.Kind() == reflect.Pointer:
		ti.kind, ti.elem = kindPointer, infoOf(t.Elem(), seen)
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		ti.kind = kindUnmarshaler
	case t.Kind() == reflect.Struct:
		ti.kind = kindStruct
		ti.byName = map[string]*fieldInfo{}
		addFields(ti, t, nil, seen)
	case t.Kind() == reflect.Slice:
		ti.kind, ti.elem = kindSlice, infoOf(t.Elem(), seen)
	case t.Kind() == reflect.String:
		ti.kind = kindString
	case t.Kind() == reflect.Bool:
		ti.kind = kindBool
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		ti.kind = kindInt
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		ti.kind = kindFloat
	}
	return ti
}

// addFields adds the JSON fields of struct t, looking into embedded
// structs as encoding/json does (exact names only: the format is
// case-sensitive, unlike encoding/json).
func addFields(ti *typeInfo, t reflect.Type, index []int, seen map[reflect.Type]*typeInfo) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		idx := append(append([]int(nil), index...), i)
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			addFields(ti, f.Type, idx, seen)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := ti.byName[name]; dup {
			continue
		}
		fi := &fieldInfo{name: name, index: idx, ord: len(ti.fields), info: infoOf(f.Type, seen)}
		if l, ok := arrayLimits[t.Name()+"."+name]; ok {
			fi.limit = &l
		}
		ti.fields = append(ti.fields, fi)
		ti.byName[name] = fi
	}
}
