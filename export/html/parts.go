package html

import (
	"fmt"
	"strings"
)

// Part is a part of the page that Options.Omit can leave out: what the
// renderer writes around the briefing's sections, and the chronology. The
// other parts of a briefing — background, thematic sections, notes,
// figures, map, bibliography, errata — are the document's, left out when
// it is built (report.Options.Omit), as for the PDF and the workbook.
type Part uint8

// Parts of the page.
const (
	PartCover      Part = iota + 1 // the <header>: title, dates, filters, summary, method note and disclaimer
	PartContents                   // the table of contents (<nav>)
	PartChronology                 // the chronology, its days and their notes
)

var partNames = []string{"", "cover", "contents", "chronology"}

// String returns the part's name, as ParsePart reads it: "cover",
// "contents" or "chronology".
func (p Part) String() string {
	if p.valid() {
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
	return 0, fmt.Errorf("html: %w: unknown part %q (want one of %s)", ErrOptions, s, strings.Join(partNames[1:], ", "))
}

func (p Part) valid() bool { return p > 0 && int(p) < len(partNames) }
