// Command briefing writes the briefings of a country-of-origin dossier: PDF
// notes in one or two languages and Excel workbooks of the figures. With no
// flags it writes the complete pack of the embedded Kazakhstan January 2022
// dossier into ./out: French, English and parallel French|English PDFs, and
// a workbook per language.
//
// A caseworker checking an account ("I was arrested in Almaty on 6
// January") asks for a focused briefing:
//
//	go run ./examples/briefing -place Almaty -from 2022-01-04 -to 2022-01-07
//
// Run with -h for every flag. Exit codes: 0 done, 1 invalid input or a
// failed write, 2 a usage error.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
