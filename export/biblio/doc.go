// Package biblio writes the bibliography of a briefing in the formats
// reference managers read: CSL-JSON (Zotero, citeproc, pandoc), RIS
// (Zotero, EndNote, Mendeley) and .bib files for biblatex and biber or
// for classic BibTeX. It writes the sources the briefing cites, in the
// briefing's order, so that a focused briefing gives a focused
// bibliography; Write(w, doc, Options{Format: RIS}) is the whole API.
//
// Every file is UTF-8 without a byte order mark: titles in Cyrillic,
// Arabic, Georgian, Ethiopic or Chinese script are written as they are
// (in .bib files too, which biber and bibtexparser read as UTF-8; a
// classic bibtex run needs a LaTeX with UTF-8 input, the default since
// 2018). The same document and options give the same bytes.
//
// # Mapping
//
// A source's title is in its original language and script; the briefing
// adds a translation in each of its languages where the title is in
// another. The formats hold this pair differently:
//
//	dossier              CSL-JSON           RIS   biblatex              BibTeX
//	title (original)     original-title¹    TI    title                 title, then
//	translation          title¹             TT    titleaddon [ … ]      " [translation]"
//	title language       language (BCP 47)  LA    langid (babel name²)  language
//	outlet               container-title    T2    journaltitle³ /       howpublished
//	                                               organization
//	parent group         publisher          PB    note³ / organization  howpublished ( … )
//	author               author (literal)   AU    author {…}            author {…}
//	published            issued             PY,DA date                  year, month
//	accessed⁴            accessed           Y2    urldate               note
//	URL⁵                 URL                UR    url                   url
//	category             type⁶, categories  TY⁶,KW entry type⁶          —
//	updated, label [n],  note (and custom)  N1    addendum              note
//	via, errata
//
// ¹ CSL 1.0.2 has no variable for a translated title: its model of an
// item read in translation is title plus original-title, which is what
// citation-js makes of RIS's TT and TI too. A title already in the
// bibliography's language has no original-title. Styles print title,
// so a rendered bibliography shows the translation; the original stays
// in the data (Zotero keeps it in Extra).
//
// ² biblatex's langid takes babel names (russian, kazakh, georgian…); a
// language without one here is given by its BCP 47 tag in the language
// field, which styles print but babel does not hyphenate by.
//
// ³ Media are @article with the outlet as journaltitle and the group as
// note; every other category is @online with the outlet and the group
// as organization. biber's data model check (--validate-datamodel) then
// warns that no author is named, as a source without a person author
// has none, and that a source without URL lacks one.
//
// ⁴ The source's own access date, else the last day the method says
// sources were consulted.
//
// ⁵ As a link: non-ASCII characters percent-encoded (report.SourceItem's
// Link); CSL's custom object keeps the address as printed.
//
// ⁶ Media: article-newspaper / NEWS / @article; social media: post /
// BLOG / @online; institutions: report / GOVDOC; international bodies,
// NGOs and research centres: report / RPRT; other: webpage / ELEC. In
// classic BibTeX every source is @misc.
//
// What is lost: the briefing's other language (one language per file:
// Options.Language), the footnotes citing a source (CSL's custom object
// keeps their numbers; the other formats do not), the reliability of
// the statements citing it, and in RIS and BibTeX the structure of the
// notes, which become sentences in English with ISO dates ("Updated
// 2022-01-09.", "Erratum (published): printed “…”, recorded “…”").
package biblio
