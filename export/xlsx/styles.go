package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// kind is how a cell is formatted.
type kind uint8

const (
	kindText    kind = iota // one line of text
	kindWrap                // long text, wrapped
	kindInt                 // a whole number
	kindDecimal             // a number with decimals
	kindDate                // a date
	kindTime                // a time of day
	kindCoord               // a latitude or longitude
	kindLink                // a hyperlink
	kindHeader              // a column header
	kindTitle               // the workbook's title
	kindHeading             // a heading on the summary
	kindLabel               // a field label on the summary
)

// look is how a whole row stands out.
type look uint8

const (
	lookPlain  look = iota
	lookStruck      // a retracted figure or entry: struck through, in grey
	lookBand        // every other group of contested figures: shaded
)

type styleKey struct {
	kind kind
	look look
}

// styles makes each cell style once, in the order first asked for, so
// that the same workbook always numbers them alike.
type styles struct {
	f   *excelize.File
	fmt *words
	ids map[styleKey]int
}

func newStyles(f *excelize.File, w *words) *styles {
	return &styles{f: f, fmt: w, ids: map[styleKey]int{}}
}

// id returns the style of a cell of kind k in a row of look l.
func (s *styles) id(k kind, l look) (int, error) {
	key := styleKey{k, l}
	if id, ok := s.ids[key]; ok {
		return id, nil
	}
	st := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
	custom := func(code string) { st.CustomNumFmt = &code }
	font := &excelize.Font{}
	switch k {
	case kindWrap:
		st.Alignment.WrapText = true
	case kindInt:
		custom(s.fmt.formats.integer)
	case kindDecimal:
		custom(s.fmt.formats.decimal)
	case kindDate:
		custom(s.fmt.formats.date)
		st.Alignment.Horizontal = "left"
	case kindTime:
		custom(s.fmt.formats.time)
		st.Alignment.Horizontal = "left"
	case kindCoord:
		custom(s.fmt.formats.coord)
	case kindLink:
		font.Color, font.Underline = "0563C1", "single"
	case kindHeader:
		font.Bold = true
		st.Alignment.WrapText = true
	case kindTitle:
		font.Bold, font.Size = true, 14
	case kindHeading:
		font.Bold, font.Size = true, 12
	case kindLabel:
		font.Bold = true
	}
	switch l {
	case lookStruck:
		font.Strike, font.Color = true, "808080"
	case lookBand:
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDF2F8"}}
	}
	if *font != (excelize.Font{}) {
		st.Font = font
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("cell style: %w", err)
	}
	s.ids[key] = id
	return id, nil
}
