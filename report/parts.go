package report

import (
	"fmt"
	"strings"
)

// Part is a part of a briefing that Options.Omit can leave out. The
// chronology, the cover and the footnotes are always there.
type Part uint8

// Parts of a briefing.
const (
	PartBackground   Part = iota + 1 // the background before the chronology
	PartSections                     // the thematic sections after it
	PartNotes                        // the free notes
	PartFigures                      // the figures: key, contested and retracted figures, the chart, the workbook's figure sheets
	PartMap                          // the map of events
	PartBibliography                 // the bibliography section (footnotes still cite every source in full, and Document.Sources lists them)
	PartErrata                       // the errata
)

var partNames = []string{"", "background", "sections", "notes", "figures", "map", "bibliography", "errata"}

// Parts returns every part, in the briefing's order.
func Parts() []Part {
	return []Part{PartBackground, PartSections, PartNotes, PartFigures, PartMap, PartBibliography, PartErrata}
}

// String returns the part's name, as ParsePart reads it: "background",
// "sections", "notes", "figures", "map", "bibliography" or "errata".
func (p Part) String() string {
	if int(p) < len(partNames) && p > 0 {
		return partNames[p]
	}
	return fmt.Sprintf("Part(%d)", uint8(p))
}

// ParsePart returns the part named s (see Part.String), ignoring case.
func ParsePart(s string) (Part, error) {
	for i, n := range partNames {
		if i > 0 && strings.EqualFold(n, strings.TrimSpace(s)) {
			return Part(i), nil
		}
	}
	return 0, fmt.Errorf("report: %w: unknown part %q (want one of %s)", ErrOptions, s, strings.Join(partNames[1:], ", "))
}

func (p Part) valid() bool { return p > 0 && int(p) < len(partNames) }
