package synth_test

import (
	"bytes"
	"fmt"

	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

func ExampleDossier() {
	d, err := synth.Dossier(synth.Options{Entries: 50, Figures: 200, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	issues := model.Validate(d)
	fmt.Println(d.Title[language.English])
	fmt.Printf("%d days, %d places, %d sources, %d figures\n", len(d.Chronology), len(d.Places), len(d.Sources), len(d.Figures))
	explained := 0
	for _, w := range issues.Warnings() {
		if w.Erratum != nil {
			explained++
		}
	}
	fmt.Printf("%d errors, %d warnings, %d explained by an erratum\n", len(issues.Errors()), len(issues.Warnings()), explained)
	// Output:
	// Zhembulak: protests, riots and crackdown (June 2020)
	// 30 days, 32 places, 40 sources, 200 figures
	// 0 errors, 3 warnings, 3 explained by an erratum
}

func ExampleWriteJSON() {
	var b bytes.Buffer
	opt := synth.Options{Entries: 20, Figures: 10, Seed: 2}
	if err := synth.WriteJSON(&b, opt); err != nil {
		fmt.Println(err)
		return
	}
	d, _ := synth.Dossier(opt)
	var want bytes.Buffer
	model.Encode(&want, d)
	fmt.Println(bytes.Equal(b.Bytes(), want.Bytes()))
	// Output: true
}
