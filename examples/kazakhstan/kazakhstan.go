// Package kazakhstan embeds coibrief's default dossier: the January 2022
// protests in Kazakhstan, in French and English, with its chronology,
// thematic sections, bibliography, gazetteer and figures.
//
// The dossier restates, in its own words, the facts of a French
// country-of-origin note of 22 February 2022 (OFPRA, DIDR) and adds a
// secondary web summary of 25 March 2022 whose figures and dates disagree
// with the note, so that the disagreements can be seen. Where the note
// misprints something, the dossier records what is true and keeps what was
// printed in an erratum.
package kazakhstan

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/coibrief/coibrief/model"
)

//go:embed kazakhstan.json
var data []byte

// Name is the file name of the embedded dossier.
const Name = "kazakhstan.json"

// JSON returns a copy of the dossier's JSON text.
func JSON() []byte { return bytes.Clone(data) }

// Dossier decodes the embedded dossier and validates it. Each call returns
// a new value that the caller may change. The returned issues are the
// validation warnings (every one explained by an erratum); an error means
// the embedded file is broken.
func Dossier() (*model.Dossier, model.Issues, error) {
	d, err := model.Unmarshal(data)
	if err != nil {
		return nil, nil, fmt.Errorf("kazakhstan: %w", err)
	}
	issues := model.Validate(d)
	model.Locate(data, Name, issues)
	if err := issues.Err(); err != nil {
		return nil, issues, fmt.Errorf("kazakhstan: %w", err)
	}
	return d, issues, nil
}
