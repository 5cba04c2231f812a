package biblio_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/biblio"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// The RIS records of a briefing focused on Aktau, in English: the first
// record of a source in Russian.
func Example() {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := report.Build(d, report.Options{
		Languages: []language.Tag{language.English},
		Filter:    report.Filter{Places: []model.PlaceID{"aktau"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := biblio.Write(&buf, doc, biblio.Options{Format: biblio.RIS}); err != nil {
		fmt.Println(err)
		return
	}
	for _, rec := range strings.Split(buf.String(), "ER  - \r\n") {
		if strings.Contains(rec, "LA  - ru\r\n") {
			fmt.Print(strings.TrimSpace(strings.ReplaceAll(rec, "\r\n", "\n")) + "\n")
			break
		}
	}
	// Output:
	// TY  - NEWS
	// ID  - azattyk-2022-01-20-2
	// TI  - Кровавый январь. Хроника событий в Казахстане
	// TT  - Bloody January: a timeline of what happened in Kazakhstan
	// T2  - Radio Azattyq
	// PB  - Radio Free Europe/Radio Liberty
	// LA  - ru
	// PY  - 2022
	// DA  - 2022/01/20/
	// Y2  - 2022/02/22/
	// UR  - https://rus.azattyq.org/a/kazakhstan-january-protests-chronicle/31662082.html
	// KW  - media
	// N1  - Item [2] of the outlet on that day.
	// N1  - Erratum (outlet): printed “Radio Azattyk”, recorded “Radio Azattyq” — The article is hosted on rus.azattyq.org, the Russian-language site of Radio Free Europe/Radio Liberty’s Kazakh service, which spells its name Azattyq in Latin script. The note calls it ‘Radio Azattyk’, the name of the same group’s Kyrgyz service (rus.azattyk.org); the Kazakh service’s own spelling is used so that the two stay distinct.
}
