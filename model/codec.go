package model

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"
)

// Decode reads one dossier in JSON from r. Decoding is strict: unknown
// fields, duplicate keys, values of the wrong type, malformed dates and enum
// names, and trailing data are errors. The error is a *DecodeError that says
// where (line, column and JSON path) and wraps a sentinel (ErrSyntax,
// ErrUnknownField, ErrDuplicateKey, ErrType, ErrInvalidValue, ErrFormat).
//
// Decode does not validate references or content; call Validate for that.
func Decode(r io.Reader) (*Dossier, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("model: reading dossier: %w", err)
	}
	return Unmarshal(data)
}

// Unmarshal is Decode for a dossier already in memory.
func Unmarshal(data []byte) (*Dossier, error) {
	if err := check(data); err != nil {
		return nil, err
	}
	var d Dossier
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		// check accepts everything encoding/json rejects, so this is a bug
		// in check; report it with what position encoding/json gives.
		return nil, &DecodeError{Pos: position(data, dec.InputOffset()), Err: fmt.Errorf("%w: %v", ErrInvalidValue, err)}
	}
	if d.Format != Format {
		pos := Position{}
		if off, ok := locatePath(data, "format"); ok {
			pos = position(data, off)
		}
		return nil, &DecodeError{Pos: pos, Path: "format", Err: fmt.Errorf("%w %q (want %q)", ErrFormat, d.Format, Format)}
	}
	return &d, nil
}

// Encode writes d to w as indented JSON that Decode reads back to an equal
// dossier. The output is deterministic: maps are written in key order.
//
// An empty Format is written as Format, so dossiers built in code need not
// set it.
func Encode(w io.Writer, d *Dossier) error {
	if d.Format == "" {
		c := *d
		c.Format = Format
		d = &c
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("model: encoding dossier: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("model: writing dossier: %w", err)
	}
	return nil
}

// LoadFile reads, decodes and validates the dossier in the named file. A
// decoding problem is returned as the error (a *DecodeError naming the file,
// line and column). Validation problems are returned as Issues, located in
// the file; the dossier is returned with them, so callers decide what to do
// with warnings. Use Issues.Err to turn validation errors into an error.
func LoadFile(name string) (*Dossier, Issues, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, fmt.Errorf("model: %w", err)
	}
	d, err := Unmarshal(data)
	if err != nil {
		var de *DecodeError
		if errors.As(err, &de) {
			de.Pos.File = name
		}
		return nil, nil, err
	}
	issues := Validate(d)
	Locate(data, name, issues)
	return d, issues, nil
}

// position converts a byte offset into a line and column.
func position(data []byte, off int64) Position {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return Position{Line: line, Column: col, Offset: off}
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// checker walks the JSON tokens of a dossier together with the Go type they
// decode into, and reports the first thing encoding/json would reject or
// silently accept (duplicate keys) with its position and path.
type checker struct {
	data []byte
	dec  *json.Decoder
}

func check(data []byte) error {
	c := &checker{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	c.dec.UseNumber()
	if err := c.value(reflect.TypeFor[Dossier](), ""); err != nil {
		return err
	}
	if off, ok := c.next(); ok {
		return c.fail(off, "", fmt.Errorf("%w: data after the dossier's closing brace", ErrSyntax))
	}
	return nil
}

// next returns the offset where the next token starts, skipping white space
// and separators, and false at the end of input.
func (c *checker) next() (int64, bool) {
	off := c.dec.InputOffset()
	for off < int64(len(c.data)) {
		switch c.data[off] {
		case ' ', '\t', '\n', '\r', ':', ',':
			off++
		default:
			return off, true
		}
	}
	return off, false
}

func (c *checker) fail(off int64, path string, err error) error {
	return &DecodeError{Pos: position(c.data, off), Path: path, Err: err}
}

func (c *checker) token(path string) (json.Token, int64, error) {
	off, _ := c.next()
	tok, err := c.dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		}
		return nil, off, c.fail(off, path, fmt.Errorf("%w: %v", ErrSyntax, err))
	}
	return tok, off, nil
}

func jsonKind(tok json.Token) string {
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '{' {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

func (c *checker) value(t reflect.Type, path string) error {
	tok, off, err := c.token(path)
	if err != nil {
		return err
	}
	if tok == nil {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			return nil
		}
		return c.fail(off, path, fmt.Errorf("%w: null where a value is required", ErrType))
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		s, ok := tok.(string)
		if !ok {
			return c.fail(off, path, fmt.Errorf("%w: got %s, want a string", ErrType, jsonKind(tok)))
		}
		v := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		if err := v.UnmarshalText([]byte(s)); err != nil {
			return c.fail(off, path, err)
		}
		return nil
	}
	want := func(kind string) error {
		return c.fail(off, path, fmt.Errorf("%w: got %s, want %s", ErrType, jsonKind(tok), kind))
	}
	switch t.Kind() {
	case reflect.Struct:
		if tok != json.Delim('{') {
			return want("an object")
		}
		return c.object(off, path, func(key string, koff int64) (reflect.Type, error) {
			ft, ok := fieldType(t, key)
			if !ok {
				return nil, c.fail(koff, join(path, key), fmt.Errorf("%w %q", ErrUnknownField, key))
			}
			return ft, nil
		})
	case reflect.Map:
		if tok != json.Delim('{') {
			return want("an object")
		}
		kt := t.Key()
		return c.object(off, path, func(key string, koff int64) (reflect.Type, error) {
			if reflect.PointerTo(kt).Implements(textUnmarshaler) {
				v := reflect.New(kt).Interface().(encoding.TextUnmarshaler)
				if err := v.UnmarshalText([]byte(key)); err != nil {
					return nil, c.fail(koff, join(path, key), fmt.Errorf("%w: key %q: %v", ErrInvalidValue, key, err))
				}
			}
			return t.Elem(), nil
		})
	case reflect.Slice:
		if tok != json.Delim('[') {
			return want("an array")
		}
		for i := 0; c.dec.More(); i++ {
			if err := c.value(t.Elem(), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		_, _, err := c.token(path)
		return err
	case reflect.String:
		if _, ok := tok.(string); !ok {
			return want("a string")
		}
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			return want("true or false")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := tok.(json.Number)
		if !ok {
			return want("a number")
		}
		v, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || reflect.Zero(t).OverflowInt(v) {
			return c.fail(off, path, fmt.Errorf("%w: %s is not a whole number in range", ErrInvalidValue, n))
		}
	case reflect.Float64, reflect.Float32:
		n, ok := tok.(json.Number)
		if !ok {
			return want("a number")
		}
		if _, err := strconv.ParseFloat(string(n), 64); err != nil {
			return c.fail(off, path, fmt.Errorf("%w: number %s out of range", ErrInvalidValue, n))
		}
	default:
		return c.fail(off, path, fmt.Errorf("%w: cannot decode into %s", ErrType, t))
	}
	return nil
}

// object reads the members of an object whose '{' was just read, asking
// field for the type of each member.
func (c *checker) object(start int64, path string, field func(key string, off int64) (reflect.Type, error)) error {
	seen := make(map[string]int64)
	for c.dec.More() {
		tok, koff, err := c.token(path)
		if err != nil {
			return err
		}
		key := tok.(string) // json.Decoder guarantees object keys are strings
		if first, dup := seen[key]; dup {
			p := position(c.data, first)
			return c.fail(koff, join(path, key), fmt.Errorf("%w %q (first at line %d, column %d)", ErrDuplicateKey, key, p.Line, p.Column))
		}
		seen[key] = koff
		ft, err := field(key, koff)
		if err != nil {
			return err
		}
		if err := c.value(ft, join(path, key)); err != nil {
			return err
		}
	}
	_, _, err := c.token(path)
	return err
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldType returns the type of the field of struct t that JSON key names,
// looking into embedded structs as encoding/json does (exact name only:
// the format is case-sensitive, unlike encoding/json).
func fieldType(t reflect.Type, key string) (reflect.Type, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			if ft, ok := fieldType(f.Type, key); ok {
				return ft, true
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return f.Type, true
		}
	}
	return nil, false
}
