package pdf_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// minimal loads model/testdata/minimal.json, a valid dossier of two
// languages, for a test to change one text of.
func minimal(t testing.TB) *model.Dossier {
	t.Helper()
	d, issues, err := model.LoadFile("../../model/testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := issues.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

// editions are the four renderings of a French and English briefing.
var allEditions = []struct {
	name string
	opt  pdf.Options
}{
	{"fr", pdf.Options{Language: fr}},
	{"en", pdf.Options{Language: en}},
	{"parallel", pdf.Options{Edition: pdf.Parallel}},
	{"sequential", pdf.Options{Edition: pdf.Sequential}},
}

// renderValid checks that d validates, renders its bilingual briefing in
// opt and writes the PDF to a file of the test's temporary directory.
func renderValid(t *testing.T, d *model.Dossier, opt pdf.Options, name string) string {
	t.Helper()
	if err := model.Validate(d).Err(); err != nil {
		t.Fatalf("the test dossier is invalid: %v", err)
	}
	return renderDossier(t, d, opt, name)
}

// renderDossier is renderValid without the validation.
func renderDossier(t *testing.T, d *model.Dossier, opt pdf.Options, name string) string {
	t.Helper()
	doc, err := report.Build(d, bilingual)
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := pdf.Render(doc, opt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name+".pdf")
	if dir := os.Getenv("COIBRIEF_KEEP"); dir != "" {
		path = filepath.Join(dir, t.Name()+"-"+name+".pdf")
		os.MkdirAll(filepath.Dir(path), 0o755)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// box is a word as pdftotext -bbox reads it, in points from the top left
// of its page.
type box struct {
	page       int
	x, y, h, r float64 // xMin, yMin, height, xMax
	text       string
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// boxes returns the words of the PDF at path.
func boxes(t *testing.T, path string) []box {
	t.Helper()
	out := run(t, tool(t, "pdftotext", "poppler-utils"), "-bbox", "-enc", "UTF-8", path, "-")
	var bs []box
	page := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "<page ") {
			page++
		}
		m := wordRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
		bs = append(bs, box{page: page, x: f(1), y: f(2), r: f(3), h: f(4) - f(2), text: m[5]})
	}
	return bs
}

// find returns the boxes of word, with or without the punctuation
// around it.
func find(bs []box, word string) []box {
	var out []box
	for _, b := range bs {
		if strings.TrimFunc(b.text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) == word {
			out = append(out, b)
		}
	}
	return out
}

// below reports whether some b of bs is set on the line after some a of
// as: on the same page, a line lower, starting at the left of a or at
// a's left edge.
func below(as, bs []box) (dy float64, ok bool) {
	for _, a := range as {
		for _, b := range bs {
			if a.page == b.page && b.y > a.y+a.h/2 && b.y < a.y+2.5*a.h && b.x <= a.x+0.5 {
				return b.y - a.y, true
			}
		}
	}
	return 0, false
}

// beside reports whether some b of bs follows some a of as on its line.
func beside(as, bs []box) bool {
	for _, a := range as {
		for _, b := range bs {
			if a.page == b.page && abs(b.y-a.y) < 0.5 && b.x > a.r {
				return true
			}
		}
	}
	return false
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestLineBreaks gives texts of every kind a newline, CR LF, CR, U+2028
// and U+2029 and a tab, and checks in every edition that each line break
// starts a new line of its paragraph, CR LF counting as one, and that a
// tab reads as a space; where a text has one line only (a running head,
// a map label, the table of contents), the break is a space. Validate
// refuses CR, a control character: the dossier is rendered without it,
// as a program that builds its dossier in code may.
func TestLineBreaks(t *testing.T) {
	d := minimal(t)
	both := func(f func(p string) string) model.Text {
		return model.Text{fr: f("F"), en: f("E")}
	}
	// a statement: every kind of break, and a tab
	d.Chronology[0].Entries[0].Text = both(func(p string) string {
		return p + "ALPHA un\n" + p + "BRAVO deux\r\n" + p + "CHARLIE trois\r" + p + "DELTA quatre\u2028" +
			p + "ECHO cinq\u2029" + p + "FOXTROT six\t" + p + "GOLF sept"
	})
	// its footnote
	d.Chronology[0].Entries[0].Note = both(func(p string) string { return p + "NOTEA\n" + p + "NOTEB" })
	// a title: the cover's, and a section's (heading, table of contents)
	d.Title = both(func(p string) string { return p + "TITLEA\r\n" + p + "TITLEB" })
	d.ShortTitle = both(func(p string) string { return p + "HEADA\n" + p + "HEADB" })
	d.Sections = []model.Section{{
		ID:    "themes",
		Title: both(func(p string) string { return p + "SECTA\u2029" + p + "SECTB" }),
		Paragraphs: []model.Statement{{
			ID:   "themes-1",
			Text: both(func(p string) string { return p + "PARAA\t\t" + p + "PARAB" }),
		}},
	}}
	// a table cell: the claimant of the key figures
	for i := range d.Figures {
		d.Figures[i].Claimant.Name = both(func(p string) string { return p + "CELLA\n" + p + "CELLB" })
	}
	// the bibliography: an original title and its translation
	d.Sources[0].Title = "BIBA\nBIBB"
	d.Sources[0].TitleLanguage = language.Russian
	d.Sources[0].Translation = both(func(p string) string { return p + "TRANSA\u2028" + p + "TRANSB" })
	// a place: a heading of the chronology, a map label, a table cell
	d.Places[1].Name = both(func(p string) string { return p + "PLACEA\n" + p + "PLACEB" })

	for _, ed := range allEditions {
		t.Run(ed.name, func(t *testing.T) {
			bs := boxes(t, renderDossier(t, d, ed.opt, ed.name))
			langs := []string{"F", "E"}
			switch ed.name {
			case "fr":
				langs = langs[:1]
			case "en":
				langs = langs[1:]
			}
			for _, p := range langs {
				// each break of the statement starts a new line, one line
				// lower than the last: CR LF is one break, not two
				seq := []string{"ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT"}
				var step float64
				for i := 1; i < len(seq); i++ {
					a, b := find(bs, p+seq[i-1]), find(bs, p+seq[i])
					dy, ok := below(a, b)
					if !ok {
						t.Errorf("%s: %s%s is not on the line after %s%s: %v %v", ed.name, p, seq[i], p, seq[i-1], b, a)
						continue
					}
					if step == 0 {
						step = dy
					} else if abs(dy-step) > 0.2 {
						t.Errorf("%s: %s%s is %.1f pt below %s%s; the lines above are %.1f pt apart", ed.name, p, seq[i], dy, p, seq[i-1], step)
					}
				}
				if !beside(find(bs, p+"FOXTROT"), find(bs, p+"GOLF")) {
					t.Errorf("%s: the tab before %sGOLF is not a space on its line", ed.name, p)
				}
				for _, pair := range [][2]string{{"NOTEA", "NOTEB"}, {"TITLEA", "TITLEB"}, {"SECTA", "SECTB"}, {"CELLA", "CELLB"}, {"TRANSA", "TRANSB"}, {"PLACEA", "PLACEB"}} {
					if pair[0] == "CELLA" && ed.name == "parallel" && p == "E" {
						continue // the tables of a parallel edition are in its first language
					}
					if _, ok := below(find(bs, p+pair[0]), find(bs, p+pair[1])); !ok {
						t.Errorf("%s: %s%s is not on the line after %s%s", ed.name, p, pair[1], p, pair[0])
					}
				}
				// a tab, and texts of one line: the running head, the table
				// of contents
				for _, pair := range [][2]string{{"HEADA", "HEADB"}, {"SECTA", "SECTB"}, {"PARAA", "PARAB"}} {
					if !beside(find(bs, p+pair[0]), find(bs, p+pair[1])) {
						t.Errorf("%s: %s%s does not follow %s%s on its line", ed.name, p, pair[1], p, pair[0])
					}
				}
			}
			if _, ok := below(find(bs, "BIBA"), find(bs, "BIBB")); !ok {
				t.Errorf("%s: BIBB is not on the line after BIBA", ed.name)
			}
		})
	}
	// The briefing keeps the texts as they are: breaks are the renderer's.
	doc, err := report.Build(d, bilingual)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Meta.Title[0]; got != "FTITLEA\r\nFTITLEB" {
		t.Errorf("the briefing's title is %q", got)
	}
}

// invisible holds default-ignorable code points within words: none may be
// drawn, or stop the rendering.
const invisible = "Kazakh\u00adstan ZW\u200bSP\u200c\u200dJ WJ\u2060\u2061\u2062\u2063\u2064X " +
	"MARKS\u200e\u200f VS\ufe00\ufe0fX MVS\u180b\u180c\u180d\u180e\u180fX CGJ\u034fX " +
	"TAG\U000e0001\U000e0041\U000e007fX HF\u115f\u1160\u3164\uffa0X ALM\u061cX KH\u17b4\u17b5X " +
	"FMT\u206a\u206fX MUS\U0001d173X BOM\ufeffX"

// TestInvisible puts default-ignorable code points in texts of every kind
// and checks that every edition renders, and that what pdftotext reads is
// the text without them.
func TestInvisible(t *testing.T) {
	d := minimal(t)
	text := model.Text{fr: invisible, en: invisible}
	d.Chronology[0].Entries[0].Text = text
	d.Chronology[0].Entries[0].Note = text
	d.Title = model.Text{fr: "Kazakh\u00adstan\u200b : essai", en: "Kazakh\u00adstan\u200b: test"}
	d.Sources[0].Title = invisible
	for i := range d.Figures {
		d.Figures[i].Claimant.Name = text
	}
	d.Places[1].Name = model.Text{fr: "Al\u200dmaty\ufe0f", en: "Al\u200dmaty\ufe0f"}
	want := []string{"Kazakhstan", "ZWSPJ", "WJX", "MARKS", "VSX", "MVSX", "CGJX", "TAGX", "HFX", "ALMX", "KHX", "FMTX", "MUSX", "BOMX", "Almaty"}
	for _, ed := range allEditions {
		path := renderValid(t, d, ed.opt, ed.name)
		txt := text2(t, path)
		for _, w := range want {
			if !strings.Contains(txt, w) {
				t.Errorf("%s: %q is not in the text", ed.name, w)
			}
		}
		for _, r := range txt {
			if r == '\u00ad' || r >= '\u200b' && r <= '\u200f' || r >= '\u2060' && r <= '\u206f' || r == '\ufeff' || r >= '\ufe00' && r <= '\ufe0f' || r >= 0xe0000 {
				t.Errorf("%s: %U is drawn", ed.name, r)
			}
		}
	}
}

// text2 is what pdftotext reads, as it reads it.
func text2(t *testing.T, path string) string {
	t.Helper()
	return run(t, tool(t, "pdftotext", "poppler-utils"), "-enc", "UTF-8", path, "-")
}
