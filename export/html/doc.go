// Package html renders a briefing (a *report.Document) as HTML for the
// web: semantic, accessible markup that a browser, a screen reader or a
// web server can use as it is, saying the same things in the same order
// and the same words as the PDF.
//
// See the package's documentation in the later sections for the design.
package html
