package locales

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// rawCatalog is a catalog file read with nothing but a TOML decoder, so the
// checks below do not depend on the loading code they check.
type rawCatalog struct {
	path     string
	tag      string
	messages map[string]map[string]string // id → key (description, hash, one, other...) → value
}

func readRaw(t *testing.T, fsys fs.FS, path string) rawCatalog {
	t.Helper()
	buf, err := fs.ReadFile(fsys, path)
	if err != nil {
		t.Fatal(err)
	}
	c := rawCatalog{path: path, messages: map[string]map[string]string{}}
	if _, err := toml.Decode(string(buf), &c.messages); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	base := path[strings.LastIndex(path, "/")+1:]
	c.tag = strings.TrimSuffix(strings.TrimPrefix(base, "active."), ".toml")
	return c
}

// rawCatalogs returns the source catalog, then every other shipped one,
// then the Russian test catalog.
func rawCatalogs(t *testing.T) (src rawCatalog, others []rawCatalog) {
	t.Helper()
	paths, err := fs.Glob(shipped, shippedGlob)
	if err != nil || len(paths) < 2 {
		t.Fatalf("shipped catalogs: %v %v", paths, err)
	}
	for _, p := range paths {
		c := readRaw(t, shipped, p)
		if c.tag == sourceLanguage.String() {
			src = c
		} else {
			others = append(others, c)
		}
	}
	if src.messages == nil {
		t.Fatal("no English catalog is shipped")
	}
	return src, append(others, readRaw(t, os.DirFS("testdata"), "active.ru.toml"))
}

var formKeys = []string{"zero", "one", "two", "few", "many", "other"}

var actionRE = regexp.MustCompile(`\{\{.*?\}\}`)
var placeholderRE = regexp.MustCompile(`^\{\{\.([A-Za-z][A-Za-z0-9]*)\}\}$`)

// rawPlaceholders returns the sorted placeholder names of every form of m,
// and the actions that are not plain placeholders.
func rawPlaceholders(m map[string]string) (names, bad []string) {
	set := map[string]bool{}
	for _, k := range formKeys {
		for _, a := range actionRE.FindAllString(m[k], -1) {
			if sub := placeholderRE.FindStringSubmatch(a); sub != nil {
				set[sub[1]] = true
			} else {
				bad = append(bad, a)
			}
		}
	}
	return slices.Sorted(maps.Keys(set)), bad
}

func isPlural(m map[string]string) bool {
	for _, k := range formKeys[:5] {
		if m[k] != "" {
			return true
		}
	}
	return false
}

func goi18nHash(m map[string]string) string {
	h := sha1.New()
	io.WriteString(h, m["description"])
	io.WriteString(h, m["other"])
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// TestCatalogsComplete fails when a shipped catalog (or the Russian test
// catalog) lacks a message of the English one or has one it does not,
// when two catalogs disagree on a message's placeholders, or when a
// translation was made from another English text than the current one.
func TestCatalogsComplete(t *testing.T) {
	src, others := rawCatalogs(t)
	for _, id := range slices.Sorted(maps.Keys(src.messages)) {
		m := src.messages[id]
		if m["description"] == "" {
			t.Errorf("%s: %s: no description for translators", src.path, id)
		}
		if m["other"] == "" {
			t.Errorf("%s: %s: no \"other\" form", src.path, id)
		}
		if _, bad := rawPlaceholders(m); len(bad) > 0 {
			t.Errorf("%s: %s: template actions %v; only {{.Name}} placeholders are allowed", src.path, id, bad)
		}
	}
	for _, c := range others {
		t.Run(c.tag, func(t *testing.T) {
			for _, id := range slices.Sorted(maps.Keys(src.messages)) {
				if c.messages[id] == nil {
					t.Errorf("%s: message %s is missing", c.path, id)
				}
			}
			for _, id := range slices.Sorted(maps.Keys(c.messages)) {
				m, sm := c.messages[id], src.messages[id]
				if sm == nil {
					t.Errorf("%s: message %s is not in %s", c.path, id, src.path)
					continue
				}
				if m["description"] != sm["description"] {
					t.Errorf("%s: %s: description differs from English; run goi18n merge", c.path, id)
				}
				if got, want := m["hash"], goi18nHash(sm); got != want {
					t.Errorf("%s: %s: hash %s; want %s: the English text changed since this was translated", c.path, id, got, want)
				}
				got, bad := rawPlaceholders(m)
				want, _ := rawPlaceholders(sm)
				if len(bad) > 0 {
					t.Errorf("%s: %s: template actions %v; only {{.Name}} placeholders are allowed", c.path, id, bad)
				}
				if fields, ok := formatFields[ID(id)]; ok {
					for _, p := range got {
						if !slices.Contains(fields, p) {
							t.Errorf("%s: %s: placeholder {{.%s}} is not one of %v", c.path, id, p, fields)
						}
					}
				} else if !slices.Equal(got, want) {
					t.Errorf("%s: %s: placeholders %v; English has %v", c.path, id, got, want)
				}
				if isPlural(sm) != isPlural(m) {
					t.Errorf("%s: %s: plural is %v; in English %v", c.path, id, isPlural(m), isPlural(sm))
				}
			}
		})
	}
}

// sameAsEnglish lists, by language, the messages whose text is rightly the
// English one, each with the reason. A message with no letter outside its
// placeholders — "{{.Value}}", "#,##0", "{{.Day}} {{.Month}} {{.Year}}",
// "{{.Label}}: {{.Value}}", "1" — has no words to translate and needs no
// entry; anything else the same as English is taken for a message left
// untranslated.
var sameAsEnglish = map[string]map[string]string{
	"de": {
		"Field.Status":             `"Status" is the German word`,
		"Workbook.Column.Status":   `"Status" is the German word`,
		"Geo.Precision.Region":     `"Region" is the German word`,
		"Place.Kind.Region":        `"Region" is the German word`,
		"Format.Month.April":       "German spells the month as English does",
		"Format.Month.August":      "German spells the month as English does",
		"Format.Month.September":   "German spells the month as English does",
		"Format.Month.November":    "German spells the month as English does",
		"Language.fa-AF":           "Dari is a proper name, spelt alike",
		"Language.prs":             "Dari is a proper name, spelt alike",
		"Workbook.Format.Time":     "an Excel format code, not words; German reads hh:mm too",
		"Authoring.Column.Version": `"Version" is the German word`,
	},
	"fr": {
		"Count.Sources":              `"source(s)" is the French word`,
		"Errata.Heading":             `"Errata" is the French word`,
		"Field.Date":                 `"Date" is the French word`,
		"Workbook.Column.Date":       `"Date" is the French word`,
		"Field.Note":                 `"Note" is the French word`,
		"Workbook.Column.Note":       `"Note" is the French word`,
		"Notes.Heading":              `"Notes" is the French word`,
		"Field.Source":               `"Source" is the French word`,
		"Field.Sources":              `"Sources" is the French word`,
		"Workbook.Column.Sources":    `"Sources" is the French word`,
		"Workbook.Sheet.Sources":     `"Sources" is the French word`,
		"Field.Version":              `"Version" is the French word`,
		"Authoring.Column.Version":   `"Version" is the French word`,
		"Authoring.Column.Date":      `"Date" is the French word`,
		"Authoring.Sheet.Versions":   `"Versions" is the French word`,
		"Figure.Qualifier.Exact":     `"Exact" is the French word`,
		"Place.Kind.Site":            `"Site" is the French word`,
		"Authoring.Column.Latitude":  `"Latitude" is the French word`,
		"Authoring.Column.Longitude": `"Longitude" is the French word`,
		"Workbook.Column.Latitude":   `"Latitude" is the French word`,
		"Workbook.Column.Longitude":  `"Longitude" is the French word`,
		"Workbook.Column.URL":        `"URL" is the French term`,
		"Workbook.Format.Time":       "an Excel format code, not words; French reads hh:mm too",
	},
	"ru": {
		"Workbook.Column.URL":  `"URL" is written so in Russian`,
		"Workbook.Format.Time": "an Excel format code, not words; Russian reads hh:mm too",
	},
}

// hasWords reports whether a form holds a letter outside its placeholders.
func hasWords(form string) bool {
	return strings.ContainsFunc(actionRE.ReplaceAllString(form, ""), unicode.IsLetter)
}

// untranslated returns what is wrong with catalog c against the English
// catalog src, given the messages allowed to be the same as English: a
// message that is still the English text, in every form English has and
// with words in it, and is not allowed; an allowed message that is not
// the English text, or has no words; an allowed message English lacks.
func untranslated(src, c rawCatalog, allowed map[string]string) []string {
	var bad []string
	for _, id := range slices.Sorted(maps.Keys(src.messages)) {
		sm, m := src.messages[id], c.messages[id]
		if m == nil {
			continue // TestCatalogsComplete says so
		}
		same, words := true, false
		for _, k := range formKeys {
			if sm[k] != "" {
				same = same && m[k] == sm[k]
				words = words || hasWords(sm[k])
			}
		}
		_, listed := allowed[id]
		switch {
		case same && words && !listed:
			bad = append(bad, fmt.Sprintf("%s: %s is still the English %q: translate it, or add it to sameAsEnglish with the reason", c.path, id, sm["other"]))
		case listed && (!same || !words):
			bad = append(bad, fmt.Sprintf("%s: %s is listed in sameAsEnglish but is %q, not the English %q: remove it from the list", c.path, id, m["other"], sm["other"]))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(allowed)) {
		if src.messages[id] == nil {
			bad = append(bad, fmt.Sprintf("sameAsEnglish[%q] lists %s, which %s lacks", c.tag, id, src.path))
		}
	}
	return bad
}

// TestCatalogsTranslated fails when a message of a shipped catalog (or of
// the Russian test catalog) is still the English text, unless
// sameAsEnglish gives the reason, and when sameAsEnglish lists a message
// that is not, or no longer, the English text, so that the list stays
// short and true.
func TestCatalogsTranslated(t *testing.T) {
	src, others := rawCatalogs(t)
	for _, c := range others {
		for _, msg := range untranslated(src, c, sameAsEnglish[c.tag]) {
			t.Error(msg)
		}
	}
	for tag := range sameAsEnglish {
		if !slices.ContainsFunc(others, func(c rawCatalog) bool { return c.tag == tag }) {
			t.Errorf("sameAsEnglish lists messages for %s, which has no catalog", tag)
		}
	}
}

// TestUntranslatedCatches plants, in a copy of the German catalog, a
// message left in English, a plural left in English in one form only, a
// listed message that was translated since, and a listed id that does not
// exist; only the first and the last two are errors.
func TestUntranslatedCatches(t *testing.T) {
	src, others := rawCatalogs(t)
	i := slices.IndexFunc(others, func(c rawCatalog) bool { return c.tag == "de" })
	if i < 0 {
		t.Fatal("no German catalog is shipped")
	}
	de := rawCatalog{path: others[i].path, tag: "de", messages: map[string]map[string]string{}}
	for id, m := range others[i].messages {
		de.messages[id] = maps.Clone(m)
	}
	de.messages["Field.Title"]["other"] = src.messages["Field.Title"]["other"] // "Title"
	de.messages["Count.Sources"]["one"] = src.messages["Count.Sources"]["one"] // "{{.Count}} source", but "Quellen" stays
	de.messages["Format.Month.April"]["other"] = "Aprill"                      // listed, no longer English
	allowed := maps.Clone(sameAsEnglish["de"])
	allowed["Chronology.Title"] = "no such message"
	got := untranslated(src, de, allowed)
	want := []string{
		`active.de.toml: Field.Title is still the English "Title": translate it, or add it to sameAsEnglish with the reason`,
		`active.de.toml: Format.Month.April is listed in sameAsEnglish but is "Aprill", not the English "April": remove it from the list`,
		`sameAsEnglish["de"] lists Chronology.Title, which active.en.toml lacks`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("untranslated =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCatalogsCanonical fails when a catalog is not byte for byte what
// goi18n merge writes, so running merge never rewrites a file by surprise.
func TestCatalogsCanonical(t *testing.T) {
	src, others := rawCatalogs(t)
	for _, c := range append([]rawCatalog{src}, others...) {
		want := canonical(t, c)
		fsys, name := fs.FS(shipped), c.path
		if c.tag == "ru" {
			fsys = os.DirFS("testdata")
		}
		got, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not in the form goi18n merge writes; run it (see the package documentation)", c.path)
		}
	}
}

// canonical encodes c as goi18n's marshalValue and marshal do for TOML.
func canonical(t *testing.T, c rawCatalog) []byte {
	v := make(map[string]any, len(c.messages))
	for id, m := range c.messages {
		v[id] = m
	}
	var buf bytes.Buffer
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCatalogIDs fails when code asks for a message the English catalog
// lacks, or the catalog holds one no code asks for.
func TestCatalogIDs(t *testing.T) {
	src, _ := rawCatalogs(t)
	used := map[ID]string{} // id → where the code names it
	for _, id := range exportedIDs(t) {
		used[id] = "ids.go"
	}
	for id := range formatFields {
		used[id] = "formatFields"
	}
	add := func(id ID, err error) {
		if err != nil {
			t.Error(err)
			return
		}
		used[id] = "LabelID"
	}
	for _, v := range model.Metrics() {
		add(LabelID(v))
	}
	for _, v := range model.Parties() {
		add(LabelID(v))
	}
	for _, v := range model.Qualifiers() {
		add(LabelID(v))
		add(phraseID(v))
	}
	for _, v := range model.FigureStatuses() {
		add(LabelID(v))
	}
	for _, v := range model.ClaimantKinds() {
		add(LabelID(v))
	}
	for _, v := range model.SourceCategories() {
		add(LabelID(v))
		add(headingID(v))
	}
	for _, v := range model.EventKinds() {
		add(LabelID(v))
	}
	for _, v := range append(model.Reliabilities(), model.Reliable) {
		add(LabelID(v))
	}
	for _, v := range model.PlaceKinds() {
		add(LabelID(v))
	}
	for _, v := range enumValues[model.DatePrecision]() {
		add(LabelID(v))
	}
	for _, v := range enumValues[model.GeoPrecision]() {
		add(LabelID(v))
	}
	for _, v := range enumValues[model.Role]() {
		add(LabelID(v))
	}
	for _, id := range slices.Sorted(maps.Keys(used)) {
		if src.messages[string(id)] == nil {
			t.Errorf("%s names message %s, which %s lacks", used[id], id, src.path)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(src.messages)) {
		if _, ok := used[ID(id)]; !ok && !strings.HasPrefix(id, languagePrefix) {
			t.Errorf("%s: message %s is used by no code", src.path, id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(src.messages)) {
		if tag, ok := strings.CutPrefix(id, languagePrefix); ok {
			if _, err := language.Parse(tag); err != nil {
				t.Errorf("%s: message %s: %v", src.path, id, err)
			}
		}
	}
}

// enumValues returns the values of a model enum that marshal to a name.
func enumValues[E textEnum]() []E {
	var vs []E
	for i := range 256 {
		v := E(i)
		if b, err := v.MarshalText(); err == nil && len(b) > 0 {
			vs = append(vs, v)
		}
	}
	return vs
}

// exportedIDs returns the values of the exported ID constants of ids.go.
func exportedIDs(t *testing.T) []ID {
	f, err := parser.ParseFile(token.NewFileSet(), "ids.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []ID
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			if typ, ok := vs.Type.(*ast.Ident); !ok || typ.Name != "ID" {
				continue
			}
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !name.IsExported() || !ok {
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, ID(s))
			}
		}
	}
	if len(ids) < 50 {
		t.Fatalf("found only %d exported ids in ids.go", len(ids))
	}
	return ids
}

// TestPluralMissingManyFailsAtMillion plants a French catalog whose
// Count.Arrested lacks the "many" form — which LoadFS would refuse — and
// checks that the singular and plural still work while a million is an
// error naming the form.
func TestPluralMissingManyFailsAtMillion(t *testing.T) {
	r := newRegistry()
	if err := r.load(shipped, []string{shippedGlob}); err != nil {
		t.Fatal(err)
	}
	c := r.catalogs[language.French]
	m := *c.messages[CountArrested].msg
	m.Many = ""
	e, err := newEntry(&m, "planted")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.bundle.AddMessages(language.French, &m); err != nil {
		t.Fatal(err)
	}
	c.messages[CountArrested] = e
	l := &Locale{reg: r, cat: c}
	if err := l.loadFormats(); err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{0: "0 personne arrêtée", 1: "1 personne arrêtée", 2: "2 personnes arrêtées"} {
		if got, err := l.Plural(CountArrested, n, nil); got != want || err != nil {
			t.Errorf("Plural(%d) = %q, %v; want %q", n, got, err, want)
		}
	}
	_, err = l.Plural(CountArrested, 1_000_000, nil)
	const want = `locales: message "Count.Arrested" in fr has no "many" form (count 1000000)`
	if err == nil || err.Error() != want {
		t.Fatalf("Plural(1000000) error = %v; want %s", err, want)
	}
	if !errors.Is(err, ErrMissingMessage) {
		t.Errorf("error does not wrap ErrMissingMessage")
	}
}

// TestFormsOf checks what the probe learns from go-i18n's plural rules.
func TestFormsOf(t *testing.T) {
	r := newRegistry()
	r.mu.Lock()
	defer r.mu.Unlock()
	for tag, want := range map[language.Tag]string{
		language.English: "one other",
		language.French:  "one many other",
		language.Russian: "one few many other",
		language.Arabic:  "zero one two few many other",
	} {
		forms, err := r.formsOf(tag)
		if got := strings.Join(forms, " "); got != want || err != nil {
			t.Errorf("formsOf(%s) = %q, %v; want %q", tag, got, err, want)
		}
	}
}
