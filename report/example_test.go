package report_test

import (
	"fmt"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Build a bilingual briefing focused on an applicant's account: Almaty,
// 4 to 7 January 2022.
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
	for _, f := range doc.Filters {
		fmt.Println(f[0], "/", f[1])
	}
	fn := doc.Footnotes[0]
	fmt.Println(fn.Number, fn.Citations[0].Text[0], "/", fn.Citations[0].Text[1])
	for _, c := range doc.Figures.Contested[:1] {
		fmt.Println(c.Label[1], c.Spread[1])
	}
	// Output:
	// Lieu : Almaty / Place: Almaty
	// Dates : du 4 au 7 janvier 2022 / Dates: from 4 to 7 January 2022
	// 1 France, ministère de l'Europe et des Affaires étrangères, 14/01/2022 / France, ministère de l'Europe et des Affaires étrangères, 14 Jan 2022
	// Killed between 227 and 244
}

// Print every figure of a briefing that the briefing itself computed:
// Each makes each figure's printed form in turn, so that a briefing of a
// million figures is never held whole.
func ExampleFigures_Each() {
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
	fmt.Println(doc.Figures.Count, "figures")
	err = doc.Figures.Each(func(it *report.FigureItem) error {
		if it.Derived {
			fmt.Println(it.Metric[0], it.Value[0], "—", it.Claimant[0])
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// 77 figures
	// Injured about 4,500 + 750 = 5,250 — secondary web summary
	// Killed 225 + 19 = 244 — secondary web summary
}
