package pdf_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// TestCheck puts characters the fonts lack in texts of several kinds and
// checks that Check reports each text once, with its path, the
// characters by code point, name and script, and a hint; that it reads
// the texts of one language only when asked for a single edition in it;
// that the built-in fonts' fallback covers Arabic; and that rendering,
// which Check is meant to come before, fails naming every character
// rather than the first.
func TestCheck(t *testing.T) {
	d := minimal(t)
	d.Sources[1].Title = "الجزيرة"
	d.Sources[1].TitleLanguage = language.Arabic
	d.Chronology[0].Entries[1].Text[en] += " 🙂"
	d.Places[1].Name[fr] = "Almaty (阿拉木图)"
	d.Places[1].Aliases = []string{"阿拉木图", "ალმათი"}
	d.Chronology[0].Entries[0].Note = model.Text{fr: "Selon Addis Standard : ሰላም ለዓለም።", en: "Per Addis Standard."}
	d.Figures[0].Claimant.Name[en] = "Prosecutor\ufffd"
	// drawable: line breaks, tabs, default-ignorable code points, Cyrillic, Greek
	d.Chronology[0].Entries[0].Text[en] = "Riots\tbreak out\nin Almaty\u2028(Алматы, Ἀλμάτυ)\u00ad\u200b\ufe0f."
	if err := model.Validate(d).Err(); err != nil {
		t.Fatalf("the test dossier is invalid: %v", err)
	}

	issues := pdf.Check(d, pdf.Options{})
	want := []string{
		`error: chronology[0].entries[0].note.fr: character not in fonts: U+1230 ETHIOPIC SYLLABLE SA (Ethiopic), U+120B ETHIOPIC SYLLABLE LAA (Ethiopic), U+121D ETHIOPIC SYLLABLE ME (Ethiopic), U+1208 ETHIOPIC SYLLABLE LA (Ethiopic), U+12D3 ETHIOPIC SYLLABLE PHARYNGEAL AA (Ethiopic) and 1 more in "Selon Addis Standard : ሰላም ለዓለም።": add a font covering Ethiopic with -fonts (Options.Fonts)`,
		`error: chronology[0].entries[1].text.en: character not in fonts: U+1F642 SLIGHTLY SMILING FACE (Common) in "Soldiers were reportedly captured. 🙂": the fonts have no such symbol: write it out in words, or add a font that has it with -fonts (Options.Fonts)`,
		`error: places[1].name.fr: character not in fonts: U+963F CJK UNIFIED IDEOGRAPH-963F (Han), U+62C9 CJK UNIFIED IDEOGRAPH-62C9 (Han), U+6728 CJK UNIFIED IDEOGRAPH-6728 (Han), U+56FE CJK UNIFIED IDEOGRAPH-56FE (Han) in "Almaty (阿拉木图)": add a font covering Han with -fonts (Options.Fonts)`,
		`error: figures[0].claimant.name.en: character not in fonts: U+FFFD REPLACEMENT CHARACTER (Common) in "Prosecutor` + "\ufffd" + `": the mark of a character lost in a conversion: write the character the source has`,
	}
	var got []string
	for _, is := range issues {
		got = append(got, is.Error())
		if !errors.Is(is, pdf.ErrGlyph) || is.Severity != model.SeverityError {
			t.Errorf("%v: not an error wrapping ErrGlyph", is)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err := issues.Err(); !errors.Is(err, pdf.ErrGlyph) {
		t.Errorf("Issues.Err() = %v; want ErrGlyph", err)
	}

	// English alone: the French note and place name are not read
	var paths []string
	for _, is := range pdf.Check(d, pdf.Options{Language: en}) {
		paths = append(paths, is.Path)
	}
	if got, want := strings.Join(paths, " "), "chronology[0].entries[1].text.en figures[0].claimant.name.en"; got != want {
		t.Errorf("Check in English: %s; want %s", got, want)
	}

	// Rendering fails, naming every character the edition lacks.
	doc, err := report.Build(d, bilingual)
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := pdf.Render(doc, pdf.Options{Edition: pdf.Sequential})
	if !errors.Is(err, pdf.ErrGlyph) || data != nil {
		t.Fatalf("Render: %v; want ErrGlyph", err)
	}
	for _, r := range "ሰላምለዓ።🙂阿拉木图\ufffd" {
		if !strings.Contains(err.Error(), fmt.Sprintf("%U ", r)) {
			t.Errorf("the error of Render does not name %U: %v", r, err)
		}
	}
	for _, where := range []string{"footnote 1", "statement 2022-01-05-02", "place almaty"} {
		if !strings.Contains(err.Error(), " in "+where+": ") {
			t.Errorf("the error of Render does not say %q: %v", where, err)
		}
	}
}

// TestCheckOptions checks the issues of options a dossier cannot be
// rendered with, and of no dossier.
func TestCheckOptions(t *testing.T) {
	d := minimal(t)
	one := minimal(t)
	one.Languages = one.Languages[:1]
	for _, c := range []struct {
		d    *model.Dossier
		opt  pdf.Options
		want string
	}{
		{nil, pdf.Options{}, "error: invalid options: nil dossier"},
		{d, pdf.Options{Edition: 7}, "error: invalid options: unknown edition 7"},
		{d, pdf.Options{Language: language.German}, "error: languages: invalid options: the dossier is not written in de (it is in [fr en])"},
		{one, pdf.Options{Edition: pdf.Parallel}, "error: languages: invalid options: a parallel edition needs a dossier in two languages, not [fr]"},
	} {
		is := pdf.Check(c.d, c.opt)
		if len(is) != 1 || is[0].Error() != c.want || !errors.Is(is[0], pdf.ErrOptions) {
			t.Errorf("Check(%+v) = %v; want %s", c.opt, is, c.want)
		}
	}
	for _, ed := range allEditions {
		if is := pdf.Check(d, ed.opt); len(is) != 0 {
			t.Errorf("%s: %v", ed.name, is)
		}
	}
}

// TestCheckKazakhstan checks that the Kazakhstan dossier passes.
func TestCheckKazakhstan(t *testing.T) {
	d := dossier(t)
	for _, ed := range allEditions {
		if is := pdf.Check(d, ed.opt); len(is) != 0 {
			t.Errorf("%s: %v", ed.name, is)
		}
	}
}

// TestCheckLimit checks that Check lists at most model.MaxIssues issues and
// counts the others.
func TestCheckLimit(t *testing.T) {
	d := minimal(t)
	base := d.Chronology[0].Entries[0]
	for i := range model.MaxIssues + 10 {
		e := base
		e.ID = model.StatementID(fmt.Sprintf("e-%d", i))
		e.Text = model.Text{fr: "🙂", en: "smile"}
		d.Chronology[0].Entries = append(d.Chronology[0].Entries, e)
	}
	is := pdf.Check(d, pdf.Options{})
	var o *model.OmittedError
	if len(is) != model.MaxIssues+1 || !errors.As(is[len(is)-1].Err, &o) || o.Errors != 10 {
		t.Fatalf("%d issues, the last %v; want %d and 10 omitted", len(is), is[len(is)-1], model.MaxIssues+1)
	}
	if e, w := is.Count(); e != model.MaxIssues+10 || w != 0 {
		t.Errorf("Count() = %d, %d", e, w)
	}
}

// richDossier is the minimal dossier with a text in every field of the
// format that holds one.
func richDossier(t *testing.T) *model.Dossier {
	d := minimal(t)
	both := func(s string) model.Text { return model.Text{fr: s + " (fr)", en: s + " (en)"} }
	d.ShortTitle = both("Short title")
	d.Issuer.Unit = both("Research unit")
	d.Method.Note = both("Method note")
	d.Method.Version = "1.0 final"
	d.Background = []model.Statement{{ID: "bg-1", Text: both("Background"), Note: both("Background note"), Sources: []model.SourceID{"lemonde-2022-01-06"}}}
	d.Chronology[0].Title = both("Day title")
	d.Chronology[0].Entries[1].Note = both("Entry note")
	d.Sections = []model.Section{{ID: "s1", Title: both("Section"), Paragraphs: []model.Statement{{ID: "s1-1", Text: both("Paragraph"), Note: both("Paragraph note"), Sources: []model.SourceID{"lemonde-2022-01-06"}}},
		Sections: []model.Section{{ID: "s1a", Title: both("Subsection"), Paragraphs: []model.Statement{{ID: "s1a-1", Text: both("Sub paragraph")}}}}}}
	d.Notes = []model.Statement{{ID: "n-1", Text: both("Free note")}}
	d.Figures[0].Note = both("Figure note")
	d.Figures[0].Claimant.Channel = "Telegram"
	d.Sources[0].Via = "Novastan"
	d.Sources[0].Author = "A. Author"
	d.Errata[0].Document = "The base note"
	d.Errata[0].Recorded = "2022-01-15"
	if err := model.Validate(d).Err(); err != nil {
		t.Fatalf("the test dossier is invalid: %v", err)
	}
	return d
}

// TestCheckAgreesWithRender adds an emoji, which the fonts lack, to each
// text of a dossier in turn, and checks that whenever an edition fails to
// render, Check has reported that text, and that text only, whether asked
// about that edition or every one. It lists the texts Check reads that no
// edition of this dossier prints. Then it adds Arabic and Hebrew words,
// which the built-in fonts set right to left, to each text, and checks
// that every edition renders and Check reports nothing.
func TestCheckAgreesWithRender(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a dossier per text")
	}
	d := richDossier(t)
	var src bytes.Buffer
	if err := model.Encode(&src, d); err != nil {
		t.Fatal(err)
	}
	var paths []string
	if err := model.EachString(d, func(path, s string) error { paths = append(paths, path); return nil }); err != nil {
		t.Fatal(err)
	}
	var unprinted []string
	for _, path := range paths {
		d := withText(t, src.Bytes(), path, func(s string) string { return s + " 🙂" })
		doc, err := report.Build(d, bilingual)
		if err != nil {
			t.Fatal(err)
		}
		// The single editions print every text the others do, and test
		// Check's reading of one language.
		failed := false
		for _, opt := range []pdf.Options{{Language: fr}, {Language: en}} {
			_, _, rerr := pdf.Render(doc, opt)
			if rerr != nil && !errors.Is(rerr, pdf.ErrGlyph) {
				t.Errorf("%s: %+v: %v; want ErrGlyph", path, opt, rerr)
			}
			is := pdf.Check(d, opt)
			reported := len(is) == 1 && is[0].Path == path
			if len(is) > 1 || len(is) == 1 && !reported {
				t.Errorf("%s: %+v: Check reports %v", path, opt, is)
			}
			if rerr != nil && !reported {
				t.Errorf("%s: %+v: the PDF cannot be rendered (%v) but Check reports nothing", path, opt, rerr)
			}
			failed = failed || rerr != nil
		}
		is := pdf.Check(d, pdf.Options{})
		reported := len(is) == 1 && is[0].Path == path
		switch {
		case len(is) > 1 || len(is) == 1 && !reported:
			t.Errorf("%s: Check in every language reports %v", path, is)
		case failed && !reported:
			t.Errorf("%s: an edition cannot be rendered but Check in every language reports nothing", path)
		case reported && !failed:
			unprinted = append(unprinted, path)
		}
	}
	t.Logf("texts Check reads that no edition prints: %v", unprinted)
	for _, path := range paths {
		d := withText(t, src.Bytes(), path, func(s string) string { return s + " (عربي 2022، עברית)" })
		if is := pdf.Check(d, pdf.Options{}); len(is) != 0 {
			t.Errorf("%s: Arabic and Hebrew: Check reports %v", path, is)
		}
		doc, err := report.Build(d, bilingual)
		if err != nil {
			t.Fatal(err)
		}
		for _, opt := range []pdf.Options{{Language: fr}, {Edition: pdf.Parallel}} {
			if _, _, err := pdf.Render(doc, opt); err != nil {
				t.Errorf("%s: Arabic and Hebrew: %+v: %v", path, opt, err)
			}
		}
	}
}

var segment = regexp.MustCompile(`([^.\[\]]+)|\[(\d+)\]`)

// withText decodes the dossier src with the text at path changed by f.
func withText(t *testing.T, src []byte, path string, f func(string) string) *model.Dossier {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		t.Fatal(err)
	}
	root, ok := setText(root, segment.FindAllStringSubmatch(path, -1), f)
	if !ok {
		t.Fatalf("no text at %s", path)
	}
	data, err := json.Marshal(root)
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// setText changes the string at the path segs of v with f.
func setText(v any, segs [][]string, f func(string) string) (any, bool) {
	if len(segs) == 0 {
		s, ok := v.(string)
		if !ok {
			return v, false
		}
		return f(s), true
	}
	switch c := v.(type) {
	case map[string]any:
		x, ok := setText(c[segs[0][1]], segs[1:], f)
		c[segs[0][1]] = x
		return c, ok
	case []any:
		i, err := strconv.Atoi(segs[0][2])
		if err != nil || i >= len(c) {
			return v, false
		}
		x, ok := setText(c[i], segs[1:], f)
		c[i] = x
		return c, ok
	}
	return v, false
}

// TestCheckConcurrent runs Check from several goroutines at once, with
// renders, and checks that each gives the same issues.
func TestCheckConcurrent(t *testing.T) {
	d := minimal(t)
	d.Sources[1].Title = "الجزيرة 🙂"
	d.Sources[1].TitleLanguage = language.Arabic
	want := fmt.Sprint(pdf.Check(d, pdf.Options{}))
	doc, err := report.Build(minimal(t), bilingual)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan string, 16)
	for range 8 {
		go func() {
			if got := fmt.Sprint(pdf.Check(d, pdf.Options{})); got != want {
				errs <- got
				return
			}
			errs <- ""
		}()
		go func() {
			if _, _, err := pdf.Render(doc, pdf.Options{}); err != nil {
				errs <- err.Error()
				return
			}
			errs <- ""
		}()
	}
	for range 16 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
