package report_test

import (
	"fmt"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// ExampleCompare lists what version 1.1 of the Georgian example changes
// from version 1.0, and makes the update briefing.
func ExampleCompare() {
	old, _, err := dossiers.Load("ge-example.v1.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	new, _, err := dossiers.Load("ge-example.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	changes, err := report.Compare(old, new)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range changes.List[4:10] {
		fmt.Printf("%s %s %s %q → %q\n", c.Kind, c.Ref, c.Field, c.Old, c.New)
	}
	doc, err := report.Build(new, report.Options{Languages: []language.Tag{language.English}, Changes: changes})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Sections[0].Title[0])
	for _, it := range doc.Changes.Items[4:5] {
		fmt.Println(it.KindText[0], "–", it.Subject[0])
	}
	edited := doc.Changes.Items[7]
	fmt.Printf("%s – %s; %s: %s → %s\n", edited.KindText[0], edited.Subject[0], edited.Field[0], edited.Old[0], edited.New[0])
	// Output:
	// entry-added statement:2022-09-05-02  "" → "2022-09-05"
	// reworded statement:2022-09-07-02 text "" → ""
	// entry-moved statement:2022-09-07-03  "2022-09-08" → "2022-09-07"
	// entry-edited statement:2022-09-07-03 time "" → "13:00"
	// reworded statement:2022-09-08-02 text "" → ""
	// figure-revised figure:fig-11 value "11" → "13"
	// Changes since version 1.0 (Tuesday 4 October 2022)
	// Entry added – Monday 5 September 2022 – Rallies of a few hundred people took place in Zestaponi and Chiatura.
	// Entry edited – Wednesday 7 September 2022 – In Trabzon, Turkey, about forty Georgian seasonal workers, many of them from …; Time: – → 13:00
}
