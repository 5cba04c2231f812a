package model

// Limits on a dossier. They are far above what a country-of-origin
// dossier needs — the Kazakhstan dossier's longest statement has fewer
// than 1,000 characters, and a synthetic dossier of 1,000,000 figures
// loads well within them — and they keep hostile input from costing
// unbounded memory or time, or from making error messages and rendered
// pages unreadable.
//
// Decode, Unmarshal and LoadFile enforce MaxInputSize and MaxDepth; the
// error wraps ErrTooLarge. Validate enforces the others, each issue
// naming the path of the value that breaks it; an issue for a value over
// a size limit wraps ErrTooLarge.
const (
	// MaxInputSize is the most bytes of JSON a dossier may hold: 1 GiB.
	MaxInputSize = 1 << 30

	// MaxDepth is how deeply JSON objects and arrays may nest, the
	// dossier's own braces included. A dossier needs 6 levels, and 2
	// more for each level of nested sections.
	MaxDepth = 64

	// MaxTextRunes is the most characters (Unicode code points) one
	// language of a long text may hold: statements and their notes, the
	// summary, the disclaimer, the method's scope and note, a figure's
	// note and an erratum's explanation.
	MaxTextRunes = 20_000

	// MaxTitleRunes is the most characters of a short text: titles and
	// short titles, names of places, issuers, contributors and
	// claimants, a source's outlet, group, author, intermediary and
	// translated title, aliases, what an erratum says was printed and is
	// recorded, units, channels and versions.
	MaxTitleRunes = 2_000

	// MaxURLBytes is the longest URL, in bytes.
	MaxURLBytes = 2_048

	// MaxIDBytes is the longest id, in bytes: of the dossier, a
	// statement, source, place, figure or section, and in references.
	// An id is also made of printable characters other than spaces.
	MaxIDBytes = 200

	// MaxCitations is the most sources one statement or figure may cite,
	// and the most figures one statement may report.
	MaxCitations = 1_000

	// MaxPlacesPerEntry is the most places one chronology entry may name.
	MaxPlacesPerEntry = 1_000

	// MaxAliases is the most aliases one place may have.
	MaxAliases = 100

	// MaxLanguages is the most languages a dossier may declare, and the
	// most it may list as searched.
	MaxLanguages = 20

	// MaxContributors is the most contributors a method note may list.
	MaxContributors = 100

	// MaxSectionDepth is how deeply thematic sections may nest: a section,
	// its subsections and theirs, and so on.
	MaxSectionDepth = 6

	// MaxFigureValue is the largest value, low or high bound a figure may
	// have: a thousand million million, more than any count or price.
	MaxFigureValue = 1e15
)

// maxInputSize is MaxInputSize, lowered by tests.
var maxInputSize int64 = MaxInputSize
