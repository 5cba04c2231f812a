package workbook

import (
	"fmt"
	"strings"
	"sync"

	"github.com/coibrief/coibrief/locales"
	"golang.org/x/text/language"
)

// words is the wording of a workbook in one language.
type words struct {
	tag language.Tag
	loc *locales.Locale
	err error
}

func newWords(tag language.Tag) (*words, error) {
	loc, err := locales.New(tag)
	if err != nil {
		return nil, fmt.Errorf("workbook: %w: %w", ErrOptions, err)
	}
	return &words{tag: tag, loc: loc}, nil
}

// msg returns a message; the first error sticks in w.err.
func (w *words) msg(id locales.ID) string {
	s, err := w.loc.Message(id, nil)
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("workbook: %w", err)
	}
	return s
}

// header returns the header of column c, for language tag when c holds
// a text: "Text (fr)".
func (w *words) header(c *col, tag language.Tag) string {
	h := w.msg(c.msg)
	if c.kind == kText {
		h += " (" + tag.String() + ")"
	}
	return h
}

// vocabulary is the wording of every language the catalogs hold, by which
// Read knows sheets, headers and metadata rows whatever the language the
// workbook was written in.
type vocabulary struct {
	sheets  map[string]*sheetSpec // by folded name
	headers map[*sheetSpec]map[string]*col
	fields  map[string]*metaField
	names   map[*sheetSpec]string // English names, for messages
	english map[*col]string       // English headers, for messages
}

var (
	vocabOnce sync.Once
	vocab     *vocabulary
	vocabErr  error
)

// fold is how names are compared: case and surrounding spaces do not
// count.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func loadVocabulary() (*vocabulary, error) {
	vocabOnce.Do(func() {
		v := &vocabulary{sheets: map[string]*sheetSpec{}, headers: map[*sheetSpec]map[string]*col{}, fields: map[string]*metaField{}, names: map[*sheetSpec]string{}, english: map[*col]string{}}
		cats, err := locales.Shipped()
		if err != nil {
			vocabErr = err
			return
		}
		for _, tag := range cats.Languages() {
			w, err := newWords(tag)
			if err != nil {
				vocabErr = err
				return
			}
			for _, s := range sheets {
				name := w.msg(s.msg)
				if tag == language.English {
					v.names[s] = name
				}
				if o, ok := v.sheets[fold(name)]; ok && o != s {
					vocabErr = fmt.Errorf("workbook: %w: sheet name %q is %s and %s", ErrOptions, name, o.key, s.key)
					return
				}
				v.sheets[fold(name)] = s
				if v.headers[s] == nil {
					v.headers[s] = map[string]*col{}
				}
				for i := range s.cols {
					c := &s.cols[i]
					if tag == language.English {
						v.english[c] = w.msg(c.msg)
					}
					h := fold(w.msg(c.msg))
					if o, ok := v.headers[s][h]; ok && o != c {
						vocabErr = fmt.Errorf("workbook: %w: header %q of sheet %s is %s and %s", ErrOptions, h, s.key, o.key, c.key)
						return
					}
					v.headers[s][h] = c
				}
			}
			for i := range metaFields {
				f := &metaFields[i]
				l := fold(w.msg(f.msg))
				if o, ok := v.fields[l]; ok && o != f {
					vocabErr = fmt.Errorf("workbook: %w: field label %q is %s and %s", ErrOptions, l, o.path, f.path)
					return
				}
				v.fields[l] = f
			}
			if w.err != nil {
				vocabErr = w.err
				return
			}
		}
		vocab = v
	})
	return vocab, vocabErr
}

// column finds the column of s a header names, and the language of a
// text column: "Texte (fr)" is the French text.
func (v *vocabulary) column(s *sheetSpec, header string) (*col, language.Tag, bool) {
	h := fold(header)
	if c, ok := v.headers[s][h]; ok && c.kind != kText {
		return c, language.Tag{}, true
	}
	if i := strings.LastIndexByte(h, '('); i > 0 && strings.HasSuffix(h, ")") {
		base, code := strings.TrimSpace(h[:i]), strings.TrimSpace(h[i+1:len(h)-1])
		if c, ok := v.headers[s][base]; ok && c.kind == kText {
			tag, err := language.Parse(code)
			if err == nil {
				return c, tag, true
			}
		}
	}
	return nil, language.Tag{}, false
}
