package synth

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// The dossier's languages, main first.
var (
	fr = language.French
	en = language.English
)

// Spaces of French typography: a no-break space before a colon and inside
// guillemets, a narrow no-break space before ; ! ? and between groups of
// digits.
const (
	nbsp  = "\u00a0"
	nnbsp = "\u202f"
)

var (
	frTypo = strings.NewReplacer(" :", nbsp+":", " ;", nnbsp+";", " !", nnbsp+"!", " ?", nnbsp+"?",
		"« ", "«"+nbsp, " »", nbsp+"»", "'", "’")
)

// enTypo turns straight quotes into typographic ones: ‘ after a space or
// at the start, ’ elsewhere (closing quotes and apostrophes).
func enTypo(s string) string {
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		if r == '\'' {
			r = '’'
			if prev == ' ' || prev == '(' || prev == '[' || prev == '“' {
				r = '‘'
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// pair is a text in French and English.
type pair struct{ fr, en string }

func (p pair) text() model.Text { return model.Text{fr: p.fr, en: p.en} }

// join returns the sentences of ps joined by spaces.
func join(ps ...pair) pair {
	var f, e []string
	for _, p := range ps {
		if p.fr != "" {
			f = append(f, p.fr)
			e = append(e, p.en)
		}
	}
	return pair{strings.Join(f, " "), strings.Join(e, " ")}
}

// tpl is a sentence template in French and English, written with plain
// spaces and straight apostrophes; tp applies typography once. Slots are
// written {name}.
type tpl struct{ fr, en string }

func tp(f, e string) tpl { return tpl{frTypo.Replace(f), enTypo(e)} }

// slots are the values of a template's slots, per language.
type slots []slot

type slot struct{ key, fr, en string }

func (s *slots) set(key string, v pair) { *s = append(*s, slot{key, v.fr, v.en}) }

func (s slots) get(key string, french bool) (string, bool) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].key == key {
			if french {
				return s[i].fr, true
			}
			return s[i].en, true
		}
	}
	return "", false
}

// render fills t's slots and capitalises the first letter. A slot with no
// value is left as written, which the tests look for. A slot ending a
// sentence with an abbreviation ("a.m.") takes the sentence's full stop.
func (t tpl) render(s slots) pair {
	f, e := fill(t.fr, s, true), fill(t.en, s, false)
	return pair{capFirst(strings.ReplaceAll(f, "..", ".")), capFirst(strings.ReplaceAll(e, "..", "."))}
}

func fill(t string, s slots, french bool) string {
	if !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		if v, ok := s.get(t[i+1:i+j], french); ok {
			b.WriteString(v)
		} else {
			b.WriteString(t[i : i+j+1])
		}
		t = t[i+j+1:]
	}
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// vowel reports whether French elides before s: "d’Aktobe", "l’akimat".
func vowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("AEIOUÀÂÉÈÊÎÔÖÛÜaeiouàâéèêîôöûüh", r)
}

// de returns "de X" or "d’X".
func de(s string) string {
	if vowel(s) {
		return "d’" + s
	}
	return "de " + s
}

// np is a French noun phrase whose article depends on its gender and
// first sound.
type np struct {
	name string
	fem  bool
}

func (n np) def() string {
	switch {
	case vowel(n.name):
		return "l’" + n.name
	case n.fem:
		return "la " + n.name
	}
	return "le " + n.name
}

func (n np) of() string { // "de l’akimat", "du tribunal", "de la gare"
	switch {
	case vowel(n.name):
		return "de l’" + n.name
	case n.fem:
		return "de la " + n.name
	}
	return "du " + n.name
}

// Numbers.

func frInt(n int) string { return group(n, nnbsp) }
func enInt(n int) string { return group(n, ",") }

func group(n int, sep string) string {
	s := strconv.Itoa(n)
	if n < 10000 && sep == nnbsp { // French leaves four-digit numbers whole
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

func num(n int) pair { return pair{frInt(n), enInt(n)} }

// dec formats a price with two decimals.
func dec(cents int) pair {
	s := strconv.Itoa(cents/100) + "." + strconv.Itoa(cents%100/10) + strconv.Itoa(cents%10)
	return pair{strings.Replace(s, ".", ",", 1), s}
}

// Dates.

var (
	frMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	ruMonths = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	kkMonths = [...]string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"}
)

// day returns "5 janvier" / "5 January" ("1er janvier" in French).
func day(d model.Date) pair {
	f := strconv.Itoa(d.Day)
	if d.Day == 1 {
		f = "1er"
	}
	return pair{f + " " + frMonths[d.Month-1], strconv.Itoa(d.Day) + " " + d.Month.String()}
}

// date returns day(d) with the year.
func date(d model.Date) pair {
	p := day(d)
	y := " " + strconv.Itoa(d.Year)
	return pair{p.fr + y, p.en + y}
}

// month returns "janvier 2022" / "January 2022".
func month(d model.Date) pair {
	y := " " + strconv.Itoa(d.Year)
	return pair{frMonths[d.Month-1] + y, d.Month.String() + y}
}

func ruDay(d model.Date) string { return strconv.Itoa(d.Day) + " " + ruMonths[d.Month-1] }
func kkDay(d model.Date) string { return strconv.Itoa(d.Day) + " " + kkMonths[d.Month-1] }

// iso returns d as model.Date.String does, "2022-01-07", without fmt.
func iso(d model.Date) string {
	return strconv.Itoa(d.Year) + "-" + two(int(d.Month)) + "-" + two(d.Day)
}

// numeric returns "07/01/2022", as bibliographies print dates.
func numeric(d model.Date) string {
	return two(d.Day) + "/" + two(int(d.Month)) + "/" + strconv.Itoa(d.Year)
}

// clock returns "15 h 30" / "3.30 p.m.".
func clock(c model.Clock) pair {
	f := strconv.Itoa(c.Hour) + nbsp + "h"
	if c.Minute != 0 {
		f += nbsp + strconv.Itoa(c.Minute/10) + strconv.Itoa(c.Minute%10)
	}
	switch {
	case c.Hour == 0 && c.Minute == 0:
		return pair{"minuit", "midnight"}
	case c.Hour == 12 && c.Minute == 0:
		return pair{"midi", "noon"}
	}
	h, suffix := c.Hour%12, " a.m."
	if c.Hour >= 12 {
		suffix = " p.m."
	}
	if h == 0 {
		h = 12
	}
	e := strconv.Itoa(h)
	if c.Minute != 0 {
		e += "." + strconv.Itoa(c.Minute/10) + strconv.Itoa(c.Minute%10)
	}
	return pair{f, e + suffix}
}

// slug returns s in lowercase ASCII letters and digits separated by
// hyphens; other letters are kept when keep is true (for non-ASCII URLs).
func slug(s string, keep bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		ok := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') ||
			keep && r >= utf8.RuneSelf && unicode.IsLetter(r)
		if !ok {
			r = foldLatin(r)
			ok = r != 0
		}
		if ok {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// foldLatin returns the ASCII letter of an accented Latin letter, or 0.
func foldLatin(r rune) rune {
	const from, to = "àâäáãåçéèêëíìîïñóòôöõúùûüūýÿğış", "aaaaaaceeeeiiiinooooouuuuuyygis"
	for i, c := range []rune(from) {
		if c == r {
			return rune(to[i])
		}
	}
	return 0
}
