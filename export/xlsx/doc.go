// Package xlsx writes a briefing's numbers to an Excel workbook (.xlsx):
// the figures, the contested figures, the chronology, the gazetteer and
// the bibliography, each as a sortable, filterable Excel table, with
// native charts of the death tolls and arrest counts over time.
//
//	doc, err := report.Build(d, report.Options{})
//	...
//	err = xlsx.Write(w, doc, xlsx.Options{})
//
// The workbook is in one language of the document (Options.Language).
// Its sheet names, column headers, legend, status words and number
// formats come from the catalogs of package locales (the messages
// Workbook.*), and everything editorial — which figures are key or
// contested, footnote numbers, citations, the bibliography's order — from
// the report.Document, so the workbook agrees with every other format.
//
// # Sheets
//
//   - Summary: the title and dates, the key figures (the latest official
//     and independent figure per metric and group counted, with claimant,
//     sources and dates), the contested figures with their spread, and a
//     short legend.
//   - Changes, in an update briefing only (report.Options.Changes): one
//     row per change since the earlier version, in a table whose filter
//     selects a kind of change: what it concerns, the field edited, the
//     values before and after. A rewording's texts are rich text, the
//     deleted words struck through in red, the inserted ones bold,
//     underlined and green. Figures then has a last column saying
//     whether each figure is new, revised or unchanged.
//   - Figures: one row per figure of the briefing, derived totals
//     included. Values, bounds and counts are numbers; dates are Excel
//     dates with a date format; retracted figures are struck through in
//     grey.
//   - Contested figures: for each contested metric, group and scope, every
//     competing figure, on adjacent rows.
//   - Charts: the series the briefing charts (reported deaths and arrests
//     over time, one line per kind of claimant) and a native scatter chart
//     for each. Retracted values are listed after each series and not
//     plotted.
//   - Timeline: one row per chronology entry, with its dates, times,
//     places, kind, text, reliability flag, footnote and sources.
//   - Places: the gazetteer, with each place's name in every language of
//     the dossier, its region, coordinates, and how many entries name it
//     between which dates.
//   - Sources: the bibliography, with clickable http, https and mailto
//     links.
//   - Long texts, only when a text is too long for its cell (see below).
//
// The figures, contested figures, timeline, places and sources sheets are
// each one Excel table with a frozen, filterable header row, and so are
// the summary's key figures. The charts' data is not a table: sorting it
// would scramble the ranges the charts plot. Dates are Excel dates and
// numbers are numbers, formatted with the codes of the catalogs. Text is
// always stored as text, so a cell that starts with =, +, - or @ is never
// a formula.
//
// # Size
//
// The sheets are written with excelize's streaming writer, which keeps
// rows in temporary files, and the parts of the workbook are compressed
// as they are made, so memory does not grow with the number of rows
// (the report.Document itself still does). A worksheet holds at most
// 1,048,576 rows; a briefing with more figures or entries than that is an
// error wrapping ErrTooLarge, never a truncated workbook. Excel allows
// 65,530 links per worksheet: sources past that keep their URL as plain
// text. The links are written with the sheet, in time that grows with
// their number (excelize's own SetCellHyperLink takes time in its square:
// eight thousand links cost it a second).
//
// # Long texts
//
// A cell holds at most 32,767 characters (UTF-16 code units, as Excel
// counts them), which a text of the briefing may exceed: the citations of
// a statement citing a thousand sources, an entry's text of 20,000
// characters outside the Basic Multilingual Plane. Such a text is never
// cut without a word. Its cell keeps the text's start, cut after a word
// where it can, and ends with a note ("[…] Cut here: the whole text is on
// the sheet “Long texts”, rows 2 to 4."); the whole text is on a last
// sheet of long texts, in parts of at most 32,767 characters, one per
// row, with the sheet, cell and column it comes from: joined in order, the
// parts of a cell are its text.
//
// The alternatives were worse for a caseworker filtering a table: rows of
// continuation would break the rule of one row per figure or entry, and
// sorting or filtering would scatter them; columns of continuation would
// widen every table for the sake of one cell. With the note, the table
// keeps its shape, each row still holds the start of its text, which a
// filter on the column searches, and the note says where the rest is.
//
// Check lists the cells Write would split, without writing the workbook,
// and Options.OnSplit tells of them as Write writes them; a workbook with
// no text too long has no sheet of long texts.
//
// # Temporary files
//
// Large workbooks are made with temporary files (excelize's row spools,
// the compressed parts, the texts too long for a cell), in
// Options.TempDir or os.TempDir, which Write removes before it returns.
//
// # Determinism
//
// The same document and options give the same bytes: the document
// properties and the dates of the zip entries come from the document's
// publication and update dates, the parts are written in a fixed order,
// and the content-type list, which excelize writes in map order, is
// sorted.
package xlsx
