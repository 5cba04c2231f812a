package report_test

import (
	"fmt"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// The dossier of a briefing focused on Almaty from 4 to 7 January 2022:
// what a focused briefing hands on as data, valid, and building the same
// briefing again.
func ExampleDocument_Dossier() {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	from, _ := model.ParseDate("2022-01-04")
	to, _ := model.ParseDate("2022-01-07")
	doc, err := report.Build(d, report.Options{Filter: report.Filter{Places: []model.PlaceID{"almaty"}, From: from, To: to}})
	if err != nil {
		fmt.Println(err)
		return
	}
	focused, err := doc.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	errs, _ := model.Validate(focused).Count()
	fmt.Println("errors:", errs)
	fmt.Println("days:", len(d.Chronology), "->", len(focused.Chronology))
	fmt.Println("sources cited:", len(doc.Sources), "kept:", len(focused.Sources) >= len(doc.Sources))
	fmt.Println("focus:", focused.Focus)
	again, err := report.Build(focused, report.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("footnotes:", len(doc.Footnotes), len(again.Footnotes))
	// Output:
	// errors: 0
	// days: 10 -> 4
	// sources cited: 78 kept: true
	// focus: almaty
	// footnotes: 77 77
}
