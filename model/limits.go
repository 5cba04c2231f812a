package model

// Limits on a dossier. They are far above what a country-of-origin
// dossier needs — the Kazakhstan dossier's longest statement has fewer
// than 1,000 characters, and a synthetic dossier of 1,000,000 figures
// loads well within them — and they keep hostile input from costing
// unbounded memory or time, or from making error messages and rendered
// pages unreadable.
//
// Decode, Unmarshal, LoadFile and OpenFile enforce MaxInputSize, MaxDepth
// and every limit on a count of items (statements, days, sources,
// places, figures, errata, sections, languages, contributors,
// citations, places per entry and aliases) while they read, so that a
// small file cannot make them hold or do more than the limits allow; the
// error wraps ErrTooLarge and names the array. Validate enforces the
// others, and the counts again for dossiers built in code, each issue
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

	// MaxLanguages is the most languages a dossier may declare, the
	// most it may list as searched, and the most one text may be
	// written in.
	MaxLanguages = 20

	// MaxContributors is the most contributors a method note may list.
	MaxContributors = 100

	// MaxVersions is the most versions a dossier's history may list.
	MaxVersions = 1_000

	// MaxSectionDepth is how deeply thematic sections may nest: a section,
	// its subsections and theirs, and so on.
	MaxSectionDepth = 6

	// MaxStatements is the most statements a dossier may hold:
	// chronology entries, background, notes and the paragraphs of
	// thematic sections together. Twice the largest synthetic dossier
	// the benchmarks use.
	MaxStatements = 200_000

	// MaxDays is the most days a chronology may have: 137 years of days.
	MaxDays = 50_000

	// MaxSources is the most sources a bibliography may hold.
	MaxSources = 200_000

	// MaxPlaces is the most places a gazetteer may hold.
	MaxPlaces = 100_000

	// MaxFigures is the most figures a dossier may hold: twice the
	// million that a synthetic dossier of 557 MB holds.
	MaxFigures = 2_000_000

	// MaxErrata is the most errata a dossier may hold.
	MaxErrata = 100_000

	// MaxSections is the most sections one level of thematic sections may
	// hold.
	MaxSections = 1_000

	// MaxIssues is the most issues Validate returns one by one; the
	// rest are counted in one last issue (see OmittedError).
	MaxIssues = 1_000

	// MaxFigureValue is the largest value, low or high bound a figure may
	// have: a thousand million million, more than any count or price.
	MaxFigureValue = 1e15
)

// maxInputSize is MaxInputSize, lowered by tests.
var maxInputSize int64 = MaxInputSize

// arrayLimit is the most elements an array of the JSON form may hold.
type arrayLimit struct {
	max  int
	what string // "aliases a place"
	// statements has the elements count towards MaxStatements rather
	// than max.
	statements bool
}

// arrayLimits are the limits on arrays, by Go struct type name and JSON
// field name. Decoding enforces them as it reads.
var arrayLimits = map[string]arrayLimit{
	"Dossier.languages":        {max: MaxLanguages, what: "languages a dossier"},
	"Dossier.background":       {statements: true},
	"Dossier.chronology":       {max: MaxDays, what: "days a chronology"},
	"Dossier.sections":         {max: MaxSections, what: "sections a level of sections"},
	"Dossier.notes":            {statements: true},
	"Dossier.places":           {max: MaxPlaces, what: "places a gazetteer"},
	"Dossier.sources":          {max: MaxSources, what: "sources a bibliography"},
	"Dossier.figures":          {max: MaxFigures, what: "figures a dossier"},
	"Dossier.errata":           {max: MaxErrata, what: "errata a dossier"},
	"Dossier.history":          {max: MaxVersions, what: "versions a history"},
	"Method.languagesSearched": {max: MaxLanguages, what: "languages searched a method note"},
	"Method.contributors":      {max: MaxContributors, what: "contributors a method note"},
	"Day.entries":              {statements: true},
	"Section.paragraphs":       {statements: true},
	"Section.sections":         {max: MaxSections, what: "sections a level of sections"},
	"Statement.sources":        {max: MaxCitations, what: "sources a statement"},
	"Statement.figures":        {max: MaxCitations, what: "figures a statement"},
	"Entry.places":             {max: MaxPlacesPerEntry, what: "places an entry"},
	"Place.aliases":            {max: MaxAliases, what: "aliases a place"},
	"Figure.sources":           {max: MaxCitations, what: "sources a figure"},
}
