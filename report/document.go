package report

import (
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// L is one piece of text in each language of a briefing: L[i] is in
// Document.Languages[i]. A single-language briefing has one string per L, a
// bilingual one two, so renderers can set the languages side by side or one
// after the other, block by block.
type L []string

// Document is a briefing: what a renderer lays out. Build decides
// everything editorial — which entries a filtered briefing keeps, footnote
// numbers, the order and labels of the bibliography, which figures are key
// or contested — so that every format agrees.
type Document struct {
	Languages []language.Tag // one, or two for a bilingual briefing
	DossierID string
	Country   model.PlaceID

	Meta    Meta
	Filter  Filter // the filter that made the briefing; zero for a full briefing
	Filters []L    // one line per filter, for the reader; empty for a full briefing

	Contents  []ContentsEntry // the table of contents, in reading order
	Sections  []*Section      // the body, in reading order
	Footnotes []*Footnote     // Footnotes[i].Number == i+1

	Bibliography []*BibGroup   // the cited sources, grouped by category
	Sources      []*SourceItem // the same items in bibliography order
	Figures      *Figures      // the figures of the briefing, key and contested figures, chart series
	Map          *Map          // the places of the chronology
	Places       []*PlaceItem  // the gazetteer: every place for a full briefing; for a filtered one, the places it names and their regions
	Errata       []*ErratumItem
	Changes      *ChangeList // what changed since an earlier version (Options.Changes); nil otherwise

	placeIndex map[model.PlaceID]*PlaceItem
}

// Meta is the cover and method note of a briefing.
type Meta struct {
	Title, ShortTitle L
	Summary           L
	Disclaimer        L
	Issuer, Unit      L
	IssuerURL         string
	Logo              []byte // the issuer's logo: a PNG or JPEG image (model.Issuer.Logo), or nil
	Published         model.Date
	Updated           model.Date // zero when never updated
	PublishedText     L          // "22 février 2022"
	UpdatedText       L          // empty strings when never updated
	Method            []Field    // scope, cut-off, sources consulted, languages searched, contributors, version
	MethodNote        L
	Keywords          L // comma-separated, for document metadata
}

// Field is one labelled line, such as "Research cut-off: 8 February 2022".
type Field struct {
	Label L
	Value L
}

// ContentsEntry is a line of the table of contents.
type ContentsEntry struct {
	Level  int // 1 for a top-level section, 2 for a day or subsection
	Anchor string
	Title  L
}

// SectionKind says what a Section holds.
type SectionKind uint8

// Section kinds.
const (
	SectionBackground   SectionKind = iota + 1 // background paragraphs
	SectionChronology                          // holds one SectionDay per day
	SectionDay                                 // a day of the chronology
	SectionThematic                            // a thematic section of the dossier
	SectionNotes                               // free notes
	SectionKeyFigures                          // holds a *FigureTable and a *ContestedTable and a *Chart
	SectionMap                                 // holds a *MapBlock
	SectionBibliography                        // holds a *BibliographyBlock
	SectionErrata                              // holds an *ErrataBlock
	SectionChanges                             // holds a *ChangesBlock: the changes since an earlier version
)

var sectionKinds = [...]string{"", "background", "chronology", "day", "thematic", "notes", "key-figures", "map", "bibliography", "errata", "changes"}

func (k SectionKind) String() string {
	if int(k) < len(sectionKinds) {
		return sectionKinds[k]
	}
	return "section-kind(?)"
}

// Section is a titled part of the briefing.
type Section struct {
	Kind     SectionKind
	Anchor   string // unique in the document, e.g. "day-2022-01-05"
	Level    int    // 1 for top-level sections
	Title    L
	Day      *DayInfo // for SectionDay
	Blocks   []Block
	Sections []*Section
}

// DayInfo is the date of a day of the chronology.
type DayInfo struct {
	When      model.DateSpan
	Precision model.DatePrecision
}

// Block is the content of a section: *Paragraph, *PlaceGroup, *List,
// *FigureTable, *ContestedTable, *Chart, *MapBlock, *BibliographyBlock,
// *ErrataBlock or *ChangesBlock.
type Block interface {
	Node
	block()
}

// Paragraph is one statement: an entry of the chronology, a background or
// section paragraph, or a note.
type Paragraph struct {
	Statement       model.StatementID
	Text            L
	Footnote        *Footnote // nil when the statement cites nothing
	Reliability     model.Reliability
	ReliabilityText L          // empty strings when Reliability is Reliable
	Entry           *EntryInfo // set for chronology entries
	// Changed says, in an update briefing, how the statement changed
	// since the earlier version (added, reworded, moved, or its sources);
	// zero when it did not. Anchor is then where Document.Changes links
	// to; empty for an unchanged paragraph.
	Changed ChangeKind
	Anchor  string
}

// EntryInfo is what a chronology entry adds to a paragraph.
type EntryInfo struct {
	When      model.DateSpan // the entry's dates (its own or its day's)
	Precision model.DatePrecision
	WhenText  L               // set only when the entry's dates differ from its day's
	Time      *model.TimeSpan // nil when no time of day is known
	TimeText  L
	Kind      model.EventKind
	KindText  L
	Places    []model.PlaceID
	Figures   []model.FigureID
	// GeoPrecision is how exact the entry's location is: its own, else
	// what its places' kinds imply — a site a point; a district or city
	// a city; a region a region; the country, or no place, the country —
	// the coarsest of its places deciding.
	GeoPrecision model.GeoPrecision
}

// PlaceGroup is a run of entries listed under one place, like the per-city
// bullet lists of COI notes ("In Almaty: …").
type PlaceGroup struct {
	Place model.PlaceID
	Name  L
	Items []*Paragraph
}

// List is a run of bulleted paragraphs.
type List struct {
	Items []*Paragraph
}

// Footnote is the source note of one cited statement.
type Footnote struct {
	Number    int
	Anchor    string // "fn-12"
	Statement model.StatementID
	Note      L // explanatory text before the citations; empty strings when none
	Citations []*Citation
}

// Citation is one source in a footnote.
type Citation struct {
	Source *SourceItem
	Text   L // "Le Monde, 07/01/2022 [3]" / "Le Monde, 7 Jan 2022 [3]"
}

// SourceItem is a bibliography entry as the briefing prints it.
type SourceItem struct {
	ID            model.SourceID
	Anchor        string // "src-lemonde-2022-01-07-1"; empty when the briefing omits its bibliography
	Category      model.SourceCategory
	Outlet        string // with its parent group: "Radio Svoboda (Radio Free Europe/Radio Liberty)"
	Label         int    // [n] among the outlet's items of the same day, 0 when it is alone
	Title         string // in its original language and script
	TitleLanguage language.Tag
	Translation   L // the title in each briefing language; empty where the title is already in it
	Published     model.Date
	Updated       model.Date
	Date          L      // "07/01/2022" / "7 Jan 2022", with "[3]" and the update when there is one
	URL           string // as printed
	Link          string // URL with non-ASCII characters percent-encoded, for hyperlinks
	Citation      L      // short form used in footnotes and tables
	Footnotes     []int  // the footnotes that cite it
	// Accessed is when the source was consulted: its own date, else the
	// last day of the method's SourcesConsulted.
	Accessed model.Date
	// Source is a copy of the dossier's source, for formats that keep
	// its fields apart (the outlet, its parent group, the author).
	Source model.Source
}

// BibGroup is the sources of one category, newest first.
type BibGroup struct {
	Category model.SourceCategory
	Anchor   string
	Title    L
	Items    []*SourceItem
}

// ErratumItem is an erratum as the briefing prints it.
type ErratumItem struct {
	Ref      model.Ref
	Subject  L // what it concerns, e.g. the citation of a source
	Field    string
	Printed  string
	Recorded string
	Text     L
}

// BibliographyBlock stands for Document.Bibliography in a section.
type BibliographyBlock struct{}

// ErrataBlock stands for Document.Errata in a section.
type ErrataBlock struct{}

// MapBlock stands for Document.Map in a section.
type MapBlock struct{}

// PlaceItem is a gazetteer entry as the briefing gives it.
type PlaceItem struct {
	ID         model.PlaceID
	Kind       model.PlaceKind
	KindText   L
	Name       L          // in the briefing's languages
	Names      model.Text // in every language of the dossier
	Aliases    []string
	Region     model.PlaceID
	RegionName L            // empty strings when the place lies in no region
	Coord      *model.Coord // nil when unknown
	Entries    int          // entries of the briefing that name the place itself
	First      model.Date   // the first and last dates of those entries
	Last       model.Date
}

// Place returns the gazetteer entry id, or nil. A document not made by
// Build finds no place.
func (d *Document) Place(id model.PlaceID) *PlaceItem {
	if d == nil {
		return nil
	}
	return d.placeIndex[id]
}
