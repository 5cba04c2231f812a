package xlsx

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// words is the wording of one workbook, read from the catalogs once.
type words struct {
	loc *locales.Locale
	err error // the first missing message

	sheet   map[locales.ID]string // sheet names, by message id
	column  map[locales.ID]string // column headers
	labels  map[any]string        // labels of model enum values
	formats struct{ date, time, integer, decimal, coord string }
}

// sheetIDs are the sheets of a workbook, in order; the second, of
// changes, only in an update briefing; the last, of long texts, only when
// a text is too long for its cell.
var sheetIDs = []locales.ID{
	locales.WorkbookSheetSummary, locales.ChangesSheet, locales.WorkbookSheetFigures, locales.WorkbookSheetContested,
	locales.WorkbookSheetCharts, locales.WorkbookSheetTimeline, locales.WorkbookSheetPlaces,
	locales.WorkbookSheetSources, locales.WorkbookSheetLongTexts,
}

func newWords(tag language.Tag) (*words, error) {
	loc, err := locales.New(tag)
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	w := &words{loc: loc, sheet: map[locales.ID]string{}, column: map[locales.ID]string{}, labels: map[any]string{}}
	seen := map[string]locales.ID{}
	for _, id := range sheetIDs {
		name := w.msg(id, nil)
		if w.err != nil {
			return nil, w.err
		}
		if err := checkSheetName(name); err != nil {
			return nil, fmt.Errorf("xlsx: message %s: sheet name %q %w", id, name, err)
		}
		key := strings.ToLower(name)
		if other, dup := seen[key]; dup {
			return nil, fmt.Errorf("xlsx: message %s: sheet name %q is also the name of %s: %w", id, name, other, ErrWorkbook)
		}
		seen[key] = id
		w.sheet[id] = name
	}
	f := &w.formats
	f.date = w.msg(locales.WorkbookFormatDate, nil)
	f.time = w.msg(locales.WorkbookFormatTime, nil)
	f.integer = w.msg(locales.WorkbookFormatInteger, nil)
	f.decimal = w.msg(locales.WorkbookFormatDecimal, nil)
	f.coord = w.msg(locales.WorkbookFormatCoordinate, nil)
	return w, w.err
}

// checkSheetName reports why name cannot name a worksheet, as an error
// wrapping ErrWorkbook that completes "sheet name %q ...".
func checkSheetName(name string) error {
	switch n := len(utf16.Encode([]rune(name))); {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("is empty: %w", ErrWorkbook)
	case n > 31:
		return fmt.Errorf("has %d characters, more than 31: %w", n, ErrWorkbook)
	case strings.ContainsAny(name, `[]:*?/\`):
		return fmt.Errorf("holds one of [ ] : * ? / \\: %w", ErrWorkbook)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return fmt.Errorf("starts or ends with an apostrophe: %w", ErrWorkbook)
	case strings.EqualFold(name, "History"):
		return fmt.Errorf("is reserved by Excel: %w", ErrWorkbook)
	}
	return nil
}

// msg returns a message; the first error sticks in w.err.
func (w *words) msg(id locales.ID, data map[string]any) string {
	s, err := w.loc.Message(id, data)
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("xlsx: %w", err)
	}
	return s
}

// col returns a column header.
func (w *words) col(id locales.ID) string {
	if s, ok := w.column[id]; ok {
		return s
	}
	s := w.msg(id, nil)
	w.column[id] = s
	return s
}

// label returns the label of a model enum value, read once per value;
// the first error sticks.
func label[E locales.Enum](w *words, v E) string {
	if s, ok := w.labels[v]; ok {
		return s
	}
	s, err := locales.Label(w.loc, v)
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("xlsx: %w", err)
	}
	w.labels[v] = s
	return s
}

// side returns "Official" or "Independent".
func (w *words) side(official bool) string {
	if official {
		return w.col(locales.FieldOfficial)
	}
	return w.col(locales.FieldIndependent)
}

// language returns the name of a language, or its tag when the catalogs
// do not name it: a source's title may be in any language.
func (w *words) language(tag language.Tag) string {
	if s, err := w.loc.LanguageName(tag); err == nil {
		return s
	}
	return tag.String()
}

// status returns the label of a figure status.
func (w *words) status(s model.FigureStatus) string { return label(w, s) }
