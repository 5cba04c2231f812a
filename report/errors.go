package report

import "errors"

// Sentinel errors, for errors.Is.
var (
	ErrOptions  = errors.New("invalid options")     // a language the dossier lacks, too many languages
	ErrFilter   = errors.New("invalid filter")      // an unknown place, dates that end before they start
	ErrLanguage = errors.New("missing language")    // a text of the dossier lacks a language of the briefing
	ErrDocument = errors.New("invalid document")    // a document made by hand that breaks the rules of Document.Check
	ErrMap      = errors.New("map cannot be drawn") // a country with no outline, a place too far from it (Validate)
	ErrCompare  = errors.New("id reused")           // Compare: an id names two different objects

	ErrUnknownPlace   = errors.New("unknown place")   // FindPlace found no place of that name
	ErrAmbiguousPlace = errors.New("ambiguous place") // FindPlace found several
)
