package xlsx

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coibrief/coibrief/model"
	"github.com/xuri/excelize/v2"
)

// Excel's limits.
const (
	maxRows     = 1048576 // rows of a worksheet
	maxLinks    = 65530   // hyperlinks of a worksheet
	maxCellText = 32767   // UTF-16 code units of a cell (see Split)
)

// column is a column of a sheet.
type column struct {
	head  string
	width float64 // in characters
	wrap  bool    // text is wrapped
}

// Cell values a sheet row holds, besides string, int and float64 (a nil
// value or an empty string leaves the cell empty).
type (
	coord float64 // a latitude or longitude
	link  struct{ text, url string }
)

// sheet is a worksheet written with excelize's streaming writer: column
// widths, frozen panes and the dimension are set before the first row,
// the table and the hyperlinks after the last but before Flush, which is
// what the stream writer needs to keep them. For Check, sw is nil and
// nothing is written.
type sheet struct {
	b     *book
	name  string
	sw    *excelize.StreamWriter
	cols  []column
	rows  int // declared, header and blank rows included
	row   int // written
	links []hyperlink
	vals  []any           // the row SetRow is given: nil or a *excelize.Cell of cells
	cells []excelize.Cell // reused from row to row, to spare an allocation per cell
}

// newSheet starts the sheet name, which will hold rows rows (header
// included) of the columns cols. With freeze, the first row stays in view.
func (b *book) newSheet(name string, cols []column, rows int, freeze bool) (*sheet, error) {
	b.stage = "sheet " + strconv.Quote(name)
	if rows > maxRows {
		return nil, fmt.Errorf("xlsx: sheet %q: %d rows, more than the %d a worksheet holds: %w", name, rows, maxRows, ErrTooLarge)
	}
	f := b.f
	if b.sheets == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
			return nil, b.fail(err)
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, b.fail(err)
	}
	b.sheets++
	if b.check {
		// Check composes the rows and writes nothing.
		return &sheet{b: b, name: name, cols: cols, rows: rows, vals: make([]any, len(cols)), cells: make([]excelize.Cell, len(cols))}, nil
	}
	if err := b.printSetup(name, freeze); err != nil {
		return nil, err
	}
	// The stream writer writes the <dimension> when it is made, and leaves
	// it at A1 unless it was set before: readers that trust it (openpyxl
	// in read-only mode, pandas) would see a single column.
	if err := f.SetSheetDimension(name, "A1:"+cellName(len(cols), max(rows, 1))); err != nil {
		return nil, b.fail(err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, b.fail(err)
	}
	s := &sheet{b: b, name: name, sw: sw, cols: cols, rows: rows, vals: make([]any, len(cols)), cells: make([]excelize.Cell, len(cols))}
	// Widths must all be set before the first row. Each call puts its
	// column before those set earlier in <cols>, which Excel wants in
	// ascending order: so set them from the last column to the first.
	for i := len(cols); i >= 1; i-- {
		if err := sw.SetColWidth(i, i, cols[i-1].width); err != nil {
			return nil, b.fail(err)
		}
	}
	if freeze {
		err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
		if err != nil {
			return nil, b.fail(err)
		}
	}
	return s, nil
}

// printSetup has a sheet print in landscape, as wide as the page and as
// many pages long as it takes, with its first row, the headers when
// titles is set, repeated on every page. The sheet's properties (fit to
// page) must be set before its stream writer is made, which writes them
// first.
func (b *book) printSetup(name string, titles bool) error {
	fit := true
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return b.fail(err)
	}
	orient, wide, tall := "landscape", 1, 0
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return b.fail(err)
	}
	if titles {
		err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(name) + "!$1:$1", Scope: name})
		if err != nil {
			return b.fail(err)
		}
	}
	return nil
}

// header writes the column headers as the next row.
func (s *sheet) header() error {
	st, err := s.b.styles.id(kindHeader, lookPlain)
	if err != nil {
		return s.b.fail(err)
	}
	for i, c := range s.cols {
		head, err := s.splitText(i+1, c.head)
		if err != nil {
			return s.b.fail(err)
		}
		s.cells[i] = excelize.Cell{StyleID: st, Value: head}
		s.vals[i] = &s.cells[i]
	}
	return s.write()
}

// add writes the next row: one value per column, in the look l.
func (s *sheet) add(l look, vals ...any) error {
	if len(vals) != len(s.cols) {
		return s.b.fail(fmt.Errorf("row %d has %d values for %d columns", s.row+1, len(vals), len(s.cols)))
	}
	for i, v := range vals {
		ok, err := s.cell(&s.cells[i], i, v, l)
		if err != nil {
			return s.b.fail(err)
		}
		s.vals[i] = nil
		if ok {
			s.vals[i] = &s.cells[i]
		}
	}
	return s.write()
}

// addCells writes the next row from cells already styled.
func (s *sheet) addCells(cells ...any) error {
	clear(s.vals)
	copy(s.vals, cells)
	return s.write()
}

// skip leaves the next row empty.
func (s *sheet) skip() { s.row++ }

func (s *sheet) write() error {
	s.row++
	if s.row > s.rows {
		return s.b.fail(fmt.Errorf("row %d past the %d rows declared", s.row, s.rows))
	}
	if s.sw == nil {
		return nil
	}
	if err := s.sw.SetRow(cellName(1, s.row), s.vals); err != nil {
		return s.b.fail(fmt.Errorf("row %d: %w", s.row, err))
	}
	return nil
}

// cell sets c to a value of column i, styled, and reports false for an
// empty cell. Text stays text: the stream writer stores strings as inline
// strings, never as formulas, whatever they start with. A text too long
// for a cell is split (see splitText).
func (s *sheet) cell(c *excelize.Cell, i int, v any, l look) (bool, error) {
	var k kind
	switch x := v.(type) {
	case nil:
		return false, nil
	case string:
		if x == "" {
			return false, nil
		}
		t, err := s.splitText(i+1, x)
		if err != nil {
			return false, err
		}
		k, v = kindText, t
		if s.cols[i].wrap {
			k = kindWrap
		}
	case int:
		k = kindInt
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			k, v = kindText, strconv.FormatFloat(x, 'g', -1, 64)
		} else if k = kindInt; x != math.Trunc(x) {
			k = kindDecimal
		}
	case coord:
		k, v = kindCoord, float64(x)
	case model.Date:
		if x.IsZero() {
			return false, nil
		}
		if serial, ok := excelDate(x); ok {
			k, v = kindDate, serial
		} else {
			k, v = kindText, x.String()
		}
	case model.Clock:
		k, v = kindTime, float64(x.Minutes())/(24*60)
	case link:
		if x.text == "" {
			return false, nil
		}
		t, err := s.splitText(i+1, x.text)
		if err != nil {
			return false, err
		}
		k, v = kindText, t
		if linkable(x.url) && len(s.links) < maxLinks {
			k = kindLink
			s.links = append(s.links, hyperlink{cellName(i+1, s.row+1), x.url})
		}
	default:
		return false, fmt.Errorf("column %d: cannot write a %T", i+1, v)
	}
	st, err := s.b.styles.id(k, l)
	if err != nil {
		return false, err
	}
	*c = excelize.Cell{StyleID: st, Value: v}
	return true, nil
}

// finish adds the table (when table is not empty, over the rows first to
// last, the first being the header), the hyperlinks, and flushes the
// sheet.
func (s *sheet) finish(table string, first, last int) error {
	b := s.b
	if s.row != s.rows {
		return b.fail(fmt.Errorf("%d rows written, %d declared", s.row, s.rows))
	}
	if s.sw == nil {
		return nil
	}
	if table != "" {
		last = max(last, first+1) // a table has at least one data row
		err := s.sw.AddTable(&excelize.Table{
			Range:     cellName(1, first) + ":" + cellName(len(s.cols), last),
			Name:      table,
			StyleName: "TableStyleLight9",
		})
		if err != nil {
			return b.fail(fmt.Errorf("table %s: %w", table, err))
		}
	}
	// The packer writes the links (see sheetLinks); the sheet's table is
	// its one relationship before them.
	if len(s.links) > 0 {
		rels := 0
		if table != "" {
			rels = 1
		}
		b.links[s.name] = sheetLinks{links: s.links, rels: rels}
	}
	if err := s.sw.Flush(); err != nil {
		return b.fail(err)
	}
	releaseStream(s.sw)
	return nil
}

// cellName returns the reference of a cell, e.g. "C12".
func cellName(col, row int) string {
	return colName(col) + strconv.Itoa(row)
}

// colName returns the letters of a column: 1 is A, 27 is AA.
func colName(col int) string {
	var b [4]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// absRange returns an absolute reference to a range of sheet for a chart:
// 'Sheet name'!$B$2:$B$9.
func absRange(sheet string, col, row1, row2 int) string {
	c := colName(col)
	return quoteSheet(sheet) + "!$" + c + "$" + strconv.Itoa(row1) + ":$" + c + "$" + strconv.Itoa(row2)
}

// absCell returns an absolute reference to a cell: 'Sheet name'!$A$2.
func absCell(sheet string, col, row int) string {
	return quoteSheet(sheet) + "!$" + colName(col) + "$" + strconv.Itoa(row)
}

func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// excelEpoch is day 0 of Excel's 1900 date system, as Excel counts after
// February 1900.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// excelDate returns the serial number of d, and false for dates before
// March 1900, which Excel's calendar gets wrong.
func excelDate(d model.Date) (float64, bool) {
	if d.Year < 1900 || d.Year == 1900 && d.Month < time.March || d.Year > 9999 {
		return 0, false
	}
	return float64(d.Time().Sub(excelEpoch) / (24 * time.Hour)), true
}

// linkable reports whether u may become a clickable link: an absolute
// http, https or mailto URL, of a length Excel accepts.
func linkable(u string) bool {
	p, err := url.Parse(u)
	if err != nil || utf8.RuneCountInString(u) > 2079 {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}
