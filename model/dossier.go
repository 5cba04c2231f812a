package model

import "golang.org/x/text/language"

// Format is the value of Dossier.Format this package reads and writes.
const Format = "coibrief-dossier/1"

// A Dossier is everything a country-of-origin researcher publishes about one
// crisis: metadata, a dated chronology, thematic sections, the sources
// behind every statement, the figures those sources report, and the places
// they name.
//
// Every statement cites sources by SourceID, every entry names places by
// PlaceID; Validate checks that these resolve. The JSON form is documented in
// the package overview and by the JSON Schema in Schema.
type Dossier struct {
	Format  string  `json:"format"`  // always Format
	ID      string  `json:"id"`      // a stable identifier, e.g. "kz-2022-01"
	Country PlaceID `json:"country"` // the gazetteer entry of the country concerned
	// Focus is the region or city the crisis centres on, when it is not
	// the whole country: the briefing's key figures are the latest for it,
	// falling back to national ones.
	Focus     PlaceID        `json:"focus,omitempty"`
	Languages []language.Tag `json:"languages"` // the languages every text is written in, main first

	Title      Text     `json:"title"`
	ShortTitle Text     `json:"shortTitle,omitempty"` // for running headers
	Summary    Text     `json:"summary"`
	Period     DateSpan `json:"period"`             // the period the dossier covers
	Published  Date     `json:"published"`          // publication date
	Updated    Date     `json:"updated,omitzero"`   // last update, when updated after publication
	Issuer     Issuer   `json:"issuer"`             // who publishes it
	Disclaimer Text     `json:"disclaimer"`         // the issuing body's disclaimer
	Method     Method   `json:"method"`             // how it was researched
	MapTitle   Text     `json:"mapTitle,omitempty"` // the title of the map: "Map of events" when absent
	// History lists the dossier's versions, oldest first: versions and
	// dates go forward, and the last is Method.Version when both are
	// given. An update briefing names the earlier version by it.
	History []Version `json:"history,omitempty"`

	Background []Statement `json:"background,omitempty"` // context before the chronology
	Chronology []Day       `json:"chronology"`
	Sections   []Section   `json:"sections,omitempty"` // thematic sections after the chronology
	Notes      []Statement `json:"notes,omitempty"`    // free notes (translation policy, caveats)

	Places  []Place   `json:"places"`
	Sources []Source  `json:"sources"`
	Figures []Figure  `json:"figures,omitempty"`
	Errata  []Erratum `json:"errata,omitempty"`

	// file holds the figures OpenFile left in the dossier's file; they
	// come before Figures. See NumFigures, EachFigure and FigureAt.
	file *figureFile
}

// Version is one published version of a dossier.
type Version struct {
	Version string `json:"version"`        // e.g. "1.1", as Method.Version writes it
	Date    Date   `json:"date"`           // when it was published
	Note    Text   `json:"note,omitempty"` // what it changed, per dossier language
}

// Issuer is the body that publishes a dossier.
type Issuer struct {
	Name Text   `json:"name"`           // e.g. the asylum office
	Unit Text   `json:"unit,omitempty"` // e.g. its research division
	URL  string `json:"url,omitempty"`
	// Logo is the issuer's logo, printed on the cover: a PNG or JPEG
	// image as a data URI in base64, "data:image/png;base64,iVBORw0KGgo…"
	// or "data:image/jpeg;base64,/9j/…", of at most 1 MiB and 2048 × 2048
	// pixels (MaxLogoBytes, MaxLogoPixels).
	Logo string `json:"logo,omitempty"`
}

// Method is the methodological note that COI standards (EUAA, ACCORD) ask
// every product to carry.
type Method struct {
	Scope             Text           `json:"scope"`                       // terms of reference
	CutOff            Date           `json:"cutOff"`                      // research cut-off date
	SourcesConsulted  DateSpan       `json:"sourcesConsulted"`            // when sources were consulted
	LanguagesSearched []language.Tag `json:"languagesSearched,omitempty"` // languages of the sources searched
	Contributors      []Contributor  `json:"contributors,omitempty"`
	Version           string         `json:"version,omitempty"`
	Note              Text           `json:"note,omitempty"` // e.g. who translated the sources
}

// Contributor is a person or unit with a role in a dossier. COI products
// usually name roles, not people.
type Contributor struct {
	Role Role `json:"role"`
	Name Text `json:"name"`
}

// Erratum records what a source document printed where the dossier records
// something else: a wrong year, a misspelt outlet, a reference missing from a
// bibliography. Validation warnings on the same Ref and Field are marked as
// explained by it.
type Erratum struct {
	Ref      Ref    `json:"ref"`                // what the dossier holds, e.g. "source:dojd-2022-01-08-2"
	Field    string `json:"field,omitempty"`    // the field concerned, e.g. "published"
	Document string `json:"document,omitempty"` // the document that printed it, when not the dossier's base note
	Printed  string `json:"printed"`            // what the document printed
	Recorded string `json:"recorded,omitempty"` // what the dossier records instead
	Text     Text   `json:"text"`               // why
}
