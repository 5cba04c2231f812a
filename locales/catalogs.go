package locales

import (
	"fmt"
	"io/fs"

	"golang.org/x/text/language"
)

// Catalogs is a set of message catalogs that a caller holds: the package's
// own (Shipped), or a copy with some wording overridden for a house style
// or a language of the caller's (Override). Options.Catalogs chooses the
// set a Locale reads; report.Options carries Options. A Catalogs is safe
// for concurrent use and never changes once made, so that two briefings
// made at once with different house styles do not meet.
type Catalogs struct {
	reg *registry
}

// Shipped returns the package's catalogs: the ones compiled in, with those
// LoadFS added. It fails only if the compiled-in catalogs do not load.
func Shipped() (*Catalogs, error) {
	r, err := loaded()
	if err != nil {
		return nil, err
	}
	return &Catalogs{reg: r}, nil
}

// Override returns a new set: c's catalogs with the messages of the files
// that paths name in fsys (file names or path.Match patterns) replacing or
// adding to them. Each file is a go-i18n message file named for its
// language, as LoadFS reads them ("active.fr.toml", or
// "house.fr.toml"), and its messages are checked as LoadFS checks them:
// every id must exist in the English catalog with the same placeholders,
// so an override can change wording, never what a message says it holds.
// A file may hold just the few messages it changes:
//
//	["Figure.Metric.Killed"]
//	other = "Décès"
//
// c is not changed. A nil c is Shipped.
func (c *Catalogs) Override(fsys fs.FS, paths ...string) (*Catalogs, error) {
	if fsys == nil || len(paths) == 0 {
		return nil, fmt.Errorf("locales: Override: %w: no file system or no path", ErrInvalidValue)
	}
	base, err := c.registry()
	if err != nil {
		return nil, err
	}
	base.mu.RLock()
	sources := append([]source(nil), base.sources...)
	base.mu.RUnlock()
	r := newRegistry()
	for _, src := range sources {
		if err := r.loadFiles(src); err != nil {
			return nil, err
		}
	}
	if err := r.loadFiles(source{fsys: fsys, patterns: paths, replace: true}); err != nil {
		return nil, err
	}
	return &Catalogs{reg: r}, nil
}

// Languages returns the languages c has a catalog for, sorted by tag. A
// nil c answers for Shipped.
func (c *Catalogs) Languages() []language.Tag {
	r, err := c.registry()
	if err != nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.tags()
}

// registry returns c's registry, the package's for a nil c.
func (c *Catalogs) registry() (*registry, error) {
	if c == nil || c.reg == nil {
		return loaded()
	}
	return c.reg, nil
}
