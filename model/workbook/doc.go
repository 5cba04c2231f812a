// Package workbook reads and writes the authoring workbook: a dossier as
// a spreadsheet that researchers fill in with Excel or LibreOffice, rather
// than as JSON. Write turns a model.Dossier into such a workbook and Read
// turns it back into the same dossier, byte for byte once encoded, and
// validated as model.Validate validates the JSON.
//
// It is a package of its own, beside model's JSON codec, so that the
// many programs that only read JSON do not depend on excelize, and so
// that the workbook can take its sheet names, headers and help from
// package locales, which itself depends on model.
//
// # The workbook
//
// A sheet per part of the dossier, named in the language of
// Options.Language: help; the dossier's metadata and method note, a row
// per field and a column per language; contributors; the days of the
// chronology; the chronology, a row per entry; background; sections and
// their paragraphs; notes; places and the points of their outlines;
// sources; figures; errata; the versions of the dossier's history; and the
// lists of words the drop-downs offer.
// A text has a column per language, "Text (fr)". Read knows sheets,
// headers and metadata rows in every language of the catalogs.
//
// Rows are taken in the order of their "No." column, whatever order the
// sheet is sorted in; a row with no number follows the row above it.
// Several ids in a cell are separated by spaces, commas, semicolons or
// line breaks (an id listed with others cannot hold one: Write says so);
// a place's other names go one per line. Dates are dates of the
// spreadsheet, or text YYYY-MM-DD; ".." ends an open span. An entry
// belongs to the day of its "Day" and "Day until" cells, so two days of
// the same dates cannot be written (Write says so); a day the days sheet
// lacks is added in date order. An empty text cell is no text in that
// language.
//
// # Problems
//
// Read reports every problem at once in a *ReadError, each a Problem
// named by sheet, cell and column header:
//
//	Chronology!I4 (Sources): dangling reference: unknown source "tg-2023-03-07x"; did you mean tg-2023-03-07?
//	Figures!F2 (Value): invalid cell: expected a number, got "12 dead"
//
// Cells are read first: a value that does not read as its column says
// (a date typed in another form, a number with a unit, an unknown word),
// an unknown sheet or header, a value in a column with no header, a
// formula, an error value, merged cells or a picture out of place is an
// error, never dropped. Once every cell reads, the dossier is validated,
// and each issue's JSON path is mapped back to its cell. Empty rows are
// skipped; hidden and filtered rows are read like the others.
//
// Write is deterministic: the same dossier and options give the same
// bytes (the document properties and the zip's dates come from the
// dossier, never the clock). Neither function panics at its caller:
// a panic of the spreadsheet library is an error wrapping ErrWorkbook.
package workbook
