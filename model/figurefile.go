package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sync"
	"time"
)

// OpenFile is LoadFile for dossiers too large to hold in memory: it
// decodes and validates the named file like LoadFile, but leaves the
// figures in the file when there are more than MaxHeldFigures (or what
// HoldFigures says).
// It then keeps 8 bytes per figure — where it starts — and reads figures
// again, as a stream, when they are asked for: NumFigures, EachFigure and
// FigureAt see them, and Validate, Encode and the report package use
// those, and Dossier.Figures is empty on return; figures appended to it
// come after those of the file. Fewer figures are held in Figures, as
// LoadFile holds them, and the file is closed on return.
//
// Either way, figures read by OpenFile share equal Texts (claimant names,
// notes) between them, to spare a map per text: copy a figure's Text
// before changing it.
//
// The file stays open until Close. If it changes while the dossier is in
// use, reading a figure fails with an error wrapping ErrChanged; a file
// replaced by another (renamed over it) is not seen, as the open one is
// read. What cannot be read twice, such as a pipe, is read as LoadFile
// reads it, the figures in memory.
func OpenFile(name string, opts ...OpenOption) (*Dossier, Issues, error) {
	hold := MaxHeldFigures
	for _, o := range opts {
		if o.hold != nil {
			hold = *o.hold
		}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("model: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("model: %w", err)
	}
	if !fi.Mode().IsRegular() {
		defer f.Close()
		return load(f, name)
	}
	if fi.Size() > maxInputSize {
		f.Close()
		return nil, nil, &DecodeError{Pos: Position{File: name}, Err: tooLarge(fi.Size(), maxInputSize)}
	}
	ff := &figureFile{name: name, f: f, size: fi.Size(), mod: fi.ModTime(), maxHeld: hold}
	d, err := decodeWith(io.NewSectionReader(f, 0, maxInputSize+1), maxInputSize, ff)
	if err != nil {
		f.Close()
		setFile(err, name)
		return nil, nil, err
	}
	if ff.holding {
		// few figures: held, as LoadFile holds them
		d.Figures, ff.held = ff.held, nil
		f.Close()
		issues := Validate(d)
		if len(issues) > 0 {
			if err := LocateFile(name, issues); err != nil {
				return nil, nil, err
			}
		}
		return d, issues, nil
	}
	d.file = ff
	issues := Validate(d)
	if len(issues) > 0 {
		locate(io.NewSectionReader(f, 0, maxInputSize+1), name, issues)
	}
	return d, issues, nil
}

// MaxHeldFigures is how many figures OpenFile holds in memory, where
// they take some 250 bytes each (25 MB for 100,000) and are read four or
// five times over while a briefing is checked, built and written, much
// faster than from the file. Beyond it, they are read again from the
// file each time, and take 8 bytes a figure.
const MaxHeldFigures = 100_000

// OpenOption is an option of OpenFile.
type OpenOption struct {
	hold *int
}

// HoldFigures makes OpenFile hold the figures in memory when there are at
// most n, instead of MaxHeldFigures; 0 leaves them in the file however
// few they are.
func HoldFigures(n int) OpenOption { return OpenOption{hold: &n} }

// Close releases the file OpenFile left the figures in; they cannot be
// read after. It does nothing for a dossier held in memory.
func (d *Dossier) Close() error {
	if d == nil || d.file == nil {
		return nil
	}
	return d.file.close()
}

// NumFigures returns how many figures d has: those OpenFile left in the
// file, and Figures.
func (d *Dossier) NumFigures() int {
	if d == nil {
		return 0
	}
	return d.file.len() + len(d.Figures)
}

// EachFigure calls fn with each figure of d in order, numbered from 0:
// those OpenFile left in the file, then Figures. It stops at the first
// error fn returns, and returns it. The *Figure passed to fn is valid
// during the call only for a dossier of OpenFile (its fields may be
// kept), and is an element of Figures otherwise.
//
// Figures read from the file share equal Texts (claimant names, notes)
// between them, to spare a map per text: read them, do not modify them.
func (d *Dossier) EachFigure(fn func(i int, f *Figure) error) error {
	if d == nil {
		return nil
	}
	n := d.file.len()
	if n > 0 {
		if err := d.file.each(fn); err != nil {
			return err
		}
	}
	for i := range d.Figures {
		if err := fn(n+i, &d.Figures[i]); err != nil {
			return err
		}
	}
	return nil
}

// FigureAt returns figure i of d, counted as EachFigure counts. Its
// Texts may be shared, as those EachFigure reads from a file.
func (d *Dossier) FigureAt(i int) (Figure, error) {
	n := d.NumFigures()
	if i < 0 || i >= n {
		return Figure{}, fmt.Errorf("model: figure %d: %w: out of range [0, %d)", i, ErrInvalidValue, n)
	}
	if k := d.file.len(); i >= k {
		return d.Figures[i-k], nil
	}
	return d.file.at(i)
}

// figureFile is where the figures of a dossier of OpenFile are.
type figureFile struct {
	name string
	f    *os.File
	size int64
	mod  time.Time

	array  mark    // the '[' of the figures
	starts []int64 // the offset where each figure starts

	// while the figures read so far are at most maxHeld, they are
	// held (see OpenFile)
	held    []Figure
	holding bool
	maxHeld int

	mu     sync.Mutex // guards the reader of at
	reader *decoder
	closed bool
}

// A figure's start is kept as its offset alone, 8 bytes: the line and
// column of a figure read again matter only to an error, which finds them
// then (see fail).

// figureInfo describes Figure.
var figureInfo = sync.OnceValue(func() *typeInfo {
	return dossierInfo().byName["figures"].info.elem
})

func (ff *figureFile) len() int {
	if ff == nil {
		return 0
	}
	return len(ff.starts)
}

// index decodes the figures array the decoder d is at, checking every
// figure as Decode does, and records where each one starts.
func (ff *figureFile) index(d *decoder) error {
	k, at, err := d.s.begin()
	if err != nil {
		return d.scanErr(err)
	}
	if k == tokNull {
		return d.fail(at, errNull)
	}
	if k != tokArray {
		return d.fail(at, fmt.Errorf("%w: got %s, want an array", ErrType, k))
	}
	ff.array = at
	ff.holding = ff.maxHeld > 0
	lim := d.limit
	d.limit = nil
	d.share = true
	defer func() { d.share, d.texts = false, nil }()
	return walkFigures(d, at, func(i int, at mark, f *Figure) error {
		if i >= lim.max {
			d.push("", i)
			return d.fail(at, fmt.Errorf("%w: more than the %d %s may hold", ErrTooLarge, lim.max, lim.what))
		}
		ff.starts = append(ff.starts, at.off)
		if ff.holding {
			if len(ff.held) >= ff.maxHeld {
				ff.held, ff.holding = nil, false
			} else {
				ff.held = append(ff.held, *f)
			}
		}
		return nil
	})
}

// walkFigures decodes the elements of the figures array that opens at
// at, one at a time into the same Figure, and calls fn with each.
func walkFigures(d *decoder, at mark, fn func(i int, at mark, f *Figure) error) error {
	if err := d.s.open(at); err != nil {
		return d.scanErr(err)
	}
	var f Figure
	v, ti := reflect.ValueOf(&f).Elem(), figureInfo()
	for i := 0; ; i++ {
		more, err := d.s.more(i == 0, false)
		if err != nil {
			return d.scanErr(err)
		}
		if !more {
			return nil
		}
		_, fat, err := d.s.begin()
		if err != nil {
			return d.scanErr(err)
		}
		f = Figure{}
		d.push("", i)
		if err := d.value(v, ti); err != nil {
			return err
		}
		d.pop()
		if err := fn(i, fat, &f); err != nil {
			return err
		}
	}
}

// changed reports, as an error, that the file is not as it was opened.
func (ff *figureFile) changed(why string) error {
	return fmt.Errorf("model: %s: %w since it was opened: %s", ff.name, ErrChanged, why)
}

// check fails when the file is closed or its size or time changed.
func (ff *figureFile) check() error {
	if ff.closed {
		return fmt.Errorf("model: %s: %w", ff.name, os.ErrClosed)
	}
	fi, err := ff.f.Stat()
	if err != nil {
		return fmt.Errorf("model: %w", err)
	}
	if fi.Size() != ff.size || !fi.ModTime().Equal(ff.mod) {
		return ff.changed(fmt.Sprintf("%d bytes modified %s, was %d bytes modified %s",
			fi.Size(), fi.ModTime().UTC().Format(time.RFC3339), ff.size, ff.mod.UTC().Format(time.RFC3339)))
	}
	return nil
}

// decoderAt returns a decoder reading the file from m on, with a buffer
// of size bytes.
func (ff *figureFile) decoderAt(m mark, size int) *decoder {
	s := &scanner{r: io.NewSectionReader(ff.f, m.off, ff.size-m.off), buf: make([]byte, size),
		base: m.off, line: m.line, lineStart: m.lineStart, max: maxInputSize}
	d := &decoder{s: s, tags: make(map[string]langKey), strs: make(map[string]string), share: true}
	d.push("figures", 0)
	return d
}

// fail turns an error met reading figures again into one that says the
// file changed, unless it is a read error.
func (ff *figureFile) fail(err error) error {
	var de *DecodeError
	if errors.As(err, &de) {
		de.Pos.File = ff.name
		if de.Pos.Line <= 0 {
			de.Pos.Line, de.Pos.Column = ff.lineAt(de.Pos.Offset)
		}
		return fmt.Errorf("model: %s: %w since it was opened: %w", ff.name, ErrChanged, err)
	}
	return err
}

func (ff *figureFile) each(fn func(i int, f *Figure) error) error {
	ff.mu.Lock()
	err := ff.check()
	ff.mu.Unlock()
	if err != nil {
		return err
	}
	d := ff.decoderAt(ff.array, scanBufSize)
	if _, at, err := d.s.begin(); err != nil || at.off != ff.array.off {
		return ff.changed("the figures are not where they were")
	}
	n := 0
	err = walkFigures(d, ff.array, func(i int, at mark, f *Figure) error {
		if i >= len(ff.starts) || at.off != ff.starts[i] {
			return errStopChanged
		}
		n++
		return fn(i, f)
	})
	switch {
	case errors.Is(err, errStopChanged):
		return ff.changed(fmt.Sprintf("figure %d is not where it was", n))
	case err != nil:
		if _, ok := err.(*DecodeError); ok {
			return ff.fail(err)
		}
		return err
	case n != len(ff.starts):
		return ff.changed(fmt.Sprintf("%d figures, was %d", n, len(ff.starts)))
	}
	return nil
}

var errStopChanged = errors.New("figure moved")

// lineUnknown is the line of a mark whose line is not known: lines counted
// from it stay below 1, so that positions found from it are known to need
// lineAt.
const lineUnknown = -1 << 40

// lineAt returns the line and column of offset off in the file, by
// counting its lines: for an error in a figure read again.
func (ff *figureFile) lineAt(off int64) (line, col int) {
	r := io.NewSectionReader(ff.f, 0, min(off, ff.size))
	buf := make([]byte, 64<<10)
	line, start := 1, int64(0)
	var pos int64
	for {
		n, err := r.Read(buf)
		for j := range n {
			if buf[j] == '\n' {
				line, start = line+1, pos+int64(j)+1
			}
		}
		pos += int64(n)
		if err != nil {
			break
		}
	}
	return line, int(off-start) + 1
}

// at decodes figure i.
func (ff *figureFile) at(i int) (Figure, error) {
	ff.mu.Lock()
	defer ff.mu.Unlock()
	if err := ff.check(); err != nil {
		return Figure{}, err
	}
	m := mark{off: ff.starts[i], line: lineUnknown}
	d := ff.reader
	if d == nil {
		d = ff.decoderAt(m, 8<<10)
		ff.reader = d
	} else {
		// Reuse the buffer and caches; start afresh at m.
		s := d.s
		*s = scanner{r: io.NewSectionReader(ff.f, m.off, ff.size-m.off), buf: s.buf[:cap(s.buf)],
			base: m.off, line: m.line, lineStart: m.lineStart, max: maxInputSize, scratch: s.scratch[:0]}
		d.path = d.path[:1]
	}
	var f Figure
	d.push("", i)
	if err := d.value(reflect.ValueOf(&f).Elem(), figureInfo()); err != nil {
		return Figure{}, ff.fail(err)
	}
	return f, nil
}

func (ff *figureFile) close() error {
	ff.mu.Lock()
	defer ff.mu.Unlock()
	if ff.closed {
		return nil
	}
	ff.closed = true
	ff.reader = nil
	return ff.f.Close()
}

// encodeFigures writes d to w as Encode does, reading the figures from
// d's file: the dossier without figures and errata, then the figures one
// at a time, then the errata, so that the output is the same as for the
// dossier held in memory.
func encodeFigures(w io.Writer, d *Dossier) error {
	c := *d
	c.Figures, c.Errata, c.file = nil, nil, nil
	head, err := marshalIndent(&c, "")
	if err != nil {
		return err
	}
	head = bytes.TrimSuffix(bytes.TrimRight(head, "\n"), []byte("\n}"))
	bw := &errWriter{w: w}
	bw.write(head)
	bw.write([]byte(",\n  \"figures\": ["))
	err = d.EachFigure(func(i int, f *Figure) error {
		b, err := marshalIndent(f, "    ")
		if err != nil {
			return err
		}
		if i > 0 {
			bw.write([]byte(","))
		}
		bw.write([]byte("\n    "))
		bw.write(bytes.TrimRight(b, "\n"))
		return bw.err
	})
	if err != nil {
		return err
	}
	bw.write([]byte("\n  ]"))
	if len(d.Errata) > 0 {
		b, err := marshalIndent(d.Errata, "  ")
		if err != nil {
			return err
		}
		bw.write([]byte(",\n  \"errata\": "))
		bw.write(bytes.TrimRight(b, "\n"))
	}
	bw.write([]byte("\n}\n"))
	if bw.err != nil {
		return fmt.Errorf("model: writing dossier: %w", bw.err)
	}
	return nil
}

func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("model: encoding dossier: %w", err)
	}
	return buf.Bytes(), nil
}

// errWriter keeps the first error of a series of writes.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
