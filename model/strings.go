package model

import (
	"fmt"
	"reflect"
	"strconv"
)

// EachString calls fn with every piece of text of d that a renderer may
// print, and its JSON path: each language of every Text
// ("chronology[0].entries[2].text.fr") and every plain string, such as a
// source's title, outlet or author ("sources[3].title"). Ids, URLs,
// dates, times and the names of enumerated values are not visited, nor
// empty strings. The order is the document's, languages in tag order.
//
// It is how a renderer can check, before it writes anything, that it can
// draw every character of a dossier, and say where one is that it cannot.
// EachString stops at the first error fn returns and returns it; for a
// dossier of OpenFile, an error reading its figures is returned too. A
// nil dossier or fn visits nothing.
func EachString(d *Dossier, fn func(path, s string) error) error {
	if d == nil || fn == nil {
		return nil
	}
	w := stringWalker{fn: fn}
	ti := dossierInfo()
	v := reflect.ValueOf(d).Elem()
	for _, f := range ti.fields {
		if f.name == "figures" {
			err := d.EachFigure(func(i int, fig *Figure) error {
				return w.walk(reflect.ValueOf(fig).Elem(), figureInfo(), "figures["+strconv.Itoa(i)+"]")
			})
			if err != nil {
				return err
			}
			continue
		}
		if err := w.field(v, f, ""); err != nil {
			return err
		}
	}
	return nil
}

// stringWalker walks the values of a dossier for EachString.
type stringWalker struct {
	fn func(path, s string) error
}

// unprinted are the plain string fields that no renderer prints as text.
var unprinted = map[string]bool{"format": true, "id": true, "url": true, "logo": true}

func (w *stringWalker) field(v reflect.Value, f *fieldInfo, path string) error {
	if unprinted[f.name] {
		return nil
	}
	p := f.name
	if path != "" {
		p = path + "." + f.name
	}
	return w.walk(v.FieldByIndex(f.index), f.info, p)
}

func (w *stringWalker) walk(v reflect.Value, ti *typeInfo, path string) error {
	switch ti.kind {
	case kindString:
		// Named string types are ids (SourceID, PlaceID…).
		if ti.t.Kind() == reflect.String && ti.t.Name() == "string" && v.Len() > 0 {
			return w.fn(path, v.String())
		}
	case kindText:
		t := v.Interface().(Text)
		for _, tag := range t.Languages() {
			if s := t[tag]; s != "" {
				if err := w.fn(path+"."+tag.String(), s); err != nil {
					return err
				}
			}
		}
	case kindPointer:
		if !v.IsNil() {
			return w.walk(v.Elem(), ti.elem, path)
		}
	case kindSlice:
		for i := range v.Len() {
			if err := w.walk(v.Index(i), ti.elem, path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case kindStruct:
		for _, f := range ti.fields {
			if err := w.field(v, f, path); err != nil {
				return err
			}
		}
	case kindUnmarshaler, kindBool, kindInt, kindFloat, kindOutline:
		// Dates, enums, numbers, outlines: drawn or printed in forms
		// the library makes.
	default:
		return fmt.Errorf("model: EachString: %s: cannot walk %s", path, ti.t)
	}
	return nil
}
