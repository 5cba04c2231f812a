package xlsx

import (
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
	"github.com/xuri/excelize/v2"
)

// Fonts of the words a rewording changed, as the PDF colours them: the
// deleted ones struck through in red, the inserted ones bold, underlined
// and green, so that neither colour nor a single mark is all that tells
// them apart.
var (
	fontDeleted  = &excelize.Font{Strike: true, Color: "B22222", Family: "Calibri", Size: 11}
	fontInserted = &excelize.Font{Bold: true, Underline: "single", Color: "17652A", Family: "Calibri", Size: 11}
)

// Columns of the Changes sheet.
const (
	changeColBefore = 3 // 0-based
	changeColAfter  = 4
)

// changes writes, for an update briefing, the sheet of the changes since
// the earlier version: one row per change, in a table whose filter
// buttons select a kind of change. A rewording's texts before and after
// are rich text, the words that changed marked (fontDeleted,
// fontInserted).
func (b *book) changes() error {
	c := b.doc.Changes
	if c == nil {
		return nil
	}
	w := b.w
	cols := []column{
		{w.col(locales.FieldChange), 24, false},
		{w.col(locales.FieldSubject), 50, true},
		{w.col(locales.FieldEdited), 18, false},
		{w.col(locales.FieldBefore), 40, true},
		{w.col(locales.FieldAfter), 40, true},
		{w.col(locales.WorkbookColumnID), 28, false},
	}
	s, err := b.newSheet(b.sheetName(locales.ChangesSheet), cols, 1+len(c.Items), true)
	if err != nil {
		return err
	}
	if err := s.header(); err != nil {
		return err
	}
	for _, it := range c.Items {
		before, after := b.t(it.Old), b.t(it.New)
		var runs []report.Run
		if b.lang < len(it.Words) && it.Words[b.lang] != nil {
			runs = it.Words[b.lang]
			before, after = rewording(runs)
		}
		ref := it.Ref.String()
		if it.Source != "" {
			ref += " " + string(it.Source)
		}
		field := ""
		if b.lang < len(it.Field) {
			field = it.Field[b.lang]
		}
		if err := s.addChange(runs, b.t(it.KindText), b.t(it.Subject), field, before, after, ref); err != nil {
			return err
		}
	}
	return s.finish("Changes", 1, s.rows)
}

// addChange writes the row of a change; with the runs of a rewording,
// its texts before and after are rich text, unless a text is too long
// for a cell and was cut.
func (s *sheet) addChange(runs []report.Run, vals ...any) error {
	if runs == nil {
		return s.add(lookPlain, vals...)
	}
	for i, v := range vals {
		ok, err := s.cell(&s.cells[i], i, v, lookPlain)
		if err != nil {
			return s.b.fail(err)
		}
		s.vals[i] = nil
		if ok {
			s.vals[i] = &s.cells[i]
		}
	}
	for _, col := range []int{changeColBefore, changeColAfter} {
		c := &s.cells[col]
		if s.vals[col] == nil || c.Value != vals[col] {
			continue // empty, or cut
		}
		c.Value = richRuns(runs, col == changeColBefore)
	}
	return s.write()
}

// richRuns returns the text before (old) or after a rewording as rich
// text runs: the words kept plain, those deleted or inserted marked.
func richRuns(runs []report.Run, old bool) []excelize.RichTextRun {
	skip, font := report.Deleted, fontInserted
	if old {
		skip, font = report.Inserted, fontDeleted
	}
	var out []excelize.RichTextRun
	for _, r := range runs {
		var f *excelize.Font
		switch r.Op {
		case skip:
			continue
		case report.Equal:
		default:
			f = font
		}
		if n := len(out); n > 0 && out[n-1].Font == f {
			out[n-1].Text += r.Text // the runs around a word of the other text
			continue
		}
		out = append(out, excelize.RichTextRun{Text: r.Text, Font: f})
	}
	return out
}

// rewording returns the old and new texts of a rewording.
func rewording(runs []report.Run) (old, new string) {
	var o, n strings.Builder
	for _, r := range runs {
		if r.Op != report.Inserted {
			o.WriteString(r.Text)
		}
		if r.Op != report.Deleted {
			n.WriteString(r.Text)
		}
	}
	return o.String(), n.String()
}
