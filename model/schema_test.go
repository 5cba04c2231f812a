package model_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// docs returns the documentation of every struct field ("Type.Field") and
// named type ("Type") of the package, from its source.
func docs(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	out := make(map[string]string)
	clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, f := range files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				doc := ts.Doc
				if doc == nil {
					doc = gd.Doc
				}
				if doc != nil {
					out[ts.Name.Name] = clean(doc.Text())
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fld := range st.Fields.List {
					text := ""
					if fld.Doc != nil {
						text = fld.Doc.Text()
					} else if fld.Comment != nil {
						text = fld.Comment.Text()
					}
					for _, n := range fld.Names {
						out[ts.Name.Name+"."+n.Name] = clean(text)
					}
				}
			}
		}
	}
	return out
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

// enumNames lists the text forms of a uint8 enum by marshalling every value.
func enumNames(t reflect.Type) []string {
	var names []string
	for i := range 256 {
		v := reflect.New(t).Elem()
		v.SetUint(uint64(i))
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err == nil && len(b) > 0 {
			names = append(names, string(b))
		}
	}
	return names
}

type schemaGen struct {
	docs map[string]string
	defs map[string]any
}

func (g *schemaGen) typ(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	desc := func(m map[string]any) map[string]any {
		if d := g.docs[t.Name()]; d != "" && t.PkgPath() == reflect.TypeFor[model.Dossier]().PkgPath() {
			m["description"] = d
		}
		return m
	}
	switch t {
	case reflect.TypeFor[language.Tag]():
		return map[string]any{"type": "string", "description": "a BCP 47 language tag, e.g. fr, en, ru", "pattern": `^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`}
	case reflect.TypeFor[model.Date]():
		return desc(map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`})
	case reflect.TypeFor[model.DateSpan]():
		return desc(map[string]any{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}(/(\d{4}-\d{2}-\d{2}|\.\.))?$`})
	case reflect.TypeFor[model.TimeSpan]():
		return desc(map[string]any{"type": "string", "pattern": `^([01]\d|2[0-3]):[0-5]\d(-([01]\d|2[0-3]):[0-5]\d)?$`})
	case reflect.TypeFor[model.Ref]():
		return desc(map[string]any{"type": "string", "pattern": `^(source|place|figure|statement|dossier):`})
	case reflect.TypeFor[model.Outline]():
		pos := map[string]any{"type": "array", "items": map[string]any{"type": "number"}, "minItems": 2, "maxItems": 2}
		ring := map[string]any{"type": "array", "items": pos, "minItems": 4}
		poly := map[string]any{"type": "array", "items": ring, "minItems": 1}
		return desc(map[string]any{"type": "object", "additionalProperties": false, "required": []string{"type", "coordinates"},
			"properties": map[string]any{"type": map[string]any{"enum": []string{"Polygon", "MultiPolygon"}}, "coordinates": map[string]any{"type": "array"}},
			"oneOf": []any{
				map[string]any{"properties": map[string]any{"type": map[string]any{"const": "Polygon"}, "coordinates": poly}},
				map[string]any{"properties": map[string]any{"type": map[string]any{"const": "MultiPolygon"}, "coordinates": map[string]any{"type": "array", "items": poly}}},
			}})
	case reflect.TypeFor[model.Text]():
		return desc(map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "string"},
			"propertyNames": map[string]any{"pattern": `^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`}})
	}
	if t.Kind() == reflect.Uint8 && t.Implements(textMarshaler) {
		return desc(map[string]any{"type": "string", "enum": enumNames(t)})
	}
	switch t.Kind() {
	case reflect.String:
		return desc(map[string]any{"type": "string"})
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": g.typ(t.Elem())}
	case reflect.Struct:
		if _, ok := g.defs[t.Name()]; !ok {
			g.defs[t.Name()] = nil // break recursion (Section contains Sections)
			props := map[string]any{}
			var required []string
			g.fields(t, t, props, &required)
			sort.Strings(required)
			def := desc(map[string]any{"type": "object", "properties": props, "additionalProperties": false})
			if len(required) > 0 {
				def["required"] = required
			}
			g.defs[t.Name()] = def
		}
		return map[string]any{"$ref": "#/$defs/" + t.Name()}
	}
	panic("schema: unhandled type " + t.String())
}

func (g *schemaGen) fields(owner, t reflect.Type, props map[string]any, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() && !f.Anonymous {
			continue
		}
		if f.Anonymous && name == "" {
			g.fields(f.Type, f.Type, props, required)
			continue
		}
		s := g.typ(f.Type)
		if owner.Name()+"."+f.Name == "Issuer.Logo" {
			s["pattern"] = `^data:image/(png|jpeg);base64,[A-Za-z0-9+/]*={0,2}$`
		}
		if d := g.docs[owner.Name()+"."+f.Name]; d != "" {
			if _, isRef := s["$ref"]; isRef {
				s = map[string]any{"allOf": []any{s}, "description": d}
			} else {
				c := map[string]any{}
				for k, v := range s {
					c[k] = v
				}
				c["description"] = d
				s = c
			}
		}
		props[name] = s
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			*required = append(*required, name)
		}
	}
}

// TestSchema checks that dossier.schema.json is what the Go types and
// their documentation generate (go test -update rewrites it), and that
// Schema embeds it.
func TestSchema(t *testing.T) {
	g := &schemaGen{docs: docs(t), defs: map[string]any{}}
	root := g.typ(reflect.TypeFor[model.Dossier]())
	schema := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/coibrief/coibrief/model/dossier.schema.json",
		"title":       "coibrief dossier (" + model.Format + ")",
		"description": g.docs["Dossier"],
		"$ref":        root["$ref"],
		"$defs":       g.defs,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(schema); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("dossier.schema.json", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(buf.Bytes(), model.Schema) {
		t.Error("dossier.schema.json is out of date with the Go types: run go test ./model -update")
	}
	// Every enum value the format accepts appears in the schema.
	if !bytes.Contains(model.Schema, []byte(`"lethal-force"`)) || !bytes.Contains(model.Schema, []byte(`"not-corroborated"`)) {
		t.Error("schema lacks enum values")
	}
}
