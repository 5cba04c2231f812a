package events_test

import (
	"bytes"
	"encoding/csv"
	"fmt"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/events"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// The events of a briefing focused on Almaty from 4 to 7 January 2022,
// in English, read back as CSV: the lethal events with their fatality
// estimates.
func Example() {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	from, _ := model.ParseDate("2022-01-04")
	to, _ := model.ParseDate("2022-01-07")
	doc, err := report.Build(d, report.Options{
		Languages: []language.Tag{language.English},
		Filter:    report.Filter{Places: []model.PlaceID{"almaty"}, From: from, To: to},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := events.Write(&buf, doc, events.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	fmt.Println(len(rows)-1, "events")
	for _, r := range rows[1:] {
		if r[col["kind"]] == "lethal-force" {
			fmt.Printf("%s | %s | %s | geo %s | fatalities %q, low–best–high %q–%q–%q\n", r[col["event_date"]], r[col["sub_event_type"]],
				r[col["location"]], r[col["geo_precision"]], r[col["fatalities"]], r[col["low"]], r[col["best"]], r[col["high"]])
		}
	}
	// Output:
	// 41 events
	// 2022-01-05 | Excessive force against protesters | Almaty | geo 1 | fatalities "10", low–best–high "10"–"10"–"10"
	// 2022-01-05 | Excessive force against protesters | Almaty | geo 1 | fatalities "", low–best–high ""–""–""
	// 2022-01-06 | Excessive force against protesters | Almaty | geo 1 | fatalities "", low–best–high ""–""–""
	// 2022-01-06 | Excessive force against protesters | Almaty | geo 1 | fatalities "", low–best–high ""–""–""
	// 2022-01-06 | Excessive force against protesters | Almaty | geo 1 | fatalities "", low–best–high ""–""–""
	// 2022-01-06 | Excessive force against protesters | Almaty | geo 1 | fatalities "", low–best–high ""–""–""
	// 2022-01-06 | Excessive force against protesters | Almaty | geo 1 | fatalities "10", low–best–high "10"–"10"–"10"
}
