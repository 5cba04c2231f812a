// Package pdf renders a briefing (a *report.Document) as a PDF country of
// origin note: a cover with the method note, a table of contents with
// links, the chronology with footnotes at the foot of the page that calls
// them, key and contested figures with a chart, a map of the events on the
// dossier's country and its neighbours, and the bibliography with
// clickable links. It is set in Liberation Serif and Sans, embedded and
// subset, which cover the Latin, Greek and Cyrillic scripts, and sets any
// other script in the fonts it falls back on (see Scripts below).
//
// The same briefing renders as a single-language edition, a parallel
// edition (two languages side by side, block by block) or a sequential one
// (all of the first language, then all of the second). Output is
// deterministic: the document's dates come from the dossier, never from
// the clock, and the same briefing and fonts give the same bytes.
//
// Check reads a dossier before any briefing is built and reports, all at
// once and each with its path in the dossier, the texts holding
// characters no font can draw (emoji; Chinese or Ethiopic when no font
// for them was given): a dossier that model.Validate and Check accept
// renders. See Write for how line breaks, tabs, invisible characters and
// numbers are set.
//
// # Scripts
//
// A bibliography gives each source's title in its original script, and
// names and quotations come in any script. Text is set in one of two
// ways.
//
// Text that the Liberation font of its style covers, written left to
// right with no combining mark — Latin with its precomposed accents
// (French, Turkish, Vietnamese, Uzbek), Greek, Cyrillic — is set by fpdf
// as PDF text in the embedded, subset Liberation fonts, as it always was:
// a briefing in these scripts is the same PDF, byte for byte, as before
// any other script was supported, and renders as fast.
//
// Any other paragraph — one holding a character Liberation lacks, a
// combining mark, or right-to-left text — goes through
// github.com/go-text/typesetting, a Go port of HarfBuzz:
//
//   - Its characters get their embedding levels from the Unicode
//     bidirectional algorithm (UAX #9, go-text's bidi package, which
//     passes the Unicode conformance tests), in a paragraph of the
//     briefing's direction, left to right. Names and titles written right
//     to left are isolated (U+2068…U+2069, as HTML's <bdi>), so that
//     "الجزيرة, 5 January" keeps its date after the name, and an Arabic
//     title holding "Human Rights Watch" and "2022" reads right to left as
//     a whole; a footnote call is isolated too.
//   - It is cut at spaces into words, and words into pieces of one style,
//     one level, one script and one font: the first font of the style's
//     fallback chain (see Options.Fonts) that covers the whole piece,
//     preferring among those that do one named for its script ("Noto
//     Naskh Arabic") or, for Chinese, Japanese and Korean text in a known
//     language, for its region ("Noto Serif CJK SC"). Quotation marks and
//     other characters of no script between two scripts stay in the
//     surrounding text's font.
//   - A piece that Liberation sets left to right as it is goes to fpdf as
//     above; any other is shaped — Arabic joining and ligatures, Indic
//     conjuncts and reordered vowel signs, Burmese and Khmer stacks, Thai
//     marks, mirrored brackets in right-to-left text — and its width is
//     the sum of the shaper's advances, which the line breaker uses. Lines
//     break at spaces, between Chinese and Japanese characters where UAX
//     #14 allows it (not before a closing bracket or a small kana), and a
//     word wider than a line is cut between clusters. Each line's pieces
//     are then put in visual order by rule L2 of UAX #9.
//   - A shaped piece is drawn as its glyphs' outlines, filled in the text's
//     colour (one transformation per piece; each outline written once per
//     font and kept for every later render), with the piece's characters
//     laid over the glyphs as invisible text (rendering mode 3) in
//     Liberation, cluster by cluster, so that the PDF can be searched,
//     selected and copied, and pdftotext gives the text back in logical
//     order. A bold style whose fallback font has no bold is drawn
//     stroked as well as filled; italic is not slanted.
//
// Why outlines rather than embedded fonts: fpdf embeds TrueType fonts
// only, addresses their glyphs by character, and a shaped glyph (a medial
// Arabic letter, a Devanagari conjunct) has no character; CFF-based
// OpenType fonts (the Noto CJK fonts) and collections it cannot embed at
// all. Embedding them ourselves would mean subsetting TrueType and CFF
// fonts and writing CID fonts behind fpdf's back, which it has no hook
// for. Outlines are exact, work for any font the shaper reads, and keep
// the output deterministic; they cost size — a glyph's outline each time
// it is drawn, compressed with its page: the test dossier of 25 titles,
// each in another script, with their outlets and a few names, makes a
// PDF of 354 KB where the titles' English translations make 99 KB — and
// hinting, which print does not use.
//
// Why invisible text rather than /ActualText: poppler's pdftotext, which
// the tests read the PDFs with, ignores a marked-content span whose
// /ActualText covers only paths; with one invisible character in the span
// it takes the whole replacement as one word in drawing order and, the
// text being right to left, reverses it. Characters laid out in visual
// order — a right-to-left cluster's characters from right to left — are
// what PDF producers write and what every reader puts back in logical
// order: pdftotext then gives "مرحبا بالعالم", not its mirror. A piece's
// characters outside the Basic Multilingual Plane are left out of this
// layer (fpdf's fonts map the BMP only).
//
// The built-in fonts cover Latin, Greek and Cyrillic (Liberation) and
// Arabic, Hebrew, Georgian and Armenian (DejaVu, after Liberation and the
// given fonts). For the rest — Devanagari, Bengali, Tamil, Ethiopic,
// Burmese, Khmer, Thai, Chinese, Japanese, Korean… — give fonts in
// Options.Fonts (LoadFonts("/usr/share/fonts") reads a system's);
// Check names the script a character needs a font for.
//
// # Tagged PDF
//
// Every PDF is tagged, to PDF/UA-1 as far as a program can check it: a
// screen reader gets the briefing in reading order, not in drawing order.
//
//   - Everything drawn is marked content (BDC/EMC with an MCID, written
//     with fpdf's RawWriteStr around fpdf's own drawing calls) of one
//     structure element, or an Artifact: the running head and foot and
//     page number, rules, table backgrounds, the dotted leaders of the
//     contents, and a table's header row where it is repeated on a later
//     page.
//   - The structure tree, in reading order: Document; the cover (Div: P,
//     the title as H1, H2 labels, the logo as a Figure whose /Alt is the
//     issuer); the contents (TOC, TOCI, Link); a Sect per section, its
//     heading H1 to H3 (a place of the chronology one level below its
//     day's), P, lists as L/LI/Lbl/LBody, tables as Table/TR/TH/TD with
//     /Scope (Column for the header row, Row for a group heading);
//     Figure for the chart and the map, with an /Alt in the briefing's
//     language that says what they show (each panel's series and their
//     values by date; each place with its number of entries).
//   - A footnote is a Note (with an /ID) read after the paragraph that
//     first calls it; the call is a Reference with /Ref to the Note.
//   - A link is a Link element holding its text and, through an OBJR,
//     its annotation, which has /Contents and /StructParent.
//   - A parallel edition's block is one element per language, the first
//     language's before the second's, the second's with its /Lang; a
//     sequential edition is a Part per language. The catalog has the
//     first language's /Lang, /MarkInfo <</Marked true>>,
//     /ViewerPreferences <</DisplayDocTitle true>>, and XMP metadata that
//     repeat the document information (dc:title…) with the PDF/UA
//     identifier; each page has /StructParents and /Tabs /S, and the
//     parent tree maps them back.
//   - Text set by fpdf maps to Unicode through the ToUnicode maps fpdf
//     writes; a shaped piece's outlines are covered by its invisible text
//     in Liberation, in the same marked content (see Scripts). A line
//     holding shaped or right-to-left pieces is a Span whose /ActualText
//     is the line's text in logical order: the structure tree gives a
//     screen reader the text as written, ligatures and reordering aside,
//     while the page's text, which pdftotext and search read, stays as
//     described under Scripts (marked content's /ActualText would change
//     it).
//
// How: fpdf writes a PDF with no way to add entries to its catalog or
// its page dictionaries, and writes link annotations inline in the
// page, where the structure tree cannot refer to them. Render therefore
// writes fpdf's output again, in memory, as one revision (see finish.go):
// fpdf's objects as they are, byte for byte, but for the catalog (read
// and written back with its new entries), the pages (their entries copied
// as bytes, with /StructParents and /Tabs added) and the link
// annotations (copied as bytes into objects of their own, with
// /StructParent, /Contents and /P); then the structure tree, its parent
// tree (a number tree of 128-key leaves) and the annotations, all packed
// in compressed object streams, the XMP metadata, and a cross-reference
// stream (PDF 1.5 and later, allowed by PDF/A-2 and -3 and PDF/UA). An
// incremental update would have kept fpdf's bytes but left dead copies
// of every page dictionary in each file, and cannot give the binary
// comment PDF/A asks for after the header; patching fpdf was not an
// option for a dependency. The structure is made as the builder lays
// blocks out, so its order is the document's, and filled with MCIDs as
// pages are drawn. fpdf's font maps are written again smaller (see
// fontmaps.go): a reader that reloads a page's fonts for every element
// whose text it reads, as poppler does, took about 30 s for the French
// briefing, about 12 now. The same briefing still gives the same bytes (the
// document's /ID is a hash of what fpdf wrote).
//
// What it costs, measured from outside on synthetic French briefings on
// a shared machine (BENCHMARKS.md, load average 3 to 7): 1,000 entries
// render in 0.69 s instead of 0.63 untagged (+10 % of wall and CPU
// time), 1.3 MB instead of 1.2; 10,000 entries (1,360 pages) take 16 to
// 18 % more CPU time than untagged (7.0 s instead of 6.1), peak at 482
// MiB instead of 395, and make 12.8 MB instead of 11.4 (32.6 when the
// structure elements were plain objects).
//
// # Archival PDF
//
// With Options.PDFA the file is also PDF/A-3b: its XMP metadata carry the
// PDF/A identification (and the extension schema PDF/A asks for the PDF/UA
// identifier), it has an sRGB output intent with an ICC profile built in
// the package (see icc.go), its fonts are embedded (they always are), the
// map's translucent fills are drawn in the opaque colours they would
// make and pages have no transparency group, annotations are printable,
// the header is followed by a binary comment and the trailer has an /ID.
// Options.Source, the dossier's JSON, is attached as an associated file
// (source.json, /AFRelationship /Source, in the catalog's /AF and
// embedded files), so that a PDF in a case file carries its own data;
// ExtractSource gets it back.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"github.com/go-pdf/fpdf"
	"golang.org/x/text/language"
)

// Edition says how the languages of a briefing are laid out.
type Edition uint8

// Editions.
const (
	Single     Edition = iota // one language (Options.Language)
	Parallel                  // two languages in two columns, aligned block by block
	Sequential                // the whole briefing in the first language, then in the second
)

var editions = [...]string{"single", "parallel", "sequential"}

func (e Edition) String() string {
	if int(e) < len(editions) {
		return editions[e]
	}
	return fmt.Sprintf("edition(%d)", uint8(e))
}

// ParseEdition parses "single", "parallel" or "sequential".
func ParseEdition(s string) (Edition, error) {
	for i, n := range editions {
		if n == s {
			return Edition(i), nil
		}
	}
	return 0, fmt.Errorf("pdf: %w: edition %q (want single, parallel or sequential)", ErrOptions, s)
}

// Options says how to render a briefing. The zero Options renders a single
// edition in the briefing's first language.
type Options struct {
	Edition Edition
	// Language is the language of a single edition; the zero Tag means
	// the briefing's first language. Editions of two languages take
	// both of the briefing's, in its order.
	Language language.Tag
	// Fonts are fonts to set text in beyond the built-in ones (see
	// FontSet), for the scripts these lack: Chinese, Japanese, Korean,
	// Devanagari, Ethiopic… For each style (the serif body, its bold and
	// italic, the sans serif of tables and headings and its bold), the
	// fallback chain is the style's Liberation font, then these fonts,
	// then the built-in DejaVu fonts, each group ordered by how close a
	// font is to the style (serif or sans serif, weight, italic) and
	// then as read. nil means the built-in fonts alone.
	Fonts *FontSet
	// Paper is the page size: A4 (the zero value) or Letter.
	Paper Paper
	// Margins are the margins of the body; a side left at zero takes its
	// default (DefaultMargins). Each must be from 10 mm (15 mm at the top
	// and bottom, where the running head and foot go) to 60 mm, and they
	// must leave a body at least 120 mm wide and 180 mm high.
	Margins Margins
	// Logo is the issuer's logo, printed at the top of the cover: the
	// bytes of a PNG or JPEG image, within model.MaxLogoBytes and
	// model.MaxLogoPixels. When nil, the dossier's (the briefing's
	// Meta.Logo, from model.Issuer.Logo) is printed, if it has one.
	Logo []byte
	// PDFA makes the PDF conform to PDF/A-3b as well as being tagged:
	// its XMP metadata identify it as such, it carries an sRGB output
	// intent, and the map's translucent fills are drawn in the opaque
	// colours they make. See Archival PDF in the package documentation.
	PDFA bool
	// Source is the data the briefing was made from, the dossier's JSON,
	// attached to a PDF/A file as its source (named source.json, with
	// the relationship /Source); nil attaches nothing. It needs PDFA.
	Source []byte
}

// Info describes a rendered PDF.
type Info struct {
	Pages int
}

// Write renders doc to w. It writes nothing to w when it fails: the whole
// PDF is rendered in memory first. Text the embedded fonts cannot draw is
// an error (ErrGlyph) that names each character they lack and the first
// text that holds it, never a blank box; Check finds these characters in
// a dossier before a briefing is built.
//
// A line break in a text (a newline, CR LF, CR, U+2028 or U+2029) starts a
// new line of its paragraph, heading or table cell, and a tab is a space;
// where there is room for one line only (the running head, the table of
// contents, the labels of the map and chart), a line break is a space.
// Default-ignorable code points, such as U+00AD SOFT HYPHEN, U+200B ZERO
// WIDTH SPACE or a variation selector, are not drawn. A number is never
// broken across lines: one wider than its column is set condensed.
func Write(w io.Writer, doc *report.Document, opt Options) (Info, error) {
	if w == nil {
		return Info{}, fmt.Errorf("pdf: %w: nil writer", ErrOptions)
	}
	data, info, err := Render(doc, opt)
	if err != nil {
		return Info{}, err
	}
	if _, err := w.Write(data); err != nil {
		return Info{}, fmt.Errorf("pdf: writing: %w", err)
	}
	return info, nil
}

// Render renders doc and returns the PDF's bytes. A document that fails
// report's Document.Check, and options that are not valid (an unknown
// edition or paper, margins out of bounds, a logo that is not a whole PNG
// or JPEG image), are errors wrapping ErrOptions; a panic of the PDF
// library comes back as an error wrapping ErrRender.
func Render(doc *report.Document, opt Options) (data []byte, info Info, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, info, err = nil, Info{}, fmt.Errorf("pdf: %w: %v", ErrRender, r)
		}
	}()
	if doc == nil {
		return nil, Info{}, fmt.Errorf("pdf: %w: nil document", ErrOptions)
	}
	if err := doc.Check(); err != nil {
		return nil, Info{}, fmt.Errorf("pdf: %w: %w", ErrOptions, err)
	}
	if err := loadFonts(); err != nil {
		return nil, Info{}, err
	}
	langs, err := editionLanguages(doc, opt)
	if err != nil {
		return nil, Info{}, err
	}
	if opt.Source != nil && !opt.PDFA {
		return nil, Info{}, fmt.Errorf("pdf: %w: a source to attach needs PDFA", ErrOptions)
	}
	g, err := opt.geometry()
	if err != nil {
		return nil, Info{}, fmt.Errorf("pdf: %w", err)
	}
	var lg *logo
	switch {
	case opt.Logo != nil:
		lg, err = prepareLogo(opt.Logo, "logo")
	case doc.Meta.Logo != nil:
		lg, err = prepareLogo(doc.Meta.Logo, "the dossier's logo")
	}
	if err != nil {
		return nil, Info{}, fmt.Errorf("pdf: %w", err)
	}
	locs := make([]*locales.Locale, len(doc.Languages))
	for i, tag := range doc.Languages {
		if locs[i], err = locales.New(tag); err != nil {
			return nil, Info{}, fmt.Errorf("pdf: %w", err)
		}
	}

	f := fpdf.New("P", "mm", papers[opt.Paper].fpdf, "")
	f.SetMargins(g.marginL, g.bodyTop, g.marginR)
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	for _, fi := range fonts {
		f.AddUTF8FontFromBytes(fi.family, fi.style, fi.ttf)
	}
	if lg != nil {
		f.RegisterImageOptionsReader(logoName, fpdf.ImageOptions{ImageType: lg.typ}, bytes.NewReader(lg.data))
	}
	b := &builder{doc: doc, f: f, locs: locs, notes: map[int][]noteLine{}, links: map[string]int{}, g: g, logo: lg}
	b.m.ts = newTypesetter(opt.Fonts)
	t := &tagger{root: &selem{role: "Document"}}
	b.docLang = doc.Languages[langs[0]].String()
	b.tags.parent = t.root
	b.noteElems, b.noteUsed = map[int][]*selem{}, map[int]bool{}
	setMetadata(f, doc, langs, locs)

	// The cover and contents show the edition's languages side by side.
	b.cols = g.columns(langs)
	b.cover()
	var anchors map[string]anchorPos
	b.contents(b.tocEntries(opt.Edition, langs), &anchors)
	if opt.Edition == Sequential {
		for i, l := range langs {
			b.part, b.prefix = i, doc.Languages[l].String()+"-"
			b.cols = g.columns([]int{l})
			part := b.enter("Part")
			part.lang = b.lang(l)
			b.heading(report.L(slices.Repeat([]string{languageName(locs[l], doc.Languages[l])}, len(locs))), "part", 1, true)
			b.body()
			b.leave(part)
		}
	} else {
		b.body()
	}
	b.measureRunningHeads(langs)
	if b.err != nil {
		return nil, Info{}, b.err
	}
	if err := b.m.err(); err != nil {
		return nil, Info{}, err
	}

	pages, pos := paginate(b.items, b.notes, true, g)
	// From here on the laid-out document is reachable from pages alone,
	// and each page is dropped once drawn: what the garbage collector
	// scans shrinks as fpdf's page buffers grow.
	b.items, b.notes = nil, nil
	anchors = pos
	for a, id := range b.links {
		p, ok := anchors[a]
		if !ok {
			return nil, Info{}, fmt.Errorf("pdf: %w: link to %q, which is not in the document", ErrRender, a)
		}
		f.SetLink(id, p.y, p.page)
	}
	d := &drawer{f: f, m: &b.m, face: numFaces, pdfa: opt.PDFA}
	if !untagged {
		d.t = t
		t.pages = make([]tagPage, len(pages))
	}
	for i, pg := range pages {
		f.AddPage()
		d.page = i
		d.face, d.color, d.hscale = numFaces, rgb{1, 2, 3}, 0 // fpdf resets state between pages
		d.setStyle(stBody)
		if !pg.cover {
			b.runningHead(d, i+1, len(pages), langs)
		}
		for _, pl := range pg.items {
			for _, mk := range pl.it.marks {
				f.Bookmark(flat(mk.title), mk.level, pl.y)
			}
			pl.it.draw(d, pl.y)
			d.close()
		}
		if pg.noteTop > 0 {
			d.in(artifact)
			d.stroke(grey, 0.25)
			f.Line(g.marginL, pg.noteTop+1.4, g.marginL+45, pg.noteTop+1.4)
			y := pg.noteTop + noteSep
			for _, nl := range pg.notes {
				nl.draw(d, y)
				y += nl.h
			}
			d.close()
		}
		pages[i] = nil
	}
	if err := b.m.err(); err != nil {
		return nil, Info{}, err
	}
	if b.err != nil {
		return nil, Info{}, b.err
	}
	if err := f.Error(); err != nil {
		return nil, Info{}, fmt.Errorf("pdf: %w: %w", ErrRender, err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, Info{}, fmt.Errorf("pdf: %w: %w", ErrRender, err)
	}
	if untagged {
		return buf.Bytes(), Info{Pages: len(pages)}, nil
	}
	out, err := finish(buf.Bytes(), t, opt)
	if err != nil {
		return nil, Info{}, fmt.Errorf("pdf: %w: %w", ErrRender, err)
	}
	return out, Info{Pages: len(pages)}, nil
}

// editionLanguages returns the indexes, in doc.Languages, of the languages
// the edition shows.
func editionLanguages(doc *report.Document, opt Options) ([]int, error) {
	switch opt.Edition {
	case Single:
		if opt.Language == language.Und {
			return []int{0}, nil
		}
		i := slices.Index(doc.Languages, opt.Language)
		if i < 0 {
			return nil, fmt.Errorf("pdf: %w: the briefing is not in %s (it has %v)", ErrOptions, opt.Language, doc.Languages)
		}
		return []int{i}, nil
	case Parallel, Sequential:
		if len(doc.Languages) != 2 {
			return nil, fmt.Errorf("pdf: %w: a %s edition needs a briefing in two languages, not %v", ErrOptions, opt.Edition, doc.Languages)
		}
		return []int{0, 1}, nil
	}
	return nil, fmt.Errorf("pdf: %w: unknown edition %d", ErrOptions, uint8(opt.Edition))
}

// columns lays the languages side by side across the text width.
func (g geometry) columns(langs []int) []col {
	if len(langs) == 1 {
		return []col{{x: g.marginL, w: g.textW, lang: langs[0]}}
	}
	w := (g.textW - gutter) / 2
	return []col{{x: g.marginL, w: w, lang: langs[0]}, {x: g.marginL + w + gutter, w: w, lang: langs[1]}}
}

// languageName is the name of the language tag in l, capitalised.
func languageName(l *locales.Locale, tag language.Tag) string {
	n, err := l.LanguageName(tag)
	if err != nil || n == "" {
		return tag.String()
	}
	r, size := utf8.DecodeRuneInString(n)
	return string(unicode.ToUpper(r)) + n[size:]
}

// tocEntries lists the table of contents of the edition.
func (b *builder) tocEntries(ed Edition, langs []int) []tocEntry {
	var out []tocEntry
	add := func(prefix string, level int, join func(report.L) string) {
		for _, c := range b.doc.Contents {
			out = append(out, tocEntry{level: c.Level + level, anchor: prefix + c.Anchor, title: join(c.Title)})
		}
	}
	if ed == Sequential {
		for _, l := range langs {
			prefix := b.doc.Languages[l].String() + "-"
			out = append(out, tocEntry{level: 1, anchor: prefix + "part", title: languageName(b.locs[l], b.doc.Languages[l])})
			add(prefix, 1, func(t report.L) string { return t[l] })
		}
		for i := range out {
			if out[i].level > 2 {
				out[i].level = 2
			}
		}
		return out
	}
	add("", 0, b.bi)
	return out
}

// runningHeadText returns the running head of the edition of langs: its
// short titles, and the date of the last version.
func (b *builder) runningHeadText(langs []int) (head, date string) {
	meta := &b.doc.Meta
	parts := make([]string, 0, len(langs))
	for _, l := range langs {
		parts = append(parts, meta.ShortTitle[l])
	}
	head = strings.Join(slices.Compact(parts), " / ")
	date = meta.PublishedText[langs[0]]
	if meta.UpdatedText[langs[0]] != "" {
		date = meta.UpdatedText[langs[0]]
	}
	return head, date
}

// measureRunningHeads measures the running heads before any page is
// drawn, so that a character the fonts lack is an error of the layout.
func (b *builder) measureRunningHeads(langs []int) {
	head, date := b.runningHeadText(langs)
	b.m.width(head, stSmall, "running head")
	b.m.width(date, stSmall, "running head")
}

// runningHead draws the running head and foot of a page.
func (b *builder) runningHead(d *drawer, page, total int, langs []int) {
	head, date := b.runningHeadText(langs)
	g := b.g
	d.in(artifact)
	defer d.close()
	d.text(g.marginL, g.headY(), head, stSmall)
	d.text(g.pageW-g.marginR-b.m.width(date, stSmall, "running head"), g.headY(), date, stSmall)
	d.stroke(rgb{180, 188, 204}, 0.2)
	d.f.Line(g.marginL, g.headY()+2, g.pageW-g.marginR, g.headY()+2)
	// The page number reads the same in every language: one label is enough.
	s := b.msg(langs[0], locales.FieldPage, map[string]any{"Page": page, "Total": total})
	d.text((g.pageW-b.m.width(s, stSmall, "running foot"))/2, g.footY(), s, stSmall)
}

// setMetadata sets the document information from the briefing, with dates
// from the dossier so that the same briefing gives the same bytes.
func setMetadata(f *fpdf.Fpdf, doc *report.Document, langs []int, locs []*locales.Locale) {
	meta := &doc.Meta
	join := func(l report.L) string {
		parts := make([]string, 0, len(langs))
		for _, i := range langs {
			parts = append(parts, l[i])
		}
		return strings.Join(slices.Compact(parts), " / ")
	}
	f.SetTitle(join(meta.Title), true)
	author := join(meta.Issuer)
	if u := join(meta.Unit); u != "" {
		author += " — " + u
	}
	f.SetAuthor(author, true)
	f.SetSubject(join(meta.Summary), true)
	f.SetKeywords(join(meta.Keywords), true)
	f.SetCreator("coibrief", true)
	f.SetLang(doc.Languages[langs[0]].String())
	created := noon(meta.Published)
	f.SetCreationDate(created)
	if !meta.Updated.IsZero() {
		f.SetModificationDate(noon(meta.Updated))
	} else {
		f.SetModificationDate(created)
	}
	_ = locs
}

func noon(d model.Date) time.Time {
	if d.IsZero() {
		return time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
}
