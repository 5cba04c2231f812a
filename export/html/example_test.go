package html_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Write a caseworker's focused briefing — Almaty, 4 to 7 January 2022 —
// as one self-contained HTML file, French and English side by side.
func Example() {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	from, _ := model.ParseDate("2022-01-04")
	to, _ := model.ParseDate("2022-01-07")
	doc, err := report.Build(d, report.Options{
		Languages: []language.Tag{language.French, language.English},
		Filter:    report.Filter{Places: []model.PlaceID{"almaty"}, From: from, To: to},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := os.CreateTemp("", "almaty-*.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	info, err := html.Write(f, doc, html.Options{Edition: html.Parallel})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Footnotes > 0, info.Bytes > 0)
	// Output:
	// true true
}

// A fragment is the briefing's <article> alone, for a page of a server's
// own; the server serves Stylesheet as a file.
func ExampleOptions_fragment() {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.English}})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _, err := html.Render(doc, html.Options{Fragment: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	page := string(out)
	fmt.Println(page[:strings.Index(page, ">")+1])
	fmt.Println(strings.Contains(page, "<style>"), strings.HasPrefix(html.Stylesheet(), "/*"))
	// Output:
	// <article class="cb-briefing cb-single" lang="en">
	// false true
}

// A dossier's page shows its figures and map before a reader asks for
// its events: the briefing is built without the parts the page leaves
// out, and written without cover, contents and chronology, which the
// page has, or does not show.
func ExampleOptions_omit() {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := report.Build(d, report.Options{
		Languages: []language.Tag{language.English},
		Omit:      []report.Part{report.PartBackground, report.PartSections, report.PartNotes, report.PartBibliography, report.PartErrata},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _, err := html.Render(doc, html.Options{
		Fragment: true,
		Omit:     []html.Part{html.PartCover, html.PartContents, html.PartChronology},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "<section") || strings.HasPrefix(line, "<h") {
			fmt.Println(line)
		}
	}
	// Output:
	// <section class="cb-section cb-figures" id="key-figures">
	// <h2>Key figures</h2>
	// <section class="cb-section cb-figures" id="contested-figures">
	// <h3>Contested figures</h3>
	// <section class="cb-section cb-map" id="map">
	// <h2>Map of protests</h2>
}
