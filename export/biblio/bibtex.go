package biblio

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// babel names the languages biblatex's langid and origlanguage take, by
// base language; a language missing here is given by its BCP 47 tag in
// the language field, which biblatex prints but does not hyphenate by.
var babel = map[string]string{
	"am": "amharic", "ar": "arabic", "de": "ngerman", "en": "english", "es": "spanish",
	"fa": "persian", "fr": "french", "hy": "armenian", "ka": "georgian", "kk": "kazakh",
	"ky": "kyrgyz", "pt": "portuguese", "ru": "russian", "tr": "turkish", "uk": "ukrainian",
	"uz": "uzbek", "zh": "chinese", "it": "italian", "pl": "polish",
}

func babelName(t language.Tag) string {
	base, _ := t.Base()
	return babel[base.String()]
}

// bibEscape escapes the characters TeX treats specially; the rest, any
// script, is written as UTF-8, which biber and bibtexparser read.
var bibEscape = strings.NewReplacer(
	// BibTeX balances braces whether escaped or not: \{ alone would end
	// a field early, so braces are written as commands.
	`\`, `\textbackslash{}`, `{`, `\textbraceleft{}`, `}`, `\textbraceright{}`, `%`, `\%`, `&`, `\&`, `#`, `\#`,
	`$`, `\$`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
	"\u00a0", `~`, // French typography's no-break spaces, as TeX writes them
)

// bibURL makes an address safe in a verbatim field: ASCII already, with
// the braces and backslashes percent-encoded.
var bibURL = strings.NewReplacer(`{`, `%7B`, `}`, `%7D`, `\`, `%5C`, ` `, `%20`)

// bibKey makes an entry key of a source id: the characters keys allow,
// others replaced by a hyphen.
func bibKey(id model.SourceID) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == ':', r == '.', r == '/':
			return r
		}
		return '-'
	}, string(id))
}

func (b *bib) bib(w io.Writer, latex bool) {
	keys := map[string]int{}
	for i, it := range b.items {
		if i > 0 {
			fmt.Fprint(w, "\n")
		}
		key := bibKey(it.ID)
		if n := keys[key]; n > 0 {
			keys[key]++
			key += "-" + strconv.Itoa(n+1)
		} else {
			keys[key] = 1
		}
		var fields [][2]string
		add := func(name, v string) {
			if v = oneLine(v); v != "" {
				fields = append(fields, [2]string{name, bibEscape.Replace(v)})
			}
		}
		// names adds a list of corporate names, each braced so that name
		// parsing does not split it at its spaces or at "and":
		// {Radio Azattyq} and {Radio Free Europe/Radio Liberty}.
		names := func(name string, vs ...string) {
			var parts []string
			for _, v := range vs {
				if v = oneLine(v); v != "" {
					parts = append(parts, "{"+bibEscape.Replace(v)+"}")
				}
			}
			if len(parts) > 0 {
				fields = append(fields, [2]string{name, strings.Join(parts, " and ")})
			}
		}
		raw := func(name, v string) {
			if v != "" {
				fields = append(fields, [2]string{name, v})
			}
		}
		typ := "misc"
		if latex {
			typ = "online"
			if it.Category == model.CategoryMedia {
				typ = "article"
			}
			names("author", it.Source.Author)
			add("title", it.Title)
			if it.translation != "" {
				add("titleaddon", "["+it.translation+"]")
			}
			if typ == "article" {
				add("journaltitle", it.Source.Outlet)
				add("note", it.Source.Group)
			} else {
				names("organization", it.Source.Outlet, it.Source.Group)
			}
			if !it.Published.IsZero() {
				raw("date", it.Published.String())
			}
			if l := babelName(it.TitleLanguage); l != "" {
				raw("langid", l)
			} else {
				add("language", it.TitleLanguage.String())
			}
			raw("url", bibURL.Replace(it.Link))
			if !it.Accessed.IsZero() {
				raw("urldate", it.Accessed.String())
			}
			add("addendum", strings.Join(b.notes(it), " "))
		} else {
			names("author", it.Source.Author)
			title := it.Title
			if it.translation != "" {
				title += " [" + it.translation + "]"
			}
			add("title", title)
			outlet := it.Source.Outlet
			if g := it.Source.Group; g != "" {
				outlet += " (" + g + ")"
			}
			add("howpublished", outlet)
			if !it.Published.IsZero() {
				raw("year", strconv.Itoa(it.Published.Year))
				raw("month", strings.ToLower(it.Published.Time().Format("Jan")))
			}
			raw("url", bibURL.Replace(it.Link))
			notes := b.notes(it)
			if !it.Accessed.IsZero() {
				notes = append(notes, "Accessed "+it.Accessed.String()+".")
			}
			add("note", strings.Join(notes, " "))
			add("language", it.TitleLanguage.String())
		}
		fmt.Fprintf(w, "@%s{%s,\n", typ, key)
		for j, f := range fields {
			sep := ","
			if j == len(fields)-1 {
				sep = ""
			}
			if f[0] == "month" {
				fmt.Fprintf(w, "  %s = %s%s\n", f[0], f[1], sep)
				continue
			}
			fmt.Fprintf(w, "  %s = {%s}%s\n", f[0], f[1], sep)
		}
		fmt.Fprint(w, "}\n")
	}
}
