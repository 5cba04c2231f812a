// Package report composes a briefing from a dossier: the
// format-independent tree (a *Document) that the PDF and workbook
// renderers walk. Everything editorial is decided here, once, so that every
// format agrees:
//
//   - which entries a filtered briefing keeps (Filter: a place with what
//     lies within it, a range of dates, kinds of event), with the day
//     headings, background and thematic sections a reader needs;
//   - footnote numbers, in reading order, and each footnote's citations
//     as COI notes write them ("Le Monde, 07/01/2022 [3]");
//   - the bibliography: only the cited sources, grouped by category,
//     newest first, with an outlet's items of one day numbered [1], [2]…;
//   - key figures (the latest official and independent figure per metric
//     and party), contested figures (values that disagree at the same
//     time, such as 227 dead against a secondary summary's 225 + 19),
//     retracted figures, and chart series;
//   - the map's data: each place with its number of entries, dates and
//     most severe kind of event; the gazetteer; the errata.
//
// An update briefing says what changed since an earlier version of the
// dossier: Compare matches two versions by id (entries added, removed,
// moved or reworded, the fields of entries, paragraphs and sources
// edited, citations, figures revised, superseded or retracted, sources,
// places, errata, metadata) and Options.Changes puts
// the changes within the briefing's filter in a first section
// (Document.Changes), each linked to what it concerns, with the changed
// paragraphs marked (Paragraph.Changed).
//
// A Document holds text in one or two languages (type L), so a renderer
// can set a bilingual briefing side by side or one language after the
// other. Build is deterministic, and never returns a partial document: a
// text missing in a language of the briefing is an error naming it.
//
// Figures are the exception to a tree held whole: a briefing may count a
// million of them, so Build reads them once through
// model.Dossier.EachFigure, makes and checks each one's printed form,
// and keeps 56 bytes of it for the analyses (then 4 bytes, or none, for
// rendering). Renderers get a figure's FigureItem from Figures.Item and
// Figures.Each, which read it again from the dossier.
package report
