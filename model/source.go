package model

import "golang.org/x/text/language"

// Source is a bibliography entry: one article, report or page.
type Source struct {
	ID       SourceID       `json:"id"`
	Category SourceCategory `json:"category"`
	Outlet   string         `json:"outlet"`          // as it names itself, e.g. "Radio Azattyk"
	Group    string         `json:"group,omitempty"` // parent group, e.g. "Radio Free Europe/Radio Liberty"
	Via      string         `json:"via,omitempty"`   // who republished or translated it, e.g. "Novastan"
	Author   string         `json:"author,omitempty"`

	Title         string       `json:"title"`                 // in its original language and script
	TitleLanguage language.Tag `json:"titleLanguage"`         // the language of Title
	Translation   Text         `json:"translation,omitempty"` // Title translated, per dossier language

	Published     Date   `json:"published"`
	Updated       Date   `json:"updated,omitzero"`        // "updated on", when the source shows it
	Disambiguator int    `json:"disambiguator,omitempty"` // [1], [2]… among an outlet's items of one day; 0 when alone
	URL           string `json:"url,omitempty"`           // where to read it; a source with none (print, interview) gets a warning
	Accessed      Date   `json:"accessed,omitzero"`       // when consulted, if not the method's SourcesConsulted
}
