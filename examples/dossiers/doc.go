// Package dossiers holds example dossiers, embedded so that tests and
// programs can read them without a path. Each is a JSON file of this
// directory, in the format package model documents.
//
// de-example.json is a fictional example in German and English: protests
// against higher water tariffs in Armenia over four days of March 2023,
// invented from end to end but for the places and their coordinates. It
// has eight chronology entries, six sources (all under
// https://example.org/), eight figures — two of which disagree on the
// number of arrests, one retracted — and eight places, and it says in
// its title, summary and disclaimer that it is fictional. It shows that
// a dossier in a language other than French and English is briefed like
// any other once package locales has a catalog for it:
//
//	go run ./examples/briefing -dossier examples/dossiers/de-example.json -lang de+en -out /tmp/briefing
//
// Four fictional examples in French and English cover other continents,
// each over four days, with real places at their real coordinates and
// invented events, sources (under https://example.org/) and figures, and
// say in their title, summary and disclaimer that they are fictional:
//
//	file             country      crisis                                       entries  sources  figures
//	af-example.json  Afghanistan  traders' protests in Herat, June 2024              11       16       11
//	et-example.json  Ethiopia     minibus drivers' strike in Hawassa, Oct. 2024      11       15       10
//	ve-example.json  Venezuela    power-cut protests in Zulia, November 2023         11       15       11
//	ge-example.json  Georgia      incinerator protests in Kutaisi, Sept. 2022        10       14       11
//
// Each exercises what a unit's briefing needs: a focus (a region or a
// city) whose figures are the key ones, and national figures beside
// them; a contested pair of figures for the focus; a superseded and a
// retracted figure; a city abroad, which widens the map (Islamabad,
// Nairobi, Bogotá, Trabzon); a region with an approximate outline, a
// simplified GeoJSON polygon said to be approximate in the method note;
// the country's ISO code; source titles in the country's languages
// (Spanish, Oromo, Russian, Turkish; Dari, Pashto, Amharic and Georgian
// transliterated into Latin script, as the method note says); and
// thematic paragraphs that bear on dates and places, which a briefing
// focused elsewhere leaves out:
//
//	go run ./examples/briefing -dossier examples/dossiers/af-example.json -place Kabul -out /tmp/briefing
//
// ge-example.v1.json is the earlier version (1.0) of the Georgian
// example, and ge-example.json its update (1.1), both as fictional as
// the rest: the update adds an entry, its source and two places, revises
// a figure, moves an entry to the day before and rewords two, as the
// history recorded in ge-example.json says. The update briefing lists
// these changes first and marks the changed paragraphs:
//
//	go run ./examples/briefing -dossier examples/dossiers/ge-example.json -since examples/dossiers/ge-example.v1.json -out /tmp/briefing
//
// The Kazakhstan dossier, the library's default, is in package
// github.com/coibrief/coibrief/examples/kazakhstan.
package dossiers

import (
	"embed"
	"fmt"

	"github.com/coibrief/coibrief/model"
)

// Files holds the example dossiers, one JSON file each.
//
//go:embed *.json
var Files embed.FS

// Load decodes the example dossier name ("de-example.json") and validates
// it. Each call returns a new value that the caller may change. The
// returned issues are the validation warnings, located in the file; an
// error means the file is missing or broken.
func Load(name string) (*model.Dossier, model.Issues, error) {
	data, err := Files.ReadFile(name)
	if err != nil {
		return nil, nil, fmt.Errorf("dossiers: %w", err)
	}
	d, err := model.Unmarshal(data)
	if err != nil {
		return nil, nil, fmt.Errorf("dossiers: %s: %w", name, err)
	}
	issues := model.Validate(d)
	model.Locate(data, name, issues)
	if err := issues.Err(); err != nil {
		return nil, issues, fmt.Errorf("dossiers: %w", err)
	}
	return d, issues, nil
}
