package geojson_test

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/geojson"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// The map of the Kazakhstan briefing in English as GeoJSON: the first
// three places, most entries first.
func Example() {
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
	var buf bytes.Buffer
	if err := geojson.Write(&buf, doc, geojson.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	var fc struct {
		Features []struct {
			Geometry struct {
				Coordinates []float64
			}
			Properties struct {
				Name, Kind, First, Last string
				Entries                 int
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fc.Features[:3] {
		p := f.Properties
		fmt.Println(p.Name, f.Geometry.Coordinates, p.Entries, p.First, p.Last, p.Kind)
	}
	// Output:
	// Almaty [76.92 43.25] 30 2022-01-03 2022-01-26 lethal-force
	// Aktau [51.17 43.65] 11 2022-01-02 2022-01-08 riot
	// Aktobe [57.17 50.28] 8 2022-01-03 2022-01-07 riot
}
