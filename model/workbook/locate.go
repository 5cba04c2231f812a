package workbook

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// Where returns the sheet, cell and column header a JSON path of the
// dossier came from ("chronology[3].entries[2].sources[1]" →
// Chronology, H57, Sources), as far as it can tell: the row's first cell
// when the field has no column of its own; empty strings when the path
// names nothing the workbook held.
func (b *Book) Where(path string) (sheet, cell, column string) {
	// The longest prefix that is an object read from a row.
	for end := len(path); end > 0; end = strings.LastIndexAny(path[:end], ".[") {
		p := path[:end]
		l, ok := b.locs[p]
		if !ok {
			continue
		}
		rest := strings.TrimPrefix(path[end:], ".")
		sh := b.sh[l.sheet]
		if sh == nil {
			return b.names[l.sheet], "", ""
		}
		c := sh.find(rest)
		return sh.name, cellName(c, l.row), sh.heads[c]
	}
	// A field of the dossier's own.
	sh := b.sh["dossier"]
	if sh == nil {
		return "", "", ""
	}
	parts := strings.Split(indexRE.ReplaceAllString(path, ""), ".")
	for k := len(parts); k > 0; k-- {
		p := strings.Join(parts[:k], ".")
		row, ok := b.meta[p]
		if !ok {
			continue
		}
		c := sh.cols[colKey{key: "value"}]
		if mf := metaFieldOf(p); mf != nil && mf.kind == kText {
			if ks := sh.textCols["text"]; len(ks) > 0 {
				c = sh.cols[ks[0]]
			}
		}
		if k < len(parts) {
			if tag, err := language.Parse(parts[k]); err == nil {
				if tc := sh.cols[colKey{key: "text", tag: tag}]; tc > 0 {
					c = tc
				}
			}
		}
		if c == 0 {
			c = 1
		}
		return sh.name, cellName(c, row), sh.heads[c]
	}
	return "", "", ""
}

var indexRE = regexp.MustCompile(`\[[0-9]+\]`)

// find returns the column of a field path under a row's object:
// "sources[1]", "text.fr", "claimant.name.en", "coord.lat"; the first
// column when none holds it.
func (sh *readSheet) find(rest string) int {
	parts := strings.Split(indexRE.ReplaceAllString(rest, ""), ".")
	for k := len(parts); k > 0; k-- {
		key := strings.Join(parts[:k], ".")
		if m, ok := sh.spec.fields[key]; ok {
			key = m
		}
		c := sh.spec.col(key)
		if c == nil {
			continue
		}
		if c.kind == kText {
			if k < len(parts) {
				if tag, err := language.Parse(parts[k]); err == nil {
					if n := sh.cols[colKey{key: key, tag: tag}]; n > 0 {
						return n
					}
				}
			}
			if ks := sh.textCols[key]; len(ks) > 0 {
				return sh.cols[ks[0]]
			}
			continue
		}
		if n := sh.cols[colKey{key: key}]; n > 0 {
			return n
		}
	}
	return 1
}

var danglingRE = regexp.MustCompile(`unknown (source|place|figure) "((?:[^"\\]|\\.)*)"`)

// problem locates a validation issue, and suggests the id meant for a
// dangling reference.
func (b *Book) problem(is model.Issue) Problem {
	sheet, cell, column := b.Where(is.Path)
	p := Problem{Sheet: sheet, Cell: cell, Column: column, Severity: is.Severity, Path: is.Path, Err: is.Err}
	if sheet == "" {
		p.Err = prefixed{is.Path, is.Err}
	}
	if errors.Is(is.Err, model.ErrDangling) {
		if m := danglingRE.FindStringSubmatch(is.Err.Error()); m != nil {
			id, _ := strconv.Unquote(`"` + m[2] + `"`)
			if s := closest(id, b.ids(m[1])); s != "" && s != id {
				p.Err = suggestion{p.Err, s}
			}
		}
	}
	return p
}

// ids returns the ids of the dossier's sources, places or figures.
func (b *Book) ids(kind string) []string {
	d := b.Dossier
	var out []string
	switch kind {
	case "source":
		for _, s := range d.Sources {
			out = append(out, string(s.ID))
		}
	case "place":
		for _, p := range d.Places {
			out = append(out, string(p.ID))
		}
	case "figure":
		for _, f := range d.Figures {
			out = append(out, string(f.ID))
		}
	}
	return out
}

// suggestion is an error with the id probably meant.
type suggestion struct {
	err error
	id  string
}

func (s suggestion) Error() string { return s.err.Error() + "; did you mean " + s.id + "?" }
func (s suggestion) Unwrap() error { return s.err }

// prefixed is an error with the JSON path it concerns, for an issue no
// cell holds.
type prefixed struct {
	path string
	err  error
}

func (p prefixed) Error() string {
	if p.path == "" {
		return p.err.Error()
	}
	return p.path + ": " + p.err.Error()
}
func (p prefixed) Unwrap() error { return p.err }

// Locate names the cell of each issue, found by Validate or another check
// of the dossier Read returned, in its position: Pos.File becomes the
// workbook's file and the cell, "kz.xlsx: Chronology!H57 (Sources)", so
// that the issue prints where the researcher looks.
func (b *Book) Locate(issues model.Issues) {
	for i := range issues {
		sheet, cell, column := b.Where(issues[i].Path)
		if sheet == "" {
			issues[i].Pos.File = b.file
			continue
		}
		w := Problem{Sheet: sheet, Cell: cell, Column: column}.Where()
		if b.file != "" {
			w = b.file + ": " + w
		}
		issues[i].Pos = model.Position{File: w}
	}
}

// metaFieldOf returns the row of the dossier sheet that holds path.
func metaFieldOf(path string) *metaField {
	for i := range metaFields {
		if metaFields[i].path == path {
			return &metaFields[i]
		}
	}
	return nil
}
