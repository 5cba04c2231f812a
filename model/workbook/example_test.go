package workbook_test

import (
	"bytes"
	"fmt"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/model/workbook"
	"golang.org/x/text/language"
)

// A dossier written as an authoring workbook, with headers in French,
// and read back.
func Example() {
	d, _, err := dossiers.Load("ge-example.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, d, workbook.Options{Language: language.French}); err != nil {
		fmt.Println(err)
		return
	}
	back, err := workbook.Read(&b)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(back.ID, len(back.Sources), "sources")
	// Output:
	// ge-2022-09-fictional 14 sources
}
