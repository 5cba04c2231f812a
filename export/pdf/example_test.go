package pdf_test

import (
	"bytes"
	"fmt"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Render the Kazakhstan briefing as a parallel French|English PDF.
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
	var buf bytes.Buffer
	info, err := pdf.Write(&buf, doc, pdf.Options{Edition: pdf.Parallel})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")), info.Pages > 30)
	// Output:
	// true true
}
