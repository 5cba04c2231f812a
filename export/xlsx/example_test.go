package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/report"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// Write the English workbook of a bilingual briefing, then read it back.
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
	var buf bytes.Buffer // or an *os.File
	if err := xlsx.Write(&buf, doc, xlsx.Options{Language: language.English}); err != nil {
		fmt.Println(err)
		return
	}

	f, err := excelize.OpenReader(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	rows, _ := f.GetRows("Figures")
	fmt.Println(rows[0][:4])
	fmt.Println(rows[1][:4])
	// Output:
	// [Summary Figures Contested figures Charts Timeline Places Sources]
	// [ID Metric Group counted Value]
	// [fig-01 Killed All 227]
}
