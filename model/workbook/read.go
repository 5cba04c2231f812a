package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/model"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// MaxInputSize is the largest workbook Read reads, and the most its
// parts may hold once uncompressed: 1 GiB, as model.MaxInputSize.
const MaxInputSize = 1 << 30

// Book is an authoring workbook read: its dossier, and where each part
// of the dossier came from, to name a problem by its cell.
type Book struct {
	Dossier *model.Dossier
	// Warnings are model.Validate's warnings, located in the workbook.
	Warnings []Problem

	file  string
	names map[string]string     // sheet names, by key
	sh    map[string]*readSheet // by key
	locs  map[string]loc        // object paths
	meta  map[string]int        // rows of the dossier sheet, by field path
}

// loc is the row an object of the dossier came from.
type loc struct {
	sheet string
	row   int
}

// readSheet is a sheet as read: its columns by key.
type readSheet struct {
	spec     *sheetSpec
	name     string
	cols     map[colKey]int // 1-based column numbers
	heads    map[int]string // headers by column number
	textCols map[string][]colKey
}

// Read reads an authoring workbook as a dossier, and validates it with
// model.Validate. Every problem is reported at once, each named by sheet,
// cell and column header, in a *ReadError: cells that cannot be read as
// their column says (a date typed as text in another form, a number with
// a unit, an unknown word), unknown sheets and headers, merged cells,
// formulas and error values, and the errors of validation, with their
// JSON paths mapped back to cells. The dossier is returned, with the
// error, when only validation found errors.
//
// Rows are taken in the order of their No. column; empty rows are
// skipped, and hidden rows are read like the others.
func Read(r io.Reader) (*model.Dossier, error) {
	b, err := ReadBook(r)
	if b == nil {
		return nil, err
	}
	return b.Dossier, err
}

// ReadFile is Read for the named file, whose name prefixes the error.
func ReadFile(name string) (*Book, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxInputSize {
		return nil, fmt.Errorf("workbook: %s: %w: %d bytes, more than the %d a workbook may hold", name, ErrTooLarge, fi.Size(), MaxInputSize)
	}
	b, err := ReadBook(f)
	var re *ReadError
	if errors.As(err, &re) {
		re.File = name
	}
	if b != nil {
		b.file = name
	}
	return b, err
}

// ReadBook is Read, returning the Book with the dossier, its warnings and
// the locations of its parts.
func ReadBook(r io.Reader) (b *Book, err error) {
	if r == nil {
		return nil, fmt.Errorf("workbook: %w: nil reader", ErrOptions)
	}
	defer func() {
		if p := recover(); p != nil {
			b, err = nil, fmt.Errorf("workbook: %w: panic: %v", ErrWorkbook, p)
		}
	}()
	v, err := loadVocabulary()
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxInputSize+1))
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	if len(data) > MaxInputSize {
		return nil, fmt.Errorf("workbook: %w: more than the %d bytes a workbook may hold", ErrTooLarge, MaxInputSize)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxInputSize, UnzipXMLSizeLimit: excelize.StreamChunkSize})
	if err != nil {
		return nil, fmt.Errorf("workbook: %w: %w", ErrNotXLSX, err)
	}
	defer f.Close()
	rd := &reader{f: f, v: v, scan: scanParts(data), book: &Book{names: map[string]string{}, sh: map[string]*readSheet{}, locs: map[string]loc{}, meta: map[string]int{}}}
	d := rd.dossier()
	if len(rd.probs) > 0 {
		return nil, rd.err()
	}
	b = rd.book
	b.Dossier = d
	for _, is := range model.Validate(d) {
		p := b.problem(is)
		if is.Severity == model.SeverityWarning {
			b.Warnings = append(b.Warnings, p)
		} else {
			rd.probs = append(rd.probs, p)
		}
	}
	if len(rd.probs) > 0 {
		return b, rd.err()
	}
	return b, nil
}

// reader is the state of one Read.
type reader struct {
	f     *excelize.File
	scan  partScan
	v     *vocabulary
	book  *Book
	probs []Problem
	more  int // problems beyond MaxProblems
}

func (r *reader) err() error {
	ps := r.probs
	if r.more > 0 {
		ps = append(ps, Problem{Severity: model.SeverityError, Err: fmt.Errorf("%w: %d more problems not listed", ErrTooLarge, r.more)})
	}
	return &ReadError{Problems: ps}
}

func (r *reader) add(p Problem) {
	if len(r.probs) >= MaxProblems {
		r.more++
		return
	}
	r.probs = append(r.probs, p)
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func (r *reader) cellProblem(sh *readSheet, row int, k colKey, err error) {
	c := sh.cols[k]
	if c == 0 {
		c = 1
	}
	r.add(Problem{Sheet: sh.name, Cell: cellName(c, row), Column: sh.heads[c], Err: err})
}

// sheets reads the sheets' names and checks there is no unknown one.
func (r *reader) sheets() map[string][]*rec {
	out := map[string][]*rec{}
	seen := map[*sheetSpec]string{}
	for _, name := range r.f.GetSheetList() {
		s, ok := r.v.sheets[fold(name)]
		if !ok {
			var known []string
			for _, sp := range sheets {
				known = append(known, r.v.names[sp])
			}
			msg := fmt.Errorf("%w: unknown sheet (the sheets are %s, in English or in another language of the catalogs); rename or remove it", ErrLayout, strings.Join(known, ", "))
			if m := closest(name, known); m != "" {
				msg = fmt.Errorf("%w: unknown sheet; did you mean %s?", ErrLayout, m)
			}
			r.add(Problem{Sheet: name, Err: msg})
			continue
		}
		if other, dup := seen[s]; dup {
			r.add(Problem{Sheet: name, Err: fmt.Errorf("%w: a second sheet of %s (the first is %s)", ErrLayout, r.v.names[s], other)})
			continue
		}
		seen[s] = name
		r.book.names[s.key] = name
		r.checkPictures(name, s)
		if s.key == "help" || s.key == "lists" {
			continue
		}
		out[s.key] = r.read(name, s)
	}
	return out
}

// checkPictures refuses pictures the dossier has no place for: all but
// the logo in its value cell.
func (r *reader) checkPictures(name string, s *sheetSpec) {
	if !r.scan.drawings {
		return
	}
	cells, err := r.f.GetPictureCells(name)
	if err != nil {
		r.add(Problem{Sheet: name, Err: fmt.Errorf("%w: pictures: %w", ErrWorkbook, err)})
		return
	}
	for _, c := range cells {
		if s.key == "dossier" {
			continue // checked with the logo's row
		}
		r.add(Problem{Sheet: name, Cell: c, Err: fmt.Errorf("%w: a picture the dossier has no place for (only the issuer's logo, on the %s sheet, is read)", ErrLayout, r.v.names[sheetByKey("dossier")])})
	}
}

// read reads the rows of a sheet: its header, and each row not empty.
func (r *reader) read(name string, s *sheetSpec) []*rec {
	sh := &readSheet{spec: s, name: name, cols: map[colKey]int{}, heads: map[int]string{}, textCols: map[string][]colKey{}}
	r.book.sh[s.key] = sh
	// GetRows first: it reads the sheet's XML as a stream, while the
	// calls that follow load the sheet, after which GetRows would write
	// it out again to read it.
	raw, err := r.f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		r.add(Problem{Sheet: name, Err: fmt.Errorf("%w: %w", ErrWorkbook, err)})
		return nil
	}
	if r.scan.merges {
		merged, err := r.f.GetMergeCells(name)
		if err != nil {
			r.add(Problem{Sheet: name, Err: fmt.Errorf("%w: %w", ErrWorkbook, err)})
			return nil
		}
		for _, m := range merged {
			r.add(Problem{Sheet: name, Cell: m.GetStartAxis() + ":" + m.GetEndAxis(), Err: fmt.Errorf("%w: merged cells: unmerge them and fill in each cell", ErrLayout)})
		}
	}
	if len(raw) == 0 {
		return nil
	}
	// The header row.
	width := 0
	for _, row := range raw {
		width = max(width, len(row))
	}
	byCol := make([]colKey, width+1)
	known := make([]bool, width+1)
	for i, h := range raw[0] {
		c := i + 1
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		sh.heads[c] = h
		col, tag, ok := r.v.column(s, h)
		if !ok {
			var names []string
			for i := range s.cols {
				names = append(names, r.v.headerName(&s.cols[i]))
			}
			msg := fmt.Errorf("%w: unknown column header %q (the columns are %s; a text has a column per language, its code after it: Text (fr))", ErrLayout, clip(h), strings.Join(names, ", "))
			if m := closest(h, names); m != "" {
				msg = fmt.Errorf("%w: unknown column header %q; did you mean %s?", ErrLayout, clip(h), m)
			}
			r.add(Problem{Sheet: name, Cell: cellName(c, 1), Err: msg})
			continue
		}
		k := colKey{key: col.key, tag: tag}
		if prev, dup := sh.cols[k]; dup {
			r.add(Problem{Sheet: name, Cell: cellName(c, 1), Column: h, Err: fmt.Errorf("%w: the same column as %s", ErrLayout, cellName(prev, 1))})
			continue
		}
		sh.cols[k] = c
		byCol[c] = k
		known[c] = true
		if col.kind == kText {
			sh.textCols[col.key] = append(sh.textCols[col.key], k)
		}
	}
	var out []*rec
	for i := 1; i < len(raw); i++ {
		n := i + 1
		x := &rec{r: r, sh: sh, row: n, raw: map[colKey]string{}, shown: map[colKey]string{}}
		refused := map[int]bool{}
		for j, v := range raw[i] {
			c := j + 1
			if v == "" {
				continue
			}
			cell := cellName(c, n)
			if !known[c] {
				if _, hasHead := sh.heads[c]; !hasHead {
					r.add(Problem{Sheet: name, Cell: cell, Err: fmt.Errorf("%w: a value in a column with no header: give the column a header, or move the value", ErrLayout)})
				}
				continue
			}
			if r.scan.formulas {
				if fm, _ := r.f.GetCellFormula(name, cell); fm != "" {
					r.add(Problem{Sheet: name, Cell: cell, Column: sh.heads[c], Err: fmt.Errorf("%w: a formula (=%s): type its value instead", ErrCell, clip(fm))})
					refused[c] = true
					continue
				}
			}
			if r.scan.errors {
				if t, _ := r.f.GetCellType(name, cell); t == excelize.CellTypeError {
					r.add(Problem{Sheet: name, Cell: cell, Column: sh.heads[c], Err: fmt.Errorf("%w: an error value %s", ErrCell, clip(v))})
					refused[c] = true
					continue
				}
			}
			sv := v
			if k := byCol[c]; numberLike(v) && shownAsTyped(s, k.key) {
				// A number in a column of text, such as a date typed
				// where a year is printed: read as the sheet shows it.
				sv, _ = r.f.GetCellValue(name, cell)
			}
			x.raw[byCol[c]], x.shown[byCol[c]] = v, sv
		}
		// A formula whose cell has no value saved reads as empty: it
		// must not be dropped without a word.
		for c, k := range byCol {
			if !r.scan.formulas || !known[c] || x.raw[k] != "" || refused[c] {
				continue
			}
			if fm, _ := r.f.GetCellFormula(name, cellName(c, n)); fm != "" {
				r.add(Problem{Sheet: name, Cell: cellName(c, n), Column: sh.heads[c], Err: fmt.Errorf("%w: a formula (=%s) with no value saved: type its value instead", ErrCell, clip(fm))})
			}
		}
		if len(x.raw) == 0 {
			continue
		}
		out = append(out, x)
	}
	return out
}

// numberLike reports whether a raw value is a number.
func numberLike(v string) bool {
	_, err := strconv.ParseFloat(v, 64)
	return err == nil
}

// shownAsTyped reports whether a column's cells are read as the sheet
// shows them: text, words and ids, not dates and numbers.
func shownAsTyped(s *sheetSpec, key string) bool {
	c := s.col(key)
	if c == nil {
		return false
	}
	switch c.kind {
	case kString, kText, kEnum, kRef, kRefs, kLines, kTags:
		return true
	}
	return false
}

// partScan says what the workbook's parts hold at all, so that Read asks
// excelize about each cell only for a workbook that needs it.
type partScan struct {
	formulas, errors, merges, drawings bool
}

// hasAny reports whether b holds one of the strings.
func hasAny(b []byte, subs ...string) bool {
	for _, s := range subs {
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

// scanParts looks through the worksheets of a workbook for formulas,
// error values and merged cells, and for drawings; on any doubt it says
// yes.
func scanParts(data []byte) partScan {
	all := partScan{true, true, true, true}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return all
	}
	var s partScan
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if strings.HasPrefix(name, "xl/drawings/") {
			s.drawings = true
		}
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return all
		}
		b, err := io.ReadAll(io.LimitReader(rc, MaxInputSize))
		rc.Close()
		if err != nil {
			return all
		}
		// With or without a namespace prefix: <f>, <x:f …>.
		s.formulas = s.formulas || hasAny(b, "<f>", "<f ", "<f/", ":f>", ":f ", ":f/")
		s.errors = s.errors || hasAny(b, `t="e"`, `t='e'`)
		s.merges = s.merges || hasAny(b, "mergeCell")
	}
	return s
}

// headerName returns the English header of a column, for messages.
func (v *vocabulary) headerName(c *col) string {
	return v.english[c]
}

// tags reads language codes separated by spaces or commas.
func (r *reader) tags(s string, fail func(string, ...any)) []language.Tag {
	var out []language.Tag
	for _, f := range strings.FieldsFunc(s, isSeparator) {
		t, err := language.Parse(f)
		if err != nil {
			fail("%q is not a language code (BCP 47, e.g. fr, en, ru)", clip(f))
			continue
		}
		out = append(out, t)
	}
	return out
}
