package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// maxListed is how many characters an issue of Check names.
const maxListed = 5

// Check reports, before anything is rendered, every text of d that the
// PDF could not draw: texts holding characters that no font of the
// fallback chains has (see Options.Fonts), such as emoji, or Chinese or
// Ethiopic without fonts for them (the built-in fonts draw Latin, Greek,
// Cyrillic, Arabic, Hebrew, Georgian and Armenian). It returns one issue
// of severity error per such text, wrapping ErrGlyph, with the text's
// path in the dossier ("sources[3].title"), up to five of its characters
// by code point, name and script, the text (or the part of a long text
// around the first character), and what to do:
//
//	error: sources[3].title: character not in fonts: U+12A0 ETHIOPIC SYLLABLE GLOTTAL A (Ethiopic), … in "አዲስ አበባ": add a font covering Ethiopic with -fonts (Options.Fonts)
//
// Check tests each character as the renderer does, with the fonts of
// opt.Fonts: line breaks and tabs are drawn as such, default-ignorable
// code points (U+00AD SOFT HYPHEN, U+200B ZERO WIDTH SPACE, variation
// selectors…) are not drawn, and any other character must be in a font
// of the fallback chain of every style. It reads the texts
// model.EachString visits, except those the PDF does not print: the
// aliases of places, the authors of sources, the notes of figures and
// the documents of errata. For a single edition in a given language
// (opt.Language), it reads the texts in that language and those in no
// language in particular (titles of sources, outlets); otherwise every
// language of the dossier, which covers every edition. Options the
// dossier cannot be rendered with (an unknown edition, a language the
// dossier is not written in, two-language editions of a dossier in one,
// an unknown paper, margins out of bounds, a logo that is not an image)
// are issues wrapping ErrOptions.
//
// A dossier that model.Validate and Check both accept renders in every
// edition Check was asked about. Check returns issues in the order of
// the dossier, at most model.MaxIssues of them; when there are more, a
// last issue, whose Err is a *model.OmittedError, counts the others.
// Issues.Err makes an error of them. A nil dossier is one issue.
func Check(d *model.Dossier, opt Options) model.Issues {
	if d == nil {
		return model.Issues{{Severity: model.SeverityError, Err: fmt.Errorf("%w: nil dossier", ErrOptions)}}
	}
	var c checker
	c.options(d, opt)
	if err := loadFonts(); err != nil {
		c.add("", err)
		return c.issues
	}
	c.ts = newTypesetter(opt.Fonts)
	skip := map[string]bool{} // the languages not checked
	if opt.Edition == Single && opt.Language != language.Und {
		for _, tag := range d.Languages {
			if tag != opt.Language {
				skip[tag.String()] = true
			}
		}
	}
	err := model.EachString(d, func(path, s string) error {
		if len(skip) > 0 && skip[path[strings.LastIndexByte(path, '.')+1:]] {
			return nil
		}
		if !printed(path) {
			return nil
		}
		c.text(path, s)
		return nil
	})
	if err != nil {
		c.add("", err)
	}
	if c.omitted > 0 {
		c.issues = append(c.issues, model.Issue{Severity: model.SeverityError, Err: &model.OmittedError{Errors: c.omitted}})
	}
	return c.issues
}

// printed reports whether the PDF may print the text at path: not the
// aliases of places, the authors of sources, the notes of figures, or
// the documents of errata, which only the workbook shows.
func printed(path string) bool {
	switch {
	case strings.HasPrefix(path, "places["):
		return !strings.Contains(path, "].aliases[")
	case strings.HasPrefix(path, "sources["):
		return !strings.HasSuffix(path, "].author")
	case strings.HasPrefix(path, "figures["):
		return !strings.Contains(path, "].note.")
	case strings.HasPrefix(path, "errata["):
		return !strings.HasSuffix(path, "].document")
	}
	return true
}

// checker gathers the issues of Check.
type checker struct {
	ts      *typesetter // the fonts' fallback chains
	issues  model.Issues
	omitted int
	low     [0x3000]uint8 // for runes below 0x3000: 0 unknown, 1 drawable, 2 not
	high    map[rune]bool
	missing []rune // of the text being checked
}

func (c *checker) add(path string, err error) {
	if len(c.issues) >= model.MaxIssues {
		c.omitted++
		return
	}
	c.issues = append(c.issues, model.Issue{Severity: model.SeverityError, Path: path, Err: err})
}

// options reports the options d cannot be rendered with.
func (c *checker) options(d *model.Dossier, opt Options) {
	switch opt.Edition {
	case Single:
		if opt.Language != language.Und && !slices.Contains(d.Languages, opt.Language) {
			c.add("languages", fmt.Errorf("%w: the dossier is not written in %s (it is in %v)", ErrOptions, opt.Language, d.Languages))
		}
	case Parallel, Sequential:
		if len(d.Languages) < 2 {
			c.add("languages", fmt.Errorf("%w: a %s edition needs a dossier in two languages, not %v", ErrOptions, opt.Edition, d.Languages))
		}
	default:
		c.add("", fmt.Errorf("%w: unknown edition %d", ErrOptions, uint8(opt.Edition)))
	}
	c.page(opt)
}

// drawable is typesetter.drawable(r), remembered.
func (c *checker) drawable(r rune) bool {
	if r >= 0 && r < rune(len(c.low)) {
		if v := c.low[r]; v != 0 {
			return v == 1
		}
		ok := c.ts.drawable(r)
		c.low[r] = 2
		if ok {
			c.low[r] = 1
		}
		return ok
	}
	ok, known := c.high[r]
	if !known {
		if c.high == nil {
			c.high = map[rune]bool{}
		}
		ok = c.ts.drawable(r)
		c.high[r] = ok
	}
	return ok
}

// text checks the text s at path.
func (c *checker) text(path, s string) {
	c.missing = c.missing[:0]
	for _, r := range s {
		if r >= 0x20 && r < 0x7F || c.drawable(r) || slices.Contains(c.missing, r) {
			continue
		}
		c.missing = append(c.missing, r)
	}
	if len(c.missing) == 0 {
		return
	}
	var b strings.Builder
	for i, r := range c.missing {
		if i == maxListed {
			fmt.Fprintf(&b, " and %d more", len(c.missing)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(describe(r))
	}
	c.add(path, fmt.Errorf("%w: %s in %q: %s", ErrGlyph, b.String(), excerpt(s, c.missing[0], 60), hint(c.missing[0])))
}

// hint says what to do about a character the fonts lack.
func hint(r rune) string {
	switch {
	case r == unicode.ReplacementChar:
		return "the mark of a character lost in a conversion: write the character the source has"
	case unicode.Is(unicode.Co, r) || !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.C):
		return "a private or unassigned code point, which no reader's font can show either: remove it"
	case unicode.IsControl(r):
		return "a control character: remove it"
	case unicode.IsSymbol(r):
		return "the fonts have no such symbol: write it out in words, or add a font that has it with -fonts (Options.Fonts)"
	case unicode.IsPunct(r) || unicode.IsSpace(r):
		return "the fonts lack this sign: use a common one instead, or add a font that has it with -fonts (Options.Fonts)"
	}
	return "add a font covering " + script(r) + " with -fonts (Options.Fonts)"
}
