package workbook

import (
	"errors"
	"strings"

	"github.com/coibrief/coibrief/model"
)

// Sentinel errors. Every error of this package wraps one of them, or an
// error of package model.
var (
	ErrOptions  = errors.New("invalid options")           // a bad option, a nil writer or dossier
	ErrWorkbook = errors.New("spreadsheet library error") // excelize failed or panicked
	ErrCell     = errors.New("invalid cell")              // a cell that cannot be read as its column says
	ErrLayout   = errors.New("invalid layout")            // an unknown sheet or header, merged cells
	ErrTooLarge = errors.New("too large")                 // a value longer than a cell holds, a workbook over the limits
	ErrNotXLSX  = errors.New("not an xlsx workbook")      // the input is not a workbook excelize can open
)

// Problem is one thing wrong with an authoring workbook, where a
// researcher looks for it: the sheet, the cell and its column's header.
type Problem struct {
	Sheet    string // the sheet's name, as the workbook spells it
	Cell     string // e.g. "H57"; a range for merged cells; empty for a whole sheet
	Column   string // the column's header, when known
	Severity model.Severity
	Path     string // the JSON path of the value, when known
	Err      error  // wraps ErrCell, ErrLayout or a sentinel of package model
}

// Where returns "Sheet!H57 (header)", or as much of it as is known.
func (p Problem) Where() string {
	s := p.Sheet
	if strings.ContainsAny(s, " '!") {
		s = "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	if p.Cell != "" {
		s += "!" + p.Cell
	}
	if p.Column != "" {
		s += " (" + p.Column + ")"
	}
	return s
}

// Error returns "Chronology!H57 (Sources): …", with "warning: " before
// the message of a warning.
func (p Problem) Error() string {
	s := ""
	if w := p.Where(); w != "" {
		s = w + ": "
	}
	if p.Severity == model.SeverityWarning {
		s += "warning: "
	}
	return s + p.Err.Error()
}

func (p Problem) Unwrap() error { return p.Err }

// ReadError is what Read returns for a workbook with errors: every one
// found, in sheet and row order, up to MaxProblems, then one counting
// the rest.
type ReadError struct {
	File     string // the file's name, when read from a file
	Problems []Problem
}

// MaxProblems is the most problems a ReadError lists one by one.
const MaxProblems = 1000

func (e *ReadError) Error() string {
	var b strings.Builder
	b.WriteString("workbook: ")
	if e.File != "" {
		b.WriteString(e.File + ": ")
	}
	if len(e.Problems) == 1 {
		b.WriteString(e.Problems[0].Error())
		return b.String()
	}
	b.WriteString(itoa(len(e.Problems)) + " problems:")
	for _, p := range e.Problems {
		b.WriteString("\n\t" + p.Error())
	}
	return b.String()
}

// Unwrap returns each problem, for errors.Is and errors.As.
func (e *ReadError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}
