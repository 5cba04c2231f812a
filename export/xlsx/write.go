package xlsx

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// Options says how to write a workbook. The zero Options writes the
// document's first language.
type Options struct {
	// Language is the language of the workbook: one of the document's
	// languages (for a bilingual briefing, either). The zero Tag means the
	// document's first language.
	Language language.Tag

	// TempDir is the directory where Write keeps the temporary files of
	// a large workbook: excelize's spools of rows, the compressed parts
	// of the workbook, the texts too long for a cell. They may take
	// hundreds of megabytes for a million figures, and Write removes them
	// before it returns; a program that may be killed before that can
	// give a directory of its own, and remove it. Empty means
	// os.TempDir().
	TempDir string

	// OnSplit, when not nil, is called by Write for each cell whose text
	// is too long for a cell, as it writes it, so that a program can warn
	// of it: the cells Check lists, without composing the rows twice.
	OnSplit func(Split)
}

// Write writes doc to w as an Excel workbook in one of its languages.
//
// The whole workbook is made before anything is written to w: on an
// error w receives nothing, unless the error is w's own, after which w
// may hold part of the workbook. An invalid option, a nil writer or a
// document that fails report's Document.Check is an error wrapping
// ErrOptions; a briefing whose figures or entries do not fit in a
// worksheet one wrapping ErrTooLarge; a failure (or panic) of the
// spreadsheet library one wrapping ErrWorkbook that says which sheet it
// was writing. A message missing from the catalogs is an error from
// package locales.
//
// A text longer than the 32,767 characters a cell holds is never cut
// without a word: the cell keeps its start and says where the whole text
// is, on a last sheet of long texts (see the package documentation, and
// Check, which lists such cells).
//
// Write does not change doc, and may be called from several goroutines
// at once. Large briefings use temporary files, in Options.TempDir,
// which Write removes.
func Write(w io.Writer, doc *report.Document, opt Options) (err error) {
	if err := checkDocument(doc); err != nil {
		return err
	}
	if w == nil {
		return fmt.Errorf("xlsx: %w: nil writer", ErrOptions)
	}
	b, err := newBook(doc, opt, false)
	if err != nil {
		return err
	}
	p := &packer{spool: spool{dir: opt.TempDir}}
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return p })
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("xlsx: %s: %w: panic: %v", b.stage, ErrWorkbook, r)
		}
		if cerr := b.close(); cerr != nil && err == nil {
			err = fmt.Errorf("xlsx: %w: %w", ErrWorkbook, cerr)
		}
		p.close()
	}()
	if err := b.build(); err != nil {
		return err
	}
	b.stage = "saving"
	// excelize keeps each sheet in xl/worksheets/sheetN.xml, N its id.
	for id, name := range b.f.GetSheetMap() {
		if sl, ok := b.links[name]; ok {
			p.setLinks("xl/worksheets/sheet"+strconv.Itoa(id)+".xml", sl.links, sl.rels)
		}
	}
	// excelize hands every part to p, which compresses it; nothing has
	// been written to w yet.
	if _, err := b.f.WriteToBuffer(); err != nil {
		return b.fail(err)
	}
	if err := p.finish(); err != nil {
		return b.fail(err)
	}
	return p.writeTo(w, b.modified().Time())
}

// Check returns the cells of the workbook Write would write that hold a
// text longer than a cell may hold, which Write splits (see Split), in
// the order Write meets them; none for most briefings. It composes every
// row as Write does, without writing the workbook: for a briefing of a
// million figures it takes a few seconds. Its errors are those of Write
// for the same document and options, but for the writer's.
func Check(doc *report.Document, opt Options) (splits []Split, err error) {
	if err := checkDocument(doc); err != nil {
		return nil, err
	}
	b, err := newBook(doc, opt, true)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("xlsx: %s: %w: panic: %v", b.stage, ErrWorkbook, r)
		}
		if cerr := b.close(); cerr != nil && err == nil {
			err = fmt.Errorf("xlsx: %w: %w", ErrWorkbook, cerr)
		}
	}()
	if err := b.build(); err != nil {
		return nil, err
	}
	return b.long.splits, nil
}

// checkDocument reports a nil document or one that fails its Check.
func checkDocument(doc *report.Document) error {
	if doc == nil {
		return fmt.Errorf("xlsx: %w: nil document", ErrOptions)
	}
	if err := doc.Check(); err != nil {
		return fmt.Errorf("xlsx: %w: %w", ErrOptions, err)
	}
	return nil
}

// newBook checks the options and starts a workbook of a checked
// document; with check, one that composes its rows without writing them
// (Check).
func newBook(doc *report.Document, opt Options, check bool) (*book, error) {
	lang, err := opt.language(doc)
	if err != nil {
		return nil, err
	}
	wd, err := newWords(doc.Languages[lang])
	if err != nil {
		return nil, err
	}
	// excelize's own defaults, with the temporary directory.
	f := excelize.NewFile(excelize.Options{
		TmpDir:            opt.TempDir,
		UnzipSizeLimit:    excelize.UnzipSizeLimit,
		UnzipXMLSizeLimit: excelize.StreamChunkSize,
	})
	b := &book{doc: doc, lang: lang, w: wd, f: f, stage: "workbook", links: map[string]sheetLinks{}, check: check, onSplit: opt.OnSplit}
	b.long.spool.dir = opt.TempDir
	return b, nil
}

// close closes the workbook and removes its temporary files.
func (b *book) close() error {
	b.long.spool.close()
	return b.f.Close()
}

// language returns the index of the workbook's language in doc.Languages.
func (o Options) language(doc *report.Document) (int, error) {
	if len(doc.Languages) == 0 {
		return 0, fmt.Errorf("xlsx: %w: the document has no language", ErrOptions)
	}
	if o.Language == (language.Tag{}) {
		return 0, nil
	}
	if i := slices.Index(doc.Languages, o.Language); i >= 0 {
		return i, nil
	}
	return 0, fmt.Errorf("xlsx: %w: the document is not in %s (it is in %v)", ErrOptions, o.Language, doc.Languages)
}

// book is the state of one Write.
type book struct {
	doc    *report.Document
	lang   int // index of the workbook's language in doc.Languages
	w      *words
	f      *excelize.File
	styles *styles
	sheets int                   // sheets started
	stage  string                // what is being written, for errors
	links  map[string]sheetLinks // the links of each sheet, by name, for the packer
	long   longTexts             // the texts too long for a cell
	check  bool                  // rows are composed, not written (Check)

	onSplit func(Split) // Options.OnSplit
}

// fail wraps an error of the spreadsheet library with where it happened.
func (b *book) fail(err error) error {
	return fmt.Errorf("xlsx: %s: %w: %w", b.stage, ErrWorkbook, err)
}

// t returns the workbook's language of l, or "" when l lacks it.
func (b *book) t(l report.L) string {
	if b.lang < len(l) {
		return l[b.lang]
	}
	return ""
}

// sheetName returns the name of a sheet.
func (b *book) sheetName(id locales.ID) string { return b.w.sheet[id] }

func (b *book) build() error {
	b.styles = newStyles(b.f, b.w)
	if err := b.properties(); err != nil {
		return err
	}
	steps := []func() error{b.summary, b.changes, b.figures, b.contested, b.charts, b.timeline, b.places, b.sources, b.longTexts}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
		if b.w.err != nil {
			return b.w.err
		}
	}
	// The first sheet is the active one, as in every new excelize file:
	// SetActiveSheet(0) would change nothing in the workbook, and would
	// parse every streamed sheet (to mark it unselected) only for excelize
	// to write the streamed XML instead.
	return nil
}

// properties sets the document properties: title, creator, language and
// dates from the document, never the clock.
func (b *book) properties() error {
	d := b.doc
	creator := b.t(d.Meta.Issuer)
	if u := b.t(d.Meta.Unit); u != "" {
		creator += ", " + u
	}
	stamp := func(d model.Date) string { return d.Time().Format(time.RFC3339) }
	p := &excelize.DocProperties{
		Title:          b.t(d.Meta.Title),
		Subject:        b.w.msg(locales.WorkbookSubject, nil),
		Description:    b.t(d.Meta.Summary),
		Keywords:       b.t(d.Meta.Keywords),
		Category:       b.w.msg(locales.DocumentSeries, nil),
		Identifier:     d.DossierID,
		Creator:        creator,
		LastModifiedBy: creator,
		Language:       d.Languages[b.lang].String(),
	}
	if !d.Meta.Published.IsZero() {
		p.Created = stamp(d.Meta.Published)
		p.Modified = stamp(b.modified())
	}
	b.stage = "document properties"
	if err := b.f.SetDocProps(p); err != nil {
		return b.fail(err)
	}
	return nil
}

// modified is the date of the workbook's last change: the document's
// update, else its publication, else 1 January 1980 (the zip epoch).
func (b *book) modified() model.Date {
	m := b.doc.Meta
	switch {
	case !m.Updated.IsZero():
		return m.Updated
	case !m.Published.IsZero():
		return m.Published
	}
	return model.Date{Year: 1980, Month: time.January, Day: 1}
}
