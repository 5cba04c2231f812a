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
