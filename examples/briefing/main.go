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
// file not written, 2 a usage error, 128 and the signal's number when
// SIGINT, SIGTERM or SIGHUP stops it (which leaves no partial file).
//
// Memory: the figures of a dossier file stay in the file (model.OpenFile)
// and the briefings are written as streams, so that what the program
// holds is the dossier without its figures and 56 bytes per figure. A
// dossier of 1,000,000 figures writes its workbook in under 300 MB with
// the Go runtime's defaults; GOMEMLIMIT and GOGC work as for any Go
// program.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
