// Package html renders a briefing (a *report.Document) as HTML for the
// web, beside the PDF (export/pdf) and the workbook (export/xlsx): the
// same footnote numbers, headings, entries, figures and sources, in the
// same words and the same order as the PDF, as semantic markup that a
// browser, a screen reader and a web server can use as it is.
//
// # What the page holds
//
// One <article> holds the briefing: a <header> with the cover (issuer,
// title as the page's only <h1>, dates, filters, summary, method note,
// disclaimer), a <nav> with the table of contents, then a <section> per
// part with an <h2>, and an <h3> per day of the chronology or group of
// the bibliography (one level lower in a sequential edition, whose
// halves have an <h2> of their own). Every section and day has the id
// the PDF gives its anchor ("chronology", "day-2022-01-05"), so a link
// to a place in a briefing works in both.
//
// A statement calling a footnote ends with its number, a link to the
// note (role doc-noteref); the notes a top-level section calls follow
// it, in an <ol> whose items have the note's number as value and id
// ("fn-12"), and start with that number as a link back to the call
// (role doc-backlink). Citations link to their entries in the
// bibliography, which give each title in its own script inside a <cite>
// with the title's language (and dir="rtl" for a language written right
// to left) and its URL as a link, when it is an http or https one.
//
// Key, retracted and contested figures and the places of the map are
// <table>s with a <caption>, column headers (<th scope="col">) and a
// header per row (<th scope="row">; a contested metric's row spans the
// table, scope "colgroup"). The chart and the map are inline SVG with
// role="img", a <title> and a <desc> that says in words what they show —
// each series' values and dates; each place, its number of entries and
// its kind of event — drawn from the same data as the PDF's: the map is
// laid out by package internal/maplayout (the projection, the countries
// in the frame, the names placed where they collide with nothing, in the
// frame of the A4 PDF and measured in the metrics of the same fonts), the
// chart's panels and scales come from internal/chartlayout.
//
// # Parts
//
// What a briefing holds is decided when it is built, as for the PDF and
// the workbook: a document built with report.Options.Omit has no map,
// figures or bibliography for any renderer to write. A page can also
// leave out of itself what the PDF always prints, with Options.Omit: the
// cover and the table of contents, for a page of the caller's that has
// its own title and summary (the sections are then headed by <h2>s, and
// the page has no <h1>), and the chronology, for a page that shows a
// dossier's figures and map before a reader asks for its events (the
// map still shows the chronology's places: the document has them). What
// remains is written byte for byte as in the whole page, with the same
// ids, so that a link to a part works in both:
//
//	doc, err := report.Build(d, report.Options{Omit: []report.Part{report.PartBackground,
//		report.PartSections, report.PartNotes, report.PartBibliography, report.PartErrata}})
//	…
//	_, err = html.Write(w, doc, html.Options{Fragment: true,
//		Omit: []html.Part{html.PartCover, html.PartContents, html.PartChronology}})
//
// # Languages
//
// The root element has the language of the edition (its first, for two);
// an element in another language has its own lang attribute. A parallel
// edition sets each block in both languages — a <div class="cb-pair">
// holding one element per language, each with its lang — which the
// stylesheet sets side by side, and one above the other on a narrow
// screen; headings hold a <span> per language. Tables, the bibliography
// and the errata are in the edition's first language with headers in
// both, as the PDF's. Names and titles written right to left that appear
// within text of another direction are isolated in <bdi>.
//
// # Safety
//
// Every text of the dossier is escaped (& < > " '), so that "<script>"
// or a quotation mark in a text shows as written and does nothing; the
// characters HTML forbids (controls, noncharacters) are left out; a text's
// directional embeddings, overrides and isolates are closed at its end,
// so that an unclosed U+202E reverses nothing after it. A line break in a
// text is a <br>. The page holds no script, no event handler, no style
// attribute and loads nothing: a whole page (Options.Fragment false) has
// its stylesheet in a <style> element; a fragment has none, for a server
// that serves Stylesheet as a file under a Content-Security-Policy that
// allows no inline style (the SVG is styled with presentation attributes,
// which such a policy allows).
//
// Output is deterministic: the same document and options give the same
// bytes. Render never panics at its caller: a bug comes back as an error
// wrapping ErrRender.
//
// # Classes a page may rely on
//
// The stylesheet's rules are all scoped to .cb-briefing; a host page may
// style these classes too, and they will stay:
//
//	cb-briefing          the <article>; with cb-single, cb-parallel or cb-sequential
//	cb-cover             the cover (<header>): cb-issuer, cb-series, cb-title, cb-dates,
//	                     cb-filters, cb-summary, cb-method (cb-fields, cb-method-note),
//	                     cb-disclaimer; cb-label on its small headings
//	cb-contents          the table of contents (<nav>)
//	cb-part              one language's half of a sequential edition (<section>)
//	cb-section           a section; with cb-background, cb-chronology, cb-day,
//	                     cb-thematic, cb-free-notes, cb-figures, cb-map,
//	                     cb-bibliography or cb-errata
//	cb-pair              a block, heading or note in the two languages of a parallel edition
//	cb-para, cb-list, cb-item, cb-place, cb-place-name, cb-entries
//	                     statements, bulleted lists, entries grouped under a place
//	cb-time, cb-when, cb-flag
//	                     an entry's time of day, its own dates, its reliability flag
//	cb-call              a footnote call (<sup>)
//	cb-notes, cb-note, cb-note-num
//	                     the notes after a section, a note, its number
//	cb-table-wrap, cb-table
//	                     a table and the box that scrolls it on a narrow screen; with
//	                     cb-key, cb-retracted-figures, cb-contested or cb-places
//	cb-value, cb-retracted, cb-cites, cb-date, cb-group, cb-none, cb-num, cb-abroad
//	                     cells: a figure, a retracted one, sources, a date, a contested
//	                     metric's row, no figure, a count, a place's country
//	cb-chart, cb-map-figure, cb-legend, cb-swatch, cb-size, cb-unlabelled
//	                     the chart's and the map's <figure>, the legend, the names the map left out
//	cb-bib-group, cb-bib, cb-translation, cb-url
//	                     the bibliography
//	cb-errata-list, cb-field
//	                     the errata
//	cb-vh                hidden from the eye, read by screen readers
//
// # Stylesheet
//
// The stylesheet keeps text at WCAG 2.1 AA contrast or better (the
// lightest text, the muted grey, is 8:1 on white), shows the keyboard's
// focus, sets two languages side by side down to 40 rem and one above the
// other below it, lets wide tables scroll within their box on a phone,
// and has a print style: no link colours or backgrounds but the tables',
// a new page before the chronology, figures, map and bibliography, table
// headers repeated on each page.
package html
