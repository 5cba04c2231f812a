package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/model/workbook"
	"golang.org/x/text/language"
)

// isWorkbook reports whether a dossier file is an authoring workbook.
func isWorkbook(name string) bool { return strings.EqualFold(filepath.Ext(name), ".xlsx") }

// readWorkbook reads an authoring workbook as a dossier, with its
// validation issues located in cells. A workbook whose cells cannot be
// read is an error, after its problems are printed.
func readWorkbook(name string, stderr io.Writer) (*model.Dossier, model.Issues, *workbook.Book, error) {
	book, err := workbook.ReadFile(name)
	var re *workbook.ReadError
	if book == nil {
		if errors.As(err, &re) {
			for _, p := range re.Problems {
				fmt.Fprintf(stderr, "%s: %s\n", name, p)
			}
			return nil, nil, nil, fmt.Errorf("%s cannot be read: %d problems; nothing written", name, len(re.Problems))
		}
		return nil, nil, nil, err
	}
	// The issues as the JSON's: the same checks, located in cells.
	issues := model.Validate(book.Dossier)
	book.Locate(issues)
	return book.Dossier, issues, book, nil
}

// writeTemplate writes an empty authoring workbook for a dossier in
// langs (French and English by default), headers in the first.
func writeTemplate(name string, langs []language.Tag, stdout io.Writer) error {
	if len(langs) == 0 {
		langs = []language.Tag{language.French, language.English}
	}
	d := &model.Dossier{Format: model.Format, Languages: langs}
	return convert(d, name, langs, stdout)
}

// convert writes d to name: JSON for .json, an authoring workbook for
// .xlsx, headers in the first of langs (or the dossier's first language).
func convert(d *model.Dossier, name string, langs []language.Tag, stdout io.Writer) error {
	var render func(io.Writer) error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		render = func(w io.Writer) error { return model.Encode(w, d) }
	case ".xlsx":
		var opt workbook.Options
		if len(langs) > 0 {
			opt.Language = langs[0]
		}
		render = func(w io.Writer) error { return workbook.Write(w, d, opt) }
	default:
		return usagef("%q: want a file ending in .json or .xlsx", name)
	}
	if err := writeFile(name, render); err != nil {
		return fmt.Errorf("%s: not written: %w", name, err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", name)
	return nil
}

// writeFile writes a file through a temporary file beside it, renamed
// once complete, so that a failure leaves any earlier file as it was.
func writeFile(name string, render func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	bw := bufio.NewWriter(f)
	if err := render(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
