package report

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// Check reports whether d can be laid out: whether it keeps the rules
// that every document Build makes keeps, so that renderers need not check
// them again. A document made or changed by hand must have one or two
// languages, not the same twice; in every L of the document and of what
// it points to, a text per language (empty strings where there is
// nothing to say, as Build leaves them); no nil item in any list;
// figures, even if none; footnotes numbered 1, 2, … in order; and every
// source that a footnote or a figure cites in the bibliography. The
// error wraps ErrDocument and names the first field at fault, e.g.
// "Sections[2].Blocks[0]: nil item".
//
// Check takes time linear in the size of d. A nil document is an error.
func (d *Document) Check() error {
	if d == nil {
		return fmt.Errorf("report: %w: nil document", ErrDocument)
	}
	n := len(d.Languages)
	switch {
	case n == 0 || n > 2:
		return fmt.Errorf("report: %w: Languages: %d languages; a document has one or two", ErrDocument, n)
	case n == 2 && d.Languages[0] == d.Languages[1]:
		return fmt.Errorf("report: %w: Languages: %s twice", ErrDocument, d.Languages[0])
	}
	for i, tag := range d.Languages {
		if tag == language.Und {
			return fmt.Errorf("report: %w: Languages[%d]: undetermined language", ErrDocument, i)
		}
	}
	if d.Figures == nil {
		return fmt.Errorf("report: %w: Figures: nil", ErrDocument)
	}
	shared := len(d.Figures.Key) + len(d.Sources) + len(d.Footnotes) + len(d.Places)
	c := &checker{n: n, seen: make(map[uintptr]bool, 2*shared+64)}
	if err := c.walk(reflect.ValueOf(d).Elem(), planOf(reflect.TypeFor[Document]())); err != nil {
		return fmt.Errorf("report: %w: %s: %w", ErrDocument, c.pathString(), err)
	}
	listed := make(map[*SourceItem]bool, len(d.Sources))
	for _, g := range d.Bibliography {
		for _, it := range g.Items {
			listed[it] = true
		}
	}
	for i, fn := range d.Footnotes {
		if fn.Number != i+1 {
			return fmt.Errorf("report: %w: Footnotes[%d]: numbered %d", ErrDocument, i, fn.Number)
		}
		for j, c := range fn.Citations {
			if c.Source != nil && !listed[c.Source] {
				return fmt.Errorf("report: %w: Footnotes[%d].Citations[%d].Source: %q is not in the bibliography", ErrDocument, i, j, c.Source.ID)
			}
		}
	}
	return d.Figures.check(listed)
}

// check checks what Check can of the figures without reading them all:
// their count, that every reference names one, and that the sources of
// the figures made at Build are in the bibliography.
func (fs *Figures) check(listed map[*SourceItem]bool) error {
	n := 0
	if fs.set != nil {
		n = fs.set.count
	}
	if fs.Count != n {
		return fmt.Errorf("report: %w: Figures.Count: %d, but the briefing holds %d figures", ErrDocument, fs.Count, n)
	}
	ref := func(path string, r FigureRef) error {
		if r < 0 || int(r) >= fs.Count {
			return fmt.Errorf("report: %w: Figures.%s: figure %d of %d", ErrDocument, path, r, fs.Count)
		}
		return nil
	}
	sources := func(path string, it *FigureItem) error {
		if it == nil {
			return nil
		}
		if err := ref(path, it.Ref); err != nil {
			return err
		}
		for j, src := range it.Sources {
			if !listed[src] {
				return fmt.Errorf("report: %w: Figures.%s.Sources[%d]: %q is not in the bibliography", ErrDocument, path, j, src.ID)
			}
		}
		return nil
	}
	for i, k := range fs.Key {
		if err := sources(fmt.Sprintf("Key[%d].Official", i), k.Official); err != nil {
			return err
		}
		if err := sources(fmt.Sprintf("Key[%d].Independent", i), k.Independent); err != nil {
			return err
		}
	}
	if fs.set != nil {
		for i, it := range fs.set.derived {
			if err := sources(fmt.Sprintf("derived[%d]", i), it); err != nil {
				return err
			}
		}
	}
	for i, c := range fs.Contested {
		for j, r := range c.Figures {
			if err := ref(fmt.Sprintf("Contested[%d].Figures[%d]", i, j), r); err != nil {
				return err
			}
		}
	}
	for i, r := range fs.Retracted {
		if err := ref(fmt.Sprintf("Retracted[%d]", i), r); err != nil {
			return err
		}
	}
	for i, sr := range fs.Series {
		for j, p := range sr.Points {
			if err := ref(fmt.Sprintf("Series[%d].Points[%d].Figure", i, j), p.Figure); err != nil {
				return err
			}
		}
	}
	return nil
}

// checker walks a document by reflection, keeping the path of the value
// it is in.
type checker struct {
	n    int              // languages of the document
	seen map[uintptr]bool // pointers already walked: footnotes and sources are shared
	path []step
}

// step is a field name, or an index when the name is empty.
type step struct {
	field string
	index int
}

var errNilItem = errors.New("nil item")

func (c *checker) pathString() string {
	var b strings.Builder
	for _, s := range c.path {
		if s.field == "" {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.field)
	}
	return b.String()
}

// plan says how to check a value of one type: what to look at in it,
// decided once per type so that walking a document of a million figures
// skips its ids, numbers and dates without looking at them.
type plan struct {
	kind   reflect.Kind
	text   bool        // the type is L
	elem   *plan       // of a pointer or slice; nil for an interface
	fields []fieldPlan // of a struct: the fields worth walking
	empty  bool        // nothing to check within
}

type fieldPlan struct {
	index int
	name  string
	plan  *plan
}

var (
	lType    = reflect.TypeFor[L]()
	modelPkg = reflect.TypeFor[model.Dossier]().PkgPath()
	plans    sync.Map // reflect.Type -> *plan
)

// planOf returns the plan of t, making it on first use.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p := makePlan(t, map[reflect.Type]*plan{})
	plans.Store(t, p)
	return p
}

func makePlan(t reflect.Type, making map[reflect.Type]*plan) *plan {
	if p, ok := making[t]; ok {
		return p
	}
	p := &plan{kind: t.Kind()}
	making[t] = p
	switch {
	case t == lType:
		p.text = true
	case t.PkgPath() == modelPkg:
		p.empty = true // the dossier's own values: dates, ids, figures
	case t.Kind() == reflect.Pointer:
		p.elem = makePlan(t.Elem(), making)
		p.empty = p.elem.empty
	case t.Kind() == reflect.Slice:
		p.elem = makePlan(t.Elem(), making)
		p.empty = p.elem.empty && p.elem.kind != reflect.Pointer && p.elem.kind != reflect.Interface
	case t.Kind() == reflect.Interface:
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if fp := makePlan(f.Type, making); !fp.empty || fp == p {
				p.fields = append(p.fields, fieldPlan{i, f.Name, fp})
			}
		}
		p.empty = len(p.fields) == 0
	default:
		p.empty = true
	}
	return p
}

func (c *checker) walk(v reflect.Value, p *plan) error {
	switch {
	case p.text:
		if v.Len() != c.n {
			return fmt.Errorf("%d of %d texts (one per language)", v.Len(), c.n)
		}
		return nil
	case p.empty:
		return nil
	}
	switch p.kind {
	case reflect.Pointer:
		if v.IsNil() || c.seen[v.Pointer()] {
			return nil
		}
		c.seen[v.Pointer()] = true
		return c.walk(v.Elem(), p.elem)
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		e := v.Elem()
		return c.walk(e, planOf(e.Type()))
	case reflect.Struct:
		for _, f := range p.fields {
			c.path = append(c.path, step{field: f.name})
			if err := c.walk(v.Field(f.index), f.plan); err != nil {
				return err
			}
			c.path = c.path[:len(c.path)-1]
		}
	case reflect.Slice:
		ek := p.elem.kind
		nilable := ek == reflect.Pointer || ek == reflect.Interface
		if !nilable && p.elem.empty {
			return nil
		}
		for i := range v.Len() {
			e := v.Index(i)
			if nilable && e.IsNil() {
				c.path = append(c.path, step{index: i})
				return errNilItem
			}
			if p.elem.empty {
				continue
			}
			c.path = append(c.path, step{index: i})
			if err := c.walk(e, p.elem); err != nil {
				return err
			}
			c.path = c.path[:len(c.path)-1]
		}
	}
	return nil
}
