// Package export gathers the renderers of a briefing. Each subpackage
// lays out a report.Document in one format and decides nothing editorial:
// footnote numbers, the order of the bibliography, which figures are key
// or contested and every word come from package report, so that every
// format agrees.
//
//   - export/pdf writes PDF briefing notes (go-pdf/fpdf);
//   - export/html writes the same briefing as an HTML page or fragment,
//     with its chart and map as inline SVG laid out as the PDF's;
//   - export/xlsx writes workbooks of the figures (excelize);
//   - export/biblio writes the bibliography as CSL-JSON, RIS, biblatex
//     and BibTeX, for reference managers;
//   - export/events writes the chronology as an ACLED-style CSV with
//     UCDP GED-style fatality estimates, for event datasets;
//   - export/geojson writes the map's places and regions as GeoJSON,
//     for GIS.
//
// The dossier a briefing holds, as data, is report.Document.Dossier,
// written with model.Encode.
//
// Each renderer has a Write function taking an io.Writer, the document and
// an Options struct whose zero value is useful; the PDF and workbook
// renderers have a Check function that says, before anything is written,
// what they could not render (a page leaves drawing characters to the
// browser, and has nothing to check). The tests of
// this package check across renderers that whatever model.Validate,
// report.Validate and the renderers' checks accept, every renderer
// writes.
package export
