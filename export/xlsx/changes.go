package xlsx

import (
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
)

// changes writes, for an update briefing, the sheet of the changes since
// the earlier version: one row per change, in a table whose filter
// buttons select a kind of change.
func (b *book) changes() error {
	c := b.doc.Changes
	if c == nil {
		return nil
	}
	w := b.w
	cols := []column{
		{w.col(locales.FieldChange), 24, false},
		{w.col(locales.FieldSubject), 50, true},
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
		if b.lang < len(it.Words) && it.Words[b.lang] != nil {
			before, after = rewording(it.Words[b.lang])
		}
		ref := it.Ref.String()
		if it.Source != "" {
			ref += " " + string(it.Source)
		}
		if err := s.add(lookPlain, b.t(it.KindText), b.t(it.Subject), before, after, ref); err != nil {
			return err
		}
	}
	return s.finish("Changes", 1, s.rows)
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
