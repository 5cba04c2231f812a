package xlsx

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/coibrief/coibrief/locales"
)

// A Split is a cell whose text is longer than the 32,767 characters
// (UTF-16 code units) a cell may hold. The cell keeps the start of the
// text, cut after a word where it can, followed by a note that says where
// the whole text is (the message Workbook.LongText.Cut): the rows First
// to Last of the sheet of long texts, the workbook's last sheet, which
// holds it in parts of at most 32,767 characters, one per row.
type Split struct {
	Sheet  string // the sheet of the cell, such as "Figures"
	Cell   string // the cell, such as "Q12"
	Column string // the header of its column, such as "Sources"

	Length int // the length of the text, in UTF-16 code units, as Excel counts
	Kept   int // the length of its start, which the cell keeps

	LongSheet   string // the name of the sheet of long texts
	First, Last int    // the rows of LongSheet that hold the text
}

// String describes the split for a warning: `sheet "Timeline", cell L3
// (Sources): text of 40001 characters, more than the 32767 a cell holds;
// the cell keeps the first 32622, the whole text is on sheet "Long
// texts", rows 2 to 3`.
func (s Split) String() string {
	return fmt.Sprintf("sheet %q, cell %s (%s): text of %d characters, more than the %d a cell holds; the cell keeps the first %d, the whole text is on sheet %q, rows %d to %d",
		s.Sheet, s.Cell, s.Column, s.Length, maxCellText, s.Kept, s.LongSheet, s.First, s.Last)
}

// longTexts are the texts too long for their cells. Write keeps their
// parts in a spool, in memory or in a temporary file, until it writes
// them on the last sheet: a briefing may have a long text in every row.
// Check keeps only the list of splits.
type longTexts struct {
	spool  spool   // the parts, as records (see longRecord)
	rows   int     // the parts: the rows of the sheet of long texts, its header aside
	splits []Split // Check's list
}

// longRecord is a part of a long text as the spool holds it: the sheet,
// cell and column of the text, the number of the part and the part,
// each string preceded by its length as a uvarint.
type longRecord struct {
	sheet, cell, column string
	part                int
	text                string
}

// splitText returns the text a cell of column col (from 1) holds in the
// row being written: v, or when v is too long, its start and the note
// that says where the whole text is, which is kept for the sheet of long
// texts.
func (s *sheet) splitText(col int, v string) (string, error) {
	if len(v) <= maxCellText { // no more code units than bytes
		return v, nil
	}
	n := utf16Len(v)
	if n <= maxCellText {
		return v, nil
	}
	b := s.b
	l := &b.long
	parts := cutParts(v, maxCellText)
	first, last := l.rows+2, l.rows+1+len(parts) // the header is row 1
	name := b.sheetName(locales.WorkbookSheetLongTexts)
	note := b.w.msg(locales.WorkbookLongTextCut, map[string]any{
		"Sheet": name, "First": strconv.Itoa(first), "Last": strconv.Itoa(last)})
	head := strings.TrimRight(cutText(v, maxCellText-utf16Len(note)-1), " \t\n")
	kept := head + " " + note
	if utf16Len(kept) > maxCellText {
		return "", fmt.Errorf("the note %q that ends a cut cell leaves no room for its text", note)
	}
	cell, column := cellName(col, s.row+1), ""
	if col <= len(s.cols) {
		column = s.cols[col-1].head
	}
	split := Split{Sheet: s.name, Cell: cell, Column: column, Length: n, Kept: utf16Len(head),
		LongSheet: name, First: first, Last: last}
	if b.check {
		l.splits = append(l.splits, split)
	} else {
		if b.onSplit != nil {
			b.onSplit(split)
		}
		for i, p := range parts {
			if err := l.put(longRecord{s.name, cell, column, i + 1, p}); err != nil {
				return "", fmt.Errorf("keeping the text of cell %s: %w", cell, err)
			}
		}
	}
	l.rows += len(parts)
	return kept, nil
}

// put adds a record to the spool.
func (l *longTexts) put(r longRecord) error {
	var buf [binary.MaxVarintLen64]byte
	for _, s := range []string{r.sheet, r.cell, r.column, strconv.Itoa(r.part), r.text} {
		if _, err := l.spool.Write(buf[:binary.PutUvarint(buf[:], uint64(len(s)))]); err != nil {
			return err
		}
		if _, err := io.WriteString(&l.spool, s); err != nil {
			return err
		}
	}
	return nil
}

// each calls fn with every record of the spool, in order.
func (l *longTexts) each(fn func(longRecord) error) error {
	if err := l.spool.flush(); err != nil {
		return err
	}
	r := bufio.NewReaderSize(l.spool.section(0, l.spool.n), 1<<16)
	field := func() (string, error) {
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return "", err
		}
		if n > 1<<30 {
			return "", errors.New("corrupt spool")
		}
		b := make([]byte, n)
		_, err = io.ReadFull(r, b)
		return string(b), err
	}
	for range l.rows {
		var f [5]string
		for i := range f {
			s, err := field()
			if err != nil {
				return fmt.Errorf("reading the long texts back: %w", err)
			}
			f[i] = s
		}
		part, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("reading the long texts back: %w", err)
		}
		if err := fn(longRecord{f[0], f[1], f[2], part, f[4]}); err != nil {
			return err
		}
	}
	return nil
}

// longTexts writes the sheet of long texts, the workbook's last, when a
// text was too long for its cell: for each, its sheet, cell and column,
// and the whole text in parts, one per row. The text is the parts
// joined in order.
func (b *book) longTexts() error {
	if b.long.rows == 0 || b.check {
		return nil
	}
	w := b.w
	cols := []column{
		{w.col(locales.WorkbookColumnSheet), 20, false},
		{w.col(locales.WorkbookColumnCell), 9, false},
		{w.col(locales.WorkbookColumnColumn), 20, false},
		{w.col(locales.WorkbookColumnPart), 7, false},
		{w.col(locales.WorkbookColumnText), 120, true},
	}
	s, err := b.newSheet(b.sheetName(locales.WorkbookSheetLongTexts), cols, 1+b.long.rows, true)
	if err != nil {
		return err
	}
	if err := s.header(); err != nil {
		return err
	}
	err = b.long.each(func(r longRecord) error {
		return s.add(lookPlain, r.sheet, r.cell, r.column, r.part, r.text)
	})
	if err != nil {
		return b.fail(err)
	}
	return s.finish("LongTexts", 1, s.rows)
}

// utf16Len returns the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cutText returns the longest start of s of at most max UTF-16 code
// units, cut after a space, a line break, a comma or a semicolon when
// there is one in its last eighth, else between two characters.
func cutText(s string, max int) string {
	n, word := 0, 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if n+w > max {
			if word > 0 && utf16Len(s[word:i]) < max/8 {
				return s[:word]
			}
			return s[:i]
		}
		n += w
		switch r {
		case ' ', '\t', '\n', ',', ';':
			word = i + 1
		}
	}
	return s
}

// cutParts returns s in parts of at most max UTF-16 code units each, cut
// as cutText cuts; joined, the parts are s.
func cutParts(s string, max int) []string {
	var parts []string
	for s != "" {
		p := cutText(s, max)
		if p == "" { // cannot happen with max ≥ 2
			p = s
		}
		parts = append(parts, p)
		s = s[len(p):]
	}
	return parts
}
