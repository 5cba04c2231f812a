// Package model is the typed dossier of coibrief: what a country-of-origin
// (COI) researcher publishes about one crisis, and its JSON form.
//
// A Dossier holds metadata (title, summary, disclaimer, issuer, method
// note), a Chronology of Days whose Entries are dated, placed and typed
// statements, thematic Sections, and the three tables that statements
// point into: Sources (the bibliography), Places (a gazetteer) and Figures
// (every number a claimant put forward, with its status). Errata record
// where a source document printed something other than what the dossier
// holds.
//
// # The on-disk format
//
// A dossier is one UTF-8 JSON object whose "format" is "coibrief-dossier/1".
// Field names are the json tags of the Go types; the JSON Schema in Schema
// (file dossier.schema.json) describes every field for editors. In short:
//
//   - Text in several languages is an object keyed by BCP 47 tag:
//     {"fr": "Émeutes à Almaty", "en": "Riots in Almaty"}. Every text must
//     be given in every language listed in "languages".
//   - Dates are ISO 8601 calendar dates, "2022-01-05". A span is
//     "2022-01-04/2022-01-05", an open span "2022-01-10/..". A time of day
//     is "10:00", a range of times "15:00-17:00".
//   - Enumerations are lowercase words: "kind": "lethal-force",
//     "reliability": "not-corroborated", "metric": "killed".
//   - Statements cite sources by id, in footnote order: "sources":
//     ["lemonde-2022-01-07-1", "hrw-2022-01-26"]. Entries name places by id:
//     "places": ["almaty"]. References use "kind:id" where the kind is not
//     implied: "ref": "source:dojd-2022-01-08-2".
//   - The briefing's map is drawn from the gazetteer. The dossier's
//     country is found in the embedded outlines of every country by its
//     ISO 3166-1 alpha-2 code: "iso": "AF" on the country's place, or the
//     place's id when it is that code ("kz"). A city's "coord" puts it on
//     the map, abroad too (Islamabad in a dossier about Afghanistan). A
//     region the crisis centres on may carry its "outline", a GeoJSON
//     Polygon or MultiPolygon geometry as geojson.io or QGIS export it:
//     "outline": {"type": "Polygon", "coordinates": [[[59.1, 42.5], [61.2,
//     42.4], [60.8, 44.9], [59.1, 42.5]]]}; the map draws and highlights it
//     when entries concern it or when it is the dossier's "focus".
//     "mapTitle" names the map ("Map of events" when absent).
//   - The issuer's "logo", printed on the cover, is a PNG or JPEG image
//     as a data URI: "logo": "data:image/png;base64,iVBORw0KGgo…".
//   - "history" lists the dossier's versions, oldest first, each with its
//     date and what it changed: [{"version": "1.0", "date": "2022-10-04"},
//     {"version": "1.1", "date": "2022-10-18", "note": {"en": "…"}}].
//     Versions and dates go forward, and the last is "method"."version".
//
// Decode and LoadFile read strictly: an unknown field, a key given twice, a
// value of the wrong type, a malformed date or an unknown enum word is an
// error that names the file, line, column and JSON path:
//
//	model: kz.json:412:19: chronology[4].entries[7].kind: invalid value: unknown event kind "riots" (want one of …)
//
// Encode writes a dossier back; load, save and load again gives an equal
// dossier, and saving is deterministic.
//
// # Validation
//
// Validate returns every problem at once, each an Issue with a severity,
// a JSON path and, when the file is known, a position:
//
//	kz.json:101:23: error: chronology[3].entries[2].sources[1]: dangling reference: unknown source "lemonde-2022-01-07-3"
//
// Issues wrap sentinel errors (ErrDangling, ErrMissingText, …) for
// errors.Is. A warning that an Erratum covers (same object and field) is
// marked as explained.
//
// # Limits
//
// A dossier is read from files that may come from anywhere, so everything
// in it is bounded, far above what a real dossier needs:
//
//	input                     1 GiB (MaxInputSize)       refused before reading when the file is larger
//	nesting of JSON values    64 levels (MaxDepth)
//	statements                200,000                    entries, background, notes and paragraphs together
//	days                      50,000
//	sources                   200,000
//	places                    100,000
//	figures                   2,000,000
//	errata                    100,000
//	sections                  1,000 per level; 6 levels
//	citations                 1,000 per statement        and figures per statement, sources per figure
//	places                    1,000 per entry
//	aliases                   100 per place
//	languages                 20                         declared, searched, and per text
//	contributors              100
//	versions                  1,000                      of the history
//	long text, per language   20,000 characters          statements, notes, summary, disclaimer
//	short text                2,000 characters           titles, names, outlets, aliases
//	URL                       2,048 bytes                http and https only
//	outline                   100,000 positions          all rings together (MaxOutlinePositions)
//	logo                      1 MiB, 2048 × 2048 pixels  decoded; PNG or JPEG (MaxLogoBytes, MaxLogoPixels)
//	id                        200 bytes                  no spaces, no control characters
//	figure values             10^15
//	issues                    1,000 (MaxIssues)          the rest counted in one last issue
//
// Decoding enforces the input size, the nesting and every count as it
// reads, so that a file of a few megabytes holding millions of empty
// items is refused at the first item over the limit, having cost the
// memory of the items within it; going over is a *DecodeError wrapping
// ErrTooLarge that names the array. Validate checks the lengths, and the
// counts again for dossiers built in code, as Issues with their paths.
//
// Nothing is changed silently: the format has no null (write a value, or
// leave an optional field out); invalid UTF-8 and a \u escape of half a
// surrogate pair are errors where encoding/json would put U+FFFD in their
// place; dates and times are ASCII digits, with no sign or space. In every
// text, control characters other than tab and newline, and noncharacters,
// are errors; bidirectional embeddings, overrides and isolates (U+202A to
// U+202E, U+2066 to U+2069), which can make a text display in another
// order than it reads, are errors in ids and names (of places, aliases,
// claimants, outlets, authors, issuers) and warnings in other texts, as
// are U+FFFD and a byte order mark within a text. Coordinates must lie
// within -90..90 and -180..180. Figures superseded in a loop, or by a
// figure of another metric, are errors.
//
// Decoding goes on after an unknown field, a duplicate key, a wrong type or
// an invalid value, and reports up to 100 such problems at once
// (DecodeErrors); it stops at malformed JSON and at a limit.
//
// Decode and LoadFile read JSON as a stream: they need memory for the
// dossier they return, never for its text. A synthetic dossier of a
// million figures, 620 MB of JSON, loads in about 11 seconds with a peak
// of 1.9 GB, of which the dossier itself holds 1.1 GB.
//
// OpenFile goes further for dossiers of very many figures: it leaves the
// figures in the file, keeping where each starts (16 bytes), and reads
// them again as a stream when they are asked for (EachFigure, FigureAt).
// Validate, Encode and the report package read figures that way, so the
// same code serves a dossier in memory and one of a million figures; the
// briefing program writes the workbook of such a dossier in under 300 MB.
package model
