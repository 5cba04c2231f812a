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
