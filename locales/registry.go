package locales

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// shipped holds the catalogs compiled into the package.
//
//go:embed active.*.toml
var shipped embed.FS

// shippedGlob matches the shipped catalogs in shipped.
const shippedGlob = "active.*.toml"

// sourceLanguage is the language translations are made from: its catalog
// defines the set of messages, their placeholders and which are plural.
var sourceLanguage = language.English

// unmarshalers decode catalog files by extension, as goi18n does.
var unmarshalers = map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}

// strictParser executes message templates; a placeholder with no value is
// an error rather than "<no value>".
var strictParser = &template.TextParser{Option: "missingkey=error"}

// pluralForms lists the CLDR plural forms in their conventional order.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// registry holds the one go-i18n Bundle of the package and an index of
// what it holds. The Bundle may not be changed while Localizers read it,
// so reads take mu for reading and loads take it for writing.
type registry struct {
	mu       sync.RWMutex
	bundle   *i18n.Bundle
	probe    *i18n.Bundle // one message per language whose forms name themselves; see formsOf
	catalogs map[language.Tag]*catalog
	sources  []source // what was loaded, in order, so that Override can load it again
}

// source is one successful load: files of fsys, and whether they could
// replace messages.
type source struct {
	fsys     fs.FS
	patterns []string
	replace  bool
}

// catalog is everything loaded for one language.
type catalog struct {
	tag       language.Tag
	forms     []string // the plural forms the language uses, in pluralForms order
	messages  map[ID]*entry
	localizer *i18n.Localizer
	probe     *i18n.Localizer
}

// entry is one message of a catalog and what loading learnt about it.
type entry struct {
	msg          *i18n.Message
	path         string
	forms        map[string]string // plural form → template
	placeholders []string          // sorted, over all forms
}

func (e *entry) plural() bool { return len(e.forms) > 1 }

var (
	defaultOnce sync.Once
	defaultReg  *registry
	defaultErr  error
)

// loaded returns the package registry, loading the shipped catalogs the
// first time it is called.
func loaded() (*registry, error) {
	defaultOnce.Do(func() {
		r := newRegistry()
		defaultErr = r.load(shipped, []string{shippedGlob})
		defaultReg = r
	})
	return defaultReg, defaultErr
}

func newRegistry() *registry {
	return &registry{
		bundle:   i18n.NewBundle(sourceLanguage),
		probe:    i18n.NewBundle(sourceLanguage),
		catalogs: map[language.Tag]*catalog{},
	}
}

// LoadFS adds catalogs to the package: each path is a file name or a
// path.Match pattern in fsys, and each file is a go-i18n message file whose
// name gives the language and format, as goi18n writes them
// ("active.ru.toml"; TOML and JSON are read). This is how a language that
// does not ship with the package is added at run time; see the package
// documentation.
//
// A file is checked before anything is added: every message must exist in
// the English catalog and use the same placeholders, plural messages must
// have every CLDR form the language uses, and templates may hold nothing
// but {{.Name}} placeholders. A message already loaded for the same language
// may be loaded again only with the same content, so shipped wording is
// never replaced silently and loading a file twice is harmless. If any file
// is refused, none of them is added, and the error is a *CatalogError.
//
// LoadFS is safe to call while Locales are in use.
func LoadFS(fsys fs.FS, paths ...string) error {
	r, err := loaded()
	if err != nil {
		return err
	}
	if fsys == nil {
		return fmt.Errorf("locales: LoadFS: nil file system: %w", ErrInvalidValue)
	}
	if len(paths) == 0 {
		return fmt.Errorf("locales: LoadFS: no path given: %w", ErrInvalidValue)
	}
	return r.load(fsys, paths)
}

// Languages returns the languages that have a catalog, sorted by tag: the
// shipped ones (German, English, French) and those added with LoadFS. It
// returns nil if the shipped catalogs failed to load; New then says why.
func Languages() []language.Tag {
	r, err := loaded()
	if err != nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.tags()
}

func (r *registry) tags() []language.Tag {
	tags := slices.Collect(maps.Keys(r.catalogs))
	slices.SortFunc(tags, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	return tags
}

// match returns the catalog for tag: the catalog of that exact tag, or
// the closest one when the language matcher is highly confident (fr-CA
// gets the fr catalog). The error has no "locales:" prefix.
func (r *registry) match(tag language.Tag) (*catalog, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if c := r.catalogs[tag]; c != nil {
		return c, nil
	}
	tags := r.tags()
	if tag != language.Und {
		_, i, conf := language.NewMatcher(tags).Match(tag)
		if conf >= language.High {
			return r.catalogs[tags[i]], nil
		}
	}
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = t.String()
	}
	return nil, fmt.Errorf("no catalog for %s (have %s): %w", tag, strings.Join(names, ", "), ErrUnsupportedLanguage)
}

// load reads the files named by patterns in fsys, checks them and adds
// them all, or none.
func (r *registry) load(fsys fs.FS, patterns []string) error {
	return r.loadFiles(source{fsys: fsys, patterns: patterns})
}

// loadFiles loads what src names, all or nothing.
func (r *registry) loadFiles(src source) error {
	fsys, patterns := src.fsys, src.patterns
	var files []*i18n.MessageFile
	for _, pat := range patterns {
		paths, err := fs.Glob(fsys, pat)
		if err != nil {
			return &CatalogError{Path: pat, Err: fmt.Errorf("%w: %w", ErrInvalidValue, err)}
		}
		if len(paths) == 0 {
			return &CatalogError{Path: pat, Err: fmt.Errorf("%w: no such file", ErrCatalog)}
		}
		for _, p := range paths {
			f, err := readFile(fsys, p)
			if err != nil {
				return err
			}
			files = append(files, f)
		}
	}
	// The source language first: the others are checked against it.
	slices.SortStableFunc(files, func(a, b *i18n.MessageFile) int {
		return cmpBool(b.Tag == sourceLanguage, a.Tag == sourceLanguage)
	})

	r.mu.Lock()
	defer r.mu.Unlock()
	st := staging{r: r, add: map[language.Tag]map[ID]*entry{}, replace: src.replace}
	for _, f := range files {
		if err := st.file(f); err != nil {
			return err
		}
	}
	if err := st.commit(); err != nil {
		return err
	}
	r.sources = append(r.sources, src)
	return nil
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func readFile(fsys fs.FS, path string) (*i18n.MessageFile, error) {
	buf, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, &CatalogError{Path: path, Err: fmt.Errorf("%w: %w", ErrCatalog, err)}
	}
	f, err := i18n.ParseMessageFileBytes(buf, path, unmarshalers)
	if err != nil {
		return nil, &CatalogError{Path: path, Err: fmt.Errorf("%w: %w", ErrCatalog, err)}
	}
	if f.Tag == language.Und {
		return nil, &CatalogError{Path: path, Err: fmt.Errorf("%w: no language in the file name (want e.g. active.ru.toml)", ErrCatalog)}
	}
	return f, nil
}

// staging collects the messages of one load until all files are checked.
type staging struct {
	r       *registry
	add     map[language.Tag]map[ID]*entry
	replace bool // a message may replace one of the same id
}

// lookup returns the message id of tag, staged or already loaded.
func (st *staging) lookup(tag language.Tag, id ID) *entry {
	if e := st.add[tag][id]; e != nil {
		return e
	}
	if c := st.r.catalogs[tag]; c != nil {
		return c.messages[id]
	}
	return nil
}

func (st *staging) file(f *i18n.MessageFile) error {
	forms, err := st.r.formsOf(f.Tag)
	if err != nil {
		return &CatalogError{Path: f.Path, Err: err}
	}
	msgs := slices.Clone(f.Messages)
	slices.SortFunc(msgs, func(a, b *i18n.Message) int { return strings.Compare(a.ID, b.ID) })
	for _, m := range msgs {
		e, err := newEntry(m, f.Path)
		if err == nil {
			err = st.check(f.Tag, forms, e)
		}
		if err != nil {
			return &CatalogError{Path: f.Path, ID: ID(m.ID), Err: err}
		}
		if old := st.lookup(f.Tag, ID(m.ID)); old != nil {
			switch {
			case *old.msg == *e.msg:
				continue // the same message again
			case st.replace && st.add[f.Tag][ID(m.ID)] == nil:
				// An override of a message loaded before, checked
				// above as any message is.
			default:
				return &CatalogError{Path: f.Path, ID: ID(m.ID), Err: fmt.Errorf("%w: already loaded for %s from %s", ErrCatalog, f.Tag, old.path)}
			}
		}
		if st.add[f.Tag] == nil {
			st.add[f.Tag] = map[ID]*entry{}
		}
		st.add[f.Tag][ID(m.ID)] = e
	}
	return nil
}

// check tells whether e may be loaded for tag, whose language uses the
// given plural forms.
func (st *staging) check(tag language.Tag, forms []string, e *entry) error {
	id := ID(e.msg.ID)
	if _, ok := e.forms["other"]; !ok {
		return fmt.Errorf(`%w: no "other" form`, ErrCatalog)
	}
	src := st.lookup(sourceLanguage, id)
	if tag != sourceLanguage && src == nil {
		return fmt.Errorf("%w: not in the %s catalog", ErrCatalog, sourceLanguage)
	}
	if allowed, ok := formatFields[id]; ok {
		for _, p := range e.placeholders {
			if !slices.Contains(allowed, p) {
				return fmt.Errorf("%w: unknown placeholder {{.%s}} (want %s)", ErrCatalog, p, fieldList(allowed))
			}
		}
	} else if src != nil && !slices.Equal(e.placeholders, src.placeholders) {
		return fmt.Errorf("%w: placeholders %s differ from %s's %s", ErrCatalog,
			fieldList(e.placeholders), sourceLanguage, fieldList(src.placeholders))
	}
	if e.plural() || (src != nil && src.plural()) {
		for _, form := range forms {
			if _, ok := e.forms[form]; !ok {
				return fmt.Errorf("%w: no %q form (%s plurals need %s)", ErrCatalog, form, tag, strings.Join(forms, ", "))
			}
		}
	}
	return nil
}

func fieldList(fields []string) string {
	if len(fields) == 0 {
		return "none"
	}
	return "{{." + strings.Join(fields, "}}, {{.") + "}}"
}

// commit adds the staged messages to the bundle and the index.
func (st *staging) commit() error {
	tags := slices.Collect(maps.Keys(st.add))
	slices.SortFunc(tags, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	for _, tag := range tags {
		ids := slices.Sorted(maps.Keys(st.add[tag]))
		msgs := make([]*i18n.Message, len(ids))
		for i, id := range ids {
			msgs[i] = st.add[tag][id].msg
		}
		if err := st.r.bundle.AddMessages(tag, msgs...); err != nil {
			return fmt.Errorf("locales: %s: %w: %w", tag, ErrUnsupportedLanguage, err)
		}
		c := st.r.catalogs[tag]
		if c == nil {
			forms, _ := st.r.formsOf(tag) // already computed by file
			c = &catalog{
				tag:       tag,
				forms:     forms,
				messages:  map[ID]*entry{},
				localizer: i18n.NewLocalizer(st.r.bundle, tag.String()),
				probe:     i18n.NewLocalizer(st.r.probe, tag.String()),
			}
			st.r.catalogs[tag] = c
		}
		maps.Copy(c.messages, st.add[tag])
	}
	return nil
}

func newEntry(m *i18n.Message, path string) (*entry, error) {
	e := &entry{msg: m, path: path, forms: map[string]string{}}
	all := map[string]bool{}
	for _, f := range []struct{ form, src string }{
		{"zero", m.Zero}, {"one", m.One}, {"two", m.Two}, {"few", m.Few}, {"many", m.Many}, {"other", m.Other},
	} {
		if f.src == "" {
			continue
		}
		e.forms[f.form] = f.src
		names, err := placeholders(f.src, m.LeftDelim, m.RightDelim)
		if err != nil {
			return nil, fmt.Errorf("%w: %s form: %w", ErrCatalog, f.form, err)
		}
		for _, n := range names {
			all[n] = true
		}
	}
	e.placeholders = slices.Sorted(maps.Keys(all))
	return e, nil
}

// placeholders returns the names of the {{.Name}} placeholders in src, and
// an error if src holds any other template action: translators write plain
// text and placeholders, never logic.
func placeholders(src, left, right string) ([]string, error) {
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	trees, err := parse.Parse("message", src, left, right)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, n := range trees["message"].Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
		case *parse.ActionNode:
			name, ok := fieldName(n)
			if !ok {
				return nil, fmt.Errorf("only {{.Name}} placeholders are allowed, not %s", n)
			}
			names = append(names, name)
		default:
			return nil, fmt.Errorf("only {{.Name}} placeholders are allowed, not %s", n)
		}
	}
	return names, nil
}

func fieldName(n *parse.ActionNode) (string, bool) {
	if len(n.Pipe.Decl) > 0 || len(n.Pipe.Cmds) != 1 || len(n.Pipe.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := n.Pipe.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// probeID is the one message of the probe bundle. Each of its plural forms
// is the form's own name, so localizing it with a count tells which CLDR
// form go-i18n picks for that count in a language.
const probeID = "plural-form"

// formSamples are the counts tried to learn which forms a language uses.
var formSamples = func() []int {
	s := make([]int, 0, 1100)
	for n := range 1001 {
		s = append(s, n)
	}
	return append(s, 10_000, 100_000, 1_000_000, 2_000_000, 10_000_000, 1_000_000_000)
}()

// formsOf returns the plural forms go-i18n uses for tag, and an error
// wrapping ErrUnsupportedLanguage when it has no plural rules for it.
// The caller holds r.mu for writing.
func (r *registry) formsOf(tag language.Tag) ([]string, error) {
	if c := r.catalogs[tag]; c != nil {
		return c.forms, nil
	}
	probe := &i18n.Message{ID: probeID, Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := r.probe.AddMessages(tag, probe); err != nil {
		return nil, fmt.Errorf("%w: go-i18n has no CLDR plural rules for %s", ErrUnsupportedLanguage, tag)
	}
	loc := i18n.NewLocalizer(r.probe, tag.String())
	used := map[string]bool{"other": true}
	for _, n := range formSamples {
		form, err := formOf(loc, n)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrUnsupportedLanguage, tag, err)
		}
		used[form] = true
	}
	var forms []string
	for _, f := range pluralForms {
		if used[f] {
			forms = append(forms, f)
		}
	}
	return forms, nil
}

func formOf(probe *i18n.Localizer, n int) (string, error) {
	return probe.Localize(&i18n.LocalizeConfig{MessageID: probeID, PluralCount: n})
}

// render produces message id of catalog c, with the plural form for
// *count when count is not nil.
func (r *registry) render(c *catalog, id ID, data map[string]any, count *int) (string, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	e := c.messages[id]
	if e == nil {
		return "", &MessageError{ID: id, Tag: c.tag, Err: ErrMissingMessage}
	}
	lc := &i18n.LocalizeConfig{MessageID: string(id), TemplateData: data, TemplateParser: strictParser}
	if count != nil {
		form, err := formOf(c.probe, *count)
		if err != nil {
			return "", &MessageError{ID: id, Tag: c.tag, Err: fmt.Errorf("%w: %w", ErrCatalog, err)}
		}
		if _, ok := e.forms[form]; !ok {
			return "", &MessageError{ID: id, Tag: c.tag, Form: form, Count: *count, Err: ErrMissingMessage}
		}
		lc.PluralCount = *count
	}
	for _, p := range e.placeholders {
		if _, ok := data[p]; !ok {
			return "", &MessageError{ID: id, Tag: c.tag, Placeholder: p, Err: ErrMissingData}
		}
	}
	s, err := c.localizer.Localize(lc)
	if err != nil {
		var nf *i18n.MessageNotFoundErr
		if errors.As(err, &nf) {
			return "", &MessageError{ID: id, Tag: c.tag, Err: ErrMissingMessage}
		}
		return "", &MessageError{ID: id, Tag: c.tag, Err: fmt.Errorf("%w: %w", ErrCatalog, err)}
	}
	return s, nil
}
