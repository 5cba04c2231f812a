package kazakhstan_test

import (
	"fmt"

	"github.com/coibrief/coibrief/examples/kazakhstan"
)

// Load the embedded dossier. Its few validation warnings are all
// explained by errata.
func ExampleDossier() {
	d, warnings, err := kazakhstan.Dossier()
	if err != nil {
		fmt.Println(err)
		return
	}
	explained := 0
	for _, w := range warnings {
		if w.Erratum != nil {
			explained++
		}
	}
	fmt.Println(d.ID, len(d.Chronology), "days,", len(d.Sources), "sources,", len(d.Figures), "figures")
	fmt.Println(len(warnings), "warnings,", explained, "explained")
	// Output:
	// kz-2022-01 10 days, 88 sources, 75 figures
	// 9 warnings, 9 explained
}
