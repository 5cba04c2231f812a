package synth

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// WriteJSON writes the dossier opt describes to w as JSON, byte for byte
// as model.Encode writes Dossier(opt), without building it: it generates
// and writes one day, entry, place, source or block of figures at a time,
// so memory stays flat however large the dossier.
func WriteJSON(w io.Writer, opt Options) error {
	g, err := newGen(opt)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	j := &jsonWriter{w: bw}

	arrays := map[string]array{
		"chronology": {len(g.headings), func(i, depth int) error {
			h := &g.headings[i]
			day := g.day(h)
			return j.object(depth, reflect.ValueOf(&day).Elem(), map[string]array{
				"entries": {h.count, func(s, depth int) error {
					e := g.entry(h, s)
					return j.value(depth, &e)
				}},
			})
		}},
		"places": {g.sz.places(), func(i, depth int) error {
			p := g.place(i).Place
			return j.value(depth, &p)
		}},
		"sources": {g.sz.sources, func(i, depth int) error {
			s := g.source(i)
			return j.value(depth, &s)
		}},
	}
	if g.sz.figures > 0 { // else the empty Figures of the front is omitted
		var blk []figInfo
		arrays["figures"] = array{g.sz.figures, func(i, depth int) error {
			if i%figBlock == 0 {
				blk = g.figureBlock(i / figBlock)
			}
			return j.value(depth, &blk[i%figBlock].Figure)
		}}
	}

	front := g.front()
	if err := j.object(0, reflect.ValueOf(front).Elem(), arrays); err != nil {
		return fmt.Errorf("synth: writing dossier: %w", err)
	}
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("synth: writing dossier: %w", err)
	}
	return nil
}

// array is a JSON array written element by element: elem writes element
// i at the given depth.
type array struct {
	n    int
	elem func(i, depth int) error
}

// jsonWriter writes JSON as encoding/json does with two-space indentation
// and HTML escaping off, which is how model.Encode writes; it lets some
// arrays of an object be streamed.
type jsonWriter struct {
	w    *bufio.Writer
	buf  bytes.Buffer
	encs []*json.Encoder // by depth
}

func indent(depth int) string { return strings.Repeat("  ", depth) }

// value writes v, whose first line is already indented to depth.
func (j *jsonWriter) value(depth int, v any) error {
	for len(j.encs) <= depth {
		e := json.NewEncoder(&j.buf)
		e.SetEscapeHTML(false)
		e.SetIndent(indent(len(j.encs)), "  ")
		j.encs = append(j.encs, e)
	}
	j.buf.Reset()
	if err := j.encs[depth].Encode(v); err != nil {
		return err
	}
	b := j.buf.Bytes()
	_, err := j.w.Write(b[:len(b)-1]) // Encode ends with a newline
	return err
}

// object writes the struct v field by field as encoding/json would,
// streaming the fields named in arrays.
func (j *jsonWriter) object(depth int, v reflect.Value, arrays map[string]array) error {
	t := v.Type()
	j.w.WriteByte('{')
	n := 0
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		if f.Anonymous || strings.Contains(","+opts+",", ",string,") {
			return fmt.Errorf("field %s.%s: %w", t.Name(), f.Name, errUnsupported)
		}
		if name == "" {
			name = f.Name
		}
		a, streamed := arrays[name]
		if !streamed && omitted(v.Field(i), opts) {
			continue
		}
		if n > 0 {
			j.w.WriteByte(',')
		}
		n++
		j.w.WriteString("\n" + indent(depth+1) + `"` + name + `": `)
		var err error
		if streamed {
			err = j.array(depth+1, a)
		} else {
			err = j.value(depth+1, v.Field(i).Interface())
		}
		if err != nil {
			return err
		}
	}
	if n > 0 {
		j.w.WriteString("\n" + indent(depth))
	}
	return j.w.WriteByte('}')
}

func (j *jsonWriter) array(depth int, a array) error {
	j.w.WriteByte('[')
	for i := range a.n {
		if i > 0 {
			j.w.WriteByte(',')
		}
		j.w.WriteString("\n" + indent(depth+1))
		if err := a.elem(i, depth+1); err != nil {
			return err
		}
	}
	if a.n > 0 {
		j.w.WriteString("\n" + indent(depth))
	}
	return j.w.WriteByte(']')
}

// omitted reports whether encoding/json leaves out field v with options
// opts: omitempty drops false, 0, nil and empty values; omitzero drops
// zero values, as their IsZero method says when they have one.
func omitted(v reflect.Value, opts string) bool {
	for opt := range strings.SplitSeq(opts, ",") {
		switch opt {
		case "omitempty":
			switch v.Kind() {
			case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
				if v.Len() == 0 {
					return true
				}
			case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
				reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
				reflect.Float32, reflect.Float64:
				if v.IsZero() {
					return true
				}
			case reflect.Interface, reflect.Pointer:
				if v.IsNil() {
					return true
				}
			}
		case "omitzero":
			if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil() {
				return true
			}
			if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
				if z.IsZero() {
					return true
				}
			} else if v.IsZero() {
				return true
			}
		}
	}
	return false
}
