package pdf_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Render the Kazakhstan briefing as a parallel French|English PDF.
func Example() {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.French, language.English}})
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	info, err := pdf.Write(&buf, doc, pdf.Options{Edition: pdf.Parallel})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")), info.Pages > 30)
	// Output:
	// true true
}

// Check a dossier before rendering it: every text the fonts cannot draw is
// reported at once, with its path in the dossier and the characters it
// holds that the fonts lack. Here a source's title is in Amharic, which
// the built-in fonts lack, and a statement ends with an emoji; an Arabic
// title is drawn with the built-in fonts.
func ExampleCheck() {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	d.Sources[3].Title = "የነዳጅ ዋጋ"
	d.Sources[3].TitleLanguage = language.Amharic
	d.Sources[4].Title = "الجزيرة"
	d.Sources[4].TitleLanguage = language.Arabic
	d.Chronology[0].Entries[0].Text[language.English] = "Fuel prices double 🔥"
	issues := pdf.Check(d, pdf.Options{})
	for _, is := range issues {
		fmt.Println(is)
	}
	fmt.Println(errors.Is(issues.Err(), pdf.ErrGlyph))
	// Output:
	// error: chronology[0].entries[0].text.en: character not in fonts: U+1F525 FIRE (Common) in "Fuel prices double 🔥": the fonts have no such symbol: write it out in words, or add a font that has it with -fonts (Options.Fonts)
	// error: sources[3].title: character not in fonts: U+12E8 ETHIOPIC SYLLABLE YA (Ethiopic), U+1290 ETHIOPIC SYLLABLE NA (Ethiopic), U+12F3 ETHIOPIC SYLLABLE DAA (Ethiopic), U+1305 ETHIOPIC SYLLABLE JE (Ethiopic), U+12CB ETHIOPIC SYLLABLE WAA (Ethiopic) and 1 more in "የነዳጅ ዋጋ": add a font covering Ethiopic with -fonts (Options.Fonts)
	// true
}
